#!/usr/bin/env bash
# CPU used by fleet with N idle panes (default 8, each an idle sh) over a window (default 10 s), measured from
# /proc/<pid>/stat. Usage: scripts/bench-tui-idle.sh [PANES] [SECONDS]
source "$(dirname "$0")/bench-tui-common.sh"
PANES="${1:-8}"
SECONDS_TO_MEASURE="${2:-10}"

make_repo "$WORK/repo"
{
  echo '[fleet]'
  echo 'agent = ["sh"]'
  for i in $(seq 1 "$PANES"); do printf '\n[[task]]\nname = "idle%s"\n' "$i"; done
} > "$WORK/repo/fleet.toml"

tmux -L "$SOCKET" new-session -d -x 200 -y 60 -c "$WORK/repo" env SHELL=/bin/sh ${FLEET_MAX_FPS:+FLEET_MAX_FPS=$FLEET_MAX_FPS} ${BENCH_ENV:-} dotnet "$FLEET_DLL"
pid="$(tmux -L "$SOCKET" display-message -p '#{pane_pid}')"
# Wait until every pane's shell is up, then let startup work (JIT, worktree creation) settle.
deadline=$(( $(date +%s) + 120 ))
until [ "$(tmux -L "$SOCKET" capture-pane -p | grep -o '· working' | wc -l)" -ge "$PANES" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "panes did not start" >&2; tmux -L "$SOCKET" capture-pane -p >&2; exit 1; }
  sleep 0.5
done
sleep 5
hz="$(getconf CLK_TCK)"
before="$(cpu_ticks "$pid")"; start="$(date +%s%N)"
sleep "$SECONDS_TO_MEASURE"
after="$(cpu_ticks "$pid")"; end="$(date +%s%N)"
elapsed_ms=$(( (end - start) / 1000000 ))
echo "fleet pid $pid, $PANES idle panes, $(( after - before )) ticks (CLK_TCK=$hz) in ${elapsed_ms} ms"
awk -v t=$(( after - before )) -v hz="$hz" -v ms="$elapsed_ms" 'BEGIN { printf "idle CPU: %.2f%% of one core\n", 100 * t / hz / (ms / 1000) }'
