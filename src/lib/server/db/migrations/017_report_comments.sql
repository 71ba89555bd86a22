-- 017: comments on Informe del mes (issue 16), per month and section, with who wrote them and when.
-- A list per section, newest last, never edited or deleted: management reads a dated record of who
-- said what. Publishing copies the month's comments into the published version (published_reports
-- .figures), so a published report shows the comments as they were when it was published.
CREATE SEQUENCE report_comment_id_seq START 1;
CREATE TABLE report_comments (
	comment_id INTEGER PRIMARY KEY DEFAULT nextval('report_comment_id_seq'),
	month VARCHAR NOT NULL,
	section VARCHAR NOT NULL,
	body VARCHAR NOT NULL,
	author VARCHAR,
	written_at TIMESTAMP NOT NULL DEFAULT current_timestamp
);
