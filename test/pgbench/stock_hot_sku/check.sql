-- Every row is one assertion: "ok ..." passes, anything else fails.

-- Every client transaction ran to its end (none died of a deadlock or any
-- other error): 16 clients x 15.
SELECT CASE WHEN n = 240 THEN 'ok 240 attempts recorded (16 clients x 15)' ELSE 'FAIL attempts = ' || n END
FROM (SELECT count(*) AS n FROM public.stkhot_attempts) s;
SELECT CASE WHEN n = 240 THEN 'ok 240 orders' ELSE 'FAIL orders = ' || n END
FROM (SELECT count(*) AS n FROM sales.orders) s;

-- The stock rows themselves.
SELECT CASE WHEN n = 0 THEN 'ok no stock item has reserved > quantity or reserved < 0'
            ELSE 'FAIL ' || n || ' stock items with reserved outside 0..quantity' END
FROM (SELECT count(*) AS n FROM inventory.stock_items
      WHERE reserved_quantity > quantity OR reserved_quantity < 0) s;
SELECT CASE WHEN n = 0 THEN 'ok sum of movements = quantity for every stock item'
            ELSE 'FAIL ' || n || ' stock items whose movements do not add up to their quantity' END
FROM (SELECT count(*) AS n FROM inventory.stock_items s
      WHERE s.quantity <> (SELECT coalesce(sum(m.quantity), 0) FROM inventory.stock_movements m
                           WHERE m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id
                             AND m.variant_id IS NOT DISTINCT FROM s.variant_id)) s;
SELECT CASE WHEN n = 0 THEN 'ok reservations moved no stock: quantities are what was received'
            ELSE 'FAIL ' || n || ' stock items changed quantity' END
FROM (SELECT count(*) AS n FROM inventory.stock_items s JOIN catalog.products p ON p.id = s.product_id
      WHERE s.quantity <> CASE WHEN p.sku <> 'STKHOT-SKU' THEN 1000
                               WHEN s.warehouse_id = '5c700001-0000-4000-8000-000000000001' THEN 50
                               ELSE 20 END) s;

-- reserved at each warehouse = the lines of the reserved orders there.
SELECT CASE WHEN n = 0 THEN 'ok reserved = sum of the reserved orders'' lines, per warehouse and item'
            ELSE 'FAIL ' || n || ' stock items whose reserved differs from their reserved orders'' lines' END
FROM (SELECT count(*) AS n FROM inventory.stock_items s
      WHERE s.reserved_quantity <> (SELECT coalesce(sum(i.quantity), 0)
                                    FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
                                    WHERE o.reserved_at IS NOT NULL AND o.warehouse_id = s.warehouse_id
                                      AND i.product_id = s.product_id
                                      AND i.variant_id IS NOT DISTINCT FROM s.variant_id)) s;

-- The outcomes reported and the orders agree: an order is reserved exactly
-- when its attempt said so, at the warehouse it named.
SELECT CASE WHEN n = 0 THEN 'ok reserved orders = attempts that reported a warehouse, at that warehouse'
            ELSE 'FAIL ' || n || ' orders disagree with their attempt' END
FROM (SELECT count(*) AS n
      FROM public.stkhot_attempts a
      JOIN sales.orders o ON o.id = a.order_id
      LEFT JOIN inventory.warehouses w ON w.id = o.warehouse_id
      WHERE (o.reserved_at IS NOT NULL) IS DISTINCT FROM (a.outcome <> 'refused NG001')
         OR (a.outcome <> 'refused NG001' AND w.code IS DISTINCT FROM a.outcome)
         OR (a.outcome = 'refused NG001' AND o.warehouse_id IS NOT NULL)) s;
SELECT CASE WHEN n = 0 THEN 'ok every outcome is a warehouse of the test or NG001'
            ELSE 'FAIL ' || n || ' attempts with an unexpected outcome' END
FROM (SELECT count(*) AS n FROM public.stkhot_attempts
      WHERE outcome NOT IN ('STKHOT-KL', 'STKHOT-PG', 'refused NG001')) s;

-- The hot SKU: at most 70 units promised; the successful reservations'
-- units are exactly what is reserved.
SELECT CASE WHEN reserved = units AND reserved <= 70 AND reserved_kl <= 50 AND reserved_pg <= 20
            THEN 'ok hot units reserved = units of the successful attempts, within 50 + 20'
            ELSE 'FAIL hot reserved ' || reserved || ' (KL ' || reserved_kl || ', PG ' || reserved_pg
                 || ') vs successful attempts'' units ' || units END
FROM (SELECT (SELECT coalesce(sum(reserved_quantity), 0) FROM inventory.stock_items
              WHERE product_id = '5c700002-0000-4000-8000-000000000001') AS reserved,
             (SELECT coalesce(sum(reserved_quantity), 0) FROM inventory.stock_items
              WHERE product_id = '5c700002-0000-4000-8000-000000000001'
                AND warehouse_id = '5c700001-0000-4000-8000-000000000001') AS reserved_kl,
             (SELECT coalesce(sum(reserved_quantity), 0) FROM inventory.stock_items
              WHERE product_id = '5c700002-0000-4000-8000-000000000001'
                AND warehouse_id = '5c700001-0000-4000-8000-000000000002') AS reserved_pg,
             (SELECT coalesce(sum(hot_quantity), 0) FROM public.stkhot_attempts
              WHERE outcome <> 'refused NG001') AS units) s;
-- 240 attempts of at least one unit against 70 units: at least 170 refused,
-- and a refusal means neither warehouse had the 1-3 units asked for. Stock
-- only drops, so once the first refusal came both warehouses stayed below 3.
SELECT CASE WHEN refused >= 170 AND reserved = 240 - refused
            THEN 'ok at least 170 attempts refused with NG001, the rest reserved'
            ELSE 'FAIL refused = ' || refused || ', reserved = ' || reserved END
FROM (SELECT count(*) FILTER (WHERE outcome = 'refused NG001') AS refused,
             count(*) FILTER (WHERE outcome <> 'refused NG001') AS reserved
      FROM public.stkhot_attempts) s;
SELECT CASE WHEN n = 0 THEN 'ok fewer than 3 hot units left available at each warehouse'
            ELSE 'FAIL ' || n || ' warehouses still have 3 or more hot units available after refusals' END
FROM (SELECT count(*) AS n FROM inventory.stock_items
      WHERE product_id = '5c700002-0000-4000-8000-000000000001' AND quantity - reserved_quantity >= 3) s;
-- A refused attempt asked for more than either warehouse had left at the end.
SELECT CASE WHEN n = 0 THEN 'ok every refused attempt asked for more than any warehouse has available now'
            ELSE 'FAIL ' || n || ' refused attempts could be served now' END
FROM (SELECT count(*) AS n FROM public.stkhot_attempts a
      WHERE a.outcome = 'refused NG001'
        AND EXISTS (SELECT FROM inventory.stock_items s
                    WHERE s.product_id = '5c700002-0000-4000-8000-000000000001'
                      AND s.quantity - s.reserved_quantity >= a.hot_quantity)) s;
-- Both line orders were tried.
SELECT CASE WHEN hot_first > 0 AND hot_last > 0 THEN 'ok both line orders were exercised'
            ELSE 'FAIL hot line first ' || hot_first || ' times, last ' || hot_last || ' times' END
FROM (SELECT count(*) FILTER (WHERE hot_first) AS hot_first, count(*) FILTER (WHERE NOT hot_first) AS hot_last
      FROM public.stkhot_attempts) s;
