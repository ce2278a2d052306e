#!/usr/bin/env bash
# niaga benchmark: the randomized business mix, measured, not asserted.
# One transaction = one business step of test/workload/script.sql (the test
# suite's workload, reused as it is: shop, pay, fulfil, deliver, receive,
# cancel, refund, transfer, payout, expire, drawn at random), on the
# workload's store (test/workload/setup.sql). niaga only: there is no floor
# or PL/pgSQL version of the whole mix, so its table has no ratios.
# Afterwards the workload's own checks (test/workload/check.sql) must pass.
#
#   bench/mix.sh [--seconds S] [--rounds R] [--clients "1 2 4"]
#
#   --seconds S   pgbench -T of one run (default 3)
#   --rounds R    rounds per client count (default 4); medians are reported
#   --clients L   client counts (default "1 2 4"; pgbench -j 2, or 1 for 1 client)
#
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

WORKLOAD_DIR="$NIAGA_ROOT/test/workload"
SECONDS_PER_RUN=3
ROUNDS=4
CLIENT_COUNTS="1 2 4"
VARIANTS=(niaga)
WIDTH=8
FLOOR_TABLES=()
VACUUM_TABLES=""
NSKUS=0

usage() { sed -n '10,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds clients" "$@"
[ -f "$WORKLOAD_DIR/script.sql" ] || die "no test/workload/script.sql: the randomized workload is not in this tree"
bench_start mix
SUITE_DIR="$WORK"
cp "$WORKLOAD_DIR/script.sql" "$WORK/niaga.pgbench"

say "creating $DB: niaga and the workload's store (test/workload/setup.sql)"
create_database "$DB"
"${PSQL[@]}" -f "$WORKLOAD_DIR/setup.sql" >"$WORK/setup.log" 2>&1 || { cat "$WORK/setup.log" >&2; die "test/workload/setup.sql failed"; }
bench_warm_up 300
LOAD_AT_START=$(bench_load)

bench_rounds
"${PSQL[@]}" -At -f "$WORKLOAD_DIR/check.sql" >"$WORK/check.log" 2>&1
checks=$(grep -c '^ok' "$WORK/check.log" || true)
! grep -qv '^ok' "$WORK/check.log" || { cat "$WORK/check.log" >&2; die "test/workload/check.sql failed after the runs"; }
bench_suite_report "bench/mix.sh: the randomized business mix of test/workload (niaga only)" \
    "$("${PSQL[@]}" -Atc "SELECT count(*) FROM sales.orders") orders; test/workload/check.sql: $checks checks ok; invariants hold"
