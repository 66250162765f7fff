-- Organisation goals in several languages (issue #15): HR gives each goal its text per
-- language; a reader without one gets the goal as first written.
ALTER TABLE "organisation_goals" ADD COLUMN "translations" jsonb DEFAULT '{}'::jsonb NOT NULL;