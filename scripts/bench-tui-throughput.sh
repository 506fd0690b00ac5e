#!/usr/bin/env bash
# In one run: time `cat` of a 20 MB text file inside a fleet pane (twice: the first run includes the JIT's tier-up of
# the emulator's hot paths, the second shows the warm pipeline) and inside a plain tmux pane (both 160x48 tmux
# windows), and the time from starting `fleet` to its first full frame, with the milliseconds at which each start-up
# step ended. In the same run, the raw PTY read rate: the same file through our own PTY reader with nothing behind it
# (tests/FleetTui.Benchmarks `pty-read`, RAW_RUNS times, median), the ceiling a pane's first `cat` is measured against.
# Usage: [FLEET_DLL=…|FLEET_BIN=…] [BENCH_ENV=…] [RAW_RUNS=5] scripts/bench-tui-throughput.sh [MB]
source "$(dirname "$0")/bench-tui-common.sh"
MB="${1:-20}"
BENCH_DLL="$(cd "$(dirname "$0")/.." && pwd)/tests/FleetTui.Benchmarks/bin/Release/net10.0/FleetTui.Benchmarks.dll"
[ -f "$BENCH_DLL" ] || dotnet build -c Release -nologo -v q "$(dirname "$BENCH_DLL")/../../../FleetTui.Benchmarks.csproj" >&2
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

head -c $(( MB * 1024 * 1024 * 3 / 4 )) /dev/urandom | base64 -w 158 > "$WORK/data.txt"
echo "file: $(du -m "$WORK/data.txt" | cut -f1) MB, $(wc -l < "$WORK/data.txt") lines"

# The command both panes run: time cat in milliseconds, written to a result file. It starts after a pause (SETTLE,
# default 3 s) so that it measures a running terminal, not one still starting (fleet's first frames, JIT, git).
timed_cat() { echo "sleep ${SETTLE:-3}; s=\$(date +%s%N); cat $WORK/data.txt; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 )) > $1"; }

# Our PTY reader alone: spawn to the last byte, nothing parsed.
dotnet "$BENCH_DLL" pty-read "$WORK/data.txt" "${RAW_RUNS:-5}" raw > "$WORK/raw.txt"
raw_ms="$(awk '$2 == "median:" {print $3}' "$WORK/raw.txt")"

# tmux alone.
tmux -L "$SOCKET" new-session -d -x 160 -y 48 -s plain sh -c "$(timed_cat "$WORK/tmux.ms"); sleep 600"
wait_for "$WORK/tmux.ms" 300
tmux -L "$SOCKET" kill-session -t plain

# fleet: one task whose agent runs the same command, then a shell.
make_repo "$WORK/repo"
cat > "$WORK/repo/fleet.toml" <<TOML
[fleet]
agent = ["sh", "-c", "$(timed_cat "$WORK/fleet.ms"); $(timed_cat "$WORK/fleet-again.ms"); exec sh"]

[[task]]
name = "flood"
TOML
tmux -L "$SOCKET" new-session -d -x 160 -y 48 -s fleet -c "$WORK/repo" \
  env FLEET_STARTUP_LOG="$WORK/startup.log" ${BENCH_ENV:-} "${FLEET_CMD[@]}"
wait_for "$WORK/fleet-again.ms" 600
deadline=$(( $(date +%s) + 30 ))
until grep -q first-frame "$WORK/startup.log" 2>/dev/null; do
  [ "$(date +%s)" -lt "$deadline" ] || { echo "no first frame logged" >&2; exit 1; }
  sleep 0.2
done

echo "cat ${MB} MB in a tmux pane:  $(cat "$WORK/tmux.ms") ms"
echo "cat ${MB} MB in a fleet pane: $(cat "$WORK/fleet.ms") ms, again in the same pane: $(cat "$WORK/fleet-again.ms") ms (fleet itself running inside tmux)"
file_bytes="$(stat -c %s "$WORK/data.txt")"
rate() { awk -v b="$file_bytes" -v ms="$1" 'BEGIN {printf "%.1f", b / 1e6 / (ms / 1000)}'; }
echo "raw PTY read (our reader, nothing parsed): median ${raw_ms} ms, $(rate "$raw_ms") MB/s ($(awk '$2 == "run" {printf "%s%s", sep, $4; sep = ", "}' "$WORK/raw.txt") ms)"
echo "first cat in a fleet pane: $(rate "$(cat "$WORK/fleet.ms")") MB/s = $(awk -v r="$raw_ms" -v f="$(cat "$WORK/fleet.ms")" 'BEGIN {printf "%.0f", 100 * r / f}')% of the raw PTY read rate (goal >= 80%); again: $(awk -v r="$raw_ms" -v f="$(cat "$WORK/fleet-again.ms")" 'BEGIN {printf "%.0f", 100 * r / f}')%"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "fleet start to first full frame: $(awk '$1 == "first-frame-ms" {print $2}' "$WORK/startup.log") ms ($(awk '{sub(/-ms$/, "", $1); printf "%s%s %s", sep, $1, $2; sep = ", "}' "$WORK/startup.log"))"
