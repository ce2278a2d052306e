-- The last uses of a coupon under load (SPEC §4): a coupon with five uses,
-- sixteen clients each creating orders and trying to redeem it. Exactly five
-- orders get it; used_count never passes usage_limit.

INSERT INTO auth.users (id, email, password_hash)
SELECT ('cafec0de-2001-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'cpnt-bench-' || n || '@example.com', 'x'
FROM generate_series(1, 12) AS n;
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('cafec0de-2002-4000-8000-000000000001', 'CPNT-BENCH-SKU', 'Bench widget', 'cpnt-bench-widget', 25.00);
INSERT INTO sales.coupons (id, code, type, value, usage_limit) VALUES
    ('cafec0de-2004-4000-8000-000000000001', 'CPNT-LAST5', 'fixed', 5.00, 5);

-- What each attempt came to.
CREATE TABLE public.cpnt_attempts (
    order_id uuid PRIMARY KEY,
    outcome text NOT NULL
);

-- One client transaction: a pending order with one line for a random
-- customer, then the coupon. Running out of uses (NG015) or the customer's
-- limit (NG016) is an expected outcome, not an error; anything else is.
CREATE FUNCTION public.cpnt_order_and_redeem() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    new_order uuid := gen_random_uuid();
    customer uuid := ('cafec0de-2001-4000-8000-0000000000' || lpad((1 + floor(random() * 12))::int::text, 2, '0'))::uuid;
    outcome text;
BEGIN
    INSERT INTO sales.orders (id, user_id) VALUES (new_order, customer);
    INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
    VALUES (new_order, 'cafec0de-2002-4000-8000-000000000001', 'CPNT-BENCH-SKU', 'Bench widget',
            1 + floor(random() * 3)::int, 25.00);
    BEGIN
        PERFORM sales.redeem_coupon(new_order, 'cpnt-last5');
        outcome := 'redeemed';
    EXCEPTION WHEN SQLSTATE 'NG015' OR SQLSTATE 'NG016' THEN
        outcome := 'refused ' || SQLSTATE;
    END;
    INSERT INTO public.cpnt_attempts VALUES (new_order, outcome);
    RETURN outcome;
END
$$;
