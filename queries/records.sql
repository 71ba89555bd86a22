-- Quotes or opportunities (tbl = 'quotes' | 'opportunities') after the filters; quotes.sql and
-- pipeline.sql read them from here. A record has a client and a product line, not a product:
--   client_type, size, sector, legal_form, region, crm_status, account_manager: the record's client
--     in the clients table has that value (records of clients missing from the table, or without
--     one, are dropped, as a client-attribute filter drops the lines of unknown clients);
--   product_line: the record's own product_line column;
--   business_unit: the record's product line is a line of that business unit in the products table;
--   billing_tier, status: the client's tier and status, computed as every figure computes them
--     (cartera_client_classes, sales.sql: from the month rollups when use_rollups and the other filters
--     allow, else lines.sql) on the lines the other filters keep; a client of the clients table without
--     status there (no line up to as_of) is potential, as in client_status.sql. A status filter took
--     Resumen's commercial figures 3–4 s each on 10M lines when it classified every line;
--   product: no record names a product, so none has that attribute: none is kept.
-- The column filters are written out from the registry (src/lib/dimensions.ts) by
-- src/lib/server/query-fragments.ts ({{record_filter_conditions}}); the computed ones follow here.
CREATE OR REPLACE TEMP MACRO cartera_records(tbl, use_rollups, {{filter_params}}) AS TABLE
WITH computed AS (
	-- Only what a tier or status filter asks for. The filter is applied below, so the classes are
	-- read unfiltered, from where cartera_sales_grain (sales.sql) lets a rollup serve that filter.
	SELECT client_id, billing_tier, status
	FROM cartera_client_classes({{filter_params_unclassified}},
		cartera_sales_grain(use_rollups, false, {{product_side_params}}, f_status) <> 'line',
		f_billing_tier::VARCHAR IS NOT NULL, f_status::VARCHAR IS NOT NULL)
)
-- Without any filter (a page's default view), the records as they are: no join to the clients.
SELECT r.*
FROM query_table(tbl) r
WHERE {{filters_absent}}
UNION ALL
SELECT r.*
FROM query_table(tbl) r
LEFT JOIN clients c ON c.client_id = r.client_id
LEFT JOIN computed k ON k.client_id = r.client_id
WHERE NOT ({{filters_absent}}) AND {{record_filter_conditions}}
	AND (f_billing_tier::VARCHAR IS NULL OR k.billing_tier = f_billing_tier)
	AND (f_status::VARCHAR IS NULL OR coalesce(k.status, CASE WHEN c.client_id IS NOT NULL THEN 'potential' END) = f_status);
