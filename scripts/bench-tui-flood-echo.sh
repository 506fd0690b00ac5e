#!/usr/bin/env bash
# Keystroke echo under load: 8 panes each `cat` a 20 MB file over and over while a 9th pane runs a shell; we type a
# word into the shell's pane and time until its echo shows on fleet's screen (polled with capture-pane every 10 ms, so
# figures are upper bounds with ~10 ms resolution, and include tmux's own redraw). Prints each sample and the median.
# Usage: scripts/bench-tui-flood-echo.sh [FLOODING_PANES] [MB] [SAMPLES]
source "$(dirname "$0")/bench-tui-common.sh"
PANES="${1:-8}"
MB="${2:-20}"
SAMPLES="${3:-10}"

head -c $(( MB * 1024 * 1024 * 3 / 4 )) /dev/urandom | base64 -w 158 > "$WORK/data.txt"

make_repo "$WORK/repo"
{
  echo '[fleet]'
  printf 'agent = ["sh", "-c", "while :; do cat %s; done"]\n' "$WORK/data.txt"
  for i in $(seq 1 "$PANES"); do printf '\n[[task]]\nname = "flood%s"\n' "$i"; done
  printf '\n[[task]]\nname = "typing"\nagent = ["sh"]\n'
} > "$WORK/repo/fleet.toml"

tmux -L "$SOCKET" new-session -d -x 200 -y 60 -c "$WORK/repo" ${BENCH_NICE:+nice -n "$BENCH_NICE"} env SHELL=/bin/sh ${FLEET_MAX_FPS:+FLEET_MAX_FPS=$FLEET_MAX_FPS} PS1='$ ' dotnet "$FLEET_DLL"
deadline=$(( $(date +%s) + 120 ))
until [ "$(tmux -L "$SOCKET" capture-pane -p | grep -o '· working' | wc -l)" -ge $(( PANES + 1 )) ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "panes did not start" >&2; tmux -L "$SOCKET" capture-pane -p >&2; exit 1; }
  sleep 0.5
done
# Focus the typing pane (the last one) through the sidebar order: Alt+<n> jumps to pane n (1..9).
tmux -L "$SOCKET" send-keys "M-$(( PANES + 1 ))"
sleep 2

samples=()
for n in $(seq 1 "$SAMPLES"); do
  word="mark${n}x$RANDOM"
  start=$(date +%s%N)
  tmux -L "$SOCKET" send-keys -l "$word"
  until tmux -L "$SOCKET" capture-pane -p | grep -q "$word"; do
    [ $(( ($(date +%s%N) - start) / 1000000 )) -lt 10000 ] || { echo "no echo within 10 s" >&2; tmux -L "$SOCKET" capture-pane -p >&2; exit 1; }
    sleep 0.01
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  samples+=("$ms")
  echo "sample $n: ${ms} ms"
  tmux -L "$SOCKET" send-keys C-u   # clear the typed word (sh line discipline kill)
  sleep 0.3
done
printf '%s\n' "${samples[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "echo latency with %d flooding panes: median %d ms, max %d ms (%d samples)\n", '"$PANES"', a[int((NR + 1) / 2)], a[NR], NR }'
