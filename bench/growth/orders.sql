-- :orders more pending orders of :lines lines each, group :'group' (ids
-- md5('bench-order-GROUP-g')::uuid, g = :first .. :first + :orders - 1),
-- bulk-loaded with session_replication_role = replica (no trigger fires),
-- then given §5 totals by one UPDATE from bench.expected_order_totals, so
-- that niaga.check_invariants() holds. Lines: products of bench.growth_skus,
-- distinct within an order, 1-3 units; shipping 'standard', the default
-- SST rate; every third order uses RAYA10 (its used_count is kept equal to
-- its uses). Deterministic.
BEGIN;
SET LOCAL session_replication_role = replica;
SET LOCAL jit = off;
CREATE TEMP TABLE new_orders ON COMMIT DROP AS
SELECT g, md5('bench-order-' || :'group' || '-' || g)::uuid AS id
FROM generate_series(:first, :first + :orders - 1) AS g;

INSERT INTO sales.orders (id, order_number, user_id, status, shipping_method, tax_rate_id, coupon_code)
SELECT o.id, 'ORD-20000102-' || nextval('bench.generated_order_number'),
       ('10000000-0000-0000-0000-0000000000' || lpad((5 + o.g % 6)::text, 2, '0'))::uuid, 'pending', 'standard',
       '50000000-0000-0000-0000-000000000001', CASE WHEN o.g % 3 = 0 THEN 'RAYA10' END
FROM new_orders o
ORDER BY o.g;

INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price, total_price)
SELECT o.id, s.product_id, s.sku, s.name, 1 + (o.g + k) % 3, s.price, (1 + (o.g + k) % 3) * s.price
FROM new_orders o
CROSS JOIN generate_series(0, :lines - 1) AS k
JOIN bench.growth_skus s ON s.n = 1 + (o.g * 7 + k) % 100
ORDER BY o.g, k;

INSERT INTO sales.coupon_usages (coupon_id, user_id, order_id)
SELECT '52000000-0000-0000-0000-000000000001', ('10000000-0000-0000-0000-0000000000' || lpad((5 + o.g % 6)::text, 2, '0'))::uuid, o.id
FROM new_orders o
WHERE o.g % 3 = 0;
UPDATE sales.coupons c SET used_count = (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id)
WHERE c.code = 'RAYA10';

UPDATE sales.orders o
SET subtotal = e.subtotal, discount_amount = e.discount, coupon_discount = e.discount, shipping_cost = e.shipping,
    tax_amount = e.tax, total = e.subtotal - e.discount + e.shipping + e.tax
FROM bench.expected_order_totals e, new_orders n
WHERE e.id = o.id AND n.id = o.id;
INSERT INTO sales.order_status_history (order_id, status) SELECT id, 'pending' FROM new_orders;
COMMIT;
VACUUM (ANALYZE) sales.orders, sales.order_items, sales.coupon_usages, sales.order_status_history;
