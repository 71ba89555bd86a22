-- Whether a query may read the stored per-invoice totals (invoice_totals, migration 007) instead
-- of grouping the lines: only when no filter picks lines within an invoice (product, product line,
-- business unit) and no billing-tier filter needs the lines classified. Client-attribute and status
-- filters act on whole clients, so the callers apply them to their client population.
-- Given bound parameters, it folds to a constant at planning and the unused branch is pruned.
CREATE OR REPLACE TEMP MACRO cartera_invoice_totals_apply(f_product, f_product_line, f_business_unit, f_billing_tier) AS
	f_product IS NULL AND f_product_line IS NULL AND f_business_unit IS NULL AND f_billing_tier IS NULL;
