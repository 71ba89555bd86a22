-- Three of the four sales events (docs/definitions.md "The four sales events"), in period
-- P = $from_date..$to_date after the filters, and the fourth, higher volume = retention's
-- expansion against P0 = $prev_from_date..$prev_to_date (its clients and its bridge step, as the
-- retention document has them), all from each client's event (retention_events.sql, one pass over
-- the lines per client and product line) through cartera_retention_figures (retention_figures.sql),
-- the computation retention.sql reads too:
--   repeat         = clients with a positive line in P and one before P (the repeat rate's
--                    numerator); amount = Σ their revenue in P (r);
--   first_purchase = clients with a positive line in P and none before P; amount = Σ r;
--   cross_sell     = clients who bought before P and bought in P in a product line (not NULL)
--                    they had not bought in before P; amount = Σ revenue in P of those product
--                    lines; product_lines = how many such (client, product line);
--   buyers         = clients with a positive line in P (repeat + first_purchase).
-- Money rounded half-up to cents at the end.
SELECT buyers, repeat_clients, repeat_amount, first_clients, first_amount,
	cross_sell_clients, cross_sell_amount, cross_sell_lines,
	expanded, bridge_expansion
FROM cartera_retention_figures($prev_from_date, $prev_to_date, true, $use_rollups, {{filters}});
