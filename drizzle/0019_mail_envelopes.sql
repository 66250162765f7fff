ALTER TABLE "mail_outbox" ADD COLUMN "resent_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "mail_outbox_org_status_created_idx" ON "mail_outbox" USING btree ("org_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_org_kind_created_idx" ON "mail_outbox" USING btree ("org_id","kind","created_at","id");--> statement-breakpoint
CREATE INDEX "mail_outbox_recipient_created_idx" ON "mail_outbox" USING btree ("org_id","recipient_id","created_at","id");