-- What a client bought in the period [$from_date, $to_date], per product: revenue (Σ amount, credit
-- notes included), lines, quantity and the last line's date, from the lines the filters keep
-- (cartera_lines). A tier or status filter keeps a client's lines whole or none: the caller binds
-- them NULL and $kept, whether the client's row passes them (client_list.sql, the page's summary),
-- instead of classifying every client's lines (the client page under a status filter took 3.6 s
-- on 10M lines). Lines without a product form one row (product_id NULL). By revenue desc, then
-- product id. The revenues sum to the client's period revenue in client_list.sql.
SELECT l.product_id, any_value(p.name) AS product_name, any_value(l.product_line) AS product_line,
	round(sum(l.amount), 2)::DOUBLE AS revenue, count(*)::INTEGER AS lines,
	round(sum(l.quantity), 4)::DOUBLE AS quantity,
	strftime(max(l.invoice_date), '%Y-%m-%d') AS last_date
FROM cartera_lines({{filters}}, false) l
LEFT JOIN products p ON p.product_id = l.product_id
WHERE l.client_id = $client::VARCHAR AND l.invoice_date BETWEEN $from_date::DATE AND $to_date::DATE
	AND $kept
GROUP BY l.product_id
ORDER BY sum(l.amount) DESC, l.product_id ASC NULLS LAST;
