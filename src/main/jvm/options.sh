# JVM options of Care's launcher, sourced by ./care run and ./care bench startup (JAVA_OPTS come after them and win).
# Chosen for a fast start and a small footprint (measured by ./care bench startup; README "Start-up"):
#   -XX:TieredStopAtLevel=1   the C1 compiler only: at start most CPU time went to C2 compiling code that runs once;
#                             C1 code is slower at peak, so give JAVA_OPTS=-XX:TieredStopAtLevel=4 for the heaviest loads
#   -XX:+UseSerialGC          one GC thread, no G1 remembered sets: right for heaps of a few hundred MB
#   -Xms32m                   the heap grows from a small start as needed (the maximum stays the JVM's default), instead
#                             of committing 1/64 of the machine's memory, mostly a young generation full of start-up garbage
#   AppCDS                    the classes a start loads, mapped from an archive that the first start of a build writes at
#                             exit (app-cds.jsa next to quarkus-run.jar); a rebuild replaces the folder and the archive.
#                             -Xlog:cds=off: the JDK warns about each class it cannot archive.
care_java_opts() { # $1: the quarkus-app folder
  local opts="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xms32m"
  if [[ -f "$1/app-cds.jsa" ]]; then
    opts+=" -XX:SharedArchiveFile=$1/app-cds.jsa"
  elif [[ -w "$1" ]]; then
    opts+=" -XX:ArchiveClassesAtExit=$1/app-cds.jsa"
  fi
  echo "$opts -Xlog:cds=off -Xlog:cds+dynamic=off"
}
