#!/usr/bin/env bash
# The whole-process benchmark with the launcher: runs grader/bench/whole-process.sh (same options, e.g.
# --runs 3 or --quick) with every `java -jar grader/target/grader.jar ...` it starts replaced by
# `grader/bin/grader ...` (class-data archive, quick JIT only, serial GC). The baselines (hello world,
# parse-only) still run plain java. Both go through a small `java` script put first on the PATH, which
# costs each command, A and B alike, one extra /bin/sh start (about a millisecond).
#
#   mvn -B -ntp -q -DskipTests package      # builds grader/target/grader.jar and grader.jsa
#   grader/bench/whole-process-launcher.sh --runs 3
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
real_java=$(command -v java) || {
  echo "whole-process-launcher.sh: java is not on the PATH" >&2
  exit 2
}
real_java=$(readlink -f "$real_java")
[ -f "$root/grader/target/grader.jsa" ] \
  || echo "whole-process-launcher.sh: no grader/target/grader.jsa: the launcher runs without an archive" >&2

shim=$(mktemp -d "${TMPDIR:-/tmp}/launcher-shim.XXXXXX")
trap 'rm -rf "$shim"' EXIT
cat >"$shim/java" <<EOF
#!/bin/sh
if [ "\$1" = "-jar" ] && [ "\$2" = "grader/target/grader.jar" ]; then
  shift 2
  exec "$root/grader/bin/grader" "\$@"
fi
exec "$real_java" "\$@"
EOF
chmod +x "$shim/java"

# The launcher runs JAVA_HOME/bin/java: the real one, not the script above.
JAVA_HOME=$(dirname "$(dirname "$real_java")") PATH="$shim:$PATH" "$root/grader/bench/whole-process.sh" "$@"
