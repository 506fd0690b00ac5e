#!/usr/bin/env bash
# Installs the tool packages of scripts/pack-tool.sh the way a user does (`dotnet tool install`, into a throwaway
# --tool-path, from that folder only, with a private NuGet cache so an older pack of the same version is never reused),
# checks that what got installed is the native executable (an ELF file, and `fleet doctor` says "Native AOT"), then
# times the installed fleet's start to its first full frame (RUNS starts in a 160x48 tmux window, one shell task).
# Usage: [RUNS=5] [EXPECT=native|jit] scripts/check-tool-install.sh [PACKAGE_DIR]     (default artifacts/tool)
# EXPECT=jit checks the framework-dependent fallback instead (packed alone: FLEET_PACK_RIDS=any scripts/pack-tool.sh).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
packages="$(cd "${1:-$root/artifacts/tool}" && pwd)"
runs="${RUNS:-5}"
version="$(sed -n 's:.*<Version>\(.*\)</Version>.*:\1:p' "$root/src/FleetTui/FleetTui.csproj" | head -1)"

install_dir="$(mktemp -d /tmp/fleet-tool-check.XXXXXX)"
cat > "$install_dir/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="fleet-tool" value="$packages" />
  </packageSources>
</configuration>
XML
NUGET_PACKAGES="$install_dir/nuget" dotnet tool install FleetTui --version "$version" \
  --tool-path "$install_dir/bin" --configfile "$install_dir/nuget.config" --add-source "$packages"
fleet_bin="$install_dir/bin/fleet"

# From here on the bench helpers (a throwaway repo, a private tmux server, hosts stopped at the end) run the installed fleet.
FLEET_BIN="$fleet_bin"
source "$root/scripts/bench-tui-common.sh"
trap 'cleanup; rm -rf "$install_dir"' EXIT

installed="$(find "$install_dir/bin/.store" -path '*/tools/*' \( -name fleet -o -name fleet.dll \) -type f | head -1)"
echo "installed: $installed"
echo "  $(file -b "$installed" | cut -d, -f1-2)"
make_repo "$WORK/repo"
printf '[fleet]\nagent = "shell"\n\n[[task]]\nname = "one"\n' > "$WORK/repo/fleet.toml"
doctor="$(cd "$WORK/repo" && "$fleet_bin" doctor || true)"
build_line="$(grep 'fleet build' <<< "$doctor")"
echo "  doctor: $build_line"
case "${EXPECT:-native}" in
  native) grep -q 'Native AOT' <<< "$build_line" || { echo "FAIL: the installed fleet is not the native build" >&2; exit 1; } ;;
  jit) grep -q 'JIT (framework-dependent' <<< "$build_line" || { echo "FAIL: the installed fleet is not the JIT build" >&2; exit 1; } ;;
  *) echo "EXPECT is native or jit" >&2; exit 2 ;;
esac

timings=()
for run in $(seq 1 "$runs"); do
  log="$WORK/startup-$run.log"
  tmux -L "$SOCKET" new-session -d -x 160 -y 48 -s "start$run" -c "$WORK/repo" env FLEET_STARTUP_LOG="$log" "$fleet_bin"
  deadline=$(( $(date +%s) + 60 ))
  until grep -q first-frame "$log" 2>/dev/null; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "no first frame logged" >&2; tmux -L "$SOCKET" capture-pane -p -t "start$run" >&2; exit 1; }
    sleep 0.1
  done
  ms="$(awk '$1 == "first-frame-ms" {print $2}' "$log")"
  timings+=("$ms")
  echo "  start $run: first frame at $ms ms ($(awk '{sub(/-ms$/, "", $1); printf "%s%s %s", sep, $1, $2; sep = ", "}' "$log"))"
  tmux -L "$SOCKET" kill-session -t "start$run"
  stop_hosts # each start is a cold one: fleet starts its host too
done
median="$(printf '%s\n' "${timings[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}')"
echo "installed fleet, start to first full frame: median $median ms of $runs starts (${timings[*]}); goal < 300 ms"
