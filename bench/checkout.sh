#!/usr/bin/env bash
# niaga benchmark: checkout throughput (SPEC §6), measured, not asserted.
# One transaction = a cart with coupon RAYA10 for a random demo customer,
# 3 lines by sales.add_to_cart, then sales.place_order; beside it, in the
# same run, the plain-SQL floor of the same reads and writes. See
# bench/README-concurrency.md.
#
#   bench/checkout.sh [--seconds S] [--rounds R] [--clients "1 2 4"] [--breakdown]
#                  [--variants "floor floor+fk plpgsql niaga"]
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
# Variants (pgbench -n -M prepared, bench/checkout/*.pgbench):
#   floor      floor.pgbench, session_replication_role = replica: no trigger
#              fires, foreign keys unchecked. The ratios' base.
#   floor+fk   floor.pgbench, niaga's triggers disabled, foreign keys checked
#   plpgsql    plpgsql.pgbench: bench_plpgsql.add_to_cart and place_order
#              (bench/checkout/plpgsql.sql) with the PL/pgSQL triggers instead
#              of niaga's (foreign keys checked)
#   niaga      niaga.pgbench
#
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/checkout"
SECONDS_PER_RUN=3
ROUNDS=4
CLIENT_COUNTS="1 2 4"
BREAKDOWN=no
VARIANTS=(floor floor+fk plpgsql niaga)
WIDTH=10  # of the variant column
# Tables the floor writes: with "floor+fk" their user triggers are disabled.
FLOOR_TABLES=("${CHECKOUT_TABLES[@]}")
# The PL/pgSQL triggers of bench/checkout/plpgsql.sql, on for "plpgsql" only.
PLPGSQL_TRIGGERS=("${PLPGSQL_ORDER_TRIGGERS[@]}" "${PLPGSQL_STOCK_TRIGGERS[@]}")
# Vacuumed (and analyzed) before every run.
VACUUM_TABLES="sales.carts, sales.cart_items, sales.orders, sales.order_items, sales.order_status_history, sales.coupons, sales.coupon_usages, inventory.stock_items"

usage() { sed -n '8,22p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds clients breakdown variants" "$@"
bench_start checkout

say "creating $DB: niaga, the demo store, 10 million units of 15 SKUs, RAYA10 unlimited"
bench_checkout_database
bench_skus
say "same results first: niaga's and the PL/pgSQL checkout on identical carts (bench/checkout/compare.sql)"
"${PSQL[@]}" -At -f "$NIAGA_ROOT/bench/checkout/compare.sql" | tee "$WORK/compare.log" | sed 's/^/    /' >&2
[ "$(grep -c '^ok' "$WORK/compare.log")" -eq 9 ] || die "niaga and the PL/pgSQL checkout disagree (see above)"
bench_warm_up 1000
LOAD_AT_START=$(bench_load)

bench_rounds
read -r orders carts left used < <("${PSQL[@]}" -At -F ' ' -c \
    "SELECT (SELECT count(*) FROM sales.orders), (SELECT count(*) FROM sales.carts WHERE order_id IS NULL),
            (SELECT count(*) FROM sales.cart_items),
            (SELECT count(*) FROM sales.coupon_usages) = (SELECT used_count FROM sales.coupons WHERE code = 'RAYA10')")
[ "$carts" -eq 0 ] && [ "$left" -eq 0 ] && [ "$used" = t ] \
    || die "after the runs: $carts carts without an order, $left cart lines left, coupon uses = used_count: $used"

bench_suite_report "bench/checkout.sh: cart + 3 x sales.add_to_cart + sales.place_order (RAYA10, standard) vs the plain-SQL floor" \
    "orders placed: $orders, every cart emptied and ordered, RAYA10 used_count = its uses; invariants hold"
