#!/usr/bin/env bash
# Plays one cross-region redemption end to end on the running local federation (deploy/run-federation.sh), through
# the public APIs with each person's own token, and prints what happened at each node and at the hub:
# a Zhejiang enterprise redeems its Zhejiang voucher with a Shanghai testing lab recognised YRD-wide.
#   deploy/story.sh
set -euo pipefail
cd "$(dirname "$0")/.."
ZJ=localhost:8083 SH=localhost:8081 HUB=localhost:8090
E=91330106DEM000001M P=91310104DEM000011H       # a demo enterprise in Hangzhou, the demo lab in Shanghai
json() { python3 -c "import json,sys; d=json.load(sys.stdin); print($1)"; }
say() { printf '\n\033[1m%s\033[0m\n' "$*"; }
wait_for() { # what url token pattern
  for _ in $(seq 1 150); do curl -s -H "$3" "$2" | grep -q "$4" && return 0; sleep 0.2; done
  echo "gave up waiting for $1" >&2; exit 1
}
for port in 8081 8083 8090 8180; do
  curl -s -o /dev/null "localhost:$port" || { echo "the federation is not running (deploy/run-federation.sh)" >&2; exit 1; }
done
AS_E="$(deploy/token.sh enterprise ZJ $E)"; AS_P="$(deploy/token.sh provider SH $P)"
AS_F="$(deploy/token.sh finance ZJ)"; AS_O="$(deploy/token.sh operator ZJ)"; AS_T="$(deploy/token.sh taskgroup HUB)"

say "1. The Shanghai lab, as Zhejiang's node knows it from the hub's YRD registry (P14)"
curl -s $ZJ/api/v1/public/yrd-providers | json "[(p['name'], p['homeProvince'], p['categories']) for p in d if p['uscc']=='$P']"

say "2. The enterprise's vouchers at Zhejiang's node (P7: PRE_SUBSIDY, the voucher share goes to the provider)"
V=$(curl -s -H "$AS_E" $ZJ/api/v1/enterprises/$E/vouchers | json "max(d, key=lambda v: v['availableFen'])['id']")
AVAILABLE=$(curl -s -H "$AS_E" $ZJ/api/v1/enterprises/$E/vouchers | json "max(v['availableFen'] for v in d)")
echo "voucher $V, available $AVAILABLE fen"
[ "$AVAILABLE" -gt 0 ] || { echo "this demo voucher is used up: start afresh (delete target/federation)" >&2; exit 1; }
REQ=$(( AVAILABLE < 300000 ? AVAILABLE : 300000 ))

say "3. The enterprise files the redemption at its own node (P3 declarations, P6: at most 50 % of the expenditure)"
T0=$(python3 -c 'import time; print(time.time())')
elapsed() { python3 -c "import time; print('%.2f' % (time.time() - $T0))"; }
R=$(curl -s -X POST -H "$AS_E" $ZJ/api/v1/enterprises/$E/redemptions -H 'Content-Type: application/json' \
  -H "Idempotency-Key: story-$(date +%s%N)" -d '{"voucherId":"'$V'","providerUscc":"'$P'",
  "category":"TESTING_INSPECTION_CERTIFICATION",
  "declarations":{"patentApplicationStage":false,"statutoryTesting":false,"otherPublicFunding":false},
  "contractNo":"STORY-HT-'$(date +%s%N)'","invoiceNo":"STORY-FP-'$(date +%s%N)'","actualExpenditureFen":'$((REQ * 2))',
  "requestedFen":'$REQ',"completionDate":"'$(TZ=Asia/Shanghai date +%F)'"}')
ID=$(echo "$R" | json "d['id']")
echo "$R" | json "'redemption', d['id'], d['status'], 'voucher pays', d['voucherAmountFen'], 'fen to', d['payee'], d['payeeUscc']"

say "4. The hub routes it to the lab's own node, where it waits in the lab's to-do list"
wait_for "the request at SH" "$SH/api/v1/providers/$P/incoming-redemptions?status=REQUESTED" "$AS_P" "$ID"
echo "arrived at SH after $(elapsed) s"

say "5. The lab confirms the service on its node (Shanghai)"
curl -s -X POST -H "$AS_P" -H "Idempotency-Key: story-confirm-$ID" \
  $SH/api/v1/providers/$P/incoming-redemptions/$ID/confirm | json "'at SH:', d['status']"

say "6. The answer travels back: Zhejiang approves it (under its auto-approval threshold, no risk flag, P13)"
wait_for "the approval at ZJ" "$ZJ/api/v1/enterprises/$E/redemptions/$ID" "$AS_E" '"status":"\(APPROVED\|PROVIDER_CONFIRMED\)"'
STATUS=$(curl -s -H "$AS_E" $ZJ/api/v1/enterprises/$E/redemptions/$ID | json "d['status']")
if [ "$STATUS" = PROVIDER_CONFIRMED ]; then
  echo "confirmed, and waiting for an operator (above the threshold or flagged):"
  curl -s -H "$AS_O" $ZJ/api/v1/operator/redemptions/$ID/risk-flags | json "[(f['rule'], f['explanation']) for f in d]"
  exit 0
fi
curl -s -H "$AS_E" $ZJ/api/v1/enterprises/$E/redemptions/$ID | json "'at ZJ:', d['status'], d['reason']"

say "7. A Zhejiang finance officer pays the lab (P13: not the person who approved)"
curl -s -X POST -H "$AS_F" -H "Idempotency-Key: story-pay-$ID" -H 'Content-Type: application/json' \
  -d '{"paymentReference":"STORY-'$ID'"}' $ZJ/api/v1/operator/redemptions/$ID/pay | json "'at ZJ:', d['status'], 'paid by', d['paidBy']"
echo "filed to paid in $(elapsed) s"

say "8. The enterprise rates the service (P8, P11)"
curl -s -X POST -H "$AS_E" -H 'Content-Type: application/json' -d '{"score":5,"comment":"报告及时"}' \
  $ZJ/api/v1/enterprises/$E/redemptions/$ID/rating | json "'rated', d['score']"

say "9. The task group sees the flow Zhejiang → Shanghai at the hub (P8 data aggregation)"
wait_for "the flow at the hub" "$HUB/api/v1/taskgroup/flows" "$AS_T" '"issuingProvince":"ZJ","providerProvince":"SH"'
curl -s -H "$AS_T" $HUB/api/v1/taskgroup/flows | json "[(f['issuingProvince'], '→', f['providerProvince'], f['count'], f['amountFen']) for f in d]"

say "10. Who did what at Zhejiang's node, hash-chained (docs/security.md)"
curl -s -H "$AS_O" "$ZJ/api/v1/operator/audit?target=$ID" | json "[(a['action'], a['actorName'] or a['actorRole']) for a in d]"
