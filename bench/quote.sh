#!/usr/bin/env bash
# niaga benchmark: sales.quote throughput (SPEC §5), measured, not asserted.
# One transaction = SELECT * FROM sales.quote(cart, 'standard') on a 10-line
# cart with coupon RAYA10 (bench/totals/carts.sql, cart 1); beside it, in the
# same run, bench_plpgsql.quote (bench/totals/plpgsql.sql) and the floor:
# the cart's lines summed at current prices in one SELECT, no rule. See
# bench/README.md (the in-server per-call timing is bench/run.sh totals).
#
#   bench/quote.sh [--seconds S] [--rounds R] [--clients "1 2 4"]
#
#   --seconds S   pgbench -T of one run (default 3)
#   --rounds R    rounds of every variant at one client count, back to back,
#                 the order rotating (default 4); medians are reported
#   --clients L   client counts (default "1 2 4"; pgbench -j 2, or 1 for 1 client)
#
# Before any timing, both quotes must agree on 4 carts x 4 shipping choices.
# Starts its own throwaway server (temporary folder, random port) and always
# stops it. Uses the niaga extension already installed (no build, no install).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

SUITE_DIR="$NIAGA_ROOT/bench/totals"
SCRIPT_PREFIX=quote_
SECONDS_PER_RUN=3
ROUNDS=4
CLIENT_COUNTS="1 2 4"
VARIANTS=(floor plpgsql niaga)
WIDTH=8
FLOOR_TABLES=()  # read only: no trigger to switch
VACUUM_TABLES="sales.carts, sales.cart_items"
NSKUS=0
PGBENCH_DEFINES=(cart=70000000-0000-0000-0000-000000000001)

usage() { sed -n '9,15p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds clients" "$@"
bench_start quote

say "creating $DB: niaga, the demo store, the bench carts, bench_plpgsql.quote"
bench_create_database
"${PSQL[@]}" -f "$SUITE_DIR/carts.sql" -f "$SUITE_DIR/plpgsql.sql" -v clk_tck="$(getconf CLK_TCK)" \
    -f "$SUITE_DIR/schema.sql" >/dev/null
"${PSQL[@]}" -f "$SUITE_DIR/quote_check.sql" >"$WORK/quote_check.log"
differ=$("${PSQL[@]}" -Atc "SELECT count(*) FROM bench.quote_comparison WHERE NOT same")
[ "$differ" -eq 0 ] || { cat "$WORK/quote_check.log" >&2; die "sales.quote and bench_plpgsql.quote disagree on $differ quotes"; }
"${PSQL[@]}" -c "ANALYZE"
LOAD_AT_START=$(bench_load)

bench_rounds
bench_suite_report "bench/quote.sh: sales.quote on a 10-line cart with RAYA10 vs PL/pgSQL vs the plain-SQL floor" \
    "both quotes agree on $("${PSQL[@]}" -Atc "SELECT count(*) FROM bench.quote_comparison") cart x shipping cases"
