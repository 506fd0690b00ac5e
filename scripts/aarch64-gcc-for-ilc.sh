#!/usr/bin/env bash
# The C compiler and linker that scripts/pack-tool.sh hands the Native AOT build for linux-arm64 on an x64 machine.
# The AOT targets expect clang when cross-compiling and add clang's `--target=aarch64-linux-gnu`; Debian's cross gcc
# (apt-get install gcc-aarch64-linux-gnu) already is that target and rejects the flag, so drop it and pass the rest on.
args=()
for arg in "$@"; do
  case "$arg" in
    --target=aarch64-linux-gnu) ;;
    *) args+=("$arg") ;;
  esac
done
exec aarch64-linux-gnu-gcc "${args[@]}"
