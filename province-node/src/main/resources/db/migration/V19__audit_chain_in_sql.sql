-- The audit chain can be checked with SQL alone, independently of the node (docs/security.md "Audit trail"): the
-- same SHA-256 over the same JSON array as node audit/Audit.hash, proven equal by AuditTrailTest. An auditor with
-- read access runs  SELECT * FROM audit_chain_breaks;  (no row: every record matches its hash and its link).

-- a text as Jackson writes it in JSON: PostgreSQL escapes alike, but writes \u00XX escapes in lower case
CREATE FUNCTION audit_json(t TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN t IS NULL THEN 'null' ELSE
        replace(replace(replace(replace(replace(replace(replace(replace(replace(to_json(t)::TEXT,
            '\u000b', '\u000B'), '\u000e', '\u000E'), '\u000f', '\u000F'), '\u001a', '\u001A'),
            '\u001b', '\u001B'), '\u001c', '\u001C'), '\u001d', '\u001D'), '\u001e', '\u001E'), '\u001f', '\u001F')
    END
$$;

CREATE FUNCTION audit_hash(seq BIGINT, at TIMESTAMPTZ, actor_subject TEXT, actor_name TEXT, actor_role TEXT,
                           actor_province TEXT, actor_uscc TEXT, action TEXT, target TEXT, outcome TEXT,
                           amount_fen BIGINT, detail TEXT, request_id TEXT, client_address TEXT, prev_hash TEXT)
    RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to('[' || seq || ',' || (extract(EPOCH FROM at) * 1000000)::BIGINT
        || ',' || audit_json(actor_subject) || ',' || audit_json(actor_name) || ',' || audit_json(actor_role)
        || ',' || audit_json(actor_province) || ',' || audit_json(actor_uscc) || ',' || audit_json(action)
        || ',' || audit_json(target) || ',' || audit_json(outcome) || ',' || coalesce(amount_fen::TEXT, 'null')
        || ',' || audit_json(detail) || ',' || audit_json(request_id) || ',' || audit_json(client_address)
        || ',' || audit_json(prev_hash) || ']', 'UTF8')), 'hex')
$$;

-- every record whose content no longer matches its hash, whose link is not the hash before it, or after a gap
CREATE VIEW audit_chain_breaks AS
SELECT seq,
       CASE WHEN seq <> coalesce(seq_before, 0) + 1 THEN 'gap before it'
            WHEN prev_hash <> coalesce(hash_before, repeat('0', 64)) THEN 'does not link to the record before it'
            ELSE 'its content no longer matches its hash' END AS problem
FROM (SELECT r.*, lag(r.seq) OVER (ORDER BY r.seq) AS seq_before, lag(r.hash) OVER (ORDER BY r.seq) AS hash_before
      FROM audit_record r) c
WHERE seq <> coalesce(seq_before, 0) + 1
   OR prev_hash <> coalesce(hash_before, repeat('0', 64))
   OR hash <> audit_hash(seq, at, actor_subject, actor_name, actor_role, actor_province, actor_uscc, action, target,
                         outcome, amount_fen, detail, request_id, client_address, prev_hash);
