#!/usr/bin/env bash
# Regenerates the README's screenshots, docs/screenshots/*.png, from the grader's own pages in
# headless Chromium: a feedback report (seed 002's sample submission, the document's own slips and
# what follows from them), on a screen and on a phone, an answer key and a problem sheet with its answer
# form (seed 003), and a class overview page when the grader writes one (OUT/<exercise>/index.html).
#
#   bash docs/screenshots/make.sh      # from anywhere; needs Java 17, Maven and chromium
set -euo pipefail
cd "$(dirname "$0")/../.."
out="$PWD/docs/screenshots"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
browser="${BPTT_CHROMIUM:-chromium}"
[ -f grader/target/grader.jar ] || mvn -B -ntp -q -DskipTests package
grader() { java -jar grader/target/grader.jar "$@"; }

grader grade exercises/samples/seed-002-author.yaml --out "$work/reports" >/dev/null || [ $? -eq 1 ]
printf 'student,name\ns1,Ada Lovelace\n' > "$work/roster.csv"
grader generate exercises/seed-003-vector-bptt.yaml --roster "$work/roster.csv" --out "$work/class" >/dev/null

# shot PAGE WIDTH HEIGHT NAME: the top of PAGE in a WIDTHxHEIGHT window, saved at 60% size (small files)
shot() {
  "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$work/profile" \
    --force-device-scale-factor=0.6 --window-size="$2,$3" --screenshot="$out/$4" "file://$1" >/dev/null 2>&1
  echo "$out/$4"
}
shot "$work/reports/seed-002/seed-002-author.html" 1280 900 report.png
shot "$work/reports/seed-002/seed-002-author.html" 420 900 report-phone.png
# the key of the roster's student, from its forward pass on (the model and given values left out)
sed '/<h2>Model<\/h2>/,/^<section class="stage">/{/^<section/!d;}' "$work/class/keys/s1.html" > "$work/class/keys/s1-forward.html"
shot "$work/class/keys/s1-forward.html" 1280 900 key.png
shot "$work/class/students/s1/sheet.html" 1280 900 sheet.png
# the answer form: the same sheet with its setup, model, given values and data left out
sed '/<h2>Setup<\/h2>/,/^<form /{/^<form /!d;}' "$work/class/students/s1/sheet.html" > "$work/class/students/s1/form.html"
shot "$work/class/students/s1/form.html" 1280 900 sheet-form.png
shot "$work/reports/seed-002/index.html" 1280 900 class-overview.png
