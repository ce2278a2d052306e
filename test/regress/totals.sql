-- Order totals (SPEC §5): whatever inserts, updates or deletes
-- sales.order_items, the order's subtotal, discount, shipping, tax and total
-- stay equal to the computation of §5; the orders' own pricing columns cannot
-- be set by a client; tax rates an order used never change.
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

INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('b1000000-0000-0000-0000-000000000001', 'TOT-P1', 'Kopi O', 'tot-kopi-o', 10.25),
    ('b1000000-0000-0000-0000-000000000002', 'TOT-P2', 'Teh tarik', 'tot-teh-tarik', 4.75),
    ('b1000000-0000-0000-0000-000000000003', 'TOT-P3', 'Songket', 'tot-songket', 149.99),
    ('b1000000-0000-0000-0000-000000000004', 'TOT-P4', 'Gula-gula', 'tot-gula-gula', 0.01),
    ('b1000000-0000-0000-0000-000000000005', 'TOT-P5', 'Borong', 'tot-borong', 1.00);

-- SST 6 % on goods only (the default), service tax 8 % on goods and shipping.
INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default) VALUES
    ('b2000000-0000-0000-0000-000000000001', 'TOT-SST6', 'SST 6%', 6.00, false, true),
    ('b2000000-0000-0000-0000-000000000002', 'TOT-SVC8', 'Service tax 8%', 8.00, true, false);

INSERT INTO sales.shipping_methods (id, code, name, base_cost, free_shipping_threshold) VALUES
    ('b3000000-0000-0000-0000-000000000001', 'TOT-STD', 'Standard', 8.00, 150.00),
    ('b3000000-0000-0000-0000-000000000002', 'TOT-EXP', 'Express', 15.00, NULL);
INSERT INTO sales.shipping_methods (id, code, name, base_cost, deleted_at) VALUES
    ('b3000000-0000-0000-0000-000000000003', 'TOT-OLD', 'Retired courier', 5.00, now());

-- The pricing columns of this test's orders.
CREATE TEMP VIEW tot_orders AS
SELECT o.order_number, o.shipping_method, t.code AS tax_rate, o.subtotal, o.discount_amount, o.coupon_discount,
       o.shipping_cost, o.tax_amount, o.total
FROM sales.orders o LEFT JOIN sales.tax_rates t ON t.id = o.tax_rate_id
WHERE o.order_number LIKE 'TOT-%';

-- §5 recomputed in SQL from the order's lines, shipping method and tax rate
-- (no coupon: coupons reach orders only through checkout).
CREATE FUNCTION pg_temp.totals_ok(p_order uuid) RETURNS boolean LANGUAGE sql AS $$
    SELECT o.subtotal = l.subtotal
       AND l.lines_ok
       AND o.discount_amount = 0 AND o.coupon_discount = 0
       AND o.shipping_cost = s.shipping
       AND o.tax_amount = coalesce(round((l.subtotal + CASE WHEN t.applies_to_shipping THEN s.shipping ELSE 0 END)
                                         * t.rate / 100, 2), 0)
       AND o.total = o.subtotal - o.discount_amount + o.shipping_cost + o.tax_amount
    FROM sales.orders o
    CROSS JOIN LATERAL (SELECT coalesce(sum(i.quantity * i.unit_price), 0) AS subtotal,
                               coalesce(bool_and(i.total_price = i.quantity * i.unit_price), true) AS lines_ok
                        FROM sales.order_items i WHERE i.order_id = o.id) l
    LEFT JOIN sales.shipping_methods m ON m.code = o.shipping_method AND m.deleted_at IS NULL
    CROSS JOIN LATERAL (SELECT CASE WHEN m.id IS NULL THEN 0
                                    WHEN m.free_shipping_threshold IS NOT NULL
                                         AND l.subtotal >= m.free_shipping_threshold THEN 0
                                    ELSE m.base_cost END AS shipping) s
    LEFT JOIN sales.tax_rates t ON t.id = o.tax_rate_id
    WHERE o.id = p_order
$$;

-- ---------------------------------------------------------------------------
-- A new order takes the active default tax rate; with no lines its subtotal
-- is 0 and the shipping method's base cost applies.
-- ---------------------------------------------------------------------------

INSERT INTO sales.orders (id, order_number, shipping_method)
VALUES ('b4000000-0000-0000-0000-00000000000a', 'TOT-A', 'TOT-STD');
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- Two lines in one statement: 2 x 10.25 + 1 x 4.75 = 25.25; tax 6 % of 25.25
-- = 1.515, rounded half away from zero to 1.52; shipping not taxed.
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b5000000-0000-0000-0000-0000000000a1', 'b4000000-0000-0000-0000-00000000000a',
     'b1000000-0000-0000-0000-000000000001', 'TOT-P1', 'Kopi O', 2, 10.25),
    ('b5000000-0000-0000-0000-0000000000a2', 'b4000000-0000-0000-0000-00000000000a',
     'b1000000-0000-0000-0000-000000000002', 'TOT-P2', 'Teh tarik', 1, 4.75);
SELECT sku, quantity, unit_price, total_price FROM sales.order_items
WHERE order_id = 'b4000000-0000-0000-0000-00000000000a' ORDER BY sku;
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- A price change on a line: 25.24 x 6 % = 1.5144 -> 1.51.
UPDATE sales.order_items SET unit_price = 4.74 WHERE id = 'b5000000-0000-0000-0000-0000000000a2';
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- A quantity change: 5 x 10.25 + 4.74 = 55.99; tax 3.3594 -> 3.36.
UPDATE sales.order_items SET quantity = 5 WHERE id = 'b5000000-0000-0000-0000-0000000000a1';
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- A client's total_price on a line is replaced by quantity x unit_price.
UPDATE sales.order_items SET total_price = 1.00 WHERE id = 'b5000000-0000-0000-0000-0000000000a1'
RETURNING quantity, unit_price, total_price;
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- ---------------------------------------------------------------------------
-- Free shipping: TOT-STD costs 8.00 below 150.00 and nothing from 150.00 on.
-- ---------------------------------------------------------------------------

INSERT INTO sales.orders (id, order_number, shipping_method)
VALUES ('b4000000-0000-0000-0000-00000000000b', 'TOT-B', 'TOT-STD');
-- missed by one sen: 149.99 pays 8.00; tax 6 % of 149.99 = 8.9994 -> 9.00
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b5000000-0000-0000-0000-0000000000b1', 'b4000000-0000-0000-0000-00000000000b',
     'b1000000-0000-0000-0000-000000000003', 'TOT-P3', 'Songket', 1, 149.99);
SELECT * FROM tot_orders WHERE order_number = 'TOT-B';
-- hit exactly: 150.00 ships free
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b5000000-0000-0000-0000-0000000000b2', 'b4000000-0000-0000-0000-00000000000b',
     'b1000000-0000-0000-0000-000000000004', 'TOT-P4', 'Gula-gula', 1, 0.01);
SELECT * FROM tot_orders WHERE order_number = 'TOT-B';
UPDATE sales.order_items SET quantity = 2 WHERE id = 'b5000000-0000-0000-0000-0000000000b2';
SELECT * FROM tot_orders WHERE order_number = 'TOT-B';
-- deleting the line brings shipping back
DELETE FROM sales.order_items WHERE id = 'b5000000-0000-0000-0000-0000000000b2';
SELECT * FROM tot_orders WHERE order_number = 'TOT-B';

-- ---------------------------------------------------------------------------
-- A rate that applies to shipping. Moving the default is allowed even though
-- orders use TOT-SST6 (is_default and is_active may change).
-- ---------------------------------------------------------------------------

UPDATE sales.tax_rates SET is_default = false WHERE code = 'TOT-SST6';
UPDATE sales.tax_rates SET is_default = true WHERE code = 'TOT-SVC8';
SELECT code, rate, applies_to_shipping, is_default, is_active FROM sales.tax_rates
WHERE code LIKE 'TOT-%' ORDER BY code;

-- an empty express order: tax 8 % of the 15.00 shipping = 1.20
INSERT INTO sales.orders (id, order_number, shipping_method)
VALUES ('b4000000-0000-0000-0000-00000000000c', 'TOT-C', 'TOT-EXP');
SELECT * FROM tot_orders WHERE order_number = 'TOT-C';
-- (10.25 + 15.00) x 8 % = 2.02
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b5000000-0000-0000-0000-0000000000c1', 'b4000000-0000-0000-0000-00000000000c',
     'b1000000-0000-0000-0000-000000000001', 'TOT-P1', 'Kopi O', 1, 10.25);
SELECT * FROM tot_orders WHERE order_number = 'TOT-C';

-- taxed shipping and the free-shipping threshold together:
-- 149.99 + 8.00 taxed at 8 % = 12.6392 -> 12.64; at 150.00 only the goods are taxed
INSERT INTO sales.orders (id, order_number, shipping_method)
VALUES ('b4000000-0000-0000-0000-00000000000d', 'TOT-D', 'TOT-STD');
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b5000000-0000-0000-0000-0000000000d1', 'b4000000-0000-0000-0000-00000000000d',
     'b1000000-0000-0000-0000-000000000003', 'TOT-P3', 'Songket', 1, 149.99);
SELECT * FROM tot_orders WHERE order_number = 'TOT-D';
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b5000000-0000-0000-0000-0000000000d2', 'b4000000-0000-0000-0000-00000000000d',
     'b1000000-0000-0000-0000-000000000004', 'TOT-P4', 'Gula-gula', 1, 0.01);
SELECT * FROM tot_orders WHERE order_number = 'TOT-D';

-- TOT-A keeps the rate it was created with.
UPDATE sales.order_items SET quantity = 5 WHERE id = 'b5000000-0000-0000-0000-0000000000a1';
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- ---------------------------------------------------------------------------
-- Moving a line to another order recomputes both orders.
-- ---------------------------------------------------------------------------

-- TOT-A: 51.25, tax 3.075 -> 3.08; TOT-C: 14.99 + 15.00 taxed at 8 % = 2.3992 -> 2.40
UPDATE sales.order_items SET order_id = 'b4000000-0000-0000-0000-00000000000c'
WHERE id = 'b5000000-0000-0000-0000-0000000000a2';
SELECT * FROM tot_orders WHERE order_number IN ('TOT-A', 'TOT-C') ORDER BY order_number;

-- One statement inserting into three orders, one updating lines of three
-- orders, one deleting lines of three orders.
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b4000000-0000-0000-0000-00000000000a', 'b1000000-0000-0000-0000-000000000004', 'TOT-P4', 'Gula-gula', 3, 0.33),
    ('b4000000-0000-0000-0000-00000000000b', 'b1000000-0000-0000-0000-000000000004', 'TOT-P4', 'Gula-gula', 7, 0.07),
    ('b4000000-0000-0000-0000-00000000000c', 'b1000000-0000-0000-0000-000000000004', 'TOT-P4', 'Gula-gula', 11, 0.11),
    ('b4000000-0000-0000-0000-00000000000a', 'b1000000-0000-0000-0000-000000000002', 'TOT-P2', 'Teh tarik', 1, 4.75);
SELECT * FROM tot_orders WHERE order_number IN ('TOT-A', 'TOT-B', 'TOT-C') ORDER BY order_number;
UPDATE sales.order_items SET quantity = quantity + 1
WHERE order_id IN ('b4000000-0000-0000-0000-00000000000a', 'b4000000-0000-0000-0000-00000000000b',
                   'b4000000-0000-0000-0000-00000000000c') AND sku = 'TOT-P4';
SELECT * FROM tot_orders WHERE order_number IN ('TOT-A', 'TOT-B', 'TOT-C') ORDER BY order_number;
DELETE FROM sales.order_items
WHERE order_id IN ('b4000000-0000-0000-0000-00000000000a', 'b4000000-0000-0000-0000-00000000000b',
                   'b4000000-0000-0000-0000-00000000000c') AND sku = 'TOT-P4';
SELECT * FROM tot_orders WHERE order_number IN ('TOT-A', 'TOT-B', 'TOT-C') ORDER BY order_number;

-- Deleting every line of an order leaves shipping (and its tax) only.
DELETE FROM sales.order_items WHERE order_id = 'b4000000-0000-0000-0000-00000000000a';
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b4000000-0000-0000-0000-00000000000a', 'b1000000-0000-0000-0000-000000000001', 'TOT-P1', 'Kopi O', 2, 10.25),
    ('b4000000-0000-0000-0000-00000000000a', 'b1000000-0000-0000-0000-000000000002', 'TOT-P2', 'Teh tarik', 1, 4.75);
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- ---------------------------------------------------------------------------
-- A client cannot set the computed columns: they are recomputed.
-- ---------------------------------------------------------------------------

UPDATE sales.orders SET subtotal = 999.99, total = 0.01
WHERE order_number = 'TOT-A' RETURNING order_number, subtotal, total;
UPDATE sales.orders SET shipping_cost = 0, tax_amount = 0, discount_amount = 5.00, coupon_discount = 5.00
WHERE order_number = 'TOT-A' RETURNING order_number, shipping_cost, tax_amount, discount_amount, coupon_discount;
UPDATE sales.orders SET total = 1000000.00 WHERE order_number LIKE 'TOT-%';
SELECT * FROM tot_orders ORDER BY order_number;
-- an order inserted with made-up totals gets the computed ones
INSERT INTO sales.orders (id, order_number, shipping_method, subtotal, shipping_cost, tax_amount, total)
VALUES ('b4000000-0000-0000-0000-00000000000e', 'TOT-E', 'TOT-EXP', 50.00, 0, 0, 50.00);
SELECT * FROM tot_orders WHERE order_number = 'TOT-E';

-- Changing the shipping method reprices; NULL means no shipping cost.
UPDATE sales.orders SET shipping_method = 'TOT-EXP' WHERE order_number = 'TOT-B';
SELECT * FROM tot_orders WHERE order_number = 'TOT-B';
UPDATE sales.orders SET shipping_method = NULL WHERE order_number = 'TOT-B';
SELECT * FROM tot_orders WHERE order_number = 'TOT-B';

-- An unknown (or soft-deleted) shipping method is refused.
INSERT INTO sales.orders (order_number, shipping_method) VALUES ('TOT-X1', 'NO-SUCH-METHOD');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
INSERT INTO sales.orders (order_number, shipping_method) VALUES ('TOT-X2', 'TOT-OLD');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.orders SET shipping_method = 'NO-SUCH-METHOD' WHERE order_number = 'TOT-B';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) AS refused_orders_written FROM sales.orders WHERE order_number IN ('TOT-X1', 'TOT-X2');
SELECT shipping_method IS NULL AS method_unchanged FROM sales.orders WHERE order_number = 'TOT-B';

-- Coupons reach an order only through checkout: setting coupon_code directly is refused.
INSERT INTO sales.coupons (code, type, value) VALUES ('TOT10', 'percentage', 10);
INSERT INTO sales.orders (order_number, shipping_method, coupon_code) VALUES ('TOT-X3', 'TOT-STD', 'TOT10');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.orders SET coupon_code = 'TOT10' WHERE order_number = 'TOT-A';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) AS refused_orders_written FROM sales.orders WHERE order_number = 'TOT-X3';
SELECT coupon_code IS NULL AS coupon_unchanged FROM sales.orders WHERE order_number = 'TOT-A';

-- ---------------------------------------------------------------------------
-- Tax rates: one active default; a rate an order used keeps its rate and
-- applies_to_shipping; is_default and is_active may change.
-- ---------------------------------------------------------------------------

INSERT INTO sales.tax_rates (id, code, name, rate, is_default)
VALUES ('b2000000-0000-0000-0000-000000000003', 'TOT-GST10', 'GST 10%', 10.00, true);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.tax_rates SET is_default = true WHERE code = 'TOT-SST6';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- an inactive default does not count
INSERT INTO sales.tax_rates (id, code, name, rate, is_default, is_active)
VALUES ('b2000000-0000-0000-0000-000000000003', 'TOT-GST10', 'GST 10%', 10.00, true, false);

UPDATE sales.tax_rates SET rate = 7.00 WHERE code = 'TOT-SST6';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.tax_rates SET applies_to_shipping = true WHERE code = 'TOT-SST6';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.tax_rates SET rate = 9.00, is_default = false WHERE code = 'TOT-SVC8';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- allowed: same rate, the name, is_active, is_default; and any change to an unused rate
UPDATE sales.tax_rates SET rate = 6.00, name = 'Sales and service tax 6%', is_active = false WHERE code = 'TOT-SST6';
UPDATE sales.tax_rates SET rate = 12.50, applies_to_shipping = true WHERE code = 'TOT-GST10';
SELECT code, name, rate, applies_to_shipping, is_default, is_active FROM sales.tax_rates
WHERE code LIKE 'TOT-%' ORDER BY code;

-- Orders taxed at a retired rate keep it when their lines change.
UPDATE sales.order_items SET quantity = 3 WHERE order_id = 'b4000000-0000-0000-0000-00000000000a' AND sku = 'TOT-P1';
SELECT * FROM tot_orders WHERE order_number = 'TOT-A';

-- No active default: a new order has no tax rate and pays no tax.
UPDATE sales.tax_rates SET is_active = false WHERE code = 'TOT-SVC8';
SELECT count(*) AS active_defaults FROM sales.tax_rates WHERE is_default AND is_active;
INSERT INTO sales.orders (id, order_number, shipping_method)
VALUES ('b4000000-0000-0000-0000-00000000000f', 'TOT-F', 'TOT-EXP');
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('b4000000-0000-0000-0000-00000000000f', 'b1000000-0000-0000-0000-000000000001', 'TOT-P1', 'Kopi O', 3, 10.25);
SELECT * FROM tot_orders WHERE order_number = 'TOT-F';
-- and TOT-C, taxed at the now inactive TOT-SVC8, still pays 8 %
UPDATE sales.order_items SET quantity = 2 WHERE id = 'b5000000-0000-0000-0000-0000000000c1';
SELECT * FROM tot_orders WHERE order_number = 'TOT-C';

-- ---------------------------------------------------------------------------
-- 1,000 lines in one statement on each of two orders, then half of them
-- deleted in one statement; every total checked against SQL arithmetic.
-- ---------------------------------------------------------------------------

UPDATE sales.tax_rates SET is_active = true WHERE code = 'TOT-SVC8';
INSERT INTO sales.orders (id, order_number, shipping_method, tax_rate_id) VALUES
    ('b4000000-0000-0000-0000-000000000010', 'TOT-G', 'TOT-STD', 'b2000000-0000-0000-0000-000000000001'),
    ('b4000000-0000-0000-0000-000000000011', 'TOT-H', 'TOT-EXP', NULL);
SELECT * FROM tot_orders WHERE order_number IN ('TOT-G', 'TOT-H') ORDER BY order_number;

INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
SELECT o.id, 'b1000000-0000-0000-0000-000000000005', 'TOT-BULK-' || g, 'Borong ' || g,
       g % 5 + 1, ((g * 7919) % 99991) / 100.0
FROM generate_series(1, 1000) g
CROSS JOIN (VALUES ('b4000000-0000-0000-0000-000000000010'::uuid), ('b4000000-0000-0000-0000-000000000011')) o(id);

SELECT o.order_number, count(*) AS lines, sum(i.total_price) AS sum_of_lines,
       pg_temp.totals_ok(o.id) AS totals_ok
FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
WHERE o.order_number IN ('TOT-G', 'TOT-H') GROUP BY o.id, o.order_number ORDER BY o.order_number;
SELECT * FROM tot_orders WHERE order_number IN ('TOT-G', 'TOT-H') ORDER BY order_number;

DELETE FROM sales.order_items
WHERE order_id IN ('b4000000-0000-0000-0000-000000000010', 'b4000000-0000-0000-0000-000000000011')
  AND split_part(sku, '-', 3)::int % 2 = 0;

SELECT o.order_number, count(*) AS lines, sum(i.total_price) AS sum_of_lines,
       pg_temp.totals_ok(o.id) AS totals_ok
FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
WHERE o.order_number IN ('TOT-G', 'TOT-H') GROUP BY o.id, o.order_number ORDER BY o.order_number;
SELECT * FROM tot_orders WHERE order_number IN ('TOT-G', 'TOT-H') ORDER BY order_number;

-- and all remaining lines of both orders updated in one statement
UPDATE sales.order_items SET quantity = quantity * 2, unit_price = unit_price + 0.01
WHERE order_id IN ('b4000000-0000-0000-0000-000000000010', 'b4000000-0000-0000-0000-000000000011');
SELECT o.order_number, count(*) AS lines, sum(i.total_price) AS sum_of_lines,
       pg_temp.totals_ok(o.id) AS totals_ok
FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
WHERE o.order_number IN ('TOT-G', 'TOT-H') GROUP BY o.id, o.order_number ORDER BY o.order_number;

-- Every order of this test agrees with the SQL computation.
SELECT order_number, pg_temp.totals_ok(id) AS totals_ok FROM sales.orders
WHERE order_number LIKE 'TOT-%' ORDER BY order_number;

-- Lines of 40 orders in one statement: more orders than the few niaga reads
-- with its once-planned lookup, so the grouped read planned per call runs.
INSERT INTO sales.orders (id, order_number, shipping_method, tax_rate_id)
SELECT ('b4000000-0000-0000-0000-' || lpad((100 + g)::text, 12, '0'))::uuid, 'TOT-MANY-' || lpad(g::text, 2, '0'),
       'TOT-STD', 'b2000000-0000-0000-0000-000000000001'
FROM generate_series(1, 40) g;
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
SELECT ('b4000000-0000-0000-0000-' || lpad((100 + g)::text, 12, '0'))::uuid, 'b1000000-0000-0000-0000-000000000005',
       'TOT-MANY-' || g || '-' || l, 'Banyak ' || g, l, g + 0.05 * l
FROM generate_series(1, 40) g CROSS JOIN generate_series(1, 2) l;
SELECT count(*) AS orders, count(*) FILTER (WHERE pg_temp.totals_ok(id)) AS totals_ok,
       count(*) FILTER (WHERE subtotal > 0) AS priced
FROM sales.orders WHERE order_number LIKE 'TOT-MANY-%';

ROLLBACK;
