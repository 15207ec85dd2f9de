#!/usr/bin/env bash
# Joining the federation and rotating its keys (docs/deploy.md "Joining the federation", "Rotating a signing key").
# Each step writes files and Kubernetes Secret manifests into a directory of its own (mode 0700), for the team that
# runs it to `kubectl apply -f` in its own cluster: nothing here talks to a cluster, and a private key or password
# never leaves the side that owns it except the province's Kafka password, which the hub hands over once.
#
#   federation-join.sh request <P> <dir>
#       the province: makes its Ed25519 signing key pair; <dir>/request/ (its public key) goes to the hub,
#       <dir>/node-signing.yaml (its private key) is applied in its own namespace only
#   federation-join.sh admit <P> <hub-dir> <request-dir> --ca <federation-ca.crt> --hub-key <hub.pub.pem>
#                            --bootstrap <host:port> --kafka-cidr <cidr> --web-cidr <cidr> --hub-url <https://…>
#       the hub: trusts the province's key (<hub-dir>/trust/, secret federation-keys), issues its Kafka password
#       (secret kafka-node-<p>, read by the chart's KafkaUser node-<p>), and writes <hub-dir>/admission-<p>/ for the
#       province: the federation CA, the hub's public key, the password and the values of what the hub publishes
#   federation-join.sh install <P> <dir> <admission-dir>
#       the province: the secrets its values name (federation-ca, kafka-credentials, hub-keys) and
#       <dir>/published.yaml to merge into its values file
#   federation-join.sh rotate-next <signer> <trust-dir> <new.pub.pem>
#       every receiver of <signer>'s events: trusts the next key from now on (before the signer switches)
#   federation-join.sh rotate-switch <signer> <trust-dir> [<instant, default now>]
#       every receiver, once the signer has switched: the next key becomes current, the old one is kept as retired
#       at that instant (records it signed before stay valid, anything it signs after is refused)
#   Both rewrite the receiver's trust secret beside <trust-dir> (hub-keys for the hub's key, with NAMESPACE set to
#   the province's; federation-keys for a province's key).
# Namespaces: yrd-<p> for a province, yrd-hub for the hub (NAMESPACE overrides).
set -euo pipefail
umask 077

die() { echo "federation-join: $*" >&2; exit 2; }
code() { [[ "$1" =~ ^(SH|JS|ZJ|AH)$ ]] || die "province must be SH, JS, ZJ or AH, not '$1'"; echo "$1"; }
lower() { tr '[:upper:]' '[:lower:]' <<<"$1"; }

# secret <name> <namespace> <out.yaml> key=file…: an Opaque Secret manifest holding those files
secret() {
  local name=$1 ns=$2 out=$3; shift 3
  {
    echo "apiVersion: v1"
    echo "kind: Secret"
    echo "metadata:"
    echo "  name: $name"
    echo "  namespace: $ns"
    echo "  labels: {app.kubernetes.io/part-of: yrd-voucher-federation}"
    echo "type: Opaque"
    echo "data:"
    local kv
    for kv in "$@"; do
      echo "  ${kv%%=*}: $(base64 -w0 < "${kv#*=}")"
    done
  } > "$out"
}

# trust-secret <trust-dir> <name> <namespace> <out.yaml>: every public key of a trust directory, one secret
trust_secret() {
  local dir=$1 name=$2 ns=$3 out=$4 args=() f
  for f in "$dir"/*.pub.pem; do
    [ -e "$f" ] && args+=("$(basename "$f")=$f")
  done
  [ ${#args[@]} -gt 0 ] || die "no public keys in $dir"
  secret "$name" "$ns" "$out" "${args[@]}"
}

# rewrite_trust <signer> <trust-dir>: the receiver's trust secret again, beside the directory: a province's hub-keys
# when the hub's key rotates, the hub's federation-keys when a province's does
rewrite_trust() {
  local s=$1 dir=$2 name ns
  if [ "$s" = hub ]; then
    name=hub-keys; ns=${NAMESPACE:?NAMESPACE: the namespace of the receiving province, e.g. yrd-sh}
  else
    name=federation-keys; ns=${NAMESPACE:-yrd-hub}
  fi
  trust_secret "$dir" "$name" "$ns" "$(dirname "$dir")/$name.yaml"
  echo "apply $(dirname "$dir")/$name.yaml in $ns: the apps there read it within a minute (trust-refresh)"
}

cmd=${1:-}; shift || true
case "$cmd" in
  request)
    [ $# -eq 2 ] || die "usage: request <P> <dir>"
    p=$(code "$1"); dir=$2
    [ ! -e "$dir/$p.key.pem" ] || die "$dir/$p.key.pem exists: a province makes its key pair once (rotate otherwise)"
    mkdir -p "$dir/request"
    openssl genpkey -algorithm ed25519 -out "$dir/$p.key.pem"
    openssl pkey -in "$dir/$p.key.pem" -pubout -out "$dir/request/$p.pub.pem"
    secret node-signing "${NAMESPACE:-yrd-$(lower "$p")}" "$dir/node-signing.yaml" "$p.key.pem=$dir/$p.key.pem"
    echo "$p: send $dir/request/$p.pub.pem to the hub's team (fingerprint below, compare it by another channel);"
    echo "apply $dir/node-signing.yaml in your namespace; keep $dir/$p.key.pem nowhere else"
    openssl pkey -pubin -in "$dir/request/$p.pub.pem" -outform DER | sha256sum | cut -c1-64
    ;;
  admit)
    [ $# -ge 3 ] || die "usage: admit <P> <hub-dir> <request-dir> --ca … --hub-key … --bootstrap … --kafka-cidr … --web-cidr … --hub-url …"
    p=$(code "$1"); hub=$2; req=$3; shift 3
    ca= hubkey= bootstrap= kcidr= wcidr= url=
    while [ $# -gt 0 ]; do
      case "$1" in
        --ca) ca=$2 ;; --hub-key) hubkey=$2 ;; --bootstrap) bootstrap=$2 ;;
        --kafka-cidr) kcidr=$2 ;; --web-cidr) wcidr=$2 ;; --hub-url) url=$2 ;;
        *) die "unknown option $1" ;;
      esac
      shift 2
    done
    for v in ca hubkey bootstrap kcidr wcidr url; do [ -n "${!v}" ] || die "admit needs --${v}"; done
    [[ "$bootstrap" =~ ^[a-z0-9.-]+:[0-9]+$ ]] || die "--bootstrap must be host:port"
    [[ "$url" =~ ^https:// ]] || die "--hub-url must be https://…"
    [ -r "$req/$p.pub.pem" ] || die "no $req/$p.pub.pem: the province's request"
    openssl pkey -pubin -in "$req/$p.pub.pem" -noout 2>/dev/null || die "$req/$p.pub.pem is not a public key"
    openssl x509 -in "$ca" -noout 2>/dev/null || die "$ca is not a certificate"
    ns=${NAMESPACE:-yrd-hub}; lp=$(lower "$p"); out="$hub/admission-$lp"
    mkdir -p "$hub/trust" "$out"
    cp "$req/$p.pub.pem" "$hub/trust/$p.pub.pem"
    trust_secret "$hub/trust" federation-keys "$ns" "$hub/federation-keys.yaml"
    # the province's Kafka password: 32 random bytes, never chosen by a person
    openssl rand -base64 32 | tr -d '\n' > "$out/password"
    secret "kafka-node-$lp" "$ns" "$hub/kafka-node-$lp.yaml" "password=$out/password"
    cp "$ca" "$out/ca.crt"
    cp "$hubkey" "$out/hub.pub.pem"
    cat > "$out/published.yaml" <<EOF
# what the hub publishes to $p (merge into k8s/values/$lp.yaml)
kafka:
  bootstrap: $bootstrap
  egress: [{cidr: $kcidr, port: ${bootstrap##*:}}]
hub:
  url: $url
  egress: [{cidr: $wcidr, port: 443}]
EOF
    echo "apply $hub/federation-keys.yaml and $hub/kafka-node-$lp.yaml in $ns; add $p to provinces in the hub's"
    echo "values and helm upgrade; hand $out/ to $p's platform team over a channel fit for a password"
    ;;
  install)
    [ $# -eq 3 ] || die "usage: install <P> <dir> <admission-dir>"
    p=$(code "$1"); dir=$2; adm=$3; ns=${NAMESPACE:-yrd-$(lower "$p")}
    for f in ca.crt hub.pub.pem password published.yaml; do [ -r "$adm/$f" ] || die "no $adm/$f"; done
    mkdir -p "$dir/trust"
    cp "$adm/hub.pub.pem" "$dir/trust/hub.pub.pem"
    secret federation-ca "$ns" "$dir/federation-ca.yaml" "ca.crt=$adm/ca.crt"
    secret kafka-credentials "$ns" "$dir/kafka-credentials.yaml" "password=$adm/password"
    trust_secret "$dir/trust" hub-keys "$ns" "$dir/hub-keys.yaml"
    cp "$adm/published.yaml" "$dir/published.yaml"
    echo "apply $dir/federation-ca.yaml, $dir/kafka-credentials.yaml and $dir/hub-keys.yaml in $ns; merge"
    echo "$dir/published.yaml into your values file; then helm install (docs/deploy.md)"
    ;;
  rotate-next)
    [ $# -eq 3 ] || die "usage: rotate-next <signer> <trust-dir> <new.pub.pem>"
    s=$1; dir=$2; new=$3
    [[ "$s" =~ ^(hub|SH|JS|ZJ|AH)$ ]] || die "signer must be hub, SH, JS, ZJ or AH"
    openssl pkey -pubin -in "$new" -noout 2>/dev/null || die "$new is not a public key"
    cp "$new" "$dir/$s.next.pub.pem"
    rewrite_trust "$s" "$dir"
    ;;
  rotate-switch)
    [ $# -ge 2 ] || die "usage: rotate-switch <signer> <trust-dir> [<instant>]"
    s=$1; dir=$2; at=${3:-$(date -u +%Y-%m-%dT%H:%M:%SZ)}
    [ -r "$dir/$s.next.pub.pem" ] || die "no $dir/$s.next.pub.pem: rotate-next first"
    stamp=$(date -u -d "$at" +%Y%m%dT%H%M%SZ) || die "not an instant: $at"
    mv "$dir/$s.pub.pem" "$dir/$s.retired-$stamp.pub.pem"
    mv "$dir/$s.next.pub.pem" "$dir/$s.pub.pem"
    echo "$s's old key retired at $stamp"
    rewrite_trust "$s" "$dir"
    ;;
  *)
    sed -n '2,27p' "$0" | sed 's/^# \{0,1\}//'
    [ -z "$cmd" ] || exit 2
    ;;
esac
