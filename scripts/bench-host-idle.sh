#!/usr/bin/env bash
# CPU of the fleet host with N idle agents (default 8, each an idle sh): first with no client at all (the cockpit
# detached), then with one idle cockpit attached; also that cockpit's own CPU. Measured from /proc/<pid>/stat over a
# window (default 10 s) after SETTLE seconds (default 20).
# Usage: [SETTLE=s] scripts/bench-host-idle.sh [AGENTS] [SECONDS]
source "$(dirname "$0")/bench-tui-common.sh"
AGENTS="${1:-8}"
WINDOW="${2:-10}"

make_repo "$WORK/repo"
{
  echo '[fleet]'
  echo 'agent = ["sh"]'
  for i in $(seq 1 "$AGENTS"); do printf '\n[[task]]\nname = "idle%s"\n' "$i"; done
} > "$WORK/repo/fleet.toml"

tmux -L "$SOCKET" new-session -d -x 200 -y 60 -c "$WORK/repo" env SHELL=/bin/sh ${BENCH_ENV:-} "${FLEET_CMD[@]}"
deadline=$(( $(date +%s) + 120 ))
until [ "$(tmux -L "$SOCKET" capture-pane -p | grep -oE '· (idle|working)( |$)' | wc -l)" -ge "$AGENTS" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "agents did not start" >&2; tmux -L "$SOCKET" capture-pane -p >&2; exit 1; }
  sleep 0.5
done
host="$(host_pid)"
hz="$(getconf CLK_TCK)"

# window PID...: prints the % of one core each pid used over WINDOW seconds.
window() {
  local pid before=() after=() start end i
  for pid in "$@"; do before+=("$(cpu_ticks "$pid")"); done
  start="$(date +%s%N)"; sleep "$WINDOW"; end="$(date +%s%N)"
  for pid in "$@"; do after+=("$(cpu_ticks "$pid")"); done
  for i in "${!before[@]}"; do
    awk -v t=$(( after[i] - before[i] )) -v hz="$hz" -v ms=$(( (end - start) / 1000000 )) 'BEGIN { printf "%.2f\n", 100 * t / hz / (ms / 1000) }'
  done
}

tmux -L "$SOCKET" send-keys C-g d   # detach: the host keeps the agents, no client is left
until ! tmux -L "$SOCKET" has-session 2>/dev/null; do sleep 0.2; done   # the cockpit left, and with it tmux
sleep "${SETTLE:-20}"
alone="$(window "$host")"
echo "fleet host (pid $host), $AGENTS idle agents, no client: ${alone}% of one core"

tmux -L "$SOCKET" new-session -d -x 200 -y 60 -c "$WORK/repo" env SHELL=/bin/sh ${BENCH_ENV:-} "${FLEET_CMD[@]}" attach
cockpit="$(tmux -L "$SOCKET" display-message -p '#{pane_pid}')"
sleep "${SETTLE:-20}"
read -r with cockpit_cpu < <(window "$host" "$cockpit" | paste -sd ' ')
echo "fleet host, $AGENTS idle agents, one idle cockpit attached: ${with}% of one core (the cockpit itself: ${cockpit_cpu}%)"
