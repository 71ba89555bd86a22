-- The values the filter bar offers for each of its dimensions, as stored (the register's
-- attributes; a value only seen in lines still arrives by cross-filtering).
SELECT 'product_line' AS dim, product_line AS value FROM products WHERE product_line IS NOT NULL
UNION
SELECT 'client_type', client_type FROM clients WHERE client_type IS NOT NULL
UNION
SELECT 'region', region FROM clients WHERE region IS NOT NULL
UNION
SELECT 'account_manager', account_manager FROM clients WHERE account_manager IS NOT NULL
ORDER BY dim, value;
