#!/usr/bin/env bash
# Issue 17's before/after in one period: the echo, throughput and replay benchmarks on two native builds, alternated
# (before then after, then after then before, ...) so that both meet the same load. Prints each benchmark's summary lines,
# labelled with the build and the round; the full outputs stay in OUT (default /tmp/bench-before-after).
# Usage: scripts/bench-before-after.sh BEFORE_FLEET AFTER_FLEET [ROUNDS]   (needs: dotnet build -c Release tests/FleetTui.Benchmarks)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
before="$1"
after="$2"
rounds="${3:-2}"
out="${OUT:-/tmp/bench-before-after}"
mkdir -p "$out"

bench() { # label fleet round
  local label="$1" fleet="$2" round="$3" log
  log="$out/$label-$round"
  echo "== $label, round $round, load $(cut -d' ' -f1-3 /proc/loadavg)"
  FLEET_BIN="$fleet" "$here/bench-tui-flood-echo.sh" 8 20 10 > "$log-echo8.txt" 2>&1 || echo "(echo with 8 floods failed: $log-echo8.txt)"
  grep -E "median" "$log-echo8.txt" | sed "s/^/$label: /" || true
  FLEET_BIN="$fleet" "$here/bench-tui-flood-echo.sh" 0 1 20 > "$log-quiet.txt" 2>&1 || echo "(quiet echo failed: $log-quiet.txt)"
  grep -E "median" "$log-quiet.txt" | sed "s/^/$label: quiet: /" || true
  FLEET_BIN="$fleet" RAW_RUNS=3 "$here/bench-tui-throughput.sh" 20 > "$log-throughput.txt" 2>&1 || echo "(throughput failed: $log-throughput.txt)"
  grep -E "raw PTY read|first cat in|cat .* in a fleet pane" "$log-throughput.txt" | sed "s/^/$label: /" || true
  FLEET="$fleet" "$here/bench-replay-vs-xterm.sh" 3 > "$log-replay.txt" 2>&1 || echo "(replay failed: $log-replay.txt)"
  grep -vE "^(building|\s*$)" "$log-replay.txt" | tail -n 4 | sed "s/^/$label: /" || true
}

for round in $(seq 1 "$rounds"); do
  if [ $(( round % 2 )) -eq 1 ]; then
    bench before "$before" "$round"; bench after "$after" "$round"
  else
    bench after "$after" "$round"; bench before "$before" "$round"
  fi
done
