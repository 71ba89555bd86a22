-- 016: published monthly reports (issue 16). "Publicar" freezes Informe del mes: its figures as
-- the page showed them (JSON), who published it and when. Publishing again adds a version; the
-- latest is what the report shows, the older ones are kept as the list of what management saw.
CREATE TABLE published_reports (
	month VARCHAR NOT NULL,
	version INTEGER NOT NULL,
	published_by VARCHAR,
	published_at TIMESTAMP NOT NULL DEFAULT current_timestamp,
	figures VARCHAR NOT NULL,
	PRIMARY KEY (month, version)
);
