#!/usr/bin/env bash
# Federation benchmark (see docs/benchmarks.md): cross-region redemptions ZJ enterprise → SH provider at a
# steady rate, with auto-confirm switched on at SH for the run and ZJ auto-approving under its threshold.
# Prints throughput and p50/p99 of filed→visible at SH and of filed→paid at ZJ.
#   deploy/bench-federation.sh [rate-per-second] [seconds]      (default 50 60)
set -euo pipefail
cd "$(dirname "$0")/.."
rate="${1:-50}"
seconds="${2:-60}"
state=target/bench-federation
pg_port=56432
kafka_port=29092
# the servers of an earlier run may still be stopping on the same directories and ports: wait for them (at most a minute)
for _ in $(seq 60); do (exec 3<>/dev/tcp/localhost/$pg_port || exec 3<>/dev/tcp/localhost/$kafka_port) 2>/dev/null \
  || break; sleep 1; done
rm -rf "$state" && mkdir -p "$state"

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -DskipTests install
./mvnw -B -q -pl services/testkit dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="services/testkit/target/classes:$(cat services/testkit/target/classpath.txt)"
# the apps trust a key made for this run; the driver signs its users' tokens with it (testkit Tokens)
read -r token_pub token_priv < <(java -cp "$cp" org.yrd.voucher.testkit.Tokens)
trust() { echo "-Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key=$token_pub -Dquarkus.oidc.token.issuer=https://idp.test/realms/yrd-$1"; }
signer=(-Dyrd.test.token.private="$token_priv" -Dyrd.test.token.public="$token_pub")
# each app signs its federation events with a key made for this run
java -cp "$cp" org.yrd.voucher.events.EventSignatures "$state/keys" hub SH ZJ
signing() { echo "-Dyrd.federation.signing.key-file=$PWD/$state/keys/$1.key.pem -Dyrd.federation.signing.trust-dir=$PWD/$state/keys"; }
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait "${pids[@]}" 2>/dev/null || true' EXIT
# Every process runs in a session of its own (setsid). The kernel then shares the cores between the services,
# as separate hosts or systemd units (a cgroup each) would, rather than between their threads: a burst of
# requests on ZJ's many worker threads cannot starve the hub's and SH's single consumer threads, which is
# what made filed->visible miss its target on this shared host (docs/benchmarks.md). ISOLATE=0 turns it off.
own=; if [ "${ISOLATE:-1}" = 1 ] && command -v setsid >/dev/null; then own=setsid; fi
wait_for() { for _ in $(seq 1 240); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.5; done; echo "see $1" >&2; exit 1; }

$own java -Djava.io.tmpdir="$PWD/target" ${PG_OPTS:-} -cp "$cp" org.yrd.voucher.testkit.PostgresMain "$state/pg" $pg_port hub node_sh node_zj \
  > "$state/postgres.log" 2>&1 & pids+=($!); wait_for "$state/postgres.log" '^READY'
$own java -cp "$cp" org.yrd.voucher.testkit.BrokerLauncher "$state/kafka" $kafka_port > "$state/kafka.log" 2>&1 &
pids+=($!); wait_for "$state/kafka.log" '^READY'
# PROFILE=1 records a JFR profile of each app into $state/<app>.jfr (read with: jfr print --events jdk.ExecutionSample)
jfr() { [ "${PROFILE:-0}" = 1 ] && echo "-XX:StartFlightRecording=filename=$state/$1.jfr,settings=profile,dumponexit=true" || true; }
# APP_OPTS: JVM options of the three apps. The defaults are for one 2-core host shared by three apps, the
# broker and PostgreSQL (docs/benchmarks.md): the JIT stays at C1 (C2's compiler threads cost more CPU than its
# faster code saves), the serial collector (no concurrent GC threads, cheaper barriers) and a pool of 8
# connections per app, so that a burst of requests at one app queues for a connection instead of crowding
# the cores the other apps' consumers need. APP_OPTS= (empty) runs the JVM's and the apps' own defaults.
# BENCH_OPTS: the driver's (default C1 only, as the apps), e.g. "-XX:TieredStopAtLevel=1 -Dbench.warmup=60"
common=(-Dquarkus.profile=local -Xmx512m -Dkafka.bootstrap.servers=127.0.0.1:$kafka_port -Dquarkus.log.level=WARN
        ${APP_OPTS--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dquarkus.datasource.jdbc.max-size=8})
$own java "${common[@]}" $(jfr hub) $(trust HUB) $(signing hub) -Dquarkus.http.port=18090 -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:$pg_port/hub \
  -jar hub-gateway/target/quarkus-app/quarkus-run.jar > "$state/hub.log" 2>&1 & pids+=($!)
until curl -sf localhost:18090/q/health/ready >/dev/null; do sleep 0.5; done
$own java "${common[@]}" $(jfr node_sh) $(trust SH) $(signing SH) -Dnode.province=SH -Dnode.federation.auto-confirm=true -Dquarkus.http.port=18081 \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:$pg_port/node_sh \
  -jar province-node/target/quarkus-app/quarkus-run.jar > "$state/node_sh.log" 2>&1 & pids+=($!)
$own java "${common[@]}" $(jfr node_zj) $(trust ZJ) $(signing ZJ) -Dnode.province=ZJ -Dquarkus.http.port=18083 \
  -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:$pg_port/node_zj \
  -jar province-node/target/quarkus-app/quarkus-run.jar > "$state/node_zj.log" 2>&1 & pids+=($!)
until curl -sf localhost:18081/q/health/ready >/dev/null && curl -sf localhost:18083/q/health/ready >/dev/null; do sleep 0.5; done

# the driver reports each service's CPU while filing: the broker's launcher (with the broker), the hub, SH and ZJ
# (pids in the order they were started), every PostgreSQL process and itself
services="kafka=${pids[1]},hub=${pids[2]},SH=${pids[3]},ZJ=${pids[4]}"
$own java ${BENCH_OPTS--XX:TieredStopAtLevel=1} "${signer[@]}" -Dbench.services="$services" -cp "$cp" org.yrd.voucher.testkit.bench.FederationBenchmark http://localhost:18083 http://localhost:18081 \
  "jdbc:postgresql://localhost:$pg_port/node_zj" "jdbc:postgresql://localhost:$pg_port/node_sh" "$rate" "$seconds" \
  "jdbc:postgresql://localhost:$pg_port/hub" \
  | tee "$state/result.txt"
