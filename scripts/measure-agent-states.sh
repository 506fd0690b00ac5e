#!/usr/bin/env bash
# The real agents' state-detection figures: runs every real-agent story RUNS times (default 10), one at a time, and
# prints per story the latencies (median / 90th percentile / worst) against the goals and the false states counted.
#   scripts/measure-agent-states.sh [RUNS] [FILTER]      e.g. scripts/measure-agent-states.sh 10 "claude (hooks)"
# Needs the agents (scripts/install-agents.sh). Per-run lines go to stderr, the table to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d .cache/agents/node_modules/.bin ] || scripts/install-agents.sh
dotnet build -c Release tests/FleetTui.RealAgents.Tests -v quiet -nologo >/dev/null
exec dotnet tests/FleetTui.RealAgents.Tests/bin/Release/net10.0/FleetTui.RealAgents.Tests.dll measure "${1:-10}" "${2:-}"
