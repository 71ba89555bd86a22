-- The default probability of an opportunity's stage when the record has none and Ajustes sets none
-- for it (docs/definitions.md "Open and weighted pipeline"): the stage's place in a usual sales
-- process, read from its words (Spanish and English, case and accents ignored), later steps first
-- so that "propuesta en negociación" is a negotiation:
--   negotiation, contract, commitment, closing (negoci, contrat, contract, commit, cierre, closing, verbal, review, revision) 0.75;
--   proposal, quote, evaluation, tender (propuesta, proposal, cotiz, presupuest, quote, oferta, evaluac, licitac, tender, price) 0.50;
--   needs analysis, demo, presentation (analisis, analysis, needs, necesidad, demo, presentac, value, valor, decision) 0.30;
--   qualification, contact, engaging, discovery (calific, qualif, contact, engag, descubr, discover, investig, reunion, meeting) 0.20;
--   prospecting, new, lead (prospec, nuev, new, lead, inicial, initial) 0.10;
--   any other stage, or none: 0.50 (as likely as not).
CREATE OR REPLACE TEMP MACRO cartera_stage_probability(stage) AS (
	CASE
		WHEN regexp_matches(lower(strip_accents(coalesce(stage, ''))), 'negoci|contrat|contract|commit|cierre|closing|verbal|review|revision') THEN 0.75
		WHEN regexp_matches(lower(strip_accents(coalesce(stage, ''))), 'propuesta|proposal|cotiz|presupuest|quote|oferta|evaluac|licitac|tender|price') THEN 0.50
		WHEN regexp_matches(lower(strip_accents(coalesce(stage, ''))), 'analisis|analysis|needs|necesidad|demo|presentac|value|valor|decision') THEN 0.30
		WHEN regexp_matches(lower(strip_accents(coalesce(stage, ''))), 'calific|qualif|contact|engag|descubr|discover|investig|reunion|meeting') THEN 0.20
		WHEN regexp_matches(lower(strip_accents(coalesce(stage, ''))), 'prospec|nuev|new|lead|inicial|initial') THEN 0.10
		ELSE 0.50
	END
);
