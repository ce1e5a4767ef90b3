#!/usr/bin/env bash
# Whole-process benchmark: each figure is a ratio of two commands measured side by side in one run
# (A B A B ..., cold JVMs): CPU (user + sys), wall clock, and max RSS from GNU time (/usr/bin/time -v).
#
#   mvn -B -ntp -q -DskipTests package      # builds grader/target/grader.jar, which this script needs
#   grader/bench/whole-process.sh [--runs N] [--quick]
#
# Comparisons (A against B):
#   1, 2  grade one sample submission (seed 000, seed 001)  against  a Java hello world
#   3     grade a class of 1000 submissions                 against  parsing the same files with Jackson's YAML mapper alone
#   4     solve the largest exercise the format allows      against  a Java hello world
# Options: --runs N (pairs per comparison, default 5); --quick (1 run, a class of 100: a smoke test).
# Each command also runs once, untimed, before its pairs: it checks the exit code and warms the file cache.
# Exit 0 on success; 2 with a one-line message when the jar is missing or a command fails.
set -euo pipefail

die() {
  echo "whole-process.sh: $*" >&2
  exit 2
}

runs=5
class_size=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs)
      [ $# -ge 2 ] && [[ "$2" =~ ^[1-9][0-9]*$ ]] || die "--runs needs a positive whole number"
      runs=$2
      shift 2
      ;;
    --quick)
      runs=1
      class_size=100
      shift
      ;;
    -h | --help)
      sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *) die "unknown option '$1' (expected --runs N or --quick)" ;;
  esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root" # grade finds each submission's exercise under exercises/
jar=grader/target/grader.jar
[ -f "$jar" ] || die "$jar is missing: run 'mvn -B -ntp -q -DskipTests package' first"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing"
command -v java >/dev/null || die "java is not on the PATH"
command -v javac >/dev/null || die "javac (a JDK) is not on the PATH"
command -v timeout >/dev/null || die "timeout (coreutils) is missing"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/whole-process.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

# --- inputs: the helpers, a class of submissions, the largest exercise ------------------------------

bench=grader/bench
javac -d "$tmp/hello" "$bench/Hello.java" 2>"$tmp/javac.err" || die "javac Hello.java failed: $(head -n1 "$tmp/javac.err")"
javac -cp "$jar" -d "$tmp/parse" "$bench/ParseOnly.java" 2>"$tmp/javac.err" \
  || die "javac ParseOnly.java failed: $(head -n1 "$tmp/javac.err")"
javac -d "$tmp/gen" "$bench/LargeExercise.java" 2>"$tmp/javac.err" \
  || die "javac LargeExercise.java failed: $(head -n1 "$tmp/javac.err")"

# The class: seed 000's and seed 002's sample submissions, alternating, each with its own student id.
mkdir -p "$tmp/class"
templates=()
for sample in exercises/samples/seed-000-author.yaml exercises/samples/seed-002-author.yaml; do
  [ -f "$sample" ] || die "$sample is missing"
  grep -q '^student: ' "$sample" || die "$sample has no 'student:' line"
  templates+=("$(sed 's/^student: .*/student: @ID@/' "$sample")")
done
for ((i = 1; i <= class_size; i++)); do
  printf -v id 's%04d' "$i"
  template=${templates[$(((i - 1) % 2))]}
  printf '%s\n' "${template//@ID@/$id}" >"$tmp/class/$id.yaml"
done

# The largest exercise: 16 inputs, hidden units and outputs, 2 sequences of 50 steps (the most steps the format allows in all) (fixed seed).
java -cp "$tmp/gen" LargeExercise 1 >"$tmp/largest.yaml" || die "LargeExercise failed"

# --- commands, as argument lists (the class's glob is expanded here, in sorted order) -------------

hello=(java -cp "$tmp/hello" Hello)
grade_seed0=(java -jar "$jar" grade exercises/samples/seed-000-author.yaml --out "$tmp/r0")
grade_seed1=(java -jar "$jar" grade exercises/samples/seed-001-author.yaml --out "$tmp/r0")
grade_class=(java -jar "$jar" grade "$tmp"/class/*.yaml --out "$tmp/rc")
parse_class=(java -cp "$jar:$tmp/parse" ParseOnly "$tmp"/class/*.yaml)
solve_largest=(java -jar "$jar" solve "$tmp/largest.yaml" --format json)

# run_timed OK_CODES COMMAND [STDOUT]: runs the command (the name of one of the arrays above) once, under
# /usr/bin/time -v and timeout (300 s), its output to STDOUT (default $tmp/stdout), and sets
#   cpu   user + sys seconds of the process tree, from bash's `times` in a subshell (GNU time prints
#         CPU truncated to 0.01 s, too coarse for a hello world of about 0.02 s),
#   wall  seconds, from $EPOCHREALTIME around it,
#   rss   the max RSS in MB, from /usr/bin/time -v,
# less the wrapper's own cost (overhead_cpu, overhead_wall: measured on `true` before the comparisons).
# The reports folder of the previous run is removed first.
overhead_cpu=0
overhead_wall=0
run_timed() {
  local ok=$1 name=$2 out=${3:-$tmp/stdout} rc start end
  local -n cmd=$name
  rm -rf "$tmp/r0" "$tmp/rc"
  start=${EPOCHREALTIME/,/.}
  (
    status=0
    # --foreground: the command stays in this process group, so Ctrl-C reaches it.
    /usr/bin/time -v -o "$tmp/time.txt" timeout --foreground 300 "${cmd[@]}" >"$out" 2>"$tmp/stderr" || status=$?
    echo "$status"
    times
  ) >"$tmp/times.txt"
  end=${EPOCHREALTIME/,/.}
  rc=$(head -n1 "$tmp/times.txt")
  if [ "$rc" -eq 124 ]; then
    die "$name did not finish within 300 s"
  fi
  case " $ok " in
    *" $rc "*) ;;
    *) die "$name exited with $rc: $(grep -v '^[[:space:]]*$' "$tmp/stderr" | head -n1)" ;;
  esac
  read -r cpu wall < <(awk -v start="$start" -v end="$end" -v oc="$overhead_cpu" -v ow="$overhead_wall" '
    function seconds(t, p) { split(t, p, "m"); return p[1] * 60 + substr(p[2], 1, length(p[2]) - 1) }
    NR == 3 { c = seconds($1) + seconds($2) - oc; w = end - start - ow
      printf "%.4f %.4f\n", (c > 0.001 ? c : 0.001), (w > 0.001 ? w : 0.001) }' "$tmp/times.txt")
  rss=$(awk -F': ' '/Maximum resident set size \(kbytes\)/ { printf "%.1f", $2 / 1024 }' "$tmp/time.txt")
}

# Median of the numbers given as arguments.
median() {
  printf '%s\n' "$@" | LC_ALL=C sort -g | awk '{ v[NR] = $1 } END { m = int((NR + 1) / 2); print (NR % 2 ? v[m] : (v[m] + v[m + 1]) / 2) }'
}

# "median (min-max)" of the ratios a[i] / b[i].
ratios() {
  local -n as=$1 bs=$2
  local i list=()
  for ((i = 0; i < ${#as[@]}; i++)); do
    list+=("$(awk -v a="${as[$i]}" -v b="${bs[$i]}" 'BEGIN { printf "%.3f", a / b }')")
  done
  local med lo hi
  med=$(median "${list[@]}")
  lo=$(printf '%s\n' "${list[@]}" | LC_ALL=C sort -g | head -n1)
  hi=$(printf '%s\n' "${list[@]}" | LC_ALL=C sort -g | tail -n1)
  awk -v m="$med" -v l="$lo" -v h="$hi" 'BEGIN { printf "%.1f (%.1f-%.1f)", m, l, h }'
}

rows=()
# compare NAME A A_OK_CODES B B_OK_CODES [A_STDOUT]
compare() {
  local name=$1 a=$2 a_ok=$3 b=$4 b_ok=$5 a_out=${6:-$tmp/stdout} i
  local a_cpu=() a_wall=() a_rss=() b_cpu=() b_wall=() b_rss=()
  echo "  $name: a check run of each, then $runs pairs" >&2
  run_timed "$a_ok" "$a" "$a_out"
  run_timed "$b_ok" "$b"
  for ((i = 1; i <= runs; i++)); do
    run_timed "$a_ok" "$a" "$a_out"
    a_cpu+=("$cpu") a_wall+=("$wall") a_rss+=("$rss")
    run_timed "$b_ok" "$b"
    b_cpu+=("$cpu") b_wall+=("$wall") b_rss+=("$rss")
  done
  rows+=("$(printf '%-34s %7.3f %7.3f  %-20s %7.3f %7.3f  %-20s %6.0f %6.0f' "$name" \
    "$(median "${a_cpu[@]}")" "$(median "${b_cpu[@]}")" "$(ratios a_cpu b_cpu)" \
    "$(median "${a_wall[@]}")" "$(median "${b_wall[@]}")" "$(ratios a_wall b_wall)" \
    "$(median "${a_rss[@]}")" "$(median "${b_rss[@]}")")")
}

echo "whole-process benchmark: $runs run(s) per command, class of $class_size" >&2

# The wrapper's own cost (GNU time, timeout), subtracted from every figure below.
probe=(true)
probe_cpu=() probe_wall=()
for ((i = 1; i <= 5; i++)); do
  run_timed 0 probe
  probe_cpu+=("$cpu") probe_wall+=("$wall")
done
overhead_cpu=$(median "${probe_cpu[@]}")
overhead_wall=$(median "${probe_wall[@]}")

compare "grade seed-000 / hello" grade_seed0 "0 1" hello 0
compare "grade seed-001 / hello" grade_seed1 "0 1" hello 0
compare "grade class of $class_size / parse-only" grade_class "0 1" parse_class 0
grep -q "^$class_size files parsed" "$tmp/stdout" || die "ParseOnly did not parse $class_size files"
compare "solve largest / hello" solve_largest 0 hello 0 /dev/null # its JSON (the asked quantities and what they need) was about 34 MB at the earlier limit of 20 sequences

echo "Whole-process benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -n1)"
echo "Each row: A against B, run alternately (A B A B ...), $runs timed run(s) each after an untimed check run."
echo "Medians of CPU (user + sys, s), wall (s) and max RSS (MB); a ratio is the median of the per-pair A/B (min-max)."
printf 'The wrapper'"'"'s own %.1f ms CPU and %.1f ms wall (GNU time + timeout, measured on true) are subtracted.\n' \
  "$(awk -v v="$overhead_cpu" 'BEGIN { print v * 1000 }')" "$(awk -v v="$overhead_wall" 'BEGIN { print v * 1000 }')"
echo "largest: 16 inputs, 16 hidden units, 16 outputs, 2 sequences of 50 steps (grader/bench/LargeExercise.java)."
echo
printf '%-34s %7s %7s  %-20s %7s %7s  %-20s %6s %6s\n' "A / B" "CPU A" "CPU B" "CPU A/B" "wall A" "wall B" \
  "wall A/B" "RSS A" "RSS B"
for row in "${rows[@]}"; do
  echo "$row"
done
