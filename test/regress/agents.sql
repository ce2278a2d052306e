-- Agent commissions, targets and payouts (SPEC §9, §8, §12, §13):
-- agent.upline; accrual on confirmed (level 0 at the seller's rate, override
-- levels up the upline, base = subtotal - discount, round half away from
-- zero, exactly once however often the order is touched); inactive and
-- soft-deleted upline agents earn nothing and do not pass their level up;
-- approval and target counting on delivery (business date); cancellation
-- before delivery; refund after payout (a negative pending clawback, exactly
-- one) and refund of unpaid or in-payout commissions; create_payout /
-- complete_payout / fail_payout and their errors; close_targets; and
-- niaga.check_invariants() at the end.
--
-- The whole test runs in one transaction that is rolled back at the end, so it
-- leaves no rows behind in the shared regression database; ON_ERROR_ROLLBACK
-- lets a statement fail without ending the transaction. Payout numbers carry
-- today's date and a sequence value, so they are masked.

\set SHOW_CONTEXT never
BEGIN;
\set ON_ERROR_ROLLBACK on

-- The business date (niaga.timezone, UTC+14) and the session's date (UTC-11)
-- are never the same day: targets must follow the business date.
SET LOCAL niaga.timezone = 'Pacific/Kiritimati';
SET LOCAL TimeZone = 'Pacific/Pago_Pago';
SELECT (now() AT TIME ZONE 'Pacific/Kiritimati')::date AS bday \gset
SELECT :'bday'::date <> current_date AS business_date_is_not_session_date;

-- A statement's outcome as text: 'ok' or 'SQLSTATE: message', payout
-- numbers masked.
CREATE FUNCTION pg_temp.agt_try(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || regexp_replace(SQLERRM, 'PAY-[0-9]{8}-[0-9]{6,}', 'PAY-<number>', 'g');
END
$$;

-- ---------------------------------------------------------------------------
-- Set-up: a customer; agents G (top) <- P <- S; an inactive X (under G) with
-- seller S2 below it; a soft-deleted D (under G) with seller S3 below it; Q
-- who never sells. A warehouse with stock, a shipping method (8.00), a 6 %
-- default tax on shipping too, a fixed 10.00 coupon.
-- ---------------------------------------------------------------------------

UPDATE sales.tax_rates SET is_active = false WHERE is_default AND is_active;
INSERT INTO sales.tax_rates (code, name, rate, applies_to_shipping, is_default) VALUES
    ('AGT-SST', 'Agents test tax', 6.00, true, true);
INSERT INTO sales.shipping_methods (code, name, base_cost) VALUES ('AGT-SHIP', 'Agents test courier', 8.00);
INSERT INTO sales.coupons (code, type, value) VALUES ('AGT-TEN', 'fixed', 10.00);
INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('a6e00003-0000-4000-8000-000000000001', 'AGT-WH', 'Agents test warehouse', -1000);
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('a6e00004-0000-4000-8000-000000000001', 'AGT-P1', 'Agents test kopi', 'agt-kopi', 60.65);
SELECT inventory.receive_stock('a6e00003-0000-4000-8000-000000000001', 'a6e00004-0000-4000-8000-000000000001', NULL,
                               100) IS NOT NULL AS received;

INSERT INTO auth.users (id, email, password_hash, role) VALUES
    ('a6e00001-0000-4000-8000-000000000001', 'agt-g@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000002', 'agt-p@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000003', 'agt-s@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000004', 'agt-x@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000005', 'agt-s2@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000006', 'agt-d@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000007', 'agt-s3@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000008', 'agt-q@example.com', 'x', 'agent'),
    ('a6e00001-0000-4000-8000-000000000009', 'agt-customer@example.com', 'x', 'customer');
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, commission_rate) VALUES
    ('a6e00002-0000-4000-8000-000000000001', 'a6e00001-0000-4000-8000-000000000001', 'AGT-G', NULL, 2.00),
    ('a6e00002-0000-4000-8000-000000000002', 'a6e00001-0000-4000-8000-000000000002', 'AGT-P',
     'a6e00002-0000-4000-8000-000000000001', 4.00),
    ('a6e00002-0000-4000-8000-000000000003', 'a6e00001-0000-4000-8000-000000000003', 'AGT-S',
     'a6e00002-0000-4000-8000-000000000002', 7.50),
    ('a6e00002-0000-4000-8000-000000000004', 'a6e00001-0000-4000-8000-000000000004', 'AGT-X',
     'a6e00002-0000-4000-8000-000000000001', 4.00),
    ('a6e00002-0000-4000-8000-000000000005', 'a6e00001-0000-4000-8000-000000000005', 'AGT-S2',
     'a6e00002-0000-4000-8000-000000000004', 10.00),
    ('a6e00002-0000-4000-8000-000000000006', 'a6e00001-0000-4000-8000-000000000006', 'AGT-D',
     'a6e00002-0000-4000-8000-000000000001', 4.00),
    ('a6e00002-0000-4000-8000-000000000007', 'a6e00001-0000-4000-8000-000000000007', 'AGT-S3',
     'a6e00002-0000-4000-8000-000000000006', 3.00),
    ('a6e00002-0000-4000-8000-000000000008', 'a6e00001-0000-4000-8000-000000000008', 'AGT-Q', NULL, 5.00);
UPDATE agent.agents SET is_active = false WHERE agent_code = 'AGT-X';
UPDATE agent.agents SET deleted_at = now() WHERE agent_code = 'AGT-D';

-- This test's orders by label, commissions, payouts and targets.
CREATE TEMP TABLE agt_orders (label text PRIMARY KEY, id uuid NOT NULL UNIQUE);
CREATE TEMP TABLE agt_payouts (label text PRIMARY KEY, id uuid NOT NULL UNIQUE);
CREATE TEMP VIEW agt_order_view AS
SELECT l.label, o.status, a.agent_code, o.subtotal, o.discount_amount, o.shipping_cost, o.tax_amount, o.total
FROM agt_orders l JOIN sales.orders o ON o.id = l.id LEFT JOIN agent.agents a ON a.id = o.agent_id;
CREATE TEMP VIEW agt_commission_view AS
SELECT l.label AS order_label, a.agent_code, c.level, c.order_total, c.commission_rate, c.commission_amount, c.status,
       c.reverses_id IS NOT NULL AS clawback, pl.label AS payout, p.status AS payout_status,
       c.paid_at IS NOT NULL AS has_paid_at
FROM agent.commissions c
JOIN agt_orders l ON l.id = c.order_id
JOIN agent.agents a ON a.id = c.agent_id
LEFT JOIN agent.payouts p ON p.id = c.payout_id
LEFT JOIN agt_payouts pl ON pl.id = c.payout_id;
CREATE TEMP VIEW agt_payout_view AS
SELECT l.label, a.agent_code, p.amount, p.payment_method, p.bank_name, p.bank_account, p.status,
       p.processed_at IS NOT NULL AS processed, p.notes,
       (SELECT count(*) FROM agent.commissions c WHERE c.payout_id = p.id) AS commissions,
       (SELECT coalesce(sum(c.commission_amount), 0) FROM agent.commissions c WHERE c.payout_id = p.id) AS commissions_sum
FROM agt_payouts l JOIN agent.payouts p ON p.id = l.id JOIN agent.agents a ON a.id = p.agent_id;
CREATE TEMP VIEW agt_target_view AS
SELECT right(t.id::text, 2) AS target, a.agent_code, t.period_start - :'bday'::date AS starts,
       t.period_end - :'bday'::date AS ends, t.target_amount, t.target_orders, t.achieved_amount, t.achieved_orders,
       t.status
FROM agent.targets t JOIN agent.agents a ON a.id = t.agent_id
WHERE t.id::text LIKE 'a6e00006-%' AND t.period_start > '2001-12-31';

-- ---------------------------------------------------------------------------
-- agent.upline: level 1 = the parent, 2 = its parent; the top has none.
-- ---------------------------------------------------------------------------

SELECT u.level, a.agent_code FROM agent.upline('a6e00002-0000-4000-8000-000000000003') u
JOIN agent.agents a ON a.id = u.agent_id ORDER BY u.level;
SELECT u.level, a.agent_code FROM agent.upline('a6e00002-0000-4000-8000-000000000002') u
JOIN agent.agents a ON a.id = u.agent_id ORDER BY u.level;
SELECT count(*) AS top_upline FROM agent.upline('a6e00002-0000-4000-8000-000000000001');
-- The upline is the hierarchy, whatever the agents' standing.
SELECT u.level, a.agent_code, a.is_active, a.deleted_at IS NOT NULL AS deleted
FROM agent.upline('a6e00002-0000-4000-8000-000000000005') u JOIN agent.agents a ON a.id = u.agent_id ORDER BY u.level;
SELECT u.level, a.agent_code, a.is_active, a.deleted_at IS NOT NULL AS deleted
FROM agent.upline('a6e00002-0000-4000-8000-000000000007') u JOIN agent.agents a ON a.id = u.agent_id ORDER BY u.level;

-- Override rates for levels 1 and 2, and a level 3 nobody here reaches.
INSERT INTO agent.override_rates (level, rate) VALUES (1, 5.00), (2, 1.50), (3, 0.50);
SELECT level, rate FROM agent.override_rates ORDER BY level;

-- ---------------------------------------------------------------------------
-- O1: 2 x 60.65 = 121.30, coupon -10.00, shipping 8.00, tax 6 % of 119.30.
-- Sold by S. Nothing accrues while pending.
-- ---------------------------------------------------------------------------

INSERT INTO sales.carts (id, user_id, coupon_code) VALUES
    ('a6e00005-0000-4000-8000-000000000001', 'a6e00001-0000-4000-8000-000000000009', 'AGT-TEN');
SELECT sales.add_to_cart('a6e00005-0000-4000-8000-000000000001', 'a6e00004-0000-4000-8000-000000000001', NULL, 2)
    IS NOT NULL AS added;
INSERT INTO agt_orders
SELECT 'O1', o.id FROM sales.place_order('a6e00005-0000-4000-8000-000000000001', 'AGT-SHIP',
                                         '{"line1": "1 Jalan Ejen", "city": "Kuala Lumpur"}', NULL, 'AGT-S') o;
SELECT * FROM agt_order_view;
SELECT count(*) AS pending_order_commissions FROM agt_commission_view;

-- Paid in full: confirmed, and level 0 (7.50 %), 1 (5.00 %), 2 (1.50 %)
-- accrue on base 121.30 - 10.00 = 111.30 (no shipping, no tax):
-- 8.3475 -> 8.35, 5.565 -> 5.57 (half a sen, away from zero), 1.6695 -> 1.67.
-- G is the top: there is no level 3.
SELECT sales.record_payment((SELECT id FROM agt_orders WHERE label = 'O1'), 'online_banking', 'agt-fpx', 'AGT-TX-1',
                            126.46, 'completed') IS NOT NULL AS paid;
SELECT * FROM agt_order_view;
SELECT * FROM agt_commission_view ORDER BY order_label, level, clawback;
SELECT bool_and(c.order_total = o.subtotal - o.discount_amount) AS base_is_subtotal_less_discount,
       bool_and(c.commission_amount = round(c.order_total * c.commission_rate / 100, 2)) AS amount_is_rounded_product
FROM agent.commissions c JOIN sales.orders o ON o.id = c.order_id
WHERE c.order_id = (SELECT id FROM agt_orders WHERE label = 'O1');

-- Touching the order again adds nothing: accruing again, the same webhook
-- again, another status move.
SELECT agent.accrue_commissions((SELECT id FROM agt_orders WHERE label = 'O1')) AS accrued_again;
SELECT sales.record_payment((SELECT id FROM agt_orders WHERE label = 'O1'), 'online_banking', 'agt-fpx', 'AGT-TX-1',
                            126.46, 'completed') IS NOT NULL AS paid_again;
UPDATE sales.orders SET status = 'processing' WHERE id = (SELECT id FROM agt_orders WHERE label = 'O1');
SELECT agent.accrue_commissions((SELECT id FROM agt_orders WHERE label = 'O1')) AS accrued_once_more;
SELECT order_label, count(*) AS commissions, sum(commission_amount) AS total FROM agt_commission_view
GROUP BY order_label;

-- ---------------------------------------------------------------------------
-- O2 by S2 (parent X inactive) and O3 by S3 (parent D soft-deleted), each
-- 1 x 60.65: X and D earn nothing and their level 1 is not passed up to G,
-- who keeps level 2 at 1.50 % (0.90975 -> 0.91). S2: 10 % of 60.65 = 6.065
-- -> 6.07.
-- ---------------------------------------------------------------------------

INSERT INTO sales.carts (id, user_id) VALUES
    ('a6e00005-0000-4000-8000-000000000002', 'a6e00001-0000-4000-8000-000000000009'),
    ('a6e00005-0000-4000-8000-000000000003', 'a6e00001-0000-4000-8000-000000000009');
SELECT sales.add_to_cart(c, 'a6e00004-0000-4000-8000-000000000001', NULL, 1) IS NOT NULL AS added
FROM unnest('{a6e00005-0000-4000-8000-000000000002,a6e00005-0000-4000-8000-000000000003}'::uuid[]) c;
INSERT INTO agt_orders
SELECT 'O2', o.id FROM sales.place_order('a6e00005-0000-4000-8000-000000000002', 'AGT-SHIP', '{"city": "Ipoh"}',
                                         agent_code => 'AGT-S2') o;
INSERT INTO agt_orders
SELECT 'O3', o.id FROM sales.place_order('a6e00005-0000-4000-8000-000000000003', 'AGT-SHIP', '{"city": "Ipoh"}',
                                         agent_code => 'AGT-S3') o;
SELECT status FROM sales.set_order_status((SELECT id FROM agt_orders WHERE label = 'O2'), 'confirmed');
UPDATE sales.orders SET status = 'confirmed' WHERE id = (SELECT id FROM agt_orders WHERE label = 'O3');
SELECT * FROM agt_order_view WHERE label IN ('O2', 'O3') ORDER BY label;
SELECT * FROM agt_commission_view WHERE order_label IN ('O2', 'O3') ORDER BY order_label, level;
SELECT count(*) AS commissions_of_x_and_d FROM agent.commissions
WHERE agent_id IN ('a6e00002-0000-4000-8000-000000000004', 'a6e00002-0000-4000-8000-000000000006');

-- place_order takes only a live, active agent (and the cart stays a cart).
INSERT INTO sales.carts (id, user_id) VALUES
    ('a6e00005-0000-4000-8000-0000000000a1', 'a6e00001-0000-4000-8000-000000000009');
SELECT sales.add_to_cart('a6e00005-0000-4000-8000-0000000000a1', 'a6e00004-0000-4000-8000-000000000001', NULL, 1)
    IS NOT NULL AS added;
SELECT pg_temp.agt_try($$SELECT sales.place_order('a6e00005-0000-4000-8000-0000000000a1', 'AGT-SHIP', '{}',
                                                  agent_code => 'AGT-X')$$) AS inactive_agent_code;
SELECT pg_temp.agt_try($$SELECT sales.place_order('a6e00005-0000-4000-8000-0000000000a1', 'AGT-SHIP', '{}',
                                                  agent_code => 'AGT-D')$$) AS deleted_agent_code;
SELECT order_id IS NULL AS still_a_cart, (SELECT count(*) FROM sales.cart_items WHERE cart_id = c.id) AS lines
FROM sales.carts c WHERE id = 'a6e00005-0000-4000-8000-0000000000a1';

-- O5, inserted directly with the inactive X as its seller: X gets nothing;
-- its parent G still earns its level 1 (5 % of 60.65 = 3.0325 -> 3.03).
-- O6 has no agent: nothing accrues.
INSERT INTO sales.orders (id, agent_id, shipping_method) VALUES
    ('a6e00007-0000-4000-8000-000000000005', 'a6e00002-0000-4000-8000-000000000004', 'AGT-SHIP'),
    ('a6e00007-0000-4000-8000-000000000006', NULL, 'AGT-SHIP');
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price) VALUES
    ('a6e00007-0000-4000-8000-000000000005', 'a6e00004-0000-4000-8000-000000000001', 'AGT-P1', 'Agents test kopi', 1,
     60.65),
    ('a6e00007-0000-4000-8000-000000000006', 'a6e00004-0000-4000-8000-000000000001', 'AGT-P1', 'Agents test kopi', 1,
     60.65);
INSERT INTO agt_orders VALUES ('O5', 'a6e00007-0000-4000-8000-000000000005'), ('O6', 'a6e00007-0000-4000-8000-000000000006');
UPDATE sales.orders SET status = 'confirmed' WHERE id IN (SELECT id FROM agt_orders WHERE label IN ('O5', 'O6'));
SELECT * FROM agt_order_view WHERE label IN ('O5', 'O6') ORDER BY label;
SELECT * FROM agt_commission_view WHERE order_label IN ('O5', 'O6') ORDER BY order_label, level;
SELECT agent.accrue_commissions('a6e00007-0000-4000-8000-000000000006') AS accrued_without_agent;
SELECT pg_temp.agt_try($$SELECT agent.accrue_commissions('a6e00007-0000-4000-8000-0000000000ff')$$)
    AS accrue_unknown_order;
SELECT pg_temp.agt_try('SELECT agent.accrue_commissions(NULL)') AS accrue_null;

-- O2 is cancelled before delivery: its commissions are cancelled, with no
-- clawback row.
SELECT status FROM sales.cancel_order((SELECT id FROM agt_orders WHERE label = 'O2'), 'customer changed mind');
SELECT * FROM agt_commission_view WHERE order_label = 'O2' ORDER BY level, clawback;

-- ---------------------------------------------------------------------------
-- Targets (S unless named), relative to the business date: delivery counts
-- the base and one order in every target of the selling agent whose period
-- contains the business date.
--   01 both set, met by O1        02 both set, amount not met
--   03 only orders                04 only amount
--   05 none set                   06 one day: the business date
--   07 one day: the day before    08 one day: the day after
--   09 P's target (not the seller)
-- ---------------------------------------------------------------------------

INSERT INTO agent.targets (id, agent_id, period_start, period_end, target_amount, target_orders) VALUES
    ('a6e00006-0000-4000-8000-000000000001', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date - 10,
     :'bday'::date + 10, 100.00, 1),
    ('a6e00006-0000-4000-8000-000000000002', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date - 10,
     :'bday'::date + 10, 200.00, 1),
    ('a6e00006-0000-4000-8000-000000000003', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date - 10,
     :'bday'::date + 10, NULL, 1),
    ('a6e00006-0000-4000-8000-000000000004', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date - 10,
     :'bday'::date + 10, 100.00, NULL),
    ('a6e00006-0000-4000-8000-000000000005', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date - 10,
     :'bday'::date + 10, NULL, NULL),
    ('a6e00006-0000-4000-8000-000000000006', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date,
     :'bday'::date, 50.00, 1),
    ('a6e00006-0000-4000-8000-000000000007', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date - 1,
     :'bday'::date - 1, 50.00, 1),
    ('a6e00006-0000-4000-8000-000000000008', 'a6e00002-0000-4000-8000-000000000003', :'bday'::date + 1,
     :'bday'::date + 1, 50.00, 1),
    ('a6e00006-0000-4000-8000-000000000009', 'a6e00002-0000-4000-8000-000000000002', :'bday'::date - 10,
     :'bday'::date + 10, 10.00, 1);
SELECT * FROM agt_target_view ORDER BY target;

-- O1 delivered: its commissions approved, targets counted.
SELECT status FROM sales.set_order_status((SELECT id FROM agt_orders WHERE label = 'O1'), 'packed');
SELECT status FROM sales.ship_order((SELECT id FROM agt_orders WHERE label = 'O1'), 'AGT-TRACK-1');
SELECT status, (delivered_at AT TIME ZONE 'Pacific/Kiritimati')::date = :'bday'::date AS delivered_on_business_date
FROM sales.set_order_status((SELECT id FROM agt_orders WHERE label = 'O1'), 'delivered');
SELECT * FROM agt_commission_view WHERE order_label = 'O1' ORDER BY level, clawback;
SELECT * FROM agt_target_view ORDER BY target;

-- ---------------------------------------------------------------------------
-- Payouts: bad arguments, nothing to pay.
-- ---------------------------------------------------------------------------

SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000003', 'cash')$$) AS bad_method;
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000003', NULL)$$) AS null_method;
SELECT pg_temp.agt_try($$SELECT agent.create_payout(NULL, 'ewallet')$$) AS null_agent;
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-0000000000ff', 'ewallet')$$)
    AS unknown_agent;
-- Q never sold; S2's only commission is cancelled; S3's is not approved yet.
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000008', 'ewallet')$$) AS empty_q;
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000005', 'ewallet')$$) AS empty_s2;
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000007', 'ewallet')$$) AS empty_s3;
SELECT count(*) AS payouts_made FROM agent.payouts
WHERE agent_id::text LIKE 'a6e00002-%';

-- S's payout gathers its approved O1 commission: a PAY- number of the
-- business date, amount = the sum.
INSERT INTO agt_payouts
VALUES ('PS1', agent.create_payout('a6e00002-0000-4000-8000-000000000003', 'bank_transfer', 'Maybank', '5140-1234'));
SELECT payout_number ~ '^PAY-[0-9]{8}-[0-9]{6,}$' AS well_formed,
       substr(payout_number, 5, 8) = to_char(:'bday'::date, 'YYYYMMDD') AS business_date
FROM agent.payouts WHERE id = (SELECT id FROM agt_payouts WHERE label = 'PS1');
SELECT * FROM agt_payout_view ORDER BY label;
-- Nothing is left for a second payout.
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000003', 'ewallet')$$) AS again;

-- Completed: its commissions are paid.
SELECT agent.complete_payout((SELECT id FROM agt_payouts WHERE label = 'PS1'));
SELECT * FROM agt_payout_view ORDER BY label;
SELECT * FROM agt_commission_view WHERE payout IS NOT NULL ORDER BY order_label, level, clawback;
-- A finished payout cannot change.
SELECT pg_temp.agt_try(format('SELECT agent.complete_payout(%L)', (SELECT id FROM agt_payouts WHERE label = 'PS1')))
    AS complete_completed;
SELECT pg_temp.agt_try(format('SELECT agent.fail_payout(%L, %L)', (SELECT id FROM agt_payouts WHERE label = 'PS1'),
                              'too late')) AS fail_completed;
SELECT pg_temp.agt_try($$SELECT agent.complete_payout('a6e00002-0000-4000-8000-0000000000ff')$$) AS complete_unknown;

-- G's payout of its O1 commission, left pending.
INSERT INTO agt_payouts VALUES ('PG1', agent.create_payout('a6e00002-0000-4000-8000-000000000001', 'ewallet'));
SELECT * FROM agt_payout_view ORDER BY label;

-- ---------------------------------------------------------------------------
-- O1 refunded: S's paid commission stays paid and gets one negative pending
-- clawback; P's approved commission in no payout is cancelled; G's, promised
-- in the pending payout PG1, is clawed back too. Targets uncounted.
-- ---------------------------------------------------------------------------

SELECT status FROM sales.refund_order((SELECT id FROM agt_orders WHERE label = 'O1'), 'arrived broken');
SELECT * FROM agt_commission_view WHERE order_label = 'O1' ORDER BY level, clawback;
SELECT a.agent_code, c.level, c.commission_amount, c.status, c.reverses_id = r.id AS reverses_the_accrual,
       c.order_total = r.order_total AND c.commission_rate = r.commission_rate AS same_base_and_rate
FROM agent.commissions c JOIN agent.commissions r ON r.id = c.reverses_id JOIN agent.agents a ON a.id = c.agent_id
WHERE c.order_id = (SELECT id FROM agt_orders WHERE label = 'O1') ORDER BY c.level;
SELECT * FROM agt_target_view ORDER BY target;

-- However often: reversing again, refunding again, touching the order: nothing
-- is added.
SELECT agent.reverse_commissions((SELECT id FROM agt_orders WHERE label = 'O1')) AS reversed_again;
SELECT pg_temp.agt_try(format('SELECT sales.refund_order(%L, %L)', (SELECT id FROM agt_orders WHERE label = 'O1'),
                              'again')) AS refund_again;
UPDATE sales.orders SET admin_notes = 'refunded: broken on arrival'
WHERE id = (SELECT id FROM agt_orders WHERE label = 'O1');
SELECT agent.reverse_commissions((SELECT id FROM agt_orders WHERE label = 'O2')) AS reversed_cancelled_again;
SELECT order_label, clawback, count(*) AS commissions FROM agt_commission_view
WHERE order_label IN ('O1', 'O2') GROUP BY order_label, clawback ORDER BY order_label, clawback;
SELECT * FROM agt_target_view ORDER BY target;

-- S now has only its -8.35 clawback: a negative payout is refused.
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000003', 'ewallet')$$)
    AS negative_s;
-- P has nothing left: its commission was cancelled.
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000002', 'ewallet')$$) AS empty_p;

-- PG1 fails: G's commission is freed (its clawback was never in PG1); with
-- the clawback, G's next payout would be 0.00, which is refused.
SELECT agent.fail_payout((SELECT id FROM agt_payouts WHERE label = 'PG1'), 'account closed');
SELECT * FROM agt_payout_view ORDER BY label;
SELECT * FROM agt_commission_view WHERE agent_code = 'AGT-G' ORDER BY order_label, level, clawback;
SELECT pg_temp.agt_try($$SELECT agent.create_payout('a6e00002-0000-4000-8000-000000000001', 'ewallet')$$) AS zero_g;
SELECT pg_temp.agt_try(format('SELECT agent.fail_payout(%L, NULL)', (SELECT id FROM agt_payouts WHERE label = 'PG1')))
    AS fail_failed;
SELECT pg_temp.agt_try(format('SELECT agent.complete_payout(%L)', (SELECT id FROM agt_payouts WHERE label = 'PG1')))
    AS complete_failed;

-- ---------------------------------------------------------------------------
-- O4 by S, 2 x 60.65 = 121.30 (no coupon), confirmed by UPDATE and delivered:
-- 9.0975 -> 9.10, 6.065 -> 6.07, 1.8195 -> 1.82. Targets counted again.
-- ---------------------------------------------------------------------------

INSERT INTO sales.carts (id, user_id) VALUES
    ('a6e00005-0000-4000-8000-000000000004', 'a6e00001-0000-4000-8000-000000000009');
SELECT sales.add_to_cart('a6e00005-0000-4000-8000-000000000004', 'a6e00004-0000-4000-8000-000000000001', NULL, 2)
    IS NOT NULL AS added;
INSERT INTO agt_orders
SELECT 'O4', o.id FROM sales.place_order('a6e00005-0000-4000-8000-000000000004', 'AGT-SHIP', '{"city": "Melaka"}',
                                         agent_code => 'AGT-S') o;
UPDATE sales.orders SET status = 'confirmed' WHERE id = (SELECT id FROM agt_orders WHERE label = 'O4');
UPDATE sales.orders SET status = 'processing' WHERE id = (SELECT id FROM agt_orders WHERE label = 'O4');
UPDATE sales.orders SET status = 'packed' WHERE id = (SELECT id FROM agt_orders WHERE label = 'O4');
UPDATE sales.orders SET status = 'shipped' WHERE id = (SELECT id FROM agt_orders WHERE label = 'O4');
UPDATE sales.orders SET status = 'delivered' WHERE id = (SELECT id FROM agt_orders WHERE label = 'O4');
SELECT * FROM agt_order_view WHERE label = 'O4';
SELECT * FROM agt_commission_view WHERE order_label = 'O4' ORDER BY level;
SELECT * FROM agt_target_view ORDER BY target;

-- The hooks are callable again without effect (README): accruing or
-- approving the delivered O4 again, or reversing the refunded O1 again,
-- changes no commission and counts no target twice: the targets stay as
-- above, O1 keeps 1 paid + 1 cancelled + 1 approved (G's, freed by PG1)
-- accrual and its 2 pending clawbacks. (In a savepoint, so that what follows
-- does not depend on it.)
SAVEPOINT hooks_again;
SELECT agent.accrue_commissions((SELECT id FROM agt_orders WHERE label = 'O4')) AS accrued_o4_again;
SELECT agent.approve_commissions((SELECT id FROM agt_orders WHERE label = 'O4')) AS approved_o4_again;
SELECT * FROM agt_target_view ORDER BY target;
SELECT agent.reverse_commissions((SELECT id FROM agt_orders WHERE label = 'O1')) AS reversed_o1_again;
SELECT * FROM agt_target_view ORDER BY target;
SELECT order_label, agent_code, level, commission_amount, status, clawback FROM agt_commission_view
WHERE order_label IN ('O1', 'O4') ORDER BY order_label, level, clawback;
ROLLBACK TO SAVEPOINT hooks_again;

-- S's payout: O4's 9.10 and the O1 clawback -8.35 = 0.75.
INSERT INTO agt_payouts VALUES ('PS2', agent.create_payout('a6e00002-0000-4000-8000-000000000003', 'cheque'));
-- G's payout: the commission freed by PG1 (1.67), its clawback (-1.67) and
-- O4's 1.82 = 1.82.
INSERT INTO agt_payouts VALUES ('PG2', agent.create_payout('a6e00002-0000-4000-8000-000000000001', 'bank_transfer'));
-- P's payout: O4's 6.07.
INSERT INTO agt_payouts VALUES ('PP1', agent.create_payout('a6e00002-0000-4000-8000-000000000002', 'ewallet'));
SELECT * FROM agt_payout_view ORDER BY label;
SELECT agent.complete_payout(id) FROM agt_payouts WHERE label IN ('PS2', 'PG2', 'PP1');
SELECT * FROM agt_payout_view ORDER BY label;
SELECT * FROM agt_commission_view ORDER BY order_label, agent_code, level, clawback;

-- ---------------------------------------------------------------------------
-- close_targets(as_of): active targets whose period ended before as_of
-- become missed; achieved and missed ones stay; the count is returned.
-- (Periods in 2001, which no other test uses.)
-- ---------------------------------------------------------------------------

INSERT INTO agent.targets (id, agent_id, period_start, period_end, target_amount, status) VALUES
    ('a6e00006-0000-4000-8000-000000000011', 'a6e00002-0000-4000-8000-000000000003', '2001-01-01', '2001-01-31',
     100.00, 'active'),
    ('a6e00006-0000-4000-8000-000000000012', 'a6e00002-0000-4000-8000-000000000002', '2001-01-01', '2001-01-30',
     100.00, 'active'),
    ('a6e00006-0000-4000-8000-000000000013', 'a6e00002-0000-4000-8000-000000000003', '2001-01-01', '2001-01-31',
     100.00, 'achieved'),
    ('a6e00006-0000-4000-8000-000000000014', 'a6e00002-0000-4000-8000-000000000003', '2001-01-01', '2001-01-31',
     100.00, 'missed'),
    ('a6e00006-0000-4000-8000-000000000015', 'a6e00002-0000-4000-8000-000000000003', '2001-02-01', '2001-02-28',
     100.00, 'active');
CREATE TEMP VIEW agt_old_targets AS
SELECT right(id::text, 2) AS target, to_char(period_start, 'YYYY-MM-DD') AS period_start,
       to_char(period_end, 'YYYY-MM-DD') AS period_end, status FROM agent.targets
WHERE id::text LIKE 'a6e00006-%' AND period_end < '2002-01-01';
SELECT agent.close_targets('2001-01-31') AS closed_on_last_day;
SELECT agent.close_targets('2001-02-01') AS closed_after_january;
SELECT * FROM agt_old_targets ORDER BY target;
SELECT agent.close_targets('2001-02-01') AS closed_again;
SELECT agent.close_targets('2001-02-28') AS closed_on_last_day_of_february;
SELECT agent.close_targets('2001-03-01') AS closed_after_february;
SELECT * FROM agt_old_targets ORDER BY target;
SELECT pg_temp.agt_try('SELECT agent.close_targets(NULL)') AS null_as_of;

-- ---------------------------------------------------------------------------
-- The database is consistent.
-- ---------------------------------------------------------------------------

SELECT * FROM niaga.check_invariants();

ROLLBACK;
