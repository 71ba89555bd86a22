-- 012: a client's declared potential, its expected yearly purchase ("tamaño de prospecto $$/año",
-- DESIGN.md §3 "Pipeline", issue 15) when the clients export has one (Potencial, Facturación
-- anual estimada…). NULL when the export gives none; prospect_size.sql then uses the client's
-- opportunities. The archive of replaced versions (004) gets the same column, so an undo restores it.
ALTER TABLE clients ADD COLUMN potential_amount DECIMAL(18,4);
ALTER TABLE clients_replaced ADD COLUMN potential_amount DECIMAL(18,4);
