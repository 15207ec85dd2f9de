#!/usr/bin/env bash
# Compares the node of this checkout with the node of another commit on the full voucher cycle (docs/benchmarks.md
# "Province node"): builds that commit in a git worktree under target/bench-compare/, then runs deploy/bench-node.sh
# on each in turn, this checkout first, for the given number of rounds, and prints each run's figures beside the
# other's. On this machine one run says little (the same build moves by 15 % from one run to the next); runs taken
# alternately in the same hour do. The driver, the database and the method are this checkout's for both.
#   deploy/bench-compare.sh <commit> [rounds] [clients] [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
usage="usage: deploy/bench-compare.sh <commit> [rounds] [clients] [seconds]"
other=$(git rev-parse --short "${1:?$usage}^{commit}")
rounds="${2:-2}"
clients="${3:-16}"
seconds="${4:-30}"
here=$(git rev-parse --short HEAD)
git diff --quiet HEAD -- . || here="$here+changes"
dir=target/bench-compare
tree="$dir/$other"
mkdir -p "$dir"

[ "${SKIP_BUILD:-0}" = 1 ] || ./mvnw -B -q -DskipTests install
if [ ! -f "$tree/province-node/target/quarkus-app/quarkus-run.jar" ]; then
  rm -rf "$tree"
  git worktree prune
  git worktree add --detach "$tree" "$other" >/dev/null
  # the API is all a run needs: the consoles are not built
  (cd "$tree" && ./mvnw -B -q -DskipTests -Dexec.skip=true package -pl province-node -am)
fi

# one line per run, from what deploy/bench-node.sh printed
summary() {
  awk -v who="$1" '
    /^RESULT / { for (i = 2; i <= NF; i++) { split($i, kv, "="); r[kv[1]] = kv[2] } }
    /^per request: node CPU/ { node = $5; for (i = 1; i <= NF; i++) { if ($i ~ /^statements,?$/) st = $(i - 1)
                                if ($i == "PostgreSQL") pg = $(i + 2); if ($i == "JIT") jit = substr($(i - 4), 2) } }
    /ratio: node requests\/s/ { tpcb = $(NF - 2); ratio = $NF }
    /ratio: node cycles\/s/ { for (i = 1; i <= NF; i++) if ($i == "=") floor = $(i + 1) }
    /^  dispute / { for (i = 1; i <= NF; i++) if ($i ~ /^p50=/) { d = $i == "p50=" ? $(i + 1) : substr($i, 5) } }
    /^checks: / { checks = $NF }
    END { printf "%-16s %10s %9s %8s %9s %8s %9s %6s %9s %6s %6s %9s %6s\n", who, r["requests_per_s"],
            r["cycles_per_s"], r["p99_ms"], node, jit, pg, st, tpcb, ratio, floor, d, checks }' "$2"
}

header=$(printf "%-16s %10s %9s %8s %9s %8s %9s %6s %9s %6s %6s %9s %6s" commit requests/s cycles/s p99_ms \
  node_ms jit_ms pg_ms stmts tpcb_tps ratio floor dispute50 checks)
results="$dir/results-$(date +%Y%m%dT%H%M%S).txt"
echo "$header" | tee "$results"
for round in $(seq "$rounds"); do
  for side in here other; do
    app=province-node/target/quarkus-app
    who=$here
    if [ "$side" = other ]; then app="$tree/province-node/target/quarkus-app"; who=$other; fi
    log="$dir/$side-$round.log"
    if ! SKIP_BUILD=1 NODE_APP="$app" deploy/bench-node.sh "$clients" "$seconds" > "$log" 2>&1; then
      echo "the run of $who failed: $log" >&2
      exit 1
    fi
    summary "$who" "$log" | tee -a "$results"
  done
done
echo "node_ms, pg_ms: CPU per request of the node and of PostgreSQL (jit_ms: the node's JIT compiling); ratio: to"
echo "pgbench tpcb-like; floor: to our own statements (deploy/bench/cycle.sql); dispute50: a dispute's p50 in ms."
echo "Logs and this table in $dir/."
