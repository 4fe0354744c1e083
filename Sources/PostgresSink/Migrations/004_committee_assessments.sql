-- The committee's pass rate counts apprentices by their latest assessment (docs/DOMAIN-DEPTH.md);
-- the sittings behind it are figures of their own. Rows written before this migration are
-- recomputed by the sink's next batch for that pair; until then they read 0.

ALTER TABLE committee_pairs
    ADD COLUMN assessments bigint NOT NULL DEFAULT 0,
    ADD COLUMN assessments_passed bigint NOT NULL DEFAULT 0;
