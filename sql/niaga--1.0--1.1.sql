-- niaga 1.0 → 1.1, run by ALTER EXTENSION niaga UPDATE.
\echo Use "ALTER EXTENSION niaga UPDATE TO '1.1'" to load this file. \quit

-- Written by hand, never generated. Everyone who changes an SQL object in
-- the sql/NN_*.sql parts while 1.1 is the current version appends the same
-- change here, so that a 1.0 database updated with this script ends equal
-- to a fresh CREATE EXTENSION niaga of 1.1: same objects, same definitions,
-- same privileges and comments, data kept. The suite `upgrade`
-- (scripts/test.sh upgrade) compares the two and fails until it does.
--
-- How to write a change here:
-- - A new object: the same statement as in its part (CREATE FUNCTION,
--   CREATE TABLE … plus pg_extension_config_dump for a table or sequence
--   of user data, COMMENT ON, the GRANTs of 90_security.sql).
-- - A changed function body or attribute: CREATE OR REPLACE FUNCTION (or
--   ALTER FUNCTION), then the SECURITY DEFINER / search_path of
--   90_security.sql and its grants if the function is new.
-- - A changed table: ALTER TABLE … with the column, default, check and
--   index written as the part writes them (the suite diffs their
--   definitions), and an UPDATE for existing rows when a new rule needs one.
-- - A C function keeps its symbol in niaga.so forever: 1.0's install script
--   names them all, and an old database calls them until it is updated.
-- - Never edit sql/released/*.sql: they are what released versions ran.
-- Changes append in the order they landed; each with a line saying why.

-- ---------------------------------------------------------------------------
-- 1.1: niaga_scheduler, the least-privilege role for scheduled jobs (pg_cron
-- runs a job as the role that scheduled it). It may call the two functions
-- that are meant to run on a timer, and nothing else.
-- ---------------------------------------------------------------------------
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'niaga_scheduler') THEN
        CREATE ROLE niaga_scheduler NOLOGIN;
    END IF;
END
$$;
GRANT USAGE ON SCHEMA sales, agent TO niaga_scheduler;
GRANT EXECUTE ON FUNCTION sales.expire_pending_orders(interval), agent.close_targets(date) TO niaga_scheduler;
