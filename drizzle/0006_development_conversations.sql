CREATE TABLE "conversation_rounds" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"template_version_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"deadline" date NOT NULL,
	"scope" jsonb NOT NULL,
	"created_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_rounds_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_template_versions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_template_versions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversation_templates" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" jsonb NOT NULL,
	"description" jsonb,
	"builtin_key" text,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversation_templates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "conversations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"round_id" uuid,
	"parent_conversation_id" uuid,
	"kind" text NOT NULL,
	"employee_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"template_version_id" uuid NOT NULL,
	"status" text DEFAULT 'not_booked' NOT NULL,
	"meeting_id" uuid,
	"booked_at" timestamp with time zone,
	"held_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "conversations_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "conversation_rounds" ADD CONSTRAINT "conversation_rounds_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_rounds" ADD CONSTRAINT "conversation_rounds_template_version_fk" FOREIGN KEY ("org_id","template_version_id") REFERENCES "public"."conversation_template_versions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_template_versions" ADD CONSTRAINT "conversation_template_versions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_template_versions" ADD CONSTRAINT "conversation_template_versions_template_fk" FOREIGN KEY ("org_id","template_id") REFERENCES "public"."conversation_templates"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversation_templates" ADD CONSTRAINT "conversation_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_round_fk" FOREIGN KEY ("org_id","round_id") REFERENCES "public"."conversation_rounds"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_parent_fk" FOREIGN KEY ("org_id","parent_conversation_id") REFERENCES "public"."conversations"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_manager_fk" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_template_version_fk" FOREIGN KEY ("org_id","template_version_id") REFERENCES "public"."conversation_template_versions"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "conversations" ADD CONSTRAINT "conversations_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "conversation_rounds_org_idx" ON "conversation_rounds" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "conversation_rounds_deadline_idx" ON "conversation_rounds" USING btree ("deadline") WHERE "conversation_rounds"."closed_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_template_versions_uq" ON "conversation_template_versions" USING btree ("org_id","template_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "conversation_templates_builtin_uq" ON "conversation_templates" USING btree ("org_id","builtin_key") WHERE "conversation_templates"."builtin_key" is not null;--> statement-breakpoint
CREATE INDEX "conversation_templates_org_idx" ON "conversation_templates" USING btree ("org_id","archived_at","created_at");--> statement-breakpoint
CREATE INDEX "conversations_round_status_idx" ON "conversations" USING btree ("org_id","round_id","status");--> statement-breakpoint
CREATE INDEX "conversations_manager_status_idx" ON "conversations" USING btree ("org_id","manager_id","status");--> statement-breakpoint
CREATE INDEX "conversations_employee_idx" ON "conversations" USING btree ("org_id","employee_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "conversations_round_employee_uq" ON "conversations" USING btree ("org_id","round_id","employee_id") WHERE "conversations"."round_id" is not null;--> statement-breakpoint
CREATE INDEX "conversations_meeting_idx" ON "conversations" USING btree ("org_id","meeting_id") WHERE "conversations"."meeting_id" is not null;