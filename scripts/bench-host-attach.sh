#!/usr/bin/env bash
# Attaching to a busy fleet: a host runs N agents (default 8) that each `cat` a 20 MB file over and over; `fleet attach`
# is started RUNS times (default 5) and FLEET_STARTUP_LOG says, from the process's start, when its first frame was
# drawn and when every pane showed its screen ("screens"). Prints each run and the medians.
# Usage: scripts/bench-host-attach.sh [AGENTS] [RUNS]   (FLEET_BIN=artifacts/aot/fleet for the native build)
source "$(dirname "$0")/bench-tui-common.sh"
AGENTS="${1:-8}"
RUNS="${2:-5}"

head -c $(( 20 * 1024 * 1024 * 3 / 4 )) /dev/urandom | base64 -w 158 > "$WORK/data.txt"
make_repo "$WORK/repo"
{
  echo '[fleet]'
  printf 'agent = ["sh", "-c", "while :; do cat %s; done"]\n' "$WORK/data.txt"
  for i in $(seq 1 "$AGENTS"); do printf '\n[[task]]\nname = "busy%s"\n' "$i"; done
} > "$WORK/repo/fleet.toml"

tmux -L "$SOCKET" new-session -d -x 200 -y 60 -c "$WORK/repo" env SHELL=/bin/sh ${BENCH_ENV:-} "${FLEET_CMD[@]}"
deadline=$(( $(date +%s) + 120 ))
until [ "$(tmux -L "$SOCKET" capture-pane -p | grep -oE '· working( |$)' | wc -l)" -ge "$AGENTS" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "agents did not start" >&2; tmux -L "$SOCKET" capture-pane -p >&2; exit 1; }
  sleep 0.5
done
tmux -L "$SOCKET" send-keys C-g d
until ! tmux -L "$SOCKET" has-session 2>/dev/null; do sleep 0.2; done
sleep 2

for run in $(seq 1 "$RUNS"); do
  log="$WORK/startup-$run.log"
  tmux -L "$SOCKET" new-session -d -x 200 -y 60 -c "$WORK/repo" env SHELL=/bin/sh FLEET_STARTUP_LOG="$log" ${BENCH_ENV:-} "${FLEET_CMD[@]}" attach
  deadline=$(( $(date +%s) + 60 ))
  until grep -q '^screens-ms' "$log" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no screens within 60 s" >&2; cat "$log" >&2; tmux -L "$SOCKET" capture-pane -p >&2; exit 1; }
    sleep 0.05
  done
  first="$(awk '/^first-frame-ms/ {print $2}' "$log")"; screens="$(awk '/^screens-ms/ {print $2}' "$log")"
  echo "attach run $run: first frame ${first} ms, every pane's screen ${screens} ms ($(tr '\n' ' ' < "$log"))"
  echo "$first $screens" >> "$WORK/results"
  tmux -L "$SOCKET" send-keys C-g d
  until ! tmux -L "$SOCKET" has-session 2>/dev/null; do sleep 0.1; done
done
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }
echo "attach to $AGENTS busy agents: median first frame $(cut -d' ' -f1 "$WORK/results" | median) ms, median every screen $(cut -d' ' -f2 "$WORK/results" | median) ms ($RUNS runs)"
