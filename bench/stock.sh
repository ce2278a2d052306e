#!/usr/bin/env bash
# niaga benchmark: stock reservation throughput (SPEC §7), measured, not
# asserted. One transaction = a pending order with 3 lines by plain INSERT,
# then inventory.reserve_order; beside it, in the same run, the plain-SQL
# floor of the same writes. See bench/README-concurrency.md.
#
#   bench/stock.sh [--seconds S] [--rounds R] [--clients "1 4"] [--breakdown]
#
#   --seconds S   pgbench -T of one run (default 3)
#   --rounds R    rounds; a round runs every variant once, back to back, at
#                 one client count (default 4: 4 x 3 s = 12 s per variant
#                 and client count). Medians over the rounds are reported,
#                 and each ratio is the median of the rounds' own ratios, so
#                 a burst of load from elsewhere moves one round, not all;
#                 the variants' order rotates from round to round.
#   --clients L   client counts (default "1 4"; pgbench -j 2, or 1 for 1 client)
#   --breakdown   afterwards, restart with pg_stat_statements (track = all,
#                 track_planning) and show, per niaga transaction, the calls,
#                 plannings and time of every statement, nested ones included
#
# Variants (pgbench -n -M prepared, bench/stock/*.pgbench):
#   floor          floor.pgbench, session_replication_role = replica: no
#                  trigger fires, foreign keys unchecked. The ratios' base.
#   floor+fk       floor.pgbench, niaga's triggers disabled, foreign keys checked
#   niaga-inserts  niaga_inserts.pgbench: the order and lines with niaga's
#                  triggers, no reservation
#   niaga          niaga.pgbench: the same plus inventory.reserve_order
#
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/stock"
SECONDS_PER_RUN=3
ROUNDS=4
CLIENT_COUNTS="1 4"
BREAKDOWN=no
VARIANTS=(floor floor+fk niaga-inserts niaga)
# Tables the floor writes: with "floor+fk" their user triggers are disabled.
FLOOR_TABLES=(sales.orders sales.order_items inventory.stock_items)

usage() { sed -n '7,19p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) SECONDS_PER_RUN=${2:?}; shift 2 ;;
        --rounds) ROUNDS=${2:?}; shift 2 ;;
        --clients) CLIENT_COUNTS=${2:?}; shift 2 ;;
        --breakdown) BREAKDOWN=yes; shift ;;
        *) usage ;;
    esac
done
[[ "$SECONDS_PER_RUN" =~ ^[1-9][0-9]*$ ]] || die "--seconds takes a positive integer"
[[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive integer"
[[ "$CLIENT_COUNTS" =~ ^[1-9][0-9]*( [1-9][0-9]*)*$ ]] || die "--clients takes positive integers"
[ -f "$("$PG_CONFIG" --sharedir)/extension/niaga.control" ] \
    || die "the niaga extension is not installed (make install, or scripts/demo.sh)"

WORK=$(mktemp -d /tmp/niaga-bench-stock.XXXXXX)
chmod 755 "$WORK"
SERVER="$WORK/server"
cleanup() {
    server_stop "$SERVER"
    rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

DB=niaga_bench_stock
PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$DB")
PORT=$((56000 + RANDOM % 900))
say "starting a throwaway PostgreSQL $PG_MAJOR in $WORK (port $PORT)"
server_start "$SERVER" "$PORT"
# No autovacuum or timed checkpoint inside a run: the script vacuums and
# checkpoints before every run itself, so every variant starts alike.
"$PG_BIN/psql" -X -q -d postgres -v ON_ERROR_STOP=1 \
    -c "ALTER SYSTEM SET autovacuum = off" \
    -c "ALTER SYSTEM SET max_wal_size = '8GB'" \
    -c "ALTER SYSTEM SET checkpoint_timeout = '30min'" \
    -c "SELECT pg_reload_conf()" >/dev/null

say "creating $DB: niaga, the demo store, 10 million units of 15 SKUs"
create_database "$DB"
"${PSQL[@]}" -f "$NIAGA_ROOT/scripts/demo-data.sql"
"${PSQL[@]}" -f "$SUITE_DIR/setup.sql" >/dev/null
NSKUS=$("${PSQL[@]}" -Atc "SELECT count(*) FROM bench.skus")
[ "$NSKUS" -ge 3 ] || die "bench.skus has $NSKUS SKUs, 3 at least are needed"
LOAD_AT_START=$(cut -d' ' -f1-3 /proc/loadavg)

set_floor_triggers() {  # set_floor_triggers ENABLE|DISABLE
    local table sql=""
    for table in "${FLOOR_TABLES[@]}"; do sql+="ALTER TABLE $table $1 TRIGGER USER; "; done
    "${PSQL[@]}" -c "$sql"
}

RESULTS="$WORK/results"  # one line a run: variant clients round tps latency
: >"$RESULTS"
run_variant() {  # run_variant VARIANT CLIENTS ROUND
    local variant=$1 clients=$2 round=$3 script options="" threads log tps latency
    threads=$((clients < 2 ? clients : 2))
    log="$WORK/pgbench-$variant-$clients-$round.log"
    case "$variant" in
        floor) script=floor; options="-c session_replication_role=replica" ;;
        floor+fk) script=floor; set_floor_triggers DISABLE ;;
        niaga-inserts) script=niaga_inserts ;;
        niaga) script=niaga ;;
    esac
    "${PSQL[@]}" -c "VACUUM (ANALYZE) sales.orders, sales.order_items, sales.order_status_history, inventory.stock_items" \
        -c "CHECKPOINT"
    PGOPTIONS="$options" "$PG_BIN/pgbench" -n -M prepared -c "$clients" -j "$threads" -T "$SECONDS_PER_RUN" \
        -D nskus="$NSKUS" -f "$SUITE_DIR/$script.pgbench" "$DB" >"$log" 2>&1 \
        || { cat "$log" >&2; die "pgbench $variant -c $clients failed"; }
    [ "$variant" = floor+fk ] && set_floor_triggers ENABLE
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log")
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$log")
    if [ -z "$tps" ] || [ -z "$latency" ] || grep -q '^number of failed transactions: [1-9]' "$log"; then
        cat "$log" >&2
        die "pgbench $variant -c $clients: no result or failed transactions"
    fi
    echo "$variant $clients $round $tps $latency" >>"$RESULTS"
    printf '==>   round %s  %-14s -c %s: %8.1f tps, mean latency %7.3f ms\n' "$round" "$variant" "$clients" "$tps" "$latency" >&2
}

say "pgbench -n -M prepared, $ROUNDS round(s) of -T $SECONDS_PER_RUN per variant and client count, interleaved"
for clients in $CLIENT_COUNTS; do
    for round in $(seq "$ROUNDS"); do
        # The variants' order rotates from round to round.
        for i in $(seq 0 $((${#VARIANTS[@]} - 1))); do
            run_variant "${VARIANTS[$(((round - 1 + i) % ${#VARIANTS[@]}))]}" "$clients" "$round"
        done
    done
done

# The floor must have written what niaga writes: every invariant of
# niaga.check_invariants() holds over the orders of every variant.
say "checking the data every variant wrote with niaga.check_invariants()"
broken=$("${PSQL[@]}" -At -c "SELECT count(*) || ' broken, first: ' || min(invariant || ': ' || left(detail, 200))
                               FROM niaga.check_invariants() HAVING count(*) > 0")
[ -z "$broken" ] || die "invariants after the runs: $broken"
read -r orders reserved unreserved < <("${PSQL[@]}" -At -F ' ' -c \
    "SELECT count(*), count(*) FILTER (WHERE reserved_at IS NOT NULL),
            count(*) FILTER (WHERE reserved_at IS NULL AND order_number LIKE 'ORD-%') FROM sales.orders")

echo
echo "== bench/stock.sh: order of 3 lines + inventory.reserve_order vs the plain-SQL floor =="
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "load average at start $LOAD_AT_START, at end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "server: $("${PSQL[@]}" -Atc "SELECT 'PostgreSQL ' || current_setting('server_version') || ', niaga ' || niaga.version() || ', fsync ' || current_setting('fsync') || ', synchronous_commit ' || current_setting('synchronous_commit')")"
echo "pgbench -n -M prepared, $ROUNDS rounds x ${SECONDS_PER_RUN} s per row, variants back to back in each round; $NSKUS SKUs, 3 distinct a transaction, 1-3 units each"
echo "orders written: $orders ($reserved reserved, $unreserved by niaga-inserts); invariants hold"
echo
printf '%-14s %7s %10s %12s %13s   %s\n' variant clients tps 'latency ms' 'cost x floor' 'rounds'
awk -v variants="${VARIANTS[*]}" -v client_counts="$CLIENT_COUNTS" -v rounds="$ROUNDS" -v w=14 '
    function median(a, n,   i, j, x) {  # sorts a[1..n]
        for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    { tps[$1, $2, $3] = $4; latency[$1, $2, $3] = $5 }
    END {
        nv = split(variants, v, " "); nc = split(client_counts, c, " ")
        for (i = 1; i <= nc; i++) for (k = 1; k <= nv; k++) {
            for (r = 1; r <= rounds; r++) {
                t[r] = tps[v[k], c[i], r]; l[r] = latency[v[k], c[i], r]
                q[r] = tps["floor", c[i], r] / tps[v[k], c[i], r]
            }
            mt = median(t, rounds); ml = median(l, rounds); mq = median(q, rounds)  # q is sorted now
            printf "%-*s %7s %10.1f %12.3f %13.2f   %.2f-%.2f\n", w, v[k], c[i], mt, ml, mq, q[1], q[rounds]
        }
    }' "$RESULTS"
echo
echo "tps, latency: medians over the rounds (latency = pgbench's mean latency, lock waits included)"
echo "cost x floor = floor tps / variant tps in the same round (1.00 = as cheap as the floor; 2.00 = half"
echo "the throughput), median over the rounds; rounds = the lowest and highest of the rounds' ratios"

if [ "$BREAKDOWN" = yes ]; then
    # After the timed runs: pg_stat_statements costs a little on every
    # statement, so it is loaded only now.
    say "breakdown: restarting with pg_stat_statements, 500 transactions of niaga.pgbench, 1 client"
    "$PG_BIN/psql" -X -q -d postgres -v ON_ERROR_STOP=1 \
        -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
    server_stop "$SERVER"
    server_start "$SERVER" "$PORT"
    "${PSQL[@]}" -c "ALTER SYSTEM SET pg_stat_statements.track = 'all'" \
        -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
    "${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "SELECT pg_stat_statements_reset()" >/dev/null
    "$PG_BIN/pgbench" -n -M prepared -c 1 -j 1 -t 500 -D nskus="$NSKUS" -f "$SUITE_DIR/niaga.pgbench" "$DB" \
        >"$WORK/breakdown.log" 2>&1 || { cat "$WORK/breakdown.log" >&2; die "pgbench for the breakdown failed"; }
    echo
    echo "== breakdown of niaga.pgbench (pg_stat_statements, per transaction; a statement's time includes the"
    echo "   statements it runs, nested ones are listed too; plans = plannings, 1.00 = planned on every call) =="
    "${PSQL[@]}" -P footer=off -c "
        SELECT round(calls / 500.0, 2) AS calls, round(plans / 500.0, 2) AS plans,
               round((total_plan_time / 500)::numeric, 3) AS plan_ms, round((total_exec_time / 500)::numeric, 3) AS exec_ms,
               left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
        FROM pg_stat_statements
        WHERE query NOT LIKE '%pg_stat_statements%' AND calls + plans >= 500
        ORDER BY total_plan_time + total_exec_time DESC LIMIT 25"
fi
