#!/usr/bin/env bash
# Benchmark of the task group's dashboard at the hub (see docs/benchmarks.md): loads a history of 10 million usage
# events and 2 million redemptions (5 years, 4 provinces) into a fresh hub database, then times every dashboard
# query (p50/p99 over ROUNDS requests each, one client) and the CSV export of all 2 million redemptions, streamed
# through a hub whose heap is capped at 256 MB. Prints figures; it is not a pass/fail test.
#   deploy/bench-hub.sh [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-200}"
pg_port=55998
hub_port=18090
state=target/bench-hub
# a server of an earlier run may still be stopping on the same directory and port: wait for it (at most a minute)
for _ in $(seq 60); do (exec 3<>/dev/tcp/localhost/$pg_port) 2>/dev/null || break; sleep 1; done
rm -rf "$state" && mkdir -p "$state"

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -DskipTests install
./mvnw -B -q -pl services/testkit dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="services/testkit/target/classes:$(cat services/testkit/target/classpath.txt)"
# the hub trusts a key made for this run; the driver signs the task group's token with it (testkit Tokens)
read -r token_pub token_priv < <(java -cp "$cp" org.yrd.voucher.testkit.Tokens)
java -cp "$cp" org.yrd.voucher.events.EventSignatures "$state/keys" hub

java -Djava.io.tmpdir="$PWD/target" -cp "$cp" org.yrd.voucher.testkit.PostgresMain "$state/pg-data" "$pg_port" hub_bench \
  > "$state/postgres.log" 2>&1 &
pg_pid=$!
hub_pid=""
trap 'kill $hub_pid $pg_pid 2>/dev/null || true; wait $pg_pid 2>/dev/null || true' EXIT
until grep -q '^READY' "$state/postgres.log"; do kill -0 $pg_pid || { cat "$state/postgres.log"; exit 1; }; sleep 0.5; done

# no broker: the hub serves what it holds while Kafka is away (docs/federation.md)
java -Xmx256m ${HUB_OPTS:-} -Dquarkus.profile=local -Dquarkus.http.port=$hub_port -Dquarkus.log.level=WARN \
  -Dquarkus.oidc.auth-server-url= -Dquarkus.oidc.public-key="$token_pub" -Dquarkus.oidc.token.issuer=https://idp.test/realms/yrd-HUB \
  -Dyrd.federation.signing.key-file="$PWD/$state/keys/hub.key.pem" -Dyrd.federation.signing.trust-dir="$PWD/$state/keys" \
  -Dkafka.bootstrap.servers=127.0.0.1:9 -Dhub.topic-setup.enabled=false \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$pg_port/hub_bench" \
  -jar hub-gateway/target/quarkus-app/quarkus-run.jar > "$state/hub.log" 2>&1 &
hub_pid=$!
until curl -sf -o /dev/null "localhost:$hub_port/api/v1/public/providers"; do kill -0 $hub_pid || { cat "$state/hub.log"; exit 1; }; sleep 0.5; done

echo "== loading the history (10,000,000 usage events, 2,000,000 redemptions)"
started=$(date +%s)
psql -q -h localhost -p $pg_port -U postgres -d hub_bench -v ON_ERROR_STOP=1 -f deploy/bench/hub-history.sql > "$state/load.txt"
echo "loaded in $(( $(date +%s) - started )) s: $(tail -3 "$state/load.txt" | head -1)"

echo "== the dashboard's queries, $rounds rounds each after a warm-up; then the CSV export"
java -Dyrd.test.token.private="$token_priv" -Dyrd.test.token.public="$token_pub" -cp "$cp" \
  org.yrd.voucher.testkit.bench.HubStatisticsBenchmark "http://localhost:$hub_port" "$rounds" | tee "$state/hub-bench.txt"
echo "hub resident memory after the export: $(ps -o rss= -p $hub_pid | awk '{printf "%.0f MB", $1 / 1024}') (heap capped at 256 MB)"
