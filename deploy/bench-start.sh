#!/usr/bin/env bash
# How long one province node takes from its JVM's start to ready, without and with a class-data archive of an earlier
# run (see docs/benchmarks.md "Start"): on a migrated database and a running broker, as a restart or a new pod meets
# them. Prints figures; it is not a pass/fail test.
#   deploy/bench-start.sh [starts]
# START_JAVA: the JVM to run the node with, as an absolute path (default: java on the PATH).
# With a JDK 25 or newer the archive is JDK 25's AOT cache (-XX:AOTCacheOutput, then -XX:AOTCache); before, the
# class-data archive of a full run (-XX:ArchiveClassesAtExit, then -XX:SharedArchiveFile). Either is made by one
# training run: a start, a few requests, and a clean stop.
set -euo pipefail
cd "$(dirname "$0")/.."
starts="${1:-3}"
java_cmd="${START_JAVA:-java}"
pg_port=55998
kafka_port=59098
node_port=18082
state=target/bench-start
app="${NODE_APP:-province-node/target/quarkus-app}"
for _ in $(seq 60); do (exec 3<>/dev/tcp/localhost/$pg_port) 2>/dev/null || break; sleep 1; done
rm -rf "$state" && mkdir -p "$state"
[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -DskipTests install
./mvnw -B -q -pl services/testkit dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="services/testkit/target/classes:$(cat services/testkit/target/classpath.txt)"
read -r token_pub _ < <(java -cp "$cp" org.yrd.voucher.testkit.Tokens)
java -cp "$cp" org.yrd.voucher.events.EventSignatures "$state/keys" hub SH
keys="$PWD/$state/keys"

own=; if command -v setsid >/dev/null; then own=setsid; fi
$own java -Djava.io.tmpdir="$PWD/target" -Dpg.synchronous_commit=on -Dpg.fsync=on -cp "$cp" \
  org.yrd.voucher.testkit.PostgresMain "$state/pg-data" "$pg_port" node_start > "$state/postgres.log" 2>&1 &
pg_pid=$!
$own java -cp "$cp" org.yrd.voucher.testkit.BrokerLauncher "$state/kafka" $kafka_port > "$state/kafka.log" 2>&1 &
kafka_pid=$!
node_pid=""
log="$PWD/$state/node.log"
trap 'kill $node_pid $kafka_pid $pg_pid 2>/dev/null || true; wait $kafka_pid $pg_pid 2>/dev/null || true' EXIT
for server in postgres kafka; do
  until grep -q '^READY' "$state/$server.log"; do
    kill -0 $pg_pid $kafka_pid || { cat "$state/$server.log"; exit 1; }; sleep 0.5
  done
done

version=$("$java_cmd" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -1)
archive="$PWD/$state/node.$([ "$version" -ge 25 ] && echo aot || echo jsa)"
if [ "$version" -ge 25 ]; then
  record=(-XX:AOTCacheOutput="$archive"); use=(-XX:AOTCache="$archive")
else
  record=(-XX:ArchiveClassesAtExit="$archive"); use=(-XX:SharedArchiveFile="$archive")
fi
# the JVM the charts give the node (docs/deploy.md "The image"), as deploy/bench-node.sh runs it; NODE_OPTS: options
# added after these, to the training run and every start
node_jvm=(-Xmx512m -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4
          -XX:AdaptiveSizePolicyWeight=90 ${NODE_OPTS:-})

# start [JVM options...]: starts the node and waits until it is ready; sets ready_ms (from its JVM's launch) and rss_mb
# (its resident memory then)
start() {
  local began; began=$(date +%s%N)
  # from the app's directory, as the image runs it: an archive names the class path it was made with
  (cd "$app" && exec $own "$java_cmd" "${node_jvm[@]}" "$@" -Dquarkus.profile=local -Dquarkus.oidc.auth-server-url= \
    -Dquarkus.oidc.public-key="$token_pub" -Dquarkus.oidc.token.issuer=https://idp.test/realms/yrd-SH \
    -Dyrd.federation.signing.key-file="$keys/SH.key.pem" -Dyrd.federation.signing.trust-dir="$keys" -Dnode.province=SH \
    -Dkafka.bootstrap.servers=127.0.0.1:$kafka_port -Dquarkus.http.port=$node_port \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$pg_port/node_start" \
    -jar quarkus-run.jar) >> "$log" 2>&1 &
  node_pid=$!
  until curl -sf "localhost:$node_port/q/health/ready" >/dev/null; do
    kill -0 $node_pid 2>/dev/null || { tail -40 "$log"; exit 1; }; sleep 0.02
  done
  ready_ms=$(( ($(date +%s%N) - began) / 1000000 ))
  rss_mb=$(awk '/VmRSS/ {printf "%d", $2/1024}' /proc/$node_pid/status)
}
stop() { kill $node_pid; wait $node_pid 2>/dev/null || true; node_pid=""; }

start
echo "first start (migrations of an empty database): ready after $ready_ms ms"
stop
echo "== training run ($java_cmd, Java $version): ${record[*]}"
start "${record[@]}"
# a few requests, so that what answering loads is in the archive as well
for path in /q/health/ready /q/openapi /api/v1/public/policy /api/v1/public/notices /api/v1/public/draws \
            /api/v1/enterprises/91310115MA1H00000X/vouchers; do
  curl -s -o /dev/null "localhost:$node_port$path" || true
done
stop
# JDK 25 writes its cache in a second JVM after the first one exits
for _ in $(seq 120); do [ -s "$archive" ] && ! pgrep -f "AOTCacheOutput=$archive" >/dev/null && break; sleep 1; done
[ -s "$archive" ] || { echo "no archive was written"; tail -20 "$log"; exit 1; }
echo "archive: $(du -m "$archive" | cut -f1) MB"

cold=(); warm=()
for i in $(seq "$starts"); do
  start; cold+=("$ready_ms")
  echo "start $i without the archive: ready after $ready_ms ms, resident $rss_mb MB"; stop
  start "${use[@]}"; warm+=("$ready_ms")
  echo "start $i with the archive:    ready after $ready_ms ms, resident $rss_mb MB"; stop
done
echo "RESULT java=$version without_ms=$(IFS=,; echo "${cold[*]}") with_ms=$(IFS=,; echo "${warm[*]}")"
