-- The values a ranking by dimension $dim has a row for (docs/definitions.md "Ranking"): the
-- values of the period's filtered lines (dimension_value.sql, as segmentation.sql reads them) and,
-- for a client attribute, the values of the clients the client filters keep, so a value with
-- clients but no sale in the period is ranked too (its revenue is 0). No row for a missing value:
-- the dashboard cannot be filtered to it. A client attribute's column is named as its dimension
-- (lib/dimensions.ts), read from the row by the bound name; other dimensions read NULL there.
-- The period's rows are segmentation's own (cartera_segment_sales, sales.sql): a month rollup unless
-- the dimension is finer than a product line. At 10M lines over ten years, reading the lines took
-- 0.17–0.37 s, and 1.5 s by billing tier (every line classified).
SELECT DISTINCT value FROM (
	SELECT cartera_dimension_value($dim, {{dimension_columns}}) AS value
	FROM cartera_segment_sales($dim, $dim, $use_rollups, {{filters}})
	WHERE invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
	UNION ALL
	SELECT to_json(c) ->> $dim::VARCHAR FROM clients c WHERE {{client_filter_conditions}}
)
WHERE value IS NOT NULL
ORDER BY value;
