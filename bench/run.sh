#!/usr/bin/env bash
# niaga benchmarks. Performance is measured, not asserted: every number is a
# ratio against the plain-SQL floor and an idiomatic PL/pgSQL version of the
# same rules, measured side by side in one run on a throwaway server.
#
#   bench/run.sh totals [--orders N] [--seconds S] [--breakdown]
#
#   totals       SPEC §5: sales.quote per call, and recomputing the totals of
#                N orders of 10 lines after one UPDATE of all their lines.
#                See bench/README.md.
#   --orders N   orders for the recompute part (default 100000; the whole
#                run then takes 6-7 min on a 2-core machine)
#   --seconds S  pgbench duration of each quote run (default 10)
#   --breakdown  also time the row triggers alone (3 rounds each), which splits
#                A and B into row-trigger and statement-trigger time
#
# Uses the niaga extension already installed in the server's folders (it does
# not build or install). Needs nothing else than Debian's PostgreSQL 15.
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BENCH_DIR="$NIAGA_ROOT/bench"
ORDERS=100000
SECONDS_PER_RUN=10
BREAKDOWN=no
ROUNDS=3
BENCH_CART=70000000-0000-0000-0000-000000000001

usage() { sed -n '6,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

[ $# -ge 1 ] || usage
SUITE=$1
shift
[ "$SUITE" = totals ] || usage
bench_options "orders seconds breakdown" "$@"
bench_require_niaga

WORK=$(mktemp -d /tmp/niaga-bench.XXXXXX)
chmod 755 "$WORK"
SERVER="$WORK/server"
cleanup() {
    server_stop "$SERVER"
    as_root rm -rf "$WORK"
}
trap cleanup EXIT

STARTED=$(date +%s)
DB=niaga_bench
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$DB")
# Beside the benchmark settings, WAL segments kept for reuse, so that no
# timed run has to create and zero-fill new ones while the others recycle
# old ones.
bench_server_start "min_wal_size = '2GB'"

say "creating database $DB with niaga, the demo store and the bench carts"
bench_create_database
"${PSQL[@]}" -f "$BENCH_DIR/totals/carts.sql" -f "$BENCH_DIR/totals/plpgsql.sql" \
    -v clk_tck="$(getconf CLK_TCK)" -f "$BENCH_DIR/totals/schema.sql"
"${PSQL[@]}" -c "ANALYZE"  # autovacuum is off: give the planner statistics
LOAD_AT_START=$(bench_load)

machine() {
    local cpu library commit
    cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
    library="$("$PG_CONFIG" --pkglibdir)/niaga.so"
    commit=$(git -C "$NIAGA_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"
    echo "machine: $(nproc) cores, ${cpu:-unknown CPU}, $(awk '/MemTotal/ {printf "%.0f GB", $2 / 1048576}' /proc/meminfo) RAM;" \
        "load average at start $LOAD_AT_START, at end $(bench_load)"
    echo "server: $("${PSQL[@]}" -Atc "SELECT current_setting('server_version') || ', niaga ' || niaga.version() || ', shared_buffers ' || current_setting('shared_buffers') || ', work_mem ' || current_setting('work_mem') || ', jit ' || current_setting('jit') || ', fsync ' || current_setting('fsync')")"
    echo "library: $library, $(date -u -r "$library" '+%Y-%m-%d %H:%M UTC'), md5 $(md5sum "$library" | cut -c1-12); tree at $commit"
}

# ---------------------------------------------------------------------------
# 1. sales.quote on a 10-line cart
# ---------------------------------------------------------------------------

echo
echo "== sales.quote vs bench_plpgsql.quote: same results first =="
"${PSQL[@]}" -f "$BENCH_DIR/totals/quote_check.sql"
differ=$("${PSQL[@]}" -Atc "SELECT count(*) FROM bench.quote_comparison WHERE NOT same")
[ "$differ" -eq 0 ] || die "sales.quote and bench_plpgsql.quote disagree on $differ quotes (see above)"

say "quote: calls in one statement (no client round trip), 3 rounds"
"${PSQL[@]}" -f "$BENCH_DIR/totals/quote_loop.sql"

record_pgbench() {  # record_pgbench LABEL CLIENTS LOGFILE
    local tps latency
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$3")
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$3")
    if [ -z "$tps" ] || [ -z "$latency" ] || grep -q '^number of failed transactions: [1-9]' "$3"; then
        cat "$3" >&2
        die "pgbench $1 -c $2 failed"
    fi
    "${PSQL[@]}" -c "INSERT INTO bench.pgbench VALUES ('$1', $2, $tps, $latency)"
    printf '  %-8s -c %s: %10.1f tps, mean latency %.3f ms\n' "$1" "$2" "$tps" "$latency"
}
echo
echo "== pgbench -n -M prepared -T $SECONDS_PER_RUN, cart $BENCH_CART (10 lines, RAYA10) =="
for clients in 1 2; do
    for script in niaga plpgsql floor; do
        log="$WORK/pgbench-$script-$clients.log"
        "$PG_BIN/pgbench" -n -M prepared -c "$clients" -j "$clients" -T "$SECONDS_PER_RUN" \
            -D cart="$BENCH_CART" -f "$BENCH_DIR/totals/quote_$script.pgbench" "$DB" >"$log" 2>&1 \
            || { cat "$log" >&2; die "pgbench $script -c $clients failed"; }
        record_pgbench "$script" "$clients" "$log"
    done
done

# ---------------------------------------------------------------------------
# 2. Recomputing the totals of $ORDERS orders of 10 lines
# ---------------------------------------------------------------------------

echo
say "generating $ORDERS orders of 10 lines (replica mode, then one UPDATE of the totals)"
"${PSQL[@]}" -v orders="$ORDERS" -f "$BENCH_DIR/totals/orders.sql" >/dev/null
"${PSQL[@]}" -f "$BENCH_DIR/totals/triggers.sql"
[ "$("${PSQL[@]}" -Atc 'SELECT bench.mismatches()')" -eq 0 ] || die "the generated orders are not consistent"
# Untimed UPDATEs of every line and every order first: the first update of
# freshly loaded rows also grows the tables and their indexes to their
# steady size, which would make the first timed runs slower than the others.
say "warm-up: one untimed UPDATE of all lines and of all orders (replica mode), VACUUM"
"${PSQL[@]}" -c "SET session_replication_role = replica" -c "UPDATE sales.order_items SET quantity = quantity" \
    -c "UPDATE sales.orders SET total = total" -c "VACUUM sales.order_items, sales.orders"

# The psql script of one timed run: run_script LABEL ROUND, LABEL one of
#   A        niaga: normal mode, C++ row + statement triggers
#   B        PL/pgSQL: replica mode (niaga's triggers off), PL/pgSQL triggers ENABLE ALWAYS
#   C        floor: replica mode, no trigger fires
#   A_row    niaga's row trigger only (statement trigger disabled)
#   B_row    the PL/pgSQL row trigger only
# Before each run: one order in eight gets zero totals (replica mode, so
# nothing recomputes them), then VACUUM and CHECKPOINT, so that every run
# starts from the same kind of table and A and B have wrong totals to repair.
FIRST_CHECK=yes
run_script() {
    local label=$1 round=$2 verify=no
    cat <<SQL
SET session_replication_role = replica;
UPDATE sales.orders
SET subtotal = 0, discount_amount = 0, coupon_discount = 0, shipping_cost = 0, tax_amount = 0, total = 0
WHERE id < '20000000-0000-0000-0000-000000000000';
SQL
    if [ "$FIRST_CHECK" = yes ] && [ "$label" != C ]; then
        echo "SELECT bench.mismatches() AS before \\gset"
        echo "\\echo '  (zeroed one order in eight: bench.mismatches() = ' :before ')'"
        FIRST_CHECK=no
    fi
    echo "VACUUM sales.order_items, sales.orders;"
    echo "CHECKPOINT;"
    case "$label" in
        A) echo "SET session_replication_role = origin;"; verify=yes ;;
        A_row) echo "SET session_replication_role = origin;"
               echo "ALTER TABLE sales.order_items DISABLE TRIGGER order_items_updated;" ;;
        B) echo "ALTER TABLE sales.order_items ENABLE ALWAYS TRIGGER bench_order_items_total, ENABLE ALWAYS TRIGGER bench_order_items_updated;"
           verify=yes ;;
        B_row) echo "ALTER TABLE sales.order_items ENABLE ALWAYS TRIGGER bench_order_items_total;" ;;
        C) ;;
    esac
    cat <<SQL
SELECT clock_timestamp() AS t0, bench.cpu_seconds() AS cpu0 \gset
UPDATE sales.order_items SET quantity = quantity;
SELECT round(extract(epoch FROM clock_timestamp() - :'t0'::timestamptz), 3) AS seconds,
       round(bench.cpu_seconds() - :cpu0, 2) AS cpu \gset
SQL
    case "$label" in
        A_row) echo "ALTER TABLE sales.order_items ENABLE TRIGGER order_items_updated;" ;;
        B | B_row) echo "ALTER TABLE sales.order_items DISABLE TRIGGER bench_order_items_total, DISABLE TRIGGER bench_order_items_updated;" ;;
    esac
    echo "SET session_replication_role = origin;"
    if [ "$verify" = yes ]; then
        cat <<SQL
SELECT bench.mismatches() AS mismatches \\gset
INSERT INTO bench.timings VALUES ('$label', $round, :seconds, :cpu, :mismatches);
\\echo '  round $round $label:' :seconds 's (backend CPU' :cpu 's); orders whose totals differ from §5 after it:' :mismatches
SQL
    else
        cat <<SQL
INSERT INTO bench.timings VALUES ('$label', $round, :seconds, :cpu, NULL);
\\echo '  round $round $label:' :seconds 's (backend CPU' :cpu 's)'
SQL
    fi
}
run() {
    run_script "$@" >"$WORK/run.sql"  # not a pipe: run_script updates FIRST_CHECK
    "${PSQL[@]}" -f "$WORK/run.sql"
}

echo "== UPDATE sales.order_items SET quantity = quantity: $((ORDERS * 10)) lines, $ORDERS orders =="
echo "   triggers on sales.order_items: $("${PSQL[@]}" -Atc "SELECT string_agg(tgname, ', ' ORDER BY tgname) FROM pg_trigger WHERE tgrelid = 'sales.order_items'::regclass AND NOT tgisinternal")"
for round in $(seq 1 "$ROUNDS"); do
    # Rotate the order of the runs from round to round.
    labels=(A B C)
    [ "$BREAKDOWN" = no ] || labels+=(A_row B_row)
    for k in $(seq 0 $((${#labels[@]} - 1))); do
        run "${labels[$(((round - 1 + k) % ${#labels[@]}))]}" "$round"
    done
done
bad=$("${PSQL[@]}" -Atc "SELECT count(*) FROM bench.timings WHERE mismatches <> 0")
[ "$bad" -eq 0 ] || die "$bad runs left orders whose totals differ from the §5 computation"

# ---------------------------------------------------------------------------
# Results
# ---------------------------------------------------------------------------

echo
echo "== Results (ratios are time ratios: below 1 means faster) =="
machine
echo "orders: $ORDERS x 10 lines; pgbench -T $SECONDS_PER_RUN; total run time $(( $(date +%s) - STARTED )) s"
"${PSQL[@]}" -f "$BENCH_DIR/totals/report.sql"
