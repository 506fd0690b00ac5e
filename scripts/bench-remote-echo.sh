#!/usr/bin/env bash
# Keystroke echo to a remote pane, in one run: the cockpit (under tmux) shows a local task and a task of a remote host
# (loopback sshd, a second local user: bench-remote-common.sh); we type a word into the remote pane, then into the local
# pane, then into `ssh -t box-alias sh` in a bare tmux window over the same shared connection, and time until each echo
# shows (capture-pane polled every 10 ms: upper bounds, ~10 ms resolution). Then the reconnect: the shared ssh master and
# the cockpit's ssh are killed (a dropped network) and we time until the sidebar says the host is connected again and
# a word typed into the remote pane echoes (the first attempt waits 1 s by design, RemoteHostLink.FirstDelay).
# Usage: scripts/bench-remote-echo.sh [SAMPLES] [RECONNECTS]   (as root for a second user; FLEET_DLL as in bench-tui-common.sh)
source "$(dirname "$0")/bench-tui-common.sh"
SAMPLES="${1:-10}"
RECONNECTS="${2:-3}"
source "$(dirname "$0")/bench-remote-common.sh"
printf '\n[[task]]\nname = "here"\n' >> "$WORK/repo/fleet.toml"
git -C "$WORK/repo" -c user.name=b -c user.email=b@x commit -qam hosts
cd "$WORK/repo"
"${FLEET_CMD[@]}" new api --host box > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# until_screen TARGET PATTERN TIMEOUT_MS: waits until the pane shows PATTERN (grep -E); fails with the screen after the timeout.
until_screen() {
  local start; start=$(now_ms)
  until tmux -L "$SOCKET" capture-pane -p -t "$1" | grep -qE "$2"; do
    [ $(( $(now_ms) - start )) -lt "$3" ] || { echo "no '$2' within $3 ms" >&2; tmux -L "$SOCKET" capture-pane -p -t "$1" >&2; exit 1; }
    sleep 0.01
  done
}

# measure TARGET LABEL: types SAMPLES words and records the median time to see each echo.
measure() {
  local target="$1" label="$2" samples=()
  for n in $(seq 1 "$SAMPLES"); do
    local word="mark${n}x$RANDOM" start ms
    start=$(now_ms)
    tmux -L "$SOCKET" send-keys -t "$target" -l "$word"
    until_screen "$target" "$word" 10000
    ms=$(( $(now_ms) - start ))
    samples+=("$ms")
    echo "$label sample $n: ${ms} ms"
    tmux -L "$SOCKET" send-keys -t "$target" C-u
    sleep 0.3
  done
  printf '%s\n' "${samples[@]}" | sort -n | awk '{ a[NR] = $1 } END { printf "'"$label"' echo: median %d ms, max %d ms (%d samples)\n", a[int((NR + 1) / 2)], a[NR], NR }' >> "$WORK/results"
}

tmux -L "$SOCKET" new-session -d -s fleet -x 200 -y 50 -c "$WORK/repo" env SHELL=/bin/sh PS1='$ ' FLEET_SSH_CONFIG="$FLEET_SSH_CONFIG" "${FLEET_CMD[@]}"
until_screen fleet '── box: connected' 120000
until_screen fleet '2 api · fleet/api · idle' 60000
tmux -L "$SOCKET" send-keys -t fleet M-2; sleep 1
measure fleet "fleet, remote pane over ssh"
tmux -L "$SOCKET" send-keys -t fleet M-1; sleep 1
measure fleet "fleet, local pane"

tmux -L "$SOCKET" new-session -d -s bare -x 200 -y 50 ssh "${SSH_OPTS[@]}" -t box-alias env PS1='$ ' sh
sleep 2
measure bare "ssh -t box-alias sh (bare tmux)"
tmux -L "$SOCKET" kill-session -t bare

cockpit=$(tmux -L "$SOCKET" display-message -p -t fleet '#{pane_pid}')
: > "$WORK/reconnect"; : > "$WORK/reconnect-echo"
for run in $(seq 1 "$RECONNECTS"); do
  tmux -L "$SOCKET" send-keys -t fleet M-2; sleep 1
  master=$(ssh "${SSH_OPTS[@]}" -O check box-alias 2>&1 | grep -oE 'pid=[0-9]+' | grep -oE '[0-9]+' || true)
  children=$(ps -o pid=,comm= --ppid "$cockpit" | awk '$2 == "ssh" { print $1 }')
  start=$(now_ms)
  kill -KILL $master $children 2>/dev/null || true
  until_screen fleet '── box: (reconnecting|unreachable)' 10000
  until_screen fleet '── box: connected' 60000
  connected=$(( $(now_ms) - start ))
  word="back${run}x$RANDOM"
  tmux -L "$SOCKET" send-keys -t fleet -l "$word"
  until_screen fleet "$word" 10000
  echoed=$(( $(now_ms) - start ))
  tmux -L "$SOCKET" send-keys -t fleet C-u
  echo "reconnect $run: connected again after ${connected} ms, first echo after ${echoed} ms (killed master ${master:-none}, ssh ${children//$'\n'/ })"
  echo "$connected" >> "$WORK/reconnect"; echo "$echoed" >> "$WORK/reconnect-echo"
  sleep 1
done
echo "reconnect after a killed connection: connected again median $(median < "$WORK/reconnect") ms, first echo median $(median < "$WORK/reconnect-echo") ms ($RECONNECTS runs; includes the 1 s first delay)" >> "$WORK/results"
tmux -L "$SOCKET" send-keys -t fleet C-g d
cat "$WORK/results"
FLEET_HOST_DIR="$REMOTE/hosts" stop_hosts
