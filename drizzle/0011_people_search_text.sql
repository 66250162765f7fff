DROP INDEX "people_name_trgm_idx";--> statement-breakpoint
DROP INDEX "people_email_trgm_idx";--> statement-breakpoint
DROP INDEX "people_employee_number_trgm_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(name || chr(1) || email || chr(1) || coalesce(employee_number, ''))) STORED;--> statement-breakpoint
CREATE INDEX "people_search_trgm_idx" ON "people" USING gin ("search_text" gin_trgm_ops);