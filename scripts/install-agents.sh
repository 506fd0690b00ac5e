#!/usr/bin/env bash
# Installs the real coding agents the real-agent tests run (tests/FleetTui.RealAgents.Tests), at pinned versions, into
# .cache/agents at the repository root (ignored by git). Idempotent: a cache that already holds these versions is kept.
# Node.js and npm come from Debian's packages when missing (Claude Code and Codex ship native binaries inside their
# packages; Gemini CLI runs on Node ≥ 20).
set -euo pipefail
cd "$(dirname "$0")/.."

# Pinned: a new release may redraw its screens, so versions move only with the patterns and tests that match them.
CLAUDE_CODE=2.1.332
CODEX=0.171.0
GEMINI_CLI=0.61.0
prefix=.cache/agents

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq nodejs npm
fi

major=$(node -p "process.versions.node.split('.')[0]" 2>/dev/null || echo 0)
[ "$major" -ge 20 ] || echo "warning: Node.js $major is older than Gemini CLI needs (20); its tests will fail" >&2

stamp="$prefix/versions"
want="claude-code=$CLAUDE_CODE codex=$CODEX gemini-cli=$GEMINI_CLI"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ] \
   && [ -x "$prefix/node_modules/.bin/claude" ] && [ -x "$prefix/node_modules/.bin/codex" ] && [ -x "$prefix/node_modules/.bin/gemini" ]; then
  echo "agents already installed: $want"
  exit 0
fi

mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --loglevel=error \
  "@anthropic-ai/claude-code@$CLAUDE_CODE" "@openai/codex@$CODEX" "@google/gemini-cli@$GEMINI_CLI"
# Claude Code's postinstall copies its native binary over a placeholder; check it ran (npm may skip install scripts).
if ! "$prefix/node_modules/.bin/claude" --version >/dev/null 2>&1; then
  node "$prefix/node_modules/@anthropic-ai/claude-code/install.cjs"
fi
echo "$want" > "$stamp"
echo "agents installed: $want"
