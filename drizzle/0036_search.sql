-- The search indexes of decision 027 (GIN over four languages' word forms) are defined in the
-- schema but built outside migrations: src/db/deferred-indexes.ts builds them on start-up when
-- their tables are small and concurrently after start-up when not. Built here, they held
-- start-up for many minutes on a large database.
SELECT 1;
