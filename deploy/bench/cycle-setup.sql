-- The database's floor for our workload (deploy/bench-node.sh, docs/benchmarks.md): enterprises and one admitted
-- provider for deploy/bench/cycle.sql, written beside what the node benchmark left in its database.
INSERT INTO enterprise (uscc, name, recipient_type, district_code, registered_at)
SELECT 'FL' || lpad(n::text, 16, '0'), 'floor ' || n, 'TECH_SME', '310115', now() FROM generate_series(1, 200000) n
ON CONFLICT DO NOTHING;
INSERT INTO provider (uscc, name, status, categories, qualifications, applied_at, updated_at)
VALUES ('FLOORPROVIDER00000', 'floor provider', 'ADMITTED', 'INDUSTRIAL_DESIGN', '[]', now(), now())
ON CONFLICT DO NOTHING;
ANALYZE;
