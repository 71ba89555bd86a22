-- 026: client_line_firsts worked out again from client_line_month_sales, as 025 defines it.
-- A load of products and a large export in one go (more than about 120,000 rows of the product-line
-- rollup) could store it empty: DuckDB 1.5 hid the rollup's rows from the rest of that transaction
-- (db/ordered-insert.ts). The product-line rollup itself was stored whole. Loads no longer meet this;
-- a database that did gets its first purchases per product line back here.
DELETE FROM client_line_firsts;
INSERT INTO client_line_firsts
	SELECT client_id, product_line, min(first_day) AS first_day, min(first_positive) AS first_positive
	FROM client_line_month_sales
	GROUP BY ALL
	ORDER BY client_id, product_line;
