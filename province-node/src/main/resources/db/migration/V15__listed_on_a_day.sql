-- P13, one meaning of "listed on day D" (voucher-policy Listing.inForce): an entry binds from its first day to its
-- last, both included, unless ended; the YRD list's entries too, which the hub sends with their dates (before, any
-- entry the hub held counted from the day it arrived, so a future-dated one bound a party here before it applied
-- in the province that listed it).
CREATE OR REPLACE FUNCTION party_listed(party VARCHAR, day DATE) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM negative_list_entry e WHERE e.party_uscc = party AND e.ended_at IS NULL
                     AND e.starts_on <= day AND (e.ends_on IS NULL OR e.ends_on >= day))
        OR EXISTS (SELECT 1 FROM yrd_credit c, jsonb_array_elements(c.entries::jsonb) x
                   WHERE c.party_uscc = party AND c.listed
                     AND (x->>'startsOn')::date <= day
                     AND (x->>'endsOn' IS NULL OR (x->>'endsOn')::date >= day))
$$;
