#!/usr/bin/env bash
# One `grade` call over a whole class, measured with GNU time: wall clock, CPU (user + sys) and peak
# memory (max RSS), for each class size given (default 1000 and 5000). The class is seed 000's and
# seed 002's sample submissions, alternating, each under its own student id, graded with --keep-going
# and every report and class file written.
#
#   mvn -B -ntp -q -DskipTests package      # builds grader/target/grader.jar, which this script needs
#   grader/bench/class-scale.sh [SIZE...]   # e.g. grader/bench/class-scale.sh 1000 5000
#
# GRADER overrides the command (default: java -jar grader/target/grader.jar), e.g. GRADER=grader/bin/grader.
# Exit 0 on success; 2 with a one-line message when something is missing or a run fails.
set -euo pipefail

die() {
  echo "class-scale.sh: $*" >&2
  exit 2
}

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
jar=grader/target/grader.jar
[ -f "$jar" ] || die "$jar is missing: run 'mvn -B -ntp -q -DskipTests package' first"
[ -x /usr/bin/time ] || die "/usr/bin/time (GNU time) is missing"
read -r -a grader <<<"${GRADER:-java -jar $jar}"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 5000)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/class-scale.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

templates=()
for sample in exercises/samples/seed-000-author.yaml exercises/samples/seed-002-author.yaml; do
  templates+=("$(sed 's/^student: .*/student: @ID@/' "$sample")")
done

printf '%-8s %9s %9s %12s %5s %8s\n' size "wall s" "CPU s" "max RSS MB" exit files
for size in "${sizes[@]}"; do
  [[ "$size" =~ ^[1-9][0-9]*$ ]] || die "a class size is a positive whole number, got '$size'"
  rm -rf "$tmp/class" "$tmp/out"
  mkdir -p "$tmp/class"
  for ((i = 1; i <= size; i++)); do
    id=$(printf 's%05d' "$i")
    printf '%s\n' "${templates[$((i % 2))]//@ID@/$id}" >"$tmp/class/$id.yaml"
  done
  set +e
  /usr/bin/time -v -o "$tmp/time" "${grader[@]}" grade "$tmp"/class/*.yaml --out "$tmp/out" --keep-going \
    >"$tmp/stdout" 2>"$tmp/stderr"
  code=$?
  set -e
  [ "$code" -le 2 ] || die "grade exited $code: $(head -n1 "$tmp/stderr")"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$tmp/time")
  cpu=$(awk -F': ' '/User time/ {u = $2} /System time/ {s = $2} END {printf "%.2f", u + s}' "$tmp/time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2 / 1024}' "$tmp/time")
  files=$(find "$tmp/out" -type f | wc -l)
  printf '%-8s %9s %9s %12s %5s %8s\n' "$size" "$wall" "$cpu" "$rss" "$code" "$files"
done
