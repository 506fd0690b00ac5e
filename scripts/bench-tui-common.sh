# Shared by the bench-tui-*.sh scripts: locate the built fleet, make a throwaway repo with a fleet.toml, run things in a
# private tmux server. Sourced, not run.
set -euo pipefail

# FLEET_CMD: how to start fleet. FLEET_BIN names a native executable (scripts/publish-aot.sh); otherwise FLEET_DLL, or
# the Release (then Debug) build, runs under `dotnet`.
FLEET_BIN="${FLEET_BIN:-}"
FLEET_DLL="${FLEET_DLL:-}"
if [ -n "$FLEET_BIN" ]; then
  [ -x "$FLEET_BIN" ] || { echo "FLEET_BIN=$FLEET_BIN is not an executable" >&2; exit 2; }
  FLEET_CMD=("$FLEET_BIN")
else
  if [ -z "$FLEET_DLL" ]; then
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    for candidate in "$root/src/FleetTui/bin/Release/net10.0/fleet.dll" "$root/src/FleetTui/bin/Debug/net10.0/fleet.dll"; do
      if [ -f "$candidate" ]; then FLEET_DLL="$candidate"; break; fi
    done
  fi
  [ -f "$FLEET_DLL" ] || { echo "build fleet first (dotnet build -c Release src/FleetTui), or set FLEET_DLL or FLEET_BIN" >&2; exit 2; }
  FLEET_CMD=(dotnet "$FLEET_DLL")
fi

WORK="$(mktemp -d /tmp/fleet-bench.XXXXXX)"
SOCKET="fleet-bench-$$"
# Fleet hosts started by a bench keep their sockets here, and are stopped (with their agents) when it ends.
export FLEET_HOST_DIR="$WORK/hosts"
stop_hosts() {
  local info pid
  for info in "$FLEET_HOST_DIR"/*.json; do
    [ -f "$info" ] || continue
    pid="$(grep -o '"pid": *[0-9]*' "$info" | grep -o '[0-9]*$')"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
cleanup() { tmux -L "$SOCKET" kill-server 2>/dev/null || true; stop_hosts; rm -rf "$WORK"; }
trap cleanup EXIT

# host_pid: the pid of the fleet host serving the bench's repository (empty when none runs).
host_pid() { grep -ho '"pid": *[0-9]*' "$FLEET_HOST_DIR"/*.json 2>/dev/null | grep -o '[0-9]*$' | head -1; }

export GIT_CONFIG_GLOBAL="$WORK/gitconfig" GIT_CONFIG_NOSYSTEM=1
: > "$GIT_CONFIG_GLOBAL"

# make_repo DIR: a repository with one empty commit; the caller writes DIR/fleet.toml.
make_repo() {
  mkdir -p "$1"
  git -C "$1" init -q -b main
  git -C "$1" -c user.name=bench -c user.email=bench@example.com commit -q --allow-empty -m init
}

# wait_for FILE TIMEOUT_SECONDS
wait_for() {
  local deadline=$(( $(date +%s) + $2 ))
  while [ ! -s "$1" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "timed out waiting for $1" >&2; tmux -L "$SOCKET" capture-pane -p >&2 || true; exit 1; }
    sleep 0.2
  done
}

# cpu_ticks PID: utime+stime of the process and its threads, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
