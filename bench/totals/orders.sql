-- :orders orders of 10 lines each, bulk-loaded with
-- session_replication_role = replica (niaga's triggers do not fire), then
-- given consistent totals by one UPDATE from bench.expected_order_totals.
-- Deterministic: fixed seed, order ids md5('niaga-bench-order-N').
-- Mix: shipping standard 50 % / express 25 % / pickup 15 % / none 10 %;
-- tax SST (6 %) 60 % / SST8S (8 %, on shipping too) 30 % / none 10 %;
-- a third of the orders use a coupon (RAYA10 10 % capped, NEWUSER RM 5,
-- BENCH15 15 % uncapped, BENCH200 RM 200, often above the subtotal); every
-- fifth order has ten cheap single lines, so free shipping and coupon caps
-- go both ways.

INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default, is_active)
VALUES ('50000000-0000-0000-0000-0000000000b1', 'SST8S', 'Bench: 8 % on goods and shipping', 8.00, true, false, true);
INSERT INTO sales.coupons (id, code, description, type, value, min_order_amount, max_discount)
VALUES ('52000000-0000-0000-0000-0000000000b1', 'BENCH15', 'Bench: 15 % uncapped', 'percentage', 15.00, NULL, NULL),
       ('52000000-0000-0000-0000-0000000000b2', 'BENCH200', 'Bench: RM 200 off', 'fixed', 200.00, NULL, NULL);

BEGIN;
SET LOCAL session_replication_role = replica;
SET LOCAL jit = off;
SELECT setseed(0.42);

CREATE TEMP TABLE sellable ON COMMIT DROP AS
SELECT (row_number() OVER (ORDER BY coalesce(v.price, p.base_price), coalesce(v.sku, p.sku)) - 1)::int AS n,
       p.id AS product_id, v.id AS variant_id, coalesce(v.sku, p.sku) AS sku, p.name, v.name AS variant_name,
       coalesce(v.price, p.base_price) AS price
FROM catalog.products p
LEFT JOIN catalog.product_variants v ON v.product_id = p.id
WHERE (v.id IS NOT NULL) = p.has_variants;

CREATE TEMP TABLE bench_orders ON COMMIT DROP AS
SELECT g,
       md5('niaga-bench-order-' || g)::uuid AS id,
       CASE WHEN g % 3 = 0 THEN (ARRAY['RAYA10', 'NEWUSER', 'BENCH15', 'BENCH200'])[1 + (g / 3) % 4] END AS coupon_code
FROM generate_series(1, :orders) g;

INSERT INTO sales.orders (id, order_number, user_id, status, shipping_method, tax_rate_id, coupon_code)
SELECT o.id,
       'BENCH-' || lpad(o.g::text, 7, '0'),
       CASE WHEN o.g % 7 = 0 THEN NULL
            ELSE ('10000000-0000-0000-0000-0000000000' || lpad((5 + o.g % 6)::text, 2, '0'))::uuid END,
       'pending',
       CASE WHEN o.g % 20 < 2 THEN NULL WHEN o.g % 20 < 5 THEN 'pickup' WHEN o.g % 20 < 10 THEN 'express'
            ELSE 'standard' END,
       CASE WHEN o.g % 10 = 0 THEN NULL
            WHEN o.g % 10 < 4 THEN '50000000-0000-0000-0000-0000000000b1'::uuid
            ELSE '50000000-0000-0000-0000-000000000001'::uuid END,
       o.coupon_code
FROM bench_orders o;

INSERT INTO sales.order_items (order_id, product_id, variant_id, sku, name, variant_name, quantity, unit_price,
                               total_price)
SELECT x.id, s.product_id, s.variant_id, s.sku, s.name, s.variant_name, x.quantity, s.price, x.quantity * s.price
FROM (SELECT o.id,
             CASE WHEN o.g % 5 = 0 THEN floor(random() * 5)::int ELSE floor(random() * (SELECT count(*) FROM sellable))::int END AS n,
             CASE WHEN o.g % 5 = 0 THEN 1 ELSE 1 + floor(random() * 4)::int END AS quantity
      FROM bench_orders o
      CROSS JOIN generate_series(1, 10) k) x
JOIN sellable s USING (n)
ORDER BY x.id;

INSERT INTO sales.coupon_usages (coupon_id, user_id, order_id)
SELECT c.id, o.user_id, o.id
FROM sales.orders o
JOIN sales.coupons c ON c.code = o.coupon_code
WHERE o.order_number LIKE 'BENCH-%';

UPDATE sales.orders o
SET subtotal = e.subtotal, discount_amount = e.discount, coupon_discount = e.discount, shipping_cost = e.shipping,
    tax_amount = e.tax, total = e.subtotal - e.discount + e.shipping + e.tax
FROM bench.expected_order_totals e
WHERE e.id = o.id;
COMMIT;

VACUUM (ANALYZE) sales.orders, sales.order_items, sales.coupon_usages;
