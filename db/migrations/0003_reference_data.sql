-- Reference data, seeded by migration so every database has the same codes. Rows are versioned
-- (frameworks.version); a revision adds rows rather than editing these.
INSERT INTO frameworks (code, version, name, group_noun, valid_from, valid_to, aggregation_rule, aggregation_description) VALUES
 ('EDS2', 1, 'Equality Delivery System 2 (EDS2)', 'goal', '2013-11-01', '2022-08-31', 'lowest',
  'A goal''s grade is the lowest grade among its graded outcomes, and the overall grade is the lowest goal grade. Nationally no rule is set; this conservative rule is configuration and can be changed per framework.'),
 ('EDS2022', 1, 'Equality Delivery System 2022 (EDS 2022)', 'domain', '2022-08-01', NULL, 'sum_domains',
  'Domain 1 is scored per service (0-3 for each of its four outcomes, so 0-12 per service) and the domain score is the median across the services assessed. Domains 2 and 3 are the sums of their outcome scores (0-12 and 0-9). The overall score is Domain 1 + Domain 2 + Domain 3 (maximum 33), rated by the configured bands.');
--> statement-breakpoint
INSERT INTO framework_groups (framework_id, code, name, position)
SELECT f.id, g.code, g.name, g.position FROM frameworks f
JOIN (VALUES
 ('EDS2', '1', 'Better health outcomes', 1),
 ('EDS2', '2', 'Improved patient access and experience', 2),
 ('EDS2', '3', 'A representative and supported workforce', 3),
 ('EDS2', '4', 'Inclusive leadership', 4),
 ('EDS2022', '1', 'Commissioned or provided services', 1),
 ('EDS2022', '2', 'Workforce health and well-being', 2),
 ('EDS2022', '3', 'Inclusive leadership', 3)
) AS g(framework, code, name, position) ON f.code = g.framework AND f.version = 1;
--> statement-breakpoint
INSERT INTO framework_outcomes (framework_id, group_id, code, title, wording, position, scored_per_service)
SELECT f.id, g.id, o.code, o.title, o.wording, o.position, o.per_service FROM frameworks f
JOIN (VALUES
 ('EDS2', '1', '1.1', 'Services meet local health needs', 'Services are commissioned, procured, designed and delivered to meet the health needs of local communities', 1, false),
 ('EDS2', '1', '1.2', 'Individual needs assessed and met', 'Individual people''s health needs are assessed and met in appropriate and effective ways', 2, false),
 ('EDS2', '1', '1.3', 'Smooth transitions', 'Transitions from one service to another, for people on care pathways, are made smoothly with everyone well-informed', 3, false),
 ('EDS2', '1', '1.4', 'Safety prioritised', 'When people use NHS services their safety is prioritised and they are free from mistakes, mistreatment and abuse', 4, false),
 ('EDS2', '1', '1.5', 'Health promotion reaches all', 'Screening, vaccination and other health promotion services reach and benefit all local communities', 5, false),
 ('EDS2', '2', '2.1', 'Access to services', 'People, carers and communities can readily access hospital, community health or primary care services and should not be denied access on unreasonable grounds', 6, false),
 ('EDS2', '2', '2.2', 'Involvement in decisions', 'People are informed and supported to be as involved as they wish to be in decisions about their care', 7, false),
 ('EDS2', '2', '2.3', 'Positive experiences', 'People report positive experiences of the NHS', 8, false),
 ('EDS2', '2', '2.4', 'Complaints handled well', 'People''s complaints about services are handled respectfully and efficiently', 9, false),
 ('EDS2', '3', '3.1', 'Fair recruitment', 'Fair NHS recruitment and selection processes lead to a more representative workforce at all levels', 10, false),
 ('EDS2', '3', '3.2', 'Equal pay', 'The NHS is committed to equal pay for work of equal value and expects employers to use equal pay audits to help fulfil their legal obligations', 11, false),
 ('EDS2', '3', '3.3', 'Training and development', 'Training and development opportunities are taken up and positively evaluated by all staff', 12, false),
 ('EDS2', '3', '3.4', 'Free from abuse at work', 'When at work, staff are free from abuse, harassment, bullying and violence from any source', 13, false),
 ('EDS2', '3', '3.5', 'Flexible working', 'Flexible working options are available to all staff consistent with the needs of the service and the way people lead their lives', 14, false),
 ('EDS2', '3', '3.6', 'Positive staff experience', 'Staff report positive experiences of their membership of the workforce', 15, false),
 ('EDS2', '4', '4.1', 'Leaders committed to equality', 'Boards and senior leaders routinely demonstrate their commitment to promoting equality within and beyond their organisations', 16, false),
 ('EDS2', '4', '4.2', 'Board papers identify impacts', 'Papers that come before the Board and other major Committees identify equality-related impacts including risks, and say how these risks are to be managed', 17, false),
 ('EDS2', '4', '4.3', 'Culturally competent management', 'Middle managers and other line managers support their staff to work in culturally competent ways within a work environment free from discrimination', 18, false),
 ('EDS2022', '1', '1A', 'Access', 'Patients (service users) have required levels of access to the service', 1, true),
 ('EDS2022', '1', '1B', 'Health needs met', 'Individual patients (service users) health needs are met', 2, true),
 ('EDS2022', '1', '1C', 'Free from harm', 'When patients (service users) use the service, they are free from harm', 3, true),
 ('EDS2022', '1', '1D', 'Positive experience', 'Patients (service users) report positive experiences of the service', 4, true),
 ('EDS2022', '2', '2A', 'Support for health conditions', 'When at work, staff are provided with support to manage obesity, diabetes, asthma, COPD and mental health conditions', 5, false),
 ('EDS2022', '2', '2B', 'Free from abuse at work', 'When at work, staff are free from abuse, harassment, bullying and physical violence from any source', 6, false),
 ('EDS2022', '2', '2C', 'Independent support', 'Staff have access to independent support and advice when suffering from stress, abuse, bullying harassment and physical violence from any source', 7, false),
 ('EDS2022', '2', '2D', 'Staff recommend the organisation', 'Staff recommend the organisation as a place to work and receive treatment', 8, false),
 ('EDS2022', '3', '3A', 'Leaders'' commitment', 'Board members, system and senior leaders routinely demonstrate their understanding of, and commitment to, equality and health inequalities', 9, false),
 ('EDS2022', '3', '3B', 'Board papers identify impacts', 'Board/Committee papers (including minutes) identify equality and health inequalities related impacts and risks and how they will be mitigated and managed', 10, false),
 ('EDS2022', '3', '3C', 'Levers to manage performance', 'Board members, system and senior leaders (Band 9 and VSM) ensure levers are in place to manage performance and monitor progress with staff and patients', 11, false)
) AS o(framework, grp, code, title, wording, position, per_service) ON f.code = o.framework AND f.version = 1
JOIN framework_groups g ON g.framework_id = f.id AND g.code = o.grp;
--> statement-breakpoint
INSERT INTO rating_scale_points (framework_id, value, label, description, colour, position)
SELECT f.id, s.value, s.label, s.description, s.colour, s.value FROM frameworks f
JOIN (VALUES
 ('EDS2', 0, 'Undeveloped', 'There is no evidence one way or another for any protected group of how people fare, and no evidence to address and mitigate poor access and/or outcomes.', '#d5281b'),
 ('EDS2', 1, 'Developing', 'The organisation has evidence and plans that it is addressing and mitigating poor access and/or outcomes against 3 to 5 protected characteristics.', '#ffb81c'),
 ('EDS2', 2, 'Achieving', 'The organisation has evidence and plans that it is addressing and mitigating poor access and/or outcomes against 6 to 8 protected characteristics.', '#007f3b'),
 ('EDS2', 3, 'Excelling', 'Evidence shows that the majority of people in all nine protected groups fare well.', '#330072'),
 ('EDS2022', 0, 'Undeveloped activity', 'Organisations score 0 for each outcome where there is no evidence or the activity is undeveloped.', '#d5281b'),
 ('EDS2022', 1, 'Developing activity', 'Organisations score 1 for each outcome where activity is developing.', '#ffb81c'),
 ('EDS2022', 2, 'Achieving activity', 'Organisations score 2 for each outcome where activity is achieving.', '#007f3b'),
 ('EDS2022', 3, 'Excelling activity', 'Organisations score 3 for each outcome where activity is excelling.', '#330072')
) AS s(framework, value, label, description, colour) ON f.code = s.framework AND f.version = 1;
--> statement-breakpoint
INSERT INTO rating_bands (framework_id, band_set, label, min_score, max_score, colour, source, position)
SELECT f.id, b.band_set, b.label, b.min_score, b.max_score, b.colour, b.source, b.position FROM frameworks f
JOIN (VALUES
 ('default', 'Undeveloped activity', 0, 7, '#d5281b', 'EDS 2022 ratings and score card: under 8 Undeveloped, 8-21 Developing, 22-32 Achieving, 33 Excelling', 1),
 ('default', 'Developing activity', 8, 21, '#ffb81c', 'EDS 2022 ratings and score card: under 8 Undeveloped, 8-21 Developing, 22-32 Achieving, 33 Excelling', 2),
 ('default', 'Achieving activity', 22, 32, '#007f3b', 'EDS 2022 ratings and score card: under 8 Undeveloped, 8-21 Developing, 22-32 Achieving, 33 Excelling', 3),
 ('default', 'Excelling activity', 33, 33, '#330072', 'EDS 2022 ratings and score card: under 8 Undeveloped, 8-21 Developing, 22-32 Achieving, 33 Excelling', 4),
 ('alternative', 'Undeveloped activity', 0, 7, '#d5281b', 'Some published summaries: under 8 Undeveloped, 8-21 Developing, 22-30 Achieving, 31-33 Excelling', 1),
 ('alternative', 'Developing activity', 8, 21, '#ffb81c', 'Some published summaries: under 8 Undeveloped, 8-21 Developing, 22-30 Achieving, 31-33 Excelling', 2),
 ('alternative', 'Achieving activity', 22, 30, '#007f3b', 'Some published summaries: under 8 Undeveloped, 8-21 Developing, 22-30 Achieving, 31-33 Excelling', 3),
 ('alternative', 'Excelling activity', 31, 33, '#330072', 'Some published summaries: under 8 Undeveloped, 8-21 Developing, 22-30 Achieving, 31-33 Excelling', 4)
) AS b(band_set, label, min_score, max_score, colour, source, position) ON f.code = 'EDS2022' AND f.version = 1;
--> statement-breakpoint
INSERT INTO framework_crosswalk (from_outcome_id, to_outcome_id, note)
SELECT a.id, b.id, 'Unofficial crosswalk used by the collaborative' FROM (VALUES
 ('1.1', '1A'), ('2.1', '1A'), ('1.2', '1B'), ('1.4', '1C'), ('2.3', '1D'),
 ('3.4', '2B'), ('3.6', '2D'), ('4.1', '3A'), ('4.3', '3A'), ('4.2', '3B')
) AS x(from_code, to_code)
JOIN framework_outcomes a ON a.code = x.from_code AND a.framework_id = (SELECT id FROM frameworks WHERE code = 'EDS2' AND version = 1)
JOIN framework_outcomes b ON b.code = x.to_code AND b.framework_id = (SELECT id FROM frameworks WHERE code = 'EDS2022' AND version = 1);
--> statement-breakpoint
INSERT INTO characteristics (code, name, kind, employment_only, position) VALUES
 ('age', 'Age', 'protected', false, 1),
 ('disability', 'Disability', 'protected', false, 2),
 ('gender_reassignment', 'Gender reassignment', 'protected', false, 3),
 ('marriage_civil_partnership', 'Marriage and civil partnership', 'protected', true, 4),
 ('pregnancy_maternity', 'Pregnancy and maternity', 'protected', false, 5),
 ('race', 'Race', 'protected', false, 6),
 ('religion_belief', 'Religion or belief', 'protected', false, 7),
 ('sex', 'Sex', 'protected', false, 8),
 ('sexual_orientation', 'Sexual orientation', 'protected', false, 9),
 ('socio_economic', 'Socio-economic deprivation (poverty)', 'group', false, 10),
 ('carers', 'Carers', 'group', false, 11),
 ('homelessness', 'People experiencing homelessness', 'group', false, 12),
 ('gypsy_roma_traveller', 'Gypsy, Roma and Traveller communities', 'group', false, 13),
 ('migrants_asylum', 'Vulnerable migrants and asylum seekers', 'group', false, 14),
 ('sex_workers', 'Sex workers', 'group', false, 15),
 ('justice_system', 'People in contact with the justice system', 'group', false, 16),
 ('modern_slavery', 'Victims of modern slavery', 'group', false, 17),
 ('armed_forces_veterans', 'Armed forces veterans', 'group', false, 18),
 ('deaf_bsl', 'D/deaf people and BSL users', 'group', false, 19),
 ('interpreter_needs', 'People who need interpreters', 'group', false, 20),
 ('learning_disability_autism', 'People with a learning disability and autistic people', 'group', false, 21),
 ('children_young_people', 'Children and young people', 'group', false, 22),
 ('older_people', 'Older people', 'group', false, 23);
--> statement-breakpoint
UPDATE characteristics c SET parent_id = p.id FROM (VALUES
 ('deaf_bsl', 'disability'), ('learning_disability_autism', 'disability'),
 ('gypsy_roma_traveller', 'race'),
 ('children_young_people', 'age'), ('older_people', 'age')
) AS x(child, parent)
JOIN characteristics p ON p.code = x.parent
WHERE c.code = x.child;
--> statement-breakpoint
INSERT INTO psed_aims (code, name, description, position) VALUES
 ('eliminate', 'Eliminate discrimination', 'Eliminate unlawful discrimination, harassment and victimisation and other conduct prohibited by the Equality Act 2010.', 1),
 ('advance', 'Advance equality of opportunity', 'Advance equality of opportunity between people who share a protected characteristic and people who do not share it.', 2),
 ('foster', 'Foster good relations', 'Foster good relations between people who share a protected characteristic and people who do not share it.', 3);
