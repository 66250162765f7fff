CREATE TABLE "statistics_groups" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"group_key" text NOT NULL,
	"employees" integer NOT NULL,
	"planned" integer NOT NULL,
	"held" integer NOT NULL,
	"overdue_actions" integer NOT NULL,
	"weeks_since_held" integer[] NOT NULL,
	CONSTRAINT "statistics_groups_org_id_period_kind_group_key_pk" PRIMARY KEY("org_id","period","kind","group_key")
);
--> statement-breakpoint
CREATE TABLE "statistics_refreshes" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"as_of" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "statistics_refreshes_org_id_period_pk" PRIMARY KEY("org_id","period")
);
--> statement-breakpoint
CREATE TABLE "statistics_round_groups" (
	"org_id" uuid NOT NULL,
	"round_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"group_key" text NOT NULL,
	"not_booked" integer NOT NULL,
	"booked" integer NOT NULL,
	"held" integer NOT NULL,
	"closed" integer NOT NULL,
	"signed" integer NOT NULL,
	CONSTRAINT "statistics_round_groups_org_id_round_id_kind_group_key_pk" PRIMARY KEY("org_id","round_id","kind","group_key")
);
--> statement-breakpoint
ALTER TABLE "statistics_groups" ADD CONSTRAINT "statistics_groups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_refreshes" ADD CONSTRAINT "statistics_refreshes_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_round_groups" ADD CONSTRAINT "statistics_round_groups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_on_one_meetings_local_date_idx" ON "one_on_one_meetings" USING btree ("org_id","local_date");