DROP INDEX "audit_events_subject_idx";--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "recovery_email" text;--> statement-breakpoint
ALTER TABLE "people" ADD COLUMN "last_signed_in_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "login_attempts" ADD COLUMN "attempt_id" uuid;--> statement-breakpoint
ALTER TABLE "password_tokens" ADD COLUMN "kind" text DEFAULT 'reset' NOT NULL;--> statement-breakpoint
ALTER TABLE "audit_events" ADD COLUMN "ip" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "to_address" text;--> statement-breakpoint
CREATE INDEX "people_recovery_email_idx" ON "people" USING btree ("recovery_email");--> statement-breakpoint
CREATE INDEX "login_attempts_attempt_idx" ON "login_attempts" USING btree ("attempt_id");--> statement-breakpoint
CREATE INDEX "audit_events_org_at_idx" ON "audit_events" USING btree ("org_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("org_id","actor_id","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("org_id","action","at","id");--> statement-breakpoint
CREATE INDEX "audit_events_subject_idx" ON "audit_events" USING btree ("org_id","subject_id","at","id");