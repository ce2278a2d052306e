-- Same rows first: the accruals of every order (timed and check chains, and
-- orders without an agent) by niaga, the PL/pgSQL versions and the floor
-- must be identical, row for row; calling any of them again must create
-- nothing; the rows per order must be what the chain implies and every
-- amount round(base * rate / 100, 2) of its order's base. niaga's rows,
-- checked, become bench.expected (the floor's input). One line per check;
-- the caller fails on any "FAIL".

SELECT sum(agent.accrue_commissions(id)) AS niaga_created FROM bench.agent_orders \gset
SELECT sum(agent.accrue_commissions(id)) AS niaga_again FROM bench.agent_orders \gset
INSERT INTO bench.expected
SELECT agent_id, order_id, order_total, commission_rate, commission_amount, level
FROM agent.commissions
WHERE status = 'pending' AND reverses_id IS NULL AND payout_id IS NULL AND paid_at IS NULL;
SELECT CASE WHEN :niaga_created = count(*) AND bench.differences() = 0 AND :niaga_again = 0
            THEN 'ok niaga created ' || count(*) || ' pending accruals, and none when called again'
            ELSE 'FAIL niaga created ' || :niaga_created || ' rows, then ' || :niaga_again END
FROM bench.expected;

-- Rows per order: level 0 if the seller earns, plus every level 1..20 whose
-- agent earns.
SELECT CASE WHEN count(*) = 0 THEN 'ok rows per order as the chains imply (2, 6, 21 on d1, d5, d20; gaps skipped)'
            ELSE 'FAIL ' || count(*) || ' orders with a wrong number of rows, e.g. on chain ' || min(chain) END
FROM (SELECT o.id, o.chain,
             (SELECT count(*) FROM bench.expected e WHERE e.order_id = o.id) AS rows,
             (SELECT count(*) FROM bench.chain_agents a
              WHERE a.chain = o.chain AND a.is_active AND NOT a.is_deleted
                AND a.k <= (SELECT max(level) FROM agent.override_rates)) AS earners
      FROM bench.agent_orders o) x
WHERE rows <> earners;

SELECT CASE WHEN count(*) = 0 THEN 'ok every amount is round(base * rate / 100, 2) of its order''s base'
            ELSE 'FAIL ' || count(*) || ' rows with a wrong base or amount' END
FROM bench.expected e JOIN sales.orders o ON o.id = e.order_id
WHERE e.order_total <> o.subtotal - o.discount_amount
   OR e.commission_amount <> round(e.order_total * e.commission_rate / 100, 2);

DELETE FROM agent.commissions;
SELECT sum(bench.accrue_commissions_plpgsql(id)) AS created FROM bench.agent_orders \gset
SELECT sum(bench.accrue_commissions_plpgsql(id)) AS again FROM bench.agent_orders \gset
SELECT CASE WHEN d = 0 AND :created = :niaga_created AND :again = 0
            THEN 'ok PL/pgSQL (recursive CTE) created the same rows, and none when called again'
            ELSE 'FAIL PL/pgSQL (recursive CTE): ' || d || ' rows differ from niaga''s; created ' || :created
                 || ', then ' || :again END
FROM (SELECT bench.differences() AS d) s;

DELETE FROM agent.commissions;
SELECT sum(bench.accrue_commissions_plpgsql_loop(id)) AS created FROM bench.agent_orders \gset
SELECT sum(bench.accrue_commissions_plpgsql_loop(id)) AS again FROM bench.agent_orders \gset
SELECT CASE WHEN d = 0 AND :created = :niaga_created AND :again = 0
            THEN 'ok PL/pgSQL (loop) created the same rows, and none when called again'
            ELSE 'FAIL PL/pgSQL (loop): ' || d || ' rows differ from niaga''s; created ' || :created
                 || ', then ' || :again END
FROM (SELECT bench.differences() AS d) s;

DELETE FROM agent.commissions;
SELECT sum(bench.accrue_commissions_floor(id)) AS created FROM bench.agent_orders \gset
SELECT CASE WHEN d = 0 AND :created = :niaga_created THEN 'ok the floor writes the same rows'
            ELSE 'FAIL the floor: ' || d || ' rows differ' END
FROM (SELECT bench.differences() AS d) s;
DELETE FROM agent.commissions;
