CREATE INDEX "one_on_one_meetings_manager_idx" ON "one_on_one_meetings" USING btree ("org_id","manager_id");--> statement-breakpoint
CREATE INDEX "one_on_one_meetings_employee_idx" ON "one_on_one_meetings" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "check_ins_comment_due_idx" ON "check_ins" USING btree ("org_id","meeting_starts_at","id") WHERE "check_ins"."comment" <> '';--> statement-breakpoint
CREATE INDEX "conversations_held_idx" ON "conversations" USING btree ("org_id",coalesce("held_at", "closed_at"),"id");