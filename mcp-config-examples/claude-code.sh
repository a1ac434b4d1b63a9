#!/bin/sh
# Registers agentos-traces-mcp with Claude Code for the current user (all projects).
# Run from the repository root after ./mvnw -B package. Drop the -e line if AgentOS has no security key.
# --toolsets picks the tools (traces, explore, tokens, diagnose, runs or all); see README "Choosing tools".
claude mcp add agentos-traces --scope user \
  -e AGENTOS_URL=http://localhost:7777 \
  -e AGENTOS_SECURITY_KEY="$AGENTOS_SECURITY_KEY" \
  -- "$(pwd)/bin/agentos-traces-mcp" serve --toolsets traces,tokens,diagnose
