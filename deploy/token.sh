#!/usr/bin/env bash
# Prints "Authorization: Bearer <access token>" for a demo user of the local federation (password grant
# against its Keycloak), ready for curl -H:
#   curl -H "$(deploy/token.sh operator ZJ)" http://localhost:8083/api/v1/operator/redemptions
# ROLE: operator | operator2 (a second operator, for confirmations) | finance | enterprise | provider | agent
#       (the demo service point, P9) | taskgroup
# PROVINCE: SH | JS | ZJ | AH (taskgroup: any, it signs in to yrd-hub)
# USCC (enterprise, provider): which demo party; default the first demo enterprise, or the demo laboratory.
# KEYCLOAK_URL overrides http://localhost:8180.
set -euo pipefail
usage() { echo "usage: deploy/token.sh operator|operator2|finance|enterprise|provider|agent|taskgroup SH|JS|ZJ|AH [USCC]" >&2; exit 2; }
[ $# -ge 2 ] || usage
role="$1" province="$(echo "$2" | tr 'A-Z' 'a-z')" uscc="${3:-}"
realms="$(cd "$(dirname "$0")" && pwd)/keycloak/realms"
realm="yrd-$province"
[ "$role" = taskgroup ] && realm=yrd-hub
[ -f "$realms/$realm.json" ] || usage
# the demo users, in the order deploy/keycloak/realms.py writes them
users=($(grep -o '"username": "[^"]*"' "$realms/$realm.json" | cut -d'"' -f4))
case "$role" in
  operator) user=operator-1 ;;
  operator2) user=operator-2 ;;
  finance) user=finance-1 ;;
  taskgroup) user=taskgroup-1 ;;
  enterprise) user="${uscc:-${users[3]}}" ;;
  provider) user="${uscc:-${users[6]}}" ;;
  agent) user="${uscc:-${users[9]}}" ;;
  *) usage ;;
esac
user="$(echo "$user" | tr 'A-Z' 'a-z')"
answer="$(curl -sS --fail-with-body -d grant_type=password -d client_id=yrd-console -d "username=$user" -d password=demo \
  "${KEYCLOAK_URL:-http://localhost:8180}/realms/$realm/protocol/openid-connect/token")" \
  || { echo "no token for $user in $realm: $answer" >&2; exit 1; }
token="$(echo "$answer" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')"
[ -n "$token" ] || { echo "no token for $user in $realm: $answer" >&2; exit 1; }
echo "Authorization: Bearer $token"
