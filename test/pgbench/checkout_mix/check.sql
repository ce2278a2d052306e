-- The invariants of SPEC §13 after the checkout mix, in plain SQL. Every row
-- is one assertion: "ok ..." passes, anything else fails.

-- Stock: Σ movements = quantity for every stock item.
SELECT CASE WHEN n = 0 THEN 'ok every stock item''s movements add up to its quantity'
            ELSE 'FAIL ' || n || ' stock items whose movements do not add up: ' || detail END
FROM (SELECT count(*) AS n, string_agg(sku || ' ' || quantity || ' vs ' || ledger, '; ') AS detail
      FROM (SELECT coalesce(v.sku, p.sku) AS sku, s.quantity,
                   (SELECT coalesce(sum(m.quantity), 0) FROM inventory.stock_movements m
                    WHERE m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id
                      AND m.variant_id IS NOT DISTINCT FROM s.variant_id) AS ledger
            FROM inventory.stock_items s JOIN catalog.products p ON p.id = s.product_id
            LEFT JOIN catalog.product_variants v ON v.id = s.variant_id) i
      WHERE quantity <> ledger) s;

-- Stock: 0 <= reserved <= quantity.
SELECT CASE WHEN n = 0 THEN 'ok 0 <= reserved <= quantity everywhere'
            ELSE 'FAIL ' || n || ' stock items with reserved outside 0..quantity' END
FROM (SELECT count(*) AS n FROM inventory.stock_items
      WHERE reserved_quantity < 0 OR reserved_quantity > quantity OR quantity < 0) s;

-- Stock: reserved at each warehouse = Σ quantities of the lines of the
-- orders holding a reservation there.
SELECT CASE WHEN n = 0 THEN 'ok reserved = lines of reserved orders, per warehouse and item'
            ELSE 'FAIL ' || n || ' stock items whose reserved differs from their orders: ' || detail END
FROM (SELECT count(*) AS n, string_agg(w.code || '/' || coalesce(v.sku, p.sku) || ' reserved ' || s.reserved_quantity
                                       || ' vs ' || coalesce(d.demand, 0), '; ') AS detail
      FROM inventory.stock_items s
      JOIN inventory.warehouses w ON w.id = s.warehouse_id
      JOIN catalog.products p ON p.id = s.product_id
      LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
      LEFT JOIN (SELECT o.warehouse_id, i.product_id, i.variant_id, sum(i.quantity) AS demand
                 FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
                 WHERE o.reserved_at IS NOT NULL
                 GROUP BY 1, 2, 3) d
        ON d.warehouse_id = s.warehouse_id AND d.product_id = s.product_id
       AND d.variant_id IS NOT DISTINCT FROM s.variant_id
      WHERE s.reserved_quantity <> coalesce(d.demand, 0)) s;

-- Every reservation a reserved order holds has a stock item to hold it.
SELECT CASE WHEN n = 0 THEN 'ok every reserved order line has its stock item at the order''s warehouse'
            ELSE 'FAIL ' || n || ' reserved order lines without a stock item' END
FROM (SELECT count(*) AS n FROM sales.orders o JOIN sales.order_items i ON i.order_id = o.id
      WHERE o.reserved_at IS NOT NULL
        AND NOT EXISTS (SELECT FROM inventory.stock_items s WHERE s.warehouse_id = o.warehouse_id
                        AND s.product_id = i.product_id AND s.variant_id IS NOT DISTINCT FROM i.variant_id)) s;

-- Orders are reserved exactly while open: every order came from place_order,
-- which reserves; cancelling releases, shipping consumes.
SELECT CASE WHEN n = 0 THEN 'ok open orders hold a reservation, closed ones none'
            ELSE 'FAIL ' || n || ' orders whose reservation does not match their status: ' || detail END
FROM (SELECT count(*) AS n, string_agg(status || (reserved_at IS NOT NULL)::text, ', ') AS detail FROM sales.orders
      WHERE (reserved_at IS NOT NULL) <> (status IN ('pending', 'confirmed', 'processing', 'packed'))
         OR warehouse_id IS NULL) s;

-- Shipped goods left with sale movements, and only theirs.
SELECT CASE WHEN n = 0 THEN 'ok shipped, delivered and refunded orders have sale movements = their lines; others none'
            ELSE 'FAIL ' || n || ' orders whose sale movements do not match their lines' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE (SELECT coalesce(-sum(m.quantity), 0) FROM inventory.stock_movements m
             WHERE m.reference_id = o.id AND m.type = 'sale')
            <> CASE WHEN o.status IN ('shipped', 'delivered', 'refunded')
                    THEN (SELECT sum(i.quantity) FROM sales.order_items i WHERE i.order_id = o.id) ELSE 0 END) s;

-- Refunds: one per refunded order, for its total; restocked ones have return
-- movements for their lines, the others none.
SELECT CASE WHEN n = 0 THEN 'ok every refunded order has one refund of its total and returns iff restocked'
            ELSE 'FAIL ' || n || ' refunded orders with a wrong refund or return movements' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE (o.status = 'refunded') <> EXISTS (SELECT FROM sales.refunds r WHERE r.order_id = o.id)
         OR (SELECT count(*) FROM sales.refunds r WHERE r.order_id = o.id) > 1
         OR EXISTS (SELECT FROM sales.refunds r WHERE r.order_id = o.id
                    AND (r.amount <> o.total
                         OR (SELECT coalesce(sum(m.quantity), 0) FROM inventory.stock_movements m
                             WHERE m.reference_id = o.id AND m.type = 'return')
                            <> CASE WHEN r.restock THEN (SELECT sum(i.quantity) FROM sales.order_items i
                                                         WHERE i.order_id = o.id) ELSE 0 END))) s;

-- Totals: subtotal = Σ lines; tax follows the order's rate; total =
-- subtotal − discount + shipping + tax.
SELECT CASE WHEN n = 0 THEN 'ok every order''s subtotal is the sum of its lines'
            ELSE 'FAIL ' || n || ' orders whose subtotal is not the sum of their lines' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE o.subtotal <> (SELECT coalesce(sum(i.total_price), 0) FROM sales.order_items i WHERE i.order_id = o.id)
         OR EXISTS (SELECT FROM sales.order_items i WHERE i.order_id = o.id AND i.total_price <> i.quantity * i.unit_price)) s;

SELECT CASE WHEN n = 0 THEN 'ok every order''s total = subtotal - discount + shipping + tax'
            ELSE 'FAIL ' || n || ' orders whose total does not add up' END
FROM (SELECT count(*) AS n FROM sales.orders
      WHERE total <> subtotal - discount_amount + shipping_cost + tax_amount
         OR discount_amount <> coupon_discount OR discount_amount > subtotal) s;

SELECT CASE WHEN n = 0 THEN 'ok every order''s shipping and tax follow its method and rate'
            ELSE 'FAIL ' || n || ' orders with wrong shipping or tax' END
FROM (SELECT count(*) AS n FROM sales.orders o
      JOIN sales.shipping_methods m ON m.code = o.shipping_method
      JOIN sales.tax_rates t ON t.id = o.tax_rate_id
      WHERE o.shipping_cost <> CASE WHEN o.subtotal - o.discount_amount >= m.free_shipping_threshold THEN 0
                                    ELSE m.base_cost END
         OR o.tax_amount <> round((o.subtotal - o.discount_amount
                                   + CASE WHEN t.applies_to_shipping THEN o.shipping_cost ELSE 0 END) * t.rate / 100, 2)) s;

-- Coupons: used_count = usages, within usage_limit and per_customer_limit;
-- a discounted order has its usage, and only a live order keeps one.
SELECT CASE WHEN n = 0 THEN 'ok every coupon''s used_count = its usages and <= usage_limit'
            ELSE 'FAIL ' || n || ' coupons with a wrong used_count: ' || detail END
FROM (SELECT count(*) AS n, string_agg(code || ' ' || used_count || '/' || usages || ' limit ' || coalesce(usage_limit::text, '-'), '; ') AS detail
      FROM (SELECT c.code, c.used_count, c.usage_limit,
                   (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id) AS usages
            FROM sales.coupons c) c
      WHERE used_count <> usages OR used_count > coalesce(usage_limit, used_count)) s;

SELECT CASE WHEN n = 0 THEN 'ok no customer passed a coupon''s per_customer_limit'
            ELSE 'FAIL ' || n || ' customers over a per-customer limit' END
FROM (SELECT count(*) AS n FROM (SELECT u.coupon_id, u.user_id, count(*) AS uses
                                 FROM sales.coupon_usages u GROUP BY 1, 2) x
      JOIN sales.coupons c ON c.id = x.coupon_id
      WHERE x.user_id IS NULL AND c.per_customer_limit IS NOT NULL OR x.uses > c.per_customer_limit) s;

SELECT CASE WHEN n = 0 THEN 'ok an order has a coupon usage iff it carries a discount and is not cancelled'
            ELSE 'FAIL ' || n || ' orders whose coupon usage disagrees with their discount or status' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE EXISTS (SELECT FROM sales.coupon_usages u WHERE u.order_id = o.id)
            <> (o.coupon_code IS NOT NULL AND o.status <> 'cancelled')
         OR (o.coupon_code IS NOT NULL) <> (o.discount_amount > 0)) s;

-- Customer profiles: total_orders / total_spent = count / sum of the
-- customer's delivered (and not refunded) orders.
SELECT CASE WHEN n = 0 THEN 'ok every customer profile counts exactly its delivered orders'
            ELSE 'FAIL ' || n || ' profiles with wrong counters: ' || detail END
FROM (SELECT count(*) AS n, string_agg(total_orders || '/' || total_spent || ' vs ' || orders || '/' || spent, '; ') AS detail
      FROM (SELECT p.total_orders, p.total_spent,
                   (SELECT count(*) FROM sales.orders o WHERE o.user_id = p.user_id AND o.status = 'delivered') AS orders,
                   (SELECT coalesce(sum(o.total), 0) FROM sales.orders o
                    WHERE o.user_id = p.user_id AND o.status = 'delivered') AS spent
            FROM crm.customer_profiles p) x
      WHERE total_orders <> orders OR total_spent <> spent) s;

SELECT CASE WHEN n = 0 THEN 'ok every customer has a profile'
            ELSE 'FAIL ' || n || ' customers without a profile' END
FROM (SELECT count(*) AS n FROM auth.users u
      WHERE u.role = 'customer' AND NOT EXISTS (SELECT FROM crm.customer_profiles p WHERE p.user_id = u.id)) s;

-- Order numbers: unique and well formed.
SELECT CASE WHEN n = 0 AND dup = 0 THEN 'ok order numbers are unique and match ^ORD-[0-9]{8}-[0-9]{6,}$'
            ELSE 'FAIL ' || n || ' malformed and ' || dup || ' duplicated order numbers' END
FROM (SELECT count(*) FILTER (WHERE order_number !~ '^ORD-[0-9]{8}-[0-9]{6,}$') AS n,
             count(*) - count(DISTINCT order_number) AS dup
      FROM sales.orders) s;

-- Lifecycle bookkeeping: every order's history starts pending and ends at
-- its status; the timestamps of the statuses it passed are set; cancelled
-- ones have a reason; the payment rule holds.
SELECT CASE WHEN n = 0 THEN 'ok every order''s history starts pending and ends at its status'
            ELSE 'FAIL ' || n || ' orders whose history does not match' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE (SELECT h.status FROM sales.order_status_history h WHERE h.order_id = o.id
             ORDER BY h.created_at, h.id LIMIT 1) IS DISTINCT FROM 'pending'
         OR (SELECT count(*) FROM sales.order_status_history h WHERE h.order_id = o.id AND h.status = o.status) <> 1) s;

SELECT CASE WHEN n = 0 THEN 'ok move timestamps and cancellation reasons are set'
            ELSE 'FAIL ' || n || ' orders missing a move timestamp or reason' END
FROM (SELECT count(*) AS n FROM sales.orders
      WHERE (status IN ('confirmed', 'processing', 'packed', 'shipped', 'delivered', 'refunded') AND confirmed_at IS NULL)
         OR (status IN ('shipped', 'delivered', 'refunded') AND shipped_at IS NULL)
         OR (status IN ('delivered', 'refunded') AND delivered_at IS NULL)
         OR (status = 'cancelled' AND (cancelled_at IS NULL OR coalesce(cancellation_reason, '') = ''))) s;

SELECT CASE WHEN n = 0 THEN 'ok no pending order is paid in full'
            ELSE 'FAIL ' || n || ' pending orders whose completed payments reach the total' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE o.status = 'pending'
        AND (SELECT coalesce(sum(p.amount), 0) FROM sales.payments p WHERE p.order_id = o.id AND p.status = 'completed')
            >= o.total) s;

SELECT CASE WHEN n = 0 THEN 'ok one payment row per provider transaction'
            ELSE 'FAIL ' || n || ' duplicated provider transactions' END
FROM (SELECT count(*) - count(DISTINCT (payment_provider, transaction_id)) AS n FROM sales.payments) s;

-- Carts that became orders are empty; a double submit never made two.
SELECT CASE WHEN n = 0 THEN 'ok every cart that became an order is empty and names one order'
            ELSE 'FAIL ' || n || ' ordered carts with lines left' END
FROM (SELECT count(*) AS n FROM sales.carts c
      WHERE c.order_id IS NOT NULL AND EXISTS (SELECT FROM sales.cart_items i WHERE i.cart_id = c.id)) s;

SELECT CASE WHEN n = 0 THEN 'ok no double submit made a second order'
            ELSE 'FAIL ' || n || ' double submits made two orders' END
FROM (SELECT count(*) AS n FROM public.mix_log WHERE outcome = 'DOUBLE SUBMIT MADE TWO') s;

-- The extension's own check agrees.
SELECT CASE WHEN n = 0 THEN 'ok niaga.check_invariants() finds nothing'
            ELSE 'FAIL niaga.check_invariants(): ' || detail END
FROM (SELECT count(*) AS n, string_agg(invariant || ': ' || detail, '; ') AS detail FROM niaga.check_invariants()) s;

-- Every step of every client committed: 8 clients x 25 runs x 4 steps. A
-- step that died (pgbench counts a deadlock as a failed transaction and
-- still exits 0) logged nothing; SPEC §7: concurrent checkouts never
-- deadlock, and §6: expiring orders is safe while checkouts go on.
SELECT CASE WHEN n = 800 THEN 'ok all 800 steps committed (8 clients x 25 x 4): no deadlock, no other failure'
            ELSE 'FAIL only ' || n || ' of 800 steps committed: the others died (deadlock detected? see the '
                 || 'pgbench log and the server log)' END
FROM (SELECT count(*) AS n FROM public.mix_log WHERE step <> 'expire') s;

-- The mix reached every outcome that matters.
SELECT CASE WHEN placed >= 20 AND delivered >= 1 AND cancelled >= 1 AND coupons >= 1
            THEN 'ok the mix placed, delivered, cancelled orders and used coupons'
            ELSE format('FAIL placed %s, delivered %s, cancelled %s, coupon uses %s', placed, delivered, cancelled, coupons)
       END
FROM (SELECT (SELECT count(*) FROM sales.orders) AS placed,
             (SELECT count(*) FROM sales.orders WHERE status IN ('delivered', 'refunded')) AS delivered,
             (SELECT count(*) FROM sales.orders WHERE status = 'cancelled') AS cancelled,
             (SELECT count(*) FROM sales.coupon_usages) AS coupons) s;
