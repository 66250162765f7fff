-- Trigram indexes for HR's people search (ILIKE '%…%' on name, e-mail, employee number).
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a database owner may
-- create it. The embedded PGlite loads it in src/db/client.ts.
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "people_name_trgm_idx" ON "people" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_email_trgm_idx" ON "people" USING gin ("email" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "people_employee_number_trgm_idx" ON "people" USING gin ("employee_number" gin_trgm_ops);