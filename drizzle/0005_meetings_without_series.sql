ALTER TABLE "one_on_one_actions" ALTER COLUMN "series_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ALTER COLUMN "series_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ALTER COLUMN "seq" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ADD COLUMN "kind" text DEFAULT 'one_on_one' NOT NULL;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ADD COLUMN "calendar_sequence" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ADD CONSTRAINT "one_on_one_meetings_series_ck" CHECK (("one_on_one_meetings"."kind" = 'one_on_one') = ("one_on_one_meetings"."series_id" is not null and "one_on_one_meetings"."seq" is not null));