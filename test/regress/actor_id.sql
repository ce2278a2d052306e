-- The setting niaga.actor_id (src/pg/settings.cpp) names the user on whose
-- behalf changes are made (price history changed_by, order status history
-- created_by). It takes a uuid or nothing; a bad value is refused with 22023
-- when it is SET. niaga's library is loaded by the first niaga function a
-- session runs, so the setting is checked here in fresh sessions (\connect),
-- before anything of niaga has run in them.
\set VERBOSITY terse
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('ac000000-0000-0000-0000-000000000001', 'AC-SKU-1', 'AC Product', 'ac-product', 10.00);

-- A good value set before the library is loaded is kept.
\connect
SET niaga.actor_id = 'ac100000-0000-0000-0000-000000000001';
UPDATE catalog.products SET base_price = 11.00 WHERE id = 'ac000000-0000-0000-0000-000000000001';
SHOW niaga.actor_id;
SELECT old_price, new_price, changed_by FROM catalog.price_history
 WHERE product_id = 'ac000000-0000-0000-0000-000000000001' ORDER BY new_price;

-- A bad value set before the library is loaded:
\connect
SET niaga.actor_id = 'junk';
\echo :LAST_ERROR_SQLSTATE
-- Before the library is loaded the value cannot be checked at SET time: when
-- the library loads, PostgreSQL drops it with a WARNING, and niaga refuses the
-- first change that needs the actor (22023) rather than record none.
UPDATE catalog.products SET base_price = 12.00 WHERE id = 'ac000000-0000-0000-0000-000000000001';
SHOW niaga.actor_id;
SELECT old_price, new_price, changed_by FROM catalog.price_history
 WHERE product_id = 'ac000000-0000-0000-0000-000000000001' ORDER BY new_price;

-- The same for SET LOCAL.
\connect
BEGIN;
SET LOCAL niaga.actor_id = 'not-a-uuid';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;

-- Clean up.
DELETE FROM catalog.products WHERE id = 'ac000000-0000-0000-0000-000000000001';
