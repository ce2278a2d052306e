-- Coupons (SPEC §4, §12): the seven checks in their order through
-- sales.check_coupon (a preview that never raises for a business reason)
-- and sales.coupon_discount (raises NG010…NG016); the discount arithmetic;
-- the table's constraints; bad input; and sales.redeem_coupon /
-- sales.release_coupon on real orders.
--
-- Ids and codes of this file: uuids cafec0de-…, codes CPNT-…, so that it can
-- share the regression database with the other files.
\set VERBOSITY terse

-- Runs a statement and says what happened: 'ok' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- sales.coupon_discount's answer as text: the discount, or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.discount_of(code text, user_id uuid, subtotal numeric) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN sales.coupon_discount(code, user_id, subtotal)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- sales.redeem_coupon's answer as text: the discount, or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.redeem(order_id uuid, code text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    RETURN sales.redeem_coupon(order_id, code)::text;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- An expression's value as text, or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.result_of(expression text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    result text;
BEGIN
    EXECUTE 'SELECT (' || expression || ')::text' INTO result;
    RETURN result;
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

-- Both functions side by side for one (code, user, subtotal).
CREATE FUNCTION pg_temp.both_ways(code text, user_id uuid, subtotal numeric)
RETURNS TABLE (is_valid boolean, discount numeric, reason text, message text, coupon_discount text)
LANGUAGE sql AS $$
    SELECT c.is_valid, c.discount, c.reason, c.message, pg_temp.discount_of(code, user_id, subtotal)
    FROM sales.check_coupon(code, user_id, subtotal) c
$$;

--
-- Fixture: two customers, a product, a tax rate (not the default: orders
-- name it, so other files' default rate does not matter) and a shipping method.
--
INSERT INTO auth.users (id, email, password_hash, first_name) VALUES
    ('cafec0de-0001-4000-8000-000000000001', 'cpnt-ali@example.com', 'x', 'Ali'),
    ('cafec0de-0001-4000-8000-000000000002', 'cpnt-bea@example.com', 'x', 'Bea'),
    ('cafec0de-0001-4000-8000-000000000003', 'cpnt-chong@example.com', 'x', 'Chong');
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('cafec0de-0002-4000-8000-000000000001', 'CPNT-SKU-1', 'Coupon test widget', 'cpnt-widget', 50.00);
INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default) VALUES
    ('cafec0de-0005-4000-8000-000000000001', 'CPNT-SST', 'Coupon test SST', 6.00, false, false);
INSERT INTO sales.shipping_methods (code, name, base_cost, free_shipping_threshold) VALUES
    ('cpnt-post', 'Coupon test post', 8.00, 500.00);

-- Creates a pending order of `quantity` widgets at `unit_price` for a user
-- (NULL = guest), taxed at CPNT-SST and shipped by cpnt-post.
CREATE FUNCTION pg_temp.new_order(id uuid, user_id uuid, quantity int, unit_price numeric) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO sales.orders (id, user_id, tax_rate_id, shipping_method)
    VALUES (id, user_id, 'cafec0de-0005-4000-8000-000000000001', 'cpnt-post');
    INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
    SELECT id, 'cafec0de-0002-4000-8000-000000000001', 'CPNT-SKU-1', 'Coupon test widget', quantity, unit_price
    WHERE quantity > 0;
$$;

-- An order's pricing columns.
CREATE FUNCTION pg_temp.order_totals(order_id uuid)
RETURNS TABLE (status text, coupon_code text, subtotal numeric, discount_amount numeric, coupon_discount numeric,
               shipping_cost numeric, tax_amount numeric, total numeric)
LANGUAGE sql AS $$
    SELECT o.status, o.coupon_code, o.subtotal, o.discount_amount, o.coupon_discount, o.shipping_cost, o.tax_amount,
           o.total
    FROM sales.orders o WHERE o.id = order_id
$$;

-- A coupon's counter and its usages, for the coupons of this file.
CREATE FUNCTION pg_temp.usage_of(coupon_code text)
RETURNS TABLE (code text, used_count int, usages bigint, usage_list text)
LANGUAGE sql AS $$
    SELECT c.code, c.used_count, count(u.id),
           coalesce(string_agg(right(u.order_id::text, 2) || '/' || coalesce(right(u.user_id::text, 2), 'guest'), ' '
                               ORDER BY u.order_id), '')
    FROM sales.coupons c LEFT JOIN sales.coupon_usages u ON u.coupon_id = c.id
    WHERE c.code = coupon_code AND c.deleted_at IS NULL
    GROUP BY c.id, c.code, c.used_count
$$;

--
-- Constraints of sales.coupons.
--
-- A percentage is 0 < value <= 100; no coupon has a value of 0 or less.
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-BAD', 'percentage', 100.01)$$);
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-BAD', 'percentage', 0)$$);
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-BAD', 'fixed', 0)$$);
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-BAD', 'fixed', -5)$$);
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-BAD', 'free', 5)$$);
-- A fixed coupon's value is ringgit, so above 100 is fine.
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-BIG', 'fixed', 150)$$);
-- 100 % is the most a percentage may be.
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-ALL', 'percentage', 100)$$);
-- Codes are unique among live coupons regardless of case.
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('cpnt-big', 'fixed', 1)$$);
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-BIG', 'percentage', 1)$$);
-- An empty code is refused.
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('', 'fixed', 1)$$);
SELECT count(*) AS coupons_named_cpnt FROM sales.coupons WHERE code ILIKE 'cpnt-%';

--
-- The seven checks, in order, each both ways, through both functions.
-- Everything here runs in one transaction and is rolled back, so now() is
-- fixed and the counters set by hand leave nothing behind.
--
BEGIN;
INSERT INTO sales.coupons (code, type, value, is_active, starts_at, expires_at, min_order_amount, usage_limit,
                           used_count, per_customer_limit) VALUES
    -- is_active
    ('CPNT-OFF', 'fixed', 5, false, NULL, NULL, NULL, NULL, 0, NULL),
    ('CPNT-ON', 'fixed', 5, true, NULL, NULL, NULL, NULL, 0, NULL),
    -- starts_at: later than now() is not started, exactly now() is started
    ('CPNT-LATER', 'fixed', 5, true, now() + interval '1 microsecond', NULL, NULL, NULL, 0, NULL),
    ('CPNT-NOW', 'fixed', 5, true, now(), NULL, NULL, NULL, 0, NULL),
    -- expires_at: exactly now() is expired, a moment later is not
    ('CPNT-GONE', 'fixed', 5, true, NULL, now(), NULL, NULL, 0, NULL),
    ('CPNT-LAST', 'fixed', 5, true, NULL, now() + interval '1 microsecond', NULL, NULL, 0, NULL),
    -- min_order_amount 100.00
    ('CPNT-MIN', 'fixed', 5, true, NULL, NULL, 100.00, NULL, 0, NULL),
    -- usage_limit 3: full at 3, one left at 2
    ('CPNT-FULL', 'fixed', 5, true, NULL, NULL, NULL, 3, 3, NULL),
    ('CPNT-ONELEFT', 'fixed', 5, true, NULL, NULL, NULL, 3, 2, NULL),
    -- per_customer_limit 1
    ('CPNT-ONCE', 'fixed', 5, true, NULL, NULL, NULL, NULL, 0, 1);

-- NG010 not found / found
SELECT * FROM pg_temp.both_ways('CPNT-NOPE', NULL, 50.00);
SELECT * FROM pg_temp.both_ways('CPNT-ON', NULL, 50.00);
-- NG011 inactive / active
SELECT * FROM pg_temp.both_ways('CPNT-OFF', NULL, 50.00);
SELECT * FROM pg_temp.both_ways('CPNT-ON', NULL, 50.00);
-- NG012 not started / started at exactly now()
SELECT * FROM pg_temp.both_ways('CPNT-LATER', NULL, 50.00);
SELECT * FROM pg_temp.both_ways('CPNT-NOW', NULL, 50.00);
-- NG013 expired at exactly now() / still valid
SELECT * FROM pg_temp.both_ways('CPNT-GONE', NULL, 50.00);
SELECT * FROM pg_temp.both_ways('CPNT-LAST', NULL, 50.00);
-- NG014 one sen short (the message says how much more) / exactly met
SELECT * FROM pg_temp.both_ways('CPNT-MIN', NULL, 99.99);
SELECT * FROM pg_temp.both_ways('CPNT-MIN', NULL, 0.00);
SELECT * FROM pg_temp.both_ways('CPNT-MIN', NULL, 100.00);
-- NG015 used_count = usage_limit / one use left
SELECT * FROM pg_temp.both_ways('CPNT-FULL', NULL, 50.00);
SELECT * FROM pg_temp.both_ways('CPNT-ONELEFT', NULL, 50.00);
-- NG016: a guest may not use a coupon with a per-customer limit; a customer
-- who has not used it may.
SELECT * FROM pg_temp.both_ways('CPNT-ONCE', NULL, 50.00);
SELECT * FROM pg_temp.both_ways('CPNT-ONCE', 'cafec0de-0001-4000-8000-000000000001', 50.00);
-- Ali uses it once (a real redemption on an order of his) and has reached
-- his limit; Bea has not.
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000001', 'cafec0de-0001-4000-8000-000000000001', 1, 50.00);
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000001', 'CPNT-ONCE');
SELECT * FROM pg_temp.both_ways('CPNT-ONCE', 'cafec0de-0001-4000-8000-000000000001', 50.00);
SELECT * FROM pg_temp.both_ways('CPNT-ONCE', 'cafec0de-0001-4000-8000-000000000002', 50.00);

-- The first failure wins: a coupon failing every check reports them one by
-- one as they are fixed (a guest asks, for 50.00 and then 100.00).
INSERT INTO sales.coupons (code, type, value, is_active, expires_at, min_order_amount, usage_limit, used_count,
                           per_customer_limit)
VALUES ('CPNT-CHAIN', 'fixed', 5, false, now() - interval '1 day', 100.00, 2, 2, 1);
SELECT reason FROM sales.check_coupon('CPNT-CHAIN', NULL, 50.00);
UPDATE sales.coupons SET is_active = true WHERE code = 'CPNT-CHAIN';
SELECT reason FROM sales.check_coupon('CPNT-CHAIN', NULL, 50.00);
UPDATE sales.coupons SET starts_at = now() + interval '1 day', expires_at = now() + interval '2 days'
WHERE code = 'CPNT-CHAIN';
SELECT reason FROM sales.check_coupon('CPNT-CHAIN', NULL, 50.00);
UPDATE sales.coupons SET starts_at = NULL, expires_at = NULL WHERE code = 'CPNT-CHAIN';
SELECT reason FROM sales.check_coupon('CPNT-CHAIN', NULL, 50.00);
SELECT reason FROM sales.check_coupon('CPNT-CHAIN', NULL, 100.00);
UPDATE sales.coupons SET usage_limit = 3 WHERE code = 'CPNT-CHAIN';
SELECT reason FROM sales.check_coupon('CPNT-CHAIN', NULL, 100.00);
UPDATE sales.coupons SET per_customer_limit = NULL WHERE code = 'CPNT-CHAIN';
SELECT * FROM sales.check_coupon('CPNT-CHAIN', NULL, 100.00);
ROLLBACK;

--
-- The discount.
--
INSERT INTO sales.coupons (code, type, value, max_discount) VALUES
    ('CPNT-PCT20', 'percentage', 20, 15.00),    -- 20 %, at most RM 15
    ('CPNT-PCT10', 'percentage', 10, NULL),
    ('CPNT-PCT12H', 'percentage', 12.50, NULL),
    ('CPNT-FIX30', 'fixed', 30.00, NULL);
SELECT t.code, t.subtotal, c.discount, pg_temp.discount_of(t.code, NULL, t.subtotal) AS coupon_discount
FROM (VALUES
    -- percentage below the cap, at it and above it (capped)
    ('CPNT-PCT20', 50.00), ('CPNT-PCT20', 75.00), ('CPNT-PCT20', 100.00), ('CPNT-PCT20', 99999.99),
    -- rounding half a sen away from zero (half-even would give 1.00, 1.02, 0.02, 0.00)
    ('CPNT-PCT10', 10.05), ('CPNT-PCT10', 10.25), ('CPNT-PCT12H', 0.20), ('CPNT-PCT10', 0.05),
    ('CPNT-PCT12H', 0.12), ('CPNT-PCT10', 0.04), ('CPNT-PCT10', 9999999999.99),
    -- 100 % is the whole subtotal
    ('CPNT-ALL', 123.45),
    -- fixed: its value, never more than the subtotal
    ('CPNT-FIX30', 100.00), ('CPNT-FIX30', 30.00), ('CPNT-FIX30', 29.99), ('CPNT-FIX30', 0.00),
    ('CPNT-BIG', 100.00)
) AS t(code, subtotal), LATERAL sales.check_coupon(t.code, NULL, t.subtotal) c;
-- The message of a valid coupon names the discount.
SELECT * FROM sales.check_coupon('CPNT-PCT20', NULL, 100.00);

--
-- Codes match case-insensitively; the coupon's own spelling is reported.
--
SELECT t.code, c.is_valid, c.discount, c.reason, c.message
FROM (VALUES ('CPNT-FIX30'), ('cpnt-fix30'), ('CpNt-FiX30')) AS t(code),
     LATERAL sales.check_coupon(t.code, NULL, 100.00) c;
SELECT pg_temp.discount_of('cpnt-fix30', NULL, 100.00);

--
-- A soft-deleted coupon does not exist; its code can be reused by a new live
-- coupon, which is then the one that applies.
--
INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-OLD', 'fixed', 7.00);
UPDATE sales.coupons SET deleted_at = now() WHERE code = 'CPNT-OLD';
SELECT * FROM pg_temp.both_ways('CPNT-OLD', NULL, 100.00);
SELECT * FROM pg_temp.both_ways('cpnt-old', NULL, 100.00);
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('cpnt-Old', 'fixed', 9.00)$$);
SELECT * FROM pg_temp.both_ways('CPNT-OLD', NULL, 100.00);
-- A second live one with the same code in another case is still refused.
SELECT pg_temp.error_of($$INSERT INTO sales.coupons (code, type, value) VALUES ('CPNT-OLD', 'fixed', 9.00)$$);

--
-- Bad input: never a crash, always a defined answer.
--
-- No code: not found, whichever way "no code" is spelt.
SELECT t.label, c.is_valid, c.discount, c.reason, c.message, pg_temp.discount_of(t.code, NULL, 50.00) AS coupon_discount
FROM (VALUES ('NULL', NULL), ('empty', ''), ('blanks', '   ')) AS t(label, code),
     LATERAL sales.check_coupon(t.code, NULL, 50.00) c;
-- Codes full of quotes, semicolons, backslashes and pattern characters are
-- only data: nothing matches, nothing runs.
SELECT c.is_valid, c.discount, c.reason, c.message, pg_temp.discount_of(t.code, NULL, 50.00) AS coupon_discount
FROM (VALUES ($q$CPNT-FIX30' OR '1'='1$q$),
             ($q$x'; DROP TABLE sales.coupons; --$q$),
             ($q$CPNT-FIX30"; DELETE FROM sales.coupons; --$q$),
             ($q$CPNT\FIX30$q$), ($q$CPNT-FIX30\$q$), ($q$\\'\';$q$),
             ('CPNT-FIX3_'), ('CPNT-%'), ('%'), ('_')) AS t(code),
     LATERAL sales.check_coupon(t.code, NULL, 50.00) c;
SELECT count(*) AS coupons_named_cpnt FROM sales.coupons WHERE code ILIKE 'cpnt-%';
-- A very long code.
SELECT c.is_valid, c.discount, c.reason, left(c.message, 20) AS message
FROM sales.check_coupon(repeat('A', 100000), NULL, 50.00) c;
SELECT left(pg_temp.discount_of(repeat('A', 100000), NULL, 50.00), 27) AS coupon_discount;
-- The subtotal must be money: not NULL, not negative, not NaN or infinite,
-- whole sen (trailing zeros are fine), within numeric(12,2).
SELECT t.label,
       pg_temp.result_of(format('(SELECT c::text FROM sales.check_coupon(%L, NULL, %s) c)', 'CPNT-FIX30', t.subtotal))
           AS check_coupon,
       pg_temp.result_of(format('sales.coupon_discount(%L, NULL, %s)', 'CPNT-FIX30', t.subtotal)) AS coupon_discount
FROM (VALUES ('NULL', 'NULL'), ('negative', '-0.01'), ('NaN', '''NaN'''), ('Infinity', '''Infinity'''),
             ('-Infinity', '''-Infinity'''), ('3 decimals', '10.005'), ('absurd', '1e20'),
             ('huge', '1e1000'), ('just too big', '10000000000.00'),
             ('trailing zero', '10.050'), ('largest', '9999999999.99')) AS t(label, subtotal);
-- The same bad subtotals with a code that does not exist: the argument is
-- checked first.
SELECT pg_temp.discount_of('CPNT-NOPE', NULL, NULL);
SELECT pg_temp.discount_of(NULL, NULL, 'NaN');
SELECT pg_temp.discount_of(NULL, NULL, 1e20);
-- A user that does not exist is a customer with no usages.
SELECT * FROM pg_temp.both_ways('CPNT-FIX30', 'cafec0de-0001-4000-8000-0000000000ff', 50.00);
SELECT 1 AS still_working;

--
-- redeem_coupon on real orders.
--
INSERT INTO sales.coupons (code, type, value, max_discount, usage_limit, per_customer_limit) VALUES
    ('CPNT-TENOFF', 'percentage', 10, 15.00, 3, 2);   -- 10 %, at most RM 15, 3 uses, 2 per customer
INSERT INTO sales.coupons (code, type, value, min_order_amount) VALUES
    ('CPNT-FIVE', 'fixed', 5.00, NULL),
    ('CPNT-BIGSPEND', 'fixed', 20.00, 1000.00);

-- Ali's order: 4 × 50.00 = 200.00, shipping 8.00, tax 6 % of 200.00.
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000011', 'cafec0de-0001-4000-8000-000000000001', 4, 50.00);
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000011');
-- The code in any case; 10 % of 200.00 is capped at 15.00.
SELECT sales.redeem_coupon('cafec0de-0003-4000-8000-000000000011', 'cpnt-tenoff');
-- Tax on 185.00 is 11.10; total 200.00 - 15.00 + 8.00 + 11.10.
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000011');
SELECT * FROM pg_temp.usage_of('CPNT-TENOFF');
SELECT c.code, u.user_id, u.order_id FROM sales.coupon_usages u JOIN sales.coupons c ON c.id = u.coupon_id
WHERE u.order_id = 'cafec0de-0003-4000-8000-000000000011';
-- A second coupon, or the same again, on the same order is refused.
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000011', 'CPNT-TENOFF');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000011', 'CPNT-FIVE');
SELECT * FROM pg_temp.usage_of('CPNT-TENOFF');
SELECT * FROM pg_temp.usage_of('CPNT-FIVE');
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000011');

-- A coupon reaches an order only through redeem_coupon: a plain INSERT or
-- UPDATE of coupon_code is refused.
SELECT pg_temp.error_of($$INSERT INTO sales.orders (id, user_id, coupon_code)
    VALUES ('cafec0de-0003-4000-8000-000000000012', 'cafec0de-0001-4000-8000-000000000001', 'CPNT-FIVE')$$);
SELECT pg_temp.error_of($$UPDATE sales.orders SET coupon_code = 'CPNT-FIVE'
    WHERE id = 'cafec0de-0003-4000-8000-000000000011'$$);
SELECT count(*) AS orders_12 FROM sales.orders WHERE id = 'cafec0de-0003-4000-8000-000000000012';

-- Only a pending order takes a coupon.
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000013', 'cafec0de-0001-4000-8000-000000000001', 1, 50.00);
UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'coupon test'
WHERE id = 'cafec0de-0003-4000-8000-000000000013';
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000013', 'CPNT-FIVE');
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000013');

-- A guest order: a per-customer-limited coupon is refused (NG016), another
-- applies and its usage has no user.
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000014', NULL, 2, 50.00);
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000014', 'CPNT-TENOFF');
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000014');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000014', 'CPNT-FIVE');
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000014');
SELECT * FROM pg_temp.usage_of('CPNT-FIVE');

-- A fixed coupon never takes more than the subtotal: 1 × 3.00 with RM 5 off.
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000015', 'cafec0de-0001-4000-8000-000000000001', 1, 3.00);
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000015', 'CPNT-FIVE');
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000015');

-- A failed redemption leaves nothing behind: neither the counter, nor a
-- usage, nor the order change.
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000016', 'cafec0de-0001-4000-8000-000000000001', 2, 50.00);
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000016', 'CPNT-BIGSPEND');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000016', 'CPNT-NOPE');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000016', NULL);
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000016', $q$'; DELETE FROM sales.coupon_usages; --$q$);
SELECT * FROM pg_temp.usage_of('CPNT-BIGSPEND');
SELECT * FROM pg_temp.order_totals('cafec0de-0003-4000-8000-000000000016');
SELECT count(*) AS usages_of_order_16 FROM sales.coupon_usages WHERE order_id = 'cafec0de-0003-4000-8000-000000000016';
-- An order without lines has a subtotal of 0.00: below any minimum.
INSERT INTO sales.orders (id, user_id) VALUES ('cafec0de-0003-4000-8000-000000000017', 'cafec0de-0001-4000-8000-000000000001');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000017', 'CPNT-BIGSPEND');
-- Bad order ids.
SELECT pg_temp.redeem(NULL, 'CPNT-FIVE');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-0000000000ff', 'CPNT-FIVE');
SELECT * FROM pg_temp.usage_of('CPNT-FIVE');

-- The per-customer limit and the usage limit over real orders: Ali's second
-- use is his last (limit 2); Bea's use is the coupon's third and last.
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000021', 'cafec0de-0001-4000-8000-000000000001', 1, 50.00);
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000022', 'cafec0de-0001-4000-8000-000000000001', 1, 50.00);
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000023', 'cafec0de-0001-4000-8000-000000000002', 1, 50.00);
SELECT pg_temp.new_order('cafec0de-0003-4000-8000-000000000024', 'cafec0de-0001-4000-8000-000000000003', 1, 50.00);
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000021', 'CPNT-TENOFF');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000022', 'CPNT-TENOFF');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000023', 'CPNT-TENOFF');
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000024', 'CPNT-TENOFF');
SELECT * FROM pg_temp.usage_of('CPNT-TENOFF');
-- check_coupon agrees.
SELECT reason FROM sales.check_coupon('CPNT-TENOFF', 'cafec0de-0001-4000-8000-000000000003', 50.00);

--
-- release_coupon gives the use back, once.
--
SELECT sales.release_coupon('cafec0de-0003-4000-8000-000000000011') AS released;
SELECT sales.release_coupon('cafec0de-0003-4000-8000-000000000011') AS released_again;
SELECT * FROM pg_temp.usage_of('CPNT-TENOFF');
SELECT count(*) AS usages_of_order_11 FROM sales.coupon_usages WHERE order_id = 'cafec0de-0003-4000-8000-000000000011';
-- Ali's usage on order 11 is gone, so he has one use left again; and
-- Chong, refused above, now gets the freed use.
SELECT reason FROM sales.check_coupon('CPNT-TENOFF', 'cafec0de-0001-4000-8000-000000000001', 50.00);
SELECT pg_temp.redeem('cafec0de-0003-4000-8000-000000000024', 'CPNT-TENOFF');
SELECT * FROM pg_temp.usage_of('CPNT-TENOFF');
-- Orders without a coupon, unknown orders and NULL.
SELECT sales.release_coupon('cafec0de-0003-4000-8000-000000000016') AS released_16;
SELECT sales.release_coupon('cafec0de-0003-4000-8000-0000000000ff') AS released_unknown;
SELECT pg_temp.error_of($$SELECT sales.release_coupon(NULL)$$);

-- Every coupon of this file: used_count = its usages.
SELECT code, used_count, (SELECT count(*) FROM sales.coupon_usages u WHERE u.coupon_id = c.id) AS usages
FROM sales.coupons c WHERE code ILIKE 'cpnt-%' ORDER BY code, deleted_at NULLS FIRST;
