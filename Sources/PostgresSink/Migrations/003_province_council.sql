-- The province's council: every summable council figure per year, added up across the
-- consortia sunk into this database. A consortium without events in a year adds nothing to it.

CREATE VIEW province_council AS
SELECT
    year,
    count(*) AS consortia,
    max(judged_on) AS judged_on,
    sum(members_total)::bigint AS members_total,
    sum(members_active)::bigint AS members_active,
    sum(members_by_kind_government)::bigint AS members_by_kind_government,
    sum(members_by_kind_park)::bigint AS members_by_kind_park,
    sum(members_by_kind_association)::bigint AS members_by_kind_association,
    sum(members_by_kind_enterprise)::bigint AS members_by_kind_enterprise,
    sum(members_by_kind_school)::bigint AS members_by_kind_school,
    sum(members_by_kind_research)::bigint AS members_by_kind_research,
    sum(enterprises_participating)::bigint AS enterprises_participating,
    sum(certified_enterprises)::bigint AS certified_enterprises,
    sum(apprentices_enrolled)::bigint AS apprentices_enrolled,
    sum(apprentices_graduated)::bigint AS apprentices_graduated,
    sum(graduates_hired)::bigint AS graduates_hired,
    sum(graduates_retained_locally)::bigint AS graduates_retained_locally,
    sum(training_person_times)::bigint AS training_person_times,
    sum(tech_services)::bigint AS tech_services,
    sum(tech_service_value_fen)::bigint AS tech_service_value_fen,
    sum(order_class_places)::bigint AS order_class_places,
    sum(order_class_filled)::bigint AS order_class_filled,
    sum(platforms_total)::bigint AS platforms_total,
    sum(platforms_by_kind_training_base)::bigint AS platforms_by_kind_training_base,
    sum(platforms_by_kind_lab)::bigint AS platforms_by_kind_lab,
    sum(platforms_by_kind_craftsman_lab)::bigint AS platforms_by_kind_craftsman_lab,
    sum(platforms_by_kind_industry_college)::bigint AS platforms_by_kind_industry_college,
    sum(platforms_by_kind_rd_center)::bigint AS platforms_by_kind_rd_center,
    sum(platforms_accepted)::bigint AS platforms_accepted,
    sum(subsidies_apprenticeship_budget_fen)::bigint AS subsidies_apprenticeship_budget_fen,
    sum(subsidies_apprenticeship_applied_fen)::bigint AS subsidies_apprenticeship_applied_fen,
    sum(subsidies_apprenticeship_approved_fen)::bigint AS subsidies_apprenticeship_approved_fen,
    sum(subsidies_apprenticeship_paid_fen)::bigint AS subsidies_apprenticeship_paid_fen,
    sum(subsidies_apprenticeship_clawed_back_fen)::bigint AS subsidies_apprenticeship_clawed_back_fen,
    sum(subsidies_internship_budget_fen)::bigint AS subsidies_internship_budget_fen,
    sum(subsidies_internship_applied_fen)::bigint AS subsidies_internship_applied_fen,
    sum(subsidies_internship_approved_fen)::bigint AS subsidies_internship_approved_fen,
    sum(subsidies_internship_paid_fen)::bigint AS subsidies_internship_paid_fen,
    sum(subsidies_internship_clawed_back_fen)::bigint AS subsidies_internship_clawed_back_fen,
    sum(subsidies_employment_budget_fen)::bigint AS subsidies_employment_budget_fen,
    sum(subsidies_employment_applied_fen)::bigint AS subsidies_employment_applied_fen,
    sum(subsidies_employment_approved_fen)::bigint AS subsidies_employment_approved_fen,
    sum(subsidies_employment_paid_fen)::bigint AS subsidies_employment_paid_fen,
    sum(subsidies_employment_clawed_back_fen)::bigint AS subsidies_employment_clawed_back_fen,
    sum(subsidies_startup_budget_fen)::bigint AS subsidies_startup_budget_fen,
    sum(subsidies_startup_applied_fen)::bigint AS subsidies_startup_applied_fen,
    sum(subsidies_startup_approved_fen)::bigint AS subsidies_startup_approved_fen,
    sum(subsidies_startup_paid_fen)::bigint AS subsidies_startup_paid_fen,
    sum(subsidies_startup_clawed_back_fen)::bigint AS subsidies_startup_clawed_back_fen,
    sum(subsidies_skills_award_budget_fen)::bigint AS subsidies_skills_award_budget_fen,
    sum(subsidies_skills_award_applied_fen)::bigint AS subsidies_skills_award_applied_fen,
    sum(subsidies_skills_award_approved_fen)::bigint AS subsidies_skills_award_approved_fen,
    sum(subsidies_skills_award_paid_fen)::bigint AS subsidies_skills_award_paid_fen,
    sum(subsidies_skills_award_clawed_back_fen)::bigint AS subsidies_skills_award_clawed_back_fen,
    sum(subsidies_social_insurance_budget_fen)::bigint AS subsidies_social_insurance_budget_fen,
    sum(subsidies_social_insurance_applied_fen)::bigint AS subsidies_social_insurance_applied_fen,
    sum(subsidies_social_insurance_approved_fen)::bigint AS subsidies_social_insurance_approved_fen,
    sum(subsidies_social_insurance_paid_fen)::bigint AS subsidies_social_insurance_paid_fen,
    sum(subsidies_social_insurance_clawed_back_fen)::bigint AS subsidies_social_insurance_clawed_back_fen,
    sum(inactive_members)::bigint AS inactive_members
FROM council_years
GROUP BY year;

-- Consortium-wide KPI targets (those not set for one member) and actuals, per year and metric.
CREATE VIEW province_council_kpis AS
SELECT year, metric, count(*) AS consortia, sum(target)::bigint AS target, sum(actual)::bigint AS actual
FROM council_kpis
WHERE member_id = ''
GROUP BY year, metric;
