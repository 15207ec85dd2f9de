#!/usr/bin/env bash
# Benchmark of one province node (see docs/benchmarks.md): apply + operator approve with 64 concurrent
# clients for 30 s against Shanghai's budget, on a real PostgreSQL server, then pgbench (tpcb-like,
# 8 clients) against the same server for comparison. Prints figures; it is not a pass/fail test.
#   deploy/bench-node.sh [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-64}"
seconds="${2:-30}"
pg_port=55999
node_port=18081
state=target/bench
rm -rf "$state" && mkdir -p "$state"

if ! command -v pgbench >/dev/null; then
  echo "installing pgbench (Debian package postgresql)" >&2
  apt-get install -y -q postgresql >/dev/null
fi
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

java -Djava.io.tmpdir="$PWD/target" ${PG_OPTS:-} -cp "$cp" org.yrd.voucher.testkit.PostgresMain "$state/pg-data" "$pg_port" node_bench pgbench \
  > "$state/postgres.log" 2>&1 &
pg_pid=$!
node_pid=""
trap 'kill $node_pid $pg_pid 2>/dev/null || true' EXIT
until grep -q '^READY' "$state/postgres.log"; do kill -0 $pg_pid || { cat "$state/postgres.log"; exit 1; }; sleep 0.5; done

# NODE_OPTS: the node's JVM options; by default C1 only, as on any host it shares (docs/benchmarks.md).
# PG_OPTS: the PostgreSQL launcher's, e.g. -Dpg.shared_preload_libraries=pg_stat_statements. BENCH_OPTS: the driver's (default C1 only: -XX:TieredStopAtLevel=1).
# Shanghai's demo policy with a 2-billion-yuan budget, so the warm-up and the run never exhaust it
sed 's/^annualBudgetFen: .*/annualBudgetFen: 200000000000   # benchmark: 2 billion yuan/' deploy/policies/SH.yaml \
  > "$state/SH-bench.yaml"
java -Xmx1g ${NODE_OPTS--XX:TieredStopAtLevel=1} -Dquarkus.profile=local $(trust SH) $(signing SH) -Dnode.province=SH -Dnode.policy-file="$state/SH-bench.yaml" -Dquarkus.http.port=$node_port -Dquarkus.log.level=WARN \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$pg_port/node_bench" \
  -jar province-node/target/quarkus-app/quarkus-run.jar > "$state/node.log" 2>&1 &
node_pid=$!
until curl -sf "localhost:$node_port/q/health/ready" >/dev/null; do kill -0 $node_pid || { cat "$state/node.log"; exit 1; }; sleep 0.5; done

echo "== node: apply + approve, $clients clients, 30 s warm-up then ${seconds}s measured (30,000 yuan each: above the auto-approval threshold)"
java ${BENCH_OPTS--XX:TieredStopAtLevel=1} "${signer[@]}" -cp "$cp" org.yrd.voucher.testkit.bench.NodeBenchmark "http://localhost:$node_port" "$clients" "$seconds" 3000000 310115 \
  | tee "$state/node-bench.txt"

echo "== pgbench tpcb-like, 8 clients, ${seconds}s, same server"
pgbench -i -q -s 10 -h localhost -p $pg_port -U postgres pgbench >/dev/null 2>&1
pgbench -c 8 -j 2 -T "$seconds" -h localhost -p $pg_port -U postgres pgbench 2>/dev/null | tee "$state/pgbench.txt" \
  | grep -E "^(tps|latency average|number of transactions actually)"

ours=$(sed -n 's/^RESULT requests_per_s=\([0-9.]*\).*/\1/p' "$state/node-bench.txt")
pairs=$(sed -n 's/^RESULT .*pairs_per_s=\([0-9.]*\).*/\1/p' "$state/node-bench.txt")
theirs=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$state/pgbench.txt" | head -1)
awk -v o="$ours" -v p="$pairs" -v t="$theirs" 'BEGIN {
  printf "== ratio: node requests/s %.1f / pgbench tps %.1f = %.2f  (apply+approve pairs/s %.1f: %.2f)\n", o, t, o / t, p, p / t }'
