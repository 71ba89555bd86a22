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
