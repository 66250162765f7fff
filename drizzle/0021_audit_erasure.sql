-- Decision 024: erasing a person pseudonymises their audit entries. The log stays append-only
-- (decision 016) with one more, narrow way out: in a transaction that has run
-- `SET LOCAL samtal.audit_erasure = 'on'` (only erasure.repository does), an UPDATE may clear
-- the client address and nothing else: who, whom, what and when stay as they were.
CREATE OR REPLACE FUNCTION samtal_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('samtal.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  IF TG_OP = 'UPDATE' AND current_setting('samtal.audit_erasure', true) = 'on'
     AND NEW.ip IS NULL
     AND NEW.org_id = OLD.org_id AND NEW.id = OLD.id AND NEW.action = OLD.action
     AND NEW.subject_type = OLD.subject_type AND NEW.at = OLD.at
     AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id
     AND NEW.subject_id IS NOT DISTINCT FROM OLD.subject_id
     AND NEW.details = OLD.details THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Old entries are removed by the retention job only (decision 016).';
END
$$;
