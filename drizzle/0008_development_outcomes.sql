CREATE TABLE "conversation_versions" (
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"summary" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledgement_comment" text,
	CONSTRAINT "conversation_versions_org_id_conversation_id_version_pk" PRIMARY KEY("org_id","conversation_id","version")
);
--> statement-breakpoint
CREATE TABLE "development_goals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"success_measure" text DEFAULT '' NOT NULL,
	"due_date" date,
	"role_expectation" text DEFAULT '' NOT NULL,
	"organisation_goal_id" uuid,
	"outcome" text,
	"outcome_comment" text DEFAULT '' NOT NULL,
	"outcome_conversation_id" uuid,
	"outcome_set_by" uuid,
	"outcome_set_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_goals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "development_plan_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"competence" text NOT NULL,
	"activity" text NOT NULL,
	"activity_detail" text DEFAULT '' NOT NULL,
	"support" text DEFAULT '' NOT NULL,
	"due_date" date,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_plan_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "development_progress_notes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"goal_id" uuid,
	"plan_item_id" uuid,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_progress_notes_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "development_progress_notes_subject_ck" CHECK (num_nonnulls(goal_id, plan_item_id) = 1)
);
--> statement-breakpoint
CREATE TABLE "organisation_goals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisation_goals_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "salary_outcomes" (
	"org_id" uuid NOT NULL,
	"conversation_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"change_kind" text NOT NULL,
	"amount" text NOT NULL,
	"currency" text NOT NULL,
	"effective_date" date NOT NULL,
	"criteria" text DEFAULT '' NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "salary_outcomes_org_id_conversation_id_pk" PRIMARY KEY("org_id","conversation_id")
);
--> statement-breakpoint
ALTER TABLE "conversation_versions" ADD CONSTRAINT "conversation_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_versions" ADD CONSTRAINT "conversation_versions_conversation_fk" FOREIGN KEY ("org_id","conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_versions" ADD CONSTRAINT "conversation_versions_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_goals" ADD CONSTRAINT "development_goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_goals" ADD CONSTRAINT "development_goals_conversation_fk" FOREIGN KEY ("org_id","conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_goals" ADD CONSTRAINT "development_goals_outcome_conversation_fk" FOREIGN KEY ("org_id","outcome_conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_goals" ADD CONSTRAINT "development_goals_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_goals" ADD CONSTRAINT "development_goals_organisation_goal_fk" FOREIGN KEY ("org_id","organisation_goal_id") REFERENCES "public"."organisation_goals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_items" ADD CONSTRAINT "development_plan_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_plan_items" ADD CONSTRAINT "development_plan_items_conversation_fk" FOREIGN KEY ("org_id","conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_progress_notes" ADD CONSTRAINT "development_progress_notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_progress_notes" ADD CONSTRAINT "development_progress_notes_goal_fk" FOREIGN KEY ("org_id","goal_id") REFERENCES "public"."development_goals"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_progress_notes" ADD CONSTRAINT "development_progress_notes_plan_item_fk" FOREIGN KEY ("org_id","plan_item_id") REFERENCES "public"."development_plan_items"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_progress_notes" ADD CONSTRAINT "development_progress_notes_author_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_goals" ADD CONSTRAINT "organisation_goals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_outcomes" ADD CONSTRAINT "salary_outcomes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_outcomes" ADD CONSTRAINT "salary_outcomes_conversation_fk" FOREIGN KEY ("org_id","conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "salary_outcomes" ADD CONSTRAINT "salary_outcomes_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_goals_conversation_idx" ON "development_goals" USING btree ("org_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "development_goals_pair_idx" ON "development_goals" USING btree ("org_id","employee_id","manager_id","created_at");--> statement-breakpoint
CREATE INDEX "development_goals_organisation_goal_idx" ON "development_goals" USING btree ("org_id","organisation_goal_id") WHERE "development_goals"."organisation_goal_id" is not null;--> statement-breakpoint
CREATE INDEX "development_plan_items_conversation_idx" ON "development_plan_items" USING btree ("org_id","conversation_id","created_at");--> statement-breakpoint
CREATE INDEX "development_plan_items_pair_idx" ON "development_plan_items" USING btree ("org_id","employee_id","manager_id","created_at");--> statement-breakpoint
CREATE INDEX "development_progress_notes_goal_idx" ON "development_progress_notes" USING btree ("org_id","goal_id","created_at") WHERE "development_progress_notes"."goal_id" is not null;--> statement-breakpoint
CREATE INDEX "development_progress_notes_plan_idx" ON "development_progress_notes" USING btree ("org_id","plan_item_id","created_at") WHERE "development_progress_notes"."plan_item_id" is not null;--> statement-breakpoint
CREATE INDEX "organisation_goals_list_idx" ON "organisation_goals" USING btree ("org_id","archived_at","title");--> statement-breakpoint
CREATE INDEX "salary_outcomes_list_idx" ON "salary_outcomes" USING btree ("org_id","effective_date","conversation_id");--> statement-breakpoint
CREATE INDEX "salary_outcomes_employee_idx" ON "salary_outcomes" USING btree ("org_id","employee_id","effective_date");