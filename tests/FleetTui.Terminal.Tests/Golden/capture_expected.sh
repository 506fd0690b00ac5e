#!/usr/bin/env bash
# Produces fixtures/<name>.text for every fixtures/<name>.in: what tmux shows after reading those bytes
# at 100x30 (stty raw: the bytes reach tmux unchanged). Usage: ./capture_expected.sh [name ...]
set -euo pipefail
cd "$(dirname "$0")/fixtures"
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for f in *.in; do names+=("${f%.in}"); done
fi
sock="fleet-golden-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null || true' EXIT
for name in "${names[@]}"; do
  # Values reach the pane's shell as environment variables, never spliced into the command string.
  tmux -L "$sock" -f /dev/null new-session -d -x 100 -y 30 -s "$name" \
    -e "FIXTURE=$PWD/$name.in" -e "SOCK=$sock" \
    'stty -echo raw; cat "$FIXTURE"; tmux -L "$SOCK" wait-for -S done; sleep 600'
  tmux -L "$sock" wait-for done
  # tmux may still be parsing what cat wrote: capture until two captures agree.
  prev=""
  for _ in $(seq 1 50); do
    cur=$(tmux -L "$sock" capture-pane -p -t "$name")
    [ "$cur" = "$prev" ] && break
    prev=$cur
    sleep 0.1
  done
  tmux -L "$sock" capture-pane -p -t "$name" > "$name.text"
  tmux -L "$sock" kill-session -t "$name"
  echo "$name.text"
done
