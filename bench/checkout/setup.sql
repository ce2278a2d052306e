-- bench/checkout.sh set-up, run after scripts/demo-data.sql and
-- bench/stock/setup.sql (bench.skus: 15 SKUs of at least RM 18.50 with 10
-- million units each at WH-SHAH-ALAM).
--
-- Every checkout uses coupon RAYA10 (10 %, at most RM 30, minimum order
-- RM 50): three lines of at least RM 18.50 always meet the minimum, and the
-- usage limit is lifted so that no checkout is refused.

UPDATE sales.coupons SET usage_limit = NULL, per_customer_limit = NULL WHERE code = 'RAYA10';

-- 2,000 customers (ids md5('bench-customer-n')::uuid, n = 1..2000; each gets
-- its profile from niaga's trigger). With the demo's six, every customer
-- would pile up thousands of RAYA10 uses during a run, and niaga counts a
-- customer's uses of the coupon at every checkout (even without a
-- per-customer limit): that count would grow through the run.
INSERT INTO auth.users (id, email, password_hash, first_name, last_name, role, status)
SELECT md5('bench-customer-' || n)::uuid, 'bench-customer-' || n || '@example.com', 'x', 'Pelanggan', n::text,
       'customer', 'active'
FROM generate_series(1, 2000) AS n;
ANALYZE;
