CREATE TABLE "check_ins" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"meeting_starts_at" timestamp with time zone NOT NULL,
	"wellbeing" smallint NOT NULL,
	"workload" smallint NOT NULL,
	"progress" smallint NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"answered_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "coaching_dismissals" (
	"org_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"signal_key" text NOT NULL,
	"subject_key" text NOT NULL,
	"value_at_dismissal" real NOT NULL,
	"dismissed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone NOT NULL,
	CONSTRAINT "coaching_dismissals_org_id_manager_id_signal_key_subject_key_pk" PRIMARY KEY("org_id","manager_id","signal_key","subject_key")
);
--> statement-breakpoint
CREATE TABLE "task_review_items" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"review_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"title" text NOT NULL,
	"frequency" text NOT NULL,
	"time_share_percent" smallint NOT NULL,
	"demand" smallint NOT NULL,
	"support" text DEFAULT '' NOT NULL,
	"copied_from_item_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_review_items_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "task_reviews" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"series_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"employee_id" uuid NOT NULL,
	"previous_review_id" uuid,
	"meeting_id" uuid,
	"reviewed_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "task_reviews_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_employee_fk" FOREIGN KEY ("org_id","employee_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_dismissals" ADD CONSTRAINT "coaching_dismissals_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "coaching_dismissals" ADD CONSTRAINT "coaching_dismissals_manager_fk" FOREIGN KEY ("org_id","manager_id") REFERENCES "public"."people"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_review_items" ADD CONSTRAINT "task_review_items_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_review_items" ADD CONSTRAINT "task_review_items_review_fk" FOREIGN KEY ("org_id","review_id") REFERENCES "public"."task_reviews"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reviews" ADD CONSTRAINT "task_reviews_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reviews" ADD CONSTRAINT "task_reviews_series_fk" FOREIGN KEY ("org_id","series_id") REFERENCES "public"."one_on_one_series"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reviews" ADD CONSTRAINT "task_reviews_previous_fk" FOREIGN KEY ("org_id","previous_review_id") REFERENCES "public"."task_reviews"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_reviews" ADD CONSTRAINT "task_reviews_meeting_fk" FOREIGN KEY ("org_id","meeting_id") REFERENCES "public"."one_on_one_meetings"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_meeting_uq" ON "check_ins" USING btree ("org_id","meeting_id");--> statement-breakpoint
CREATE INDEX "check_ins_employee_idx" ON "check_ins" USING btree ("org_id","employee_id","meeting_starts_at");--> statement-breakpoint
CREATE INDEX "check_ins_manager_idx" ON "check_ins" USING btree ("org_id","manager_id","employee_id","meeting_starts_at");--> statement-breakpoint
CREATE INDEX "check_ins_period_idx" ON "check_ins" USING btree ("org_id","meeting_starts_at");--> statement-breakpoint
CREATE INDEX "task_review_items_review_idx" ON "task_review_items" USING btree ("org_id","review_id","position");--> statement-breakpoint
CREATE INDEX "task_reviews_series_idx" ON "task_reviews" USING btree ("org_id","series_id","created_at","id");