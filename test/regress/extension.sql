-- The extension itself (SPEC §0, §1, §11): version, its 41 tables in six
-- schemas, everything registered for pg_dump, nothing granted to PUBLIC on
-- its schemas, and DROP EXTENSION ... CASCADE / CREATE EXTENSION round trip.
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

SELECT niaga.version();
SELECT extname, extversion, extrelocatable FROM pg_extension WHERE extname = 'niaga';

-- 41 tables, in these schemas.
SELECT count(*) AS tables FROM information_schema.tables
 WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent') AND table_type = 'BASE TABLE';
SELECT table_schema, count(*) AS tables FROM information_schema.tables
 WHERE table_schema IN ('niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent') AND table_type = 'BASE TABLE'
 GROUP BY table_schema ORDER BY table_schema;
-- All of them belong to the extension, and each is registered with
-- pg_extension_config_dump, as is each sequence.
SELECT c.relkind, count(*) AS members,
       count(*) FILTER (WHERE c.oid = ANY (e.extconfig)) AS dumped_as_config
  FROM pg_depend d
  JOIN pg_extension e ON e.oid = d.refobjid
  JOIN pg_class c ON c.oid = d.objid
 WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
   AND e.extname = 'niaga' AND c.relkind IN ('r', 'S')
 GROUP BY c.relkind ORDER BY c.relkind;
-- Every foreign key has an index that starts with its columns.
SELECT con.conrelid::regclass AS table_name, con.conname AS foreign_key_without_index
  FROM pg_constraint con
 WHERE con.contype = 'f'
   AND con.connamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
   AND NOT EXISTS (
       SELECT 1 FROM pg_index i
        WHERE i.indrelid = con.conrelid
          AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] @> con.conkey
          AND (i.indkey::int2[])[0:cardinality(con.conkey) - 1] <@ con.conkey)
 ORDER BY 1, 2;

-- PUBLIC has no privilege on niaga's schemas: a role that was granted
-- nothing can neither use nor create in them, nor read a table.
CREATE ROLE niaga_regress_nobody NOLOGIN;
SELECT s AS schema_name,
       has_schema_privilege('niaga_regress_nobody', s, 'USAGE') AS usage,
       has_schema_privilege('niaga_regress_nobody', s, 'CREATE') AS "create",
       has_schema_privilege('public', s, 'USAGE') AS public_usage
  FROM unnest(ARRAY['niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent']) AS s
 ORDER BY s;
SELECT count(*) AS tables_readable_by_nobody
  FROM pg_class c
 WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
   AND c.relkind = 'r' AND has_table_privilege('niaga_regress_nobody', c.oid, 'SELECT');
SET ROLE niaga_regress_nobody;
SELECT pg_temp.error_of('SELECT niaga.version()');
SELECT pg_temp.error_of('SELECT count(*) FROM auth.users');
SELECT pg_temp.error_of('CREATE TABLE catalog.intruder (id int)');
RESET ROLE;
DROP ROLE niaga_regress_nobody;

-- Some rows, so that the drop has data to take with it.
INSERT INTO auth.users (id, email, password_hash) VALUES
    ('e1000000-0000-0000-0000-000000000001', 'x-user@example.test', 'x');
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('e1100000-0000-0000-0000-000000000001', NULL, 'X Top', 'x-top'),
    ('e1100000-0000-0000-0000-000000000002', 'e1100000-0000-0000-0000-000000000001', 'X Below', 'x-below');
-- Run niaga's triggers once in this session before the drop, so that the
-- statements they prepare are cached when the tables go away.
SELECT pg_temp.error_of($$
    UPDATE catalog.categories SET parent_id = 'e1100000-0000-0000-0000-000000000002' WHERE slug = 'x-top'
$$);

-- DROP EXTENSION ... CASCADE removes everything it created.
DROP EXTENSION niaga CASCADE;
SELECT count(*) AS niaga_schemas_left FROM pg_namespace
 WHERE nspname IN ('niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent');
SELECT count(*) AS niaga_functions_left FROM pg_proc WHERE probin LIKE '%niaga%';

-- CREATE EXTENSION again works and gives the same 41 empty tables.
CREATE EXTENSION niaga;
SELECT niaga.version();
SELECT count(*) AS tables FROM information_schema.tables
 WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent') AND table_type = 'BASE TABLE';
SELECT count(*) AS users FROM auth.users;

-- The triggers work on the new tables in the same session.
INSERT INTO auth.users (id, email, password_hash) VALUES
    ('e1000000-0000-0000-0000-000000000001', 'x-user@example.test', 'x');
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('e1100000-0000-0000-0000-000000000001', NULL, 'X Top', 'x-top'),
    ('e1100000-0000-0000-0000-000000000002', 'e1100000-0000-0000-0000-000000000001', 'X Below', 'x-below');
SELECT pg_temp.error_of($$
    UPDATE catalog.categories SET parent_id = 'e1100000-0000-0000-0000-000000000002' WHERE slug = 'x-top'
$$);
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('e1200000-0000-0000-0000-000000000001', 'e1000000-0000-0000-0000-000000000001', 'a', 'X', 'Jalan 1', 'Kota Bharu', 'Kelantan', '15000', true),
    ('e1200000-0000-0000-0000-000000000002', 'e1000000-0000-0000-0000-000000000001', 'b', 'X', 'Jalan 2', 'Kota Bharu', 'Kelantan', '15000', true);
SELECT label, is_default FROM crm.addresses ORDER BY label;
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('e1300000-0000-0000-0000-000000000001', 'X-SKU-1', 'X Product', 'x-product', 10.00);
UPDATE catalog.products SET base_price = 11.00 WHERE sku = 'X-SKU-1';
SELECT old_price, new_price FROM catalog.price_history;

-- Clean up.
DELETE FROM catalog.price_history WHERE product_id = 'e1300000-0000-0000-0000-000000000001';
DELETE FROM catalog.products WHERE sku = 'X-SKU-1';
DELETE FROM auth.users WHERE email = 'x-user@example.test';
DELETE FROM catalog.categories WHERE slug LIKE 'x-%';
