-- Same results first (bench/checkout.sh and bench/stock.sh, before any
-- timing): niaga's checkout and bench_plpgsql's on identical carts, each
-- with its own triggers, must give orders that agree column for column
-- (totals, tax rate, warehouse, status, lines, history, coupon use), and
-- must refuse the same bad carts with the same SQLSTATE. Everything runs in
-- one transaction that is rolled back. Prints 'ok ...' or 'FAIL ...' lines.

BEGIN;
CREATE TEMP TABLE compare_case (n int, customer int, coupon text, skus int[], quantities int[], expect text);
INSERT INTO compare_case VALUES
    (1, 1, 'RAYA10', '{1,2,3}', '{1,2,3}', NULL),          -- percentage coupon, capped or not
    (2, 2, 'RAYA10', '{13,14,15}', '{3,3,3}', NULL),       -- the cap applies
    (3, 3, NULL, '{4}', '{1}', NULL),                      -- no coupon, one line
    (4, 4, 'NEWUSER', '{5,6}', '{1,1}', NULL),             -- fixed coupon with a per-customer limit
    (5, 5, 'raya10', '{7,8,9,10}', '{2,1,1,2}', NULL),     -- the code matches case-insensitively
    (6, 6, 'RAYA10', '{14}', '{1}', 'NG014'),              -- below the coupon's minimum order
    (7, 7, 'NOSUCH', '{2}', '{1}', 'NG010'),               -- no such coupon
    (8, 8, NULL, '{}', '{}', 'NG020'),                     -- an empty cart
    (9, 9, NULL, '{14}', '{20000000}', 'NG001');          -- more than any warehouse holds

-- bench_compare(implementation, case): a cart for the case, filled and
-- placed through that implementation; the order's id, or the SQLSTATE.
CREATE FUNCTION pg_temp.place(p_implementation text, p_case int) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    c record;
    v_cart uuid;
    v_order uuid;
BEGIN
    SELECT * INTO c FROM compare_case WHERE n = p_case;
    INSERT INTO sales.carts (user_id, coupon_code)
    VALUES (md5('bench-compare-' || (1000 + c.customer + CASE p_implementation WHEN 'niaga' THEN 0 ELSE 100 END))::uuid,
            c.coupon)
    RETURNING id INTO v_cart;
    IF p_implementation = 'niaga' THEN
        PERFORM sales.add_to_cart(v_cart, k.product_id, k.variant_id, l.q)
        FROM unnest(c.skus, c.quantities) AS l (n, q) JOIN bench.skus k USING (n);
        SELECT id INTO v_order FROM sales.place_order(v_cart, 'standard', '{"city": "Shah Alam"}');
    ELSE
        PERFORM bench_plpgsql.add_to_cart(v_cart, k.product_id, k.variant_id, l.q)
        FROM unnest(c.skus, c.quantities) AS l (n, q) JOIN bench.skus k USING (n);
        SELECT id INTO v_order FROM bench_plpgsql.place_order(v_cart, 'standard', '{"city": "Shah Alam"}');
    END IF;
    RETURN v_order::text;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END;
$$;

-- What an order is, for the comparison (ids, numbers and times aside).
CREATE FUNCTION pg_temp.summary(p_order text) RETURNS text LANGUAGE sql AS $$
    SELECT CASE WHEN p_order !~ '-' THEN p_order ELSE (
        SELECT concat_ws(' | ', o.status, o.subtotal, o.discount_amount, o.coupon_discount, o.coupon_code,
                         o.shipping_cost, o.tax_amount, o.total, o.tax_rate_id, o.warehouse_id, o.reserved_at IS NOT NULL,
                         o.order_number ~ '^ORD-[0-9]{8}-[0-9]{6,}$',
                         (SELECT string_agg(concat_ws(' ', i.sku, i.quantity, i.unit_price, i.total_price), ', ' ORDER BY i.sku)
                          FROM sales.order_items i WHERE i.order_id = o.id),
                         (SELECT string_agg(h.status, ',') FROM sales.order_status_history h WHERE h.order_id = o.id),
                         (SELECT count(*) FROM sales.coupon_usages u WHERE u.order_id = o.id),
                         (SELECT count(*) FROM sales.carts c WHERE c.order_id = o.id
                          AND NOT EXISTS (SELECT 1 FROM sales.cart_items ci WHERE ci.cart_id = c.id)))
        FROM sales.orders o WHERE o.id = p_order::uuid) END
$$;

INSERT INTO auth.users (id, email, password_hash, first_name, last_name, role)
SELECT md5('bench-compare-' || n)::uuid, 'bench-compare-' || n || '@example.com', 'x', 'Banding', n::text, 'customer'
FROM generate_series(1001, 1209) AS n;

CREATE TEMP TABLE compare_result (n int, niaga text, plpgsql text);
INSERT INTO compare_result SELECT n, pg_temp.place('niaga', n) FROM compare_case;
-- The PL/pgSQL implementation's triggers instead of niaga's, as for the
-- benchmark's plpgsql variant.
ALTER TABLE sales.orders DISABLE TRIGGER USER;
ALTER TABLE sales.orders ENABLE TRIGGER bench_orders_before_insert, ENABLE TRIGGER bench_orders_after_insert;
ALTER TABLE sales.order_items DISABLE TRIGGER USER;
ALTER TABLE sales.order_items ENABLE TRIGGER bench_order_items_total, ENABLE TRIGGER bench_order_items_inserted,
    ENABLE TRIGGER bench_order_items_updated, ENABLE TRIGGER bench_order_items_deleted;
ALTER TABLE inventory.stock_items DISABLE TRIGGER USER;
ALTER TABLE inventory.stock_items ENABLE TRIGGER bench_stock_items_guard_reserved;
ALTER TABLE sales.carts DISABLE TRIGGER USER;
ALTER TABLE sales.cart_items DISABLE TRIGGER USER;
ALTER TABLE sales.coupons DISABLE TRIGGER USER;
UPDATE compare_result r SET plpgsql = pg_temp.place('plpgsql', r.n);

SELECT CASE WHEN pg_temp.summary(r.niaga) = pg_temp.summary(r.plpgsql)
                 AND (c.expect IS NULL AND r.niaga ~ '-' OR r.niaga = c.expect)
            THEN 'ok' ELSE 'FAIL' END || ' case ' || r.n || ': ' || pg_temp.summary(r.niaga)
       || CASE WHEN pg_temp.summary(r.niaga) = pg_temp.summary(r.plpgsql) THEN ''
               ELSE ' <> plpgsql: ' || pg_temp.summary(r.plpgsql) END
FROM compare_result r JOIN compare_case c USING (n)
ORDER BY n;
ROLLBACK;
