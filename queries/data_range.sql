-- First and last invoice dates held, to choose default periods (posted documents: those that count).
SELECT strftime(min(invoice_date), '%Y-%m-%d') AS first_date,
	strftime(max(invoice_date), '%Y-%m-%d') AS last_date,
	count(*)::INTEGER AS lines
FROM invoice_lines
WHERE doc_status NOT IN {{uncounted_statuses}};
