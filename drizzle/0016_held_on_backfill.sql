-- The day each already held meeting took place (decision 020, meeting-state.ts heldDate):
-- finished before its planned time, the day it was finished; otherwise its planned day.
UPDATE "one_on_one_meetings"
SET "held_on" = (
  CASE WHEN "held_at" IS NOT NULL AND "held_at" < "starts_at" THEN "held_at" ELSE "starts_at" END
  AT TIME ZONE "time_zone")::date
WHERE "status" = 'held' AND "held_on" IS NULL;
