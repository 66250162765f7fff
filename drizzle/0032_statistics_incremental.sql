CREATE TABLE "statistics_pair_periods" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "statistics_pair_periods_org_id_period_pk" PRIMARY KEY("org_id","period")
);
--> statement-breakpoint
CREATE TABLE "statistics_pair_quarters" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"employee_id" uuid NOT NULL,
	"manager_id" uuid NOT NULL,
	"planned" integer NOT NULL,
	"held" integer NOT NULL,
	CONSTRAINT "statistics_pair_quarters_org_id_period_employee_id_manager_id_pk" PRIMARY KEY("org_id","period","employee_id","manager_id")
);
--> statement-breakpoint
CREATE TABLE "statistics_touches" (
	"org_id" uuid NOT NULL,
	"period" text NOT NULL,
	"id" bigint GENERATED ALWAYS AS IDENTITY (sequence name "statistics_touches_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	CONSTRAINT "statistics_touches_org_id_period_id_pk" PRIMARY KEY("org_id","period","id")
);
--> statement-breakpoint
DROP INDEX "one_on_one_meetings_local_date_idx";--> statement-breakpoint
DROP INDEX "one_on_one_actions_open_pair_idx";--> statement-breakpoint
ALTER TABLE "statistics_pair_periods" ADD CONSTRAINT "statistics_pair_periods_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_pair_quarters" ADD CONSTRAINT "statistics_pair_quarters_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "statistics_touches" ADD CONSTRAINT "statistics_touches_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "one_on_one_meetings_cadence_idx" ON "one_on_one_meetings" USING btree ("org_id","local_date","employee_id","manager_id","status","starts_at") WHERE "one_on_one_meetings"."series_id" is not null and ("one_on_one_meetings"."status" <> 'cancelled' or "one_on_one_meetings"."status_reason_code" is null);--> statement-breakpoint
CREATE INDEX "one_on_one_meetings_held_date_idx" ON "one_on_one_meetings" USING btree ("org_id","employee_id","local_date") WHERE "one_on_one_meetings"."status" = 'held' and "one_on_one_meetings"."series_id" is not null;--> statement-breakpoint
CREATE INDEX "one_on_one_actions_open_pair_idx" ON "one_on_one_actions" USING btree ("org_id","manager_id","employee_id","owner_id","due_date") WHERE "one_on_one_actions"."done_at" is null;
--> statement-breakpoint
-- Decision 014: a refresh recounts a closed quarter's 1:1s only when one of them changed. Every
-- insert, delete, and update of what the counts read (status, date, start, pair, series) of a
-- 1:1 dated before the current quarter (UTC) leaves a row here, in the writer's transaction,
-- whatever code wrote it. Statement-level with transition tables: one small insert per
-- statement, not per row; an update that changes only content (retention, notes) leaves none.
CREATE FUNCTION samtal_statistics_touch() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  cutoff date := date_trunc('quarter', now() AT TIME ZONE 'UTC')::date;
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO statistics_touches (org_id, period)
      SELECT DISTINCT n.org_id, to_char(n.local_date, 'YYYY"-Q"Q') FROM new_rows n
      WHERE n.series_id IS NOT NULL AND n.local_date < cutoff;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO statistics_touches (org_id, period)
      SELECT DISTINCT o.org_id, to_char(o.local_date, 'YYYY"-Q"Q') FROM old_rows o
      WHERE o.series_id IS NOT NULL AND o.local_date < cutoff;
  ELSE
    INSERT INTO statistics_touches (org_id, period)
      SELECT DISTINCT x.org_id, to_char(x.local_date, 'YYYY"-Q"Q')
      FROM old_rows o JOIN new_rows n ON n.org_id = o.org_id AND n.id = o.id
      CROSS JOIN LATERAL (VALUES (o.org_id, o.local_date, o.series_id),
                                 (n.org_id, n.local_date, n.series_id)) AS x(org_id, local_date, series_id)
      WHERE (o.status, o.status_reason_code, o.local_date, o.starts_at, o.manager_id,
             o.employee_id, o.series_id)
            IS DISTINCT FROM (n.status, n.status_reason_code, n.local_date, n.starts_at,
             n.manager_id, n.employee_id, n.series_id)
        AND x.series_id IS NOT NULL AND x.local_date < cutoff;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER one_on_one_meetings_statistics_insert AFTER INSERT ON one_on_one_meetings
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION samtal_statistics_touch();--> statement-breakpoint
CREATE TRIGGER one_on_one_meetings_statistics_update AFTER UPDATE ON one_on_one_meetings
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION samtal_statistics_touch();--> statement-breakpoint
CREATE TRIGGER one_on_one_meetings_statistics_delete AFTER DELETE ON one_on_one_meetings
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION samtal_statistics_touch();
