#!/usr/bin/env bash
# Print every `evaluate` figure the README quotes, each run as the README gives it, into
# one folder (a file per evaluation), so that a change can show its figures before and
# after: `bash scripts/figures.sh /tmp/before`, change, `bash scripts/figures.sh /tmp/after`,
# `diff -r /tmp/before /tmp/after`. Only the figure lines are kept (timings and progress
# bars differ from run to run). Takes about 10 minutes on an idle 2-core machine.
# A subset: `bash scripts/figures.sh DIR events places` (names as in the list below).
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:?usage: scripts/figures.sh OUT_DIR [NAME ...]}
shift
mkdir -p "$out"
gold=../shared/gold
ew=.venv/bin/eventwire
declare -A runs=(
  [events]="evaluate events"
  [acled]="evaluate events $gold/acled-types/dev.jsonl"
  [polnear]="evaluate claims $gold/attribution/dev"
  [claims]="evaluate claims"
  [dates]="evaluate dates $gold/timex"
  [places]="evaluate places $gold/toponyms"
  [eventloc]="evaluate eventloc --half test"
  [incidents]="evaluate incidents $gold/gva-dev --limit 150 --half test"
)
names=("$@")
[ ${#names[@]} -gt 0 ] || names=(events acled polnear claims dates places eventloc incidents)
for name in "${names[@]}"; do
  cmd=${runs[$name]:?unknown evaluation: $name}
  echo "== $name: eventwire $cmd" >&2
  # shellcheck disable=SC2086
  $ew $cmd 2>/dev/null | grep -v -E '([0-9]+(\.[0-9]+)? ?s\b|it/s|s/it|elapsed|took)' \
    | sed -E 's/seconds [0-9.]+/seconds -/' > "$out/$name.txt"
done
echo "figures in $out" >&2
