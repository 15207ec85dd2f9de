-- party_listed (V15) unchanged in meaning, now in PL/pgSQL. A LANGUAGE sql function whose body holds sub-SELECTs
-- cannot be inlined into its caller, so PostgreSQL planned its body again in every statement that called it: about
-- 0.1 ms a call, paid by every money command (each checks the negative list, P13). PL/pgSQL keeps the plans of its
-- queries for the session, so a call costs what the two index probes cost.
CREATE OR REPLACE FUNCTION party_listed(party VARCHAR, day DATE) RETURNS BOOLEAN
LANGUAGE plpgsql STABLE AS $$
BEGIN
    RETURN EXISTS (SELECT 1 FROM negative_list_entry e WHERE e.party_uscc = party AND e.ended_at IS NULL
                     AND e.starts_on <= day AND (e.ends_on IS NULL OR e.ends_on >= day))
        OR EXISTS (SELECT 1 FROM yrd_credit c, jsonb_array_elements(c.entries::jsonb) x
                   WHERE c.party_uscc = party AND c.listed
                     AND (x->>'startsOn')::date <= day
                     AND (x->>'endsOn' IS NULL OR (x->>'endsOn')::date >= day));
END
$$;
