-- With session_replication_role = replica (logical replication apply, and
-- what pg_restore --disable-triggers relies on), niaga's triggers do nothing
-- (SPEC §0): the rows arrive exactly as the origin wrote them.
\set VERBOSITY terse

INSERT INTO auth.users (id, email, password_hash) VALUES
    ('fe000000-0000-0000-0000-000000000001', 'r-user@example.test', 'x');
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('fe100000-0000-0000-0000-000000000001', NULL, 'R One', 'r-one'),
    ('fe100000-0000-0000-0000-000000000002', NULL, 'R Two', 'r-two'),
    ('fe100000-0000-0000-0000-000000000003', NULL, 'R Three', 'r-three');
INSERT INTO catalog.products (id, sku, name, slug, base_price, updated_at) VALUES
    ('fe200000-0000-0000-0000-000000000001', 'R-SKU-1', 'R Product', 'r-product', 10.00, '2001-02-03 04:05:06+00');
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('fe300000-0000-0000-0000-000000000001', 'fe000000-0000-0000-0000-000000000001', 'home', 'R', 'Jalan 1', 'Kuching', 'Sarawak', '93000', true);

-- None of niaga's triggers is ENABLE ALWAYS or ENABLE REPLICA: all of them
-- fire only when the role is origin (or local).
SELECT c.relnamespace::regnamespace AS schema, c.relname AS table_name, t.tgname, t.tgenabled
  FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
 WHERE NOT t.tgisinternal AND t.tgenabled <> 'O'
   AND c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
 ORDER BY 1, 2, 3;

SET session_replication_role = replica;
SHOW session_replication_role;

-- updated_at: the written value is kept, and an UPDATE that does not write
-- it leaves it alone.
UPDATE catalog.products SET name = 'R Product v2' WHERE sku = 'R-SKU-1';
SELECT name, updated_at = '2001-02-03 04:05:06+00' AS updated_at_untouched FROM catalog.products WHERE sku = 'R-SKU-1';
UPDATE catalog.products SET name = 'R Product v3', updated_at = '2002-03-04 05:06:07+00' WHERE sku = 'R-SKU-1';
SELECT name, updated_at = '2002-03-04 05:06:07+00' AS updated_at_as_written FROM catalog.products WHERE sku = 'R-SKU-1';

-- No price history.
UPDATE catalog.products SET base_price = 12.00 WHERE sku = 'R-SKU-1';
SELECT base_price, (SELECT count(*) FROM catalog.price_history WHERE product_id = 'fe200000-0000-0000-0000-000000000001') AS history_rows
  FROM catalog.products WHERE sku = 'R-SKU-1';

-- No cycle check: a cycle is stored as given.
UPDATE catalog.categories SET parent_id = 'fe100000-0000-0000-0000-000000000002' WHERE slug = 'r-one';
UPDATE catalog.categories SET parent_id = 'fe100000-0000-0000-0000-000000000001' WHERE slug = 'r-two';
SELECT slug, parent_id FROM catalog.categories WHERE slug LIKE 'r-%' ORDER BY slug;

-- No clearing of the old default address: a second default runs into the
-- unique index, which holds whatever the role.
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('fe300000-0000-0000-0000-000000000002', 'fe000000-0000-0000-0000-000000000001', 'office', 'R', 'Jalan 2', 'Miri', 'Sarawak', '98000', true);
\echo :LAST_ERROR_SQLSTATE
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('fe300000-0000-0000-0000-000000000002', 'fe000000-0000-0000-0000-000000000001', 'office', 'R', 'Jalan 2', 'Miri', 'Sarawak', '98000', false);
UPDATE crm.addresses SET is_default = false WHERE label = 'home' AND user_id = 'fe000000-0000-0000-0000-000000000001';
UPDATE crm.addresses SET is_default = true WHERE label = 'office' AND user_id = 'fe000000-0000-0000-0000-000000000001';
SELECT label, is_default FROM crm.addresses WHERE user_id = 'fe000000-0000-0000-0000-000000000001' ORDER BY label;

-- No verified-purchase check: the origin's flag is kept.
INSERT INTO catalog.product_reviews (product_id, user_id, rating, is_verified_purchase) VALUES
    ('fe200000-0000-0000-0000-000000000001', 'fe000000-0000-0000-0000-000000000001', 5, true);
SELECT rating, is_verified_purchase FROM catalog.product_reviews WHERE user_id = 'fe000000-0000-0000-0000-000000000001';

RESET session_replication_role;
SHOW session_replication_role;

-- Back to normal, every trigger works again.
BEGIN;
UPDATE catalog.products SET base_price = 13.00, updated_at = '2003-01-01 00:00:00+00' WHERE sku = 'R-SKU-1';
SELECT updated_at = now() AS updated_at_is_now,
       (SELECT count(*) FROM catalog.price_history WHERE product_id = 'fe200000-0000-0000-0000-000000000001') AS history_rows
  FROM catalog.products WHERE sku = 'R-SKU-1';
COMMIT;
UPDATE catalog.product_reviews SET product_id = product_id WHERE user_id = 'fe000000-0000-0000-0000-000000000001';
SELECT rating, is_verified_purchase FROM catalog.product_reviews WHERE user_id = 'fe000000-0000-0000-0000-000000000001';
UPDATE crm.addresses SET is_default = true WHERE label = 'home' AND user_id = 'fe000000-0000-0000-0000-000000000001';
SELECT label, is_default FROM crm.addresses WHERE user_id = 'fe000000-0000-0000-0000-000000000001' ORDER BY label;
-- The cycle stored under replica is reported (NG030) when r-three is moved
-- onto it, without looping forever,
UPDATE catalog.categories SET parent_id = 'fe100000-0000-0000-0000-000000000001' WHERE slug = 'r-three';
\echo :LAST_ERROR_SQLSTATE
-- and can be repaired by cutting it.
UPDATE catalog.categories SET parent_id = NULL WHERE slug = 'r-one';
UPDATE catalog.categories SET parent_id = 'fe100000-0000-0000-0000-000000000001' WHERE slug = 'r-three';
SELECT slug, parent_id FROM catalog.categories WHERE slug LIKE 'r-%' ORDER BY slug;

-- Clean up.
DELETE FROM catalog.product_reviews WHERE user_id = 'fe000000-0000-0000-0000-000000000001';
DELETE FROM catalog.price_history WHERE product_id = 'fe200000-0000-0000-0000-000000000001';
DELETE FROM catalog.products WHERE sku = 'R-SKU-1';
DELETE FROM catalog.categories WHERE slug LIKE 'r-%';
DELETE FROM auth.users WHERE email = 'r-user@example.test';
