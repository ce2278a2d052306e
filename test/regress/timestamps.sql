-- updated_at (SPEC §1): created_at and updated_at default to now(), and a
-- trigger keeps updated_at current on every table that has it: an UPDATE
-- sets it to now() (the transaction's start) whatever the client writes.
\set VERBOSITY terse

-- Every niaga table with an updated_at column has the BEFORE UPDATE row
-- trigger niaga.set_updated_at(); none is missing it.
SELECT count(*) AS tables_with_updated_at
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE a.attname = 'updated_at' AND NOT a.attisdropped AND c.relkind = 'r'
   AND c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent');
SELECT c.relnamespace::regnamespace AS schema, c.relname AS table_without_trigger
  FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE a.attname = 'updated_at' AND NOT a.attisdropped AND c.relkind = 'r'
   AND c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
   AND NOT EXISTS (
       SELECT 1 FROM pg_trigger t
        WHERE t.tgrelid = c.oid AND t.tgfoid = 'niaga.set_updated_at()'::regprocedure AND t.tgenabled = 'O'
          -- row-level (1), BEFORE (2), UPDATE (16)
          AND t.tgtype & (1 | 2 | 16) = (1 | 2 | 16))
 ORDER BY 1, 2;

-- On INSERT both default to now().
BEGIN;
INSERT INTO auth.users (id, email, password_hash) VALUES
    ('d1000000-0000-0000-0000-000000000001', 't-user@example.test', 'x');
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('d1100000-0000-0000-0000-000000000001', 'T-SKU-1', 'T Product', 't-product', 5.00);
INSERT INTO inventory.warehouses (id, code, name) VALUES
    ('d1200000-0000-0000-0000-000000000001', 'T-WH', 'T Warehouse');
SELECT created_at = now() AS created_now, updated_at = now() AS updated_now FROM auth.users WHERE email = 't-user@example.test';
COMMIT;

-- Make the stored values old, with the trigger off, so that changes show.
SET session_replication_role = replica;
UPDATE auth.users SET created_at = '2000-01-01 00:00:00+00', updated_at = '2000-01-01 00:00:00+00'
 WHERE email = 't-user@example.test';
UPDATE catalog.products SET created_at = '2000-01-01 00:00:00+00', updated_at = '2000-01-01 00:00:00+00'
 WHERE sku = 'T-SKU-1';
UPDATE inventory.warehouses SET created_at = '2000-01-01 00:00:00+00', updated_at = '2000-01-01 00:00:00+00'
 WHERE code = 'T-WH';
RESET session_replication_role;

BEGIN;
-- An update that does not mention updated_at sets it to now().
UPDATE auth.users SET first_name = 'Tan' WHERE email = 't-user@example.test';
-- One that writes another value (past or future) gets now() all the same.
UPDATE catalog.products SET name = 'T Product 2', updated_at = '1999-12-31 00:00:00+00' WHERE sku = 'T-SKU-1';
UPDATE inventory.warehouses SET name = 'T Warehouse 2', updated_at = now() + interval '1 day' WHERE code = 'T-WH';
SELECT 'auth.users' AS table_name, updated_at = now() AS updated_now, created_at = '2000-01-01 00:00:00+00' AS created_kept
  FROM auth.users WHERE email = 't-user@example.test'
UNION ALL
SELECT 'catalog.products', updated_at = now(), created_at = '2000-01-01 00:00:00+00'
  FROM catalog.products WHERE sku = 'T-SKU-1'
UNION ALL
SELECT 'inventory.warehouses', updated_at = now(), created_at = '2000-01-01 00:00:00+00'
  FROM inventory.warehouses WHERE code = 'T-WH';
-- Even setting it to NULL (the column is NOT NULL) gives now().
UPDATE auth.users SET updated_at = NULL WHERE email = 't-user@example.test';
SELECT updated_at = now() AS updated_now FROM auth.users WHERE email = 't-user@example.test';
COMMIT;

-- A later transaction moves it on.
SELECT updated_at AS first_update FROM auth.users WHERE email = 't-user@example.test' \gset
UPDATE auth.users SET last_name = 'Wei' WHERE email = 't-user@example.test';
SELECT updated_at > :'first_update'::timestamptz AS moved_on FROM auth.users WHERE email = 't-user@example.test';

-- Clean up.
DELETE FROM inventory.warehouses WHERE code = 'T-WH';
DELETE FROM catalog.products WHERE sku = 'T-SKU-1';
DELETE FROM auth.users WHERE email = 't-user@example.test';
