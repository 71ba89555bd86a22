-- The names of the given products ($ids: a JSON array of product ids), for labels: documents
-- carry product codes (docs/contract.md), people read names. Products without a name are left out.
SELECT product_id, name
FROM products
WHERE name IS NOT NULL AND product_id IN (SELECT unnest(from_json($ids, '["VARCHAR"]')));
