-- Which optional attributes the client register holds at all (the list shows their columns only then).
SELECT count(size) > 0 AS size, count(sector) > 0 AS sector FROM clients;
