-- bench/agents.sh set-up, run after scripts/demo-data.sql.
--
-- Override rates for levels 1..20 (replacing the demo's single level), and
-- chains of agents, each its own tree: for chain c of depth d, agents k = 0
-- (the seller) .. d (the root), the parent of k being k + 1, so the seller's
-- upline has d agents. Timed chains d1, d5, d20 are all active; the check
-- chains put an inactive and a soft-deleted agent in the upline (their
-- levels are not passed up) and an inactive seller (no level 0, overrides
-- still paid). :orders confirmed orders per timed chain (200 per check
-- chain, plus orders without an agent), inserted with
-- session_replication_role = replica: no trigger fires, so nothing accrues
-- until the benchmark calls the accrual functions.

CREATE SCHEMA bench;

DELETE FROM agent.override_rates;
INSERT INTO agent.override_rates (level, rate)
SELECT level, greatest(0.25, round(3.00 / level, 2)) FROM generate_series(1, 20) AS level;

CREATE TABLE bench.chains (
    name text PRIMARY KEY,
    depth int NOT NULL,
    timed boolean NOT NULL,
    inactive int[] NOT NULL DEFAULT '{}',  -- positions k of inactive agents
    deleted int[] NOT NULL DEFAULT '{}'    -- positions k of soft-deleted agents
);
INSERT INTO bench.chains (name, depth, timed, inactive, deleted) VALUES
    ('d1', 1, true, '{}', '{}'),
    ('d5', 5, true, '{}', '{}'),
    ('d20', 20, true, '{}', '{}'),
    ('check-gaps', 8, false, '{2,7}', '{4}'),
    ('check-seller', 3, false, '{0}', '{}'),
    ('check-short', 25, false, '{}', '{21}');

CREATE TABLE bench.chain_agents AS
SELECT c.name AS chain, k, md5('bench-agent-' || c.name || '-' || k)::uuid AS id,
       md5('bench-agent-user-' || c.name || '-' || k)::uuid AS user_id,
       CASE WHEN k < c.depth THEN md5('bench-agent-' || c.name || '-' || (k + 1))::uuid END AS parent_id,
       NOT k = ANY (c.inactive) AS is_active, k = ANY (c.deleted) AS is_deleted
FROM bench.chains c CROSS JOIN LATERAL generate_series(0, c.depth) AS k;

INSERT INTO auth.users (id, email, password_hash, first_name, last_name, role)
SELECT user_id, 'bench-agent-' || chain || '-' || k || '@example.com', 'x', 'Agent', chain || '-' || k, 'agent'
FROM bench.chain_agents;

-- Roots first: the cycle trigger looks each parent up.
DO $$
DECLARE
    a record;
BEGIN
    FOR a IN SELECT * FROM bench.chain_agents ORDER BY chain, k DESC LOOP
        INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id, tier, commission_rate, is_active,
                                  deleted_at)
        VALUES (a.id, a.user_id, 'BENCH-' || a.chain || '-' || a.k, a.parent_id, 'silver',
                CASE WHEN a.k = 0 THEN 7.50 ELSE 5.00 END, a.is_active, CASE WHEN a.is_deleted THEN now() END);
    END LOOP;
END
$$;

CREATE SEQUENCE bench.order_number;
CREATE TABLE bench.agent_orders (
    id uuid PRIMARY KEY,
    chain text,  -- NULL: an order without an agent
    timed boolean NOT NULL
);

SELECT setseed(0.42) \g /dev/null
INSERT INTO bench.agent_orders
SELECT md5('bench-agent-order-' || c.name || '-' || g)::uuid, c.name, c.timed
FROM bench.chains c
CROSS JOIN LATERAL generate_series(1, CASE WHEN c.timed THEN :orders ELSE 200 END) AS g
UNION ALL
SELECT md5('bench-agent-order-none-' || g)::uuid, NULL, false FROM generate_series(1, 20) AS g;

BEGIN;
SET LOCAL session_replication_role = replica;
-- Random subtotals with sen (rounding goes both ways); a quarter of the
-- orders have a 10 % discount, one in 97 a discount of the whole subtotal.
INSERT INTO sales.orders (id, order_number, agent_id, status, subtotal, discount_amount, coupon_discount, total,
                          confirmed_at)
SELECT o.id, 'ORD-20000101-' || lpad(nextval('bench.order_number')::text, 6, '0'), a.id, 'confirmed',
       x.subtotal, x.discount, x.discount, x.subtotal - x.discount, now()
FROM bench.agent_orders o
LEFT JOIN bench.chain_agents a ON a.chain = o.chain AND a.k = 0
CROSS JOIN LATERAL (SELECT round((10 + random() * 990)::numeric, 2) AS subtotal, random() AS r) s
CROSS JOIN LATERAL (SELECT s.subtotal,
                           CASE WHEN s.r < 0.01 THEN s.subtotal WHEN s.r < 0.26 THEN round(s.subtotal * 0.10, 2)
                                ELSE 0 END AS discount) x
ORDER BY o.id;
COMMIT;

VACUUM ANALYZE;
