-- Revenue R of the period: Σ amount of invoice lines dated in the whole months $from..$to.
SELECT round(coalesce(sum(amount), 0), 2)::DOUBLE AS revenue, count(*)::INTEGER AS lines
FROM invoice_lines
WHERE invoice_date >= $from::DATE AND invoice_date < $to::DATE + INTERVAL 1 MONTH;
