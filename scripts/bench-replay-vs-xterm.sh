#!/usr/bin/env bash
# `fleet replay` against @xterm/headless (xterm.js without a DOM: the emulator VS Code's terminal uses) on the
# benchmark streams (20 MB plain, 20 MB SGR-heavy), 100x30 with a 10,000-line history, in one run (issue 17, goal 3:
# fleet at least 2x xterm.js on both). @xterm/headless is a dev-only tool: npm installs it into .cache/ (ignored).
# Times: fleet is the whole process (start, read, parse, print the screen), user+sys CPU and wall; xterm.js is the
# wall and CPU time inside Node from making the Terminal to the last write parsed (Node's start not counted: in
# xterm's favour). On a shared machine compare the CPU columns: wall time waits for the cores.
# Usage: [FLEET=path/to/fleet] scripts/bench-replay-vs-xterm.sh [runs]   (default 3 runs each; the best is reported)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
modules=.cache/xterm-headless
if [ ! -d "$modules/node_modules/@xterm/headless" ]; then
  echo "installing @xterm/headless into $modules (dev-only)..." >&2
  npm install --silent --no-audit --no-fund --prefix "$modules" @xterm/headless@6 >&2
fi

echo "building fleet and the stream writer (Release)..." >&2
fleet=${FLEET:-}
if [ -z "$fleet" ]; then
  dotnet build src/FleetTui/FleetTui.csproj -c Release -o "$work/fleet" >/dev/null
  fleet="$work/fleet/fleet"
fi
dotnet build tests/FleetTui.Benchmarks/FleetTui.Benchmarks.csproj -c Release -o "$work/bench" >/dev/null
dotnet "$work/bench/FleetTui.Benchmarks.dll" write-streams "$work/streams"

now_ms() { date +%s%3N; }

time_fleet() {
  local file=$1 best=999999 bestcpu=999999 start end cpu
  for _ in $(seq 1 "$runs"); do
    start=$(now_ms)
    cpu=$( { /usr/bin/time -f '%U %S' "$fleet" replay "$file" --cols 100 --rows 30 >/dev/null; } 2>&1 | awk '{ printf "%d", ($1 + $2) * 1000 }')
    end=$(now_ms)
    (( end - start < best )) && best=$((end - start))
    (( cpu < bestcpu )) && bestcpu=$cpu
  done
  echo "$best $bestcpu"
}

time_xterm() {
  local file=$1 best=999999 bestcpu=999999 ms cpu
  for _ in $(seq 1 "$runs"); do
    read -r ms cpu _ < <(node scripts/xterm-replay.mjs "$PWD/$modules" "$file" 100 30)
    (( ms < best )) && best=$ms
    (( cpu < bestcpu )) && bestcpu=$cpu
  done
  echo "$best $bestcpu"
}

printf '%-8s %5s | %8s %9s | %8s %9s | %9s %9s\n' stream MB fleet_ms fleet_cpu xterm_ms xterm_cpu wall_gain cpu_gain
for name in plain colored; do
  file="$work/streams/$name.bin"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1048576 }')
  read -r f fc < <(time_fleet "$file")
  read -r x xc < <(time_xterm "$file")
  printf '%-8s %5s | %8s %9s | %8s %9s | %9s %9s\n' "$name" "$mb" "$f" "$fc" "$x" "$xc" \
    "$(awk -v a="$x" -v b="$f" 'BEGIN { printf "%.2fx", a / b }')" \
    "$(awk -v a="$xc" -v b="$fc" 'BEGIN { printf "%.2fx", a / (b > 0 ? b : 1) }')"
done
echo "(fleet: $fleet; gain = xterm's / fleet's, goal >= 2x; cpu = user+sys ms; fleet's include its start, xterm's not Node's; load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores)"
