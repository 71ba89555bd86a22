-- The values the filter bar offers for each of its dimensions, as stored (the register's
-- attributes; a value only seen in lines still arrives by cross-filtering).
-- The bar's dimensions come from the registry (src/lib/dimensions.ts, query-fragments.ts); those
-- with fixed values (status) are not read here.
{{bar_values}}
ORDER BY dim, value;
