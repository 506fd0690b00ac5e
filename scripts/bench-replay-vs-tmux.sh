#!/usr/bin/env bash
# End-to-end comparison, in one run: `fleet replay` of the benchmark streams (20 MB plain, 20 MB SGR-heavy) against
# tmux rendering the same bytes through a 100x30 pane. Each is timed from start until the final screen is available:
# for tmux, until `cat` has written everything into the pane (tmux wait-for) and a capture-pane has answered.
# Wall time depends on how loaded the machine is, so CPU time is reported too: for fleet the process's user+sys time,
# for tmux the server's user+sys time (from /proc) spent on the run (tmux's client and cat are not counted).
# Usage: [R2R=1] scripts/bench-replay-vs-tmux.sh [runs]   (default 3 runs each; the best run is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
sock="fleet-bench-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

echo "building fleet and the stream writer (Release)..." >&2
if [ "${R2R:-0}" = 1 ]; then
  # ReadyToRun: precompiled code, so a short run does not pay the JIT (what an installed fleet should ship as).
  dotnet publish src/FleetTui/FleetTui.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$work/fleet" >/dev/null
else
  dotnet build src/FleetTui/FleetTui.csproj -c Release -o "$work/fleet" >/dev/null
fi
dotnet build tests/FleetTui.Benchmarks/FleetTui.Benchmarks.csproj -c Release -o "$work/bench" >/dev/null
dotnet "$work/bench/FleetTui.Benchmarks.dll" write-streams "$work/streams"

now_ms() { date +%s%3N; }

time_fleet() {
  local file=$1 best=999999 bestcpu=999999 start end cpu
  for _ in $(seq 1 "$runs"); do
    start=$(now_ms)
    cpu=$( { /usr/bin/time -f '%U %S' "$work/fleet/fleet" replay "$file" --cols 100 --rows 30 >/dev/null; } 2>&1 | awk '{ printf "%d", ($1 + $2) * 1000 }')
    end=$(now_ms)
    (( end - start < best )) && best=$((end - start))
    (( cpu < bestcpu )) && bestcpu=$cpu
  done
  echo "$best $bestcpu"
}

# user+sys milliseconds the tmux server has used so far.
tmux_cpu_ms() {
  local pid ticks
  pid=$(tmux -L "$sock" display-message -p -t keepalive '#{pid}')
  ticks=$(awk '{ print $14 + $15 }' "/proc/$pid/stat")
  echo $(( ticks * 1000 / $(getconf CLK_TCK) ))
}

time_tmux() {
  local file=$1 best=999999 bestcpu=999999 start end cpu0 cpu
  for i in $(seq 1 "$runs"); do
    cpu0=$(tmux_cpu_ms)
    start=$(now_ms)
    # The file path and socket reach the pane's shell as environment variables.
    tmux -L "$sock" new-session -d -x 100 -y 30 -s "run$i" \
      -e "FIXTURE=$file" -e "SOCK=$sock" -e "SIGNAL=done$i" \
      'stty -echo raw; cat "$FIXTURE"; tmux -L "$SOCK" wait-for -S "$SIGNAL"; sleep 600'
    tmux -L "$sock" wait-for "done$i"
    tmux -L "$sock" capture-pane -p -t "run$i" >/dev/null
    end=$(now_ms)
    cpu=$(( $(tmux_cpu_ms) - cpu0 ))
    tmux -L "$sock" kill-session -t "run$i"
    (( end - start < best )) && best=$((end - start))
    (( cpu < bestcpu )) && bestcpu=$cpu
  done
  echo "$best $bestcpu"
}

# One idle session keeps the tmux server (and its pid) alive across runs.
tmux -L "$sock" -f /dev/null new-session -d -s keepalive 'sleep 3600'

printf '%-8s %5s | %8s %8s %9s | %8s %8s | %9s %9s\n' stream MB fleet_ms fleet_cpu fleet_MB/s tmux_ms tmux_cpu wall_gain cpu_gain
for name in plain colored; do
  file="$work/streams/$name.bin"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
  read -r f fc < <(time_fleet "$file")
  read -r t tc < <(time_tmux "$file")
  printf '%-8s %5s | %8s %8s %9s | %8s %8s | %9s %9s\n' "$name" "$mb" "$f" "$fc" \
    "$(awk -v m="$mb" -v t="$fc" 'BEGIN { printf "%.0f", m * 1000 / (t > 0 ? t : 1) }')" "$t" "$tc" \
    "$(awk -v a="$t" -v b="$f" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(awk -v a="$tc" -v b="$fc" 'BEGIN { printf "%.2fx", a / (b > 0 ? b : 1) }')"
done
echo "(ms = wall time, cpu = user+sys ms; fleet_MB/s is per CPU second, startup included; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores)"
