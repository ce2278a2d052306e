-- After the workload (and after a crash and recovery): every row is one
-- assertion, "ok ..." passes, anything else fails.

SELECT CASE WHEN n = 0 THEN 'ok niaga.check_invariants() finds nothing'
            ELSE 'FAIL niaga.check_invariants() finds ' || n || ': ' || detail END
FROM (SELECT count(*) AS n, string_agg(invariant || ': ' || detail, '; ') AS detail
      FROM (SELECT * FROM niaga.check_invariants() LIMIT 20) v) s;

-- A step commits whole or not at all: every order is a logged placement.
SELECT CASE WHEN orders = placed THEN 'ok every order is one logged placement (' || orders || ')'
            ELSE 'FAIL ' || orders || ' orders but ' || placed || ' logged placements' END
FROM (SELECT (SELECT count(*) FROM sales.orders) AS orders,
             (SELECT count(*) FROM public.wl_log WHERE step = 'shop' AND outcome = 'placed') AS placed) s;

SELECT CASE WHEN n = 0 THEN 'ok every order''s history has its status once'
            ELSE 'FAIL ' || n || ' orders whose history has their status not exactly once' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE (SELECT count(*) FROM sales.order_status_history h WHERE h.order_id = o.id AND h.status = o.status) <> 1) s;

SELECT CASE WHEN n = 0 THEN 'ok no pending order is paid in full'
            ELSE 'FAIL ' || n || ' pending orders whose completed payments reach their total' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE o.status = 'pending'
        AND (SELECT coalesce(sum(p.amount), 0) FROM sales.payments p
             WHERE p.order_id = o.id AND p.status = 'completed') >= o.total) s;

SELECT CASE WHEN n = 0 THEN 'ok one refund per refunded order, none for the others'
            ELSE 'FAIL ' || n || ' orders with a wrong number of refunds' END
FROM (SELECT count(*) AS n FROM sales.orders o
      WHERE (SELECT count(*) FROM sales.refunds r WHERE r.order_id = o.id)
            <> CASE WHEN o.status = 'refunded' THEN 1 ELSE 0 END) s;

SELECT CASE WHEN n = 0 THEN 'ok every cart that became an order is empty'
            ELSE 'FAIL ' || n || ' ordered carts with lines left' END
FROM (SELECT count(*) AS n FROM sales.carts c
      WHERE c.order_id IS NOT NULL AND EXISTS (SELECT FROM sales.cart_items i WHERE i.cart_id = c.id)) s;
