-- The first formalised relationship of each client (docs/definitions.md "Activation", setting
-- activation_event): with 'formalised', the first of a won opportunity (closed_at; a won record
-- without closed_at cannot be dated and is left out) and an accepted quote (decided_at, else
-- issued_at); with 'invoice' no row, so activation reads the first purchase alone. Records after
-- the filters, as every record figure reads them (records.sql). activation.sql and
-- list_activation.sql take the earlier of this date and the first positive line. Both pass no tier
-- or status filter (their own population applies those), so the records' use_rollups is moot: false.
CREATE OR REPLACE TEMP MACRO cartera_formalised(activation_event, {{filter_params}}) AS TABLE
SELECT client_id, min(formalised_on) AS first_formalised
FROM (
	SELECT client_id, closed_at AS formalised_on
	FROM cartera_records('opportunities', false, {{filter_params}})
	WHERE activation_event = 'formalised' AND outcome = 'won' AND closed_at IS NOT NULL
	UNION ALL
	SELECT client_id, coalesce(decided_at, issued_at)
	FROM cartera_records('quotes', false, {{filter_params}})
	WHERE activation_event = 'formalised' AND status = 'accepted'
)
WHERE client_id IS NOT NULL
GROUP BY client_id;
