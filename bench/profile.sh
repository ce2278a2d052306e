#!/usr/bin/env bash
# Where a checkout's CPU time goes inside the server: perf record of the
# backend that serves one pgbench client running bench/checkout's niaga
# and plpgsql scripts, then perf report by shared object (postgres, niaga.so,
# plpgsql.so, libc, the kernel) and by function, and the sequential scans the
# run made (pg_stat_user_tables).
#
#   bench/profile.sh [--seconds S]
#
#   --seconds S   pgbench -T per variant (default 10); perf samples all but
#                 the first second of it at 999 Hz
#
# Needs perf (Debian: linux-perf) and root or perf_event_paranoid <= 1.
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/checkout"
SECONDS_PER_RUN=10
FLOOR_TABLES=("${CHECKOUT_TABLES[@]}")
PLPGSQL_TRIGGERS=("${PLPGSQL_ORDER_TRIGGERS[@]}" "${PLPGSQL_STOCK_TRIGGERS[@]}")

usage() { sed -n '7,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds" "$@"
command -v perf >/dev/null || die "perf is not installed (Debian: linux-perf)"
bench_start profile
bench_checkout_database
bench_skus
bench_warm_up 1000
LOAD_AT_START=$(bench_load)

bench_report_head "bench/profile.sh: perf profile of the backend serving a checkout client"
for variant in niaga plpgsql; do
    set_triggers "$variant"
    "${PSQL[@]}" -c "SELECT pg_stat_reset()" >/dev/null
    "$PG_BIN/pgbench" -n -M prepared -c 1 -j 1 -T "$SECONDS_PER_RUN" -D nskus="$NSKUS" \
        -f "$SUITE_DIR/$variant.pgbench" "$DB" >"$WORK/pgbench-$variant.log" 2>&1 &
    pgbench_pid=$!
    sleep 1
    backend=$("${PSQL[@]}" -Atc "SELECT pid FROM pg_stat_activity WHERE application_name = 'pgbench' LIMIT 1")
    [ -n "$backend" ] || die "no pgbench backend found"
    perf record -F 999 -g -o "$WORK/perf-$variant.data" -p "$backend" -- sleep $((SECONDS_PER_RUN - 2)) \
        >/dev/null 2>"$WORK/perf-$variant.log" || { cat "$WORK/perf-$variant.log" >&2; die "perf record failed"; }
    wait "$pgbench_pid" || { cat "$WORK/pgbench-$variant.log" >&2; die "pgbench $variant failed"; }
    set_triggers niaga
    echo
    echo "== $variant.pgbench: $(sed -n 's/^tps = \([0-9.]*\) .*/\1/p' "$WORK/pgbench-$variant.log") tps; samples by shared object (self time) =="
    perf report -i "$WORK/perf-$variant.data" --no-children --sort dso --stdio -g none 2>/dev/null \
        | grep -v '^#' | grep -v '^$' | sed -n '1,12p'
    echo "-- top functions (self time) --"
    perf report -i "$WORK/perf-$variant.data" --no-children --sort dso,symbol --stdio -g none 2>/dev/null \
        | grep -v '^#' | grep -v '^$' | sed 's/ *- *- *$//' | sed -n '1,25p'
    echo "-- sequential scans during the run (pg_stat_user_tables) --"
    "${PSQL[@]}" -P footer=off -c "SELECT pg_stat_force_next_flush()" -c "
        SELECT schemaname || '.' || relname AS table_name, seq_scan, seq_tup_read, idx_scan, n_live_tup
        FROM pg_stat_user_tables WHERE seq_scan > 0 ORDER BY seq_tup_read DESC LIMIT 8" | sed 1,3d
done
