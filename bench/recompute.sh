#!/usr/bin/env bash
# niaga benchmark: order totals recomputation (SPEC §5), measured, not
# asserted. One transaction = one UPDATE of every line of one order
# (10 lines by default), which recomputes the line totals and the order's
# totals; beside it, in the same run, the same rules as PL/pgSQL triggers
# (bench/totals/plpgsql.sql) and the plain-SQL floor (the same UPDATE and
# the order's row written back, no rule). The bulk case (100,000 orders in
# one UPDATE) is bench/run.sh totals.
#
#   bench/recompute.sh [--seconds S] [--rounds R] [--clients "1 2 4"] [--orders N]
#
#   --seconds S   pgbench -T of one run (default 3)
#   --rounds R    rounds of every variant at one client count, back to back,
#                 the order rotating (default 4); medians are reported
#   --clients L   client counts (default "1 2 4"; pgbench -j 2, or 1 for 1 client)
#   --orders N    orders of 10 lines to draw from (default 2000)
#
# Before any timing both implementations must recompute zeroed orders to the
# plain-SQL §5 totals (bench_recompute_check in bench/common.sh).
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/recompute"
SECONDS_PER_RUN=3
ROUNDS=4
CLIENT_COUNTS="1 2 4"
ORDERS=2000
LINES=10
VARIANTS=(floor plpgsql niaga)
WIDTH=8
FLOOR_TABLES=(sales.orders sales.order_items)
PLPGSQL_TRIGGERS=("${PLPGSQL_ORDER_TRIGGERS[@]}")
VACUUM_TABLES="sales.orders, sales.order_items"
NSKUS=0

usage() { sed -n '10,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds clients orders" "$@"
bench_start recompute
PGBENCH_DEFINES=(lines=$LINES orders="$ORDERS")

say "creating $DB: niaga, the demo store, the bench products, $ORDERS orders of $LINES lines"
bench_growth_database
bench_generate_orders "$LINES" 1 "$ORDERS" "$LINES"
bench_recompute_check "$LINES"
LOAD_AT_START=$(bench_load)

bench_rounds
bench_suite_report "bench/recompute.sh: UPDATE of the $LINES lines of one order (totals recomputed) vs PL/pgSQL vs the plain-SQL floor" \
    "$ORDERS orders of $LINES lines; both implementations recomputed zeroed orders to the §5 totals; invariants hold"
