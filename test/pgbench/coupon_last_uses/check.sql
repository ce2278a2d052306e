-- Every row is one assertion: "ok ..." passes, anything else fails.
SELECT CASE WHEN used_count = 5 THEN 'ok used_count is 5' ELSE 'FAIL used_count = ' || used_count END
FROM sales.coupons WHERE id = 'cafec0de-2004-4000-8000-000000000001';

SELECT CASE WHEN n = 5 THEN 'ok 5 coupon_usages rows' ELSE 'FAIL coupon_usages rows = ' || n END
FROM (SELECT count(*) AS n FROM sales.coupon_usages WHERE coupon_id = 'cafec0de-2004-4000-8000-000000000001') s;

SELECT CASE WHEN n = 0 THEN 'ok every coupon_usages row has its order' ELSE 'FAIL coupon_usages rows without an order: ' || n END
FROM (SELECT count(*) AS n FROM sales.coupon_usages u LEFT JOIN sales.orders o ON o.id = u.order_id
      WHERE o.id IS NULL) s;

SELECT CASE WHEN n = 160 THEN 'ok 160 orders (16 clients x 10)' ELSE 'FAIL orders = ' || n END
FROM (SELECT count(*) AS n FROM sales.orders) s;

SELECT CASE WHEN n = 5 THEN 'ok exactly 5 orders have a discount' ELSE 'FAIL orders with a discount = ' || n END
FROM (SELECT count(*) AS n FROM sales.orders WHERE discount_amount > 0) s;

SELECT CASE WHEN n = 5 THEN 'ok exactly 5 orders carry the coupon code' ELSE 'FAIL orders with coupon_code = ' || n END
FROM (SELECT count(*) AS n FROM sales.orders WHERE coupon_code IS NOT NULL) s;

-- The discounted orders, the orders with a usage and the attempts that
-- reported success are the same five.
SELECT CASE WHEN n = 0 THEN 'ok discounted orders = orders with a usage = redeemed attempts'
            ELSE 'FAIL ' || n || ' orders disagree between discount, usage and outcome' END
FROM (SELECT count(*) AS n
      FROM sales.orders o
      LEFT JOIN sales.coupon_usages u ON u.order_id = o.id
      LEFT JOIN public.cpnt_attempts a ON a.order_id = o.id
      WHERE (o.discount_amount > 0) IS DISTINCT FROM (u.id IS NOT NULL)
         OR (o.coupon_code IS NOT NULL) IS DISTINCT FROM (u.id IS NOT NULL)
         OR (a.outcome = 'redeemed') IS DISTINCT FROM (u.id IS NOT NULL)) s;

SELECT CASE WHEN n = 0 THEN 'ok every discount is the coupon''s 5.00 and totals add up'
            ELSE 'FAIL ' || n || ' discounted orders with a wrong discount or total' END
FROM (SELECT count(*) AS n FROM sales.orders
      WHERE discount_amount > 0
        AND (discount_amount <> 5.00 OR coupon_discount <> 5.00 OR coupon_code <> 'CPNT-LAST5'
             OR total <> subtotal - discount_amount + shipping_cost + tax_amount)) s;

SELECT CASE WHEN redeemed = 5 AND refused = 155 THEN 'ok 5 attempts redeemed, 155 refused with NG015'
            ELSE 'FAIL redeemed = ' || redeemed || ', refused with NG015 = ' || refused || ', attempts = ' || total END
FROM (SELECT count(*) FILTER (WHERE outcome = 'redeemed') AS redeemed,
             count(*) FILTER (WHERE outcome = 'refused NG015') AS refused,
             count(*) AS total
      FROM public.cpnt_attempts) s;
