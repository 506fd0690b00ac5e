#!/usr/bin/env bash
# What reaching a remote host costs: a loopback sshd (its own port and keys), a second local user (fleet-remote; the
# current user when not root) whose clone holds a task with a running shell agent, and `fleet ps` run RUNS times
# (default 5) with the ssh connection cold (no shared master: `ssh -O exit` first) and warm (the master kept by
# ControlPersist), beside `ssh DEST true` cold and warm. Prints each run in ms and the medians.
# Usage: scripts/bench-remote-connect.sh [RUNS]   (run as root to use a second user; FLEET_DLL as in bench-tui-common.sh)
source "$(dirname "$0")/bench-tui-common.sh"
RUNS="${1:-5}"
source "$(dirname "$0")/bench-remote-common.sh"

make_repo "$WORK/plain"   # the same verb without remote hosts, for the baseline
printf '[fleet]\nagent = ["sh"]\n' > "$WORK/plain/fleet.toml"
cd "$WORK/repo"
"${FLEET_CMD[@]}" new api --host box > /dev/null
ms() { local start end; start=$(date +%s%N); "$@" > /dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
: > "$WORK/cold-ps"; : > "$WORK/warm-ps"; : > "$WORK/cold-ssh"; : > "$WORK/warm-ssh"; : > "$WORK/local-ps"
for run in $(seq 1 "$RUNS"); do
  ssh "${SSH_OPTS[@]}" -O exit box-alias 2>/dev/null || true
  cold_ssh=$(ms ssh "${SSH_OPTS[@]}" box-alias true); warm_ssh=$(ms ssh "${SSH_OPTS[@]}" box-alias true)
  ssh "${SSH_OPTS[@]}" -O exit box-alias 2>/dev/null || true
  cold_ps=$(ms "${FLEET_CMD[@]}" ps); warm_ps=$(ms "${FLEET_CMD[@]}" ps)
  local_ps=$(cd "$WORK/plain" && ms "${FLEET_CMD[@]}" ps); echo "$local_ps" >> "$WORK/local-ps"
  echo "run $run: ssh true cold ${cold_ssh} ms, warm ${warm_ssh} ms; fleet ps (1 remote host) cold ${cold_ps} ms, warm ${warm_ps} ms; without hosts ${local_ps} ms"
  echo "$cold_ssh" >> "$WORK/cold-ssh"; echo "$warm_ssh" >> "$WORK/warm-ssh"; echo "$cold_ps" >> "$WORK/cold-ps"; echo "$warm_ps" >> "$WORK/warm-ps"
done
echo "median: ssh true cold $(median < "$WORK/cold-ssh") ms, warm $(median < "$WORK/warm-ssh") ms; fleet ps cold $(median < "$WORK/cold-ps") ms, warm $(median < "$WORK/warm-ps") ms, without hosts $(median < "$WORK/local-ps") ms"
FLEET_HOST_DIR="$REMOTE/hosts" stop_hosts
