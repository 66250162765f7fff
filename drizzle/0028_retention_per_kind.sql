ALTER TABLE "retention_settings" ALTER COLUMN "content_after_days" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD COLUMN "notes_after_days" integer;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD COLUMN "check_ins_after_days" integer;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD COLUMN "development_after_days" integer;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD COLUMN "salary_after_days" integer;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD COLUMN "private_after_days" integer;--> statement-breakpoint
ALTER TABLE "retention_settings" ADD COLUMN "audit_after_days" integer;--> statement-breakpoint
-- An organisation that chose a period for "conversation content" keeps it for every kind that covered (decision 024).
UPDATE "retention_settings" SET "notes_after_days" = "content_after_days", "check_ins_after_days" = "content_after_days", "private_after_days" = "content_after_days" WHERE "content_after_days" IS NOT NULL;
