-- The order lifecycle (SPEC §8, §12): every allowed and every forbidden move
-- through both paths, `UPDATE sales.orders SET status = …` and
-- sales.set_order_status, with the same result; the history row and the
-- timestamp of each move; and the effects of entering each status:
-- confirmed reserves stock (NG001 when it cannot), cancelled needs a reason,
-- releases the reservation and gives the coupon use back, shipped moves the
-- goods out (sale movements), delivered counts the customer profile, refunded
-- writes a refund, restocks (return movements) and uncounts the profile.
-- Commissions (§9) are not covered here.
--
-- Ids of this file: uuids 4a0000NN-…, codes LCY-…. The whole test runs in one
-- transaction that is rolled back at the end, so it leaves no rows behind in
-- the shared regression database; ON_ERROR_ROLLBACK lets a statement fail
-- (its SQLSTATE is echoed after it) without ending the transaction.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

-- Warehouses left active by other tests would take part in the choice of a
-- warehouse: retire them for the length of this transaction.
UPDATE inventory.warehouses SET is_active = false WHERE is_active AND code NOT LIKE 'LCY-%';

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

-- The same, the SQLSTATE alone.
CREATE FUNCTION pg_temp.state_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;

-- ---------------------------------------------------------------------------
-- Fixture: a customer and a staff user (the actor), two warehouses, two
-- products, a tax rate named by every order (so another file's default rate
-- does not matter), a shipping method and a coupon.
-- ---------------------------------------------------------------------------

INSERT INTO auth.users (id, email, password_hash, first_name, role) VALUES
    ('4a000001-0000-4000-8000-000000000001', 'lcy-aminah@example.com', 'x', 'Aminah', 'customer'),
    ('4a000001-0000-4000-8000-000000000002', 'lcy-staff@example.com', 'x', 'Staff', 'admin');
-- A customer profile was created for the customer only.
SELECT u.first_name, p.total_orders, p.total_spent
FROM auth.users u LEFT JOIN crm.customer_profiles p ON p.user_id = u.id
WHERE u.id::text LIKE '4a000001-%' ORDER BY u.first_name;

INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('4a000002-0000-4000-8000-000000000001', 'LCY-W1', 'Lifecycle first choice', 1),
    ('4a000002-0000-4000-8000-000000000002', 'LCY-W2', 'Lifecycle second choice', 2);
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('4a000003-0000-4000-8000-000000000001', 'LCY-P1', 'Teh tarik', 'lcy-teh-tarik', 10.00),
    ('4a000003-0000-4000-8000-000000000002', 'LCY-P2', 'Rendang', 'lcy-rendang', 25.00);
SELECT inventory.receive_stock('4a000002-0000-4000-8000-000000000001', '4a000003-0000-4000-8000-000000000001', NULL, 100)
       IS NOT NULL AS received;
SELECT inventory.receive_stock('4a000002-0000-4000-8000-000000000001', '4a000003-0000-4000-8000-000000000002', NULL, 3)
       IS NOT NULL AS received;
SELECT inventory.receive_stock('4a000002-0000-4000-8000-000000000002', '4a000003-0000-4000-8000-000000000001', NULL, 50)
       IS NOT NULL AS received;
SELECT inventory.receive_stock('4a000002-0000-4000-8000-000000000002', '4a000003-0000-4000-8000-000000000002', NULL, 20)
       IS NOT NULL AS received;
INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default) VALUES
    ('4a000004-0000-4000-8000-000000000001', 'LCY-SST', 'Lifecycle SST', 6.00, false, false);
INSERT INTO sales.shipping_methods (code, name, base_cost) VALUES ('lcy-post', 'Lifecycle post', 5.00);
INSERT INTO sales.coupons (id, code, type, value, usage_limit) VALUES
    ('4a000005-0000-4000-8000-000000000001', 'LCY-5OFF', 'fixed', 5.00, 10);

-- A pending order of p1 × LCY-P1 and p2 × LCY-P2 for a user (NULL = guest),
-- created by plain INSERT (never reserved).
CREATE FUNCTION pg_temp.new_order(id uuid, user_id uuid, p1 int, p2 int) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO sales.orders (id, user_id, shipping_method, tax_rate_id)
    VALUES (id, user_id, 'lcy-post', '4a000004-0000-4000-8000-000000000001');
    INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
    SELECT id, '4a000003-0000-4000-8000-000000000001'::uuid, 'LCY-P1', 'Teh tarik', p1, 10.00 WHERE p1 > 0
    UNION ALL
    SELECT id, '4a000003-0000-4000-8000-000000000002'::uuid, 'LCY-P2', 'Rendang', p2, 25.00 WHERE p2 > 0;
$$;

-- The order ids of this file: 4a000010-…-0000000000NN, shown as NN.
CREATE FUNCTION pg_temp.o(n int) RETURNS uuid
LANGUAGE sql IMMUTABLE AS $$ SELECT ('4a000010-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid $$;

-- This file's stock, by warehouse and SKU.
CREATE TEMP VIEW lcy_stock AS
SELECT w.code AS warehouse, p.sku, s.quantity, s.reserved_quantity AS reserved,
       (SELECT sum(m.quantity) FROM inventory.stock_movements m
        WHERE m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id) AS ledger
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
WHERE w.code LIKE 'LCY-%';

-- This file's orders: the lifecycle columns, timestamps as "set now" flags.
CREATE TEMP VIEW lcy_orders AS
SELECT right(o.id::text, 2) AS o, o.status, w.code AS warehouse, o.reserved_at IS NOT NULL AS reserved,
       o.confirmed_at = now() AS confirmed_at, o.shipped_at = now() AS shipped_at,
       o.delivered_at = now() AS delivered_at, o.cancelled_at = now() AS cancelled_at, o.cancellation_reason,
       o.tracking_number, o.tracking_url, o.total
FROM sales.orders o LEFT JOIN inventory.warehouses w ON w.id = o.warehouse_id
WHERE o.id::text LIKE '4a000010-%';

-- Status history of this file's orders, the actor named.
CREATE TEMP VIEW lcy_history AS
SELECT right(h.order_id::text, 2) AS o, h.status, h.notes, coalesce(u.first_name, h.created_by::text) AS created_by
FROM sales.order_status_history h LEFT JOIN auth.users u ON u.id = h.created_by
WHERE h.order_id::text LIKE '4a000010-%';

-- This file's stock movements that name an order.
CREATE TEMP VIEW lcy_movements AS
SELECT right(m.reference_id::text, 2) AS o, w.code AS warehouse, p.sku, m.type, m.quantity, m.reference_type
FROM inventory.stock_movements m
JOIN inventory.warehouses w ON w.id = m.warehouse_id
JOIN catalog.products p ON p.id = m.product_id
WHERE w.code LIKE 'LCY-%' AND m.reference_id IS NOT NULL;

SELECT * FROM lcy_stock ORDER BY warehouse, sku;

-- ---------------------------------------------------------------------------
-- A new order starts pending, with one history row; any other status is
-- refused (NG002), and so is an unknown one.
-- ---------------------------------------------------------------------------

SET niaga.actor_id = '4a000001-0000-4000-8000-000000000002';
SELECT pg_temp.new_order(pg_temp.o(1), '4a000001-0000-4000-8000-000000000001', 2, 0);
SELECT o, status, warehouse, reserved, confirmed_at, total FROM lcy_orders WHERE o = '01';
SELECT * FROM lcy_history WHERE o = '01';

SELECT s AS new_order_status,
       pg_temp.try(format($$INSERT INTO sales.orders (id, status, cancellation_reason) VALUES (%L, %L, 'x')$$,
                          pg_temp.o(99), s)) AS result
FROM unnest(ARRAY['confirmed', 'processing', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded']) AS s;
SELECT pg_temp.try(format($$INSERT INTO sales.orders (id, status) VALUES (%L, 'bogus')$$, pg_temp.o(99))) AS unknown_status;
SELECT count(*) AS left_behind FROM sales.orders WHERE id = pg_temp.o(99);

-- ---------------------------------------------------------------------------
-- The 64 (from, to) pairs through both paths. For each starting status an
-- order is driven there along allowed moves; each attempt runs in a
-- subtransaction that is rolled back afterwards, so every cell starts from
-- the same order. A cell reads "UPDATE result / set_order_status result":
-- the moved-to status, or the SQLSTATE. A plain UPDATE that leaves the status
-- unchanged is no move at all and succeeds; set_order_status to the same
-- status is asked for a move and raises NG002.
-- ---------------------------------------------------------------------------

CREATE FUNCTION pg_temp.attempt(order_id uuid, target text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    by_update text;
    by_function text;
    moved text;
BEGIN
    BEGIN
        UPDATE sales.orders SET status = target,
               cancellation_reason = CASE WHEN target = 'cancelled' THEN 'matrix' ELSE cancellation_reason END
        WHERE id = order_id;
        SELECT status INTO moved FROM sales.orders WHERE id = order_id;
        RAISE EXCEPTION USING ERRCODE = 'ZZ999';
    EXCEPTION
        WHEN SQLSTATE 'ZZ999' THEN by_update := moved;
        WHEN OTHERS THEN by_update := SQLSTATE;
    END;
    BEGIN
        SELECT (sales.set_order_status(order_id, target, 'matrix')).status INTO moved;
        RAISE EXCEPTION USING ERRCODE = 'ZZ999';
    EXCEPTION
        WHEN SQLSTATE 'ZZ999' THEN by_function := moved;
        WHEN OTHERS THEN by_function := SQLSTATE;
    END;
    RETURN by_update || ' / ' || by_function;
END
$$;

-- Orders 11…18, one per starting status, each one LCY-P1.
SELECT pg_temp.new_order(pg_temp.o(n), '4a000001-0000-4000-8000-000000000001', 1, 0) FROM generate_series(11, 18) AS n;
UPDATE sales.orders SET status = 'confirmed' WHERE id IN (pg_temp.o(12), pg_temp.o(13), pg_temp.o(14), pg_temp.o(15),
                                                           pg_temp.o(16), pg_temp.o(17));
UPDATE sales.orders SET status = 'processing' WHERE id IN (pg_temp.o(13), pg_temp.o(14), pg_temp.o(15), pg_temp.o(16),
                                                            pg_temp.o(17));
UPDATE sales.orders SET status = 'packed' WHERE id IN (pg_temp.o(14), pg_temp.o(15), pg_temp.o(16), pg_temp.o(17));
UPDATE sales.orders SET status = 'shipped' WHERE id IN (pg_temp.o(15), pg_temp.o(16), pg_temp.o(17));
UPDATE sales.orders SET status = 'delivered' WHERE id IN (pg_temp.o(16), pg_temp.o(17));
UPDATE sales.orders SET status = 'refunded' WHERE id = pg_temp.o(17);
UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'matrix start' WHERE id = pg_temp.o(18);
SELECT o, status FROM lcy_orders WHERE o BETWEEN '11' AND '18' ORDER BY o;
CREATE TEMP TABLE lcy_before AS
SELECT (SELECT count(*) FROM sales.order_status_history WHERE order_id::text LIKE '4a000010-%') AS history,
       (SELECT string_agg(warehouse || sku || quantity || '/' || reserved, ' ' ORDER BY warehouse, sku) FROM lcy_stock) AS stock,
       (SELECT count(*) FROM sales.refunds WHERE order_id::text LIKE '4a000010-%') AS refunds;

SELECT o.status AS "from",
       pg_temp.attempt(o.id, 'pending') AS pending,
       pg_temp.attempt(o.id, 'confirmed') AS confirmed,
       pg_temp.attempt(o.id, 'processing') AS processing,
       pg_temp.attempt(o.id, 'packed') AS packed,
       pg_temp.attempt(o.id, 'shipped') AS shipped,
       pg_temp.attempt(o.id, 'delivered') AS delivered,
       pg_temp.attempt(o.id, 'cancelled') AS cancelled,
       pg_temp.attempt(o.id, 'refunded') AS refunded
FROM sales.orders o WHERE o.id BETWEEN pg_temp.o(11) AND pg_temp.o(18) ORDER BY o.id;

-- The attempts left nothing behind: statuses, history, stock and refunds
-- are as they were.
SELECT o, status FROM lcy_orders WHERE o BETWEEN '11' AND '18' ORDER BY o;
SELECT b.history = (SELECT count(*) FROM sales.order_status_history WHERE order_id::text LIKE '4a000010-%') AS same_history,
       b.stock = (SELECT string_agg(warehouse || sku || quantity || '/' || reserved, ' ' ORDER BY warehouse, sku)
                  FROM lcy_stock) AS same_stock,
       b.refunds = (SELECT count(*) FROM sales.refunds WHERE order_id::text LIKE '4a000010-%') AS same_refunds
FROM lcy_before b;

-- A forbidden move raises NG002 naming both statuses, through either path.
UPDATE sales.orders SET status = 'shipped' WHERE id = pg_temp.o(11);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.set_order_status(pg_temp.o(11), 'shipped');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.set_order_status(pg_temp.o(11), 'pending');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- A plain UPDATE that leaves the status as it is: no move, no history row.
UPDATE sales.orders SET status = 'pending', admin_notes = 'touched' WHERE id = pg_temp.o(11);
SELECT o, status FROM lcy_orders WHERE o = '11';
SELECT count(*) AS history_rows FROM lcy_history WHERE o = '11';
-- Terminal statuses stay terminal.
UPDATE sales.orders SET status = 'pending' WHERE id = pg_temp.o(18);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.refund_order(pg_temp.o(17), 'again');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- The helpers refuse moves their status does not allow.
SELECT status FROM sales.ship_order(pg_temp.o(13), 'TRK-EARLY');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.refund_order(pg_temp.o(15), 'not delivered yet');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.cancel_order(pg_temp.o(15), 'too late');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.cancel_order(pg_temp.o(16), 'too late');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT o, status, tracking_number FROM lcy_orders WHERE o IN ('13', '15', '16', '17') ORDER BY o;

-- ---------------------------------------------------------------------------
-- pending -> confirmed: stock reserved at the chosen warehouse, confirmed_at,
-- a history row (notes from set_order_status, created_by from
-- niaga.actor_id). Both paths do the same.
-- ---------------------------------------------------------------------------

-- 21: 3 x LCY-P1 by UPDATE; 22: 3 x LCY-P1 + 5 x LCY-P2 by set_order_status:
-- LCY-W1 has only 3 LCY-P2, so 22 goes to LCY-W2.
SELECT pg_temp.new_order(pg_temp.o(21), '4a000001-0000-4000-8000-000000000001', 3, 0);
SELECT pg_temp.new_order(pg_temp.o(22), '4a000001-0000-4000-8000-000000000001', 3, 5);
SELECT * FROM lcy_stock ORDER BY warehouse, sku;
UPDATE sales.orders SET status = 'confirmed' WHERE id = pg_temp.o(21);
SELECT status, warehouse_id = '4a000002-0000-4000-8000-000000000002' AS at_w2, reserved_at = now() AS reserved_now,
       confirmed_at = now() AS confirmed_now
FROM sales.set_order_status(pg_temp.o(22), 'confirmed', 'paid by bank transfer');
SELECT o, status, warehouse, reserved, confirmed_at, shipped_at, delivered_at, cancelled_at
FROM lcy_orders WHERE o IN ('21', '22') ORDER BY o;
SELECT * FROM lcy_history WHERE o IN ('21', '22') ORDER BY o, status DESC;
SELECT * FROM lcy_stock ORDER BY warehouse, sku;
-- Reserving is not a stock movement.
SELECT count(*) AS movements FROM lcy_movements WHERE o IN ('21', '22');

-- The lines of a reserved order cannot change (55000; the message names the
-- order number, which depends on the date: SQLSTATE only).
\set VERBOSITY sqlstate
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES (pg_temp.o(21), '4a000003-0000-4000-8000-000000000001', 'LCY-P1', 'Teh tarik', 1, 10.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.order_items SET quantity = 1 WHERE order_id = pg_temp.o(21);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
DELETE FROM sales.order_items WHERE order_id = pg_temp.o(21);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY default
SELECT sku, quantity, total_price FROM sales.order_items WHERE order_id = pg_temp.o(21);

-- An order reserved beforehand (inventory.reserve_order) is not reserved
-- twice when it is confirmed.
SELECT pg_temp.new_order(pg_temp.o(23), '4a000001-0000-4000-8000-000000000001', 4, 0);
SELECT inventory.reserve_order(pg_temp.o(23)) = '4a000002-0000-4000-8000-000000000001' AS reserved_at_w1;
SELECT * FROM lcy_stock WHERE warehouse = 'LCY-W1' AND sku = 'LCY-P1';
SELECT status FROM sales.set_order_status(pg_temp.o(23), 'confirmed');
SELECT * FROM lcy_stock WHERE warehouse = 'LCY-W1' AND sku = 'LCY-P1';
SELECT o, status, warehouse, reserved, confirmed_at FROM lcy_orders WHERE o = '23';

-- Not enough stock anywhere: NG001 through either path, the order stays
-- pending and unreserved, no history row, no stock touched.
SELECT pg_temp.new_order(pg_temp.o(24), '4a000001-0000-4000-8000-000000000001', 1, 50);
UPDATE sales.orders SET status = 'confirmed' WHERE id = pg_temp.o(24);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.set_order_status(pg_temp.o(24), 'confirmed', 'will fail');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT o, status, warehouse, reserved, confirmed_at FROM lcy_orders WHERE o = '24';
SELECT * FROM lcy_history WHERE o = '24';
SELECT * FROM lcy_stock ORDER BY warehouse, sku;
-- The failed call's notes do not linger: a later plain UPDATE to cancelled
-- without a reason is still refused, and one with a reason records that one.
UPDATE sales.orders SET status = 'cancelled' WHERE id = pg_temp.o(24);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'out of stock' WHERE id = pg_temp.o(24);
SELECT o, status, reserved, cancelled_at, cancellation_reason FROM lcy_orders WHERE o = '24';
SELECT * FROM lcy_history WHERE o = '24' ORDER BY status DESC;

-- ---------------------------------------------------------------------------
-- confirmed -> processing -> packed: history rows only.
-- ---------------------------------------------------------------------------

RESET niaga.actor_id;
UPDATE sales.orders SET status = 'processing' WHERE id = pg_temp.o(21);
SELECT status FROM sales.set_order_status(pg_temp.o(22), 'processing', 'picking');
SET niaga.actor_id = '4a000001-0000-4000-8000-000000000002';
UPDATE sales.orders SET status = 'packed' WHERE id = pg_temp.o(21);
SELECT status FROM sales.set_order_status(pg_temp.o(22), 'packed', 'boxed');
SELECT o, status, warehouse, reserved, confirmed_at, shipped_at FROM lcy_orders WHERE o IN ('21', '22') ORDER BY o;
SELECT * FROM lcy_history WHERE o IN ('21', '22') AND status IN ('processing', 'packed') ORDER BY o, status DESC;
SELECT * FROM lcy_stock ORDER BY warehouse, sku;

-- ---------------------------------------------------------------------------
-- packed -> shipped: sale movements, quantity and reserved both drop,
-- reserved_at NULL (the warehouse stays), shipped_at; ship_order records
-- the tracking details.
-- ---------------------------------------------------------------------------

UPDATE sales.orders SET status = 'shipped' WHERE id = pg_temp.o(21);
SELECT status, tracking_number, tracking_url, shipped_at = now() AS shipped_now, reserved_at IS NULL AS released
FROM sales.ship_order(pg_temp.o(22), 'LCY-TRK-22', 'https://track.example.com/LCY-TRK-22');
SELECT o, status, warehouse, reserved, shipped_at, tracking_number, tracking_url
FROM lcy_orders WHERE o IN ('21', '22') ORDER BY o;
SELECT * FROM lcy_movements WHERE o IN ('21', '22') ORDER BY o, sku;
SELECT * FROM lcy_stock ORDER BY warehouse, sku;
SELECT * FROM lcy_history WHERE o IN ('21', '22') AND status = 'shipped' ORDER BY o;
-- ship_order without tracking details keeps those already set.
SELECT pg_temp.new_order(pg_temp.o(25), NULL, 1, 0);
UPDATE sales.orders SET tracking_number = 'LCY-PRESET' WHERE id = pg_temp.o(25);
SELECT status FROM sales.set_order_status(pg_temp.o(25), 'confirmed');
SELECT status FROM sales.set_order_status(pg_temp.o(25), 'processing');
SELECT status FROM sales.set_order_status(pg_temp.o(25), 'packed');
SELECT status, tracking_number, tracking_url FROM sales.ship_order(pg_temp.o(25));

-- ---------------------------------------------------------------------------
-- shipped -> delivered: delivered_at; the customer profile counts the order
-- (total_orders + 1, total_spent + total). A guest order counts nobody.
-- ---------------------------------------------------------------------------

SELECT o, total FROM lcy_orders WHERE o IN ('16', '17', '21', '22') ORDER BY o;
-- 16 is delivered and 17 was delivered then refunded: the profile counts 16.
SELECT total_orders, total_spent FROM crm.customer_profiles WHERE user_id = '4a000001-0000-4000-8000-000000000001';
UPDATE sales.orders SET status = 'delivered' WHERE id = pg_temp.o(21);
SELECT total_orders, total_spent FROM crm.customer_profiles WHERE user_id = '4a000001-0000-4000-8000-000000000001';
SELECT status, delivered_at = now() AS delivered_now FROM sales.set_order_status(pg_temp.o(22), 'delivered', 'signed');
SELECT total_orders, total_spent FROM crm.customer_profiles WHERE user_id = '4a000001-0000-4000-8000-000000000001';
SELECT status FROM sales.set_order_status(pg_temp.o(25), 'delivered');
SELECT total_orders, total_spent FROM crm.customer_profiles WHERE user_id = '4a000001-0000-4000-8000-000000000001';
SELECT o, status, delivered_at FROM lcy_orders WHERE o IN ('21', '22', '25') ORDER BY o;
SELECT * FROM lcy_history WHERE o IN ('21', '22') AND status = 'delivered' ORDER BY o;

-- ---------------------------------------------------------------------------
-- delivered -> refunded: a sales.refunds row (amount = total, the reason,
-- restock, created_by); with restock, return movements put the goods back;
-- without, no movement; the profile is uncounted.
-- ---------------------------------------------------------------------------

-- A reason is needed.
SELECT status FROM sales.refund_order(pg_temp.o(21), '');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.refund_order(pg_temp.o(21), NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.refund_order(pg_temp.o(21), 'arrived broken');
SELECT status FROM sales.refund_order(pg_temp.o(22), 'changed mind', false);
SELECT right(r.order_id::text, 2) AS o, r.amount, r.amount = o.total AS amount_is_total, r.reason, r.status, r.restock,
       u.first_name AS created_by
FROM sales.refunds r JOIN sales.orders o ON o.id = r.order_id LEFT JOIN auth.users u ON u.id = r.created_by
WHERE r.order_id IN (pg_temp.o(17), pg_temp.o(21), pg_temp.o(22)) ORDER BY 1;
SELECT * FROM lcy_movements WHERE o IN ('17', '21', '22') ORDER BY o, type, sku;
SELECT * FROM lcy_stock ORDER BY warehouse, sku;
SELECT total_orders, total_spent FROM crm.customer_profiles WHERE user_id = '4a000001-0000-4000-8000-000000000001';
SELECT * FROM lcy_history WHERE o IN ('21', '22') AND status = 'refunded' ORDER BY o;
-- A refunded guest order uncounts nobody.
SELECT status FROM sales.refund_order(pg_temp.o(25), 'lost in transit');
SELECT total_orders, total_spent FROM crm.customer_profiles WHERE user_id = '4a000001-0000-4000-8000-000000000001';

-- ---------------------------------------------------------------------------
-- -> cancelled: a reason is needed; the reservation is released (reserved
-- back down, no stock movement), the coupon use given back; cancelled_at and
-- the reason; the history row's notes are the reason.
-- ---------------------------------------------------------------------------

-- 31: confirmed with a coupon, cancelled by plain UPDATE.
-- 32: packed with a coupon, cancelled by cancel_order.
-- 33: confirmed, cancelled by set_order_status (the notes are the reason).
-- 34: pending and never reserved, cancelled by cancel_order.
SELECT pg_temp.new_order(pg_temp.o(n), '4a000001-0000-4000-8000-000000000001', 2, 1) FROM generate_series(31, 34) AS n;
SELECT sales.redeem_coupon(pg_temp.o(31), 'lcy-5off') AS discount;
SELECT sales.redeem_coupon(pg_temp.o(32), 'LCY-5OFF') AS discount;
SELECT status FROM sales.set_order_status(pg_temp.o(31), 'confirmed');
SELECT status FROM sales.set_order_status(pg_temp.o(32), 'confirmed');
SELECT status FROM sales.set_order_status(pg_temp.o(32), 'processing');
SELECT status FROM sales.set_order_status(pg_temp.o(32), 'packed');
SELECT status FROM sales.set_order_status(pg_temp.o(33), 'confirmed');
SELECT o, status, warehouse, reserved FROM lcy_orders WHERE o BETWEEN '31' AND '34' ORDER BY o;
SELECT code, used_count, (SELECT string_agg(right(order_id::text, 2), ' ' ORDER BY order_id) FROM sales.coupon_usages u
                          WHERE u.coupon_id = c.id) AS usages
FROM sales.coupons c WHERE c.id = '4a000005-0000-4000-8000-000000000001';
SELECT * FROM lcy_stock ORDER BY warehouse, sku;
CREATE TEMP TABLE lcy_movements_before AS SELECT count(*) AS n FROM inventory.stock_movements;

-- Without a reason: 22023, through every path; the order is unchanged.
UPDATE sales.orders SET status = 'cancelled' WHERE id = pg_temp.o(31);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.set_order_status(pg_temp.o(31), 'cancelled');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.cancel_order(pg_temp.o(31), '');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.cancel_order(pg_temp.o(31), '   ');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT status FROM sales.cancel_order(pg_temp.o(31), NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- An empty reason is no reason, whichever path brings it (cancel_order
-- refuses it, and the same rules hold for UPDATE and set_order_status).
SELECT pg_temp.state_of(format($$UPDATE sales.orders SET status = 'cancelled', cancellation_reason = '' WHERE id = %L$$,
                               pg_temp.o(31))) AS update_empty_reason;
SELECT pg_temp.state_of(format($$UPDATE sales.orders SET status = 'cancelled', cancellation_reason = '  ' WHERE id = %L$$,
                               pg_temp.o(31))) AS update_blank_reason;
SELECT pg_temp.state_of(format($$SELECT sales.set_order_status(%L, 'cancelled', '')$$, pg_temp.o(31)))
       AS function_empty_reason;
SELECT o, status, reserved, cancelled_at, cancellation_reason FROM lcy_orders WHERE o = '31';

UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'customer asked' WHERE id = pg_temp.o(31);
SELECT status, cancellation_reason, cancelled_at = now() AS cancelled_now
FROM sales.cancel_order(pg_temp.o(32), 'address unreachable');
SELECT status, cancellation_reason FROM sales.set_order_status(pg_temp.o(33), 'cancelled', 'duplicate order');
SELECT status, cancellation_reason FROM sales.cancel_order(pg_temp.o(34), 'changed mind');
SELECT o, status, warehouse, reserved, cancelled_at, cancellation_reason FROM lcy_orders
WHERE o BETWEEN '31' AND '34' ORDER BY o;
SELECT * FROM lcy_history WHERE o BETWEEN '31' AND '34' AND status = 'cancelled' ORDER BY o;
-- Reserved back down, nothing moved.
SELECT * FROM lcy_stock ORDER BY warehouse, sku;
SELECT (SELECT count(*) FROM inventory.stock_movements) - n AS new_movements FROM lcy_movements_before;
-- The coupon uses are given back.
SELECT code, used_count, (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id) AS usages
FROM sales.coupons c WHERE c.id = '4a000005-0000-4000-8000-000000000001';
-- A cancelled order is cancelled once.
SELECT status FROM sales.cancel_order(pg_temp.o(31), 'again');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- The whole history of one order, start to end, and the timestamps.
-- ---------------------------------------------------------------------------

SELECT * FROM lcy_history WHERE o = '22' ORDER BY CASE status WHEN 'pending' THEN 1 WHEN 'confirmed' THEN 2
    WHEN 'processing' THEN 3 WHEN 'packed' THEN 4 WHEN 'shipped' THEN 5 WHEN 'delivered' THEN 6 ELSE 7 END;
SELECT o, status, confirmed_at, shipped_at, delivered_at, cancelled_at FROM lcy_orders WHERE o = '22';

-- ---------------------------------------------------------------------------
-- Bad input: unknown status 22023, NULL order or status 22023, missing order
-- P0002 — through every function.
-- ---------------------------------------------------------------------------

SELECT pg_temp.try($$SELECT sales.set_order_status(pg_temp.o(11), 'bogus')$$) AS unknown_status;
SELECT pg_temp.try($$SELECT sales.set_order_status(pg_temp.o(11), 'Confirmed')$$) AS wrong_case;
SELECT pg_temp.try($$SELECT sales.set_order_status(pg_temp.o(11), NULL)$$) AS null_status;
SELECT pg_temp.try($$SELECT sales.set_order_status(NULL, 'confirmed')$$) AS null_order;
SELECT pg_temp.try($$SELECT sales.set_order_status('4a000010-0000-4000-8000-000000000098', 'confirmed')$$) AS missing_order;
SELECT pg_temp.try($$SELECT sales.cancel_order(NULL, 'x')$$) AS cancel_null;
SELECT pg_temp.try($$SELECT sales.cancel_order('4a000010-0000-4000-8000-000000000098', 'x')$$) AS cancel_missing;
SELECT pg_temp.try($$SELECT sales.ship_order(NULL)$$) AS ship_null;
SELECT pg_temp.try($$SELECT sales.ship_order('4a000010-0000-4000-8000-000000000098')$$) AS ship_missing;
SELECT pg_temp.try($$SELECT sales.refund_order(NULL, 'x')$$) AS refund_null;
SELECT pg_temp.try($$SELECT sales.refund_order('4a000010-0000-4000-8000-000000000098', 'x')$$) AS refund_missing;
-- A plain UPDATE to an unknown status.
SELECT pg_temp.try(format($$UPDATE sales.orders SET status = 'bogus' WHERE id = %L$$, pg_temp.o(11))) AS update_unknown;
SELECT o, status FROM lcy_orders WHERE o = '11';

ROLLBACK;
