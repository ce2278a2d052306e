-- niaga.check_invariants() (SPEC §13): silent on a consistent store that
-- went through every business move, and each of its checks catches the
-- corruption it exists for. Each corruption is made with niaga's triggers
-- off (session_replication_role = replica), where needed with the table's
-- own constraint dropped, inside a subtransaction that is rolled back, so
-- the next test starts from the same consistent store.
--
-- Ids of this file: 10aaTTTT-0000-4000-8000-0000000000NN (TTTT names the
-- table). The whole file runs in one transaction that is rolled back.
BEGIN;
SELECT plan(42);

-- The invariants check_invariants() reports once `corruption` is made, in
-- name order; the corruption is undone before returning.
CREATE FUNCTION pg_temp.caught(corruption text) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
    found text[];
BEGIN
    BEGIN
        SET LOCAL session_replication_role = replica;
        EXECUTE corruption;
        SELECT coalesce(array_agg(DISTINCT invariant ORDER BY invariant), '{}') INTO found
        FROM niaga.check_invariants();
        RAISE EXCEPTION 'undo the corruption' USING ERRCODE = 'NGT01';
    EXCEPTION WHEN SQLSTATE 'NGT01' THEN
        RETURN found;
    END;
END
$$;

-- The set-up's own results are not TAP output.
\o /dev/null
-- ---------------------------------------------------------------------------
-- A store that went through every move: warehouses W1 (preferred) and W2;
-- products P1 and P2 (variant V1); customers C1, C2, C3; agents A1 <- A2 with
-- a level-1 override; a limited coupon; categories K1 <- K2.
--   O1  C1, coupon, agent A2: paid, shipped, delivered; A2's accrual paid out.
--   O2  C2, coupon: pending, reserved.
--   O3  C2, agent A2: delivered, paid out, then refunded (a clawback).
--   O4  C1, agent A2: paid, confirmed (pending accruals).
--   O5  a plain INSERT without lines: pending, not reserved.
--   T1  a pending transfer W1 -> W2.
-- ---------------------------------------------------------------------------
UPDATE sales.tax_rates SET is_active = false WHERE is_default AND is_active;
INSERT INTO sales.tax_rates (code, name, rate, applies_to_shipping, is_default) VALUES
    ('INV-SST', 'Invariants tax', 6.00, true, true);
INSERT INTO sales.shipping_methods (code, name, base_cost) VALUES ('INV-SHIP', 'Invariants courier', 8.00);
INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('10aa0001-0000-4000-8000-000000000001', 'INV-W1', 'Invariants first', -1000),
    ('10aa0001-0000-4000-8000-000000000002', 'INV-W2', 'Invariants second', -999);
INSERT INTO catalog.products (id, sku, name, slug, base_price, has_variants) VALUES
    ('10aa0002-0000-4000-8000-000000000001', 'INV-P1', 'Invariants kopi', 'inv-kopi', 30.00, false),
    ('10aa0002-0000-4000-8000-000000000002', 'INV-P2', 'Invariants batik', 'inv-batik', 99.00, true);
INSERT INTO catalog.product_variants (id, product_id, sku, name, price) VALUES
    ('10aa0003-0000-4000-8000-000000000001', '10aa0002-0000-4000-8000-000000000002', 'INV-P2-M', 'M', 45.50);
SELECT inventory.receive_stock('10aa0001-0000-4000-8000-000000000001', '10aa0002-0000-4000-8000-000000000001',
                               NULL, 100);
SELECT inventory.receive_stock('10aa0001-0000-4000-8000-000000000001', '10aa0002-0000-4000-8000-000000000002',
                               '10aa0003-0000-4000-8000-000000000001', 100);
SELECT inventory.receive_stock('10aa0001-0000-4000-8000-000000000002', '10aa0002-0000-4000-8000-000000000001',
                               NULL, 10);
INSERT INTO auth.users (id, email, password_hash, role) VALUES
    ('10aa0004-0000-4000-8000-000000000001', 'inv-c1@niaga.test', 'h', 'customer'),
    ('10aa0004-0000-4000-8000-000000000002', 'inv-c2@niaga.test', 'h', 'customer'),
    ('10aa0004-0000-4000-8000-000000000003', 'inv-c3@niaga.test', 'h', 'customer'),
    ('10aa0004-0000-4000-8000-000000000011', 'inv-a1@niaga.test', 'h', 'agent'),
    ('10aa0004-0000-4000-8000-000000000012', 'inv-a2@niaga.test', 'h', 'agent');
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, commission_rate) VALUES
    ('10aa0005-0000-4000-8000-000000000001', '10aa0004-0000-4000-8000-000000000011', 'INV-A1', NULL, 5.00);
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, commission_rate) VALUES
    ('10aa0005-0000-4000-8000-000000000002', '10aa0004-0000-4000-8000-000000000012', 'INV-A2',
     '10aa0005-0000-4000-8000-000000000001', 10.00);
DELETE FROM agent.override_rates;
INSERT INTO agent.override_rates (level, rate) VALUES (1, 2.00);
INSERT INTO sales.coupons (code, type, value, usage_limit, per_customer_limit) VALUES
    ('INV-LTD', 'fixed', 5.00, 10, 3);
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('10aa0006-0000-4000-8000-000000000001', NULL, 'Invariants root', 'inv-root');
INSERT INTO catalog.categories (id, parent_id, name, slug) VALUES
    ('10aa0006-0000-4000-8000-000000000002', '10aa0006-0000-4000-8000-000000000001', 'Invariants leaf', 'inv-leaf');

-- A placed order from a new cart: (cart, user, coupon, agent, lines as
-- product/variant/quantity triples).
CREATE FUNCTION pg_temp.order_from_cart(cart uuid, customer uuid, coupon text, agent_code text,
                                        lines uuid[], quantities int[]) RETURNS uuid
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sales.carts (id, user_id, coupon_code) VALUES (cart, customer, coupon);
    FOR i IN 1 .. array_length(quantities, 1) LOOP
        PERFORM sales.add_to_cart(cart, lines[2 * i - 1], lines[2 * i], quantities[i]);
    END LOOP;
    RETURN (sales.place_order(cart, 'INV-SHIP', '{"city": "Ipoh"}', NULL, agent_code)).id;
END
$$;
CREATE FUNCTION pg_temp.pay(the_order uuid) RETURNS void
LANGUAGE sql AS $$
    SELECT sales.record_payment(o.id, 'credit_card', 'inv-card', 'INV-' || o.id, o.total, 'completed')
    FROM sales.orders o WHERE o.id = the_order;
$$;
CREATE FUNCTION pg_temp.deliver(the_order uuid) RETURNS void
LANGUAGE sql AS $$
    SELECT sales.set_order_status(the_order, 'processing');
    SELECT sales.set_order_status(the_order, 'packed');
    SELECT sales.ship_order(the_order, 'INV-TRACK');
    SELECT sales.set_order_status(the_order, 'delivered');
$$;
CREATE FUNCTION pg_temp.pay_out(agent uuid) RETURNS uuid
LANGUAGE plpgsql AS $$
DECLARE
    payout uuid := agent.create_payout(agent, 'bank_transfer', 'Maybank', '1234');
BEGIN
    PERFORM agent.complete_payout(payout);
    RETURN payout;
END
$$;

SELECT pg_temp.order_from_cart('10aa0007-0000-4000-8000-000000000001', '10aa0004-0000-4000-8000-000000000001',
                               'INV-LTD', 'INV-A2',
                               ARRAY['10aa0002-0000-4000-8000-000000000001', NULL,
                                     '10aa0002-0000-4000-8000-000000000002', '10aa0003-0000-4000-8000-000000000001']::uuid[],
                               ARRAY[2, 1]) AS o1 \gset
SELECT pg_temp.pay(:'o1');
SELECT pg_temp.deliver(:'o1');
SELECT pg_temp.pay_out('10aa0005-0000-4000-8000-000000000002') AS payout1 \gset
SELECT pg_temp.order_from_cart('10aa0007-0000-4000-8000-000000000002', '10aa0004-0000-4000-8000-000000000002',
                               'inv-ltd', NULL,
                               ARRAY['10aa0002-0000-4000-8000-000000000002', '10aa0003-0000-4000-8000-000000000001']::uuid[],
                               ARRAY[2]) AS o2 \gset
SELECT pg_temp.order_from_cart('10aa0007-0000-4000-8000-000000000003', '10aa0004-0000-4000-8000-000000000002',
                               NULL, 'INV-A2', ARRAY['10aa0002-0000-4000-8000-000000000001', NULL]::uuid[],
                               ARRAY[3]) AS o3 \gset
SELECT pg_temp.pay(:'o3');
SELECT pg_temp.deliver(:'o3');
SELECT pg_temp.pay_out('10aa0005-0000-4000-8000-000000000002');
SELECT sales.refund_order(:'o3', 'invariants: returned', true);
SELECT pg_temp.order_from_cart('10aa0007-0000-4000-8000-000000000004', '10aa0004-0000-4000-8000-000000000001',
                               NULL, 'INV-A2', ARRAY['10aa0002-0000-4000-8000-000000000001', NULL]::uuid[],
                               ARRAY[1]) AS o4 \gset
SELECT pg_temp.pay(:'o4');
INSERT INTO sales.orders (id, user_id) VALUES ('10aa0008-0000-4000-8000-000000000005', '10aa0004-0000-4000-8000-000000000003');
SELECT inventory.create_transfer('10aa0001-0000-4000-8000-000000000001', '10aa0001-0000-4000-8000-000000000002',
                                 '[{"product_id": "10aa0002-0000-4000-8000-000000000001", "quantity": 1}]') AS t1 \gset

\o
-- The store is what the comments above say, so each corruption below hits
-- what it means to.
SELECT results_eq(
    format($$SELECT status::text, reserved_at IS NOT NULL, coupon_code IS NOT NULL FROM sales.orders
             WHERE id IN (%L, %L, %L, %L, '10aa0008-0000-4000-8000-000000000005') ORDER BY order_number$$,
           :'o1', :'o2', :'o3', :'o4'),
    $$VALUES ('delivered', false, true), ('pending', true, true), ('refunded', false, false),
             ('confirmed', true, false), ('pending', false, false)$$,
    'set-up: O1 delivered, O2 pending and reserved, O3 refunded, O4 confirmed, O5 pending without lines'
);
SELECT results_eq(
    $$SELECT c.status::text, c.payout_id IS NOT NULL, c.reverses_id IS NOT NULL, o.status::text
      FROM agent.commissions c JOIN sales.orders o ON o.id = c.order_id
      WHERE c.agent_id = '10aa0005-0000-4000-8000-000000000002' ORDER BY o.order_number, c.commission_amount$$,
    $$VALUES ('paid', true, false, 'delivered'), ('pending', false, true, 'refunded'),
             ('paid', true, false, 'refunded'), ('pending', false, false, 'confirmed')$$,
    'set-up: A2 was paid for O1 and O3, O3''s accrual is clawed back, O4''s is pending'
);
SELECT is_empty($$SELECT * FROM niaga.check_invariants()$$,
                'a store that went through every business move satisfies every invariant');

-- ---------------------------------------------------------------------------
-- Stock.
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.caught($$UPDATE inventory.stock_items SET quantity = quantity + 1
                            WHERE warehouse_id = '10aa0001-0000-4000-8000-000000000001'
                              AND product_id = '10aa0002-0000-4000-8000-000000000001'$$),
          ARRAY['stock ledger'], 'stock ledger: a quantity changed without its movement');
SELECT is(pg_temp.caught($$DELETE FROM inventory.stock_items
                            WHERE warehouse_id = '10aa0001-0000-4000-8000-000000000002'$$),
          ARRAY['stock ledger'], 'stock ledger: movements of a stock item that no longer exists');
SELECT is(pg_temp.caught($$ALTER TABLE inventory.stock_items DROP CONSTRAINT stock_items_reserved_within_quantity;
                            UPDATE inventory.stock_items SET reserved_quantity = quantity + 1
                            WHERE warehouse_id = '10aa0001-0000-4000-8000-000000000002'$$),
          ARRAY['stock bounds', 'stock reserved'], 'stock bounds: reserved above quantity');
SELECT is(pg_temp.caught($$UPDATE inventory.stock_items SET reserved_quantity = reserved_quantity + 1
                            WHERE warehouse_id = '10aa0001-0000-4000-8000-000000000001'
                              AND product_id = '10aa0002-0000-4000-8000-000000000001'$$),
          ARRAY['stock reserved'], 'stock reserved: reserved differs from the reserved orders'' lines');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET warehouse_id = '10aa0001-0000-4000-8000-000000000002'
                                   WHERE id = %L$$, :'o2')),
          ARRAY['stock reserved'], 'stock reserved: an order reserved at a warehouse with no stock item for its line');
SELECT is(pg_temp.caught($$UPDATE sales.orders SET status = 'processing'
                            WHERE id = '10aa0008-0000-4000-8000-000000000005'$$),
          ARRAY['reservation state'], 'reservation state: an order past pending without a reservation');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET reserved_at = now() WHERE id = %L$$, :'o1')),
          ARRAY['reservation state', 'stock reserved'], 'reservation state: a delivered order holding a reservation');

-- ---------------------------------------------------------------------------
-- Order totals.
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.caught(format($$ALTER TABLE sales.order_items DROP CONSTRAINT order_items_total_is_quantity_times_price;
                                   UPDATE sales.order_items SET unit_price = unit_price + 1 WHERE order_id = %L$$,
                                :'o2')),
          ARRAY['order line total'], 'order line total: total_price <> quantity x unit_price');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET subtotal = subtotal + 1, discount_amount = discount_amount + 1,
                                   coupon_discount = coupon_discount + 1 WHERE id = %L$$, :'o2')),
          ARRAY['order subtotal'], 'order subtotal: subtotal <> the sum of the lines');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET coupon_discount = coupon_discount + 1 WHERE id = %L$$, :'o2')),
          ARRAY['order discount'], 'order discount: coupon_discount <> discount_amount');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET tax_amount = tax_amount + 0.01, total = total + 0.01
                                   WHERE id = %L$$, :'o4')),
          ARRAY['order tax'], 'order tax: tax <> round((subtotal - discount + shipping) x rate / 100)');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET tax_rate_id = NULL WHERE id = %L$$, :'o4')),
          ARRAY['order tax'], 'order tax: tax charged on an order without a tax rate');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET total = total + 0.01 WHERE id = %L$$, :'o4')),
          ARRAY['order total'], 'order total: total <> subtotal - discount + shipping + tax');

-- ---------------------------------------------------------------------------
-- Numbers.
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET order_number = 'ORD-2026-1' WHERE id = %L$$, :'o4')),
          ARRAY['order number'], 'order number: a malformed number');
SELECT is(pg_temp.caught(format($$ALTER TABLE sales.orders DROP CONSTRAINT orders_order_number_key;
                                   UPDATE sales.orders SET order_number = (SELECT order_number FROM sales.orders
                                                                           WHERE id = %L)
                                   WHERE id = %L$$, :'o1', :'o4')),
          ARRAY['order number'], 'order number: two orders with one number');
SELECT is(pg_temp.caught(format($$UPDATE inventory.stock_transfers SET transfer_number = 'TRF-1' WHERE id = %L$$,
                                :'t1')),
          ARRAY['transfer number'], 'transfer number: a malformed number');
SELECT is(pg_temp.caught(format($$UPDATE agent.payouts SET payout_number = 'PAY-1' WHERE id = %L$$, :'payout1')),
          ARRAY['payout number'], 'payout number: a malformed number');

-- ---------------------------------------------------------------------------
-- Coupons.
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.caught($$UPDATE sales.coupons SET used_count = used_count + 1 WHERE code = 'INV-LTD'$$),
          ARRAY['coupon uses'], 'coupon uses: used_count <> the number of usages');
SELECT is(pg_temp.caught($$ALTER TABLE sales.coupons DROP CONSTRAINT coupons_used_within_limit;
                            UPDATE sales.coupons SET usage_limit = 1 WHERE code = 'INV-LTD'$$),
          ARRAY['coupon uses'], 'coupon uses: used past usage_limit');
SELECT is(pg_temp.caught(format($$UPDATE sales.coupon_usages SET user_id = NULL WHERE order_id = %L;
                                   UPDATE sales.orders SET user_id = NULL WHERE id = %L$$, :'o2', :'o2')),
          ARRAY['coupon customer limit'], 'coupon customer limit: a guest used a coupon with a per-customer limit');
SELECT is(pg_temp.caught(format($$INSERT INTO sales.coupon_usages (coupon_id, user_id, order_id)
                                   SELECT coupon_id, user_id, %L FROM sales.coupon_usages WHERE order_id = %L;
                                   UPDATE sales.orders SET coupon_code = 'INV-LTD' WHERE id = %L;
                                   UPDATE sales.coupons SET used_count = used_count + 1, per_customer_limit = 1
                                   WHERE code = 'INV-LTD'$$, :'o4', :'o1', :'o4')),
          ARRAY['coupon customer limit'], 'coupon customer limit: a customer used a coupon past its per-customer limit');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET coupon_code = 'INV-OTHER' WHERE id = %L$$, :'o2')),
          ARRAY['coupon usage'], 'coupon usage: a usage held by an order that carries another coupon');
SELECT is(pg_temp.caught(format($$UPDATE sales.orders SET status = 'cancelled', cancellation_reason = 'x',
                                   reserved_at = NULL WHERE id = %L;
                                   UPDATE inventory.stock_items SET reserved_quantity = reserved_quantity - 2
                                   WHERE variant_id = '10aa0003-0000-4000-8000-000000000001'$$, :'o2')),
          ARRAY['coupon usage'], 'coupon usage: a cancelled order that kept its coupon usage');

-- ---------------------------------------------------------------------------
-- Customers.
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.caught($$UPDATE crm.customer_profiles SET total_orders = total_orders + 1
                            WHERE user_id = '10aa0004-0000-4000-8000-000000000001'$$),
          ARRAY['customer profile'], 'customer profile: a counter that disagrees with the delivered orders');
SELECT is(pg_temp.caught($$DELETE FROM crm.customer_profiles WHERE user_id = '10aa0004-0000-4000-8000-000000000003'$$),
          ARRAY['customer profile'], 'customer profile: a customer without a profile');

-- ---------------------------------------------------------------------------
-- Commissions and payouts.
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.caught(format($$UPDATE agent.commissions SET commission_amount = commission_amount + 0.01
                                   WHERE order_id = %L AND level = 0$$, :'o4')),
          ARRAY['commission amount'], 'commission amount: an accrual <> round(base x rate / 100)');
SELECT is(pg_temp.caught(format($$UPDATE agent.commissions SET order_total = order_total + 100,
                                   commission_amount = round((order_total + 100) * commission_rate / 100, 2)
                                   WHERE order_id = %L AND level = 0$$, :'o4')),
          ARRAY['commission base'], 'commission base: a base <> the order''s subtotal - discount');
SELECT is(pg_temp.caught(format($$DROP INDEX agent.commissions_accrual_key;
                                   INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate,
                                                                  commission_amount, level)
                                   SELECT agent_id, order_id, order_total, commission_rate, commission_amount, level
                                   FROM agent.commissions WHERE order_id = %L AND level = 0$$, :'o4')),
          ARRAY['commission accrual'], 'commission accrual: two accruals for one order, agent and level');
SELECT is(pg_temp.caught($$UPDATE agent.commissions SET commission_amount = commission_amount + 0.01
                            WHERE reverses_id IS NOT NULL$$),
          ARRAY['commission clawback'], 'commission clawback: a clawback that does not negate its accrual');
SELECT is(pg_temp.caught($$ALTER TABLE agent.commissions DROP CONSTRAINT commissions_reverses_id_key;
                            INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate,
                                                           commission_amount, level, reverses_id)
                            SELECT agent_id, order_id, order_total, commission_rate, commission_amount, level,
                                   reverses_id
                            FROM agent.commissions WHERE reverses_id IS NOT NULL$$),
          ARRAY['commission clawback'], 'commission clawback: an accrual clawed back twice');
SELECT is(pg_temp.caught(format($$UPDATE agent.commissions SET status = 'approved' WHERE order_id = %L$$, :'o4')),
          ARRAY['commission state'], 'commission state: an accrual approved before its order was delivered');
SELECT is(pg_temp.caught(format($$DELETE FROM agent.commissions WHERE reverses_id IS NOT NULL AND order_id = %L$$,
                                :'o3')),
          ARRAY['commission state'], 'commission state: a refunded order''s paid accrual that was not clawed back');
SELECT is(pg_temp.caught(format($$UPDATE agent.commissions SET status = 'approved' WHERE payout_id = %L$$, :'payout1')),
          ARRAY['commission payout'], 'commission payout: an unpaid commission in a completed payout');
SELECT is(pg_temp.caught(format($$UPDATE agent.payouts SET amount = amount + 1 WHERE id = %L$$, :'payout1')),
          ARRAY['payout amount'], 'payout amount: a payout <> the sum of its commissions');

-- ---------------------------------------------------------------------------
-- Hierarchies.
-- ---------------------------------------------------------------------------
SELECT is(pg_temp.caught($$UPDATE catalog.categories SET parent_id = '10aa0006-0000-4000-8000-000000000002'
                            WHERE id = '10aa0006-0000-4000-8000-000000000001'$$),
          ARRAY['category cycle'], 'category cycle: two categories that are each other''s parent');
SELECT is(pg_temp.caught($$UPDATE agent.agents SET parent_agent_id = '10aa0005-0000-4000-8000-000000000002'
                            WHERE id = '10aa0005-0000-4000-8000-000000000001'$$),
          ARRAY['agent cycle'], 'agent cycle: two agents that are each other''s upline');

-- The lifecycle's commission hooks, called on their own for an order in
-- another status, would make a 'commission state' violation: they refuse.
SELECT throws_ok(format($$SELECT agent.approve_commissions(%L)$$, :'o4'), '55000', NULL,
                 'agent.approve_commissions refuses an order that is not delivered (55000)');
SELECT throws_ok(format($$SELECT agent.reverse_commissions(%L)$$, :'o1'), '55000', NULL,
                 'agent.reverse_commissions refuses an order that is not cancelled or refunded (55000)');

SELECT is_empty($$SELECT * FROM niaga.check_invariants()$$, 'every corruption was undone');

SELECT * FROM finish();
ROLLBACK;
