@echo off
rem Launches agentos-traces-mcp on Windows: the MCP server (serve) or the CLI (list, get, stats, tokens).
rem JVM flags suit a short-lived process; add yours with JAVA_OPTS. JVM logs go to stderr (stdout is JSON-RPC).
setlocal
set "HERE=%~dp0"
set "JAR=%AGENTOS_TRACES_MCP_JAR%"
if "%JAR%"=="" if exist "%HERE%..\target\agentos-traces-mcp.jar" set "JAR=%HERE%..\target\agentos-traces-mcp.jar"
if "%JAR%"=="" if exist "%HERE%..\lib\agentos-traces-mcp.jar" set "JAR=%HERE%..\lib\agentos-traces-mcp.jar"
if "%JAR%"=="" (
  echo agentos-traces-mcp: jar not found; build it with mvnw.cmd -B package, or set AGENTOS_TRACES_MCP_JAR 1>&2
  exit /b 1
)
set "JAVA=java"
if not "%JAVA_HOME%"=="" set "JAVA=%JAVA_HOME%\bin\java"
rem the runtime image (the download) brings its own Java
if exist "%HERE%..\runtime\bin\java.exe" set "JAVA=%HERE%..\runtime\bin\java.exe"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:ReservedCodeCacheSize=16m -XX:+UseSerialGC -Xms8m -Xmx256m -Xss512k -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr %JAVA_OPTS% -jar "%JAR%" %*
exit /b %ERRORLEVEL%
