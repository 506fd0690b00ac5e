#!/usr/bin/env bash
# CPU used by fleet with N idle panes (default 8, each an idle sh) over a window (default 10 s), measured from
# /proc/<pid>/stat, after SETTLE seconds (default 30: start-up work and the JIT's tier-up of the periodic code paths).
# Usage: [SETTLE=s] scripts/bench-tui-idle.sh [PANES] [SECONDS]
source "$(dirname "$0")/bench-tui-common.sh"
PANES="${1:-8}"
SECONDS_TO_MEASURE="${2:-10}"

make_repo "$WORK/repo"
{
  echo '[fleet]'
  echo 'agent = ["sh"]'
  for i in $(seq 1 "$PANES"); do printf '\n[[task]]\nname = "idle%s"\n' "$i"; done
} > "$WORK/repo/fleet.toml"

tmux -L "$SOCKET" new-session -d -x 200 -y 60 -c "$WORK/repo" env SHELL=/bin/sh ${FLEET_MAX_FPS:+FLEET_MAX_FPS=$FLEET_MAX_FPS} ${BENCH_ENV:-} "${FLEET_CMD[@]}"
pid="$(tmux -L "$SOCKET" display-message -p '#{pane_pid}')"
# Wait until every pane's shell is up, then let startup work (JIT, worktree creation) settle.
deadline=$(( $(date +%s) + 120 ))
# A shell at its prompt is detected idle once its output stops (working or starting before that).
until [ "$(tmux -L "$SOCKET" capture-pane -p | grep -oE '· (idle|working)( |$)' | wc -l)" -ge "$PANES" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "panes did not start" >&2; tmux -L "$SOCKET" capture-pane -p >&2; exit 1; }
  sleep 0.5
done
sleep "${SETTLE:-30}"
hz="$(getconf CLK_TCK)"
# Wake-ups: context switches of every thread (a thread that sleeps and wakes N times a second switches ~N times).
switches() { for t in /proc/"$pid"/task/*; do printf '%s %s ' "$(basename "$t")" "$(tr ' ' '_' < "$t/comm")"; awk '/ctxt_switches/ {s += $2} END {print s}' "$t/status"; done 2>/dev/null; }
switches > "$WORK/switches.before"
# Bytes fleet writes to its terminal meanwhile (what an idle cockpit costs over SSH).
tmux -L "$SOCKET" pipe-pane -o "cat >> '$WORK/output.bytes'"
: > "$WORK/output.bytes"
before="$(cpu_ticks "$pid")"; start="$(date +%s%N)"
sleep "$SECONDS_TO_MEASURE"
after="$(cpu_ticks "$pid")"; end="$(date +%s%N)"
switches > "$WORK/switches.after"
tmux -L "$SOCKET" pipe-pane
output_bytes="$(stat -c %s "$WORK/output.bytes")"
elapsed_ms=$(( (end - start) / 1000000 ))
echo "fleet pid $pid, $PANES idle panes, $(( after - before )) ticks (CLK_TCK=$hz) in ${elapsed_ms} ms"
awk -v t=$(( after - before )) -v hz="$hz" -v ms="$elapsed_ms" 'BEGIN { printf "idle CPU: %.2f%% of one core\n", 100 * t / hz / (ms / 1000) }'
awk -v b="$output_bytes" -v ms="$elapsed_ms" 'BEGIN { printf "output to the terminal: %d bytes (%.1f bytes/s)\n", b, b / (ms / 1000) }'
awk -v ms="$elapsed_ms" 'NR == FNR { before[$1] = $3; next } { d = $3 - before[$1]; total += d; if (d > 0) printf "%8.1f/s  %s (%s)\n", d / (ms / 1000), $2, $1 | "sort -rn | head -8" }
  END { printf "wake-ups (context switches, all threads): %.1f/s\n", total / (ms / 1000) }' "$WORK/switches.before" "$WORK/switches.after"
