-- sales.quote(cart_id, shipping_method_code) (SPEC §5, §6): prices a cart at
-- the catalog's current prices (variant price, else the product's base
-- price), with the cart's coupon (§4), a shipping method and the active
-- default tax rate; raises the coupon's NG01x error when it does not apply.
--
-- The whole test runs in one transaction that is rolled back at the end, so it
-- leaves no rows behind in the shared regression database; ON_ERROR_ROLLBACK
-- lets a statement fail (its SQLSTATE is echoed after it) without ending the
-- transaction.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

-- An active default tax rate left by another test would take part here:
-- retire it for the length of this transaction.
UPDATE sales.tax_rates SET is_default = false WHERE is_default AND is_active;

INSERT INTO sales.tax_rates (code, name, rate, applies_to_shipping, is_default)
VALUES ('QUO-SST6', 'SST 6%', 6.00, false, true);

INSERT INTO sales.shipping_methods (code, name, base_cost, free_shipping_threshold, is_active, deleted_at) VALUES
    ('QUO-STD', 'Standard', 8.00, 100.00, true, NULL),
    ('QUO-EXP', 'Express', 15.00, NULL, true, NULL),
    ('QUO-OFF', 'Suspended courier', 5.00, NULL, false, NULL),
    ('QUO-GONE', 'Retired courier', 5.00, NULL, true, now());

INSERT INTO catalog.products (id, sku, name, slug, base_price, has_variants, is_active, deleted_at) VALUES
    ('c1000000-0000-0000-0000-000000000001', 'QUO-P1', 'Kopi Ipoh', 'quo-kopi-ipoh', 30.00, false, true, NULL),
    ('c1000000-0000-0000-0000-000000000002', 'QUO-P2', 'Baju Kurung', 'quo-baju-kurung', 50.00, true, true, NULL),
    ('c1000000-0000-0000-0000-000000000003', 'QUO-P3', 'Sambal', 'quo-sambal', 25.00, false, true, NULL),
    ('c1000000-0000-0000-0000-000000000004', 'QUO-P4', 'Songket', 'quo-songket', 99.99, false, true, NULL),
    ('c1000000-0000-0000-0000-000000000005', 'QUO-P5', 'Dodol', 'quo-dodol', 10.00, false, false, NULL),
    ('c1000000-0000-0000-0000-000000000006', 'QUO-P6', 'Kuih', 'quo-kuih', 10.00, false, true, now());
INSERT INTO catalog.product_variants (id, product_id, sku, name, price, is_active) VALUES
    ('c6000000-0000-0000-0000-000000000001', 'c1000000-0000-0000-0000-000000000002', 'QUO-P2-L', 'L', 55.50, true),
    ('c6000000-0000-0000-0000-000000000002', 'c1000000-0000-0000-0000-000000000002', 'QUO-P2-S', 'S', NULL, true),
    ('c6000000-0000-0000-0000-000000000003', 'c1000000-0000-0000-0000-000000000002', 'QUO-P2-XL', 'XL', 60.00, false);

INSERT INTO auth.users (id, email, password_hash)
VALUES ('c2000000-0000-0000-0000-000000000001', 'quote.customer@example.com', 'x');

INSERT INTO sales.coupons (code, type, value, min_order_amount, max_discount, per_customer_limit, expires_at) VALUES
    ('QUO10CAP', 'percentage', 10, NULL, 10.00, NULL, NULL),
    ('QUO5', 'percentage', 5, NULL, NULL, NULL, NULL),
    ('QUO-BIG', 'fixed', 500.00, NULL, NULL, NULL, NULL),
    ('QUO-OLD', 'percentage', 10, NULL, NULL, NULL, now() - interval '1 day'),
    ('QUO-OLDMIN', 'percentage', 10, 200.00, NULL, NULL, now() - interval '1 day'),
    ('QUO-MIN200', 'fixed', 15.00, 200.00, NULL, NULL, NULL),
    ('QUO-ONCE', 'percentage', 10, NULL, NULL, 1, NULL);

INSERT INTO sales.carts (id, user_id, session_id, expires_at) VALUES
    ('c3000000-0000-0000-0000-000000000001', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000002', NULL, 'quote-guest-session', now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000003', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000004', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000005', 'c2000000-0000-0000-0000-000000000001', NULL, now() - interval '1 minute'),
    ('c3000000-0000-0000-0000-000000000006', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000007', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000008', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000009', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days'),
    ('c3000000-0000-0000-0000-000000000010', 'c2000000-0000-0000-0000-000000000001', NULL, now() + interval '30 days');

-- cart_items.unit_price is the price when the line was added; quote ignores it.
INSERT INTO sales.cart_items (cart_id, product_id, variant_id, quantity, unit_price) VALUES
    -- 1: 2 x 30.00 + 1 x 55.50 (variant L) = 115.50
    ('c3000000-0000-0000-0000-000000000001', 'c1000000-0000-0000-0000-000000000001', NULL, 2, 30.00),
    ('c3000000-0000-0000-0000-000000000001', 'c1000000-0000-0000-0000-000000000002',
     'c6000000-0000-0000-0000-000000000001', 1, 55.50),
    -- 2 (guest): 4 x 25.00 = 100.00, the free-shipping threshold exactly
    ('c3000000-0000-0000-0000-000000000002', 'c1000000-0000-0000-0000-000000000003', NULL, 4, 25.00),
    -- 3: 99.99, one sen short of the threshold
    ('c3000000-0000-0000-0000-000000000003', 'c1000000-0000-0000-0000-000000000004', NULL, 1, 99.99),
    -- 4: empty; 5: expired
    ('c3000000-0000-0000-0000-000000000005', 'c1000000-0000-0000-0000-000000000001', NULL, 1, 30.00),
    -- 6: an inactive product; 7: a soft-deleted product; 8: an inactive variant
    ('c3000000-0000-0000-0000-000000000006', 'c1000000-0000-0000-0000-000000000001', NULL, 1, 30.00),
    ('c3000000-0000-0000-0000-000000000006', 'c1000000-0000-0000-0000-000000000005', NULL, 1, 10.00),
    ('c3000000-0000-0000-0000-000000000007', 'c1000000-0000-0000-0000-000000000006', NULL, 1, 10.00),
    ('c3000000-0000-0000-0000-000000000008', 'c1000000-0000-0000-0000-000000000002',
     'c6000000-0000-0000-0000-000000000003', 1, 60.00),
    -- 9: variant S has no price of its own: 2 x the base price 50.00
    ('c3000000-0000-0000-0000-000000000009', 'c1000000-0000-0000-0000-000000000002',
     'c6000000-0000-0000-0000-000000000002', 2, 50.00),
    -- 10: 4 x 25.00 = 100.00, for a coupon that takes it under the threshold
    ('c3000000-0000-0000-0000-000000000010', 'c1000000-0000-0000-0000-000000000003', NULL, 4, 25.00);

-- ---------------------------------------------------------------------------
-- Prices, shipping and tax.
-- ---------------------------------------------------------------------------

-- no shipping method: 115.50, tax 6 % = 6.93
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
-- express: 15.00 shipping, not taxed by QUO-SST6
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', 'QUO-EXP');
-- standard: 115.50 is over the 100.00 threshold
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', 'QUO-STD');
-- the free-shipping threshold hit exactly (guest cart), and missed by one sen
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000002', 'QUO-STD');
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000003', 'QUO-STD');
-- a variant without a price of its own sells at the product's base price
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000009', NULL);

-- Catalog prices change after the lines were added: the quote follows the
-- catalog, not cart_items.unit_price. 2 x 32.00 + 57.25 = 121.25; tax 7.275 -> 7.28.
UPDATE catalog.products SET base_price = 32.00 WHERE sku = 'QUO-P1';
UPDATE catalog.product_variants SET price = 57.25 WHERE sku = 'QUO-P2-L';
UPDATE catalog.products SET base_price = 48.00 WHERE sku = 'QUO-P2';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000009', NULL);
SELECT c.id, i.quantity, i.unit_price AS price_when_added FROM sales.cart_items i JOIN sales.carts c ON c.id = i.cart_id
WHERE c.id IN ('c3000000-0000-0000-0000-000000000001', 'c3000000-0000-0000-0000-000000000009')
ORDER BY c.id, i.unit_price;

-- ---------------------------------------------------------------------------
-- Coupons (the cart's coupon_code, matched case-insensitively).
-- ---------------------------------------------------------------------------

-- 10 % of 121.25 = 12.13, capped at 10.00; 111.25 still ships free; tax 6.675 -> 6.68
UPDATE sales.carts SET coupon_code = 'quo10cap' WHERE id = 'c3000000-0000-0000-0000-000000000001';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', 'QUO-STD');
-- 5 % of 121.25 = 6.0625 -> 6.06, no cap
UPDATE sales.carts SET coupon_code = 'QUO5' WHERE id = 'c3000000-0000-0000-0000-000000000001';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
-- the threshold applies to subtotal - discount: 100.00 - 5.00 = 95.00 pays shipping
UPDATE sales.carts SET coupon_code = 'QUO5' WHERE id = 'c3000000-0000-0000-0000-000000000010';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000010', 'QUO-STD');
-- a fixed discount never exceeds the subtotal
UPDATE sales.carts SET coupon_code = 'QUO-BIG' WHERE id = 'c3000000-0000-0000-0000-000000000002';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000002', 'QUO-STD');

-- failing coupons raise their NG01x code
UPDATE sales.carts SET coupon_code = 'QUO-NOPE' WHERE id = 'c3000000-0000-0000-0000-000000000001';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.carts SET coupon_code = 'QUO-OLD' WHERE id = 'c3000000-0000-0000-0000-000000000001';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- 200.00 - 121.25 = 78.75 more to spend
UPDATE sales.carts SET coupon_code = 'QUO-MIN200' WHERE id = 'c3000000-0000-0000-0000-000000000001';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- expired and under its minimum: the first failing check (expiry) wins
UPDATE sales.carts SET coupon_code = 'QUO-OLDMIN' WHERE id = 'c3000000-0000-0000-0000-000000000001';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- a guest may not use a coupon with a per-customer limit
UPDATE sales.carts SET coupon_code = 'QUO-ONCE' WHERE id = 'c3000000-0000-0000-0000-000000000002';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000002', 'QUO-STD');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- a signed-in customer may, until the limit is used up (10 % of 121.25 = 12.125 -> 12.13)
UPDATE sales.carts SET coupon_code = 'QUO-ONCE' WHERE id = 'c3000000-0000-0000-0000-000000000001';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
INSERT INTO sales.orders (id, order_number, user_id)
VALUES ('c4000000-0000-0000-0000-000000000001', 'QUO-ORDER-1', 'c2000000-0000-0000-0000-000000000001');
INSERT INTO sales.coupon_usages (coupon_id, user_id, order_id)
SELECT id, 'c2000000-0000-0000-0000-000000000001', 'c4000000-0000-0000-0000-000000000001'
FROM sales.coupons WHERE code = 'QUO-ONCE';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.carts SET coupon_code = NULL WHERE id = 'c3000000-0000-0000-0000-000000000001';

-- ---------------------------------------------------------------------------
-- Bad carts and shipping codes.
-- ---------------------------------------------------------------------------

-- unknown, inactive and soft-deleted shipping methods: P0002
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', 'QUO-NOPE');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', 'QUO-OFF');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000001', 'QUO-GONE');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- a cart that does not exist: P0002; a NULL cart id: 22023
SELECT * FROM sales.quote('c3000000-0000-0000-0000-0000000000ff', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM sales.quote(NULL, NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- empty and expired carts: NG020
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000004', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000005', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- a line of an inactive product, a soft-deleted product, an inactive variant: 22023
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000006', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000007', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000008', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- a product soft-deleted after it was put in the cart
UPDATE catalog.products SET deleted_at = now() WHERE sku = 'QUO-P4';
SELECT * FROM sales.quote('c3000000-0000-0000-0000-000000000003', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- Quoting changes nothing.
SELECT id, coupon_code, coupon_discount, order_id FROM sales.carts
WHERE id::text LIKE 'c3000000-%' ORDER BY id;

ROLLBACK;
