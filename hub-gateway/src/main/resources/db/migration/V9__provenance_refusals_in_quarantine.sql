-- Provenance refusals are kept in the shared quarantine (db/federation V1_2) with every other refused record; the
-- ones recorded before it are moved there, each under the hash of what was known of it (the record was not kept).
INSERT INTO quarantine (channel, reason, detail, event_id, event_type, source, record_sha256, record_bytes, excerpt,
                        first_at, last_at)
SELECT 'before-intake', CASE WHEN reason LIKE 'signature%' OR reason = 'unsigned' OR reason LIKE 'no trusted key%'
                             THEN 'SIGNATURE' ELSE 'PROVENANCE' END,
       left(reason, 500), event_id, type, source, encode(sha256(convert_to(id || '/' || event_id, 'UTF8')), 'hex'), 0,
       '', at, at
FROM provenance_refusal;
DROP TABLE provenance_refusal;
