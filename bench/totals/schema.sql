-- The benchmark's own schema: the §5 computation of every order in plain
-- SQL (independent of both the C++ and the PL/pgSQL triggers), the count of
-- orders that disagree with it, and the measurements.

CREATE SCHEMA IF NOT EXISTS bench;

CREATE VIEW bench.expected_order_totals AS
WITH lines AS MATERIALIZED (
    SELECT o.id, o.shipping_method, o.tax_rate_id, coalesce(s.subtotal, 0) AS subtotal
    FROM sales.orders o
    LEFT JOIN (SELECT i.order_id, sum(i.quantity * i.unit_price) AS subtotal
               FROM sales.order_items i
               GROUP BY i.order_id) s ON s.order_id = o.id
), discounted AS MATERIALIZED (
    SELECT l.*,
           CASE WHEN c.id IS NULL THEN 0
                WHEN c.type = 'fixed' THEN least(c.value, l.subtotal)
                WHEN c.max_discount IS NULL THEN least(round(l.subtotal * c.value / 100, 2), l.subtotal)
                ELSE least(round(l.subtotal * c.value / 100, 2), c.max_discount, l.subtotal)
           END AS discount
    FROM lines l
    LEFT JOIN sales.coupon_usages u ON u.order_id = l.id
    LEFT JOIN sales.coupons c ON c.id = u.coupon_id
), shipped AS MATERIALIZED (
    SELECT d.*,
           CASE WHEN m.code IS NULL THEN 0
                WHEN m.free_shipping_threshold IS NOT NULL AND d.subtotal - d.discount >= m.free_shipping_threshold
                    THEN 0
                ELSE m.base_cost
           END AS shipping
    FROM discounted d
    -- the live method with the order's code, else the most recently deleted
    LEFT JOIN (SELECT DISTINCT ON (code) code, base_cost, free_shipping_threshold
               FROM sales.shipping_methods
               ORDER BY code, deleted_at IS NOT NULL, deleted_at DESC) m ON m.code = d.shipping_method
)
SELECT s.id, s.subtotal, s.discount, s.shipping,
       CASE WHEN t.id IS NULL THEN 0
            ELSE round((s.subtotal - s.discount + CASE WHEN t.applies_to_shipping THEN s.shipping ELSE 0 END)
                       * t.rate / 100, 2)
       END AS tax
FROM shipped s
LEFT JOIN sales.tax_rates t ON t.id = s.tax_rate_id;

CREATE FUNCTION bench.mismatches()
RETURNS bigint
LANGUAGE sql
STABLE
SET jit = off
SET work_mem = '64MB'
AS $$
    SELECT count(*)
    FROM sales.orders o
    JOIN bench.expected_order_totals e USING (id)
    WHERE (o.subtotal, o.discount_amount, o.coupon_discount, o.shipping_cost, o.tax_amount, o.total)
          IS DISTINCT FROM (e.subtotal, e.discount, e.discount, e.shipping, e.tax,
                            e.subtotal - e.discount + e.shipping + e.tax)
$$;

-- CPU time (user + system) this backend has used so far, in seconds, from
-- /proc/self/stat (fields 14 and 15, in clock ticks of :clk_tck a second).
-- Unlike wall time it does not grow when other processes share the cores.
SELECT format($create$
CREATE FUNCTION bench.cpu_seconds()
RETURNS numeric
LANGUAGE sql
VOLATILE
AS $$
    SELECT (split_part(stat, ' ', 14)::numeric + split_part(stat, ' ', 15)::numeric) / %s
    FROM (SELECT pg_read_file('/proc/self/stat') AS stat) AS proc
$$
$create$, :clk_tck) \gexec

-- One row per timed statement (quote loops and recompute runs): wall time
-- and the backend's CPU time.
CREATE TABLE bench.timings (
    label text NOT NULL,
    round int NOT NULL,
    seconds numeric NOT NULL,
    cpu_seconds numeric NOT NULL,
    mismatches bigint
);

-- One row per pgbench run.
CREATE TABLE bench.pgbench (
    label text NOT NULL,
    clients int NOT NULL,
    tps numeric NOT NULL,
    latency_ms numeric NOT NULL
);
