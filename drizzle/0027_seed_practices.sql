ALTER TABLE "people" ADD COLUMN "coaching_tips_hidden" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "conversation_rounds" ADD COLUMN "salary_round_id" uuid;--> statement-breakpoint
ALTER TABLE "conversation_rounds" ADD COLUMN "salary_first" text;--> statement-breakpoint
ALTER TABLE "statistics_groups" ADD COLUMN "without_annual" integer;--> statement-breakpoint
ALTER TABLE "conversation_rounds" ADD CONSTRAINT "conversation_rounds_salary_round_fk" FOREIGN KEY ("org_id","salary_round_id") REFERENCES "public"."conversation_rounds"("org_id","id") ON DELETE no action ON UPDATE no action;