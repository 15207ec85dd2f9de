-- One voucher cycle as the fewest statements it can be: for each command, one read of the facts the rules need
-- and one guarded write (a data-modifying CTE re-checking every fact: status, cap, budget, balance) that also
-- keeps the idempotency answer, the audit record, the ledger entry and the federation event; then the commit.
-- Run by deploy/bench-node.sh with `pgbench -M prepared -f` against the node benchmark's database, after
-- deploy/bench/cycle-setup.sql. It is the database's own limit for this workload (no rules, no HTTP, no JSON).
-- Each read returns one row even when an earlier write found nothing to do (a lost race on the annual cap or the
-- budget, about one cycle in a thousand): the rest of that cycle then writes nothing.
\set n random(1, 200000)
\set r random(0, 7)
-- 1. apply, above the auto-approval threshold: left for an operator
BEGIN;
SELECT e.uscc AS e, extract(year FROM current_date)::int AS year, gen_random_uuid() AS app, gen_random_uuid() AS voucher, gen_random_uuid() AS red,
       (SELECT coalesce(sum(issued_fen), 0) FROM enterprise_year y WHERE y.uscc = e.uscc AND y.year = extract(year FROM current_date)) AS used,
       (SELECT count(*) FROM voucher v WHERE v.enterprise_uscc = e.uscc AND v.status = 'ACTIVE') AS active
FROM enterprise e WHERE e.uscc = 'FL' || lpad(:n::text, 16, '0') \gset
WITH claim AS (INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, body)
               VALUES ('floor', gen_random_uuid()::text, repeat('0', 64), now(), 201, '{}')),
     audit AS (INSERT INTO audit_pending (at, actor_subject, actor_role, action, target, outcome, amount_fen)
               VALUES (now(), :e, 'enterprise', 'application.filed', :app, 'PENDING', 3000000))
INSERT INTO voucher_application (id, enterprise_uscc, amount_fen, status, policy_version, filed_at)
VALUES (:app, :e, 3000000, 'PENDING', 1, now());
COMMIT;
-- 2. an operator approves: the application, the annual cap, a share of the budget (as node Vouchers.takeBudget),
--    the voucher and its ledger entry
BEGIN;
SELECT max(status) AS status, coalesce(max(amount_fen), 0) AS amount FROM voucher_application WHERE id = :app \gset
WITH app AS (UPDATE voucher_application SET status = 'APPROVED', decided_at = now(), decided_by = 'operator-1',
               voucher_id = :voucher WHERE id = :app AND status = 'PENDING' RETURNING enterprise_uscc, amount_fen),
     cap AS (INSERT INTO enterprise_year (uscc, year, issued_fen) SELECT enterprise_uscc, :year, amount_fen FROM app
             ON CONFLICT (uscc, year) DO UPDATE SET issued_fen = enterprise_year.issued_fen + excluded.issued_fen
             WHERE enterprise_year.issued_fen + excluded.issued_fen <= 100000000 RETURNING 1),
     budget AS (UPDATE budget_share SET issued_fen = issued_fen + :amount
                WHERE year = :year AND issued_fen + :amount <= budget_fen AND EXISTS (SELECT FROM cap)
                  AND shard = coalesce(
                        (SELECT shard FROM budget_share WHERE year = :year AND issued_fen + :amount <= budget_fen
                         ORDER BY (shard + :r::int) % 8 LIMIT 1 FOR UPDATE SKIP LOCKED),
                        (SELECT shard FROM budget_share WHERE year = :year AND issued_fen + :amount <= budget_fen
                         ORDER BY (shard + :r::int) % 8 LIMIT 1)) RETURNING 1),
     v AS (INSERT INTO voucher (id, enterprise_uscc, application_id, budget_year, face_value_fen, status, issued_on,
             expires_on, policy_version, district_code)
           SELECT :voucher, enterprise_uscc, :app, :year, amount_fen, 'ACTIVE', current_date, current_date + 365, 1,
             '310115' FROM app WHERE EXISTS (SELECT FROM budget) RETURNING id),
     ledger AS (INSERT INTO ledger_entry (at, kind, amount_fen, budget_year, voucher_id, policy_version)
                SELECT now(), 'ISSUE', :amount, :year, id, 1 FROM v),
     claim AS (INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, body)
               VALUES ('floor', gen_random_uuid()::text, repeat('0', 64), now(), 200, '{}'))
INSERT INTO audit_pending (at, actor_subject, actor_role, action, target, outcome, amount_fen)
SELECT now(), 'operator-1', 'operator', a.action, :app, 'APPROVED', :amount
FROM v, (VALUES ('application.approve'), ('ledger.issue')) a(action);
COMMIT;
-- 3. the enterprise files: the hold on the voucher, the redemption, its ledger entry, the usage event
BEGIN;
SELECT max(status) AS status, max(face_value_fen - held_fen - redeemed_fen - expired_fen) AS available FROM voucher
WHERE id = :voucher \gset
WITH held AS (UPDATE voucher SET held_fen = held_fen + 2500000 WHERE id = :voucher AND status = 'ACTIVE'
                AND held_fen + redeemed_fen + expired_fen + 2500000 <= face_value_fen RETURNING id, enterprise_uscc),
     r AS (INSERT INTO redemption (id, voucher_id, enterprise_uscc, provider_uscc, provider_province, category,
             contract_no, invoice_no, invoice_key, completion_date, actual_expenditure_fen, requested_fen,
             voucher_amount_fen, enterprise_share_fen, payee, payee_uscc, status, policy_version, filed_at, budget_year,
             district_code)
           SELECT :red, id, enterprise_uscc, 'FLOORPROVIDER00000', 'SH', 'INDUSTRIAL_DESIGN', 'HT-' || :red,
             'INV-' || :red, 'INV' || :red, current_date, 5000000, 2500000, 2500000, 2500000, 'PROVIDER',
             'FLOORPROVIDER00000', 'FILED', 1, now(), :year, '310115' FROM held RETURNING id),
     ledger AS (INSERT INTO ledger_entry (at, kind, amount_fen, budget_year, voucher_id, redemption_id, policy_version)
                SELECT now(), 'HOLD', 2500000, :year, :voucher, id, 1 FROM r),
     event AS (INSERT INTO outbox (topic, event_key, event_id, payload, created_at)
               SELECT 'yrd.usage', 'SH', gen_random_uuid(), repeat('x', 900), now() FROM r),
     claim AS (INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, body)
               VALUES ('floor', gen_random_uuid()::text, repeat('0', 64), now(), 201, '{}'))
INSERT INTO audit_pending (at, actor_subject, actor_role, action, target, outcome, amount_fen)
SELECT now(), :e, 'enterprise', a.action, :red, 'FILED', 2500000
FROM r, (VALUES ('redemption.filed'), ('ledger.hold')) a(action);
COMMIT;
-- 4. the provider confirms; under the threshold it is approved in the same step
BEGIN;
SELECT max(status) AS status, max(voucher_amount_fen) AS voucher_amount_fen FROM redemption WHERE id = :red \gset
WITH c AS (UPDATE redemption SET status = 'APPROVED', confirmed_at = now(), decided_at = now(),
             decided_by = 'auto-approval' WHERE id = :red AND status = 'FILED' RETURNING id),
     event AS (INSERT INTO outbox (topic, event_key, event_id, payload, created_at)
               SELECT 'yrd.usage', 'SH', gen_random_uuid(), repeat('x', 900), now() FROM c),
     claim AS (INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, body)
               VALUES ('floor', gen_random_uuid()::text, repeat('0', 64), now(), 200, '{}'))
INSERT INTO audit_pending (at, actor_subject, actor_role, action, target, outcome)
SELECT now(), 'FLOORPROVIDER00000', 'provider', a.action, :red, 'APPROVED'
FROM c, (VALUES ('redemption.provider_confirmed'), ('redemption.approved')) a(action);
COMMIT;
-- 5. finance pays: the redemption, the hold turned into the redeemed amount, the ledger entry, the usage event
BEGIN;
SELECT max(r.status) AS status, max(r.decided_by) AS decided_by, max(v.held_fen) AS held_fen
FROM redemption r JOIN voucher v ON v.id = r.voucher_id WHERE r.id = :red \gset
WITH p AS (UPDATE redemption SET status = 'PAID', paid_at = now(), payment_reference = 'FLOOR', paid_by = 'finance-1'
             WHERE id = :red AND status = 'APPROVED' RETURNING voucher_id, voucher_amount_fen),
     v AS (UPDATE voucher SET held_fen = held_fen - p.voucher_amount_fen, redeemed_fen = redeemed_fen + p.voucher_amount_fen
           FROM p WHERE voucher.id = p.voucher_id AND held_fen >= p.voucher_amount_fen RETURNING voucher.id),
     ledger AS (INSERT INTO ledger_entry (at, kind, amount_fen, budget_year, voucher_id, redemption_id, policy_version)
                SELECT now(), 'REDEEM', 2500000, :year, id, :red, 1 FROM v),
     event AS (INSERT INTO outbox (topic, event_key, event_id, payload, created_at)
               SELECT 'yrd.usage', 'SH', gen_random_uuid(), repeat('x', 900), now() FROM v),
     claim AS (INSERT INTO idempotency_key (scope, key, request_hash, created_at, status, body)
               VALUES ('floor', gen_random_uuid()::text, repeat('0', 64), now(), 200, '{}'))
INSERT INTO audit_pending (at, actor_subject, actor_role, action, target, outcome, amount_fen)
SELECT now(), 'finance-1', 'finance', a.action, :red, 'PAID', 2500000
FROM v, (VALUES ('redemption.paid'), ('ledger.redeem')) a(action);
COMMIT;
