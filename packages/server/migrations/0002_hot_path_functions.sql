-- Resolving the session cookie happens on every request. As a PL/pgSQL function its query plans are
-- cached per connection (planning the joins and row-level-security predicates cost more than running
-- them). SECURITY INVOKER: it runs as the caller (undercurrent_app), so row-level security applies.
CREATE FUNCTION app_resolve_session(p_token_hash bytea)
  RETURNS TABLE (
    id uuid, user_id uuid, stage text, created_at timestamptz, absolute_expires_at timestamptz,
    idle_minutes integer, idle_expired boolean, absolute_expired boolean, display_name text, email text,
    status text, is_demo boolean, roles text[])
  LANGUAGE plpgsql SECURITY INVOKER
AS $$
DECLARE
  r record;
BEGIN
  SELECT s.id, s.user_id, s.stage, s.created_at, s.absolute_expires_at, s.idle_minutes,
         s.last_seen_at < now() - make_interval(mins => s.idle_minutes) AS idle_expired,
         s.absolute_expires_at <= now() AS absolute_expired,
         s.last_seen_at < now() - interval '15 seconds' AS stale,
         u.display_name, u.email, u.status, u.is_demo,
         (SELECT array_agg(m.role ORDER BY m.role) FROM memberships m
           WHERE m.practice_id = s.practice_id AND m.user_id = s.user_id) AS roles
    INTO r
    FROM sessions s JOIN users u ON u.practice_id = s.practice_id AND u.id = s.user_id
   WHERE s.token_hash = p_token_hash AND s.revoked_at IS NULL;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  IF r.stale AND NOT r.idle_expired AND NOT r.absolute_expired AND r.status = 'active' THEN
    -- At most one request refreshes a session at a time; concurrent ones skip rather than queue on the row.
    UPDATE sessions SET last_seen_at = now()
     WHERE sessions.id IN (SELECT ss.id FROM sessions ss
                            WHERE ss.id = r.id AND ss.last_seen_at < now() - interval '15 seconds'
                              FOR UPDATE SKIP LOCKED);
  END IF;
  RETURN QUERY SELECT r.id, r.user_id, r.stage, r.created_at, r.absolute_expires_at, r.idle_minutes,
    r.idle_expired, r.absolute_expired, r.display_name, r.email, r.status, r.is_demo, r.roles;
END
$$;

GRANT EXECUTE ON FUNCTION app_resolve_session(bytea) TO undercurrent_app;

-- Recording a request's audit events, called in the same round trip as COMMIT. PL/pgSQL caches the
-- insert's plan per connection. When the request's own work wrote nothing (no transaction id assigned
-- yet), the commit of its audit rows is asynchronous (see READ_AUDIT_COMMIT in access-layer.ts).
CREATE FUNCTION app_record_audit(p_events jsonb) RETURNS void
  LANGUAGE plpgsql SECURITY INVOKER
AS $$
BEGIN
  IF pg_current_xact_id_if_assigned() IS NULL THEN
    PERFORM set_config('synchronous_commit', 'off', true);
  END IF;
  INSERT INTO audit_events (practice_id, actor_user_id, actor_role, action, outcome, subject_type, subject_id,
                            subject_user_id, ip, request_id, details)
  SELECT e.practice_id, e.actor_user_id, e.actor_role, e.action, e.outcome, e.subject_type, e.subject_id,
         e.subject_user_id, e.ip, e.request_id, coalesce(e.details, '{}'::jsonb)
    FROM jsonb_to_recordset(p_events) AS e(practice_id uuid, actor_user_id uuid, actor_role text, action text,
         outcome text, subject_type text, subject_id text, subject_user_id uuid, ip text, request_id text,
         details jsonb);
END
$$;

GRANT EXECUTE ON FUNCTION app_record_audit(jsonb) TO undercurrent_app;
