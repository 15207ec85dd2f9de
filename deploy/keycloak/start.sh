#!/usr/bin/env bash
# Starts Keycloak 26.7.3 (unpacked by the build into services/keycloak-server/target) in development mode on
# PORT (default 8180), its management interface on PORT+1000, with the realms of deploy/keycloak/realms
# imported into an in-memory store: every start begins from exactly those realms and demo users (yrd-gov, the
# legal-person identity platform the province realms broker, at this same Keycloak).
#   deploy/keycloak/start.sh [PORT]
# KEYCLOAK_DB_URL (a PostgreSQL JDBC URL; KEYCLOAK_DB_USERNAME/PASSWORD, default postgres): keeps realms, users and
# signing keys in that database instead, as production does; the realms are imported only where they are missing
# (the chaos run, deploy/chaos.sh, kills and restarts Keycloak this way).
# Keycloak needs Java 21 or newer; this script finds one under /usr/lib/jvm (or uses KEYCLOAK_JAVA_HOME).
# The issuer is fixed to http://localhost:PORT/realms/<realm>, whatever host name a caller uses.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
port="${1:-8180}"
home="${KEYCLOAK_HOME:-$here/../../services/keycloak-server/target/keycloak-26.7.3}"
[ -x "$home/bin/kc.sh" ] || { echo "Keycloak not found at $home: build first (./mvnw -B -q -DskipTests install)" >&2; exit 1; }

java_major() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null || true; }
jdk="${KEYCLOAK_JAVA_HOME:-}"
if [ -z "$jdk" ]; then
  for d in /usr/lib/jvm/*/; do
    v="$(java_major "$d")"
    if [ "${v:-0}" -ge 21 ] && [ -x "$d/bin/java" ]; then jdk="${d%/}"; fi
  done
fi
[ -n "$jdk" ] || { echo "Keycloak needs Java 21+: none found under /usr/lib/jvm (set KEYCLOAK_JAVA_HOME)" >&2; exit 1; }

mkdir -p "$home/data/import"
rm -f "$home"/data/import/*.json
# the realms name Keycloak's own address where one realm brokers another (yrd-gov, the identity platform)
for realm in "$here"/realms/*.json; do
  sed "s#http://localhost:8180/#http://localhost:$port/#g" "$realm" > "$home/data/import/$(basename "$realm")"
done
export JAVA_HOME="$jdk"
export KC_BOOTSTRAP_ADMIN_USERNAME="${KC_BOOTSTRAP_ADMIN_USERNAME:-admin}"
export KC_BOOTSTRAP_ADMIN_PASSWORD="${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin}"
export JAVA_OPTS_KC_HEAP="${JAVA_OPTS_KC_HEAP:--Xms64m -Xmx512m}"
db=(--db=dev-mem)
if [ -n "${KEYCLOAK_DB_URL:-}" ]; then
  db=(--db=postgres --db-url="$KEYCLOAK_DB_URL" --db-username="${KEYCLOAK_DB_USERNAME:-postgres}"
      --db-password="${KEYCLOAK_DB_PASSWORD:-postgres}")
fi
exec "$home/bin/kc.sh" start-dev "${db[@]}" --http-port="$port" --http-management-port=$((port + 1000)) \
  --hostname="http://localhost:$port" --import-realm --health-enabled=true
