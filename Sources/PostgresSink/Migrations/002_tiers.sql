-- The three tiers' read models, one row per ledger and key, with typed columns.
-- Column names are the report's JSON key paths in snake case (members.byKind.school →
-- members_by_kind_school); money is integer fen, as in `ledger query --format json`.
-- Rows are rewritten by the sink in the transaction that moves its position, so they always
-- answer for exactly the events in consortium_events. judged_on is the day the figures were
-- judged on (stocks, inactive members, expiring agreements and overdue milestones depend on it).

CREATE TABLE council_years (
    ledger_id text NOT NULL REFERENCES sink_positions (ledger_id),
    year integer NOT NULL,
    judged_on date NOT NULL,
    members_total bigint NOT NULL,
    members_active bigint NOT NULL,
    members_by_kind_government bigint NOT NULL,
    members_by_kind_park bigint NOT NULL,
    members_by_kind_association bigint NOT NULL,
    members_by_kind_enterprise bigint NOT NULL,
    members_by_kind_school bigint NOT NULL,
    members_by_kind_research bigint NOT NULL,
    enterprises_participating bigint NOT NULL,
    certified_enterprises bigint NOT NULL,
    apprentices_enrolled bigint NOT NULL,
    apprentices_graduated bigint NOT NULL,
    graduates_hired bigint NOT NULL,
    graduates_retained_locally bigint NOT NULL,
    training_person_times bigint NOT NULL,
    tech_services bigint NOT NULL,
    tech_service_value_fen bigint NOT NULL,
    order_class_places bigint NOT NULL,
    order_class_filled bigint NOT NULL,
    platforms_total bigint NOT NULL,
    platforms_by_kind_training_base bigint NOT NULL,
    platforms_by_kind_lab bigint NOT NULL,
    platforms_by_kind_craftsman_lab bigint NOT NULL,
    platforms_by_kind_industry_college bigint NOT NULL,
    platforms_by_kind_rd_center bigint NOT NULL,
    platforms_accepted bigint NOT NULL,
    subsidies_apprenticeship_budget_fen bigint NOT NULL,
    subsidies_apprenticeship_applied_fen bigint NOT NULL,
    subsidies_apprenticeship_approved_fen bigint NOT NULL,
    subsidies_apprenticeship_paid_fen bigint NOT NULL,
    subsidies_apprenticeship_clawed_back_fen bigint NOT NULL,
    subsidies_internship_budget_fen bigint NOT NULL,
    subsidies_internship_applied_fen bigint NOT NULL,
    subsidies_internship_approved_fen bigint NOT NULL,
    subsidies_internship_paid_fen bigint NOT NULL,
    subsidies_internship_clawed_back_fen bigint NOT NULL,
    subsidies_employment_budget_fen bigint NOT NULL,
    subsidies_employment_applied_fen bigint NOT NULL,
    subsidies_employment_approved_fen bigint NOT NULL,
    subsidies_employment_paid_fen bigint NOT NULL,
    subsidies_employment_clawed_back_fen bigint NOT NULL,
    subsidies_startup_budget_fen bigint NOT NULL,
    subsidies_startup_applied_fen bigint NOT NULL,
    subsidies_startup_approved_fen bigint NOT NULL,
    subsidies_startup_paid_fen bigint NOT NULL,
    subsidies_startup_clawed_back_fen bigint NOT NULL,
    subsidies_skills_award_budget_fen bigint NOT NULL,
    subsidies_skills_award_applied_fen bigint NOT NULL,
    subsidies_skills_award_approved_fen bigint NOT NULL,
    subsidies_skills_award_paid_fen bigint NOT NULL,
    subsidies_skills_award_clawed_back_fen bigint NOT NULL,
    subsidies_social_insurance_budget_fen bigint NOT NULL,
    subsidies_social_insurance_applied_fen bigint NOT NULL,
    subsidies_social_insurance_approved_fen bigint NOT NULL,
    subsidies_social_insurance_paid_fen bigint NOT NULL,
    subsidies_social_insurance_clawed_back_fen bigint NOT NULL,
    inactive_members bigint NOT NULL,
    inactive_member_ids text[] NOT NULL,
    PRIMARY KEY (ledger_id, year)
);
CREATE INDEX council_years_year ON council_years (year);

-- KPI targets set for a year (for the consortium, or for one member) beside the actual figure.
CREATE TABLE council_kpis (
    ledger_id text NOT NULL REFERENCES sink_positions (ledger_id),
    year integer NOT NULL,
    metric text NOT NULL,
    member_id text NOT NULL DEFAULT '',
    target bigint NOT NULL,
    actual bigint NOT NULL,
    PRIMARY KEY (ledger_id, year, metric, member_id)
);

CREATE TABLE committee_pairs (
    ledger_id text NOT NULL REFERENCES sink_positions (ledger_id),
    school_id text NOT NULL,
    enterprise_id text NOT NULL,
    judged_on date NOT NULL,
    agreements_active bigint NOT NULL,
    agreements_expiring_within90_days bigint NOT NULL,
    classes_capacity bigint NOT NULL,
    classes_enrolled bigint NOT NULL,
    apprentices_by_stage_enrolled bigint NOT NULL,
    apprentices_by_stage_placed bigint NOT NULL,
    apprentices_by_stage_assessed bigint NOT NULL,
    apprentices_by_stage_certified bigint NOT NULL,
    apprentices_by_stage_graduated bigint NOT NULL,
    apprentices_by_stage_hired bigint NOT NULL,
    apprentices_by_stage_withdrawn bigint NOT NULL,
    dual_mentor_coverage double precision,
    pass_rate double precision,
    hires bigint NOT NULL,
    hires_local bigint NOT NULL,
    subsidies_paid_fen bigint NOT NULL,
    PRIMARY KEY (ledger_id, school_id, enterprise_id)
);
CREATE INDEX committee_pairs_enterprise ON committee_pairs (enterprise_id);

CREATE TABLE projects (
    ledger_id text NOT NULL REFERENCES sink_positions (ledger_id),
    project_id text NOT NULL,
    judged_on date NOT NULL,
    title text NOT NULL,
    platform_id text,
    milestones_planned bigint NOT NULL,
    milestones_reached bigint NOT NULL,
    milestones_overdue bigint NOT NULL,
    budget_fen bigint NOT NULL,
    contributions_fen bigint NOT NULL,
    spent_fen bigint NOT NULL,
    accepted boolean NOT NULL,
    closed boolean NOT NULL,
    PRIMARY KEY (ledger_id, project_id)
);
