-- A checkout mix under load (SPEC §6, §7, §8, §13): eight clients each make
-- carts, add one to three lines, place orders (sometimes with a coupon that
-- has a usage limit), pay them fully, partly or not at all, and then ship and
-- deliver, refund, or cancel some; now and then one of them expires the
-- unpaid pending orders. check.sql then asserts the §13 invariants with
-- plain SQL. Expected business refusals (NG001 insufficient stock, NG002 a
-- move another client's change made invalid, NG01x coupons) are caught here
-- and logged; anything else aborts the client and fails the run.
--
-- Ids: uuids 4b0000NN-…, codes MIX-….

INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default) VALUES
    ('4b000007-0000-4000-8000-000000000001', 'MIX-SST', 'Mix SST 6% incl. shipping', 6.00, true, true);
INSERT INTO sales.shipping_methods (code, name, base_cost, free_shipping_threshold) VALUES
    ('mix-std', 'Mix standard', 8.00, 200.00);
INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('4b000002-0000-4000-8000-000000000001', 'MIX-W1', 'Mix first choice', 1),
    ('4b000002-0000-4000-8000-000000000002', 'MIX-W2', 'Mix second choice', 2);

-- Ten customers.
INSERT INTO auth.users (id, email, password_hash, role)
SELECT ('4b000001-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'mix-' || n || '@example.com', 'x',
       'customer'
FROM generate_series(1, 10) AS n;

-- Five products; MIX-P5 sells in two variants (one at the base price).
INSERT INTO catalog.products (id, sku, name, slug, base_price, has_variants)
SELECT ('4b000003-0000-4000-8000-0000000000' || lpad(n::text, 2, '0'))::uuid, 'MIX-P' || n, 'Mix product ' || n,
       'mix-product-' || n, (n * 7.35)::numeric(12,2), n = 5
FROM generate_series(1, 5) AS n;
INSERT INTO catalog.product_variants (id, product_id, sku, name, price) VALUES
    ('4b000004-0000-4000-8000-000000000001', '4b000003-0000-4000-8000-000000000005', 'MIX-P5-A', 'A', 49.90),
    ('4b000004-0000-4000-8000-000000000002', '4b000003-0000-4000-8000-000000000005', 'MIX-P5-B', 'B', NULL);

-- Stock in both warehouses, little in the preferred one: orders spill over
-- to MIX-W2 and some find neither enough (NG001).
SELECT count(inventory.receive_stock(w.id, i.product_id, i.variant_id, CASE w.code WHEN 'MIX-W1' THEN 12 ELSE 80 END))
       AS stock_items
FROM inventory.warehouses w,
     (SELECT p.id AS product_id, v.id AS variant_id
      FROM catalog.products p LEFT JOIN catalog.product_variants v ON v.product_id = p.id
      WHERE p.sku LIKE 'MIX-%') AS i
WHERE w.code LIKE 'MIX-%';

-- Coupons: one with a usage limit and a per-customer limit, one without.
INSERT INTO sales.coupons (id, code, type, value, usage_limit, per_customer_limit) VALUES
    ('4b000005-0000-4000-8000-000000000001', 'MIX-LIMITED', 'fixed', 5.00, 15, 2);
INSERT INTO sales.coupons (id, code, type, value, max_discount) VALUES
    ('4b000005-0000-4000-8000-000000000002', 'MIX-10', 'percentage', 10, 12.00);

-- Each client's current cart and order.
CREATE TABLE public.mix_state (client_no int PRIMARY KEY, cart_id uuid, order_id uuid);
-- What each step came to.
CREATE TABLE public.mix_log (
    id bigserial PRIMARY KEY,
    client_no int NOT NULL,
    step text NOT NULL,
    outcome text NOT NULL
);

-- A SQLSTATE niaga raises for a business reason another client's work can
-- cause: insufficient stock, a move no longer allowed, a coupon refused.
CREATE FUNCTION public.mix_expected(state text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT state IN ('NG001', 'NG002', 'NG010', 'NG011', 'NG012', 'NG013', 'NG014', 'NG015', 'NG016')
$$;

-- Step 1: a new cart (one in ten a guest's) with one to three lines.
CREATE FUNCTION public.mix_cart(client int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    cart uuid := gen_random_uuid();
    customer uuid;
    product record;
    lines int := 1 + floor(random() * 3)::int;
BEGIN
    IF random() >= 0.1 THEN
        customer := ('4b000001-0000-4000-8000-0000000000' || lpad((1 + floor(random() * 10))::int::text, 2, '0'))::uuid;
    END IF;
    INSERT INTO sales.carts (id, user_id, session_id, coupon_code)
    VALUES (cart, customer, CASE WHEN customer IS NULL THEN 'mix-guest-' || client END,
            CASE WHEN random() < 0.25 THEN 'MIX-LIMITED' WHEN random() < 0.2 THEN 'mix-10' END);
    FOR i IN 1 .. lines LOOP
        SELECT p.id, (SELECT v.id FROM catalog.product_variants v WHERE v.product_id = p.id ORDER BY random() LIMIT 1) AS v
        INTO product
        FROM catalog.products p WHERE p.sku LIKE 'MIX-%' ORDER BY random() LIMIT 1;
        PERFORM sales.add_to_cart(cart, product.id, product.v, 1 + floor(random() * 3)::int);
    END LOOP;
    INSERT INTO public.mix_state VALUES (client, cart, NULL)
    ON CONFLICT (client_no) DO UPDATE SET cart_id = EXCLUDED.cart_id, order_id = NULL;
    INSERT INTO public.mix_log (client_no, step, outcome) VALUES (client, 'cart', lines || ' lines');
    RETURN 'cart';
END
$$;

-- Step 2: place the order (now and then twice: a double submit).
CREATE FUNCTION public.mix_place(client int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    cart uuid := (SELECT s.cart_id FROM public.mix_state s WHERE s.client_no = client);
    placed sales.orders;
    again sales.orders;
    outcome text := 'placed';
BEGIN
    BEGIN
        placed := sales.place_order(cart, 'mix-std', jsonb_build_object('city', 'Kuala Lumpur', 'client', client));
        IF random() < 0.1 THEN
            again := sales.place_order(cart, 'mix-std', jsonb_build_object('city', 'Ipoh'));
            outcome := CASE WHEN again.id = placed.id THEN 'placed twice, same order' ELSE 'DOUBLE SUBMIT MADE TWO' END;
        END IF;
        UPDATE public.mix_state s SET order_id = placed.id WHERE s.client_no = client;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.mix_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    INSERT INTO public.mix_log (client_no, step, outcome) VALUES (client, 'place', outcome);
    RETURN outcome;
END
$$;

-- Step 3: pay in full (60 %, sometimes as two payments or with a repeated
-- webhook), pay part (15 %) or not at all.
CREATE FUNCTION public.mix_pay(client int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order sales.orders;
    roll float8 := random();
    first_part numeric;
    outcome text;
BEGIN
    SELECT o.* INTO the_order FROM sales.orders o
    WHERE o.id = (SELECT s.order_id FROM public.mix_state s WHERE s.client_no = client);
    IF the_order.id IS NULL THEN
        INSERT INTO public.mix_log (client_no, step, outcome) VALUES (client, 'pay', 'no order');
        RETURN 'no order';
    END IF;
    BEGIN
        IF roll < 0.3 THEN
            PERFORM sales.record_payment(the_order.id, 'credit_card', 'mix-card', 'MIX-' || the_order.id, the_order.total,
                                         'completed');
            outcome := 'paid';
        ELSIF roll < 0.45 THEN
            -- pending first, then the webhook again as completed
            PERFORM sales.record_payment(the_order.id, 'online_banking', 'mix-fpx', 'MIX-' || the_order.id,
                                         the_order.total, 'pending');
            PERFORM sales.record_payment(the_order.id, 'online_banking', 'mix-fpx', 'MIX-' || the_order.id,
                                         the_order.total, 'completed');
            PERFORM sales.record_payment(the_order.id, 'online_banking', 'mix-fpx', 'MIX-' || the_order.id,
                                         the_order.total, 'completed');
            outcome := 'paid after a repeated webhook';
        ELSIF roll < 0.6 THEN
            first_part := round(the_order.total / 3, 2);
            PERFORM sales.record_payment(the_order.id, 'ewallet', 'mix-tng', 'MIX-A-' || the_order.id, first_part,
                                         'completed');
            PERFORM sales.record_payment(the_order.id, 'ewallet', 'mix-tng', 'MIX-B-' || the_order.id,
                                         the_order.total - first_part, 'completed');
            outcome := 'paid in two parts';
        ELSIF roll < 0.75 THEN
            PERFORM sales.record_payment(the_order.id, 'ewallet', 'mix-tng', 'MIX-P-' || the_order.id,
                                         round(the_order.total / 2, 2), 'completed');
            outcome := 'paid in part';
        ELSE
            outcome := 'not paid';
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.mix_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    INSERT INTO public.mix_log (client_no, step, outcome) VALUES (client, 'pay', outcome);
    RETURN outcome;
END
$$;

-- Step 5, one time in twenty: expire unpaid pending orders older than a
-- second. In a transaction of its own: the expiry locks many orders' coupons
-- and stock rows, and a transaction that then also cancelled its own order
-- would take a coupon after stock rows — against niaga's lock order, like
-- any two niaga operations composed in one transaction (README,
-- Troubleshooting).
CREATE FUNCTION public.mix_expire(client int) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    IF random() < 0.05 THEN
        INSERT INTO public.mix_log (client_no, step, outcome)
        VALUES (client, 'expire', sales.expire_pending_orders('1 second') || ' expired');
    END IF;
END
$$;

-- Step 4: move the order on. A confirmed order is shipped and delivered
-- (45 %; a tenth of those then refunded, with or without restock), stopped
-- on the way (15 %) or cancelled (20 %); a pending one is cancelled (30 %).
CREATE FUNCTION public.mix_progress(client int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := (SELECT s.order_id FROM public.mix_state s WHERE s.client_no = client);
    status text;
    roll float8 := random();
    outcome text := 'left';
BEGIN
    IF the_order IS NULL THEN
        INSERT INTO public.mix_log (client_no, step, outcome) VALUES (client, 'progress', 'no order');
        RETURN 'no order';
    END IF;
    status := (SELECT o.status FROM sales.orders o WHERE o.id = the_order);
    BEGIN
        IF status = 'confirmed' AND roll < 0.45 THEN
            PERFORM sales.set_order_status(the_order, 'processing');
            UPDATE sales.orders SET status = 'packed' WHERE id = the_order;
            PERFORM sales.ship_order(the_order, 'MIX-TRK', 'https://track.example.com/MIX');
            UPDATE sales.orders SET status = 'delivered' WHERE id = the_order;
            outcome := 'delivered';
            IF random() < 0.1 THEN
                PERFORM sales.refund_order(the_order, 'mix refund', random() < 0.5);
                outcome := 'refunded';
            END IF;
        ELSIF status = 'confirmed' AND roll < 0.6 THEN
            PERFORM sales.set_order_status(the_order, 'processing');
            IF random() < 0.5 THEN
                PERFORM sales.set_order_status(the_order, 'packed');
                outcome := 'packed';
            ELSE
                outcome := 'processing';
            END IF;
        ELSIF status = 'confirmed' AND roll < 0.8 THEN
            PERFORM sales.cancel_order(the_order, 'mix: out of patience');
            outcome := 'cancelled after confirmation';
        ELSIF status = 'pending' AND roll < 0.3 THEN
            IF random() < 0.5 THEN
                PERFORM sales.cancel_order(the_order, 'mix: changed mind');
            ELSE
                UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'mix: by update' WHERE id = the_order;
            END IF;
            outcome := 'cancelled while pending';
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.mix_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    INSERT INTO public.mix_log (client_no, step, outcome) VALUES (client, 'progress', outcome);
    RETURN outcome;
END
$$;
