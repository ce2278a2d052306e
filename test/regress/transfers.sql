-- Stock transfers between warehouses (SPEC §7): create (TRF- number, lines of
-- the same item merged), approve, dispatch (stock leaves the source with
-- transfer_out movements; needs available stock), receive (transfer_in; a
-- partial "received" list, lines it does not name arrive in full), cancel
-- (only before dispatch); every other move is NG002; bad input is refused and
-- leaves nothing behind.
--
-- The whole test runs in one transaction that is rolled back at the end, so it
-- leaves no rows behind in the shared regression database; ON_ERROR_ROLLBACK
-- lets a statement fail (its SQLSTATE is echoed after it) without ending the
-- transaction.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

-- Only this test's warehouses take part in reservations here.
UPDATE inventory.warehouses SET is_active = false WHERE is_active AND code NOT LIKE 'XFR-%';

INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('5c100001-0000-4000-8000-000000000001', 'XFR-SHAH', 'Shah Alam', 1),
    ('5c100001-0000-4000-8000-000000000002', 'XFR-KCH', 'Kuching', 2);
INSERT INTO inventory.warehouses (id, code, name, priority, deleted_at) VALUES
    ('5c100001-0000-4000-8000-000000000003', 'XFR-GONE', 'Closed', 3, now());

INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('5c100002-0000-4000-8000-000000000001', 'XFR-P1', 'Beras', 'xfr-beras', 30.00),
    ('5c100002-0000-4000-8000-000000000002', 'XFR-P2', 'Kain', 'xfr-kain', 25.00),
    ('5c100002-0000-4000-8000-000000000003', 'XFR-P3', 'Pinggan', 'xfr-pinggan', 8.00);
INSERT INTO catalog.product_variants (id, product_id, sku, name) VALUES
    ('5c100003-0000-4000-8000-000000000001', '5c100002-0000-4000-8000-000000000002', 'XFR-P2-BATIK', 'Batik'),
    ('5c100003-0000-4000-8000-000000000002', '5c100002-0000-4000-8000-000000000003', 'XFR-P3-SET', 'Set');

-- SHAH: 20 XFR-P1, 10 XFR-P2-BATIK, 6 XFR-P3; KCH: 5 XFR-P1.
SELECT inventory.receive_stock('5c100001-0000-4000-8000-000000000001', '5c100002-0000-4000-8000-000000000001', NULL,
                               20) IS NOT NULL AS received;
SELECT inventory.receive_stock('5c100001-0000-4000-8000-000000000001', '5c100002-0000-4000-8000-000000000002',
                               '5c100003-0000-4000-8000-000000000001', 10) IS NOT NULL AS received;
SELECT inventory.receive_stock('5c100001-0000-4000-8000-000000000001', '5c100002-0000-4000-8000-000000000003', NULL,
                               6) IS NOT NULL AS received;
SELECT inventory.receive_stock('5c100001-0000-4000-8000-000000000002', '5c100002-0000-4000-8000-000000000001', NULL,
                               5) IS NOT NULL AS received;

CREATE TEMP VIEW xfr_items AS
SELECT w.code AS warehouse, coalesce(v.sku, p.sku) AS sku, s.quantity, s.reserved_quantity AS reserved
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
WHERE w.code LIKE 'XFR-%';
CREATE TEMP VIEW xfr_transfers AS
SELECT t.notes AS transfer, t.status, f.code AS from_warehouse, d.code AS to_warehouse,
       t.transfer_number ~ '^TRF-[0-9]{8}-[0-9]{6,}$' AS numbered,
       t.approved_at IS NOT NULL AS approved, t.completed_at IS NOT NULL AS completed
FROM inventory.stock_transfers t
JOIN inventory.warehouses f ON f.id = t.from_warehouse_id
JOIN inventory.warehouses d ON d.id = t.to_warehouse_id
WHERE f.code LIKE 'XFR-%';
CREATE TEMP VIEW xfr_lines AS
SELECT t.notes AS transfer, coalesce(v.sku, p.sku) AS sku, i.quantity, i.received_quantity
FROM inventory.stock_transfer_items i
JOIN inventory.stock_transfers t ON t.id = i.transfer_id
JOIN catalog.products p ON p.id = i.product_id
LEFT JOIN catalog.product_variants v ON v.id = i.variant_id
WHERE t.notes LIKE 'XFR %';
CREATE TEMP VIEW xfr_movements AS
SELECT t.notes AS transfer, w.code AS warehouse, coalesce(v.sku, p.sku) AS sku, m.type, m.quantity,
       m.reference_type
FROM inventory.stock_movements m
JOIN inventory.warehouses w ON w.id = m.warehouse_id
JOIN catalog.products p ON p.id = m.product_id
LEFT JOIN catalog.product_variants v ON v.id = m.variant_id
LEFT JOIN inventory.stock_transfers t ON t.id = m.reference_id
WHERE w.code LIKE 'XFR-%' AND m.type LIKE 'transfer%';

-- dispatch_transfer's answer, with the transfer number (today's date and a
-- sequence) masked: 'dispatched' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.dispatch(id uuid) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
    PERFORM inventory.dispatch_transfer(id);
    RETURN 'dispatched';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || regexp_replace(SQLERRM, 'TRF-[0-9]{8}-[0-9]{6,}', 'TRF-<number>', 'g');
END
$$;

-- ---------------------------------------------------------------------------
-- The whole way: create → approve → dispatch → receive.
-- ---------------------------------------------------------------------------

-- Three entries, two of them the same item: two lines (7 XFR-P1, 2 batik).
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 3},
      {"product_id": "5c100002-0000-4000-8000-000000000002", "variant_id": "5c100003-0000-4000-8000-000000000001",
       "quantity": 2},
      {"product_id": "5c100002-0000-4000-8000-000000000001", "variant_id": null, "quantity": 4}]',
    'XFR one') AS t1 \gset
SELECT :'t1' = id::text AS returned_the_transfer,
       substr(transfer_number, 5, 8) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD') AS dated_today
FROM inventory.stock_transfers WHERE notes = 'XFR one';
SELECT * FROM xfr_transfers;
SELECT * FROM xfr_lines ORDER BY transfer, sku;
-- Creating moves no stock.
SELECT count(*) AS movements FROM xfr_movements;

SELECT inventory.approve_transfer(:'t1');
SELECT * FROM xfr_transfers;

SELECT inventory.dispatch_transfer(:'t1');
SELECT * FROM xfr_transfers;
SELECT * FROM xfr_items ORDER BY warehouse, sku;
SELECT * FROM xfr_movements ORDER BY transfer, warehouse, sku, type;

-- Arrival: 5 of the 7 XFR-P1 counted (unknown keys are ignored); the batik
-- line is not named, so its 2 arrive in full.
SELECT inventory.receive_transfer(:'t1',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "variant_id": null, "received_quantity": 5,
       "condition": "two sacks torn", "checked_by": "Aminah"}]');
SELECT * FROM xfr_transfers;
SELECT * FROM xfr_lines ORDER BY transfer, sku;
SELECT * FROM xfr_items ORDER BY warehouse, sku;
SELECT * FROM xfr_movements ORDER BY transfer, warehouse, sku, type;

-- ---------------------------------------------------------------------------
-- Receiving: received_quantity beyond what was sent (or below 0) is refused
-- and changes nothing; with no list at all everything arrives.
-- ---------------------------------------------------------------------------

SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000003", "quantity": 2},
      {"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]', 'XFR two') AS t2 \gset
SELECT inventory.approve_transfer(:'t2');
SELECT inventory.dispatch_transfer(:'t2');
SELECT inventory.receive_transfer(:'t2',
    '[{"product_id": "5c100002-0000-4000-8000-000000000003", "received_quantity": 3}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(:'t2',
    '[{"product_id": "5c100002-0000-4000-8000-000000000003", "received_quantity": -1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(:'t2', '{"product_id": "5c100002-0000-4000-8000-000000000003"}');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(:'t2',
    '[{"product_id": "5c100002-0000-4000-8000-000000000003", "received_quantity": "many"}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM xfr_transfers WHERE transfer = 'XFR two';
SELECT * FROM xfr_lines WHERE transfer = 'XFR two' ORDER BY sku;
SELECT * FROM xfr_movements WHERE transfer = 'XFR two' AND type = 'transfer_in';
SELECT inventory.receive_transfer(:'t2');
SELECT * FROM xfr_transfers WHERE transfer = 'XFR two';
SELECT * FROM xfr_lines WHERE transfer = 'XFR two' ORDER BY sku;
SELECT * FROM xfr_movements WHERE transfer = 'XFR two' ORDER BY warehouse, sku, type;

-- Receiving 0 of a line records it and moves nothing.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000003", "quantity": 1}]', 'XFR lost') AS t_lost \gset
SELECT inventory.approve_transfer(:'t_lost');
SELECT inventory.dispatch_transfer(:'t_lost');
SELECT inventory.receive_transfer(:'t_lost',
    '[{"product_id": "5c100002-0000-4000-8000-000000000003", "received_quantity": 0}]');
SELECT * FROM xfr_lines WHERE transfer = 'XFR lost';
SELECT * FROM xfr_movements WHERE transfer = 'XFR lost' ORDER BY type;

-- ---------------------------------------------------------------------------
-- Dispatch needs the goods available at the source: reserved stock does not
-- count (NG001 naming the short SKU), and nothing moves.
-- ---------------------------------------------------------------------------

-- SHAH holds 20 - 7 - 1 = 12 XFR-P1; an order reserves 10 of them there.
INSERT INTO sales.orders (id, order_number) VALUES ('5c100004-0000-4000-8000-000000000001', 'XFR-ORDER');
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('5c100004-0000-4000-8000-000000000001', '5c100002-0000-4000-8000-000000000001', 'XFR-P1', 'Beras', 10, 30.00);
SELECT code FROM inventory.warehouses
WHERE id = (SELECT inventory.reserve_order('5c100004-0000-4000-8000-000000000001'));
SELECT inventory.available('5c100002-0000-4000-8000-000000000001', NULL,
                           '5c100001-0000-4000-8000-000000000001') AS available_at_shah;

SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 3},
      {"product_id": "5c100002-0000-4000-8000-000000000002", "variant_id": "5c100003-0000-4000-8000-000000000001",
       "quantity": 1}]', 'XFR short') AS t_short \gset
SELECT inventory.approve_transfer(:'t_short');
SELECT pg_temp.dispatch(:'t_short');
-- An item the source never held at all.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000002', '5c100001-0000-4000-8000-000000000001',
    '[{"product_id": "5c100002-0000-4000-8000-000000000003", "variant_id": "5c100003-0000-4000-8000-000000000002",
       "quantity": 1}]', 'XFR none') AS t_none \gset
SELECT inventory.approve_transfer(:'t_none');
SELECT pg_temp.dispatch(:'t_none');
SELECT * FROM xfr_transfers WHERE transfer IN ('XFR short', 'XFR none') ORDER BY transfer;
SELECT count(*) AS movements FROM xfr_movements WHERE transfer IN ('XFR short', 'XFR none');
-- Exactly what is available can go.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 2}]', 'XFR exact') AS t_exact \gset
SELECT inventory.approve_transfer(:'t_exact');
SELECT inventory.dispatch_transfer(:'t_exact');
SELECT * FROM xfr_items WHERE warehouse = 'XFR-SHAH' ORDER BY sku;

-- ---------------------------------------------------------------------------
-- Cancel only before dispatch; every other move is NG002.
-- ---------------------------------------------------------------------------

SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000002', '5c100001-0000-4000-8000-000000000001',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]', 'XFR pending') AS t_pending \gset
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000002', '5c100001-0000-4000-8000-000000000001',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]', 'XFR cancel new') AS t_cancel_new \gset
SELECT inventory.cancel_transfer(:'t_cancel_new');
-- XFR short is approved: it can be cancelled too.
SELECT inventory.cancel_transfer(:'t_short');
SELECT * FROM xfr_transfers WHERE transfer IN ('XFR cancel new', 'XFR short') ORDER BY transfer;

-- pending: not dispatched, not received.
SELECT inventory.dispatch_transfer(:'t_pending');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(:'t_pending');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- approved (XFR none): not approved again, not received.
SELECT inventory.approve_transfer(:'t_none');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(:'t_none');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- in_transit (XFR exact): not approved, dispatched nor cancelled.
SELECT inventory.approve_transfer(:'t_exact');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.dispatch_transfer(:'t_exact');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.cancel_transfer(:'t_exact');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- completed (XFR one): nothing.
SELECT inventory.approve_transfer(:'t1');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.dispatch_transfer(:'t1');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(:'t1');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.cancel_transfer(:'t1');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- cancelled (XFR cancel new): nothing.
SELECT inventory.approve_transfer(:'t_cancel_new');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.dispatch_transfer(:'t_cancel_new');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(:'t_cancel_new');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.cancel_transfer(:'t_cancel_new');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- None of that changed a status or moved stock.
SELECT * FROM xfr_transfers ORDER BY transfer;
SELECT * FROM xfr_items ORDER BY warehouse, sku;

-- Unknown or NULL transfer.
SELECT inventory.approve_transfer('5c100009-0000-4000-8000-000000000099');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.dispatch_transfer('5c100009-0000-4000-8000-000000000099');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer('5c100009-0000-4000-8000-000000000099');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.cancel_transfer('5c100009-0000-4000-8000-000000000099');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.approve_transfer(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.dispatch_transfer(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_transfer(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.cancel_transfer(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- Bad input to create_transfer: refused, and no transfer row is left.
-- ---------------------------------------------------------------------------

SELECT count(*) AS transfers_before FROM inventory.stock_transfers \gset
-- The same warehouse twice.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000001',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- items not an array: an object, a string, JSON null.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '"XFR-P1"');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    'null');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- An array of something other than objects.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[1, 2]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- An empty array.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- A line without product_id, one without quantity.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}, {"quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001"}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- A negative or zero quantity.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": -2}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 0}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- A negative line is refused even when merging would make the item positive.
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 5},
      {"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": -1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- Not a uuid, not an integer (22P02: PostgreSQL's own input syntax error).
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "not-a-uuid", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": "lots"}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1.5}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- Beyond integer: one line, or two lines of the same item whose sum is (the
-- merged line cannot be stored: 22003 like any integer overflow; only the
-- SQLSTATE is shown for the sum).
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 3000000000}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY sqlstate
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 2147483647},
      {"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]');
\set VERBOSITY default
-- What does not exist: a product, a variant of another product, a warehouse,
-- a soft-deleted warehouse (P0002).
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1},
      {"product_id": "5c100002-0000-4000-8000-000000000099", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000002", "variant_id": "5c100003-0000-4000-8000-000000000002",
       "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000099', '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000003',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- NULL where a value is needed.
SELECT inventory.create_transfer(NULL, '5c100001-0000-4000-8000-000000000002',
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', NULL,
    '[{"product_id": "5c100002-0000-4000-8000-000000000001", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000001', '5c100001-0000-4000-8000-000000000002',
    NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT count(*) - :transfers_before AS transfers_left_behind FROM inventory.stock_transfers;

-- The same bad calls outside any transaction block leave nothing either: each
-- runs as its own statement, autocommitted. (A savepoint above would hide a
-- half-done change; here a half-done change would stay.)
ROLLBACK;
SELECT count(*) AS transfers_before FROM inventory.stock_transfers \gset
INSERT INTO inventory.warehouses (id, code, name) VALUES
    ('5c100001-0000-4000-8000-000000000011', 'XFR-AC1', 'Autocommit one'),
    ('5c100001-0000-4000-8000-000000000012', 'XFR-AC2', 'Autocommit two');
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('5c100002-0000-4000-8000-000000000011', 'XFR-AC-P', 'Autocommit', 'xfr-ac-p', 1.00);
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000011', '5c100001-0000-4000-8000-000000000012',
    '[{"product_id": "5c100002-0000-4000-8000-000000000011", "quantity": 1},
      {"product_id": "5c100002-0000-4000-8000-000000000099", "quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000011', '5c100001-0000-4000-8000-000000000012',
    '[{"product_id": "5c100002-0000-4000-8000-000000000011", "quantity": 1}, {"quantity": 1}]');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY sqlstate
SELECT inventory.create_transfer('5c100001-0000-4000-8000-000000000011', '5c100001-0000-4000-8000-000000000012',
    '[{"product_id": "5c100002-0000-4000-8000-000000000011", "quantity": 2147483647},
      {"product_id": "5c100002-0000-4000-8000-000000000011", "quantity": 1}]');
\set VERBOSITY default
SELECT count(*) - :transfers_before AS transfers_left_behind FROM inventory.stock_transfers;
SELECT count(*) AS lines_left_behind FROM inventory.stock_transfer_items
WHERE product_id = '5c100002-0000-4000-8000-000000000011';
DELETE FROM catalog.products WHERE id = '5c100002-0000-4000-8000-000000000011';
DELETE FROM inventory.warehouses WHERE id IN ('5c100001-0000-4000-8000-000000000011',
                                              '5c100001-0000-4000-8000-000000000012');
