#!/usr/bin/env bash
# Worst cases of the documented limits: builds, for each limit, the largest input the grader accepts
# (grader/bench/LimitInputs.java, compiled against the jar so the inputs follow the limits the jar
# enforces) in a temporary folder, runs the command that input is for once, cold, under GNU time
# (/usr/bin/time -v), and prints its exit code, CPU (user + sys), wall clock and max RSS.
#
#   mvn -B -ntp -q -DskipTests package      # builds grader/target/grader.jar, which this script needs
#   grader/bench/limits.sh [--java-opts "-Xmx256m"] [--only NAME] [--keep]
#
# Cases (NAME: command, expected exit code):
#   largest-solve, largest-grade    the largest exercise (16 units, 200 steps, the longest training run,
#                                   everything asked): solve; grade a wrong submission cut to the 1 MiB cap
#   longest-solve, longest-grade    the same with 1 unit: the most asked quantities a submission can answer
#   training-grade                  one step and the most updates
#   variants-small, variants-large, variants-training
#                                   randomized exercises that no draw satisfies, with as many tries as
#                                   each may ask for: template --student (exit 2 after every draw)
#   roster                          generate for the most students a roster may list (seed-000-variants)
#   overrides-grade                 the longest exercise with a grading override for every asked name
#   submission-list, submission-deep
#                                   a 1 MiB submission: one long list; lists nested as deep as allowed
# Options: --java-opts OPTS (added to every java command, e.g. -Xmx256m to check the heap suffices);
# --only NAME (one case); --keep (keep the temporary folder and print its path).
# Exit 0 when every case exits as expected; 2 with a one-line message otherwise.
set -euo pipefail

die() {
  echo "limits.sh: $*" >&2
  exit 2
}

java_opts=()
only=
keep=false
while [ $# -gt 0 ]; do
  case "$1" in
    --java-opts)
      [ $# -ge 2 ] || die "--java-opts needs a value"
      read -r -a java_opts <<<"$2"
      shift 2
      ;;
    --only)
      [ $# -ge 2 ] || die "--only needs a case name"
      only=$2
      shift 2
      ;;
    --keep)
      keep=true
      shift
      ;;
    -h | --help)
      sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option '$1' (expected --java-opts OPTS, --only NAME or --keep)" ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
jar=$root/grader/target/grader.jar
[ -f "$jar" ] || die "grader/target/grader.jar is missing: run 'mvn -B -ntp -q -DskipTests package' first"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing"
command -v javac >/dev/null || die "javac (a JDK) is not on the PATH"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/limits.XXXXXX")
if [ "$keep" = true ]; then
  echo "inputs and outputs kept in $tmp"
else
  trap 'rm -rf "$tmp"' EXIT
fi
trap 'exit 130' INT TERM

javac -cp "$jar" -d "$tmp/gen" grader/bench/LimitInputs.java 2>"$tmp/javac.err" \
  || die "javac LimitInputs.java failed: $(head -n1 "$tmp/javac.err")"
java -cp "$jar:$tmp/gen" LimitInputs "$tmp/in" 2>"$tmp/gen.err" || die "LimitInputs failed: $(head -n1 "$tmp/gen.err")"
in=$tmp/in
grader=(java ${java_opts[@]+"${java_opts[@]}"} -jar "$jar")

# A submission for an exercise from its solution (solve --format json): every number's first decimal
# changed (0.4621 -> 0.94621, so nearly every answer is wrong and the grader looks for carried-forward
# values and misconceptions), cut to the largest whole answers that fit in the 1 MiB a file may have.
wrong_submission() { # exercise-file student out-file
  "${grader[@]}" solve "$1" --format json >"$tmp/solution.json" 2>"$tmp/solve.err" \
    || die "solve $1 failed: $(head -n1 "$tmp/solve.err")"
  sed -E "s/\"quantities\" : \\{/\"student\" : \"$2\", \"answers\" : {/; s/([0-9])\\.([0-9])/\\1.9\\2/g" \
    "$tmp/solution.json" >"$tmp/answers.json"
  awk -v cap=1048000 '
      NR <= 3 { print; size += length($0) + 1; next }          # {, "exercise", "student"/"answers"
      /^  }/ { exit }                                           # the end of the answers
      { line = $0; sub(/,$/, "", line)
        if (size + length(line) + 8 > cap) exit
        if (kept) print previous ","
        previous = line; kept = 1; size += length(line) + 2 }
      END { if (kept) print previous; print "  }"; print "}" }' "$tmp/answers.json" >"$3"
}

# grading.overrides naming every quantity the longest exercise asks, in reverse order (each name is
# matched against every override before the first that names it is found)
overrides_exercise() { # out-file
  "${grader[@]}" template "$in/exercises/longest.yaml" --student s1 | sed -n 's/^  "\(.*\)": ~$/\1/p' | tac \
    | awk 'BEGIN { print "grading:\n  overrides:" } { printf "    \"%s\": {decimals: 3}\n", $0 }' >"$tmp/override-lines"
  sed 's/^id: limit-longest$/id: limit-overrides/' "$in/exercises/longest.yaml" | cat - "$tmp/override-lines" >"$1"
}

wanted() { # name: whether this run measures the case
  [ -z "$only" ] || [ "$only" = "$1" ]
}

measure() { # name expected-exit command...
  local name=$1 expected=$2
  shift 2
  wanted "$name" || return 0
  local code=0
  /usr/bin/time -v -o "$tmp/$name.time" "$@" >"$tmp/$name.out" 2>"$tmp/$name.err" || code=$?
  [ "$code" = "$expected" ] || die "$name: exit $code, expected $expected: $(head -c 300 "$tmp/$name.err" | head -n1)"
  local user sys wall rss
  user=$(sed -n 's/^\tUser time (seconds): //p' "$tmp/$name.time")
  sys=$(sed -n 's/^\tSystem time (seconds): //p' "$tmp/$name.time")
  wall=$(sed -n 's/^\tElapsed (wall clock) time (h:mm:ss or m:ss): //p' "$tmp/$name.time")
  rss=$(sed -n 's/^\tMaximum resident set size (kbytes): //p' "$tmp/$name.time")
  printf '%-18s %4s %8s %8s %7d\n' "$name" "$code" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" \
    "$wall" $((rss / 1024))
}

printf '%-18s %4s %8s %8s %7s\n' case exit "CPU s" wall "RSS MB"
mkdir -p "$tmp/out"
measure largest-solve 0 "${grader[@]}" solve "$in/exercises/largest.yaml"
if wanted largest-grade; then
  wrong_submission "$in/exercises/largest.yaml" s1 "$tmp/largest-answers.json"
fi
measure largest-grade 1 "${grader[@]}" grade "$tmp/largest-answers.json" --exercises "$in/exercises" --out "$tmp/out/largest"
measure longest-solve 0 "${grader[@]}" solve "$in/exercises/longest.yaml"
if wanted longest-grade; then
  wrong_submission "$in/exercises/longest.yaml" s1 "$tmp/longest-answers.json"
fi
measure longest-grade 1 "${grader[@]}" grade "$tmp/longest-answers.json" --exercises "$in/exercises" --out "$tmp/out/longest"
if wanted training-grade; then
  wrong_submission "$in/exercises/training.yaml" s1 "$tmp/training-answers.json"
fi
measure training-grade 1 "${grader[@]}" grade "$tmp/training-answers.json" --exercises "$in/exercises" --out "$tmp/out/training"
for variant in small large training; do
  measure "variants-$variant" 2 "${grader[@]}" template "$in/variants-$variant.yaml" --student s1 --salt limits
done
measure roster 0 "${grader[@]}" generate exercises/seed-000-variants.yaml --roster "$in/roster.csv" --out "$tmp/out/class" \
  --salt limits
if wanted overrides-grade; then
  mkdir -p "$tmp/overrides"
  overrides_exercise "$tmp/overrides/overrides.yaml"
  wrong_submission "$tmp/overrides/overrides.yaml" s1 "$tmp/overrides-answers.json"
fi
measure overrides-grade 1 "${grader[@]}" grade "$tmp/overrides-answers.json" --exercises "$tmp/overrides" --out "$tmp/out/overrides"
measure submission-list 1 "${grader[@]}" grade "$in/submission-list.yaml" --keep-going --out "$tmp/out/list"
measure submission-deep 1 "${grader[@]}" grade "$in/submission-deep.yaml" --keep-going --out "$tmp/out/deep"
