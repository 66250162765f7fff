-- HR people search (decision 015): the page of matches in name order is found by walking
-- this index alone (index-only scan: active and search_text are in it), so the people the
-- search skips cost no heap visits; Drizzle cannot declare INCLUDE, hence a hand-written
-- migration. ANALYZE gives the planner statistics on search_text (migration 0011).
CREATE INDEX IF NOT EXISTS "people_org_name_search_idx" ON "people" USING btree ("org_id", "name", "id") INCLUDE ("active", "search_text");--> statement-breakpoint
ANALYZE "people";
