#!/usr/bin/env bash
# Reads the per-process files written with FLEET_ECHO_TRACE=<path> (<path>.<pid>) and prints, for each batch of keys
# the cockpit read, how long it took to reach the host, and to leave the cockpit as its echo's screen update; slow
# ones (over THRESHOLD_MS, default 150) are followed by their timeline. Usage: scripts/echo-trace.sh <path> [THRESHOLD_MS]
# Example: BENCH_ENV="FLEET_ECHO_TRACE=/tmp/echo" SKIP_TMUX=1 scripts/bench-tui-flood-echo.sh 0 1 30; scripts/echo-trace.sh /tmp/echo
set -euo pipefail
TRACE="${1:?usage: scripts/echo-trace.sh <path> [THRESHOLD_MS]}"
THRESHOLD="${2:-150}"
cat "$TRACE".* | sort -n | awk -v slow="$THRESHOLD" '
  NR == 1 { t0 = $1 }
  { t = ($1 - t0) / 1000; line[NR] = sprintf("%10.1f ms  pid %s  %s %s", t, $2, $3, $4) }
  $3 == "ui.input" { n++; start = t; first = NR; toHost = -1; out = -1 }
  $3 == "host.key" && n && toHost < 0 { toHost = t - start }
  $3 == "ui.out" && n && out < 0 {
    out = t - start
    printf "keys %d at %.0f ms: to the host %.1f ms, echo drawn %.1f ms\n", n, start, toHost, out
    if (out > slow) { for (i = first; i <= NR; i++) print "    " line[i] }
  }'
