-- Decision 016: trust in who did what.
--
-- 1. The audit log is append-only in the database itself: UPDATE, DELETE and TRUNCATE of
--    audit_events are refused, whoever asks. The one way out is for retention: a DELETE in a
--    transaction that has run `SET LOCAL samtal.audit_retention = 'on'` (only
--    auditRepository.deleteOlderThan does that; nothing in Samtal updates an entry).
CREATE FUNCTION samtal_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND current_setting('samtal.audit_retention', true) = 'on' THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_events is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege',
          HINT = 'Old entries are removed by the retention job only (decision 016).';
END
$$;--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION samtal_audit_append_only();--> statement-breakpoint
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
  FOR EACH STATEMENT EXECUTE FUNCTION samtal_audit_append_only();--> statement-breakpoint
-- 2. Who has signed in before, and with which address: from the sessions they have (a person
--    with a password has set it themself, through a link, so their address is theirs).
UPDATE people p SET last_signed_in_at = s.last
  FROM (SELECT org_id, person_id, max(created_at) AS last FROM sessions GROUP BY org_id, person_id) s
  WHERE p.org_id = s.org_id AND p.id = s.person_id;--> statement-breakpoint
UPDATE people SET recovery_email = email
  WHERE password_hash IS NOT NULL OR last_signed_in_at IS NOT NULL;--> statement-breakpoint
-- 3. Links made before this change were handed to HR whoever they were for: those for people
--    who already have a password, or have signed in, are void.
DELETE FROM password_tokens t USING people p
  WHERE t.org_id = p.org_id AND t.person_id = p.id AND t.used_at IS NULL
    AND (p.password_hash IS NOT NULL OR p.last_signed_in_at IS NOT NULL);
