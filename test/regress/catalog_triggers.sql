-- catalog triggers (SPEC §1): catalog.price_history gets a row per change of
-- a product's base_price or a variant's price, with changed_by from the
-- setting niaga.actor_id; a review's is_verified_purchase is true exactly
-- when its author has a delivered order with the product.
\set VERBOSITY terse

INSERT INTO auth.users (id, email, password_hash, role) VALUES
    ('cc000000-0000-0000-0000-000000000001', 'c-admin@example.test', 'x', 'admin'),
    ('cc000000-0000-0000-0000-000000000002', 'c-buyer@example.test', 'x', 'customer'),
    ('cc000000-0000-0000-0000-000000000003', 'c-browser@example.test', 'x', 'customer');
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('cd000000-0000-0000-0000-000000000001', 'C-SKU-1', 'C Kettle', 'c-kettle', 100.00),
    ('cd000000-0000-0000-0000-000000000002', 'C-SKU-2', 'C Teapot', 'c-teapot', 40.00),
    ('cd000000-0000-0000-0000-000000000003', 'C-SKU-3', 'C Cups', 'c-cups', 25.00);
INSERT INTO catalog.product_variants (id, product_id, sku, name, price) VALUES
    ('cf000000-0000-0000-0000-000000000001', 'cd000000-0000-0000-0000-000000000001', 'C-SKU-1-RED', 'Red', 120.00),
    ('cf000000-0000-0000-0000-000000000002', 'cd000000-0000-0000-0000-000000000001', 'C-SKU-1-BLUE', 'Blue', NULL);

-- The test's price history, oldest first.
CREATE FUNCTION pg_temp.history() RETURNS TABLE (product text, variant text, old_price numeric, new_price numeric, changed_by uuid)
LANGUAGE sql AS $$
    SELECT p.sku, v.sku, h.old_price, h.new_price, h.changed_by
      FROM catalog.price_history h
      JOIN catalog.products p ON p.id = h.product_id
      LEFT JOIN catalog.product_variants v ON v.id = h.variant_id
     WHERE p.sku LIKE 'C-SKU-%'
     ORDER BY h.created_at, p.sku, v.sku
$$;

-- Inserting products and variants writes no history.
SELECT * FROM pg_temp.history();

--
-- Price history.
--
-- Without niaga.actor_id, changed_by is NULL.
UPDATE catalog.products SET base_price = 90.00 WHERE sku = 'C-SKU-1';
SELECT * FROM pg_temp.history();
-- With it, changed_by is that user.
SET niaga.actor_id = 'cc000000-0000-0000-0000-000000000001';
UPDATE catalog.products SET base_price = 95.50 WHERE sku = 'C-SKU-1';
SELECT * FROM pg_temp.history();
-- No change, no row: the same price (also written differently), or another column.
UPDATE catalog.products SET base_price = 95.50 WHERE sku = 'C-SKU-1';
UPDATE catalog.products SET base_price = 95.5 WHERE sku = 'C-SKU-1';
UPDATE catalog.products SET name = 'C Kettle 2L', compare_price = 120.00 WHERE sku = 'C-SKU-1';
SELECT count(*) AS history_rows FROM pg_temp.history();
-- A variant's price: its row names the variant and its product.
UPDATE catalog.product_variants SET price = 110.00 WHERE sku = 'C-SKU-1-RED';
-- A variant without a price of its own gets one, and loses it again.
UPDATE catalog.product_variants SET price = 99.00 WHERE sku = 'C-SKU-1-BLUE';
UPDATE catalog.product_variants SET price = NULL WHERE sku = 'C-SKU-1-BLUE';
-- Not a price change: NULL to NULL, another column.
UPDATE catalog.product_variants SET price = NULL WHERE sku = 'C-SKU-1-BLUE';
UPDATE catalog.product_variants SET name = 'Crimson' WHERE sku = 'C-SKU-1-RED';
SELECT * FROM pg_temp.history();
-- One statement, several rows: one history row each, except where the price
-- stays the same.
RESET niaga.actor_id;
UPDATE catalog.products SET base_price = CASE sku WHEN 'C-SKU-3' THEN 25.00 ELSE base_price + 1 END
 WHERE sku IN ('C-SKU-2', 'C-SKU-3');
SELECT * FROM pg_temp.history() WHERE product <> 'C-SKU-1';
-- A change that rolls back leaves no history.
BEGIN;
UPDATE catalog.products SET base_price = 1.00 WHERE sku = 'C-SKU-2';
SELECT count(*) AS history_rows_inside FROM pg_temp.history();
ROLLBACK;
SELECT count(*) AS history_rows FROM pg_temp.history();

--
-- Verified purchase. An order is inserted directly, already delivered: new
-- orders start pending, so the fixture rows are written with niaga's
-- triggers off (replica mode), as a restore would write them.
--
BEGIN;
SET LOCAL session_replication_role = replica;
INSERT INTO sales.orders (id, order_number, user_id, status, subtotal, total, delivered_at) VALUES
    ('c0000000-0000-0000-0000-000000000001', 'ORD-TEST-000001', 'cc000000-0000-0000-0000-000000000002', 'delivered',
     125.00, 125.00, now());
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price, total_price) VALUES
    ('c0000000-0000-0000-0000-000000000001', 'cd000000-0000-0000-0000-000000000001', 'C-SKU-1', 'C Kettle', 1, 100.00, 100.00),
    ('c0000000-0000-0000-0000-000000000001', 'cd000000-0000-0000-0000-000000000003', 'C-SKU-3', 'C Cups', 1, 25.00, 25.00);
-- A pending order of the other customer, with the teapot.
INSERT INTO sales.orders (id, order_number, user_id, status, subtotal, total) VALUES
    ('c0000000-0000-0000-0000-000000000002', 'ORD-TEST-000002', 'cc000000-0000-0000-0000-000000000003', 'pending',
     80.00, 80.00);
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price, total_price) VALUES
    ('c0000000-0000-0000-0000-000000000002', 'cd000000-0000-0000-0000-000000000002', 'C-SKU-2', 'C Teapot', 2, 40.00, 80.00);
SET LOCAL session_replication_role = origin;

-- The buyer reviews the kettle it received: verified.
INSERT INTO catalog.product_reviews (product_id, user_id, rating, title) VALUES
    ('cd000000-0000-0000-0000-000000000001', 'cc000000-0000-0000-0000-000000000002', 5, 'Boils fast');
-- The buyer reviews the teapot it never ordered: not verified, even when the
-- client claims it is.
INSERT INTO catalog.product_reviews (product_id, user_id, rating, title, is_verified_purchase) VALUES
    ('cd000000-0000-0000-0000-000000000002', 'cc000000-0000-0000-0000-000000000002', 2, 'Looks leaky', true);
-- The browser's teapot order is only pending: not verified.
INSERT INTO catalog.product_reviews (product_id, user_id, rating, title) VALUES
    ('cd000000-0000-0000-0000-000000000002', 'cc000000-0000-0000-0000-000000000003', 4, 'Pretty');
-- The browser never ordered the kettle.
INSERT INTO catalog.product_reviews (product_id, user_id, rating, title, is_verified_purchase) VALUES
    ('cd000000-0000-0000-0000-000000000001', 'cc000000-0000-0000-0000-000000000003', 1, 'Too loud', true);

CREATE FUNCTION pg_temp.reviews() RETURNS TABLE (product text, author text, rating smallint, is_verified_purchase boolean)
LANGUAGE sql AS $$
    SELECT p.sku, u.email, r.rating, r.is_verified_purchase
      FROM catalog.product_reviews r
      JOIN catalog.products p ON p.id = r.product_id
      JOIN auth.users u ON u.id = r.user_id
     WHERE p.sku LIKE 'C-SKU-%'
     ORDER BY p.sku, u.email
$$;
SELECT * FROM pg_temp.reviews();

-- Moving a review to another product checks again: the buyer's teapot review
-- becomes a review of the cups it received (verified), the kettle review of
-- the browser moves to the cups it never ordered (still not verified).
UPDATE catalog.product_reviews SET product_id = 'cd000000-0000-0000-0000-000000000003'
 WHERE product_id = 'cd000000-0000-0000-0000-000000000002' AND user_id = 'cc000000-0000-0000-0000-000000000002';
UPDATE catalog.product_reviews SET product_id = 'cd000000-0000-0000-0000-000000000003'
 WHERE product_id = 'cd000000-0000-0000-0000-000000000001' AND user_id = 'cc000000-0000-0000-0000-000000000003';
SELECT * FROM pg_temp.reviews();

-- A client cannot mark a review verified by hand, nor unmark a verified one.
UPDATE catalog.product_reviews SET is_verified_purchase = true
 WHERE user_id = 'cc000000-0000-0000-0000-000000000003';
UPDATE catalog.product_reviews SET is_verified_purchase = false, rating = 4
 WHERE user_id = 'cc000000-0000-0000-0000-000000000002' AND product_id = 'cd000000-0000-0000-0000-000000000001';
SELECT * FROM pg_temp.reviews();
-- (The orders stay out of the database: orders are never deleted.)
ROLLBACK;

-- Clean up.
DELETE FROM catalog.price_history WHERE product_id IN (SELECT id FROM catalog.products WHERE sku LIKE 'C-SKU-%');
DELETE FROM catalog.product_variants WHERE sku LIKE 'C-SKU-%';
DELETE FROM catalog.products WHERE sku LIKE 'C-SKU-%';
DELETE FROM auth.users WHERE email LIKE 'c-%@example.test';
