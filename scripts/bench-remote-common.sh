# Shared by the bench-remote-*.sh scripts (sourced after bench-tui-common.sh): a loopback sshd (its own port and keys), a
# second local user (fleet-remote; the current user when not root) reached as the ssh alias box-alias through
# FLEET_SSH_CONFIG, a repository in $WORK/repo whose fleet.toml declares [hosts.box] (its clone in $REMOTE/clone, owned
# by that user, and a fleet wrapper running this build there). Sourced, not run.
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
SSH_OPTS=(-F "$FLEET_SSH_CONFIG" -o BatchMode=yes -o ControlMaster=auto -o "ControlPath=$FLEET_HOST_DIR/ssh/%C" -o ControlPersist=60)
printf '\n[hosts.box]\nssh = "box-alias"\npath = "%s"\nfleet = "%s"\n' "$REMOTE/clone" "$REMOTE/bin/fleet" >> "$WORK/repo/fleet.toml"

