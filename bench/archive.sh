# Source it. make_archive serve|cli: has bin/agentos-traces-mcp make its class-data archive for that face
# (for $JAVA_HOME's JDK, or the java on PATH, under $XDG_CACHE_HOME) and waits until it is in place.
make_archive() {
  if [ "$1" = serve ]; then
    bin/agentos-traces-mcp serve < /dev/null > /dev/null 2>&1   # no input: the server ends at once
  else
    bin/agentos-traces-mcp --version > /dev/null
  fi
  for _ in $(seq 180); do
    [ -n "$(find "$XDG_CACHE_HOME" -name "*.$1.jsa" -o -name "*.$1.aot" 2>/dev/null)" ] \
      && [ -z "$(find "$XDG_CACHE_HOME" -name '*.lock')" ] && return 0
    sleep 0.5
  done
  echo "no $1 archive under $XDG_CACHE_HOME after 90 s" >&2
  return 1
}
