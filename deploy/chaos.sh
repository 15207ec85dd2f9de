#!/usr/bin/env bash
# Chaos run (docs/reliability.md): the hub and two province nodes (ZJ, SH) on their own PostgreSQL, Kafka
# broker and Keycloak, a steady mixed load through the public API (testkit ChaosRun: applications, local and
# cross-region filings, confirmations by the labs, payments by finance, each with the Keycloak token of the person
# whose step it is), and every 30-90 s something bad, dealt at random from every kind on every target: kill -9 of a
# node, the hub, the broker, PostgreSQL or Keycloak (restarted the way run-federation starts it; Keycloak keeps its
# realms, users and keys in the run's PostgreSQL, as in production), SIGSTOP of one of them for 10-40 s (a stall, as
# a partition looks to its peers), or a burst of poison records on random topics (testkit ChaosPoison). Then it
# waits until every process is back and nothing is left waiting, checks that nothing was lost, doubled or left
# unreconciled, prints the figures and exits non-zero on any loss.
#   deploy/chaos.sh [minutes]        (default 30; .ci/run runs 3)
# CHAOS_RATE: filings and applications per second (default 4). CHAOS_TARGETS (default "sh zj hub kafka pg
# keycloak") and CHAOS_KINDS (default "kill stall poison") narrow the faults, e.g. to watch one kind. State and logs
# in target/chaos/.
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
rate="${CHAOS_RATE:-4}"
state=target/chaos
rm -rf "$state" && mkdir -p "$state"
pg_port=57432
kafka_port=39092
kc_port=28180
declare -A port=([hub]=28090 [sh]=28081 [zj]=28083)

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -DskipTests install
./mvnw -B -q -pl services/testkit dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
cp="services/testkit/target/classes:$(cat services/testkit/target/classpath.txt)"
java -cp "$cp" org.yrd.voucher.events.EventSignatures "$state/keys" hub SH ZJ
now_ms() { date +%s%3N; }

declare -A pid
common=(-Dquarkus.profile=local -Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dquarkus.datasource.jdbc.max-size=8
        -Dkafka.bootstrap.servers=127.0.0.1:$kafka_port -Dnode.jobs.every=2s -Dquarkus.log.level=WARN)
app() { # name: the hub or a node, as run-federation starts it
  local p=${1^^} db
  if [ "$1" = hub ]; then db=hub; else db=node_$1; fi
  local signer=$([ "$1" = hub ] && echo hub || echo "$p")
  local args=("${common[@]}" -Dquarkus.oidc.auth-server-url=http://localhost:$kc_port/realms/yrd-$1
    -Dyrd.federation.signing.key-file="$PWD/$state/keys/$signer.key.pem" -Dyrd.federation.signing.trust-dir="$PWD/$state/keys"
    -Dquarkus.http.port=${port[$1]} -Dquarkus.datasource.jdbc.url=jdbc:postgresql://localhost:$pg_port/$db)
  if [ "$1" = hub ]; then
    setsid java "${args[@]}" -jar hub-gateway/target/quarkus-app/quarkus-run.jar >> "$state/$1.log" 2>&1 &
  else
    setsid java "${args[@]}" -Dnode.province="$p" -Dnode.hub-url=http://localhost:${port[hub]} \
      -jar province-node/target/quarkus-app/quarkus-run.jar >> "$state/$1.log" 2>&1 &
  fi
  pid[$1]=$!
}
start() {
  case $1 in
    # as production runs it: a commit is on disk when it is acknowledged (the local federation's synchronous_commit=off
    # loses the last commits to a kill -9, events already sent included; docs/reliability.md)
    pg) setsid java -Djava.io.tmpdir="$PWD/target" -Dpg.synchronous_commit=on -Dpg.fsync=on -cp "$cp" \
          org.yrd.voucher.testkit.PostgresMain "$state/pg" $pg_port hub node_sh node_zj keycloak >> "$state/pg.log" 2>&1 &
        pid[pg]=$! ;;
    kafka) setsid java -cp "$cp" org.yrd.voucher.testkit.BrokerLauncher "$state/kafka" $kafka_port >> "$state/kafka.log" 2>&1 &
           pid[kafka]=$! ;;
    keycloak) KEYCLOAK_DB_URL=jdbc:postgresql://localhost:$pg_port/keycloak setsid deploy/keycloak/start.sh $kc_port \
                >> "$state/keycloak.log" 2>&1 &
              pid[keycloak]=$! ;;
    *) app "$1" ;;
  esac
  disown "${pid[$1]}" # its kill -9 is the point: not reported as a failed job
}
up() { # name: answers as it should
  case $1 in
    pg) (exec 3<>/dev/tcp/127.0.0.1/$pg_port) 2>/dev/null ;;
    kafka) (exec 3<>/dev/tcp/127.0.0.1/$kafka_port) 2>/dev/null ;;
    # Keycloak 26.7 can report its database "failing" after PostgreSQL came back until a request uses a connection
    # again; a sign-in is what the federation needs of it, and it uses one
    keycloak) curl -sf -o /dev/null --max-time 2 "localhost:$((kc_port + 1000))/health/ready" \
                || curl -sf -o /dev/null --max-time 5 -d grant_type=password -d client_id=yrd-console -d username=operator-1 \
                     -d password=demo "localhost:$kc_port/realms/yrd-zj/protocol/openid-connect/token" ;;
    *) curl -sf -o /dev/null --max-time 2 "localhost:${port[$1]}/q/health/ready" ;;
  esac
}
await_all() {
  local down=
  for _ in $(seq 1 600); do
    down=
    for s in pg kafka keycloak hub sh zj; do up $s || { down=$s; break; }; done
    [ -z "$down" ] && return 0
    sleep 0.5
  done
  echo "chaos: the federation did not come back within 5 minutes ($down is not ready); its log's end:" >&2
  tail -n 40 "$state/$down.log" >&2
  echo "chaos: logs in $state" >&2; return 1
}
postmaster() { [ -f "$state/pg/postmaster.pid" ] && head -1 "$state/pg/postmaster.pid" || true; }
signal() { # signal name: the whole process group, and PostgreSQL's server with its backends, which may run in one
           # of their own
  kill -"$1" -- -"${pid[$2]}" 2>/dev/null || true
  local pm; pm=$(postmaster)
  if [ "$2" = pg ] && [ -n "$pm" ]; then
    local group; group=$(ps -o pgid= -p "$pm" 2>/dev/null | tr -d ' ')
    [ -n "$group" ] && kill -"$1" -- -"$group" 2>/dev/null || true
    kill -"$1" "$pm" 2>/dev/null || true
    [ "$1" = STOP ] || [ "$1" = CONT ] && pkill -"$1" -P "$pm" 2>/dev/null || true
  fi
}
kill_hard() { signal 9 "$1"; sleep 1; }
cleanup() {
  for s in "${!pid[@]}"; do signal CONT "$s"; signal TERM "$s"; done
}
trap cleanup EXIT

start pg; start kafka
until up pg && up kafka; do sleep 0.5; done
start keycloak # the slowest to start; the apps take their OIDC settings from it when it answers
start hub; until up hub; do sleep 0.5; done
start sh; start zj
await_all
echo "chaos: federation up (hub ${port[hub]}, SH ${port[sh]}, ZJ ${port[zj]}, Keycloak $kc_port); load $rate/s for $minutes min"

setsid java -XX:TieredStopAtLevel=1 -Djava.util.logging.manager=org.jboss.logmanager.LogManager -cp "$cp" \
  org.yrd.voucher.testkit.bench.ChaosRun http://localhost:${port[zj]} http://localhost:${port[sh]} \
  http://localhost:${port[hub]} "jdbc:postgresql://localhost:$pg_port/node_zj" "jdbc:postgresql://localhost:$pg_port/node_sh" \
  "jdbc:postgresql://localhost:$pg_port/hub" "$state" $((minutes * 60)) "$rate" $kc_port > "$state/driver.log" 2>&1 &
driver=$!
until [ -f "$state/loading" ]; do kill -0 $driver 2>/dev/null || { cat "$state/driver.log"; exit 1; }; sleep 0.5; done

read -ra targets <<< "${CHAOS_TARGETS:-sh zj hub kafka pg keycloak}"
read -ra kinds <<< "${CHAOS_KINDS:-kill stall poison}"
# the faults are dealt from a shuffled deck of every kind on every target (a poison burst counts once), dealt anew
# when it runs out: a run of 30 minutes meets each of them at least once, in an order nobody chose
deck=()
deal() {
  local all=()
  for k in "${kinds[@]}"; do
    if [ "$k" = poison ]; then all+=("poison topics"); else for t in "${targets[@]}"; do all+=("$k $t"); done; fi
  done
  mapfile -t deck < <(printf '%s\n' "${all[@]}" | shuf)
}
while [ ! -f "$state/load-done" ]; do
  for _ in $(seq 1 $((30 + RANDOM % 61))); do [ -f "$state/load-done" ] && break; sleep 1; done
  [ -f "$state/load-done" ] && break
  [ ${#deck[@]} -gt 0 ] || deal
  read -r kind t <<< "${deck[0]}"
  deck=("${deck[@]:1}")
  started=$(now_ms)
  case $kind in
    kill) kill_hard "$t"; start "$t" ;;
    stall) signal STOP "$t"; sleep $((10 + RANDOM % 31)); signal CONT "$t" ;;
    poison)
       java -cp "$cp" org.yrd.voucher.testkit.bench.ChaosPoison 127.0.0.1:$kafka_port "$state/keys" "$state/poison.txt" \
         $((5 + RANDOM % 16)) >> "$state/poison.log" 2>&1 ;;
  esac
  await_all
  echo "$started $(now_ms) $kind $t" | tee -a "$state/faults.log"
done
await_all
touch "$state/recovered"
wait $driver && status=0 || status=$?
cat "$state/driver.log"
exit $status
