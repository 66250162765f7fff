CREATE TABLE "one_on_one_motivation" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"meeting_starts_at" timestamp with time zone NOT NULL,
	"score" smallint NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_motivation_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "one_on_one_motivation_score_ck" CHECK (score between 1 and 5)
);
--> statement-breakpoint
ALTER TABLE "one_on_one_motivation" ADD CONSTRAINT "one_on_one_motivation_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_motivation" ADD CONSTRAINT "one_on_one_motivation_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_motivation" ADD CONSTRAINT "one_on_one_motivation_series_fk" FOREIGN KEY ("org_id","series_id") REFERENCES "public"."one_on_one_series"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_motivation" ADD CONSTRAINT "one_on_one_motivation_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "one_on_one_motivation_meeting_uq" ON "one_on_one_motivation" USING btree ("org_id","meeting_id");--> statement-breakpoint
CREATE INDEX "one_on_one_motivation_series_idx" ON "one_on_one_motivation" USING btree ("org_id","series_id","meeting_starts_at");