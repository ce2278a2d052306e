#!/usr/bin/env bash
# niaga benchmark: commission accrual throughput (SPEC §9), measured, not
# asserted. One transaction = agent.accrue_commissions on one confirmed
# order whose seller has 5 agents above it (6 rows), then ROLLBACK (so any
# order can be accrued again: no variant pays a commit flush); beside it, in
# the same run, the set-based PL/pgSQL version and the floor of
# bench/agents/plpgsql.sql. Cost by upline depth 1, 5, 20: bench/agents.sh.
#
#   bench/accrual.sh [--seconds S] [--rounds R] [--clients "1 2 4"] [--orders N]
#
#   --seconds S   pgbench -T of one run (default 3)
#   --rounds R    rounds of every variant at one client count, back to back,
#                 the order rotating (default 4); medians are reported
#   --clients L   client counts (default "1 2 4"; pgbench -j 2, or 1 for 1 client)
#   --orders N    confirmed orders per chain (default 2000)
#
# Before any timing every variant must write the same rows on every order
# (bench/agents/compare.sql, as bench/agents.sh does).
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/agents"
SCRIPT_PREFIX=accrual_
SECONDS_PER_RUN=3
ROUNDS=4
CLIENT_COUNTS="1 2 4"
ORDERS=2000
VARIANTS=(floor plpgsql niaga)
WIDTH=8
FLOOR_TABLES=()  # the variants are functions called directly: no trigger to switch
VACUUM_TABLES="agent.commissions"
NSKUS=0
CHECK_INVARIANTS=no  # every transaction rolls back; the set-up's orders have no lines

usage() { sed -n '9,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds clients orders" "$@"
bench_start accrual
PGBENCH_DEFINES=(orders="$ORDERS")

say "creating $DB: niaga, the demo store, agent chains of depth 1, 5, 20 and $ORDERS confirmed orders each"
bench_create_database
"${PSQL[@]}" -v orders="$ORDERS" -f "$SUITE_DIR/setup.sql" >/dev/null
"${PSQL[@]}" -v clk_tck="$(getconf CLK_TCK)" -f "$SUITE_DIR/plpgsql.sql" >/dev/null
say "same rows first: niaga, both PL/pgSQL versions and the floor on every order"
"${PSQL[@]}" -At -f "$SUITE_DIR/compare.sql" | tee "$WORK/compare.log" | sed 's/^/    /' >&2
[ "$(grep -c '^ok' "$WORK/compare.log")" -eq 6 ] && ! grep -q '^FAIL' "$WORK/compare.log" \
    || die "the variants do not produce the same rows (see above)"
"${PSQL[@]}" -c "CREATE TABLE bench.numbered_orders AS
                 SELECT chain, row_number() OVER (PARTITION BY chain ORDER BY id)::int AS n, id
                 FROM bench.agent_orders WHERE timed" \
    -c "ALTER TABLE bench.numbered_orders ADD PRIMARY KEY (chain, n)" -c "VACUUM ANALYZE"
LOAD_AT_START=$(bench_load)

bench_rounds
bench_suite_report "bench/accrual.sh: agent.accrue_commissions, upline depth 5, vs PL/pgSQL vs the plain-SQL floor" \
    "$ORDERS confirmed orders at depth 5, each transaction rolled back; the variants wrote the same rows first"
