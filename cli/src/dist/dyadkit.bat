@echo off
rem dyadkit launcher for Windows (the distribution archive). Needs Java 17 or later on the PATH,
rem or JAVA_HOME. DYADKIT_JAVA_OPTS adds JVM options (for example -Xmx2g).
setlocal
set "JAVA=java"
if defined JAVA_HOME set "JAVA=%JAVA_HOME%\bin\java"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData %DYADKIT_JAVA_OPTS% -jar "%~dp0lib\dyadkit.jar" %*
exit /b %ERRORLEVEL%
