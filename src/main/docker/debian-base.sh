#!/usr/bin/env bash
# Makes the two base images of Dockerfile.jvm from Debian packages, for sites without access to a container registry
# (a local Debian mirror is enough):
#   care-debian-jdk:<suite>   Debian's OpenJDK 17, only for the jlink build stage (its runtime goes into the image)
#   care-debian-base:<suite>  Debian's essential packages and libstdc++, without docs, manuals and translations
# Usage: src/main/docker/debian-base.sh [--force] [--suite bookworm] [--mirror URL]
# Prints the two image names on its last two lines. Images already there are reused unless --force.
# Needs mmdebstrap (apt-get install mmdebstrap) and root or unprivileged user namespaces.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
engine="$here/engine"
suite=bookworm force=false mirror="${CARE_DEBIAN_MIRROR:-}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --force) force=true ;;
    --suite) suite="$2"; shift ;;
    --mirror) mirror="$2"; shift ;;
    *) echo "debian-base.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
jdk_image="localhost/care-debian-jdk:$suite"
base_image="localhost/care-debian-base:$suite"

have() { [[ -n "$("$engine" images -q "$1" 2>/dev/null)" ]]; }

if ! $force && have "$jdk_image" && have "$base_image"; then
  echo "Debian bases already there (--force makes them anew):" >&2
  echo "$jdk_image"; echo "$base_image"; exit 0
fi
command -v mmdebstrap >/dev/null 2>&1 || { echo "debian-base.sh: mmdebstrap is missing (Debian: apt-get install mmdebstrap)" >&2; exit 3; }

work="$(mktemp -d "${TMPDIR:-/tmp}/care-debian-base.XXXXXX")"
trap 'rm -rf "$work"' EXIT
slim=(--dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*'
      --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*'
      --dpkgopt='path-exclude=/usr/share/info/*')
# merged-usr through the hook, not the usrmerge package, which would bring perl along.
common=(--variant=essential --hook-dir=/usr/share/mmdebstrap/hooks/merged-usr "${slim[@]}")
started=$SECONDS
echo "==> mmdebstrap: $base_image and $jdk_image from Debian $suite${mirror:+ ($mirror)}, both at once" >&2
mmdebstrap -q "${common[@]}" --include=libstdc++6 "$suite" "$work/base.tar" ${mirror:+"$mirror"} > "$work/base.log" 2>&1 &
base_pid=$!
# OpenJDK's post-install script links its manual pages: their folder must exist although their files are left out.
mmdebstrap -q "${common[@]}" --setup-hook='mkdir -p "$1/usr/share/man/man1"' --include=openjdk-17-jdk-headless \
  "$suite" "$work/jdk.tar" ${mirror:+"$mirror"} > "$work/jdk.log" 2>&1 &
jdk_pid=$!
failed=false
wait $base_pid || { failed=true; echo "mmdebstrap of the base failed:" >&2; tail -20 "$work/base.log" >&2; }
wait $jdk_pid || { failed=true; echo "mmdebstrap of the JDK failed:" >&2; tail -20 "$work/jdk.log" >&2; }
$failed && exit 1
echo "==> root file systems made in $((SECONDS - started)) s; importing them" >&2

# FROM scratch + ADD works alike with docker, podman and buildah (import does not exist in buildah).
import() {
  local tar="$1" image="$2" ctx="$work/ctx-$(basename "$1" .tar)"
  mkdir -p "$ctx" && mv "$tar" "$ctx/rootfs.tar"
  printf 'FROM scratch\nADD rootfs.tar /\nCMD ["bash"]\n' > "$ctx/Containerfile"
  "$engine" build -q --network=host -f "$ctx/Containerfile" -t "$image" "$ctx" >/dev/null
}
import "$work/base.tar" "$base_image"
import "$work/jdk.tar" "$jdk_image"
echo "==> Debian bases ready in $((SECONDS - started)) s" >&2
echo "$jdk_image"; echo "$base_image"
