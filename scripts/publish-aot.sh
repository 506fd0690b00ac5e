#!/usr/bin/env bash
# Publishes `fleet` as one Native AOT executable (no JIT: the first frame and the first flood do not wait for code to be
# compiled). Needs a C toolchain (gcc or clang) for the native link. Usage: scripts/publish-aot.sh [OUTPUT_DIR]
# The executable is OUTPUT_DIR/fleet (default artifacts/aot/fleet); libgit2 and onig libraries travel beside it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/artifacts/aot}"
case "$(uname -m)" in
  x86_64) arch=x64 ;;
  aarch64 | arm64) arch=arm64 ;;
  *) echo "unsupported machine $(uname -m)" >&2; exit 2 ;;
esac
dotnet publish "$root/src/FleetTui/FleetTui.csproj" -c Release -r "linux-$arch" -p:PublishAot=true -o "$out"
echo "$out/fleet"
