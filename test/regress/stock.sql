-- Stock levels, the movement ledger and order reservations (SPEC §7):
-- receive_stock, adjust_stock, available, the low_stock view, the triggers
-- that keep Σ movements = quantity whoever changes a stock item, and
-- reserve_order / release_reservation / ship_reservation / restock_order.
--
-- The whole test runs in one transaction that is rolled back at the end, so it
-- leaves no rows behind in the shared regression database; ON_ERROR_ROLLBACK
-- lets a statement fail (its SQLSTATE is echoed after it) without ending the
-- transaction.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

-- Warehouses left active by other tests would take part in the choice of a
-- warehouse (and name themselves in NG001 details): retire them for the
-- length of this transaction.
UPDATE inventory.warehouses SET is_active = false WHERE is_active AND code NOT LIKE 'STK-%';

-- KL is preferred (priority 1); JB and PG tie on priority 2 (JB wins on
-- code); OFF (priority 0) is inactive and DEL (priority 0) soft-deleted later.
INSERT INTO inventory.warehouses (id, code, name, priority, is_active) VALUES
    ('5c000001-0000-4000-8000-000000000001', 'STK-KL', 'Kuala Lumpur', 1, true),
    ('5c000001-0000-4000-8000-000000000002', 'STK-JB', 'Johor Bahru', 2, true),
    ('5c000001-0000-4000-8000-000000000003', 'STK-PG', 'Penang', 2, true),
    ('5c000001-0000-4000-8000-000000000004', 'STK-OFF', 'Closed for renovation', 0, false),
    ('5c000001-0000-4000-8000-000000000005', 'STK-DEL', 'Demolished', 0, true);

INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('5c000002-0000-4000-8000-000000000001', 'STK-P1', 'Kopi', 'stk-kopi', 10.00),
    ('5c000002-0000-4000-8000-000000000002', 'STK-P2', 'Baju', 'stk-baju', 50.00),
    ('5c000002-0000-4000-8000-000000000003', 'STK-P3', 'Kasut', 'stk-kasut', 80.00),
    ('5c000002-0000-4000-8000-000000000011', 'STK-R1', 'Teh', 'stk-teh', 5.00),
    ('5c000002-0000-4000-8000-000000000012', 'STK-R2', 'Gula', 'stk-gula', 3.00);
INSERT INTO catalog.products (id, sku, name, slug, base_price, deleted_at) VALUES
    ('5c000002-0000-4000-8000-000000000004', 'STK-P4', 'Retired', 'stk-retired', 1.00, now());
INSERT INTO catalog.product_variants (id, product_id, sku, name) VALUES
    ('5c000003-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000002', 'STK-P2-RED', 'Merah'),
    ('5c000003-0000-4000-8000-000000000002', '5c000002-0000-4000-8000-000000000002', 'STK-P2-BLUE', 'Biru'),
    ('5c000003-0000-4000-8000-000000000003', '5c000002-0000-4000-8000-000000000003', 'STK-P3-42', 'Saiz 42');
INSERT INTO catalog.product_variants (id, product_id, sku, name, deleted_at) VALUES
    ('5c000003-0000-4000-8000-000000000004', '5c000002-0000-4000-8000-000000000002', 'STK-P2-OLD', 'Lama', now());

-- This test's stock items and movements, by warehouse code and SKU.
CREATE TEMP VIEW stk_items AS
SELECT w.code AS warehouse, coalesce(v.sku, p.sku) AS sku, s.quantity, s.reserved_quantity AS reserved,
       s.reorder_point
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
WHERE w.code LIKE 'STK-%';
CREATE TEMP VIEW stk_movements AS
SELECT w.code AS warehouse, coalesce(v.sku, p.sku) AS sku, m.type, m.quantity, m.reference_type,
       o.order_number AS order_ref, m.notes, m.created_at
FROM inventory.stock_movements m
JOIN inventory.warehouses w ON w.id = m.warehouse_id
JOIN catalog.products p ON p.id = m.product_id
LEFT JOIN catalog.product_variants v ON v.id = m.variant_id
LEFT JOIN sales.orders o ON o.id = m.reference_id
WHERE w.code LIKE 'STK-%';

-- ---------------------------------------------------------------------------
-- receive_stock: creates the stock item with a +receive movement and returns
-- its id; receiving again adds to the same item.
-- ---------------------------------------------------------------------------

SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                               10, 'first delivery') AS kl_p1 \gset
SELECT :'kl_p1' = id::text AS returned_the_stock_item, quantity, reserved_quantity
FROM inventory.stock_items
WHERE warehouse_id = '5c000001-0000-4000-8000-000000000001' AND product_id = '5c000002-0000-4000-8000-000000000001';
SELECT warehouse, sku, type, quantity, reference_type, notes FROM stk_movements ORDER BY quantity;

SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                               5) = :'kl_p1' AS same_item;
SELECT * FROM stk_items ORDER BY warehouse, sku;
SELECT warehouse, sku, type, quantity, reference_type, notes FROM stk_movements ORDER BY quantity;

-- A variant is its own stock item, next to the product without variant.
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000002',
                               '5c000003-0000-4000-8000-000000000001', 7) IS NOT NULL AS received;
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000002', NULL,
                               2) IS NOT NULL AS received;
SELECT * FROM stk_items ORDER BY warehouse, sku;

-- Nothing or less than nothing is not a delivery.
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL, 0);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL, -4);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- More than a stock item can hold (integer) is 22003, and nothing changes
-- (only the SQLSTATE is shown).
\set VERBOSITY sqlstate
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                               2147483647);
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              2147483647);
\set VERBOSITY default
SELECT * FROM stk_items WHERE sku = 'STK-P1';

-- ---------------------------------------------------------------------------
-- adjust_stock: adjustment either way, damage only down, never 0, never below
-- 0 nor below the reserved quantity; returns the stock item id.
-- ---------------------------------------------------------------------------

SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              3, notes => 'found in the back') = :'kl_p1' AS same_item;
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              -4, 'adjustment', 'stock count') = :'kl_p1' AS same_item;
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              -2, 'damage', 'water damage') = :'kl_p1' AS same_item;
SELECT * FROM stk_items WHERE sku = 'STK-P1';
SELECT warehouse, sku, type, quantity, reference_type, notes FROM stk_movements WHERE sku = 'STK-P1'
ORDER BY type, quantity, notes;

-- damage must be negative; 0 is no change; other movement types are not
-- adjustments.
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              2, 'damage');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL, 0);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              1, 'receive');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              -1, 'sale');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              1, 'Adjustment');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- 12 on hand: taking 13 would leave -1.
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              -13);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              -13, 'damage');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- Taking exactly all of it is fine (and put back).
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              -12) = :'kl_p1' AS same_item;
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              12) = :'kl_p1' AS same_item;
SELECT * FROM stk_items WHERE sku = 'STK-P1';

-- A positive adjustment where nothing was stocked creates the item; a
-- negative one has nothing to take.
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000002', '5c000002-0000-4000-8000-000000000001', NULL,
                              -1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000002', '5c000002-0000-4000-8000-000000000001', NULL,
                              4) AS jb_p1 \gset
SELECT :'jb_p1' = id::text AS returned_the_stock_item FROM inventory.stock_items
WHERE warehouse_id = '5c000001-0000-4000-8000-000000000002' AND product_id = '5c000002-0000-4000-8000-000000000001';
SELECT * FROM stk_items WHERE warehouse = 'STK-JB';
SELECT warehouse, sku, type, quantity, reference_type FROM stk_movements WHERE warehouse = 'STK-JB';

-- ---------------------------------------------------------------------------
-- What does not exist is P0002: an unknown or soft-deleted warehouse,
-- product or variant, and a variant of another product.
-- ---------------------------------------------------------------------------

SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000099', '5c000002-0000-4000-8000-000000000001', NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000099', NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000004', NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000002',
                               '5c000003-0000-4000-8000-000000000099', 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000002',
                               '5c000003-0000-4000-8000-000000000004', 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- STK-P3-42 is a variant of STK-P3, not of STK-P2.
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000002',
                               '5c000003-0000-4000-8000-000000000003', 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000099', '5c000002-0000-4000-8000-000000000001', NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000099', NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000002',
                              '5c000003-0000-4000-8000-000000000003', 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- NULL where a value is needed is 22023 (the variant may be NULL).
SELECT inventory.receive_stock(NULL, '5c000002-0000-4000-8000-000000000001', NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', NULL, NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                               NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock(NULL, '5c000002-0000-4000-8000-000000000001', NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', NULL, NULL, 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', NULL,
                              NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.available(NULL, NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.reserve_order(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.release_reservation(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.ship_reservation(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.restock_order(NULL);
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- available(): per warehouse, or summed over the active, live warehouses (an
-- inactive or soft-deleted warehouse does not count).
-- ---------------------------------------------------------------------------

-- STK-P3 / STK-P3-42: 6 at KL, 4 at PG, 100 at OFF (inactive), 50 at DEL
-- (soft-deleted after receiving).
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000003',
                               '5c000003-0000-4000-8000-000000000003', 6) IS NOT NULL AS received;
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000003', '5c000002-0000-4000-8000-000000000003',
                               '5c000003-0000-4000-8000-000000000003', 4) IS NOT NULL AS received;
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000004', '5c000002-0000-4000-8000-000000000003',
                               '5c000003-0000-4000-8000-000000000003', 100) IS NOT NULL AS received;
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000005', '5c000002-0000-4000-8000-000000000003',
                               '5c000003-0000-4000-8000-000000000003', 50) IS NOT NULL AS received;
UPDATE inventory.warehouses SET deleted_at = now() WHERE id = '5c000001-0000-4000-8000-000000000005';
-- And 3 of the product without a variant at KL.
SELECT inventory.receive_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000003', NULL,
                               3) IS NOT NULL AS received;

SELECT inventory.available('5c000002-0000-4000-8000-000000000003', '5c000003-0000-4000-8000-000000000003')
           AS all_active,
       inventory.available('5c000002-0000-4000-8000-000000000003', '5c000003-0000-4000-8000-000000000003',
                           '5c000001-0000-4000-8000-000000000001') AS at_kl,
       inventory.available('5c000002-0000-4000-8000-000000000003', '5c000003-0000-4000-8000-000000000003',
                           '5c000001-0000-4000-8000-000000000003') AS at_pg,
       inventory.available('5c000002-0000-4000-8000-000000000003', '5c000003-0000-4000-8000-000000000003',
                           '5c000001-0000-4000-8000-000000000002') AS at_jb,
       inventory.available('5c000002-0000-4000-8000-000000000003', NULL) AS no_variant,
       inventory.available('5c000002-0000-4000-8000-000000000003', '5c000003-0000-4000-8000-000000000003',
                           '5c000001-0000-4000-8000-000000000004') AS at_inactive_off;
-- Reactivating OFF makes its 100 count.
UPDATE inventory.warehouses SET is_active = true WHERE id = '5c000001-0000-4000-8000-000000000004';
SELECT inventory.available('5c000002-0000-4000-8000-000000000003', '5c000003-0000-4000-8000-000000000003')
           AS all_active;
UPDATE inventory.warehouses SET is_active = false WHERE id = '5c000001-0000-4000-8000-000000000004';

-- ---------------------------------------------------------------------------
-- low_stock: items whose available is at or below their reorder point
-- (reorder_point is the client's to set); soft-deleted warehouses are left out.
-- ---------------------------------------------------------------------------

UPDATE inventory.stock_items SET reorder_point = 6
WHERE product_id = '5c000002-0000-4000-8000-000000000003';
SELECT warehouse_code, sku, quantity, reserved_quantity, available, reorder_point
FROM inventory.low_stock WHERE warehouse_code LIKE 'STK-%' ORDER BY warehouse_code, sku;

-- ---------------------------------------------------------------------------
-- A client's own writes: a change of quantity writes an adjustment movement
-- (reference 'manual'); reserved_quantity and the ledger are niaga's (55000);
-- a stock item holding stock cannot be deleted (55000).
-- ---------------------------------------------------------------------------

UPDATE inventory.stock_items SET quantity = quantity + 8, bin_location = 'A-01' WHERE id = :'kl_p1';
UPDATE inventory.stock_items SET quantity = quantity - 5 WHERE id = :'kl_p1';
-- Changing other columns writes nothing.
UPDATE inventory.stock_items SET bin_location = 'A-02', reorder_quantity = 20 WHERE id = :'kl_p1';
SELECT * FROM stk_items WHERE sku = 'STK-P1' AND warehouse = 'STK-KL';
SELECT type, quantity, reference_type, notes FROM stk_movements
WHERE sku = 'STK-P1' AND warehouse = 'STK-KL' AND reference_type = 'manual' ORDER BY quantity;
-- A stock item inserted by hand with a quantity gets its movement too.
INSERT INTO inventory.stock_items (warehouse_id, product_id, quantity)
VALUES ('5c000001-0000-4000-8000-000000000003', '5c000002-0000-4000-8000-000000000002', 9);
SELECT warehouse, sku, type, quantity, reference_type FROM stk_movements WHERE warehouse = 'STK-PG' AND sku = 'STK-P2';

UPDATE inventory.stock_items SET reserved_quantity = 1 WHERE id = :'kl_p1';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
INSERT INTO inventory.stock_items (warehouse_id, product_id, variant_id, quantity, reserved_quantity)
VALUES ('5c000001-0000-4000-8000-000000000003', '5c000002-0000-4000-8000-000000000002',
        '5c000003-0000-4000-8000-000000000002', 5, 2);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
INSERT INTO inventory.stock_movements (warehouse_id, product_id, type, quantity)
VALUES ('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000001', 'receive', 1);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE inventory.stock_movements SET quantity = quantity * 2
WHERE warehouse_id = '5c000001-0000-4000-8000-000000000001';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
DELETE FROM inventory.stock_movements WHERE warehouse_id = '5c000001-0000-4000-8000-000000000001';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
DELETE FROM inventory.stock_items WHERE id = :'kl_p1';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- Nor can a client re-label a stock item that holds stock as another
-- warehouse's, product's or variant's: its movements would stay with the old
-- item and Σ movements = quantity would break for both (only the SQLSTATE is
-- shown; moving stock is what transfers are for). Inside a savepoint, so that
-- a re-label that went through does not upset the rest of this test.
SAVEPOINT relabel;
\set VERBOSITY sqlstate
UPDATE inventory.stock_items SET warehouse_id = '5c000001-0000-4000-8000-000000000003' WHERE id = :'kl_p1';
UPDATE inventory.stock_items SET product_id = '5c000002-0000-4000-8000-000000000003' WHERE id = :'kl_p1';
UPDATE inventory.stock_items SET product_id = '5c000002-0000-4000-8000-000000000002',
                                 variant_id = '5c000003-0000-4000-8000-000000000002' WHERE id = :'kl_p1';
\set VERBOSITY default
SELECT * FROM stk_items WHERE sku = 'STK-P1' AND warehouse = 'STK-KL';
SELECT count(*) AS ledger_mismatches
FROM inventory.stock_items s JOIN inventory.warehouses w ON w.id = s.warehouse_id AND w.code LIKE 'STK-%'
WHERE s.quantity <> (SELECT coalesce(sum(m.quantity), 0) FROM inventory.stock_movements m
                     WHERE m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id
                       AND m.variant_id IS NOT DISTINCT FROM s.variant_id);
ROLLBACK TO SAVEPOINT relabel;
-- A client cannot take quantity below 0 either (terse: the CHECK's detail
-- would show the row's random id and timestamps).
\set VERBOSITY terse
UPDATE inventory.stock_items SET quantity = -1 WHERE id = :'kl_p1';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- An empty stock item can go.
INSERT INTO inventory.stock_items (id, warehouse_id, product_id, variant_id)
VALUES ('5c000005-0000-4000-8000-000000000001', '5c000001-0000-4000-8000-000000000003',
        '5c000002-0000-4000-8000-000000000002', '5c000003-0000-4000-8000-000000000002');
DELETE FROM inventory.stock_items WHERE id = '5c000005-0000-4000-8000-000000000001';
SELECT count(*) AS left_behind FROM inventory.stock_items WHERE id = '5c000005-0000-4000-8000-000000000001';
SELECT * FROM stk_items ORDER BY warehouse, sku;

-- ---------------------------------------------------------------------------
-- Reservations. STK-R1 / STK-R2: KL (priority 1) 10 / 1, JB (priority 2)
-- 5 / 5, PG (priority 2) 50 / 50, OFF (inactive, priority 0) 100 / 100.
-- ---------------------------------------------------------------------------

SELECT inventory.receive_stock(w.id, p.id, NULL, q.quantity) IS NOT NULL AS received
FROM (VALUES ('5c000001-0000-4000-8000-000000000001'::uuid, '5c000002-0000-4000-8000-000000000011'::uuid, 10),
             ('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000012', 1),
             ('5c000001-0000-4000-8000-000000000002', '5c000002-0000-4000-8000-000000000011', 5),
             ('5c000001-0000-4000-8000-000000000002', '5c000002-0000-4000-8000-000000000012', 5),
             ('5c000001-0000-4000-8000-000000000003', '5c000002-0000-4000-8000-000000000011', 50),
             ('5c000001-0000-4000-8000-000000000003', '5c000002-0000-4000-8000-000000000012', 50),
             ('5c000001-0000-4000-8000-000000000004', '5c000002-0000-4000-8000-000000000011', 100),
             ('5c000001-0000-4000-8000-000000000004', '5c000002-0000-4000-8000-000000000012', 100))
     AS q(warehouse_id, product_id, quantity)
JOIN inventory.warehouses w ON w.id = q.warehouse_id
JOIN catalog.products p ON p.id = q.product_id;

-- Orders by plain INSERT; their lines (total_price filled by trigger).
INSERT INTO sales.orders (id, order_number) VALUES
    ('5c000004-0000-4000-8000-00000000000a', 'STK-A'),
    ('5c000004-0000-4000-8000-00000000000b', 'STK-B'),
    ('5c000004-0000-4000-8000-00000000000c', 'STK-C'),
    ('5c000004-0000-4000-8000-00000000000d', 'STK-D'),
    ('5c000004-0000-4000-8000-00000000000e', 'STK-E'),
    ('5c000004-0000-4000-8000-00000000000f', 'STK-F'),
    ('5c000004-0000-4000-8000-000000000010', 'STK-EMPTY');
-- A: 2 R1 + 1 R2 (R1 in two lines, merged); B: 2 R1 + 3 R2 (R2 first);
-- C: 60 R1; D: 49 R1 + 60 R2; E: 1 R1 + 1 STK-P2-RED; F: 1 R1.
INSERT INTO sales.order_items (order_id, product_id, variant_id, sku, name, quantity, unit_price) VALUES
    ('5c000004-0000-4000-8000-00000000000a', '5c000002-0000-4000-8000-000000000011', NULL, 'STK-R1', 'Teh', 1, 5.00),
    ('5c000004-0000-4000-8000-00000000000a', '5c000002-0000-4000-8000-000000000012', NULL, 'STK-R2', 'Gula', 1, 3.00),
    ('5c000004-0000-4000-8000-00000000000a', '5c000002-0000-4000-8000-000000000011', NULL, 'STK-R1', 'Teh', 1, 5.00),
    ('5c000004-0000-4000-8000-00000000000b', '5c000002-0000-4000-8000-000000000012', NULL, 'STK-R2', 'Gula', 3, 3.00),
    ('5c000004-0000-4000-8000-00000000000b', '5c000002-0000-4000-8000-000000000011', NULL, 'STK-R1', 'Teh', 2, 5.00),
    ('5c000004-0000-4000-8000-00000000000c', '5c000002-0000-4000-8000-000000000011', NULL, 'STK-R1', 'Teh', 60, 5.00),
    ('5c000004-0000-4000-8000-00000000000d', '5c000002-0000-4000-8000-000000000011', NULL, 'STK-R1', 'Teh', 49, 5.00),
    ('5c000004-0000-4000-8000-00000000000d', '5c000002-0000-4000-8000-000000000012', NULL, 'STK-R2', 'Gula', 60, 3.00),
    ('5c000004-0000-4000-8000-00000000000e', '5c000002-0000-4000-8000-000000000011', NULL, 'STK-R1', 'Teh', 1, 5.00),
    ('5c000004-0000-4000-8000-00000000000e', '5c000002-0000-4000-8000-000000000002',
     '5c000003-0000-4000-8000-000000000001', 'STK-P2-RED', 'Baju', 1, 50.00),
    ('5c000004-0000-4000-8000-00000000000f', '5c000002-0000-4000-8000-000000000011', NULL, 'STK-R1', 'Teh', 1, 5.00);

CREATE TEMP VIEW stk_orders AS
SELECT o.order_number, o.status, w.code AS warehouse, o.reserved_at IS NOT NULL AS reserved
FROM sales.orders o LEFT JOIN inventory.warehouses w ON w.id = o.warehouse_id
WHERE o.order_number LIKE 'STK-%';

-- A: KL (priority 1) covers every line.
SELECT code FROM inventory.warehouses
WHERE id = (SELECT inventory.reserve_order('5c000004-0000-4000-8000-00000000000a'));
SELECT * FROM stk_orders WHERE order_number = 'STK-A';
SELECT * FROM stk_items WHERE sku LIKE 'STK-R%' ORDER BY warehouse, sku;
-- Reserving it again returns the same warehouse and reserves nothing more.
SELECT code FROM inventory.warehouses
WHERE id = (SELECT inventory.reserve_order('5c000004-0000-4000-8000-00000000000a'));
SELECT * FROM stk_items WHERE sku LIKE 'STK-R%' AND warehouse = 'STK-KL' ORDER BY sku;
-- A reservation writes no movement: nothing left the shelf yet.
SELECT count(*) AS movements_of_a FROM inventory.stock_movements
WHERE reference_id = '5c000004-0000-4000-8000-00000000000a';

-- B: KL has no R2 left (the inactive OFF has plenty); JB and PG tie on
-- priority 2, JB comes first by code.
SELECT code FROM inventory.warehouses
WHERE id = (SELECT inventory.reserve_order('5c000004-0000-4000-8000-00000000000b'));
SELECT * FROM stk_orders WHERE order_number IN ('STK-A', 'STK-B') ORDER BY order_number;
SELECT * FROM stk_items WHERE sku LIKE 'STK-R%' ORDER BY warehouse, sku;

-- C: nobody has 60 R1 among the active warehouses: NG001 naming the SKU;
-- every warehouse covers no line, so the short SKU is counted at the
-- preferred one (KL).
SELECT inventory.reserve_order('5c000004-0000-4000-8000-00000000000c');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- D: PG covers R1 (49 of 50) but not R2 (60): only R2 is short there.
SELECT inventory.reserve_order('5c000004-0000-4000-8000-00000000000d');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM stk_orders WHERE order_number IN ('STK-C', 'STK-D') ORDER BY order_number;
SELECT * FROM stk_items WHERE sku LIKE 'STK-R%' ORDER BY warehouse, sku;

-- E: a variant line. STK-P2-RED is stocked at KL only (7): KL serves it.
SELECT code FROM inventory.warehouses
WHERE id = (SELECT inventory.reserve_order('5c000004-0000-4000-8000-00000000000e'));
SELECT * FROM stk_items WHERE sku IN ('STK-P2-RED', 'STK-P2') ORDER BY warehouse, sku;

-- A cancelled order cannot be reserved; neither can an order without lines
-- nor one that does not exist.
UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'changed my mind'
WHERE id = '5c000004-0000-4000-8000-00000000000f';
SELECT inventory.reserve_order('5c000004-0000-4000-8000-00000000000f');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.reserve_order('5c000004-0000-4000-8000-000000000010');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.reserve_order('5c000004-0000-4000-8000-000000000099');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM stk_orders WHERE order_number IN ('STK-F', 'STK-EMPTY') ORDER BY order_number;

-- The lines of a reserved order cannot change (55000): no new line, no new
-- quantity, no removal. An unreserved order's lines still can.
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
VALUES ('5c000004-0000-4000-8000-00000000000a', '5c000002-0000-4000-8000-000000000011', 'STK-R1', 'Teh', 1, 5.00);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.order_items SET quantity = 9 WHERE order_id = '5c000004-0000-4000-8000-00000000000a';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
DELETE FROM sales.order_items WHERE order_id = '5c000004-0000-4000-8000-00000000000a';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
UPDATE sales.order_items SET quantity = 59 WHERE order_id = '5c000004-0000-4000-8000-00000000000c';
SELECT o.order_number, sum(i.quantity) AS units, o.subtotal
FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
WHERE o.order_number IN ('STK-A', 'STK-C') GROUP BY o.order_number, o.subtotal ORDER BY o.order_number;

-- adjust_stock never goes below what is reserved: KL holds 10 R1, 3 reserved
-- (2 for A, 1 for E).
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000011', NULL,
                              -8);
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000011', NULL,
                              -8, 'damage');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- Nor can a client's UPDATE (the CHECK of stock_items).
\set VERBOSITY terse
UPDATE inventory.stock_items SET quantity = 1
WHERE warehouse_id = '5c000001-0000-4000-8000-000000000001' AND product_id = '5c000002-0000-4000-8000-000000000011';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY default
-- Down to exactly the reserved quantity is fine.
SELECT inventory.adjust_stock('5c000001-0000-4000-8000-000000000001', '5c000002-0000-4000-8000-000000000011', NULL,
                              -7) IS NOT NULL AS adjusted;
SELECT * FROM stk_items WHERE sku = 'STK-R1' AND warehouse = 'STK-KL';
SELECT inventory.available('5c000002-0000-4000-8000-000000000011', NULL,
                           '5c000001-0000-4000-8000-000000000001') AS r1_at_kl;

-- ---------------------------------------------------------------------------
-- release_reservation, ship_reservation and restock_order are the
-- lifecycle's hooks: they run from the move to cancelled, shipped and
-- refunded. Called for an order in any other status they refuse (55000):
-- the goods would leave, or come back, while the order says otherwise.
-- ---------------------------------------------------------------------------

SELECT inventory.release_reservation('5c000004-0000-4000-8000-00000000000a');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.ship_reservation('5c000004-0000-4000-8000-00000000000b');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.restock_order('5c000004-0000-4000-8000-00000000000b');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- Cancelling releases the reservation; the stock is free again. Releasing
-- again is a no-op (false).
-- ---------------------------------------------------------------------------

UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'stock test'
WHERE id = '5c000004-0000-4000-8000-00000000000a';
SELECT inventory.release_reservation('5c000004-0000-4000-8000-00000000000a') AS released_again;
-- An order never reserved (C, still pending) has nothing to release.
SELECT inventory.release_reservation('5c000004-0000-4000-8000-00000000000c') AS released_c;
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT * FROM stk_orders WHERE order_number = 'STK-A';
SELECT * FROM stk_items WHERE sku LIKE 'STK-R%' AND warehouse = 'STK-KL' ORDER BY sku;
-- Once reserved, an order's lines stay fixed, released or not (its warehouse
-- stays recorded).
UPDATE sales.order_items SET quantity = 2 WHERE order_id = '5c000004-0000-4000-8000-00000000000a'
  AND sku = 'STK-R2';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT sum(quantity) AS units_of_a FROM sales.order_items WHERE order_id = '5c000004-0000-4000-8000-00000000000a';

-- ---------------------------------------------------------------------------
-- Shipping: the goods leave (sale movements); quantity and reserved both
-- drop; reserved_at is cleared.
-- ---------------------------------------------------------------------------

UPDATE sales.orders SET status = 'confirmed' WHERE id = '5c000004-0000-4000-8000-00000000000b';
UPDATE sales.orders SET status = 'processing' WHERE id = '5c000004-0000-4000-8000-00000000000b';
UPDATE sales.orders SET status = 'packed' WHERE id = '5c000004-0000-4000-8000-00000000000b';
UPDATE sales.orders SET status = 'shipped' WHERE id = '5c000004-0000-4000-8000-00000000000b';
SELECT * FROM stk_orders WHERE order_number = 'STK-B';
SELECT * FROM stk_items WHERE sku LIKE 'STK-R%' AND warehouse = 'STK-JB' ORDER BY sku;
SELECT warehouse, sku, type, quantity, reference_type, order_ref FROM stk_movements WHERE order_ref = 'STK-B'
ORDER BY sku;
-- Nothing left to ship.
SELECT inventory.ship_reservation('5c000004-0000-4000-8000-00000000000b');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- A refund with restock: the goods come back once (return movements).
-- ---------------------------------------------------------------------------

UPDATE sales.orders SET status = 'delivered' WHERE id = '5c000004-0000-4000-8000-00000000000b';
SELECT status FROM sales.refund_order('5c000004-0000-4000-8000-00000000000b', 'stock test', true);
SELECT inventory.restock_order('5c000004-0000-4000-8000-00000000000b') AS restocked_again;
SELECT * FROM stk_items WHERE sku LIKE 'STK-R%' AND warehouse = 'STK-JB' ORDER BY sku;
SELECT warehouse, sku, type, quantity, reference_type, order_ref FROM stk_movements WHERE order_ref = 'STK-B'
ORDER BY type, sku;
-- Not refunded: cancelled (A), never reserved (C), still reserved (E), none.
SELECT inventory.restock_order('5c000004-0000-4000-8000-00000000000a');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.restock_order('5c000004-0000-4000-8000-00000000000c');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.restock_order('5c000004-0000-4000-8000-00000000000e');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SELECT inventory.restock_order('5c000004-0000-4000-8000-000000000099');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- The ledger: for every stock item Σ movements = quantity, and reserved =
-- Σ lines of the reserved orders at that warehouse (this test's warehouses:
-- other tests' rows are theirs to check).
-- ---------------------------------------------------------------------------

SELECT * FROM stk_items ORDER BY warehouse, sku;
SELECT count(*) AS ledger_mismatches
FROM inventory.stock_items s JOIN inventory.warehouses w ON w.id = s.warehouse_id AND w.code LIKE 'STK-%'
WHERE s.quantity <> (SELECT coalesce(sum(m.quantity), 0) FROM inventory.stock_movements m
                     WHERE m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id
                       AND m.variant_id IS NOT DISTINCT FROM s.variant_id);
SELECT count(*) AS reservation_mismatches
FROM inventory.stock_items s JOIN inventory.warehouses w ON w.id = s.warehouse_id AND w.code LIKE 'STK-%'
WHERE s.reserved_quantity <> (SELECT coalesce(sum(i.quantity), 0)
                              FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
                              WHERE o.reserved_at IS NOT NULL AND o.warehouse_id = s.warehouse_id
                                AND i.product_id = s.product_id
                                AND i.variant_id IS NOT DISTINCT FROM s.variant_id);
SELECT type, count(*) AS movements, sum(quantity) AS units FROM stk_movements GROUP BY type ORDER BY type;

ROLLBACK;
