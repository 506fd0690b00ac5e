#!/usr/bin/env bash
# Packs `fleet` as the .NET tool whose default install is the Native AOT executable (no JIT: the first frame in well
# under 300 ms). .NET 10 RID-specific tool packages: FleetTui (a pointer naming the runtimes), FleetTui.linux-x64 and
# FleetTui.linux-arm64 (the native executables), FleetTui.any (framework-dependent, for every other machine; it needs the
# .NET 10 runtime and starts with the JIT). `dotnet tool install FleetTui` picks the package for the machine it runs on.
#
# Usage: scripts/pack-tool.sh [OUTPUT_DIR]          (default artifacts/tool)
#   then: dotnet tool install --global --add-source OUTPUT_DIR FleetTui
# Needs gcc or clang for the native link; linux-arm64 on an x64 machine needs Debian's cross compiler
# (apt-get install gcc-aarch64-linux-gnu). FLEET_PACK_RIDS="linux-x64 any" packs a subset (the pointer then names only
# those). Each native executable takes a few minutes to compile on 2 cores.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/tool}"
read -r -a rids <<< "${FLEET_PACK_RIDS:-linux-x64 linux-arm64 any}"
project="$root/src/FleetTui/FleetTui.csproj"
# Each pack builds in its own artifacts folder: the repository's bin/obj (and a concurrent `dotnet build`) are untouched.
build="$root/artifacts/tool-build"
# DebugType=none: no .pdb files in the packages. CopyOutputSymbolsToPublishDirectory=false: no fleet.dbg either (the AOT
# compiler's symbols, twice the executable's size); a crash report's addresses resolve against a local publish of the same commit.
common=(-c Release -p:FleetNativeToolPackage=true "-p:FleetToolRuntimeIdentifiers=${rids[*]}" -p:DebugType=none
  -p:CopyOutputSymbolsToPublishDirectory=false -o "$out" -nologo)

host_arch="$(uname -m)"
cross_args() {
  case "$1:$host_arch" in
    linux-arm64:x86_64)
      command -v aarch64-linux-gnu-gcc >/dev/null || {
        echo "linux-arm64 on x64 needs the cross compiler: apt-get install gcc-aarch64-linux-gnu (or FLEET_PACK_RIDS without linux-arm64)" >&2
        exit 2
      }
      echo "-p:CppCompilerAndLinker=$root/scripts/aarch64-gcc-for-ilc.sh -p:ObjCopyName=aarch64-linux-gnu-objcopy" ;;
    linux-x64:aarch64)
      echo "packing linux-x64 on an arm64 machine is not set up: pack on x64 (or FLEET_PACK_RIDS without linux-x64)" >&2
      exit 2 ;;
  esac
}

for rid in "${rids[@]}"; do cross_args "$rid" >/dev/null; done # a missing cross compiler stops the script before any build

mkdir -p "$out"
rm -f "$out"/FleetTui.*.nupkg
echo "== FleetTui (pointer: ${rids[*]})"
dotnet pack "$project" "${common[@]}" --artifacts-path "$build/pointer"
for rid in "${rids[@]}"; do
  echo "== FleetTui.$rid"
  extra="$(cross_args "$rid")" # an assignment, so that a missing cross compiler stops the script
  # shellcheck disable=SC2086 # $extra holds separate -p: arguments
  dotnet pack "$project" "${common[@]}" -r "$rid" --artifacts-path "$build/$rid" $extra
done
ls -l "$out"
