-- Cart and checkout (SPEC §6, with §3, §4, §5, §7): sales.add_to_cart,
-- sales.place_order (atomic; a double submit returns the first order and
-- creates nothing; any failure leaves nothing behind) and
-- sales.expire_pending_orders.
--
-- Ids of this file: uuids 4c0000NN-…, codes CKO-…. The whole test runs in one
-- transaction that is rolled back at the end, so it leaves no rows behind in
-- the shared regression database; ON_ERROR_ROLLBACK lets a statement fail
-- (its SQLSTATE is echoed after it) without ending the transaction.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

-- An active default tax rate and warehouses left by other tests would take
-- part here: retire them for the length of this transaction.
UPDATE sales.tax_rates SET is_default = false WHERE is_default AND is_active;
UPDATE inventory.warehouses SET is_active = false WHERE is_active AND code NOT LIKE 'CKO-%';

-- Runs a statement and says what happened: 'ok' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.try(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- ---------------------------------------------------------------------------
-- Fixture.
-- ---------------------------------------------------------------------------

INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default) VALUES
    ('4c000007-0000-4000-8000-000000000001', 'CKO-SST', 'Checkout SST 6%', 6.00, false, true);
INSERT INTO auth.users (id, email, password_hash, first_name, role) VALUES
    ('4c000001-0000-4000-8000-000000000001', 'cko-ahmad@example.com', 'x', 'Ahmad', 'customer'),
    ('4c000001-0000-4000-8000-000000000002', 'cko-mei@example.com', 'x', 'Mei', 'customer'),
    ('4c000001-0000-4000-8000-000000000003', 'cko-agent@example.com', 'x', 'Agent', 'agent'),
    ('4c000001-0000-4000-8000-000000000004', 'cko-agent2@example.com', 'x', 'Agent2', 'agent');
INSERT INTO agent.agents (id, user_id, agent_code, commission_rate, is_active) VALUES
    ('4c000008-0000-4000-8000-000000000001', '4c000001-0000-4000-8000-000000000003', 'CKO-AG1', 5.00, true),
    ('4c000008-0000-4000-8000-000000000002', '4c000001-0000-4000-8000-000000000004', 'CKO-AG-OFF', 5.00, false);
INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('4c000002-0000-4000-8000-000000000001', 'CKO-W1', 'Checkout first choice', 1),
    ('4c000002-0000-4000-8000-000000000002', 'CKO-W2', 'Checkout second choice', 2);
INSERT INTO catalog.products (id, sku, name, slug, base_price, has_variants, is_active, deleted_at) VALUES
    ('4c000003-0000-4000-8000-000000000001', 'CKO-P1', 'Kopi', 'cko-kopi', 12.50, false, true, NULL),
    ('4c000003-0000-4000-8000-000000000002', 'CKO-P2', 'Baju', 'cko-baju', 40.00, true, true, NULL),
    ('4c000003-0000-4000-8000-000000000003', 'CKO-P3', 'Dodol', 'cko-dodol', 5.00, false, false, NULL),
    ('4c000003-0000-4000-8000-000000000004', 'CKO-P4', 'Kuih', 'cko-kuih', 5.00, false, true, now()),
    ('4c000003-0000-4000-8000-000000000005', 'CKO-P5', 'Sambal', 'cko-sambal', 8.00, false, true, NULL);
INSERT INTO catalog.product_variants (id, product_id, sku, name, price, is_active, deleted_at) VALUES
    ('4c000004-0000-4000-8000-000000000001', '4c000003-0000-4000-8000-000000000002', 'CKO-P2-M', 'M', 45.00, true, NULL),
    ('4c000004-0000-4000-8000-000000000002', '4c000003-0000-4000-8000-000000000002', 'CKO-P2-L', 'L', NULL, true, NULL),
    ('4c000004-0000-4000-8000-000000000003', '4c000003-0000-4000-8000-000000000002', 'CKO-P2-XL', 'XL', 50.00, false, NULL),
    ('4c000004-0000-4000-8000-000000000004', '4c000003-0000-4000-8000-000000000002', 'CKO-P2-S', 'S', 35.00, true, now());
-- CKO-W1: 10 CKO-P1, 5 M, 5 L. CKO-W2: 50 CKO-P1, 20 M, 20 L, 30 CKO-P5.
SELECT count(inventory.receive_stock(w, p, v, q)) AS stock_items
FROM (VALUES
    ('4c000002-0000-4000-8000-000000000001'::uuid, '4c000003-0000-4000-8000-000000000001'::uuid, NULL::uuid, 10),
    ('4c000002-0000-4000-8000-000000000001', '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000001', 5),
    ('4c000002-0000-4000-8000-000000000001', '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000002', 5),
    ('4c000002-0000-4000-8000-000000000002', '4c000003-0000-4000-8000-000000000001', NULL, 50),
    ('4c000002-0000-4000-8000-000000000002', '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000001', 20),
    ('4c000002-0000-4000-8000-000000000002', '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000002', 20),
    ('4c000002-0000-4000-8000-000000000002', '4c000003-0000-4000-8000-000000000005', NULL, 30)) AS s (w, p, v, q);
INSERT INTO sales.shipping_methods (code, name, base_cost, free_shipping_threshold, is_active) VALUES
    ('cko-std', 'Checkout standard', 8.00, 150.00, true),
    ('cko-off', 'Checkout suspended', 3.00, NULL, false);
INSERT INTO sales.coupons (id, code, type, value, min_order_amount, max_discount, usage_limit, per_customer_limit,
                           starts_at, expires_at) VALUES
    ('4c000005-0000-4000-8000-000000000001', 'CKO-10', 'percentage', 10, NULL, 20.00, NULL, NULL, NULL, NULL),
    ('4c000005-0000-4000-8000-000000000002', 'CKO-MIN500', 'fixed', 10.00, 500.00, NULL, NULL, NULL, NULL, NULL),
    ('4c000005-0000-4000-8000-000000000003', 'CKO-OLD', 'fixed', 10.00, NULL, NULL, NULL, NULL,
     now() - interval '10 days', now() - interval '1 day'),
    ('4c000005-0000-4000-8000-000000000004', 'CKO-ONCE', 'fixed', 3.00, NULL, NULL, 1, NULL, NULL, NULL),
    ('4c000005-0000-4000-8000-000000000005', 'CKO-PER1', 'fixed', 3.00, NULL, NULL, NULL, 1, NULL, NULL),
    ('4c000005-0000-4000-8000-000000000006', 'CKO-5', 'fixed', 5.00, NULL, NULL, NULL, NULL, NULL, NULL);

-- Carts 4c000020-…-0000000000NN, shown as NN.
CREATE FUNCTION pg_temp.k(n int) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$ SELECT ('4c000020-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid $$;
INSERT INTO sales.carts (id, user_id, session_id, expires_at)
SELECT pg_temp.k(n), CASE WHEN n = 7 THEN NULL WHEN n IN (8, 12) THEN '4c000001-0000-4000-8000-000000000002'::uuid
                          ELSE '4c000001-0000-4000-8000-000000000001'::uuid END,
       CASE WHEN n = 7 THEN 'cko-guest-session' END,
       CASE WHEN n = 3 THEN now() - interval '1 minute' ELSE now() + interval '30 days' END
FROM generate_series(1, 14) AS n;
-- A cart made without expires_at expires 30 days after creation.
INSERT INTO sales.carts (id, session_id) VALUES (pg_temp.k(99), 'cko-defaults');
SELECT expires_at = now() + interval '30 days' AS expires_in_30_days FROM sales.carts WHERE id = pg_temp.k(99);

-- This file's stock, by warehouse and SKU.
CREATE TEMP VIEW cko_stock AS
SELECT w.code AS warehouse, coalesce(v.sku, p.sku) AS sku, s.quantity, s.reserved_quantity AS reserved
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
WHERE w.code LIKE 'CKO-%';

-- A cart's lines.
CREATE FUNCTION pg_temp.cart_lines(cart uuid)
RETURNS TABLE (sku text, variant text, quantity int, unit_price numeric)
LANGUAGE sql AS $$
    SELECT p.sku, v.name, i.quantity, i.unit_price
    FROM sales.cart_items i JOIN catalog.products p ON p.id = i.product_id
    LEFT JOIN catalog.product_variants v ON v.id = i.variant_id
    WHERE i.cart_id = cart ORDER BY p.sku, v.name
$$;

-- Everything a checkout could leave behind, as counts.
CREATE FUNCTION pg_temp.footprint() RETURNS jsonb
LANGUAGE sql AS $$
    SELECT jsonb_build_object(
        'orders', (SELECT count(*) FROM sales.orders),
        'order_items', (SELECT count(*) FROM sales.order_items),
        'history', (SELECT count(*) FROM sales.order_status_history),
        'coupon_usages', (SELECT count(*) FROM sales.coupon_usages),
        'used_count', (SELECT sum(used_count) FROM sales.coupons WHERE code LIKE 'CKO-%'),
        'reserved', (SELECT sum(reserved) FROM cko_stock),
        'quantity', (SELECT sum(quantity) FROM cko_stock),
        'cart_items', (SELECT count(*) FROM sales.cart_items WHERE cart_id::text LIKE '4c000020-%'),
        'carts_ordered', (SELECT count(*) FROM sales.carts WHERE id::text LIKE '4c000020-%' AND order_id IS NOT NULL),
        'order_number_seq', (SELECT last_value FROM sales.order_number_seq));
$$;
-- What changed since `before`: 'nothing' or the counts that moved, by how much.
CREATE FUNCTION pg_temp.changes(before jsonb) RETURNS text
LANGUAGE sql AS $$
    SELECT coalesce(string_agg(key || ' ' || CASE WHEN d > 0 THEN '+' ELSE '' END || d, ', ' ORDER BY key), 'nothing')
    FROM jsonb_each_text(pg_temp.footprint()) AS f (key, value),
         LATERAL (SELECT value::numeric - (before ->> key)::numeric AS d) AS delta
    WHERE key <> 'order_number_seq' AND d <> 0
$$;

-- place_order's answer as text: 'order' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.place(cart uuid, shipping text, address jsonb DEFAULT '{"city": "Shah Alam"}',
                              billing jsonb DEFAULT NULL, agent text DEFAULT NULL) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM sales.place_order(cart, shipping, address, billing, agent);
    RETURN 'order';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

SELECT * FROM cko_stock ORDER BY warehouse, sku;

-- ---------------------------------------------------------------------------
-- add_to_cart: one line per product/variant (adding again adds to it), the
-- variant's price, else the product's base price.
-- ---------------------------------------------------------------------------

SELECT sales.add_to_cart(pg_temp.k(1), '4c000003-0000-4000-8000-000000000001', NULL, 2) AS kopi_line \gset
SELECT sales.add_to_cart(pg_temp.k(1), '4c000003-0000-4000-8000-000000000001', NULL, 3) = :'kopi_line' AS same_line;
SELECT sales.add_to_cart(pg_temp.k(1), '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000001', 1)
       AS m_line \gset
SELECT sales.add_to_cart(pg_temp.k(1), '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000002', 2)
       <> :'m_line' AS other_variant_other_line;
SELECT sales.add_to_cart(pg_temp.k(1), '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000001', 1)
       = :'m_line' AS same_variant_same_line;
SELECT * FROM pg_temp.cart_lines(pg_temp.k(1));
SELECT count(*) AS lines FROM sales.cart_items WHERE cart_id = pg_temp.k(1);
-- The price moves: adding again prices the line at the current price.
UPDATE catalog.products SET base_price = 13.00 WHERE id = '4c000003-0000-4000-8000-000000000001';
SELECT sales.add_to_cart(pg_temp.k(1), '4c000003-0000-4000-8000-000000000001', NULL, 1) = :'kopi_line' AS same_line;
SELECT * FROM pg_temp.cart_lines(pg_temp.k(1));

-- Refused: a product with variants needs one; inactive or deleted products
-- and variants; a variant of another product; unknown rows; quantity <= 0;
-- NULL arguments.
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000002')) AS needs_variant;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000003')) AS inactive_product;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000004')) AS deleted_product;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, %L, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000003')) AS inactive_variant;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, %L, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000004')) AS deleted_variant;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, %L, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000001', '4c000004-0000-4000-8000-000000000001')) AS other_products_variant;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000099')) AS unknown_product;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, %L, 1)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000099')) AS unknown_variant;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 0)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000001')) AS zero;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, -2)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000001')) AS negative;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, NULL)', pg_temp.k(2),
                          '4c000003-0000-4000-8000-000000000001')) AS null_quantity;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, NULL, NULL, 1)', pg_temp.k(2))) AS null_product;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(NULL, %L, NULL, 1)', '4c000003-0000-4000-8000-000000000001'))
       AS null_cart;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 1)', '4c000020-0000-4000-8000-000000000098',
                          '4c000003-0000-4000-8000-000000000001')) AS missing_cart;
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 1)', pg_temp.k(3),
                          '4c000003-0000-4000-8000-000000000001')) AS expired_cart;
-- None of them left a line behind.
SELECT count(*) AS lines FROM sales.cart_items WHERE cart_id IN (pg_temp.k(2), pg_temp.k(3));

-- ---------------------------------------------------------------------------
-- place_order: cart 01 (Ahmad) with coupon cko-10, agent CKO-AG1.
-- Quoted now: 6 x 13.00 + 2 x 45.00 (M) + 2 x 40.00 (L, no price of its own)
-- = 248.00; 10 % = 24.80 capped at 20.00; 228.00 ships free (threshold
-- 150.00); tax 6 % of 228.00 = 13.68; total 241.68.
-- ---------------------------------------------------------------------------

UPDATE sales.carts SET coupon_code = 'cko-10' WHERE id = pg_temp.k(1);
SELECT * FROM sales.quote(pg_temp.k(1), 'cko-std');
-- M costs 46.00 by the time of checkout: the order follows the catalog, not
-- the cart line. 6 x 13.00 + 2 x 46.00 + 2 x 40.00 = 250.00; 10 % = 25.00
-- capped at 20.00; 230.00 ships free; tax 13.80; total 243.80. CKO-W1
-- (priority 1) has enough of every line.
UPDATE catalog.product_variants SET price = 46.00 WHERE id = '4c000004-0000-4000-8000-000000000001';
SELECT pg_temp.footprint() AS before \gset
SELECT id AS order_1, order_number ~ '^ORD-[0-9]{8}-[0-9]{6,}$' AS numbered,
       substr(order_number, 5, 8) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD') AS business_date,
       status, user_id = '4c000001-0000-4000-8000-000000000001' AS ahmads,
       agent_id = '4c000008-0000-4000-8000-000000000001' AS agent_ag1,
       subtotal, discount_amount, coupon_discount, shipping_cost, tax_amount, total, coupon_code, shipping_method,
       shipping_address, billing_address IS NULL AS no_billing, customer_notes,
       tax_rate_id = '4c000007-0000-4000-8000-000000000001' AS default_rate,
       warehouse_id = '4c000002-0000-4000-8000-000000000001' AS at_w1, reserved_at = now() AS reserved_now
FROM sales.place_order(pg_temp.k(1), 'cko-std', '{"name": "Ahmad", "city": "Shah Alam", "postcode": "40000"}',
                       NULL, 'CKO-AG1', 'ring the bell') \gset o1_
\echo order_1 :o1_numbered :o1_business_date :o1_status :o1_ahmads :o1_agent_ag1
\echo totals :o1_subtotal :o1_discount_amount :o1_coupon_discount :o1_shipping_cost :o1_tax_amount :o1_total
\echo coupon :o1_coupon_code shipping :o1_shipping_method :o1_shipping_address no billing :o1_no_billing
\echo notes :o1_customer_notes rate :o1_default_rate warehouse :o1_at_w1 reserved :o1_reserved_now
-- What the checkout wrote.
SELECT pg_temp.changes(:'before');
SELECT sku, name, variant_name, quantity, unit_price, total_price, product_id IS NOT NULL AS product,
       variant_id IS NOT NULL AS variant
FROM sales.order_items WHERE order_id = :'o1_order_1' ORDER BY sku;
SELECT status, notes FROM sales.order_status_history WHERE order_id = :'o1_order_1';
SELECT c.code, c.used_count, u.user_id = '4c000001-0000-4000-8000-000000000001' AS by_ahmad
FROM sales.coupon_usages u JOIN sales.coupons c ON c.id = u.coupon_id WHERE u.order_id = :'o1_order_1';
SELECT * FROM cko_stock ORDER BY warehouse, sku;
SELECT count(*) AS cart_lines, (SELECT order_id = :'o1_order_1' FROM sales.carts WHERE id = pg_temp.k(1)) AS cart_order
FROM sales.cart_items WHERE cart_id = pg_temp.k(1);
-- The order's columns equal the §5 computation over its lines.
SELECT subtotal = (SELECT sum(total_price) FROM sales.order_items WHERE order_id = o.id) AS subtotal_ok,
       total = subtotal - discount_amount + shipping_cost + tax_amount AS total_ok
FROM sales.orders o WHERE id = :'o1_order_1';

-- A double submit returns the same order and creates nothing, whatever
-- arguments it brings; so does a later one after the cart expired.
SELECT pg_temp.footprint() AS before \gset
SELECT id = :'o1_order_1' AS same_order, order_number = (SELECT order_number FROM sales.orders WHERE id = :'o1_order_1')
       AS same_number, status, total
FROM sales.place_order(pg_temp.k(1), 'cko-std', '{"city": "Shah Alam"}');
SELECT id = :'o1_order_1' AS same_order, total, customer_notes
FROM sales.place_order(pg_temp.k(1), 'nope', '{"city": "Ipoh"}', NULL, 'NOPE', 'other notes');
UPDATE sales.carts SET expires_at = now() - interval '1 second' WHERE id = pg_temp.k(1);
SELECT id = :'o1_order_1' AS same_order FROM sales.place_order(pg_temp.k(1), 'cko-std', '{}');
SELECT pg_temp.changes(:'before');
-- The cart that became an order takes no more lines (NG020).
UPDATE sales.carts SET expires_at = now() + interval '1 day' WHERE id = pg_temp.k(1);
SELECT pg_temp.try(format('SELECT sales.add_to_cart(%L, %L, NULL, 1)', pg_temp.k(1),
                          '4c000003-0000-4000-8000-000000000001')) AS ordered_cart;

-- ---------------------------------------------------------------------------
-- Checkouts that fail leave nothing behind: no order, line, history row or
-- coupon use, reserved stock unchanged, the cart as it was.
-- ---------------------------------------------------------------------------

-- Cart 04 (Ahmad): 2 x CKO-P1 and 1 x M = 26.00 + 46.00 = 72.00.
SELECT count(sales.add_to_cart(pg_temp.k(4), p, v, q)) AS added
FROM (VALUES ('4c000003-0000-4000-8000-000000000001'::uuid, NULL::uuid, 2),
             ('4c000003-0000-4000-8000-000000000002', '4c000004-0000-4000-8000-000000000001', 1)) AS l (p, v, q);
-- Cart 03 is expired but has a line.
INSERT INTO sales.cart_items (cart_id, product_id, quantity, unit_price)
VALUES (pg_temp.k(3), '4c000003-0000-4000-8000-000000000001', 1, 13.00);
-- Cart 05 (Ahmad): more CKO-P1 than any warehouse has (10 and 50).
SELECT sales.add_to_cart(pg_temp.k(5), '4c000003-0000-4000-8000-000000000001', NULL, 51) IS NOT NULL AS added;
-- Cart 06 (Ahmad): a line whose product stops being sold after it was added.
SELECT sales.add_to_cart(pg_temp.k(6), '4c000003-0000-4000-8000-000000000005', NULL, 1) IS NOT NULL AS added;
UPDATE catalog.products SET is_active = false WHERE id = '4c000003-0000-4000-8000-000000000005';

SELECT pg_temp.footprint() AS before \gset
SELECT pg_temp.place(pg_temp.k(2), 'cko-std') AS empty_cart;
SELECT pg_temp.place(pg_temp.k(3), 'cko-std') AS expired_cart;
SELECT pg_temp.place(pg_temp.k(4), 'cko-nope') AS unknown_shipping;
SELECT pg_temp.place(pg_temp.k(4), 'cko-off') AS inactive_shipping;
SELECT pg_temp.place(pg_temp.k(4), NULL) AS null_shipping;
SELECT pg_temp.place(pg_temp.k(4), 'cko-std', '["Shah Alam"]') AS address_array;
SELECT pg_temp.place(pg_temp.k(4), 'cko-std', '"Shah Alam"') AS address_string;
SELECT pg_temp.place(pg_temp.k(4), 'cko-std', 'null') AS address_json_null;
SELECT pg_temp.place(pg_temp.k(4), 'cko-std', NULL) AS address_null;
SELECT pg_temp.place(pg_temp.k(4), 'cko-std', '{"city": "Ipoh"}', '[1]') AS billing_array;
SELECT pg_temp.place(pg_temp.k(4), 'cko-std', '{"city": "Ipoh"}', NULL, 'CKO-NOPE') AS unknown_agent;
SELECT pg_temp.place(pg_temp.k(4), 'cko-std', '{"city": "Ipoh"}', NULL, 'CKO-AG-OFF') AS inactive_agent;
SELECT pg_temp.place(pg_temp.k(5), 'cko-std') AS not_enough_stock;
SELECT pg_temp.place(pg_temp.k(6), 'cko-std') AS no_longer_sold;
SELECT pg_temp.place('4c000020-0000-4000-8000-000000000098', 'cko-std') AS missing_cart;
SELECT pg_temp.place(NULL, 'cko-std') AS null_cart;
-- Coupons that do not apply raise their NG01x (cart 04's subtotal is 72.00).
UPDATE sales.carts SET coupon_code = 'CKO-NOPE' WHERE id = pg_temp.k(4);
SELECT pg_temp.place(pg_temp.k(4), 'cko-std') AS coupon_not_found;
UPDATE sales.carts SET coupon_code = 'CKO-OLD' WHERE id = pg_temp.k(4);
SELECT pg_temp.place(pg_temp.k(4), 'cko-std') AS coupon_expired;
UPDATE sales.carts SET coupon_code = 'cko-min500' WHERE id = pg_temp.k(4);
SELECT pg_temp.place(pg_temp.k(4), 'cko-std') AS coupon_min_order;
-- A coupon that applies, on a cart whose stock is short: the use is not kept.
UPDATE sales.carts SET coupon_code = 'CKO-5' WHERE id = pg_temp.k(5);
SELECT pg_temp.place(pg_temp.k(5), 'cko-std') AS coupon_then_short;
UPDATE sales.carts SET coupon_code = NULL WHERE id IN (pg_temp.k(4), pg_temp.k(5));
SELECT pg_temp.changes(:'before');
SELECT * FROM pg_temp.cart_lines(pg_temp.k(4));
SELECT * FROM pg_temp.cart_lines(pg_temp.k(5));
SELECT * FROM cko_stock ORDER BY warehouse, sku;
UPDATE catalog.products SET is_active = true WHERE id = '4c000003-0000-4000-8000-000000000005';
-- A plain INSERT of an order cannot bring a coupon (22023).
SELECT pg_temp.try($$INSERT INTO sales.orders (user_id, coupon_code) VALUES ('4c000001-0000-4000-8000-000000000001', 'CKO-10')$$)
       AS insert_with_coupon;

-- ---------------------------------------------------------------------------
-- The warehouse: cart 04 (72.00, 2 x CKO-P1 and 1 x M) fits CKO-W1, which
-- has 4 CKO-P1 and 3 M left; cart 09 (5 x CKO-P1) does not and goes to
-- CKO-W2; cart 10 (CKO-P1 and CKO-P5) only CKO-W2 can serve.
-- ---------------------------------------------------------------------------

SELECT sales.add_to_cart(pg_temp.k(9), '4c000003-0000-4000-8000-000000000001', NULL, 5) IS NOT NULL AS added;
SELECT count(sales.add_to_cart(pg_temp.k(10), p, NULL, q)) AS added
FROM (VALUES ('4c000003-0000-4000-8000-000000000001'::uuid, 1), ('4c000003-0000-4000-8000-000000000005', 2)) AS l (p, q);
SELECT w.code AS warehouse, o.subtotal, o.shipping_cost, o.tax_amount, o.total, o.reserved_at IS NOT NULL AS reserved
FROM sales.place_order(pg_temp.k(4), 'cko-std', '{"city": "Ipoh"}') o JOIN inventory.warehouses w ON w.id = o.warehouse_id;
SELECT w.code AS warehouse, o.subtotal, o.shipping_cost, o.tax_amount, o.total
FROM sales.place_order(pg_temp.k(9), 'cko-std', '{"city": "Ipoh"}') o JOIN inventory.warehouses w ON w.id = o.warehouse_id;
SELECT w.code AS warehouse, o.subtotal, o.shipping_cost, o.tax_amount, o.total
FROM sales.place_order(pg_temp.k(10), 'cko-std', '{"city": "Ipoh"}') o JOIN inventory.warehouses w ON w.id = o.warehouse_id;
SELECT * FROM cko_stock ORDER BY warehouse, sku;

-- ---------------------------------------------------------------------------
-- A guest cart (user_id NULL, session_id) gives an order with a NULL user;
-- a guest may not use a coupon with a per-customer limit (NG016).
-- ---------------------------------------------------------------------------

SELECT sales.add_to_cart(pg_temp.k(7), '4c000003-0000-4000-8000-000000000001', NULL, 1) IS NOT NULL AS added;
UPDATE sales.carts SET coupon_code = 'CKO-PER1' WHERE id = pg_temp.k(7);
SELECT pg_temp.footprint() AS before \gset
SELECT pg_temp.place(pg_temp.k(7), 'cko-std') AS guest_per_customer_coupon;
SELECT pg_temp.changes(:'before');
UPDATE sales.carts SET coupon_code = 'CKO-5' WHERE id = pg_temp.k(7);
SELECT user_id IS NULL AS guest, status, subtotal, discount_amount, shipping_cost, tax_amount, total
FROM sales.place_order(pg_temp.k(7), 'cko-std', '{"city": "Melaka"}') \gset guest_
\echo guest :guest_guest :guest_status :guest_subtotal :guest_discount_amount :guest_shipping_cost :guest_tax_amount :guest_total
SELECT u.user_id IS NULL AS guest_usage FROM sales.coupon_usages u JOIN sales.carts c ON c.order_id = u.order_id
WHERE c.id = pg_temp.k(7);

-- ---------------------------------------------------------------------------
-- The last use of a coupon: CKO-ONCE (usage_limit 1) goes to Mei's cart 08;
-- Ahmad's cart 11 is then refused with NG015 and nothing is left behind.
-- ---------------------------------------------------------------------------

SELECT count(sales.add_to_cart(k, '4c000003-0000-4000-8000-000000000001', NULL, 1)) AS added
FROM unnest(ARRAY[pg_temp.k(8), pg_temp.k(11)]) AS k;
UPDATE sales.carts SET coupon_code = 'CKO-ONCE' WHERE id IN (pg_temp.k(8), pg_temp.k(11));
SELECT discount_amount, coupon_code FROM sales.place_order(pg_temp.k(8), 'cko-std', '{"city": "Kuching"}');
SELECT pg_temp.footprint() AS before \gset
SELECT pg_temp.place(pg_temp.k(11), 'cko-std') AS last_use_gone;
SELECT pg_temp.changes(:'before');
SELECT used_count, usage_limit, (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id) AS usages
FROM sales.coupons c WHERE code = 'CKO-ONCE';

-- ---------------------------------------------------------------------------
-- expire_pending_orders: pending orders older than max_age without a
-- completed payment are cancelled (reason 'expired'): stock released, coupon
-- use given back. A paid one, a recent one and a confirmed one are left.
-- ---------------------------------------------------------------------------

-- 12 (Mei): old, coupon CKO-5, no payment        -> expired
-- 13 (Ahmad): old, a completed partial payment   -> kept
-- 14 (Ahmad): old, a payment still pending        -> expired
-- 09: recent                                      -> kept
-- 10: old but confirmed                           -> kept
SELECT count(sales.add_to_cart(k, '4c000003-0000-4000-8000-000000000001', NULL, 2)) AS added
FROM unnest(ARRAY[pg_temp.k(12), pg_temp.k(13), pg_temp.k(14)]) AS k;
UPDATE sales.carts SET coupon_code = 'CKO-5' WHERE id = pg_temp.k(12);
SELECT count(sales.place_order(k, 'cko-std', '{"city": "Kuantan"}')) AS placed
FROM unnest(ARRAY[pg_temp.k(12), pg_temp.k(13), pg_temp.k(14)]) AS k;
CREATE TEMP VIEW cko_orders AS
SELECT right(c.id::text, 2) AS cart, o.*
FROM sales.carts c JOIN sales.orders o ON o.id = c.order_id WHERE c.id::text LIKE '4c000020-%';
SELECT sales.record_payment(id, 'online_banking', 'cko-fpx', 'CKO-TX-13', 1.00, 'completed') IS NOT NULL AS paid
FROM cko_orders WHERE cart = '13';
SELECT sales.record_payment(id, 'online_banking', 'cko-fpx', 'CKO-TX-14', total, 'pending') IS NOT NULL AS paid
FROM cko_orders WHERE cart = '14';
UPDATE sales.orders SET status = 'confirmed' WHERE id = (SELECT id FROM cko_orders WHERE cart = '10');
UPDATE sales.orders SET created_at = now() - interval '61 minutes'
WHERE id IN (SELECT id FROM cko_orders WHERE cart IN ('10', '12', '13', '14'));
SELECT cart, status, w.code AS warehouse, reserved_at IS NOT NULL AS reserved, coupon_code
FROM cko_orders o LEFT JOIN inventory.warehouses w ON w.id = o.warehouse_id WHERE cart IN ('09', '10', '12', '13', '14')
ORDER BY cart;
SELECT * FROM cko_stock ORDER BY warehouse, sku;
SELECT used_count FROM sales.coupons WHERE code = 'CKO-5';

SELECT sales.expire_pending_orders() AS expired;
SELECT cart, status, cancellation_reason, cancelled_at = now() AS cancelled_now, reserved_at IS NOT NULL AS reserved
FROM cko_orders WHERE cart IN ('09', '10', '12', '13', '14') ORDER BY cart;
SELECT o.cart, h.status, h.notes FROM sales.order_status_history h JOIN cko_orders o ON o.id = h.order_id
WHERE o.cart IN ('12', '14') ORDER BY o.cart, h.status DESC;
-- Stock released: 12 and 14 held 2 x CKO-P1 each at CKO-W2.
SELECT * FROM cko_stock ORDER BY warehouse, sku;
-- The coupon use of 12 is given back.
SELECT used_count, (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id) AS usages
FROM sales.coupons c WHERE code = 'CKO-5';
-- Nothing more to expire; a shorter max_age reaches the recent ones.
SELECT sales.expire_pending_orders('60 minutes') AS expired;
UPDATE sales.orders SET created_at = now() - interval '10 minutes' WHERE id = (SELECT id FROM cko_orders WHERE cart = '09');
SELECT sales.expire_pending_orders('5 minutes') >= 1 AS expired_recent;
SELECT cart, status, cancellation_reason FROM cko_orders WHERE cart = '09';
SELECT pg_temp.try('SELECT sales.expire_pending_orders(NULL)') AS null_max_age;

ROLLBACK;
