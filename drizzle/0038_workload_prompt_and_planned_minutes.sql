ALTER TABLE "one_on_one_actions" ADD COLUMN "prompt" text;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ADD COLUMN "workload_prompt_dismissed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "one_on_one_points" ADD COLUMN "planned_minutes" smallint;