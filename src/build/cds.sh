#!/bin/sh
# Builds dbtok's class-data-sharing (CDS) archive, target/dbtok.jsa, for the jar just packaged.
#
#   sh src/build/cds.sh <project dir> [java]
#
# Run by Maven in the package phase, after the shaded jar. It runs the jar through a few typical
# commands against the bundled emulator with -XX:DumpLoadedClassList, then writes a static archive
# of every class they loaded (-Xshare:dump). bin/dbtok uses the archive when it is newer than the
# jar; the JVM itself checks that it matches the jar and the JVM that runs it, and falls back to no
# archive otherwise.
#
# The archive is an optimisation only: when anything here fails, the build goes on without one and
# says so on stderr (exit status 0).
set -u
root=$1
java=${2:-java}
jar=$root/target/dbtok.jar
jsa=$root/target/dbtok.jsa
work=$root/target/cds
warn() {
  printf '[WARNING] dbtok CDS archive not built: %s\n' "$1" >&2
  rm -f "$jsa"
  exit 0
}
[ -f "$jar" ] || warn "$jar is missing"
rm -rf "$work" && mkdir -p "$work/home" || warn "cannot create $work"
# The archive records the jar's path: it must be the path bin/dbtok runs it by (no symlinks).
jar=$(cd -P -- "$root/target" && pwd)/dbtok.jar

# One JVM per command, as users run it; each writes its own class list.
cat >"$work/train.sh" <<'EOF'
n=0
run() {
  n=$((n + 1))
  "$JAVA" -XX:DumpLoadedClassList="$WORK/classes.$n" -XX:TieredStopAtLevel=1 -jar "$JAR" "$@" >/dev/null 2>&1 </dev/null
}
run --help
run tokens --help
run tokens list --help
run tokens create --comment trained --lifetime-seconds 3600
run tokens list -o json
run tokens list
run token-management list
run token-management list -o json --limit 1
run token-management get no-such-token
run tokens list --limit x
run no-such-command
run workspace-conf get-status enableTokensConfig
# TLS: a whole https request (handshake, certificate check, response), against the training server
# when it started; else against the plain-http emulator, where the handshake fails after loading the
# client's TLS classes.
# Twice: the first run fills the trust store cache, the second reads it, as most runs do.
if [ -n "$TLS_PORT" ]; then
  for pass in write read; do
    JAVA_TOOL_OPTIONS="-Djavax.net.ssl.trustStore=$WORK/tls.p12 -Djavax.net.ssl.trustStorePassword=changeit -Djavax.net.ssl.trustStoreType=PKCS12" \
      DATABRICKS_HOST=https://127.0.0.1:$TLS_PORT run tokens list -o json
  done
else
  DATABRICKS_HOST=https://${DATABRICKS_HOST#http://} DATABRICKS_DISABLE_RETRIES=true run tokens list -o json
fi
exit 0
EOF

# A throwaway https server with a self-signed certificate for the TLS training run. Optional: without
# keytool, or when the server does not start, that run falls back to a failing handshake.
tls_port=
keytool=keytool
case $java in */*) keytool=${java%/*}/keytool ;; esac
if "$keytool" -genkeypair -alias cds -keyalg RSA -keysize 2048 -validity 2 -dname CN=127.0.0.1 -ext SAN=ip:127.0.0.1 \
  -storetype PKCS12 -keystore "$work/tls.p12" -storepass changeit -keypass changeit >"$work/tls.log" 2>&1 &&
  mkfifo "$work/tls.in"; then
  "$java" "$root/src/build/TlsTrainingServer.java" "$work/tls.p12" changeit <"$work/tls.in" >"$work/tls.port" 2>>"$work/tls.log" &
  exec 3>"$work/tls.in" # the server serves until this closes
  tries=0
  while [ ! -s "$work/tls.port" ] && [ "$tries" -lt 300 ]; do
    sleep 0.1
    tries=$((tries + 1))
  done
  tls_port=$(cat "$work/tls.port")
fi

HOME=$work/home JAVA=$java JAR=$jar WORK=$work TLS_PORT=$tls_port \
  "$java" -jar "$jar" emulator exec -- sh "$work/train.sh" </dev/null >"$work/train.log" 2>&1
trained=$?
[ -n "$tls_port" ] && exec 3>&-
[ "$trained" -eq 0 ] || warn "the training runs failed (see $work/train.log)"
# Merged in order of first appearance; ids are per run, and only classes of custom loaders need them.
cat "$work"/classes.* 2>/dev/null | grep -v -e '^#' -e ' source: ' | sed 's/ id: [0-9]*$//' |
  awk '!seen[$0]++' >"$work/classlist" || warn "cannot merge the class lists"
[ -s "$work/classlist" ] || warn "the training runs loaded no classes (see $work/train.log)"

# Written next to the final name and moved into place, so bin/dbtok never maps a half-written file.
"$java" -Xshare:dump -XX:SharedClassListFile="$work/classlist" -XX:SharedArchiveFile="$work/dbtok.jsa" \
  -cp "$jar" >"$work/dump.log" 2>&1 || warn "java -Xshare:dump failed (see $work/dump.log)"
mv -f "$work/dbtok.jsa" "$jsa" || warn "cannot move the archive to $jsa"
