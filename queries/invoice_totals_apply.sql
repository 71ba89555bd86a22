-- Whether a query may read the stored per-invoice totals (invoice_totals, migration 007) instead
-- of grouping the lines: only when no filter picks lines within an invoice (product, product line,
-- business unit) and no billing-tier filter needs the lines classified. Client-attribute and status
-- filters act on whole clients, so the callers apply them to their client population.
-- Given bound parameters, it folds to a constant at planning and the unused branch is pruned.
-- The product's filters are the registry's (src/lib/dimensions.ts; query-fragments.ts); callers
-- pass product_side_filters, then $f_billing_tier.
CREATE OR REPLACE TEMP MACRO cartera_invoice_totals_apply({{product_side_params}}, f_billing_tier) AS
	{{product_side_absent}} AND f_billing_tier IS NULL;

-- Whether activation may read the stored windows at month ends (client_window_values, migration 024)
-- and each client's first line and purchase from client_month_sales (019): when it may read the
-- invoice totals, the rollups are on ($use_rollups, metrics/bind.ts) and the windows were built for
-- the window in force (stored_windows, metrics/activation.ts).
CREATE OR REPLACE TEMP MACRO cartera_stored_windows_apply(use_rollups, stored_windows, {{product_side_params}}, f_billing_tier) AS
	use_rollups AND stored_windows AND cartera_invoice_totals_apply({{product_side_params}}, f_billing_tier);

-- Whether the month rollups (client_month_sales, client_line_month_sales, client_line_firsts) hold
-- what a client's lines give: the rollups are on and no filter picks lines finer than a product
-- line (a product, a business unit). The client list reads them then (client_list.sql).
CREATE OR REPLACE TEMP MACRO cartera_month_rollups_apply(use_rollups, {{product_side_params}}) AS
	use_rollups AND {{below_product_line_absent}};

-- Whether a figure under a product-line filter may read each client's first line and purchase in
-- that line from client_line_firsts (migration 025) rather than from every line of the line.
CREATE OR REPLACE TEMP MACRO cartera_line_firsts_apply(use_rollups, {{product_side_params}}) AS
	cartera_month_rollups_apply(use_rollups, {{product_side_params}}) AND f_product_line IS NOT NULL;

-- Whether day d lies within one of activation's windows: those ending at each month end from
-- from_date to to_date and at as_of (window_days long). A line outside them is in none.
CREATE OR REPLACE TEMP MACRO cartera_in_windows(d, from_date, to_date, as_of, window_days) AS
	d BETWEEN least(last_day(from_date::DATE), as_of::DATE) - window_days::INTEGER + 1
		AND greatest(last_day(to_date::DATE), as_of::DATE);
