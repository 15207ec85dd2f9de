-- A large history for the hub's statistics benchmark (deploy/bench-hub.sh, docs/benchmarks.md): 2,000,000
-- redemptions over 5 budget years (2021–2025) and 4 provinces, 80 % paid, a fifth of them with another province's
-- provider, and 10,000,000 usage events (four transitions per redemption, 1,500,000 vouchers issued and 500,000
-- expired). Loaded in bulk with the triggers off; the rollups are then rebuilt from the base tables in one pass each
-- (rebuild_statistics(), V8; a test checks that the triggers keep them equal to those queries).
\timing on
SET session_replication_role = replica;
TRUNCATE usage_event, redemption_state, ledger_snapshot;

CREATE TEMP TABLE p (n INT PRIMARY KEY, code TEXT, district TEXT);
INSERT INTO p VALUES (0, 'SH', '310115'), (1, 'JS', '320505'), (2, 'ZJ', '330106'), (3, 'AH', '340104');
CREATE TEMP TABLE c (n INT PRIMARY KEY, category TEXT);
INSERT INTO c SELECT ordinality - 1, x FROM unnest(ARRAY['RESEARCH_AND_DEVELOPMENT', 'TESTING_INSPECTION_CERTIFICATION',
  'TECHNOLOGY_TRANSFER', 'INTELLECTUAL_PROPERTY', 'SCI_TECH_CONSULTING', 'SCI_TECH_FINANCE', 'STARTUP_INCUBATION',
  'SCI_TECH_LITERATURE', 'SCIENTIFIC_DATA', 'SCI_TECH_REPORTS', 'LABORATORY_ANIMALS', 'BIOLOGICAL_GERMPLASM',
  'RESEARCH_REAGENTS']) WITH ORDINALITY AS t(x, ordinality);

INSERT INTO redemption_state (redemption_id, province, provider_uscc, provider_province, category, status,
                              voucher_amount_fen, budget_year, filed_at, paid_at, updated_at, enterprise_uscc, district)
SELECT md5('r' || i)::uuid, home.code, '91' || lpad((i % 8000)::text, 16, '0'), serving.code, c.category,
       CASE WHEN i % 10 < 8 THEN 'PAID' WHEN i % 10 = 8 THEN 'REJECTED' ELSE 'APPROVED' END,
       100000 + (i * 7919::bigint) % 4900000, 2021 + i % 5, filed, CASE WHEN i % 10 < 8 THEN filed + paid_after END,
       filed + paid_after, '92' || lpad((i % 200000)::text, 16, '0'), home.district
FROM generate_series(0, 1999999) AS i
JOIN p home ON home.n = i % 4
JOIN p serving ON serving.n = CASE WHEN i % 5 = 0 THEN (i / 4 + 1) % 4 ELSE i % 4 END
JOIN c ON c.n = (i / 7) % 13
CROSS JOIN LATERAL (SELECT make_timestamptz(2021 + i % 5, 1, 1, 0, 0, 0, 'Asia/Shanghai')
                             + ((i * 2654435761::bigint) % 31000000) * interval '1 second' AS filed,
                           (3600 + (i * 40503::bigint) % 5000000) * interval '1 second' AS paid_after) t;

INSERT INTO usage_event (event_id, type, province, aggregate_id, status, amount_fen, budget_year, category,
                         provider_uscc, provider_province, filed_at, at, district)
SELECT md5(r.redemption_id::text || s)::uuid, 'yrd.redemption.transition.v1', r.province, r.redemption_id::text,
       (ARRAY['FILED', 'PROVIDER_CONFIRMED', 'APPROVED', r.status])[s], r.voucher_amount_fen, r.budget_year, r.category,
       r.provider_uscc, r.provider_province, r.filed_at, r.filed_at + s * interval '1 hour', r.district
FROM redemption_state r CROSS JOIN generate_series(1, 4) AS s;

INSERT INTO usage_event (event_id, type, province, aggregate_id, amount_fen, budget_year, at, district)
SELECT md5('v' || i)::uuid, CASE WHEN i < 1500000 THEN 'yrd.voucher.issued.v1' ELSE 'yrd.voucher.expired.v1' END,
       p.code, md5('voucher' || (i % 1500000))::uuid::text, 500000 + (i * 104729::bigint) % 9500000, 2021 + i % 5,
       make_timestamptz(2021 + i % 5, 1 + i % 12, 1 + i % 28, 9, 0, 0, 'Asia/Shanghai'), p.district
FROM generate_series(0, 1999999) AS i JOIN p ON p.n = i % 4;

SELECT rebuild_statistics();
-- each node's latest ledger snapshot, equal to the hub's totals
INSERT INTO ledger_snapshot SELECT province, year, 100000000000, issued_fen, held_fen, redeemed_fen, expired_fen, now()
FROM province_year_totals;
SET session_replication_role = origin;
VACUUM ANALYZE;
SELECT (SELECT count(*) FROM usage_event) AS usage_events, (SELECT count(*) FROM redemption_state) AS redemptions;
