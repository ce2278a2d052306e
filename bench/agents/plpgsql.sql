-- The idiomatic PL/pgSQL version of agent.accrue_commissions(order_id), the
-- same rules (README, Agents): level 0 for the selling agent at its
-- commission_rate, level L of agent.override_rates for the L-th agent up,
-- base = subtotal - discount, amount = round(base * rate / 100, 2); an
-- inactive or soft-deleted agent earns nothing and its level is not passed
-- up; one accrual per (order, agent, level). The upline is walked with a
-- recursive CTE and every accrual inserted by one INSERT ... SELECT (the
-- loop version below is the other idiom).
-- SECURITY DEFINER with the same pinned search_path as niaga's functions.
CREATE FUNCTION bench.accrue_commissions_plpgsql(p_order_id uuid)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_agent_id uuid;
    v_base numeric;
    v_created integer;
BEGIN
    SELECT o.agent_id, o.subtotal - o.discount_amount INTO v_agent_id, v_base
    FROM sales.orders o
    WHERE o.id = p_order_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order_id USING ERRCODE = 'P0002';
    END IF;
    IF v_agent_id IS NULL THEN
        RETURN 0;
    END IF;

    WITH RECURSIVE up (level, agent_id) AS (
        SELECT 1, a.parent_agent_id
        FROM agent.agents a
        WHERE a.id = v_agent_id AND a.parent_agent_id IS NOT NULL
        UNION ALL
        SELECT up.level + 1, a.parent_agent_id
        FROM up
        JOIN agent.agents a ON a.id = up.agent_id
        WHERE a.parent_agent_id IS NOT NULL AND up.level < 10000
    ),
    earners (level, agent_id, rate) AS (
        SELECT 0, a.id, a.commission_rate
        FROM agent.agents a
        WHERE a.id = v_agent_id AND a.is_active AND a.deleted_at IS NULL
        UNION ALL
        SELECT up.level, up.agent_id, r.rate
        FROM up
        JOIN agent.override_rates r ON r.level = up.level
        JOIN agent.agents a ON a.id = up.agent_id
        WHERE a.is_active AND a.deleted_at IS NULL
    )
    INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount, level)
    SELECT e.agent_id, p_order_id, v_base, e.rate, round(v_base * e.rate / 100, 2), e.level
    FROM earners e
    ON CONFLICT (order_id, agent_id, level) WHERE reverses_id IS NULL DO NOTHING;
    GET DIAGNOSTICS v_created = ROW_COUNT;
    RETURN v_created;
END
$$;

-- The same rules as a loop, the other idiom: walk up parent by parent, one
-- INSERT per earning level (as niaga does it, one statement per accrual).
CREATE FUNCTION bench.accrue_commissions_plpgsql_loop(p_order_id uuid)
RETURNS integer
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_agent_id uuid;
    v_base numeric;
    v_current uuid;
    v_level integer := 0;
    v_agent record;
    v_rate numeric;
    v_rows integer;
    v_created integer := 0;
BEGIN
    SELECT o.agent_id, o.subtotal - o.discount_amount INTO v_agent_id, v_base
    FROM sales.orders o
    WHERE o.id = p_order_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order_id USING ERRCODE = 'P0002';
    END IF;
    v_current := v_agent_id;
    WHILE v_current IS NOT NULL AND v_level < 10000 LOOP
        SELECT a.id, a.parent_agent_id, a.commission_rate, a.is_active AND a.deleted_at IS NULL AS earns
        INTO v_agent
        FROM agent.agents a
        WHERE a.id = v_current;
        EXIT WHEN NOT FOUND;
        IF v_level = 0 THEN
            v_rate := v_agent.commission_rate;
        ELSE
            SELECT r.rate INTO v_rate FROM agent.override_rates r WHERE r.level = v_level;  -- NULL when none
        END IF;
        IF v_agent.earns AND v_rate IS NOT NULL THEN
            INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount, level)
            VALUES (v_agent.id, p_order_id, v_base, v_rate, round(v_base * v_rate / 100, 2), v_level)
            ON CONFLICT (order_id, agent_id, level) WHERE reverses_id IS NULL DO NOTHING;
            GET DIAGNOSTICS v_rows = ROW_COUNT;
            v_created := v_created + v_rows;
        END IF;
        v_current := v_agent.parent_agent_id;
        v_level := v_level + 1;
    END LOOP;
    RETURN v_created;
END
$$;

-- The plain-SQL floor: the same rows, already computed (bench.expected,
-- filled from niaga's own accruals once they have been checked), written
-- by one INSERT ... SELECT per order with the same ON CONFLICT clause and
-- the same foreign-key checks; no rule evaluated, no upline walked.
CREATE TABLE bench.expected (
    agent_id uuid NOT NULL,
    order_id uuid NOT NULL,
    order_total numeric(12,2) NOT NULL,
    commission_rate numeric(5,2) NOT NULL,
    commission_amount numeric(12,2) NOT NULL,
    level int NOT NULL
);
CREATE INDEX expected_order_id_idx ON bench.expected (order_id);

-- Rows of agent.commissions that differ from bench.expected, both ways.
CREATE FUNCTION bench.differences()
RETURNS bigint
LANGUAGE sql
AS $$
    SELECT count(*) FROM (
        (SELECT agent_id, order_id, order_total, commission_rate, commission_amount, level, status, reverses_id,
                payout_id, paid_at
         FROM agent.commissions
         EXCEPT ALL
         SELECT agent_id, order_id, order_total, commission_rate, commission_amount, level, 'pending', NULL::uuid,
                NULL::uuid, NULL::timestamptz
         FROM bench.expected)
        UNION ALL
        (SELECT agent_id, order_id, order_total, commission_rate, commission_amount, level, 'pending', NULL::uuid,
                NULL::uuid, NULL::timestamptz
         FROM bench.expected
         EXCEPT ALL
         SELECT agent_id, order_id, order_total, commission_rate, commission_amount, level, status, reverses_id,
                payout_id, paid_at
         FROM agent.commissions)) d
$$;

CREATE FUNCTION bench.accrue_commissions_floor(p_order_id uuid)
RETURNS integer
LANGUAGE sql
AS $$
    WITH created AS (
        INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount, level)
        SELECT e.agent_id, e.order_id, e.order_total, e.commission_rate, e.commission_amount, e.level
        FROM bench.expected e
        WHERE e.order_id = p_order_id
        ON CONFLICT (order_id, agent_id, level) WHERE reverses_id IS NULL DO NOTHING
        RETURNING 1)
    SELECT count(*)::integer FROM created
$$;

-- This backend's CPU time (user + system) in seconds, from /proc/self/stat
-- (fields 14 and 15, counted after the parenthesised command name), in
-- clock ticks of :clk_tck a second. A cross-check of the wall-clock times
-- on a machine where other processes compete for the cores.
SELECT format($create$
CREATE FUNCTION bench.cpu_seconds()
RETURNS numeric
LANGUAGE sql
VOLATILE
AS $$
    SELECT (f[12]::numeric + f[13]::numeric) / %s
    FROM (SELECT string_to_array(btrim(substring(pg_read_file('/proc/self/stat') FROM '\)(.*)$')), ' ') AS f) AS proc
$$
$create$, :clk_tck) \gexec

-- One timed run: every order of one timed chain through one variant, in one
-- SELECT; microseconds per order, wall clock (clock_timestamp) and this
-- backend's CPU, and the rows created. The caller runs it inside a
-- transaction and rolls back.
CREATE FUNCTION bench.time_accrual(variant text, chain_name text, OUT us_per_order numeric,
                                   OUT cpu_us_per_order numeric, OUT created bigint)
LANGUAGE plpgsql
AS $$
DECLARE
    t0 timestamptz;
    cpu0 numeric;
    orders bigint;
BEGIN
    SELECT count(*) INTO orders FROM bench.agent_orders o WHERE o.chain = chain_name;
    cpu0 := bench.cpu_seconds();
    t0 := clock_timestamp();
    CASE variant
        WHEN 'niaga' THEN
            SELECT sum(agent.accrue_commissions(o.id)) INTO created FROM bench.agent_orders o WHERE o.chain = chain_name;
        WHEN 'plpgsql' THEN
            SELECT sum(bench.accrue_commissions_plpgsql(o.id)) INTO created
            FROM bench.agent_orders o WHERE o.chain = chain_name;
        WHEN 'plpgsql-loop' THEN
            SELECT sum(bench.accrue_commissions_plpgsql_loop(o.id)) INTO created
            FROM bench.agent_orders o WHERE o.chain = chain_name;
        WHEN 'floor' THEN
            SELECT sum(bench.accrue_commissions_floor(o.id)) INTO created
            FROM bench.agent_orders o WHERE o.chain = chain_name;
    END CASE;
    us_per_order := round((extract(epoch FROM clock_timestamp() - t0) * 1000000 / orders)::numeric, 1);
    cpu_us_per_order := round((bench.cpu_seconds() - cpu0) * 1000000 / orders, 1);
END
$$;

CREATE TABLE bench.timings (
    variant text NOT NULL,
    chain text NOT NULL,
    round int NOT NULL,
    us_per_order numeric NOT NULL,
    cpu_us_per_order numeric NOT NULL,
    created bigint NOT NULL
);
