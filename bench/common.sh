# Shared by niaga's benchmark scripts (bench/*.sh); sourced, not run.
# Brings in scripts/common.sh (the throwaway server, say, die) and adds what
# the benchmarks do alike: their options, their server and its settings, the
# head of a report, and for the pgbench suites (bench/stock.sh,
# bench/checkout.sh) the interleaved rounds, the results table and the
# pg_stat_statements breakdown.
source "$(dirname "${BASH_SOURCE[0]}")/../scripts/common.sh"

# bench_options "NAME ..." ARGUMENTS...: parses ARGUMENTS, accepting the
# options named (of --seconds S, --rounds R, --clients L, --orders N,
# --breakdown and --variants "V ..."), into SECONDS_PER_RUN, ROUNDS,
# CLIENT_COUNTS, ORDERS, BREAKDOWN=yes and VARIANTS (a subset of the
# script's, floor included); the script sets the defaults first and defines usage(), run
# on anything else. Then checks the values, in the order named.
bench_options() {
    local accepted=" $1 " name wanted_variants="" variant
    shift
    while [ $# -gt 0 ]; do
        name=${1#--}
        [[ "$1" == --* && "$accepted" == *" $name "* ]] || usage
        case "$name" in
            seconds) SECONDS_PER_RUN=${2:?}; shift 2 ;;
            rounds) ROUNDS=${2:?}; shift 2 ;;
            clients) CLIENT_COUNTS=${2:?}; shift 2 ;;
            orders) ORDERS=${2:?}; shift 2 ;;
            breakdown) BREAKDOWN=yes; shift ;;
            variants) wanted_variants=${2:?}; shift 2 ;;
            *) usage ;;
        esac
    done
    for name in $accepted; do
        case "$name" in
            seconds) [[ "$SECONDS_PER_RUN" =~ ^[1-9][0-9]*$ ]] || die "--seconds takes a positive integer" ;;
            rounds) [[ "$ROUNDS" =~ ^[1-9][0-9]*$ ]] || die "--rounds takes a positive integer" ;;
            orders) [[ "$ORDERS" =~ ^[1-9][0-9]*$ ]] || die "--orders takes a positive integer" ;;
            clients) [[ "$CLIENT_COUNTS" =~ ^[1-9][0-9]*( [1-9][0-9]*)*$ ]] || die "--clients takes positive integers" ;;
            variants)
                [ -z "$wanted_variants" ] && continue
                for variant in $wanted_variants; do
                    [[ " ${VARIANTS[*]} " == *" $variant "* ]] || die "--variants: no variant $variant (${VARIANTS[*]})"
                done
                [[ " $wanted_variants " == *" floor "* ]] || die "--variants: floor is the base of every ratio"
                read -r -a VARIANTS <<<"$wanted_variants" ;;
        esac
    done
}

# The benchmarks use the niaga extension already installed (no build, no install).
bench_require_niaga() {
    [ -f "$("$PG_CONFIG" --sharedir)/extension/niaga.control" ] \
        || die "the niaga extension is not installed (make install, or scripts/demo.sh)"
}

# bench_workspace NAME: BENCH_NAME, WORK, a temporary folder
# /tmp/niaga-bench-NAME.*, and SERVER in it; on exit (Ctrl-C and kill included) the server is stopped and
# WORK removed.
bench_workspace() {
    BENCH_NAME=$1
    WORK=$(mktemp -d "/tmp/niaga-bench-$1.XXXXXX")
    chmod 755 "$WORK"
    SERVER="$WORK/server"
    trap bench_cleanup EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
}
bench_cleanup() {
    server_stop "$SERVER"
    rm -rf "$WORK"
}

# bench_server_start ['SETTING = VALUE' ...]: starts the throwaway server in
# $SERVER on a random PORT, with the benchmark settings and those given: no
# autovacuum or timed checkpoint inside a run (the scripts vacuum and
# checkpoint between runs themselves, so every run starts alike).
bench_server_start() {
    local settings=() setting
    # The unix socket lives in our own folder, so any port is free.
    PORT=$((56000 + RANDOM % 900))
    say "starting a throwaway PostgreSQL $PG_MAJOR in $WORK (port $PORT)"
    server_start "$SERVER" "$PORT"
    for setting in "autovacuum = off" "max_wal_size = '8GB'" "$@" "checkpoint_timeout = '30min'"; do
        settings+=(-c "ALTER SYSTEM SET $setting")
    done
    "$PG_BIN/psql" -X -q -d postgres -v ON_ERROR_STOP=1 "${settings[@]}" -c "SELECT pg_reload_conf()" >/dev/null
}

# bench_start NAME: checks that niaga is installed, then WORK and SERVER
# (bench_workspace NAME), DB niaga_bench_NAME with PSQL, a psql on it, and
# the server started (bench_server_start).
bench_start() {
    bench_require_niaga
    bench_workspace "$1"
    DB=niaga_bench_$1
    PSQL=("$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d "$DB")
    bench_server_start
}

# Recreates database DB with niaga and loads the demo store into it.
bench_create_database() {
    create_database "$DB"
    "${PSQL[@]}" -f "$NIAGA_ROOT/scripts/demo-data.sql"
}

# The load average over 1, 5 and 15 minutes.
bench_load() { cut -d' ' -f1-3 /proc/loadavg; }

# bench_report_head TITLE [SETTING ...]: the head of a report: title, date,
# machine, load (LOAD_AT_START, set by the script, and now) and server, with
# the settings named.
bench_report_head() {
    local server="SELECT 'PostgreSQL ' || current_setting('server_version') || ', niaga ' || niaga.version()" setting
    for setting in "${@:2}"; do server+=" || ', $setting ' || current_setting('$setting')"; done
    echo
    echo "== $1 =="
    echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
    echo "load average at start $LOAD_AT_START, at end $(bench_load)"
    echo "server: $("${PSQL[@]}" -Atc "$server")"
}

# ---------------------------------------------------------------------------
# The pgbench suites (bench/stock.sh, bench/checkout.sh, bench/quote.sh,
# bench/recompute.sh, bench/accrual.sh). The script sets SUITE_DIR, VARIANTS,
# FLOOR_TABLES, VACUUM_TABLES and WIDTH (of the variant column), and may set
# SCRIPT_PREFIX (the variants' files are SUITE_DIR/PREFIXvariant.pgbench),
# PGBENCH_DEFINES (more -D NAME=VALUE for pgbench) and PLPGSQL_TRIGGERS
# ("table trigger" pairs); then calls bench_start, bench_skus (or sets
# NSKUS), bench_rounds and bench_suite_report. Variants: floor
# (floor.pgbench with session_replication_role = replica: no trigger
# fires, foreign keys unchecked), floor+fk (floor.pgbench with the user
# triggers of FLOOR_TABLES disabled), plpgsql (plpgsql.pgbench with niaga's
# triggers on FLOOR_TABLES disabled and the PL/pgSQL ones of
# PLPGSQL_TRIGGERS enabled; foreign keys checked) and any other name, run
# from its .pgbench file (- read as _) with niaga's triggers.
# With NIAGA_BENCH_EXPORT set to a folder, every suite also leaves its raw
# results there (NAME.tsv: variant clients round tps latency), for
# bench/run-all.sh.
# ---------------------------------------------------------------------------
SCRIPT_PREFIX=""
PGBENCH_DEFINES=()
PLPGSQL_TRIGGERS=()
BREAKDOWN=no
CHECK_INVARIANTS=yes
# The triggers of the PL/pgSQL implementation (bench/checkout/plpgsql.sql).
PLPGSQL_ORDER_TRIGGERS=("sales.orders bench_orders_before_insert" "sales.orders bench_orders_after_insert"
                        "sales.order_items bench_order_items_total" "sales.order_items bench_order_items_inserted"
                        "sales.order_items bench_order_items_updated" "sales.order_items bench_order_items_deleted")
PLPGSQL_STOCK_TRIGGERS=("inventory.stock_items bench_stock_items_guard_reserved")
# The tables a checkout writes.
CHECKOUT_TABLES=(sales.carts sales.cart_items sales.orders sales.order_items sales.order_status_history
                 sales.coupons sales.coupon_usages inventory.stock_items)

# NSKUS: the SKUs in bench.skus (bench/stock/setup.sql), 3 at least.
bench_skus() {
    NSKUS=$("${PSQL[@]}" -Atc "SELECT count(*) FROM bench.skus")
    [ "$NSKUS" -ge 3 ] || die "bench.skus has $NSKUS SKUs, 3 at least are needed"
}

# set_triggers niaga|floor+fk|plpgsql: the triggers of FLOOR_TABLES for a
# variant: niaga's (the PL/pgSQL ones off), none but the foreign keys, or
# the PL/pgSQL ones instead of niaga's.
set_triggers() {
    local table entry sql=""
    for table in "${FLOOR_TABLES[@]}"; do
        sql+="ALTER TABLE $table $([ "$1" = niaga ] && echo ENABLE || echo DISABLE) TRIGGER USER; "
    done
    for entry in "${PLPGSQL_TRIGGERS[@]}"; do
        sql+="ALTER TABLE ${entry% *} $([ "$1" = plpgsql ] && echo ENABLE || echo DISABLE) TRIGGER ${entry#* }; "
    done
    [ -z "$sql" ] || "${PSQL[@]}" -c "$sql"
}

run_variant() {  # run_variant VARIANT CLIENTS ROUND
    local variant=$1 clients=$2 round=$3 script options="" threads log tps latency
    threads=$((clients < 2 ? clients : 2))
    log="$WORK/pgbench-$variant-$clients-$round.log"
    case "$variant" in
        floor) script=floor; options="-c session_replication_role=replica" ;;
        floor+fk) script=floor; set_triggers floor+fk ;;
        plpgsql) script=plpgsql; set_triggers plpgsql ;;
        *) script=${variant//-/_} ;;
    esac
    "${PSQL[@]}" -c "VACUUM (ANALYZE) $VACUUM_TABLES" \
        -c "CHECKPOINT"
    PGOPTIONS="$options" "$PG_BIN/pgbench" -n -M prepared -c "$clients" -j "$threads" -T "$SECONDS_PER_RUN" \
        -D nskus="$NSKUS" "${PGBENCH_DEFINES[@]/#/-D}" -f "$SUITE_DIR/$SCRIPT_PREFIX$script.pgbench" "$DB" >"$log" 2>&1 \
        || { [ "$variant" = floor+fk ] || [ "$variant" = plpgsql ] && set_triggers niaga; cat "$log" >&2; die "pgbench $variant -c $clients failed"; }
    if [ "$variant" = floor+fk ] || [ "$variant" = plpgsql ]; then set_triggers niaga; fi
    tps=$(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$log")
    latency=$(sed -n 's/^latency average = \([0-9.]*\) ms$/\1/p' "$log")
    if [ -z "$tps" ] || [ -z "$latency" ] || grep -q '^number of failed transactions: [1-9]' "$log"; then
        cat "$log" >&2
        die "pgbench $variant -c $clients: no result or failed transactions"
    fi
    echo "$variant $clients $round $tps $latency" >>"$RESULTS"
    printf '==>   round %s  %-*s -c %s: %8.1f tps, mean latency %7.3f ms\n' "$round" "$WIDTH" "$variant" "$clients" "$tps" "$latency" >&2
}

# bench_warm_up N: N untimed transactions of SUITE_DIR/PREFIXniaga.pgbench at
# 1 client, then VACUUM ANALYZE. A store starts with some history: on
# nearly empty tables the planner picks sequential scans, and the plans a
# backend caches keep them while the tables grow through a run (autovacuum,
# whose ANALYZE would have them planned again, is off here).
bench_warm_up() {
    say "warm-up: $1 untimed transactions of $SCRIPT_PREFIX""niaga.pgbench, then VACUUM ANALYZE"
    "$PG_BIN/pgbench" -n -M prepared -c 1 -j 1 -t "$1" -D nskus="$NSKUS" "${PGBENCH_DEFINES[@]/#/-D}" \
        -f "$SUITE_DIR/${SCRIPT_PREFIX}niaga.pgbench" "$DB" >"$WORK/warm-up.log" 2>&1 \
        || { cat "$WORK/warm-up.log" >&2; die "the warm-up failed"; }
    "${PSQL[@]}" -c "VACUUM ANALYZE"
}

# Every variant at every client count, ROUNDS times; into RESULTS, one line a
# run: variant clients round tps latency.
bench_rounds() {
    local clients round i
    RESULTS="$WORK/results"
    : >"$RESULTS"
    say "pgbench -n -M prepared, $ROUNDS round(s) of -T $SECONDS_PER_RUN per variant and client count, interleaved"
    set_triggers niaga
    for clients in $CLIENT_COUNTS; do
        for round in $(seq "$ROUNDS"); do
            # The variants' order rotates from round to round.
            for i in $(seq 0 $((${#VARIANTS[@]} - 1))); do
                run_variant "${VARIANTS[$(((round - 1 + i) % ${#VARIANTS[@]}))]}" "$clients" "$round"
            done
        done
    done

    # The floor must have written what niaga writes: every invariant of
    # niaga.check_invariants() holds over the orders of every variant
    # (unless the suite set CHECK_INVARIANTS=no: it keeps nothing).
    local broken
    if [ "$CHECK_INVARIANTS" = no ]; then bench_export "$RESULTS" "$BENCH_NAME.tsv"; return; fi
    say "checking the data every variant wrote with niaga.check_invariants()"
    broken=$("${PSQL[@]}" -At -c "SELECT count(*) || ' broken, first: ' || min(invariant || ': ' || left(detail, 200))
                                   FROM niaga.check_invariants() HAVING count(*) > 0")
    [ -z "$broken" ] || die "invariants after the runs: $broken"
    bench_export "$RESULTS" "$BENCH_NAME.tsv"
}

# bench_export FILE NAME: a copy of FILE as NAME in NIAGA_BENCH_EXPORT, when set.
bench_export() {
    [ -z "${NIAGA_BENCH_EXPORT:-}" ] || cp "$1" "$NIAGA_BENCH_EXPORT/$2"
}

# bench_suite_report TITLE WRITTEN: the report of a pgbench suite: its head,
# the runs, WRITTEN (what they wrote), the results table and, with
# --breakdown, the breakdown.
bench_suite_report() {
    bench_report_head "$1" fsync synchronous_commit
    echo "pgbench -n -M prepared, $ROUNDS rounds x ${SECONDS_PER_RUN} s per row, variants back to back in each round$(
        [ "$NSKUS" -eq 0 ] || echo "; $NSKUS SKUs, 3 distinct a transaction, 1-3 units each")"
    echo "$2"
    echo
    bench_results_table
    if [ "$BREAKDOWN" = yes ]; then
        bench_breakdown
    fi
}

# The results table of RESULTS: medians over the rounds and the cost against
# the floor, with its legend.
bench_results_table() {
    local plpgsql=no
    [[ " ${VARIANTS[*]} " == *" plpgsql "* ]] && plpgsql=yes
    printf '%-*s %7s %10s %12s %13s   %-11s%s\n' "$WIDTH" variant clients tps 'latency ms' 'cost x floor' 'rounds' \
        "$([ $plpgsql = yes ] && echo '  cost x plpgsql')"
    awk -v variants="${VARIANTS[*]}" -v client_counts="$CLIENT_COUNTS" -v rounds="$ROUNDS" -v w="$WIDTH" -v plpgsql=$plpgsql '
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
                    q[r] = (("floor", c[i], r) in tps) ? tps["floor", c[i], r] / tps[v[k], c[i], r] : 0
                    p[r] = plpgsql == "yes" ? tps["plpgsql", c[i], r] / tps[v[k], c[i], r] : 0
                }
                mt = median(t, rounds); ml = median(l, rounds); mq = median(q, rounds)  # q is sorted now
                if (index(" " variants " ", " floor ") == 0)  # no floor: no ratios
                    printf "%-*s %7s %10.1f %12.3f %13s   %-11s", w, v[k], c[i], mt, ml, "n/a", ""
                else
                    printf "%-*s %7s %10.1f %12.3f %13.2f   %-11s", w, v[k], c[i], mt, ml, mq, sprintf("%.2f-%.2f", q[1], q[rounds])
                if (plpgsql == "yes") printf "  %14.2f", median(p, rounds)
                printf "\n"
            }
        }' "$RESULTS"
    echo
    echo "tps, latency: medians over the rounds (latency = pgbench's mean latency, lock waits included)"
    echo "cost x floor = floor tps / variant tps in the same round (1.00 = as cheap as the floor; 2.00 = half"
    echo "the throughput), median over the rounds; rounds = the lowest and highest of the rounds' ratios"
    [[ " ${VARIANTS[*]} " != *" plpgsql "* ]] \
        || echo "cost x plpgsql = plpgsql tps / variant tps in the same round, median (below 1.00: faster than PL/pgSQL)"
}

# After the timed runs: pg_stat_statements costs a little on every statement,
# so it is loaded only now. Shows, per transaction of niaga.pgbench (and of
# plpgsql.pgbench when the suite has that variant), the calls, plannings and
# time of every statement, nested ones included.
bench_breakdown() {
    local variant
    say "breakdown: restarting with pg_stat_statements, 500 transactions per variant, 1 client"
    "$PG_BIN/psql" -X -q -d postgres -v ON_ERROR_STOP=1 \
        -c "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'" >/dev/null
    server_stop "$SERVER"
    server_start "$SERVER" "$PORT"
    "${PSQL[@]}" -c "ALTER SYSTEM SET pg_stat_statements.track = 'all'" \
        -c "ALTER SYSTEM SET pg_stat_statements.track_planning = on" -c "SELECT pg_reload_conf()" >/dev/null
    "${PSQL[@]}" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" >/dev/null
    for variant in niaga plpgsql; do
        [[ " ${VARIANTS[*]} " == *" $variant "* ]] || continue
        set_triggers "$variant"
        "${PSQL[@]}" -c "SELECT pg_stat_statements_reset()" >/dev/null
        "$PG_BIN/pgbench" -n -M prepared -c 1 -j 1 -t 500 -D nskus="$NSKUS" "${PGBENCH_DEFINES[@]/#/-D}" \
            -f "$SUITE_DIR/$SCRIPT_PREFIX$variant.pgbench" "$DB" >"$WORK/breakdown.log" 2>&1 \
            || { cat "$WORK/breakdown.log" >&2; die "pgbench for the breakdown failed"; }
        set_triggers niaga
        echo
        echo "== breakdown of $SCRIPT_PREFIX$variant.pgbench (pg_stat_statements, per transaction; a statement's time"
        echo "   includes the statements it runs, nested ones are listed too; plans = plannings, 1.00 = planned on"
        echo "   every call) =="
        "${PSQL[@]}" -P footer=off -c "
            SELECT round(calls / 500.0, 2) AS calls, round(plans / 500.0, 2) AS plans,
                   round((total_plan_time / 500)::numeric, 3) AS plan_ms, round((total_exec_time / 500)::numeric, 3) AS exec_ms,
                   left(regexp_replace(query, '\s+', ' ', 'g'), 110) AS statement
            FROM pg_stat_statements
            WHERE query NOT LIKE '%pg_stat_statements%' AND calls + plans >= 500
            ORDER BY total_plan_time + total_exec_time DESC LIMIT 25"
    done
}

# The database of bench/checkout.sh and bench/profile.sh: the demo store,
# bench/stock/setup.sql, bench/checkout/setup.sql and both PL/pgSQL files.
bench_checkout_database() {
    bench_create_database
    "${PSQL[@]}" -f "$NIAGA_ROOT/bench/stock/setup.sql" -f "$NIAGA_ROOT/bench/checkout/setup.sql" \
        -f "$NIAGA_ROOT/bench/totals/plpgsql.sql" -f "$NIAGA_ROOT/bench/checkout/plpgsql.sql" >/dev/null
}

# ---------------------------------------------------------------------------
# The database of bench/recompute.sh and bench/growth.sh: the demo store,
# bench/stock/setup.sql, bench/checkout/setup.sql, both PL/pgSQL files,
# bench/totals/schema.sql and bench/growth/setup.sql.
# ---------------------------------------------------------------------------
bench_growth_database() {
    bench_checkout_database
    "${PSQL[@]}" -v clk_tck="$(getconf CLK_TCK)" -f "$NIAGA_ROOT/bench/totals/schema.sql" \
        -f "$NIAGA_ROOT/bench/growth/setup.sql" >/dev/null
}

# bench_generate_orders GROUP FIRST ORDERS LINES: orders FIRST .. FIRST +
# ORDERS - 1 of group GROUP, LINES lines each (bench/growth/orders.sql).
bench_generate_orders() {
    "${PSQL[@]}" -v group="$1" -v first="$2" -v orders="$3" -v lines="$4" \
        -f "$NIAGA_ROOT/bench/growth/orders.sql" >/dev/null
}

# bench_recompute_check LINES: same results first. The totals of the first
# 100 orders of group LINES are zeroed (replica mode), then recomputed by
# the UPDATE of bench/recompute/*.pgbench under niaga's triggers, and again
# under the PL/pgSQL ones; each time they must equal the plain-SQL §5
# computation (bench.mismatches() = 0), and after the zeroing they must not.
bench_recompute_check() {
    local variant zeroed left
    for variant in niaga plpgsql; do
        zeroed=$("${PSQL[@]}" -At -c "SET session_replication_role = replica" -c "
            UPDATE sales.orders SET subtotal = 0, discount_amount = 0, coupon_discount = 0, shipping_cost = 0,
                   tax_amount = 0, total = 0
            WHERE id IN (SELECT md5('bench-order-$1-' || g)::uuid FROM generate_series(1, 100) g)" \
            -c "SELECT bench.mismatches()")
        set_triggers "$variant"
        left=$("${PSQL[@]}" -At -c "
            UPDATE sales.order_items SET quantity = quantity
            WHERE order_id IN (SELECT md5('bench-order-$1-' || g)::uuid FROM generate_series(1, 100) g)" \
            -c "SELECT bench.mismatches()")
        set_triggers niaga
        [ "$zeroed" -ge 100 ] && [ "$left" -eq 0 ] \
            || die "recompute check ($variant, $1 lines): $zeroed orders wrong after zeroing, $left after the UPDATE"
        say "same results: $variant recomputed the 100 zeroed orders of $1 lines to the plain-SQL §5 totals"
    done
}

# bench_ratios FILE: from a results file (variant clients round tps latency),
# one line per client count: clients, the median tps of floor, plpgsql and
# niaga ("-" for a variant not run), niaga's throughput as a share of the
# floor's and niaga's speed against PL/pgSQL (niaga tps / plpgsql tps),
# each the median of the rounds' own ratios.
bench_ratios() {
    awk '
        function median(a, n,   i, j, x) {
            for (i = 2; i <= n; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
            return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
        }
        function med(v, c,   r, n, a) {
            n = 0; for (r = 1; r <= rounds; r++) if ((v, c, r) in tps) a[++n] = tps[v, c, r]
            return n ? sprintf("%.1f", median(a, n)) : "-"
        }
        function ratio(v, w, c,   r, n, a) {
            n = 0; for (r = 1; r <= rounds; r++) if ((v, c, r) in tps && (w, c, r) in tps) a[++n] = tps[v, c, r] / tps[w, c, r]
            return n ? sprintf("%.2f", median(a, n)) : "-"
        }
        { tps[$1, $2, $3] = $4; if (!($2 in seen)) { seen[$2] = 1; clients[++nc] = $2 } if ($3 > rounds) rounds = $3 }
        END {
            for (i = 1; i <= nc; i++)
                print clients[i], med("floor", clients[i]), med("plpgsql", clients[i]), med("niaga", clients[i]),
                      ratio("niaga", "floor", clients[i]), ratio("niaga", "plpgsql", clients[i])
        }' "$1"
}

# bench_ensure_packages PACKAGE...: installs whichever Debian package is
# missing, through scripts/common.sh's ensure_packages (which installs the
# list NIAGA_PACKAGES).
bench_ensure_packages() {
    local project=("${NIAGA_PACKAGES[@]}")
    NIAGA_PACKAGES=("$@")
    ensure_packages
    NIAGA_PACKAGES=("${project[@]}")
}
