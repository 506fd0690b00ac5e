#!/usr/bin/env bash
# What reaching a remote host costs: a loopback sshd (its own port and keys), a second local user (fleet-remote; the
# current user when not root) whose clone holds a task with a running shell agent, and `fleet ps` run RUNS times
# (default 5) with the ssh connection cold (no shared master: `ssh -O exit` first) and warm (the master kept by
# ControlPersist), beside `ssh DEST true` cold and warm. Prints each run in ms and the medians.
# Usage: scripts/bench-remote-connect.sh [RUNS]   (run as root to use a second user; FLEET_DLL as in bench-tui-common.sh)
source "$(dirname "$0")/bench-tui-common.sh"
RUNS="${1:-5}"
USER_NAME="$(id -un)"
if [ "$(id -u)" = 0 ]; then
  id -u fleet-remote >/dev/null 2>&1 || { useradd --create-home --shell /bin/sh fleet-remote; usermod -p '*' fleet-remote; }
  USER_NAME=fleet-remote
fi

REMOTE="$WORK/remote"; SSHD="$WORK/sshd"; mkdir -p "$REMOTE/bin" "$REMOTE/home" "$SSHD" /run/sshd
ssh-keygen -q -t ed25519 -N '' -f "$SSHD/host"; ssh-keygen -q -t ed25519 -N '' -f "$SSHD/client"
cp "$SSHD/client.pub" "$SSHD/authorized_keys"; chmod 755 "$WORK" "$SSHD"; chmod 644 "$SSHD/authorized_keys"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
cat > "$SSHD/config" <<CONF
Port $PORT
ListenAddress 127.0.0.1
HostKey $SSHD/host
PidFile $SSHD/pid
AuthorizedKeysFile $SSHD/authorized_keys
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitRootLogin prohibit-password
CONF
/usr/sbin/sshd -f "$SSHD/config"
trap 'kill "$(cat "$SSHD/pid")" 2>/dev/null || true; ssh -F "$FLEET_SSH_CONFIG" -O exit box-alias 2>/dev/null || true; cleanup' EXIT
for _ in $(seq 1 100); do [ -f "$SSHD/pid" ] && break; sleep 0.05; done
echo "[127.0.0.1]:$PORT $(cat "$SSHD/host.pub")" > "$SSHD/known_hosts"
export FLEET_SSH_CONFIG="$WORK/ssh-config"
cat > "$FLEET_SSH_CONFIG" <<CONF
Host box-alias
  HostName 127.0.0.1
  Port $PORT
  User $USER_NAME
  IdentityFile $SSHD/client
  IdentitiesOnly yes
  UserKnownHostsFile $SSHD/known_hosts
CONF

make_repo "$WORK/repo"
printf '[fleet]\nagent = ["sh"]\n' > "$WORK/repo/fleet.toml"
git -C "$WORK/repo" add fleet.toml && git -C "$WORK/repo" -c user.name=b -c user.email=b@x commit -qm fleet
git clone -q "$WORK/repo" "$REMOTE/clone"
printf '[user]\n\tname = r\n\temail = r@x\n' > "$REMOTE/home/.gitconfig"
cat > "$REMOTE/bin/fleet" <<WRAP
#!/bin/sh
export HOME="$REMOTE/home" GIT_CONFIG_GLOBAL="$REMOTE/home/.gitconfig" GIT_CONFIG_NOSYSTEM=1 FLEET_HOST_DIR="$REMOTE/hosts"
export FLEET_NO_SYSTEMD_RUN=1 SHELL=/bin/sh PATH="$PATH" DOTNET_CLI_HOME="$REMOTE/home" DOTNET_NOLOGO=1
unset XDG_RUNTIME_DIR
exec ${FLEET_CMD[*]} "\$@"
WRAP
chmod 755 "$REMOTE/bin/fleet"
[ "$USER_NAME" = "$(id -un)" ] || chown -R "$USER_NAME:$USER_NAME" "$REMOTE"
printf '\n[hosts.box]\nssh = "box-alias"\npath = "%s"\nfleet = "%s"\n' "$REMOTE/clone" "$REMOTE/bin/fleet" >> "$WORK/repo/fleet.toml"

make_repo "$WORK/plain"   # the same verb without remote hosts, for the baseline
printf '[fleet]\nagent = ["sh"]\n' > "$WORK/plain/fleet.toml"
cd "$WORK/repo"
"${FLEET_CMD[@]}" new api --host box > /dev/null
ms() { local start end; start=$(date +%s%N); "$@" > /dev/null; end=$(date +%s%N); echo $(( (end - start) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : int((a[NR/2] + a[NR/2+1]) / 2)}'; }
SSH_OPTS=(-F "$FLEET_SSH_CONFIG" -o BatchMode=yes -o ControlMaster=auto -o "ControlPath=$FLEET_HOST_DIR/ssh/%C" -o ControlPersist=60)
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
