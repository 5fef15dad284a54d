# JVM options of Care's launcher, sourced by ./care run and ./care bench startup (JAVA_OPTS come after them and win).
# Chosen for a fast start and a small footprint (measured by ./care bench startup; README "Start-up"):
#   -XX:TieredStopAtLevel=1   the C1 compiler only: at start most CPU time went to C2 compiling code that runs once;
#                             C1 code is slower at peak, so give JAVA_OPTS=-XX:TieredStopAtLevel=4 for the heaviest loads
#   -XX:+UseSerialGC          one GC thread, no G1 remembered sets: right for heaps of a few hundred MB
#   -Xms32m                   the heap grows from a small start as needed (the maximum stays the JVM's default), instead
#                             of committing 1/64 of the machine's memory, mostly a young generation full of start-up garbage
#   class archive             the classes a start loads, mapped from an archive that the first start of a build writes at
#                             exit, next to quarkus-run.jar; a rebuild replaces the folder and the archive. ./care build
#                             packages the app as Quarkus' aot-jar (its jars on the JVM's class path), so the archive
#                             holds the application's classes too, not only the JDK's. One archive per Java version:
#                             JDK 25 and later an AOT cache (app-<version>.aot, JEP 483/515: classes loaded and linked,
#                             method profiles), older ones a dynamic AppCDS archive (app-cds-<version>.jsa).
#                             -Xlog:cds=off, aot=off: the JDK warns about each class it cannot archive; on 25, every tag
#                             set under aot and cds (aot*, cds*): it also warns under aot+codecache+stubs at each start.

# The java that runs Care (./care run, ./care bench startup): CARE_JAVA if set (a java executable, e.g.
# CARE_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java), else the first on PATH. Builds keep Maven's own JDK.
care_java() {
  echo "${CARE_JAVA:-java}"
}

# The version of the java that runs Care, read from its release file: no JVM started.
care_java_version() {
  local java home
  java="$(readlink -f "$(command -v "$(care_java)")" 2>/dev/null)" || return 0
  home="$(dirname "$(dirname "$java")")"
  sed -n 's/^JAVA_VERSION="\([^"]*\)"$/\1/p' "$home/release" 2>/dev/null
}

care_java_opts() { # $1: the quarkus-app folder; $2: the Java version (default: care_java_version)
  local opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m" version="${2-$(care_java_version)}"
  local feature="${version%%.*}" archive use make quiet
  if [[ "$feature" =~ ^[0-9]+$ ]] && ((feature >= 25)); then
    archive="$1/app-$version.aot" use=-XX:AOTCache make=-XX:AOTCacheOutput quiet="-Xlog:aot*=off -Xlog:cds*=off"
  else
    archive="$1/app-cds${version:+-$version}.jsa" use=-XX:SharedArchiveFile make=-XX:ArchiveClassesAtExit
    quiet="-Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
  if [[ -f "$archive" ]]; then
    opts+=" $use=$archive"
  elif [[ -w "$1" ]]; then
    opts+=" $make=$archive"
  fi
  echo "$opts $quiet"
}
