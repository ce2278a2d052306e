-- Errors (SPEC §12): niaga's C++ code reports business errors with their
-- SQLSTATE and a message naming the values, refuses to run in ways it was not
-- written for with a clean error, and an error inside one of its triggers
-- leaves the session usable and nothing half done.
\set VERBOSITY terse

-- Runs a statement and says what happened: 'ok' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- niaga's library is loaded by its first function call. (That a SET before
-- this point is checked too is tested in actor_id.sql.)
SELECT niaga.version();

--
-- The setting niaga.actor_id takes a uuid or nothing.
--
SELECT pg_temp.error_of($$SET niaga.actor_id = 'junk'$$);
SELECT pg_temp.error_of($$SET niaga.actor_id = '12345'$$);
SELECT pg_temp.error_of($$SET niaga.actor_id = 'e0000000-0000-0000-0000-00000000000g'$$);
SHOW niaga.actor_id;
SET niaga.actor_id = 'e0000000-0000-0000-0000-000000000001';
SHOW niaga.actor_id;
-- A refused value leaves the previous one in place.
SELECT pg_temp.error_of($$SET niaga.actor_id = 'junk'$$);
SHOW niaga.actor_id;
SET niaga.actor_id = '';
SHOW niaga.actor_id;
RESET niaga.actor_id;
-- The niaga. prefix is reserved: a misspelt setting is refused, not kept.
SELECT pg_temp.error_of($$SET niaga.actor = 'e0000000-0000-0000-0000-000000000001'$$);
-- The session goes on.
SELECT 1 AS still_working;

--
-- NG030: a hierarchy cycle, with both ids in the message.
--
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('ce000000-0000-0000-0000-000000000001', NULL, 'E Top', 'e-top'),
    ('ce000000-0000-0000-0000-000000000002', 'ce000000-0000-0000-0000-000000000001', 'E Middle', 'e-middle'),
    ('ce000000-0000-0000-0000-000000000003', 'ce000000-0000-0000-0000-000000000002', 'E Bottom', 'e-bottom');
SELECT pg_temp.error_of($$
    UPDATE catalog.categories SET parent_id = 'ce000000-0000-0000-0000-000000000003' WHERE id = 'ce000000-0000-0000-0000-000000000001'
$$);
INSERT INTO auth.users (id, email, password_hash, role) VALUES
    ('ee000000-0000-0000-0000-000000000001', 'e-agent-1@example.test', 'x', 'agent'),
    ('ee000000-0000-0000-0000-000000000002', 'e-agent-2@example.test', 'x', 'agent');
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id) VALUES
    ('ea000000-0000-0000-0000-000000000001', 'ee000000-0000-0000-0000-000000000001', 'EA1', NULL),
    ('ea000000-0000-0000-0000-000000000002', 'ee000000-0000-0000-0000-000000000002', 'EA2', 'ea000000-0000-0000-0000-000000000001');
SELECT pg_temp.error_of($$
    UPDATE agent.agents SET parent_agent_id = 'ea000000-0000-0000-0000-000000000002' WHERE id = 'ea000000-0000-0000-0000-000000000001'
$$);
-- The same error as psql shows it; the transaction it happens in is over.
UPDATE agent.agents SET parent_agent_id = 'ea000000-0000-0000-0000-000000000002' WHERE agent_code = 'EA1';
\echo :LAST_ERROR_SQLSTATE

--
-- Trigger functions used in ways PostgreSQL allows but niaga does not:
-- a clean error (39P01 trigger protocol violated), never a crash.
--
SELECT pg_temp.error_of('SELECT niaga.set_updated_at()');
SELECT pg_temp.error_of('SELECT niaga.reject_hierarchy_cycle()');
SELECT pg_temp.error_of('SELECT catalog.record_price_change()');
SELECT pg_temp.error_of('SELECT catalog.verify_review_purchase()');
SELECT pg_temp.error_of('SELECT crm.clear_other_default_addresses()');
CREATE TEMP TABLE misuse (id uuid PRIMARY KEY, parent uuid, note text, updated_at timestamptz);
INSERT INTO misuse VALUES ('e1500000-0000-0000-0000-000000000001', NULL, 'a', '2000-01-01');
-- A BEFORE ... FOR EACH ROW function as an AFTER trigger or a statement trigger.
CREATE TRIGGER misuse_after AFTER UPDATE ON misuse FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
SELECT pg_temp.error_of($$UPDATE misuse SET note = 'b'$$);
DROP TRIGGER misuse_after ON misuse;
CREATE TRIGGER misuse_statement BEFORE UPDATE ON misuse FOR EACH STATEMENT EXECUTE FUNCTION niaga.set_updated_at();
SELECT pg_temp.error_of($$UPDATE misuse SET note = 'b'$$);
DROP TRIGGER misuse_statement ON misuse;
CREATE TRIGGER misuse_after AFTER INSERT ON misuse FOR EACH ROW
    EXECUTE FUNCTION niaga.reject_hierarchy_cycle('parent', 'misuse');
SELECT pg_temp.error_of($$INSERT INTO misuse VALUES ('e1500000-0000-0000-0000-000000000002', NULL, 'c', NULL)$$);
DROP TRIGGER misuse_after ON misuse;
CREATE TRIGGER misuse_after AFTER INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION crm.clear_other_default_addresses();
SELECT pg_temp.error_of($$INSERT INTO misuse VALUES ('e1500000-0000-0000-0000-000000000002', NULL, 'c', NULL)$$);
DROP TRIGGER misuse_after ON misuse;
-- The hierarchy trigger without its arguments, and on a table with no such column.
CREATE TRIGGER misuse_no_arguments BEFORE INSERT ON misuse FOR EACH ROW EXECUTE FUNCTION niaga.reject_hierarchy_cycle();
SELECT pg_temp.error_of($$INSERT INTO misuse VALUES ('e1500000-0000-0000-0000-000000000002', 'e1500000-0000-0000-0000-000000000001', 'c', NULL)$$);
DROP TRIGGER misuse_no_arguments ON misuse;
CREATE TRIGGER misuse_wrong_column BEFORE INSERT ON misuse FOR EACH ROW
    EXECUTE FUNCTION niaga.reject_hierarchy_cycle('parent_id', 'misuse');
SELECT pg_temp.error_of($$INSERT INTO misuse VALUES ('e1500000-0000-0000-0000-000000000002', 'e1500000-0000-0000-0000-000000000001', 'c', NULL)$$);
DROP TRIGGER misuse_wrong_column ON misuse;
-- set_updated_at on a table without updated_at.
CREATE TEMP TABLE misuse_no_timestamp (id uuid PRIMARY KEY, note text);
INSERT INTO misuse_no_timestamp VALUES ('e1500000-0000-0000-0000-000000000003', 'a');
CREATE TRIGGER misuse_set_updated_at BEFORE UPDATE ON misuse_no_timestamp FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
SELECT pg_temp.error_of($$UPDATE misuse_no_timestamp SET note = 'b'$$);
-- None of this changed a row.
SELECT id, parent, note, updated_at = '2000-01-01' AS updated_at_untouched FROM misuse ORDER BY id;
SELECT * FROM misuse_no_timestamp;
DROP TABLE misuse, misuse_no_timestamp;

--
-- An error inside a trigger inside a savepoint: rolled back to the savepoint,
-- and the session carries on.
--
BEGIN;
SELECT slug, parent_id FROM catalog.categories WHERE slug LIKE 'e-%' ORDER BY slug;
SAVEPOINT before_moves;
-- One statement, two rows: e-bottom to the top (legal) and e-top under
-- e-middle (a cycle). The statement fails as a whole.
UPDATE catalog.categories
   SET parent_id = CASE slug WHEN 'e-bottom' THEN NULL ELSE 'ce000000-0000-0000-0000-000000000002'::uuid END
 WHERE slug IN ('e-bottom', 'e-top');
\echo :LAST_ERROR_SQLSTATE
-- The transaction is aborted until it rolls back to the savepoint.
SELECT count(*) FROM catalog.categories;
ROLLBACK TO SAVEPOINT before_moves;
-- Nothing of the failed statement is left: e-bottom is still under e-middle.
SELECT slug, parent_id FROM catalog.categories WHERE slug LIKE 'e-%' ORDER BY slug;
-- The same trigger works again in the same transaction.
UPDATE catalog.categories SET parent_id = NULL WHERE slug = 'e-bottom';
SELECT slug, parent_id FROM catalog.categories WHERE slug LIKE 'e-%' ORDER BY slug;
COMMIT;
SELECT slug, parent_id FROM catalog.categories WHERE slug LIKE 'e-%' ORDER BY slug;

-- A PostgreSQL error raised below a niaga trigger (here by a test trigger on
-- catalog.price_history, which niaga's price trigger writes to) comes out
-- with its own SQLSTATE and message, and rolls back cleanly.
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('e2000000-0000-0000-0000-000000000001', 'E-SKU-1', 'E Product', 'e-product', 10.00);
BEGIN;
CREATE FUNCTION pg_temp.refuse_price_history() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'price history refused by the test' USING ERRCODE = 'U0001';
END
$$;
CREATE TRIGGER test_refuse BEFORE INSERT ON catalog.price_history
    FOR EACH ROW EXECUTE FUNCTION pg_temp.refuse_price_history();
SELECT count(*) AS history_rows FROM catalog.price_history WHERE product_id = 'e2000000-0000-0000-0000-000000000001';
SAVEPOINT before_price_change;
UPDATE catalog.products SET base_price = 12.00 WHERE id = 'e2000000-0000-0000-0000-000000000001';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK TO SAVEPOINT before_price_change;
SELECT pg_temp.error_of($$UPDATE catalog.products SET base_price = 12.00 WHERE id = 'e2000000-0000-0000-0000-000000000001'$$);
-- The price did not change and no history row was written.
SELECT base_price FROM catalog.products WHERE id = 'e2000000-0000-0000-0000-000000000001';
SELECT count(*) AS history_rows FROM catalog.price_history WHERE product_id = 'e2000000-0000-0000-0000-000000000001';
DROP TRIGGER test_refuse ON catalog.price_history;
-- Without the test trigger the same change goes through, with its history row.
UPDATE catalog.products SET base_price = 12.00 WHERE id = 'e2000000-0000-0000-0000-000000000001';
SELECT old_price, new_price FROM catalog.price_history WHERE product_id = 'e2000000-0000-0000-0000-000000000001';
COMMIT;
SELECT base_price FROM catalog.products WHERE id = 'e2000000-0000-0000-0000-000000000001';

-- Clean up.
DELETE FROM catalog.products WHERE id = 'e2000000-0000-0000-0000-000000000001';
DELETE FROM agent.agents WHERE agent_code LIKE 'EA%';
DELETE FROM auth.users WHERE email LIKE 'e-agent-%@example.test';
DELETE FROM catalog.categories WHERE slug LIKE 'e-%';
