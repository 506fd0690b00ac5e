#!/usr/bin/env bash
# Keystroke echo under load, fleet against tmux in one run: N panes each `cat` a 20 MB file over and over while one more
# pane runs a shell; we type a word into the shell's pane and time until its echo shows on screen (polled with
# capture-pane every 10 ms, so figures are upper bounds with ~10 ms resolution). First inside fleet (the whole cockpit
# in a tmux window, so tmux's own redraw is included), then the same panes split in a bare tmux window.
# Prints each sample and the medians. Usage: [SKIP_TMUX=1] scripts/bench-tui-flood-echo.sh [FLOODING_PANES] [MB] [SAMPLES]
source "$(dirname "$0")/bench-tui-common.sh"
PANES="${1:-8}"
MB="${2:-20}"
SAMPLES="${3:-10}"

head -c $(( MB * 1024 * 1024 * 3 / 4 )) /dev/urandom | base64 -w 158 > "$WORK/data.txt"
FLOOD="while :; do cat $WORK/data.txt; done"

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
    echo "$label sample $n: ${ms} ms"
    tmux -L "$SOCKET" send-keys -t "$target" C-u   # clear the typed word (sh line discipline kill)
    sleep 0.3
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "'"$label"' echo latency with %d flooding panes: median %d ms, max %d ms (%d samples)\n", '"$PANES"', a[int((NR + 1) / 2)], a[NR], NR }' >> "$WORK/results"
}

make_repo "$WORK/repo"
{
  echo '[fleet]'
  printf 'agent = ["sh", "-c", "%s"]\n' "$FLOOD"
  for i in $(seq 1 "$PANES"); do printf '\n[[task]]\nname = "flood%s"\n' "$i"; done
  printf '\n[[task]]\nname = "typing"\nagent = ["sh"]\n'
} > "$WORK/repo/fleet.toml"

tmux -L "$SOCKET" new-session -d -s fleet -x 200 -y 60 -c "$WORK/repo" ${BENCH_NICE:+nice -n "$BENCH_NICE"} env SHELL=/bin/sh ${FLEET_MAX_FPS:+FLEET_MAX_FPS=$FLEET_MAX_FPS} ${BENCH_ENV:-} PS1='$ ' "${FLEET_CMD[@]}"
deadline=$(( $(date +%s) + 120 ))
# Flooding panes are detected working, the shell at its prompt idle.
until [ "$(tmux -L "$SOCKET" capture-pane -p -t fleet | grep -oE '· (idle|working)( |$)' | wc -l)" -ge $(( PANES + 1 )) ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "panes did not start" >&2; tmux -L "$SOCKET" capture-pane -p -t fleet >&2; exit 1; }
  sleep 0.5
done
# Focus the typing pane (the last one) through the sidebar order: Alt+<n> jumps to pane n (1..9).
tmux -L "$SOCKET" send-keys -t fleet "M-$(( PANES + 1 ))"
sleep 2
measure fleet fleet
tmux -L "$SOCKET" kill-session -t fleet

if [ -z "${SKIP_TMUX:-}" ]; then
  tmux -L "$SOCKET" new-session -d -s bare -x 200 -y 60 env PS1='$ ' sh
  for i in $(seq 1 "$PANES"); do
    tmux -L "$SOCKET" split-window -t bare sh -c "$FLOOD"
    tmux -L "$SOCKET" select-layout -t bare tiled
  done
  tmux -L "$SOCKET" select-pane -t bare.0
  sleep 2
  measure bare.0 tmux
fi
cat "$WORK/results"
