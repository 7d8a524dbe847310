-- Events are append-only: no row is ever updated or deleted. Retention drops whole monthly
-- partitions (DROP/DETACH fires no row trigger), which stays possible.
CREATE FUNCTION opsledger_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_append_only
  BEFORE UPDATE OR DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION opsledger_events_append_only();
