#!/usr/bin/env bash
# niaga benchmark: how the cost per order grows, measured, not asserted.
# Beside niaga, in the same run, the PL/pgSQL implementation and the
# plain-SQL floor (the same writes, no rule), one client, interleaved
# rounds as the other suites:
#   lines       a checkout (bench/growth/checkout_*.pgbench) and the totals
#               recomputation of one order (bench/recompute/*.pgbench) with
#               1, 10, 100 lines;
#   warehouses  a reservation (bench/growth/reserve_*.pgbench) that must look
#               at 1, 10, 50 active warehouses before the one that serves;
#   invariants  niaga.check_invariants() (niaga only) over 10k, 30k, 100k
#               orders of 3 lines (with NIAGA_BENCH_LONG=1: also 300k, 1M).
# The upline depth (1, 5, 20) is bench/agents.sh.
#
#   bench/growth.sh [--seconds S] [--rounds R] [--orders N]
#
#   --seconds S   pgbench -T of one run (default 3)
#   --rounds R    rounds per point (default 3); medians are reported
#   --orders N    orders per line count for the recomputation (default 1000)
#
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SECONDS_PER_RUN=3
ROUNDS=3
ORDERS=1000
CLIENT_COUNTS=1
VARIANTS=(floor plpgsql niaga)
WIDTH=8
NSKUS=0
LINE_STEPS="1 10 100"
WAREHOUSE_STEPS="1 10 50"
INVARIANT_STEPS="10000 30000 100000"
[ "${NIAGA_BENCH_LONG:-0}" = 1 ] && INVARIANT_STEPS+=" 300000 1000000"

usage() { sed -n '16,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds orders" "$@"
bench_start growth

say "creating $DB: niaga, the demo store, 100 bench products, 50 bench warehouses, $ORDERS orders per line count"
bench_growth_database
for lines in $LINE_STEPS; do
    bench_generate_orders "$lines" 1 "$ORDERS" "$lines"
    bench_recompute_check "$lines"
done
SUITE_DIR="$NIAGA_ROOT/bench/growth" SCRIPT_PREFIX=checkout_ PGBENCH_DEFINES=(nlines=3)
bench_warm_up 500
LOAD_AT_START=$(bench_load)
POINTS="$WORK/points"  # axis value results-file, one line a point
: >"$POINTS"

# growth_point AXIS VALUE: bench_rounds for one point, its results kept.
growth_point() {
    BENCH_NAME="growth-$1-$2"
    say "growth: $1 = $2"
    bench_rounds
    cp "$RESULTS" "$WORK/$BENCH_NAME.tsv"
    echo "$1 $2 $WORK/$BENCH_NAME.tsv" >>"$POINTS"
}

SUITE_DIR="$NIAGA_ROOT/bench/growth" SCRIPT_PREFIX=checkout_
FLOOR_TABLES=("${CHECKOUT_TABLES[@]}")
PLPGSQL_TRIGGERS=("${PLPGSQL_ORDER_TRIGGERS[@]}" "${PLPGSQL_STOCK_TRIGGERS[@]}")
VACUUM_TABLES="sales.carts, sales.cart_items, sales.orders, sales.order_items, sales.coupons, inventory.stock_items"
for lines in $LINE_STEPS; do
    PGBENCH_DEFINES=(nlines="$lines")
    growth_point checkout-lines "$lines"
done

SUITE_DIR="$NIAGA_ROOT/bench/recompute" SCRIPT_PREFIX=""
FLOOR_TABLES=(sales.orders sales.order_items)
PLPGSQL_TRIGGERS=("${PLPGSQL_ORDER_TRIGGERS[@]}")
VACUUM_TABLES="sales.orders, sales.order_items"
for lines in $LINE_STEPS; do
    PGBENCH_DEFINES=(lines="$lines" orders="$ORDERS")
    growth_point recompute-lines "$lines"
done

SUITE_DIR="$NIAGA_ROOT/bench/growth" SCRIPT_PREFIX=reserve_
FLOOR_TABLES=(sales.orders sales.order_items inventory.stock_items)
PLPGSQL_TRIGGERS=("${PLPGSQL_ORDER_TRIGGERS[@]}" "${PLPGSQL_STOCK_TRIGGERS[@]}")
VACUUM_TABLES="sales.orders, sales.order_items, inventory.stock_items"
PGBENCH_DEFINES=()
for warehouses in $WAREHOUSE_STEPS; do
    # Active: WH-BENCH-(51 - W) .. WH-BENCH-50; only the last can serve.
    "${PSQL[@]}" -c "UPDATE inventory.warehouses
                     SET is_active = (code LIKE 'WH-BENCH-%' AND right(code, 2)::int > 50 - $warehouses)"
    growth_point reserve-warehouses "$warehouses"
done
"${PSQL[@]}" -c "UPDATE inventory.warehouses SET is_active = true"

# niaga.check_invariants() as the orders grow, in a database of its own
# (the runs above left orders of their own): 3 timed calls per size.
DB=${DB}_invariants
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$DB")
say "creating $DB for check_invariants()"
bench_growth_database
INVARIANTS="$WORK/invariants"
: >"$INVARIANTS"
made=0
for size in $INVARIANT_STEPS; do
    existing=$("${PSQL[@]}" -Atc "SELECT count(*) FROM sales.orders")
    if [ "$size" -gt "$existing" ]; then
        say "generating $((size - existing)) more orders of 3 lines (to $size)"
        bench_generate_orders inv $((made + 1)) $((size - existing)) 3
        made=$((made + size - existing))
    fi
    "${PSQL[@]}" -c "VACUUM ANALYZE" -c "CHECKPOINT"
    for run in 1 2 3; do
        "${PSQL[@]}" -At -F ' ' >>"$INVARIANTS" <<'SQL'
SELECT clock_timestamp() AS t0 \gset
SELECT (SELECT count(*) FROM sales.orders), count(*) AS broken,
       round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz) * 1000, 1)
FROM niaga.check_invariants();
SQL
        say "check_invariants over $(tail -1 "$INVARIANTS" | cut -d' ' -f1) orders: $(tail -1 "$INVARIANTS" | cut -d' ' -f3) ms"
    done
done
awk '$2 != 0 { exit 1 }' "$INVARIANTS" || die "check_invariants() found broken invariants in the generated orders"
bench_export "$INVARIANTS" growth-invariants.tsv

bench_report_head "bench/growth.sh: cost per order as lines, warehouses and orders grow" fsync synchronous_commit
echo "pgbench -n -M prepared -c 1, $ROUNDS rounds x ${SECONDS_PER_RUN} s per point and variant, interleaved;"
echo "ms/order = 1000 / tps (median); ratios: median of the rounds' own ratios"
echo
printf '%-20s %6s %12s %12s %12s %12s %14s\n' axis value 'floor ms' 'plpgsql ms' 'niaga ms' 'niaga x floor' 'niaga x plpgsql'
while read -r axis value file; do
    bench_export "$file" "$(basename "$file")"
    bench_ratios "$file" | awk -v axis="$axis" -v value="$value" '
        { printf "%-20s %6s %12.3f %12.3f %12.3f %12.2f %14.2f\n", axis, value, 1000 / $2, 1000 / $3, 1000 / $4, 1 / $5, 1 / $6 }'
done <"$POINTS"
echo "(x floor, x plpgsql: cost ratios, niaga's time per order over theirs; below 1.00 niaga is cheaper)"
echo
echo "niaga.check_invariants(), median of 3 calls:"
printf '%10s %12s %16s\n' orders ms 'us per order'
sort -n -k1,1 -k3,3 "$INVARIANTS" | awk '{ n[$1]++; t[$1, n[$1]] = $3 } END { for (o in n) print o, t[o, 2] }' | sort -n \
    | awk '{ printf "%10s %12.1f %16.2f\n", $1, $2, $2 * 1000 / $1 }'
