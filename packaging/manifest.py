#!/usr/bin/env python3
"""The .mcpb bundle's manifest.json (MCP Bundle format, manifest_version 0.3), on stdout.

Usage: manifest.py VERSION PLATFORM JAVA JAR
The tools for the install screen are the ones the server itself lists with the default toolsets (what a user who
leaves the Toolsets setting empty gets; "tools_generated" says other settings offer more), asked over stdio from
JAVA -jar JAR, so the manifest cannot drift from the server. The settings map to the environment variables the
server reads. An optional setting has "default": "" because Claude Desktop passes an unset one on as the
literal text "${user_config.NAME}" (modelcontextprotocol/mcpb#250); the server reads an empty value as unset.
"""
import json, os, subprocess, sys

version, platform, java, jar = sys.argv[1:5]

def server_tools():
    msgs = [
        {"jsonrpc": "2.0", "id": 1, "method": "initialize",
         "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "mcpb", "version": "1"}}},
        {"jsonrpc": "2.0", "method": "notifications/initialized"},
        {"jsonrpc": "2.0", "id": 2, "method": "tools/list"},
    ]
    env = {k: v for k, v in os.environ.items() if k != "AGENTOS_TRACES_TOOLSETS"}
    p = subprocess.run([java, "-jar", jar, "serve", "--base-url", "http://127.0.0.1:9"], env=env, check=True,
                       input="".join(json.dumps(m) + "\n" for m in msgs), capture_output=True, text=True, timeout=120)
    for line in p.stdout.splitlines():
        m = json.loads(line)
        if m.get("id") == 2:
            return [{"name": t["name"], "description": t.get("title") or t["description"].split(". ")[0]}
                    for t in m["result"]["tools"]]
    sys.exit("manifest.py: the server listed no tools: " + p.stderr[-2000:])

os_name = platform.split("-")[0]
if os_name == "windows":
    # no POSIX shell: the runtime's java with the launcher's flags (bin/agentos-traces-mcp.cmd)
    command = "${__dirname}/runtime/bin/java.exe"
    args = ["-XX:TieredStopAtLevel=1", "-XX:CICompilerCount=1", "-XX:ReservedCodeCacheSize=16m", "-XX:+UseSerialGC",
            "-Xms8m", "-Xmx256m", "-Xss512k", "-XX:-UsePerfData", "-Xlog:disable", "-Xlog:all=warning:stderr",
            "-jar", "${__dirname}/lib/agentos-traces-mcp.jar", "serve"]
else:
    # through sh, so that a host which unpacks without executable bits still starts it (the launcher then
    # restores them on the runtime's java)
    command = "/bin/sh"
    args = ["${__dirname}/bin/agentos-traces-mcp", "serve"]

manifest = {
    "manifest_version": "0.3",
    "name": "agentos-traces-mcp",
    "display_name": "AgentOS Traces",
    "version": version,
    "description": "Ask questions of the traces an Agno AgentOS records: runs, failures, slow spans, tokens and cost.",
    "long_description": "Reads the traces of your Agno AgentOS through its HTTP API (read-only). Exact token counts "
                        "and costs by model, agent, user or day; which tool keeps failing, even in runs that say OK; "
                        "why a run was slow; what changed between two runs. Needs no Java: the runtime is inside.",
    "author": {"name": "agentos-traces-mcp contributors"},
    "license": "Apache-2.0",
    "icon": "icon.png",
    "keywords": ["agno", "agentos", "traces", "observability", "tokens"],
    "server": {
        "type": "binary",
        "entry_point": "bin/agentos-traces-mcp" if os_name != "windows" else "runtime/bin/java.exe",
        "mcp_config": {
            "command": command,
            "args": args,
            "env": {
                "AGENTOS_URL": "${user_config.agentos_url}",
                "AGENTOS_SECURITY_KEY": "${user_config.security_key}",
                "AGENTOS_TRACES_TOOLSETS": "${user_config.toolsets}",
            },
        },
    },
    "tools": server_tools(),
    "tools_generated": True,
    "compatibility": {"platforms": [{"linux": "linux", "macos": "darwin", "windows": "win32"}.get(os_name, os_name)]},
    "user_config": {
        "agentos_url": {
            "type": "string", "title": "AgentOS URL", "required": True, "default": "http://localhost:7777",
            "description": "Where your AgentOS serves its API.",
        },
        "security_key": {
            "type": "string", "title": "Security key", "required": False, "default": "", "sensitive": True,
            "description": "AgentOS's OS_SECURITY_KEY; leave empty if it has none.",
        },
        "toolsets": {
            "type": "string", "title": "Toolsets", "required": False, "default": "",
            "description": "Which tools to offer, comma-separated: traces, explore, tokens, diagnose, runs, or all. "
                           "Empty: traces, tokens, diagnose.",
        },
    },
}
json.dump(manifest, sys.stdout, indent=2)
print()
