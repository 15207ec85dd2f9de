-- Reasons the system gives are stored as codes and rendered in the reader's language; a person's reason stays text.
ALTER TABLE redemption ADD COLUMN reason_code VARCHAR(64);
ALTER TABLE redemption ADD COLUMN trimmed_by VARCHAR(16);
ALTER TABLE voucher_application ADD COLUMN decision_code VARCHAR(64);

-- P13: the one definition of "listed on a day": a local entry in force, or the YRD list replicated from the hub.
-- A SQL function of one expression, so the planner inlines it into the queries that use it.
CREATE FUNCTION party_listed(party VARCHAR, day DATE) RETURNS BOOLEAN
LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM negative_list_entry e WHERE e.party_uscc = party AND e.ended_at IS NULL
                     AND e.starts_on <= day AND (e.ends_on IS NULL OR e.ends_on >= day))
        OR EXISTS (SELECT 1 FROM yrd_credit c WHERE c.party_uscc = party AND c.listed)
$$;
