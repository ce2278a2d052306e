-- The randomized workload's store and its steps (scripts/suites/70_workload.sh).
-- Many clients run test/workload/script.sql for a fixed time; each pgbench
-- transaction is one business step, done as an application would, through
-- niaga's functions (and now and then a plain UPDATE of an order's status):
-- receive and write off stock, shop (cart, add to cart, place order, now and
-- then a double submit), pay, fulfil (processing, packed, shipped), deliver,
-- cancel, refund, transfers, agent payouts and expiry.
--
-- A refusal that another client's work can cause is an expected outcome and
-- is logged (public.wl_log); anything else is raised, aborts the client and
-- fails the run. Loads next to the demo data: codes WL-…, uuids a70000TT-….

INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default)
SELECT 'a7000009-0000-4000-8000-000000000001', 'WL-SST', 'Workload SST 6%', 6.00, true,
       NOT EXISTS (SELECT FROM sales.tax_rates WHERE is_default AND is_active);
INSERT INTO sales.shipping_methods (code, name, base_cost, free_shipping_threshold) VALUES
    ('wl-std', 'Workload standard', 8.00, 150.00),
    ('wl-express', 'Workload express', 15.00, NULL);

-- Three warehouses; the preferred one stocks little, so orders spill over
-- and some find no warehouse (NG001).
INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('a7000004-0000-4000-8000-000000000001', 'WL-KL', 'Workload Kuala Lumpur', 1),
    ('a7000004-0000-4000-8000-000000000002', 'WL-PG', 'Workload Penang', 2),
    ('a7000004-0000-4000-8000-000000000003', 'WL-JB', 'Workload Johor Bahru', 3);

-- Thirty customers and six agent users.
INSERT INTO auth.users (id, email, password_hash, role)
SELECT ('a7000001-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'wl-customer-' || n || '@example.com', 'x',
       'customer'
FROM generate_series(1, 30) AS n;
INSERT INTO auth.users (id, email, password_hash, role)
SELECT ('a7000001-0000-4000-8000-' || lpad((100 + n)::text, 12, '0'))::uuid, 'wl-agent-' || n || '@example.com', 'x',
       'agent'
FROM generate_series(1, 6) AS n;

-- Agents: WL-G at the top, WL-M1 and WL-M2 (inactive: earns nothing, passes
-- no level up) under it, sellers WL-S1, WL-S2 under M1 and WL-S3 under M2.
-- Overrides pay two levels up.
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, commission_rate, is_active) VALUES
    ('a7000005-0000-4000-8000-000000000001', 'a7000001-0000-4000-8000-000000000101', 'WL-G', NULL, 3.00, true);
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, commission_rate, is_active) VALUES
    ('a7000005-0000-4000-8000-000000000002', 'a7000001-0000-4000-8000-000000000102', 'WL-M1',
     'a7000005-0000-4000-8000-000000000001', 4.50, true),
    ('a7000005-0000-4000-8000-000000000003', 'a7000001-0000-4000-8000-000000000103', 'WL-M2',
     'a7000005-0000-4000-8000-000000000001', 4.50, false);
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, commission_rate, is_active) VALUES
    ('a7000005-0000-4000-8000-000000000004', 'a7000001-0000-4000-8000-000000000104', 'WL-S1',
     'a7000005-0000-4000-8000-000000000002', 10.00, true),
    ('a7000005-0000-4000-8000-000000000005', 'a7000001-0000-4000-8000-000000000105', 'WL-S2',
     'a7000005-0000-4000-8000-000000000002', 7.25, true),
    ('a7000005-0000-4000-8000-000000000006', 'a7000001-0000-4000-8000-000000000106', 'WL-S3',
     'a7000005-0000-4000-8000-000000000003', 12.00, true);
INSERT INTO agent.override_rates (level, rate) VALUES (1, 2.00), (2, 1.00)
ON CONFLICT (level) DO NOTHING;
INSERT INTO agent.targets (agent_id, period_start, period_end, target_amount, target_orders)
SELECT a.id, current_date - 1, current_date + 30, 500.00, 5
FROM agent.agents a WHERE a.agent_code LIKE 'WL-S%';

-- Six products; WL-P5 and WL-P6 sell in three variants each (one at the
-- base price).
INSERT INTO catalog.products (id, sku, name, slug, base_price, has_variants)
SELECT ('a7000002-0000-4000-8000-' || lpad(n::text, 12, '0'))::uuid, 'WL-P' || n, 'Workload product ' || n,
       'wl-product-' || n, (n * 11.45)::numeric(12,2), n >= 5
FROM generate_series(1, 6) AS n;
INSERT INTO catalog.product_variants (id, product_id, sku, name, price)
SELECT ('a7000003-0000-4000-8000-' || lpad((10 * p + v)::text, 12, '0'))::uuid,
       ('a7000002-0000-4000-8000-' || lpad(p::text, 12, '0'))::uuid, 'WL-P' || p || '-V' || v, 'Variant ' || v,
       CASE v WHEN 1 THEN NULL ELSE (p * 11.45 + v * 3.10)::numeric(12,2) END
FROM generate_series(5, 6) AS p, generate_series(1, 3) AS v;

-- What can be sold: a product without variants, or one variant.
CREATE TABLE public.wl_items AS
SELECT p.id AS product_id, v.id AS variant_id
FROM catalog.products p LEFT JOIN catalog.product_variants v ON v.product_id = p.id
WHERE p.sku LIKE 'WL-P%';

SELECT count(inventory.receive_stock(w.id, i.product_id, i.variant_id, CASE w.code WHEN 'WL-KL' THEN 15 ELSE 40 END))
       AS stock_items
FROM inventory.warehouses w, public.wl_items i
WHERE w.code LIKE 'WL-%';

-- Coupons: limited uses and per customer; a capped percentage; one with a
-- minimum order (NG014 below it); an expired one (NG013).
INSERT INTO sales.coupons (id, code, type, value, usage_limit, per_customer_limit, max_discount, min_order_amount,
                           expires_at) VALUES
    ('a7000006-0000-4000-8000-000000000001', 'WL-LTD', 'fixed', 5.00, 60, 2, NULL, NULL, NULL),
    ('a7000006-0000-4000-8000-000000000002', 'WL-PCT', 'percentage', 10, NULL, NULL, 15.00, NULL, NULL),
    ('a7000006-0000-4000-8000-000000000003', 'WL-MIN', 'fixed', 20.00, NULL, NULL, NULL, 100.00, NULL),
    ('a7000006-0000-4000-8000-000000000004', 'WL-OLD', 'fixed', 3.00, NULL, NULL, NULL, NULL, now() - interval '1 day');

-- What every step came to, one row a step.
CREATE TABLE public.wl_log (
    id bigserial PRIMARY KEY,
    step text NOT NULL,
    outcome text NOT NULL,
    at timestamptz NOT NULL DEFAULT clock_timestamp()
);

CREATE FUNCTION public.wl_log(step text, outcome text) RETURNS text
LANGUAGE sql AS $$
    INSERT INTO public.wl_log (step, outcome) VALUES (step, outcome) RETURNING outcome;
$$;

-- A SQLSTATE niaga raises for a business reason that another client's work
-- (or the random choice of a coupon) can cause: insufficient stock, a move
-- no longer allowed, a coupon refused.
CREATE FUNCTION public.wl_expected(state text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT state IN ('NG001', 'NG002', 'NG010', 'NG011', 'NG012', 'NG013', 'NG014', 'NG015', 'NG016')
$$;

-- A random order in one of `statuses`, or NULL.
CREATE FUNCTION public.wl_pick_order(statuses text[]) RETURNS uuid
LANGUAGE sql AS $$
    SELECT id FROM sales.orders WHERE status = ANY (statuses) ORDER BY random() LIMIT 1;
$$;

-- Runs one move (SQL text, built with format's %L) and logs `outcome`, or
-- logs the refusal when the move raised an expected SQLSTATE (see
-- wl_expected, plus `also` for the step's own); anything else is raised.
CREATE FUNCTION public.wl_do(step text, outcome text, move text, also text[] DEFAULT '{}') RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE move;
    RETURN public.wl_log(step, outcome);
EXCEPTION WHEN OTHERS THEN
    IF NOT (public.wl_expected(SQLSTATE) OR SQLSTATE = ANY (also)) THEN RAISE; END IF;
    RETURN public.wl_log(step, 'refused ' || SQLSTATE);
END
$$;

-- Goods in, now and then a write-off (refused below what is reserved, or
-- where no stock item exists yet).
CREATE FUNCTION public.wl_receive() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    warehouse uuid := (SELECT id FROM inventory.warehouses WHERE code LIKE 'WL-%' ORDER BY random() LIMIT 1);
    item record;
BEGIN
    SELECT * INTO item FROM public.wl_items ORDER BY random() LIMIT 1;
    IF random() < 0.8 THEN
        RETURN public.wl_do('receive', 'received',
                            format('SELECT inventory.receive_stock(%L, %L, %L, %s, %L)', warehouse, item.product_id,
                                   item.variant_id, 5 + floor(random() * 30)::int, 'workload delivery'));
    END IF;
    RETURN public.wl_do('receive', 'written off',
                        format('SELECT inventory.adjust_stock(%L, %L, %L, -1, %L, %L)', warehouse, item.product_id,
                               item.variant_id, 'damage', 'workload breakage'),
                        '{23514,P0002}');
END
$$;

-- The order placed from `cart` (half of them through an agent); one in
-- twenty is submitted twice, which must return the same order.
CREATE FUNCTION public.wl_place(cart uuid) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    placed sales.orders;
BEGIN
    placed := sales.place_order(cart, CASE WHEN random() < 0.6 THEN 'wl-std' ELSE 'wl-express' END,
                                jsonb_build_object('city', 'Kuala Lumpur', 'cart', cart), NULL,
                                CASE WHEN random() < 0.5
                                     THEN (ARRAY['WL-S1', 'WL-S2', 'WL-S3', 'WL-M1'])[1 + floor(random() * 4)::int]
                                END);
    IF random() < 0.05 THEN
        IF (sales.place_order(cart, 'wl-std', '{"city": "Ipoh"}')).id IS DISTINCT FROM placed.id THEN
            RAISE EXCEPTION 'a double submit of cart % made a second order', cart;
        END IF;
        PERFORM public.wl_log('shop', 'placed twice, one order');
    END IF;
END
$$;

-- A cart (one in seven a guest's, a third with a coupon) with one to three
-- lines, placed.
CREATE FUNCTION public.wl_shop() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    cart uuid := gen_random_uuid();
    customer uuid;
    item record;
BEGIN
    IF random() < 0.85 THEN
        customer := ('a7000001-0000-4000-8000-' || lpad((1 + floor(random() * 30))::int::text, 12, '0'))::uuid;
    END IF;
    INSERT INTO sales.carts (id, user_id, session_id, coupon_code)
    VALUES (cart, customer, CASE WHEN customer IS NULL THEN 'wl-guest-' || cart END,
            (ARRAY['WL-LTD', 'wl-pct', 'WL-MIN', 'WL-OLD'])[1 + floor(random() * 12)::int]);
    FOR item IN SELECT * FROM public.wl_items ORDER BY random() LIMIT 1 + floor(random() * 3)::int LOOP
        PERFORM sales.add_to_cart(cart, item.product_id, item.variant_id, 1 + floor(random() * 3)::int);
    END LOOP;
    RETURN public.wl_do('shop', 'placed', format('SELECT public.wl_place(%L)', cart));
END
$$;

-- Pay a pending order: in full, through a repeated webhook, in two parts,
-- in part only, or a failed attempt.
CREATE FUNCTION public.wl_pay() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order sales.orders;
    roll float8 := random();
    pay text := 'SELECT sales.record_payment(%L, %L, %L, %L, %s, %L);';
    -- picked first: a volatile call in WHERE would run once per order
    picked uuid := public.wl_pick_order('{pending}');
BEGIN
    SELECT * INTO the_order FROM sales.orders WHERE id = picked;
    IF the_order.id IS NULL THEN RETURN public.wl_log('pay', 'nothing to pay'); END IF;
    IF roll < 0.5 THEN
        RETURN public.wl_do('pay', 'paid', format(pay, the_order.id, 'credit_card', 'wl-card', 'WL-' || the_order.id,
                                                  the_order.total, 'completed'));
    ELSIF roll < 0.7 THEN
        RETURN public.wl_do('pay', 'paid after a repeated webhook',
                            format(pay, the_order.id, 'online_banking', 'wl-fpx', 'WL-' || the_order.id,
                                   the_order.total, 'pending')
                            || repeat(format(pay, the_order.id, 'online_banking', 'wl-fpx', 'WL-' || the_order.id,
                                             the_order.total, 'completed'), 2));
    ELSIF roll < 0.85 THEN
        RETURN public.wl_do('pay', 'paid in two parts',
                            format(pay, the_order.id, 'ewallet', 'wl-tng', 'WL-A-' || the_order.id,
                                   round(the_order.total / 3, 2), 'completed')
                            || format(pay, the_order.id, 'ewallet', 'wl-tng', 'WL-B-' || the_order.id,
                                      the_order.total - round(the_order.total / 3, 2), 'completed'));
    ELSIF roll < 0.95 THEN
        RETURN public.wl_do('pay', 'paid in part', format(pay, the_order.id, 'ewallet', 'wl-tng', 'WL-P-' || the_order.id,
                                                          round(the_order.total / 2, 2), 'completed'));
    END IF;
    RETURN public.wl_do('pay', 'payment failed', format(pay, the_order.id, 'credit_card', 'wl-card',
                                                        'WL-F-' || the_order.id, the_order.total, 'failed'));
END
$$;

-- Move a confirmed, processing or packed order one step on (by function or
-- by plain UPDATE); packed orders ship.
CREATE FUNCTION public.wl_fulfil() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{confirmed,processing,packed}');
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('fulfil', 'nothing to fulfil'); END IF;
    CASE (SELECT o.status FROM sales.orders o WHERE o.id = the_order)
        WHEN 'confirmed' THEN
            RETURN public.wl_do('fulfil', 'processing',
                                format('SELECT sales.set_order_status(%L, %L, %L)', the_order, 'processing',
                                       'workload: picking'));
        WHEN 'processing' THEN
            RETURN public.wl_do('fulfil', 'packed',
                                format('UPDATE sales.orders SET status = %L WHERE id = %L', 'packed', the_order));
        ELSE
            RETURN public.wl_do('fulfil', 'shipped',
                                format('SELECT sales.ship_order(%L, %L, %L)', the_order,
                                       'WL-' || left(the_order::text, 8), 'https://track.example.com/'));
    END CASE;
END
$$;

CREATE FUNCTION public.wl_deliver() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{shipped}');
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('deliver', 'nothing to deliver'); END IF;
    RETURN public.wl_do('deliver', 'delivered',
                        CASE WHEN random() < 0.5
                             THEN format('SELECT sales.set_order_status(%L, %L)', the_order, 'delivered')
                             ELSE format('UPDATE sales.orders SET status = %L WHERE id = %L', 'delivered', the_order)
                        END);
END
$$;

-- Cancel an open order (by function, or by plain UPDATE with a reason).
CREATE FUNCTION public.wl_cancel() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{pending,confirmed,processing,packed}');
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('cancel', 'nothing to cancel'); END IF;
    RETURN public.wl_do('cancel', 'cancelled',
                        CASE WHEN random() < 0.7
                             THEN format('SELECT sales.cancel_order(%L, %L)', the_order, 'workload: changed mind')
                             ELSE format('UPDATE sales.orders SET status = %L, cancellation_reason = %L WHERE id = %L',
                                         'cancelled', 'workload: by update', the_order)
                        END);
END
$$;

-- Refund a delivered order, with or without restock.
CREATE FUNCTION public.wl_refund() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{delivered}');
    restock boolean := random() < 0.6;
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('refund', 'nothing to refund'); END IF;
    RETURN public.wl_do('refund', CASE WHEN restock THEN 'refunded, restocked' ELSE 'refunded' END,
                        format('SELECT sales.refund_order(%L, %L, %L)', the_order, 'workload: damaged', restock));
END
$$;

-- A new transfer between two warehouses, or the next move of an open one:
-- approve or cancel, dispatch (NG001 when the stock is gone) or cancel,
-- receive in full or with the first line one short.
CREATE FUNCTION public.wl_transfer() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    transfer inventory.stock_transfers;
    source uuid;
    destination uuid;
    items jsonb;
BEGIN
    SELECT * INTO transfer FROM inventory.stock_transfers
    WHERE status IN ('pending', 'approved', 'in_transit') ORDER BY random() LIMIT 1;
    IF transfer.id IS NULL OR random() < 0.35 THEN
        SELECT w.id INTO source FROM inventory.warehouses w WHERE w.code LIKE 'WL-%' ORDER BY random() LIMIT 1;
        SELECT w.id INTO destination FROM inventory.warehouses w
        WHERE w.code LIKE 'WL-%' AND w.id <> source ORDER BY random() LIMIT 1;
        SELECT jsonb_agg(jsonb_build_object('product_id', i.product_id, 'variant_id', i.variant_id,
                                            'quantity', 1 + floor(random() * 4)::int))
        INTO items
        FROM (SELECT * FROM public.wl_items ORDER BY random() LIMIT 1 + floor(random() * 2)::int) i;
        RETURN public.wl_do('transfer', 'created', format('SELECT inventory.create_transfer(%L, %L, %L, %L)', source,
                                                          destination, items, 'workload rebalancing'));
    ELSIF random() < 0.1 AND transfer.status <> 'in_transit' THEN
        RETURN public.wl_do('transfer', 'cancelled', format('SELECT inventory.cancel_transfer(%L)', transfer.id));
    ELSIF transfer.status = 'pending' THEN
        RETURN public.wl_do('transfer', 'approved', format('SELECT inventory.approve_transfer(%L)', transfer.id));
    ELSIF transfer.status = 'approved' THEN
        RETURN public.wl_do('transfer', 'dispatched', format('SELECT inventory.dispatch_transfer(%L)', transfer.id));
    ELSIF random() < 0.7 THEN
        RETURN public.wl_do('transfer', 'received', format('SELECT inventory.receive_transfer(%L)', transfer.id));
    END IF;
    SELECT jsonb_agg(jsonb_build_object('product_id', i.product_id, 'variant_id', i.variant_id,
                                        'received_quantity', i.quantity - 1))
    INTO items
    FROM (SELECT * FROM inventory.stock_transfer_items WHERE transfer_id = transfer.id ORDER BY id LIMIT 1) i;
    RETURN public.wl_do('transfer', 'received short',
                        format('SELECT inventory.receive_transfer(%L, %L)', transfer.id, items));
END
$$;

-- Pay an agent what is approved, or finish an open payout (completed, or
-- failed so the commissions go to the next one).
CREATE FUNCTION public.wl_payout() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    agent uuid;
    payout uuid := (SELECT id FROM agent.payouts WHERE status = 'pending' ORDER BY random() LIMIT 1);
BEGIN
    IF payout IS NULL OR random() < 0.5 THEN
        SELECT c.agent_id INTO agent FROM agent.commissions c
        WHERE c.status = 'approved' AND c.payout_id IS NULL ORDER BY random() LIMIT 1;
        IF agent IS NULL THEN RETURN public.wl_log('payout', 'nothing to pay out'); END IF;
        BEGIN
            PERFORM agent.create_payout(agent, 'bank_transfer', 'Maybank', '5140-1234');
            RETURN public.wl_log('payout', 'created');
        EXCEPTION WHEN SQLSTATE '22023' THEN
            -- another client's payout took them first, or clawbacks outweigh
            -- them: nothing positive is left to pay
            IF SQLERRM NOT LIKE '%no approved commissions%' AND SQLERRM NOT LIKE '%must be positive%' THEN RAISE; END IF;
            RETURN public.wl_log('payout', 'refused 22023');
        END;
    ELSIF random() < 0.75 THEN
        RETURN public.wl_do('payout', 'completed', format('SELECT agent.complete_payout(%L)', payout));
    END IF;
    RETURN public.wl_do('payout', 'failed', format('SELECT agent.fail_payout(%L, %L)', payout, 'workload: rejected'));
END
$$;

-- The scheduler's job: expire unpaid pending orders older than two
-- seconds; now and then close the agents' finished targets.
CREATE FUNCTION public.wl_expire() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    expired int := sales.expire_pending_orders('2 seconds');
BEGIN
    IF random() < 0.1 THEN PERFORM agent.close_targets(current_date); END IF;
    RETURN public.wl_log('expire', CASE WHEN expired > 0 THEN 'expired' ELSE 'none expired' END);
END
$$;
