-- The client page's record: the client's row of the clients table (every column but the batch), or
-- none; and whether any invoice line, quote or opportunity names the client, so a client seen only
-- there still has a page and an unknown id is a 404.
SELECT
	(SELECT to_json(c) FROM (
		SELECT client_id, name, client_type, size, sector, legal_form, region, crm_status, account_manager,
			strftime(created_at, '%Y-%m-%d') AS created_at
		FROM clients WHERE client_id = $client::VARCHAR LIMIT 1) c)::VARCHAR AS record,
	EXISTS (SELECT 1 FROM invoice_lines WHERE client_id = $client::VARCHAR AND doc_status NOT IN {{uncounted_statuses}}) AS has_lines,
	EXISTS (SELECT 1 FROM quotes WHERE client_id = $client::VARCHAR) AS has_quotes,
	EXISTS (SELECT 1 FROM opportunities WHERE client_id = $client::VARCHAR) AS has_opportunities;
