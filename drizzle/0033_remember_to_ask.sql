CREATE TABLE "one_on_one_reminders" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"origin_starts_at" timestamp with time zone NOT NULL,
	"ciphertext" text NOT NULL,
	"iv" text NOT NULL,
	"key_version" integer NOT NULL,
	"done_at" timestamp with time zone,
	"done_meeting_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "one_on_one_reminders_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "one_on_one_reminders_done_ck" CHECK ((done_at is null) = (done_meeting_id is null))
);
--> statement-breakpoint
ALTER TABLE "one_on_one_reminders" ADD CONSTRAINT "one_on_one_reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_reminders" ADD CONSTRAINT "one_on_one_reminders_series_fk" FOREIGN KEY ("org_id","series_id") REFERENCES "public"."one_on_one_series"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_reminders" ADD CONSTRAINT "one_on_one_reminders_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_reminders" ADD CONSTRAINT "one_on_one_reminders_done_meeting_fk" FOREIGN KEY ("org_id","done_meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "one_on_one_reminders" ADD CONSTRAINT "one_on_one_reminders_author_fk" FOREIGN KEY ("org_id","author_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_on_one_reminders_meeting_idx" ON "one_on_one_reminders" USING btree ("org_id","meeting_id");--> statement-breakpoint
CREATE INDEX "one_on_one_reminders_series_idx" ON "one_on_one_reminders" USING btree ("org_id","series_id","author_id","origin_starts_at");