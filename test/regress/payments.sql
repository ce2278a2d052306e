-- Payments (SPEC §8, §2, §12): sales.record_payment inserts a payment, is
-- idempotent on (payment_provider, transaction_id) — a repeated webhook
-- updates the row, never duplicates it, and a transaction cannot move to
-- another order — and confirms a pending order once its completed payments
-- reach the total. Bad arguments: NULL or bad money 22023, a status or
-- method outside the table's CHECK 23514, a missing order P0002.
--
-- Ids of this file: uuids 4d0000NN-…, codes PAY-…. The whole test runs in one
-- transaction that is rolled back at the end, so it leaves no rows behind in
-- the shared regression database; ON_ERROR_ROLLBACK lets a statement fail
-- (its SQLSTATE is echoed after it) without ending the transaction.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

UPDATE inventory.warehouses SET is_active = false WHERE is_active AND code NOT LIKE 'PAYT-%';

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
-- Fixture: a customer and a cashier (the actor), a warehouse with stock, a
-- product, a tax rate named by every order, a shipping method.
-- ---------------------------------------------------------------------------

INSERT INTO auth.users (id, email, password_hash, first_name, role) VALUES
    ('4d000001-0000-4000-8000-000000000001', 'payt-siti@example.com', 'x', 'Siti', 'customer'),
    ('4d000001-0000-4000-8000-000000000002', 'payt-cashier@example.com', 'x', 'Cashier', 'admin');
INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('4d000002-0000-4000-8000-000000000001', 'PAYT-W1', 'Payments warehouse', 1);
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('4d000003-0000-4000-8000-000000000001', 'PAYT-P1', 'Songkok', 'payt-songkok', 10.00);
SELECT inventory.receive_stock('4d000002-0000-4000-8000-000000000001', '4d000003-0000-4000-8000-000000000001', NULL, 100)
       IS NOT NULL AS received;
INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default) VALUES
    ('4d000004-0000-4000-8000-000000000001', 'PAYT-SST', 'Payments SST', 6.00, false, false);
INSERT INTO sales.shipping_methods (code, name, base_cost) VALUES ('payt-post', 'Payments post', 5.00);

-- Order ids 4d000010-…-0000000000NN, shown as NN.
CREATE FUNCTION pg_temp.o(n int) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$ SELECT ('4d000010-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid $$;
-- A pending order of `quantity` songkok: quantity x 10.00 + 5.00 shipping +
-- 6 % tax on the goods (2 songkok: 20.00 + 5.00 + 1.20 = 26.20).
CREATE FUNCTION pg_temp.new_order(n int, user_id uuid, quantity int) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO sales.orders (id, user_id, shipping_method, tax_rate_id)
    VALUES (pg_temp.o(n), user_id, 'payt-post', '4d000004-0000-4000-8000-000000000001');
    INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
    VALUES (pg_temp.o(n), '4d000003-0000-4000-8000-000000000001', 'PAYT-P1', 'Songkok', quantity, 10.00);
$$;
SELECT pg_temp.new_order(n, '4d000001-0000-4000-8000-000000000001', 2) FROM generate_series(1, 6) AS n;
SELECT pg_temp.new_order(7, NULL, 2);

-- This file's payments and orders.
CREATE TEMP VIEW payt_payments AS
SELECT right(p.order_id::text, 2) AS o, p.payment_method, p.payment_provider, p.transaction_id, p.amount, p.status,
       p.paid_at = now() AS paid_now, p.metadata
FROM sales.payments p WHERE p.order_id::text LIKE '4d000010-%';
CREATE TEMP VIEW payt_orders AS
SELECT right(o.id::text, 2) AS o, o.status, o.total, o.confirmed_at = now() AS confirmed_now,
       o.reserved_at IS NOT NULL AS reserved,
       (SELECT count(*) FROM sales.order_status_history h WHERE h.order_id = o.id) AS history
FROM sales.orders o WHERE o.id::text LIKE '4d000010-%';

SELECT * FROM payt_orders ORDER BY o;

-- ---------------------------------------------------------------------------
-- A payment is recorded; a repeated webhook (same provider and transaction)
-- updates it and never duplicates it.
-- ---------------------------------------------------------------------------

SET niaga.actor_id = '4d000001-0000-4000-8000-000000000002';
SELECT sales.record_payment(pg_temp.o(1), 'online_banking', 'payt-fpx', 'PAYT-TX-1', 10.00, 'pending',
                            '{"attempt": 1}') AS tx1 \gset
SELECT id = :'tx1' AS returned_id, order_id = pg_temp.o(1) AS for_order_1 FROM sales.payments
WHERE payment_provider = 'payt-fpx' AND transaction_id = 'PAYT-TX-1';
SELECT * FROM payt_payments ORDER BY o, transaction_id;
-- The webhook again: now completed. The same row; metadata kept when the
-- repeat brings none.
SELECT sales.record_payment(pg_temp.o(1), 'online_banking', 'payt-fpx', 'PAYT-TX-1', 10.00, 'completed') = :'tx1'
       AS same_payment;
SELECT * FROM payt_payments ORDER BY o, transaction_id;
-- And again, with new metadata and a corrected amount.
SELECT sales.record_payment(pg_temp.o(1), 'online_banking', 'payt-fpx', 'PAYT-TX-1', 12.00, 'completed',
                            '{"attempt": 2}') = :'tx1' AS same_payment;
SELECT * FROM payt_payments ORDER BY o, transaction_id;
SELECT count(*) AS rows FROM sales.payments WHERE payment_provider = 'payt-fpx' AND transaction_id = 'PAYT-TX-1';
-- 12.00 of 26.20 paid: the order stays pending, no history row.
SELECT * FROM payt_orders WHERE o = '01';

-- The same transaction of the same provider for another order: 22023, and
-- nothing changes. Another provider's transaction of the same id is another
-- payment.
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, 'online_banking', 'payt-fpx', 'PAYT-TX-1', 26.20, 'completed')$$,
                          pg_temp.o(2))) AS other_order;
SELECT * FROM payt_payments ORDER BY o, transaction_id;
SELECT * FROM payt_orders WHERE o IN ('01', '02') ORDER BY o;
SELECT sales.record_payment(pg_temp.o(2), 'credit_card', 'payt-card', 'PAYT-TX-1', 1.00, 'pending') <> :'tx1'
       AS another_payment;
SELECT o, payment_provider, transaction_id, amount, status FROM payt_payments ORDER BY o, payment_provider;

-- ---------------------------------------------------------------------------
-- Completed payments reaching the total confirm a pending order: history row
-- (created_by the actor), confirmed_at, stock reserved.
-- ---------------------------------------------------------------------------

-- 12.00 + 14.19 = 26.19: one sen short.
SELECT sales.record_payment(pg_temp.o(1), 'ewallet', 'payt-tng', 'PAYT-TX-2', 14.19, 'completed') IS NOT NULL AS recorded;
SELECT * FROM payt_orders WHERE o = '01';
-- The webhook corrects the amount to 14.20: 26.20, paid in full.
SELECT sales.record_payment(pg_temp.o(1), 'ewallet', 'payt-tng', 'PAYT-TX-2', 14.20, 'completed') IS NOT NULL AS recorded;
SELECT * FROM payt_orders WHERE o = '01';
SELECT h.status, h.notes, u.first_name AS created_by FROM sales.order_status_history h
LEFT JOIN auth.users u ON u.id = h.created_by WHERE h.order_id = pg_temp.o(1) ORDER BY h.status DESC;
SELECT w.code AS warehouse, s.quantity, s.reserved_quantity FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id WHERE w.code = 'PAYT-W1';
-- Repeats after the confirmation change nothing more; a completed payment
-- turning failed does not move the order back.
SELECT sales.record_payment(pg_temp.o(1), 'ewallet', 'payt-tng', 'PAYT-TX-2', 14.20, 'completed') IS NOT NULL AS recorded;
SELECT sales.record_payment(pg_temp.o(1), 'online_banking', 'payt-fpx', 'PAYT-TX-1', 12.00, 'failed') IS NOT NULL AS recorded;
SELECT * FROM payt_orders WHERE o = '01';
SELECT * FROM payt_payments WHERE o = '01' ORDER BY transaction_id;

-- One payment of the whole total; an overpayment; a guest order.
SELECT sales.record_payment(pg_temp.o(3), 'cod', 'payt-courier', 'PAYT-TX-3', 26.20, 'completed') IS NOT NULL AS recorded;
SELECT sales.record_payment(pg_temp.o(4), 'credit_card', 'payt-card', 'PAYT-TX-4', 30.00, 'completed') IS NOT NULL AS recorded;
SELECT sales.record_payment(pg_temp.o(7), 'credit_card', 'payt-card', 'PAYT-TX-7', 26.20, 'completed') IS NOT NULL AS recorded;
-- The whole total, but not completed: still pending.
SELECT sales.record_payment(pg_temp.o(5), 'credit_card', 'payt-card', 'PAYT-TX-5A', 26.20, 'pending') IS NOT NULL AS recorded;
SELECT sales.record_payment(pg_temp.o(5), 'credit_card', 'payt-card', 'PAYT-TX-5B', 26.20, 'failed') IS NOT NULL AS recorded;
SELECT sales.record_payment(pg_temp.o(5), 'credit_card', 'payt-card', 'PAYT-TX-5C', 26.20, 'processing') IS NOT NULL AS recorded;
SELECT * FROM payt_orders ORDER BY o;
-- A payment for a cancelled order is recorded; the order stays cancelled.
SELECT status FROM sales.cancel_order(pg_temp.o(6), 'customer gave up');
SELECT sales.record_payment(pg_temp.o(6), 'credit_card', 'payt-card', 'PAYT-TX-6', 26.20, 'completed') IS NOT NULL AS recorded;
SELECT * FROM payt_orders WHERE o = '06';
-- A payment for an order already past pending leaves its status alone.
SELECT status FROM sales.set_order_status(pg_temp.o(3), 'processing');
SELECT sales.record_payment(pg_temp.o(3), 'cod', 'payt-courier', 'PAYT-TX-3B', 26.20, 'completed') IS NOT NULL AS recorded;
SELECT * FROM payt_orders WHERE o = '03';

-- ---------------------------------------------------------------------------
-- Bad input.
-- ---------------------------------------------------------------------------

-- NULL arguments (metadata may be NULL).
SELECT pg_temp.try($$SELECT sales.record_payment(NULL, 'cod', 'payt-x', 'PAYT-BAD', 1.00, 'pending')$$) AS null_order;
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, NULL, 'payt-x', 'PAYT-BAD', 1.00, 'pending')$$, pg_temp.o(2)))
       AS null_method;
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, 'cod', NULL, 'PAYT-BAD', 1.00, 'pending')$$, pg_temp.o(2)))
       AS null_provider;
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, 'cod', 'payt-x', NULL, 1.00, 'pending')$$, pg_temp.o(2)))
       AS null_transaction;
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, 'cod', 'payt-x', 'PAYT-BAD', NULL, 'pending')$$, pg_temp.o(2)))
       AS null_amount;
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, 'cod', 'payt-x', 'PAYT-BAD', 1.00, NULL)$$, pg_temp.o(2)))
       AS null_status;
-- Money that is not money (SPEC §2): negative, NaN, infinite, a fraction of
-- a sen; beyond numeric(12,2). 10.050 is a whole number of sen.
SELECT amount, pg_temp.try(format($$SELECT sales.record_payment(%L, 'cod', 'payt-x', 'PAYT-BAD', %L::numeric, 'pending')$$,
                                  pg_temp.o(2), amount)) AS result
FROM unnest(ARRAY['-0.01', '-5', 'NaN', 'Infinity', '-Infinity', '10.005', '0.001', '10000000000.00']) AS amount;
SELECT sales.record_payment(pg_temp.o(2), 'cod', 'payt-x', 'PAYT-OK', 10.050, 'pending') IS NOT NULL AS recorded;
SELECT amount FROM sales.payments WHERE transaction_id = 'PAYT-OK';
-- A status or method outside the seed's values: the table's CHECK (23514).
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, 'cod', 'payt-x', 'PAYT-BAD', 1.00, 'paid')$$, pg_temp.o(2)))
       AS bad_status;
SELECT pg_temp.try(format($$SELECT sales.record_payment(%L, 'bitcoin', 'payt-x', 'PAYT-BAD', 1.00, 'pending')$$,
                          pg_temp.o(2))) AS bad_method;
-- A missing order.
SELECT pg_temp.try($$SELECT sales.record_payment('4d000010-0000-4000-8000-000000000098', 'cod', 'payt-x', 'PAYT-BAD',
                                                 1.00, 'pending')$$) AS missing_order;
-- None of them left a payment behind.
SELECT count(*) AS bad_payments FROM sales.payments WHERE transaction_id = 'PAYT-BAD';
SELECT * FROM payt_orders WHERE o = '02';

ROLLBACK;
