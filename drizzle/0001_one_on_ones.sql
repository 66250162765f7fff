CREATE TABLE "one_on_one_actions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"point_id" uuid,
	"manager_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"origin_starts_at" timestamp with time zone NOT NULL,
	"title" text NOT NULL,
	"owner_id" uuid NOT NULL,
	"due_date" date,
	"done_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_actions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_meetings" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"local_date" date NOT NULL,
	"time_zone" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"original_starts_at" timestamp with time zone,
	"duration_minutes" integer NOT NULL,
	"place_kind" text NOT NULL,
	"place_detail" text,
	"status" text DEFAULT 'planned' NOT NULL,
	"status_reason" text,
	"status_reason_code" text,
	"status_changed_by" uuid,
	"status_changed_at" timestamp with time zone,
	"template_snapshot" jsonb,
	"held_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_meetings_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_minutes" (
	"org_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"locale" text NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	CONSTRAINT "one_on_one_minutes_org_id_meeting_id_pk" PRIMARY KEY("org_id","meeting_id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_note_revisions" (
	"org_id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"body" text NOT NULL,
	"decision" text NOT NULL,
	"saved_by" uuid,
	"saved_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_note_revisions_org_id_note_id_version_pk" PRIMARY KEY("org_id","note_id","version")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_notes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"point_id" uuid NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"decision" text DEFAULT '' NOT NULL,
	"version" integer NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_notes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_points" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"section_key" text,
	"title" text,
	"author_id" uuid,
	"position" integer NOT NULL,
	"discussed_at" timestamp with time zone,
	"carried_from_point_id" uuid,
	"carried_to_meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_points_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_private_notes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"body" text NOT NULL,
	"version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_private_notes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_reflections" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"topics" jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"meeting_starts_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_reflections_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_series" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"cadence" text NOT NULL,
	"monthly_ordinal" integer,
	"start_date" date NOT NULL,
	"local_time" text NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place_kind" text NOT NULL,
	"place_detail" text,
	"builtin_template_key" text,
	"template_id" uuid,
	"horizon_until" date NOT NULL,
	"ended_at" timestamp with time zone,
	"end_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_series_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "one_on_one_templates" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"sections" jsonb NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_templates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"text_body" text NOT NULL,
	"html_body" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "mail_outbox_dedupe_uq" UNIQUE("org_id","dedupe_key")
);
--> statement-breakpoint
ALTER TABLE "one_on_one_actions" ADD CONSTRAINT "one_on_one_actions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_actions" ADD CONSTRAINT "one_on_one_actions_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_actions" ADD CONSTRAINT "one_on_one_actions_owner_fk" FOREIGN KEY ("org_id","owner_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ADD CONSTRAINT "one_on_one_meetings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_meetings" ADD CONSTRAINT "one_on_one_meetings_series_fk" FOREIGN KEY ("org_id","series_id") REFERENCES "public"."one_on_one_series"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_minutes" ADD CONSTRAINT "one_on_one_minutes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_minutes" ADD CONSTRAINT "one_on_one_minutes_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note_revisions" ADD CONSTRAINT "one_on_one_note_revisions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_note_revisions" ADD CONSTRAINT "one_on_one_note_revisions_note_fk" FOREIGN KEY ("org_id","note_id") REFERENCES "public"."one_on_one_notes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_notes" ADD CONSTRAINT "one_on_one_notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_notes" ADD CONSTRAINT "one_on_one_notes_point_fk" FOREIGN KEY ("org_id","point_id") REFERENCES "public"."one_on_one_points"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_points" ADD CONSTRAINT "one_on_one_points_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_points" ADD CONSTRAINT "one_on_one_points_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_points" ADD CONSTRAINT "one_on_one_points_author_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ADD CONSTRAINT "one_on_one_private_notes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ADD CONSTRAINT "one_on_one_private_notes_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_private_notes" ADD CONSTRAINT "one_on_one_private_notes_author_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_reflections" ADD CONSTRAINT "one_on_one_reflections_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_reflections" ADD CONSTRAINT "one_on_one_reflections_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_reflections" ADD CONSTRAINT "one_on_one_reflections_author_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_manager_fk" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_series" ADD CONSTRAINT "one_on_one_series_template_fk" FOREIGN KEY ("org_id","template_id") REFERENCES "public"."one_on_one_templates"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_templates" ADD CONSTRAINT "one_on_one_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD CONSTRAINT "mail_outbox_recipient_fk" FOREIGN KEY ("org_id","recipient_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_on_one_actions_pair_idx" ON "one_on_one_actions" USING btree ("org_id","employee_id","manager_id","origin_starts_at");--> statement-breakpoint
CREATE INDEX "one_on_one_actions_open_pair_idx" ON "one_on_one_actions" USING btree ("org_id","manager_id","employee_id") WHERE "one_on_one_actions"."done_at" is null;--> statement-breakpoint
CREATE INDEX "one_on_one_actions_owner_idx" ON "one_on_one_actions" USING btree ("org_id","owner_id","done_at","due_date");--> statement-breakpoint
CREATE INDEX "one_on_one_actions_meeting_idx" ON "one_on_one_actions" USING btree ("org_id","meeting_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_meetings_seq_uq" ON "one_on_one_meetings" USING btree ("org_id","series_id","seq");--> statement-breakpoint
CREATE INDEX "one_on_one_meetings_series_idx" ON "one_on_one_meetings" USING btree ("org_id","series_id","starts_at");--> statement-breakpoint
CREATE INDEX "one_on_one_meetings_upcoming_idx" ON "one_on_one_meetings" USING btree ("org_id","employee_id","manager_id","starts_at") WHERE "one_on_one_meetings"."status" in ('planned', 'moved');--> statement-breakpoint
CREATE INDEX "one_on_one_meetings_held_idx" ON "one_on_one_meetings" USING btree ("org_id","employee_id","manager_id","starts_at") WHERE "one_on_one_meetings"."status" = 'held';--> statement-breakpoint
CREATE INDEX "one_on_one_minutes_employee_idx" ON "one_on_one_minutes" USING btree ("org_id","employee_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_notes_point_uq" ON "one_on_one_notes" USING btree ("org_id","point_id");--> statement-breakpoint
CREATE INDEX "one_on_one_notes_meeting_idx" ON "one_on_one_notes" USING btree ("org_id","meeting_id");--> statement-breakpoint
CREATE INDEX "one_on_one_points_meeting_idx" ON "one_on_one_points" USING btree ("org_id","meeting_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_private_notes_author_uq" ON "one_on_one_private_notes" USING btree ("org_id","meeting_id","author_id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_reflections_author_uq" ON "one_on_one_reflections" USING btree ("org_id","meeting_id","author_id");--> statement-breakpoint
CREATE INDEX "one_on_one_reflections_list_idx" ON "one_on_one_reflections" USING btree ("org_id","author_id","meeting_starts_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_series_active_uq" ON "one_on_one_series" USING btree ("org_id","employee_id") WHERE "one_on_one_series"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "one_on_one_series_manager_idx" ON "one_on_one_series" USING btree ("org_id","manager_id");--> statement-breakpoint
CREATE INDEX "one_on_one_series_employee_idx" ON "one_on_one_series" USING btree ("org_id","employee_id");--> statement-breakpoint
CREATE INDEX "one_on_one_series_horizon_idx" ON "one_on_one_series" USING btree ("horizon_until") WHERE "one_on_one_series"."ended_at" is null;--> statement-breakpoint
CREATE INDEX "mail_outbox_unsent_idx" ON "mail_outbox" USING btree ("created_at") WHERE "mail_outbox"."sent_at" is null;