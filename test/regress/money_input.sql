-- Money input (SPEC §2): sales.cash_rounding (§5) and the money that order
-- lines carry. A value that is not a whole number of sen, NaN, ±Infinity or
-- a negative amount raises 22023; a result beyond numeric(12,2) raises 22003;
-- a failing statement leaves nothing half-done.
--
-- The whole test runs in one transaction that is rolled back at the end, so it
-- leaves no rows behind in the shared regression database; ON_ERROR_ROLLBACK
-- lets a statement fail (its SQLSTATE is echoed after it) without ending the
-- transaction.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

-- ---------------------------------------------------------------------------
-- sales.cash_rounding: nearest 0.05, Malaysian practice
-- (...1,2 -> ...0; ...3,4 -> ...5; ...6,7 -> ...5; ...8,9 -> ...10).
-- ---------------------------------------------------------------------------

SELECT amount, sales.cash_rounding(amount) AS cash
FROM (VALUES (10.00), (10.01), (10.02), (10.03), (10.04), (10.05), (10.06), (10.07), (10.08), (10.09),
             (9.98), (9.99), (99.97), (0.00), (0.01), (0.02), (0.03)) v(amount);

-- whole-sen inputs written with fewer or more (zero) decimals are fine
SELECT sales.cash_rounding(10.050) AS "10.050", sales.cash_rounding(10.5) AS "10.5", sales.cash_rounding(10) AS "10",
       sales.cash_rounding(0.0300000) AS "0.0300000", sales.cash_rounding(-0.00) AS "-0.00";
SELECT sales.cash_rounding(NULL) IS NULL AS null_gives_null;
SELECT pg_typeof(sales.cash_rounding(1.23)) AS result_type;
-- the largest amounts that stay within numeric(12,2)
SELECT sales.cash_rounding(9999999999.97) AS largest_down, sales.cash_rounding(9999999999.95) AS largest_exact;

-- not a whole number of sen, not a number, negative: 22023
SELECT sales.cash_rounding(10.005);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding(0.001);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding('NaN');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding('Infinity');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding('-Infinity');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding(-1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding(-0.01);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- results beyond numeric(12,2): 22003, never a wrap. 9999999999.98 fits
-- numeric(12,2) but rounds up to 10000000000.00, which does not.
-- (VERBOSITY sqlstate: only the code is pinned here, not the wording.)
\set VERBOSITY sqlstate
SELECT sales.cash_rounding(9999999999.98);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding(9999999999.99);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sales.cash_rounding(12345678901234.56);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY default
SELECT sales.cash_rounding(1e30);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- Order lines: total_price = quantity x unit_price must fit numeric(12,2),
-- and so must the order's subtotal and total; quantities are positive.
-- ---------------------------------------------------------------------------

-- An active default tax rate left by another test would take part here:
-- retire it for the length of this transaction.
UPDATE sales.tax_rates SET is_default = false WHERE is_default AND is_active;

INSERT INTO catalog.products (id, sku, name, slug, base_price)
VALUES ('d1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 'mny-emas', 100.00);
INSERT INTO sales.orders (id, order_number) VALUES
    ('d4000000-0000-0000-0000-000000000001', 'MNY-A'),
    ('d4000000-0000-0000-0000-000000000002', 'MNY-B');
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d5000000-0000-0000-0000-000000000001', 'd4000000-0000-0000-0000-000000000001',
        'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 2, 100.00);

-- What the order and its lines hold; compared after each refused statement.
CREATE TEMP VIEW mny_state AS
SELECT o.order_number, o.subtotal, o.tax_amount, o.total,
       (SELECT count(*) FROM sales.order_items i WHERE i.order_id = o.id) AS lines,
       (SELECT string_agg(i.quantity || ' x ' || i.unit_price || ' = ' || i.total_price, ', ' ORDER BY i.created_at, i.id)
        FROM sales.order_items i WHERE i.order_id = o.id) AS line_values
FROM sales.orders o WHERE o.order_number LIKE 'MNY-%' ORDER BY o.order_number;
SELECT * FROM mny_state;

-- a line whose quantity x unit_price exceeds numeric(12,2)
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas',
        2, 9999999999.99);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- far beyond 64 bits of sen: still 22003, no wrap
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas',
        2147483647, 9999999999.99);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- a good row and an overflowing row in one statement: neither is written
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 1, 5.00),
    ('d4000000-0000-0000-0000-000000000002', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas',
     3, 5000000000.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- an update that makes a line overflow
UPDATE sales.order_items SET quantity = 1000000000 WHERE id = 'd5000000-0000-0000-0000-000000000001';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- lines that fit one by one but whose subtotal does not
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('d4000000-0000-0000-0000-000000000002', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas',
     1, 6000000000.00),
    ('d4000000-0000-0000-0000-000000000002', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas',
     1, 6000000000.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM mny_state;

-- the largest line that fits is accepted (no tax rate, no shipping) ...
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d5000000-0000-0000-0000-000000000002', 'd4000000-0000-0000-0000-000000000002',
        'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 1, 9999999999.99);
SELECT * FROM mny_state;
-- ... but not once a tax would take the total beyond numeric(12,2)
INSERT INTO sales.tax_rates (id, code, name, rate, is_default)
VALUES ('d2000000-0000-0000-0000-000000000001', 'MNY-SST6', 'SST 6%', 6.00, true);
INSERT INTO sales.orders (id, order_number) VALUES ('d4000000-0000-0000-0000-000000000003', 'MNY-C');
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000003', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas',
        1, 9999999999.99);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM mny_state;
DELETE FROM sales.order_items WHERE id = 'd5000000-0000-0000-0000-000000000002';

-- zero, negative and missing quantities
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 0, 5.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', -3, 5.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.order_items SET quantity = 0 WHERE id = 'd5000000-0000-0000-0000-000000000001';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- (terse: the DETAIL would print the row's generated id and timestamp)
\set VERBOSITY terse
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', NULL, 5.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY default

-- negative and non-finite unit prices
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 1, -5.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 1, 'NaN');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 'MNY-P1', 'Emas', 1,
        'Infinity');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.order_items SET unit_price = 'NaN' WHERE id = 'd5000000-0000-0000-0000-000000000001';
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- nothing of the refused statements was written
SELECT * FROM mny_state;

-- A quote whose line or subtotal would exceed numeric(12,2): 22003 as well.
INSERT INTO catalog.products (id, sku, name, slug, base_price)
VALUES ('d1000000-0000-0000-0000-000000000002', 'MNY-P2', 'Berlian', 'mny-berlian', 9999999999.99);
INSERT INTO sales.carts (id, session_id) VALUES ('d3000000-0000-0000-0000-000000000001', 'money-input-guest');
INSERT INTO sales.cart_items (cart_id, product_id, quantity, unit_price)
VALUES ('d3000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000002', 2, 9999999999.99);
SELECT * FROM sales.quote('d3000000-0000-0000-0000-000000000001', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.cart_items SET quantity = 1 WHERE cart_id = 'd3000000-0000-0000-0000-000000000001';
INSERT INTO sales.cart_items (cart_id, product_id, quantity, unit_price)
VALUES ('d3000000-0000-0000-0000-000000000001', 'd1000000-0000-0000-0000-000000000001', 1, 100.00);
SELECT * FROM sales.quote('d3000000-0000-0000-0000-000000000001', NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

ROLLBACK;
