#!/usr/bin/env bash
# Issue 17, goal 4: 30 shell agents in one cockpit. Starts the cockpit (in a private tmux server) on a fleet of 30 tasks:
# task "typing" runs sh, tasks flood1..flood4 run sh blocked on a FIFO (idle until released), the other 25 run sh.
# Reports, in order:
#   1. idle CPU of the fleet host and of the cockpit over WINDOW seconds (after SETTLE seconds), goal < 1% of a core;
#   2. RSS of the host and the cockpit (VmRSS), goal < 300 MB;
#   3. status refresh of the 30 tasks: `fleet ps` round trips (a RefreshStatus on the host plus the verb's own start) and,
#      when the benchmarks are built, the in-process timeline of tests/FleetTui.Benchmarks status-timeline (goal < 100 ms);
#   4. echo in the quiet (zoomed) typing pane while the 4 flood panes `cat` a file in a loop for FLOOD_SECONDS (default 40),
#      against a bare sh in tmux (quiet, and with 4 tmux panes flooding), goal: fleet <= bare shell + 5 ms. Polled with
#      capture-pane every 10 ms;
#   5. RSS again once the floods have stopped and their history sat idle long enough for the host to pack it (30 s).
# Usage: [SETTLE=s] [WINDOW=s] [SAMPLES=n] [FLOOD_SECONDS=s] [SKIP_TIMELINE=1] scripts/bench-scale-30.sh [MB]
source "$(dirname "$0")/bench-tui-common.sh"
MB="${1:-20}"
SAMPLES="${SAMPLES:-10}"
WINDOW="${WINDOW:-10}"
AGENTS=30
FLOODING=4
root="$(cd "$(dirname "$0")/.." && pwd)"

head -c $(( MB * 1024 * 1024 * 3 / 4 )) /dev/urandom | base64 -w 158 > "$WORK/data.txt"
mkfifo "$WORK/go"
FLOOD="while :; do cat $WORK/data.txt; done"
# The fleet's flood panes stop after FLOOD_SECONDS (then idle at a shell), so the host's memory can be read after a burst.
FLOOD_SECONDS="${FLOOD_SECONDS:-40}"
FLEET_FLOOD='end=$(( $(date +%s) + '"$FLOOD_SECONDS"' )); while [ $(date +%s) -lt $end ]; do cat '"$WORK/data.txt"'; done; exec sh'

make_repo "$WORK/repo"
{
  echo '[fleet]'
  echo 'agent = ["sh"]'
  printf '\n[[task]]\nname = "typing"\n'
  # Blocked on opening the FIFO for reading: idle (no CPU) until the bench opens it for writing.
  for i in $(seq 1 "$FLOODING"); do
    printf '\n[[task]]\nname = "flood%s"\nagent = ["sh", "-c", "read go < %s; %s"]\n' "$i" "$WORK/go" "$FLEET_FLOOD"
  done
  for i in $(seq 1 $(( AGENTS - 1 - FLOODING ))); do printf '\n[[task]]\nname = "idle%s"\n' "$i"; done
} > "$WORK/repo/fleet.toml"

tmux -L "$SOCKET" new-session -d -s fleet -x 200 -y 60 -c "$WORK/repo" env SHELL=/bin/sh ${BENCH_ENV:-} PS1='$ ' "${FLEET_CMD[@]}"
deadline=$(( $(date +%s) + 300 ))
# Ready when the host runs all 30 agents (its direct children).
until host="$(host_pid)" && [ -n "$host" ] && [ "$(pgrep -P "$host" | wc -l)" -ge "$AGENTS" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "agents did not start" >&2; tmux -L "$SOCKET" capture-pane -p -t fleet >&2; exit 1; }
  sleep 0.5
done
cockpit="$(tmux -L "$SOCKET" display-message -p -t fleet '#{pane_pid}')"
hz="$(getconf CLK_TCK)"
rss_mb() { awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
# window PID...: the % of one core each pid used over WINDOW seconds.
window() {
  local pid before=() after=() start end i
  for pid in "$@"; do before+=("$(cpu_ticks "$pid")"); done
  start="$(date +%s%N)"; sleep "$WINDOW"; end="$(date +%s%N)"
  for pid in "$@"; do after+=("$(cpu_ticks "$pid")"); done
  for i in "${!before[@]}"; do
    awk -v t=$(( after[i] - before[i] )) -v hz="$hz" -v ms=$(( (end - start) / 1000000 )) 'BEGIN { printf "%.2f\n", 100 * t / hz / (ms / 1000) }'
  done
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
sleep "${SETTLE:-20}"
read -r host_cpu cockpit_cpu < <(window "$host" "$cockpit" | paste -sd ' ')
echo "idle, $AGENTS shell agents: fleet host ${host_cpu}% of one core, cockpit ${cockpit_cpu}% (goal < 1% each)"
echo "RSS: fleet host $(rss_mb "$host") MB, cockpit $(rss_mb "$cockpit") MB (goal < 300 MB)"

ps_times=()
for _ in 1 2 3 4 5; do
  start=$(date +%s%N)
  (cd "$WORK/repo" && "${FLEET_CMD[@]}" ps > /dev/null)
  ps_times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
echo "fleet ps with $AGENTS tasks (status refresh on the host + the verb's start): $(printf '%s\n' "${ps_times[@]}" | sort -n | sed -n 3p) ms median of 5 (${ps_times[*]})"
timeline="$root/tests/FleetTui.Benchmarks/bin/Release/net10.0/FleetTui.Benchmarks.dll"
if [ -z "${SKIP_TIMELINE:-}" ] && [ -f "$timeline" ]; then
  dotnet "$timeline" status-timeline 30 | sed 's/^/  /'
fi

# measure TARGET LABEL: types SAMPLES words into the tmux pane TARGET and prints the median time to see each echo.
measure() {
  local target="$1" label="$2" samples=()
  for n in $(seq 1 "$SAMPLES"); do
    local word="mark${n}x$RANDOM" start ms
    start=$(date +%s%N)
    tmux -L "$SOCKET" send-keys -t "$target" -l "$word"
    until tmux -L "$SOCKET" capture-pane -p -t "$target" | grep -q "$word"; do
      [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 10000 ] || { echo "no echo within 10 s" >&2; tmux -L "$SOCKET" capture-pane -p -t "$target" >&2; exit 1; }
      sleep 0.01
    done
    ms=$(( ($(date +%s%N) - start) / 1000000 ))
    samples+=("$ms")
    tmux -L "$SOCKET" send-keys -t "$target" C-u
    sleep 0.3
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "'"$label"': echo median %d ms, max %d ms (%d samples)\n", a[int((NR + 1) / 2)], a[NR], NR }'
}

# The typing pane is the first task: Alt+1 focuses it, prefix z zooms it (so the typed word is on screen in full).
tmux -L "$SOCKET" send-keys -t fleet M-1
sleep 1
tmux -L "$SOCKET" send-keys -t fleet C-g z
sleep 2
measure fleet "fleet, $AGENTS agents, quiet"
echo go > "$WORK/go"   # releases the flood panes
flood_started=$(date +%s)
sleep 3
measure fleet "fleet, $AGENTS agents, $FLOODING flooding"
echo "while $FLOODING flood: RSS fleet host $(rss_mb "$host") MB, cockpit $(rss_mb "$cockpit") MB"
sleep $(( flood_started + FLOOD_SECONDS + 30 - $(date +%s) > 0 ? flood_started + FLOOD_SECONDS + 30 - $(date +%s) : 0 ))
echo "30 s after the floods stopped: RSS fleet host $(rss_mb "$host") MB, cockpit $(rss_mb "$cockpit") MB"
tmux -L "$SOCKET" kill-session -t fleet
stop_hosts   # the host outlives its cockpit: stop it and its flooding agents before measuring tmux

tmux -L "$SOCKET" new-session -d -s bare -x 200 -y 60 env PS1='$ ' sh
sleep 1
measure bare.0 "bare sh in tmux, quiet"
for _ in $(seq 1 "$FLOODING"); do
  tmux -L "$SOCKET" split-window -t bare sh -c "$FLOOD"
  tmux -L "$SOCKET" select-layout -t bare tiled
done
tmux -L "$SOCKET" select-pane -t bare.0
sleep 2
measure bare.0 "bare sh in tmux, $FLOODING tmux panes flooding"
