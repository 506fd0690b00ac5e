#!/usr/bin/env bash
# Several hosts in one cockpit: three remote hosts (three clones of the repository of the same second local user behind
# a loopback sshd, each with its own fleet host; see bench-remote-common.sh) with AGENTS shell agents each, in one
# cockpit under tmux. Prints the cockpit's CPU (percent of one core) over SECONDS while idle, then while one pane per
# host floods (a loop cat-ing a 1 MB file). Usage: scripts/bench-remote-scale.sh [AGENTS] [SECONDS]
source "$(dirname "$0")/bench-tui-common.sh"
AGENTS="${1:-8}"
SECONDS_MEASURED="${2:-10}"
source "$(dirname "$0")/bench-remote-common.sh"
for h in 2 3; do
  git clone -q "$WORK/repo" "$REMOTE/clone$h"
  printf '\n[hosts.box%s]\nssh = "box-alias"\npath = "%s"\nfleet = "%s"\n' "$h" "$REMOTE/clone$h" "$REMOTE/bin/fleet" >> "$WORK/repo/fleet.toml"
done
head -c $(( 1024 * 1024 * 3 / 4 )) /dev/urandom | base64 -w 158 > "$REMOTE/data.txt"
[ "$USER_NAME" = "$(id -un)" ] || chown -R "$USER_NAME:$USER_NAME" "$REMOTE"
git -C "$WORK/repo" -c user.name=b -c user.email=b@x commit -qam hosts
cd "$WORK/repo"
for host in box box2 box3; do
  for i in $(seq 1 "$AGENTS"); do "${FLEET_CMD[@]}" new "$host-a$i" --host "$host" > /dev/null; done
  echo "host $host: $AGENTS agents"
done

tmux -L "$SOCKET" new-session -d -s fleet -x 240 -y 70 -c "$WORK/repo" env SHELL=/bin/sh PS1='$ ' FLEET_SSH_CONFIG="$FLEET_SSH_CONFIG" "${FLEET_CMD[@]}"
deadline=$(( $(date +%s) + 180 ))
until [ "$(tmux -L "$SOCKET" capture-pane -p -t fleet | grep -cE '── box[23]?: connected')" -eq 3 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "hosts did not connect" >&2; tmux -L "$SOCKET" capture-pane -p -t fleet >&2; exit 1; }
  sleep 0.5
done
sleep 5
cockpit=$(tmux -L "$SOCKET" display-message -p -t fleet '#{pane_pid}')
tick=$(getconf CLK_TCK)
cpu_percent() { local before after; before=$(cpu_ticks "$cockpit"); sleep "$SECONDS_MEASURED"; after=$(cpu_ticks "$cockpit"); echo $(( (after - before) * 100 * 100 / tick / SECONDS_MEASURED )); }
idle=$(cpu_percent)

# One flooding pane per host: the first of each host's group (panes 1, AGENTS+1, 2*AGENTS+1; Ctrl+G o moves to the next).
tmux -L "$SOCKET" send-keys -t fleet M-1; sleep 1
for host in 1 2 3; do
  tmux -L "$SOCKET" send-keys -t fleet -l "while :; do cat $REMOTE/data.txt; done"; tmux -L "$SOCKET" send-keys -t fleet Enter
  if [ "$host" -lt 3 ]; then for _ in $(seq 1 "$AGENTS"); do tmux -L "$SOCKET" send-keys -t fleet C-g o; sleep 0.2; done; fi
done
# The three are seen working (the sidebar says so) before the measure starts.
deadline=$(( $(date +%s) + 60 ))
until [ "$(tmux -L "$SOCKET" capture-pane -p -t fleet | grep -cE '^ [0-9]+ box[23]?-a[0-9]+ working')" -ge 3 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "the flooding panes are not working" >&2; tmux -L "$SOCKET" capture-pane -p -t fleet >&2; exit 1; }
  sleep 0.5
done
sleep 2
flooding=$(cpu_percent)
printf 'cockpit with 3 remote hosts x %s shell agents: idle %d.%02d%% of a core, one pane per host flooding %d.%02d%% (%s s each)\n' \
  "$AGENTS" $(( idle / 100 )) $(( idle % 100 )) $(( flooding / 100 )) $(( flooding % 100 )) "$SECONDS_MEASURED"
tmux -L "$SOCKET" send-keys -t fleet C-g d
sleep 2
FLEET_HOST_DIR="$REMOTE/hosts" stop_hosts
