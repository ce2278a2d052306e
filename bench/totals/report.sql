-- The results table of bench/run.sh totals, from bench.timings and
-- bench.pgbench. Medians of the three rounds; ratios are time ratios.
\pset footer off
\pset null ''

\echo
\echo 'sales.quote on a 10-line cart with a percentage coupon (C++) vs bench_plpgsql.quote vs the floor'
\echo '(floor = one SELECT summing quantity x current price over the cart lines, no rules)'
WITH loop AS (
    SELECT substr(label, 7) AS impl,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) / 20000 * 1e6 AS us,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY cpu_seconds) / 20000 * 1e6 AS cpu_us
    FROM bench.timings
    WHERE label LIKE 'quote\_%'
    GROUP BY label
), rows AS (
    SELECT 1 AS sort, 'in-server, us per call (median of 3 x 20000 calls)' AS measure,
           max(us) FILTER (WHERE impl = 'niaga') AS niaga,
           max(us) FILTER (WHERE impl = 'plpgsql') AS plpgsql,
           max(us) FILTER (WHERE impl = 'floor') AS floor, true AS is_time
    FROM loop
    UNION ALL
    SELECT 2, 'in-server, backend CPU us per call',
           max(cpu_us) FILTER (WHERE impl = 'niaga'), max(cpu_us) FILTER (WHERE impl = 'plpgsql'),
           max(cpu_us) FILTER (WHERE impl = 'floor'), true
    FROM loop
    UNION ALL
    SELECT 1 + clients * 2, format('pgbench -c %s: mean latency, ms', clients),
           max(latency_ms) FILTER (WHERE label = 'niaga'), max(latency_ms) FILTER (WHERE label = 'plpgsql'),
           max(latency_ms) FILTER (WHERE label = 'floor'), true
    FROM bench.pgbench GROUP BY clients
    UNION ALL
    SELECT 2 + clients * 2, format('pgbench -c %s: tps', clients),
           max(tps) FILTER (WHERE label = 'niaga'), max(tps) FILTER (WHERE label = 'plpgsql'),
           max(tps) FILTER (WHERE label = 'floor'), false
    FROM bench.pgbench GROUP BY clients
)
SELECT measure,
       round(niaga, 3) AS "C++ niaga",
       round(plpgsql, 3) AS "PL/pgSQL",
       round(floor, 3) AS floor,
       CASE WHEN is_time THEN round(niaga / plpgsql, 2) END AS "C++/PL/pgSQL",
       CASE WHEN is_time THEN round(niaga / floor, 2) END AS "C++/floor",
       CASE WHEN is_time THEN round(plpgsql / floor, 2) END AS "PL/pgSQL/floor"
FROM rows
ORDER BY sort;

\echo
SELECT format('Recomputing totals: UPDATE sales.order_items SET quantity = quantity on %s lines of %s orders',
              (SELECT count(*) FROM sales.order_items), (SELECT count(*) FROM sales.orders)) AS title \gset
\echo :title
WITH runs AS (
    SELECT label,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds) AS median,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY cpu_seconds) AS cpu_median,
           string_agg(round(seconds, 1)::text, ' / ' ORDER BY round) AS each_round,
           max(mismatches) AS mismatches
    FROM bench.timings
    WHERE label IN ('A', 'B', 'C', 'A_row', 'B_row')
    GROUP BY label
), floor AS (
    SELECT median, cpu_median FROM runs WHERE label = 'C'
)
SELECT r.label AS run,
       CASE r.label
           WHEN 'A' THEN 'niaga: C++ row + statement triggers'
           WHEN 'B' THEN 'PL/pgSQL row + statement triggers'
           WHEN 'C' THEN 'floor: no trigger fires'
           WHEN 'A_row' THEN 'niaga C++ row trigger only'
           WHEN 'B_row' THEN 'PL/pgSQL row trigger only'
       END AS what,
       round(r.median, 2) AS "wall s (median)",
       r.each_round AS "wall s, rounds 1/2/3",
       round(r.median / f.median, 2) AS "wall x floor",
       round(r.cpu_median, 2) AS "CPU s (median)",
       round(r.cpu_median / f.cpu_median, 2) AS "CPU x floor",
       r.mismatches AS "orders wrong after"
FROM runs r, floor f
ORDER BY array_position(ARRAY['A', 'B', 'C', 'A_row', 'B_row'], r.label);

-- Ratios of the medians, and the median of the ratios taken within each
-- round (the runs of one round ran back to back, so slow drift of the
-- machine cancels out of those).
WITH m AS (
    SELECT label, round, seconds AS wall, cpu_seconds AS cpu FROM bench.timings
    UNION ALL
    SELECT label, 0,
           percentile_disc(0.5) WITHIN GROUP (ORDER BY seconds),
           percentile_disc(0.5) WITHIN GROUP (ORDER BY cpu_seconds)
    FROM bench.timings
    GROUP BY label
), w AS (
    SELECT round, 'wall' AS kind,
           max(wall) FILTER (WHERE label = 'A') AS a, max(wall) FILTER (WHERE label = 'B') AS b,
           max(wall) FILTER (WHERE label = 'C') AS c, max(wall) FILTER (WHERE label = 'A_row') AS a_row,
           max(wall) FILTER (WHERE label = 'B_row') AS b_row
    FROM m GROUP BY round
    UNION ALL
    SELECT round, 'cpu',
           max(cpu) FILTER (WHERE label = 'A'), max(cpu) FILTER (WHERE label = 'B'),
           max(cpu) FILTER (WHERE label = 'C'), max(cpu) FILTER (WHERE label = 'A_row'),
           max(cpu) FILTER (WHERE label = 'B_row')
    FROM m GROUP BY round
), v AS (
    SELECT round, kind, sort, ratio, value
    FROM w, LATERAL (VALUES
        (1, 'A/C  niaga / floor', a / c),
        (2, 'B/C  PL/pgSQL / floor', b / c),
        (3, 'A/B  niaga / PL/pgSQL', a / b),
        (4, '(A-C)/(B-C)  cost above the floor, niaga / PL/pgSQL', (a - c) / nullif(b - c, 0)),
        (5, 's: niaga row trigger (A_row - C)', a_row - c),
        (6, 's: niaga statement trigger (A - A_row)', a - a_row),
        (7, 's: PL/pgSQL row trigger (B_row - C)', b_row - c),
        (8, 's: PL/pgSQL statement trigger (B - B_row)', b - b_row)) AS x (sort, ratio, value)
)
SELECT ratio,
       round(max(value) FILTER (WHERE kind = 'wall' AND round = 0), 2) AS "wall, of medians",
       round(max(value) FILTER (WHERE kind = 'cpu' AND round = 0), 2) AS "CPU, of medians",
       round(percentile_disc(0.5) WITHIN GROUP (ORDER BY value) FILTER (WHERE kind = 'wall' AND round > 0), 2)
           AS "wall, median per round",
       string_agg(round(value, 2)::text, ' / ' ORDER BY round) FILTER (WHERE kind = 'wall' AND round > 0)
           AS "wall, rounds 1/2/3"
FROM v
WHERE value IS NOT NULL
GROUP BY sort, ratio
ORDER BY sort;
