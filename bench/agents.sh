#!/usr/bin/env bash
# niaga benchmark: commission accrual cost by upline depth (SPEC §9),
# measured, not asserted. agent.accrue_commissions(order_id) beside two
# idiomatic PL/pgSQL versions of the same rules (a recursive CTE and one
# INSERT ... SELECT; a loop with one INSERT per level) and the plain-SQL
# floor (the same rows, precomputed, inserted per order), in the same run
# and session.
# See bench/README-concurrency.md.
#
#   bench/agents.sh [--orders N] [--rounds R]
#
#   --orders N   confirmed orders per depth (default 2000)
#   --rounds R   timed rounds of every variant and depth (default 5; the
#                medians are reported, each ratio the median of the rounds'
#                own ratios)
#
# Depths 1, 5 and 20: the selling agent has 1, 5 or 20 agents above it and
# agent.override_rates has levels 1..20, so an order accrues 2, 6 or 21 rows.
# Before any timing the four variants must produce identical rows on every
# order, check chains with inactive and soft-deleted agents included
# (bench/agents/compare.sql). Each timed run is one SELECT calling the
# variant on every order of one depth, timed with clock_timestamp inside the
# server (and the backend's CPU time from /proc/self/stat, a cross-check
# when other processes share the cores), then rolled back; VACUUM between
# runs; the variants' order rotates from round to round.
#
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/agents"
ORDERS=2000
ROUNDS=5
CHAINS=(d1 d5 d20)
VARIANTS=(niaga plpgsql plpgsql-loop floor)

usage() { sed -n '10,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "orders rounds" "$@"
bench_start agents

say "creating $DB: niaga, the demo store, agent chains of depth 1, 5, 20 and $ORDERS confirmed orders each"
bench_create_database
"${PSQL[@]}" -v orders="$ORDERS" -f "$SUITE_DIR/setup.sql"
"${PSQL[@]}" -v clk_tck="$(getconf CLK_TCK)" -f "$SUITE_DIR/plpgsql.sql"
LOAD_AT_START=$(bench_load)

say "same rows first: niaga, both PL/pgSQL versions and the floor on every order"
"${PSQL[@]}" -At -f "$SUITE_DIR/compare.sql" | tee "$WORK/compare.log" | sed 's/^/    /' >&2
[ "$(grep -c '^ok' "$WORK/compare.log")" -eq 6 ] && ! grep -q '^FAIL' "$WORK/compare.log" \
    || die "the variants do not produce the same rows (see above)"

# One psql session for every timed run, after a warm-up of each variant on a
# check chain (library loaded, statements prepared, plans cached).
{
    echo "VACUUM agent.commissions, sales.orders;"
    for variant in "${VARIANTS[@]}"; do
        echo "BEGIN; SELECT * FROM bench.time_accrual('$variant', 'check-gaps') \\g /dev/null"
        echo "ROLLBACK;"
    done
    for round in $(seq "$ROUNDS"); do
        for chain in "${CHAINS[@]}"; do
            for i in $(seq 0 $((${#VARIANTS[@]} - 1))); do
                variant=${VARIANTS[$(((round - 1 + i) % ${#VARIANTS[@]}))]}
                echo "VACUUM agent.commissions, sales.orders;"
                echo "BEGIN;"
                echo "SELECT us_per_order, cpu_us_per_order, created FROM bench.time_accrual('$variant', '$chain') \\gset"
                echo "ROLLBACK;"
                echo "INSERT INTO bench.timings VALUES ('$variant', '$chain', $round, :us_per_order, :cpu_us_per_order, :created);"
                echo "\\echo '==>   round $round $chain $variant:' :us_per_order 'us per order (CPU' :cpu_us_per_order 'us),' :created 'rows'"
            done
        done
    done
} >"$WORK/timings.sql"
say "timing: $ROUNDS rounds x ${#CHAINS[@]} depths x ${#VARIANTS[@]} variants, $ORDERS orders per run"
"${PSQL[@]}" -f "$WORK/timings.sql" >&2

# Every timed run created exactly the rows of the check.
"${PSQL[@]}" -At -c "SELECT count(*) FROM bench.timings t
                     WHERE t.created <> (SELECT count(*) FROM bench.expected e
                                         JOIN bench.agent_orders o ON o.id = e.order_id WHERE o.chain = t.chain)" \
    | grep -qx 0 || die "a timed run created a different number of rows than the check"

bench_report_head "bench/agents.sh: agent.accrue_commissions(order_id) vs PL/pgSQL vs the plain-SQL floor"
echo "$ORDERS confirmed orders per depth, one SELECT per run, clock_timestamp in the server, rolled back;"
echo "median of $ROUNDS rounds; identical rows checked first ($(grep -c '^ok' "$WORK/compare.log") checks ok)"
echo
report() {  # report COLUMN TITLE
    echo "$2"
    "${PSQL[@]}" -P footer=off -c "
        WITH r AS (  -- one row per chain and round, the four variants side by side
            SELECT chain, round,
                   max($1) FILTER (WHERE variant = 'floor') AS f, max($1) FILTER (WHERE variant = 'plpgsql') AS p,
                   max($1) FILTER (WHERE variant = 'plpgsql-loop') AS l, max($1) FILTER (WHERE variant = 'niaga') AS n
            FROM bench.timings GROUP BY chain, round),
        m AS (
            SELECT chain,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY f) AS f, percentile_cont(0.5) WITHIN GROUP (ORDER BY p) AS p,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY l) AS l, percentile_cont(0.5) WITHIN GROUP (ORDER BY n) AS n,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY n / p) AS np,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY n / l) AS nl,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY n / f) AS nf,
                   percentile_cont(0.5) WITHIN GROUP (ORDER BY p / f) AS pf,
                   min(n / p) AS np_min, max(n / p) AS np_max
            FROM r GROUP BY chain)
        SELECT c.depth, (SELECT count(*) FROM bench.expected e JOIN bench.agent_orders o ON o.id = e.order_id
                         WHERE o.chain = c.name) / $ORDERS AS rows,
               round(m.f::numeric, 1) AS floor, round(m.p::numeric, 1) AS plpgsql, round(m.l::numeric, 1) AS loop,
               round(m.n::numeric, 1) AS niaga, round(m.np::numeric, 2) AS niaga_x_plpgsql,
               round(m.np_min::numeric, 2) || '-' || round(m.np_max::numeric, 2) AS rounds,
               round(m.nl::numeric, 2) AS niaga_x_loop, round(m.nf::numeric, 2) AS niaga_x_floor,
               round(m.pf::numeric, 2) AS plpgsql_x_floor
        FROM bench.chains c JOIN m ON m.chain = c.name
        ORDER BY c.depth"
}
report us_per_order "wall clock (clock_timestamp), median of $ROUNDS:"
report cpu_us_per_order "cross-check, the backend's CPU time (/proc/self/stat), median of $ROUNDS:"
echo "floor .. niaga: microseconds per order, medians; plpgsql = recursive CTE + one INSERT ... SELECT,"
echo "loop = PL/pgSQL loop with one INSERT per level; x_x_y = cost ratio x / y in the same round (above 1:"
echo "x is slower), median over the rounds; rounds = the lowest and highest niaga / plpgsql of the rounds"

# For bench/run-all.sh: depth, then the medians in us per order (floor,
# plpgsql, loop, niaga) and niaga / plpgsql, median of the rounds' ratios.
if [ -n "${NIAGA_BENCH_EXPORT:-}" ]; then
    "${PSQL[@]}" -At -F ' ' -c "
        WITH r AS (
            SELECT chain, round,
                   max(us_per_order) FILTER (WHERE variant = 'floor') AS f,
                   max(us_per_order) FILTER (WHERE variant = 'plpgsql') AS p,
                   max(us_per_order) FILTER (WHERE variant = 'plpgsql-loop') AS l,
                   max(us_per_order) FILTER (WHERE variant = 'niaga') AS n
            FROM bench.timings GROUP BY chain, round)
        SELECT c.depth, round(percentile_cont(0.5) WITHIN GROUP (ORDER BY f)::numeric, 1),
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY p)::numeric, 1),
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY l)::numeric, 1),
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY n)::numeric, 1),
               round(percentile_cont(0.5) WITHIN GROUP (ORDER BY n / p)::numeric, 2)
        FROM r JOIN bench.chains c ON c.name = r.chain
        GROUP BY c.depth ORDER BY c.depth" >"$NIAGA_BENCH_EXPORT/agents.tsv"
fi
