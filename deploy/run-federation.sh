#!/usr/bin/env bash
# Runs the whole YRD federation locally with demo data: one PostgreSQL server (a database each for the hub
# and the four nodes), one Kafka broker in KRaft mode, Keycloak with a realm per province and the task group's
# (deploy/keycloak), the hub and the four province nodes, all started from artifacts the build fetches (no
# Docker). Ctrl-C stops everything.
#   deploy/run-federation.sh
# Ports: hub 8090; nodes SH 8081, JS 8082, ZJ 8083, AH 8084; Keycloak 8180; Kafka 19092; PostgreSQL 55432;
# mail (GreenMail) SMTP 3025, IMAP 3143.
# Tokens of the demo users: deploy/token.sh ROLE PROVINCE [USCC] (README).
# State lives in target/federation/ and survives restarts; delete that folder to start afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
state=target/federation
logs="$state/logs"
mkdir -p "$logs"
pg_port=55432
kafka_port=19092
kc_port=8180

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests install
fi
./mvnw -B -q -pl services/testkit dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="services/testkit/target/classes:$(cat services/testkit/target/classpath.txt)"

# each app signs its federation events with its own Ed25519 key; the keys are made at the first start
java -cp "$cp" org.yrd.voucher.events.EventSignatures "$state/keys" hub SH JS ZJ AH
signing() { echo "-Dyrd.federation.signing.key-file=$PWD/$state/keys/$1.key.pem -Dyrd.federation.signing.trust-dir=$PWD/$state/keys"; }

pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT
trap 'exit 0' INT TERM HUP
# each service in a session of its own, so that the kernel shares the cores per service as separate hosts or
# systemd units would, not per thread (docs/configuration.md); they stop with this script
own=; if command -v setsid >/dev/null; then own=setsid; fi

wait_for() { # file pattern pid
  for _ in $(seq 1 240); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || { echo "failed; see $1" >&2; tail -20 "$1" >&2; exit 1; }
    sleep 0.5
  done
  echo "timed out; see $1" >&2; exit 1
}

# Keycloak takes the longest (about a minute on two cores): it starts first and the others start meanwhile
$own deploy/keycloak/start.sh $kc_port > "$logs/keycloak.log" 2>&1 &
pids+=($!); kc_pid=$!
$own java -Djava.io.tmpdir="$PWD/target" -cp "$cp" org.yrd.voucher.testkit.PostgresMain "$state/pg-data" $pg_port \
  hub node_sh node_js node_zj node_ah > "$logs/postgres.log" 2>&1 &
pids+=($!); wait_for "$logs/postgres.log" '^READY' $!
$own java -cp "$cp" org.yrd.voucher.testkit.BrokerLauncher "$state/kafka" $kafka_port > "$logs/kafka.log" 2>&1 &
pids+=($!); wait_for "$logs/kafka.log" '^READY' $!
# a real SMTP and IMAP server for the notifications' mails (and Keycloak's): every address has a mailbox, read it
# over IMAP at localhost:3143 with the address as user name and any password
./mvnw -B -q dependency:copy -Dartifact=com.icegreen:greenmail-standalone:2.1.3 -DoutputDirectory="$state/mail" \
  -Dmdep.stripVersion=true
$own java -Dgreenmail.setup.test.smtp -Dgreenmail.setup.test.imap -Dgreenmail.hostname=127.0.0.1 -Dgreenmail.auth.disabled \
  -Dgreenmail.api.hostname=127.0.0.1 -Dgreenmail.api.port=3080 \
  -jar "$state/mail/greenmail-standalone.jar" > "$logs/mail.log" 2>&1 &
pids+=($!); wait_for "$logs/mail.log" 'GreenMail API server' $!

# five apps share this machine (docs/benchmarks.md): C1 only keeps the JIT from taking the cores, the serial
# collector needs no GC threads of its own, and small pools keep one busy app from crowding out the others
# the local profile: the production profile refuses demo data and the shipped invoice-hash key (docs/configuration.md)
common=(-Dquarkus.profile=local -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dquarkus.datasource.jdbc.max-size=8
        -Dkafka.bootstrap.servers=127.0.0.1:$kafka_port -Dnode.jobs.every=10s)
notify=(-Dnode.notifications.email=true -Dquarkus.mailer.host=127.0.0.1 -Dquarkus.mailer.port=3025)
$own java "${common[@]}" $(signing hub) -Dquarkus.http.port=8090 -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$pg_port/hub" \
  -Dquarkus.oidc.auth-server-url="http://localhost:$kc_port/realms/yrd-hub" \
  -jar hub-gateway/target/quarkus-app/quarkus-run.jar > "$logs/hub.log" 2>&1 &
pids+=($!); wait_for "$logs/hub.log" 'started in' $!
echo "hub on http://localhost:8090  (task group: /api/v1/taskgroup/flows, /q/swagger-ui)"

# the nodes run the demo app (province-node-demo: the node plus its demo data and clock; the production artifact,
# province-node/target/quarkus-app, holds neither)
port=8081
declare -A node_pid
for p in SH JS ZJ AH; do
  db="node_$(echo $p | tr 'A-Z' 'a-z')"
  $own java "${common[@]}" "${notify[@]}" $(signing $p) -Dnode.province=$p -Dnode.demo-data=true -Dquarkus.http.port=$port \
    -Dnode.hub-url=http://localhost:8090 -Dyrd.console.government-identity=gov -Dnode.identity-admin.client-secret=yrd-node-admin-demo-secret \
    -Dquarkus.oidc.auth-server-url="http://localhost:$kc_port/realms/yrd-$(echo $p | tr 'A-Z' 'a-z')" \
    -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$pg_port/$db" \
    -jar province-node-demo/target/quarkus-app/quarkus-run.jar > "$logs/$db.log" 2>&1 &
  pids+=($!); node_pid[$db]=$!
  echo "node $p on http://localhost:$port"
  port=$((port + 1))
done
# each node's start is checked against its own process: one that exits is reported at once, by name
for db in node_sh node_js node_zj node_ah; do wait_for "$logs/$db.log" 'started in' "${node_pid[$db]}"; done
wait_for "$logs/keycloak.log" 'Listening on' $kc_pid
echo "Keycloak on http://localhost:$kc_port (admin/admin; demo users: deploy/keycloak/realms, password demo)"
cat <<EOT
federation up; logs in $logs. Ctrl-C stops it.
Consoles (Chinese, English on the switch; every demo password is "demo"):
  Shanghai  http://localhost:8081   Jiangsu  http://localhost:8082   Zhejiang  http://localhost:8083   Anhui  http://localhost:8084
    operator-1, operator-2 (operators), finance-1 (finance); enterprises and providers by their USCC in lower case,
    e.g. 91310115dem000001e (a Shanghai enterprise), 91310104dem000011h (the Shanghai lab), 91330106dem000002q (Zhejiang)
  the hub (task group)  http://localhost:8090   taskgroup-1
  a guided tour of every role's screens: docs/guide.md
EOT
wait
