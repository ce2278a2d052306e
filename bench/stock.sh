#!/usr/bin/env bash
# niaga benchmark: stock reservation throughput (SPEC §7), measured, not
# asserted. One transaction = a pending order with 3 lines by plain INSERT,
# then inventory.reserve_order; beside it, in the same run, the plain-SQL
# floor of the same writes. See bench/README-concurrency.md.
#
#   bench/stock.sh [--seconds S] [--rounds R] [--clients "1 2 4"] [--breakdown]
#               [--variants "floor floor+fk niaga-inserts plpgsql niaga"]
#
#   --seconds S   pgbench -T of one run (default 3)
#   --rounds R    rounds; a round runs every variant once, back to back, at
#                 one client count (default 4: 4 x 3 s = 12 s per variant
#                 and client count). Medians over the rounds are reported,
#                 and each ratio is the median of the rounds' own ratios, so
#                 a burst of load from elsewhere moves one round, not all;
#                 the variants' order rotates from round to round.
#   --clients L   client counts (default "1 2 4"; pgbench -j 2, or 1 for 1 client)
#   --breakdown   afterwards, restart with pg_stat_statements (track = all,
#                 track_planning) and show, per niaga transaction, the calls,
#                 plannings and time of every statement, nested ones included
#   --variants V  the variants to run (default all, below; floor is needed)
#
# Variants (pgbench -n -M prepared, bench/stock/*.pgbench):
#   floor          floor.pgbench, session_replication_role = replica: no
#                  trigger fires, foreign keys unchecked. The ratios' base.
#   floor+fk       floor.pgbench, niaga's triggers disabled, foreign keys checked
#   plpgsql        plpgsql.pgbench: the same inserts with the PL/pgSQL triggers of
#                  bench/checkout/plpgsql.sql instead of niaga's, then
#                  bench_plpgsql.reserve_order (foreign keys checked)
#   niaga-inserts  niaga_inserts.pgbench: the order and lines with niaga's
#                  triggers, no reservation
#   niaga          niaga.pgbench: the same plus inventory.reserve_order
#
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/stock"
SECONDS_PER_RUN=3
ROUNDS=4
CLIENT_COUNTS="1 2 4"
BREAKDOWN=no
VARIANTS=(floor floor+fk niaga-inserts plpgsql niaga)
WIDTH=14  # of the variant column
# Tables the floor writes: with "floor+fk" their user triggers are disabled.
FLOOR_TABLES=(sales.orders sales.order_items inventory.stock_items)
# The PL/pgSQL triggers of bench/checkout/plpgsql.sql, on for "plpgsql" only.
PLPGSQL_TRIGGERS=("${PLPGSQL_ORDER_TRIGGERS[@]}" "${PLPGSQL_STOCK_TRIGGERS[@]}")
# Vacuumed (and analyzed) before every run.
VACUUM_TABLES="sales.orders, sales.order_items, sales.order_status_history, inventory.stock_items"

usage() { sed -n '7,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds clients breakdown variants" "$@"
bench_start stock

say "creating $DB: niaga, the demo store, 10 million units of 15 SKUs"
bench_create_database
"${PSQL[@]}" -f "$SUITE_DIR/setup.sql" -f "$NIAGA_ROOT/bench/totals/plpgsql.sql" \
    -f "$NIAGA_ROOT/bench/checkout/plpgsql.sql" >/dev/null
bench_skus
say "same results first: niaga's and the PL/pgSQL checkout on identical carts (bench/checkout/compare.sql)"
"${PSQL[@]}" -At -f "$NIAGA_ROOT/bench/checkout/compare.sql" | tee "$WORK/compare.log" | sed 's/^/    /' >&2
[ "$(grep -c '^ok' "$WORK/compare.log")" -eq 9 ] || die "niaga and the PL/pgSQL checkout disagree (see above)"
bench_warm_up 1000
LOAD_AT_START=$(bench_load)

bench_rounds
read -r orders reserved unreserved < <("${PSQL[@]}" -At -F ' ' -c \
    "SELECT count(*), count(*) FILTER (WHERE reserved_at IS NOT NULL),
            count(*) FILTER (WHERE reserved_at IS NULL AND order_number LIKE 'ORD-%') FROM sales.orders")

bench_suite_report "bench/stock.sh: order of 3 lines + inventory.reserve_order vs the plain-SQL floor" \
    "orders written: $orders ($reserved reserved, $unreserved by niaga-inserts); invariants hold"
