#!/usr/bin/env bash
# In one run: time `cat` of a 20 MB text file inside a fleet pane (twice: the first run includes the JIT's tier-up of
# the emulator's hot paths, the second shows the warm pipeline) and inside a plain tmux pane (both 160x48 tmux
# windows), and the time from starting `fleet` to its first full frame, with the milliseconds at which each start-up
# step ended. Usage: [FLEET_DLL=…|FLEET_BIN=…] [BENCH_ENV=…] scripts/bench-tui-throughput.sh [MB]
source "$(dirname "$0")/bench-tui-common.sh"
MB="${1:-20}"

head -c $(( MB * 1024 * 1024 * 3 / 4 )) /dev/urandom | base64 -w 158 > "$WORK/data.txt"
echo "file: $(du -m "$WORK/data.txt" | cut -f1) MB, $(wc -l < "$WORK/data.txt") lines"

# The command both panes run: time cat in milliseconds, written to a result file. It starts after a pause (SETTLE,
# default 3 s) so that it measures a running terminal, not one still starting (fleet's first frames, JIT, git).
timed_cat() { echo "sleep ${SETTLE:-3}; s=\$(date +%s%N); cat $WORK/data.txt; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 )) > $1"; }

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
echo "fleet start to first full frame: $(awk '$1 == "first-frame-ms" {print $2}' "$WORK/startup.log") ms ($(awk '{sub(/-ms$/, "", $1); printf "%s%s %s", sep, $1, $2; sep = ", "}' "$WORK/startup.log"))"
