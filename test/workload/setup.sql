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

-- One random row id of a query's result, or NULL.
CREATE FUNCTION public.wl_pick_order(statuses text[]) RETURNS uuid
LANGUAGE sql AS $$
    SELECT id FROM sales.orders WHERE status = ANY (statuses) ORDER BY random() LIMIT 1;
$$;

-- Goods in, now and then a write-off (refused below what is reserved).
CREATE FUNCTION public.wl_receive() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    warehouse uuid := (SELECT id FROM inventory.warehouses WHERE code LIKE 'WL-%' ORDER BY random() LIMIT 1);
    item record;
BEGIN
    SELECT * INTO item FROM public.wl_items ORDER BY random() LIMIT 1;
    IF random() < 0.8 THEN
        PERFORM inventory.receive_stock(warehouse, item.product_id, item.variant_id, 5 + floor(random() * 30)::int,
                                        'workload delivery');
        RETURN public.wl_log('receive', 'received');
    END IF;
    BEGIN
        PERFORM inventory.adjust_stock(warehouse, item.product_id, item.variant_id, -1, 'damage', 'workload breakage');
        RETURN public.wl_log('receive', 'written off');
    EXCEPTION WHEN SQLSTATE '23514' OR SQLSTATE 'P0002' THEN
        -- nothing unreserved left there, or no stock item yet
        RETURN public.wl_log('receive', 'write-off refused ' || SQLSTATE);
    END;
END
$$;

-- A cart (one in seven a guest's, some with a coupon) with one to three
-- lines, placed (half of them through an agent); one in twenty submitted
-- twice, which must return the same order.
CREATE FUNCTION public.wl_shop() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    cart uuid := gen_random_uuid();
    customer uuid;
    item record;
    placed sales.orders;
    again sales.orders;
    outcome text;
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
    BEGIN
        placed := sales.place_order(cart, CASE WHEN random() < 0.6 THEN 'wl-std' ELSE 'wl-express' END,
                                    jsonb_build_object('city', 'Kuala Lumpur', 'cart', cart), NULL,
                                    CASE WHEN random() < 0.5
                                         THEN (ARRAY['WL-S1', 'WL-S2', 'WL-S3', 'WL-M1'])[1 + floor(random() * 4)::int]
                                    END);
        outcome := 'placed';
        IF random() < 0.05 THEN
            again := sales.place_order(cart, 'wl-std', '{"city": "Ipoh"}');
            IF again.id IS DISTINCT FROM placed.id THEN
                RAISE EXCEPTION 'a double submit of cart % made a second order', cart;
            END IF;
            outcome := 'placed twice, one order';
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('shop', outcome);
END
$$;

-- Pay a pending order: in full, through a repeated webhook, in two parts,
-- in part only, or a failed attempt.
CREATE FUNCTION public.wl_pay() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order sales.orders;
    roll float8 := random();
    first_part numeric;
    outcome text;
BEGIN
    SELECT * INTO the_order FROM sales.orders WHERE id = public.wl_pick_order('{pending}');
    IF the_order.id IS NULL THEN RETURN public.wl_log('pay', 'nothing to pay'); END IF;
    BEGIN
        IF roll < 0.5 THEN
            PERFORM sales.record_payment(the_order.id, 'credit_card', 'wl-card', 'WL-' || the_order.id,
                                         the_order.total, 'completed');
            outcome := 'paid';
        ELSIF roll < 0.7 THEN
            PERFORM sales.record_payment(the_order.id, 'online_banking', 'wl-fpx', 'WL-' || the_order.id,
                                         the_order.total, 'pending');
            PERFORM sales.record_payment(the_order.id, 'online_banking', 'wl-fpx', 'WL-' || the_order.id,
                                         the_order.total, 'completed');
            PERFORM sales.record_payment(the_order.id, 'online_banking', 'wl-fpx', 'WL-' || the_order.id,
                                         the_order.total, 'completed');
            outcome := 'paid after a repeated webhook';
        ELSIF roll < 0.85 THEN
            first_part := round(the_order.total / 3, 2);
            PERFORM sales.record_payment(the_order.id, 'ewallet', 'wl-tng', 'WL-A-' || the_order.id, first_part,
                                         'completed');
            PERFORM sales.record_payment(the_order.id, 'ewallet', 'wl-tng', 'WL-B-' || the_order.id,
                                         the_order.total - first_part, 'completed');
            outcome := 'paid in two parts';
        ELSIF roll < 0.95 THEN
            PERFORM sales.record_payment(the_order.id, 'ewallet', 'wl-tng', 'WL-P-' || the_order.id,
                                         round(the_order.total / 2, 2), 'completed');
            outcome := 'paid in part';
        ELSE
            PERFORM sales.record_payment(the_order.id, 'credit_card', 'wl-card', 'WL-F-' || the_order.id,
                                         the_order.total, 'failed');
            outcome := 'payment failed';
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('pay', outcome);
END
$$;

-- Move a confirmed, processing or packed order one step on (by function or
-- by plain UPDATE); packed orders ship.
CREATE FUNCTION public.wl_fulfil() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{confirmed,processing,packed}');
    status text;
    outcome text;
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('fulfil', 'nothing to fulfil'); END IF;
    status := (SELECT o.status FROM sales.orders o WHERE o.id = the_order);
    BEGIN
        CASE status
            WHEN 'confirmed' THEN
                PERFORM sales.set_order_status(the_order, 'processing', 'workload: picking');
                outcome := 'processing';
            WHEN 'processing' THEN
                UPDATE sales.orders SET status = 'packed' WHERE id = the_order;
                outcome := 'packed';
            ELSE
                PERFORM sales.ship_order(the_order, 'WL-' || left(the_order::text, 8), 'https://track.example.com/');
                outcome := 'shipped';
        END CASE;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('fulfil', outcome);
END
$$;

CREATE FUNCTION public.wl_deliver() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{shipped}');
    outcome text := 'delivered';
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('deliver', 'nothing to deliver'); END IF;
    BEGIN
        IF random() < 0.5 THEN
            PERFORM sales.set_order_status(the_order, 'delivered');
        ELSE
            UPDATE sales.orders SET status = 'delivered' WHERE id = the_order;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('deliver', outcome);
END
$$;

-- Cancel an open order (by function or by plain UPDATE with a reason).
CREATE FUNCTION public.wl_cancel() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{pending,confirmed,processing,packed}');
    outcome text := 'cancelled';
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('cancel', 'nothing to cancel'); END IF;
    BEGIN
        IF random() < 0.7 THEN
            PERFORM sales.cancel_order(the_order, 'workload: customer changed mind');
        ELSE
            UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'workload: by update'
            WHERE id = the_order;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('cancel', outcome);
END
$$;

-- Refund a delivered order, with or without restock.
CREATE FUNCTION public.wl_refund() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    the_order uuid := public.wl_pick_order('{delivered}');
    restock boolean := random() < 0.6;
    outcome text;
BEGIN
    IF the_order IS NULL THEN RETURN public.wl_log('refund', 'nothing to refund'); END IF;
    BEGIN
        PERFORM sales.refund_order(the_order, 'workload: damaged in transit', restock);
        outcome := CASE WHEN restock THEN 'refunded, restocked' ELSE 'refunded' END;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('refund', outcome);
END
$$;

-- A new transfer between two warehouses, or the next move of an open one:
-- approve or cancel, dispatch (NG001 when the stock is gone) or cancel,
-- receive in full or short.
CREATE FUNCTION public.wl_transfer() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    transfer inventory.stock_transfers;
    source uuid;
    destination uuid;
    items jsonb;
    outcome text;
BEGIN
    SELECT * INTO transfer FROM inventory.stock_transfers
    WHERE status IN ('pending', 'approved', 'in_transit') ORDER BY random() LIMIT 1;
    BEGIN
        IF transfer.id IS NULL OR random() < 0.35 THEN
            SELECT w.id INTO source FROM inventory.warehouses w WHERE w.code LIKE 'WL-%' ORDER BY random() LIMIT 1;
            SELECT w.id INTO destination FROM inventory.warehouses w
            WHERE w.code LIKE 'WL-%' AND w.id <> source ORDER BY random() LIMIT 1;
            SELECT jsonb_agg(jsonb_build_object('product_id', i.product_id, 'variant_id', i.variant_id,
                                                'quantity', 1 + floor(random() * 4)::int))
            INTO items
            FROM (SELECT * FROM public.wl_items ORDER BY random() LIMIT 1 + floor(random() * 2)::int) i;
            PERFORM inventory.create_transfer(source, destination, items, 'workload rebalancing');
            outcome := 'created';
        ELSIF transfer.status = 'pending' THEN
            IF random() < 0.85 THEN
                PERFORM inventory.approve_transfer(transfer.id);
                outcome := 'approved';
            ELSE
                PERFORM inventory.cancel_transfer(transfer.id);
                outcome := 'cancelled';
            END IF;
        ELSIF transfer.status = 'approved' THEN
            IF random() < 0.9 THEN
                PERFORM inventory.dispatch_transfer(transfer.id);
                outcome := 'dispatched';
            ELSE
                PERFORM inventory.cancel_transfer(transfer.id);
                outcome := 'cancelled';
            END IF;
        ELSE
            IF random() < 0.7 THEN
                PERFORM inventory.receive_transfer(transfer.id);
                outcome := 'received';
            ELSE
                -- the first line arrives one short (or not at all)
                PERFORM inventory.receive_transfer(
                    transfer.id,
                    (SELECT jsonb_agg(jsonb_build_object('product_id', i.product_id, 'variant_id', i.variant_id,
                                                         'received_quantity', i.quantity - 1))
                     FROM (SELECT * FROM inventory.stock_transfer_items
                           WHERE transfer_id = transfer.id ORDER BY id LIMIT 1) i));
                outcome := 'received short';
            END IF;
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('transfer', outcome);
END
$$;

-- Pay an agent what is approved, or finish an open payout (completed, or
-- failed so the commissions go to the next one).
CREATE FUNCTION public.wl_payout() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    agent uuid;
    payout uuid;
    outcome text;
BEGIN
    BEGIN
        SELECT id INTO payout FROM agent.payouts WHERE status = 'pending' ORDER BY random() LIMIT 1;
        IF payout IS NULL OR random() < 0.5 THEN
            SELECT c.agent_id INTO agent FROM agent.commissions c
            WHERE c.status = 'approved' AND c.payout_id IS NULL ORDER BY random() LIMIT 1;
            IF agent IS NULL THEN RETURN public.wl_log('payout', 'nothing to pay out'); END IF;
            BEGIN
                PERFORM agent.create_payout(agent, 'bank_transfer', 'Maybank', '5140-1234');
                outcome := 'created';
            EXCEPTION WHEN SQLSTATE '22023' THEN
                -- another client's payout took them first, or clawbacks
                -- outweigh them: nothing positive left to pay
                IF SQLERRM NOT LIKE '%no approved commissions%' AND SQLERRM NOT LIKE '%must be positive%' THEN
                    RAISE;
                END IF;
                outcome := 'refused 22023';
            END;
        ELSIF random() < 0.75 THEN
            PERFORM agent.complete_payout(payout);
            outcome := 'completed';
        ELSE
            PERFORM agent.fail_payout(payout, 'workload: bank rejected');
            outcome := 'failed';
        END IF;
    EXCEPTION WHEN OTHERS THEN
        IF NOT public.wl_expected(SQLSTATE) THEN RAISE; END IF;
        outcome := 'refused ' || SQLSTATE;
    END;
    RETURN public.wl_log('payout', outcome);
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
