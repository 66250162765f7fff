CREATE TABLE "development_goal_steps" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"done_at" timestamp with time zone,
	"done_by" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_goal_steps_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "development_plan_items" ADD COLUMN "competence_area" text;--> statement-breakpoint
ALTER TABLE "development_goal_steps" ADD CONSTRAINT "development_goal_steps_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_goal_steps" ADD CONSTRAINT "development_goal_steps_goal_fk" FOREIGN KEY ("org_id","goal_id") REFERENCES "public"."development_goals"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "development_goal_steps_goal_idx" ON "development_goal_steps" USING btree ("org_id","goal_id","position");