-- A line's value of segmentation dimension `dim` (docs/definitions.md "Segmentation"; `product` is the
-- product code), in one place for segmentation.sql and segmentation_cross.sql. Takes the columns
-- of cartera_lines (lines.sql) one by one: passing the row as a struct doubles the query's time.
-- Callers pass {{dimension_columns}}: both are written out from the registry (src/lib/dimensions.ts).
CREATE OR REPLACE TEMP MACRO cartera_dimension_value(dim, {{dimension_columns}}) AS
	CASE dim {{dimension_value_cases}} END;
