CREATE TABLE "statistics_wellbeing_groups" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"kind" text NOT NULL,
	"group_key" text NOT NULL,
	"status" text NOT NULL,
	"people" integer,
	"wellbeing" real,
	"workload" real,
	"progress" real,
	CONSTRAINT "statistics_wellbeing_groups_org_id_period_kind_group_key_pk" PRIMARY KEY("org_id","period","kind","group_key")
);
--> statement-breakpoint
CREATE TABLE "statistics_wellbeing_periods" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"people" integer NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistics_wellbeing_periods_org_id_period_pk" PRIMARY KEY("org_id","period")
);
--> statement-breakpoint
ALTER TABLE "statistics_wellbeing_groups" ADD CONSTRAINT "statistics_wellbeing_groups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_wellbeing_periods" ADD CONSTRAINT "statistics_wellbeing_periods_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;