#!/usr/bin/env bash
# Every niaga benchmark in one command, bounded in time: throughput at 1, 2
# and 4 clients beside the plain-SQL floor and the PL/pgSQL implementation,
# the growth curves, the src/core micro-benchmarks, a results table and the
# plots. See BENCHMARKS.md for the method and the figures.
#
#   bench/run-all.sh [--seconds S] [--rounds R]
#
#   --seconds S   pgbench -T of one run (default 2; 5 with NIAGA_BENCH_LONG=1)
#   --rounds R    interleaved rounds per point (default 3; 5 long)
#
# NIAGA_BENCH_LONG=1 is the long mode: longer runs, more rounds, more
# orders, and niaga.check_invariants() up to 1,000,000 orders (the default
# stops at 100,000). The default run takes about 15 minutes on the 2-core
# machine.
#
# Runs, each on its own throwaway server (each also runnable alone):
#   checkout.sh  cart + 3 x add_to_cart + place_order (RAYA10), --breakdown
#   stock.sh     a 3-line order + reserve_order ("reservation")
#   quote.sh     sales.quote of a 10-line cart
#   recompute.sh one order's 10 lines updated, its totals recomputed
#   accrual.sh   agent.accrue_commissions at upline depth 5
#   mix.sh       the randomized mix of test/workload (niaga only)
#   growth.sh    lines 1/10/100, warehouses 1/10/50, check_invariants by orders
#   agents.sh    accrual by upline depth 1/5/20 (in-server timing)
#   profile.sh   perf profile of the backend serving a checkout (when perf works)
#   niaga_core_bench  Google Benchmark of src/core (CMake, Release build)
# Writes bench/results/ (every report, the raw results, summary.txt) and
# bench/plots/throughput.png and growth.png (gnuplot; the Debian package
# gnuplot-nox is installed when missing, as is libbenchmark-dev).
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BENCH_DIR="$NIAGA_ROOT/bench"
LONG=${NIAGA_BENCH_LONG:-0}
SECONDS_PER_RUN=2
ROUNDS=3
if [ "$LONG" = 1 ]; then SECONDS_PER_RUN=5; ROUNDS=5; fi

usage() { sed -n '7,14p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
bench_options "seconds rounds" "$@"
bench_require_niaga
bench_ensure_packages gnuplot-nox libbenchmark-dev cmake g++ libgtest-dev

OUT="$BENCH_DIR/results"
PLOTS="$BENCH_DIR/plots"
rm -rf "$OUT"
mkdir -p "$OUT" "$PLOTS"
export NIAGA_BENCH_EXPORT="$OUT"
LOG="$OUT/progress.log"
STARTED=$(date +%s)
echo "started $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(bench_load)" >"$OUT/load.txt"
LIBRARY="$("$PG_CONFIG" --pkglibdir)/niaga.so"
echo "library $LIBRARY, installed $(date -u -r "$LIBRARY" '+%Y-%m-%d %H:%M UTC'), md5 $(md5sum "$LIBRARY" | cut -c1-12);" \
    "tree $(git -C "$NIAGA_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)" >>"$OUT/load.txt"

# suite NAME COMMAND...: runs one benchmark script, its report into
# NAME.txt, its progress into progress.log, and the load before and after
# into load.txt.
suite() {
    local name=$1 started
    shift
    started=$(date +%s)
    say "$name: $* (report: bench/results/$name.txt)"
    echo "$name: load average before $(bench_load)" >>"$OUT/load.txt"
    "$@" >"$OUT/$name.txt" 2>>"$LOG" || { tail -30 "$LOG" >&2; die "$name failed (see bench/results/progress.log)"; }
    echo "$name: load average after $(bench_load), $(($(date +%s) - started)) s" >>"$OUT/load.txt"
}

SHORT=(--seconds "$SECONDS_PER_RUN" --rounds "$ROUNDS" --clients "1 2 4")
suite checkout "$BENCH_DIR/checkout.sh" "${SHORT[@]}" --variants "floor plpgsql niaga" --breakdown
suite reservation "$BENCH_DIR/stock.sh" "${SHORT[@]}" --variants "floor plpgsql niaga"
suite quote "$BENCH_DIR/quote.sh" "${SHORT[@]}"
suite recompute "$BENCH_DIR/recompute.sh" "${SHORT[@]}"
suite accrual "$BENCH_DIR/accrual.sh" "${SHORT[@]}" --orders "$([ "$LONG" = 1 ] && echo 2000 || echo 1000)"
if [ -f "$NIAGA_ROOT/test/workload/script.sql" ]; then
    suite mix "$BENCH_DIR/mix.sh" "${SHORT[@]}"
else
    say "mix: no test/workload in this tree, skipped"
fi
suite growth "$BENCH_DIR/growth.sh" --seconds "$SECONDS_PER_RUN" --rounds "$ROUNDS" \
    --orders "$([ "$LONG" = 1 ] && echo 3000 || echo 1000)"
suite agents "$BENCH_DIR/agents.sh" --orders "$([ "$LONG" = 1 ] && echo 2000 || echo 1000)" --rounds "$ROUNDS"

if command -v perf >/dev/null && perf record -o /dev/null -- true >/dev/null 2>&1; then
    suite profile "$BENCH_DIR/profile.sh" --seconds "$([ "$LONG" = 1 ] && echo 20 || echo 6)"
else
    say "profile: perf is not usable here (Debian: linux-perf; root or perf_event_paranoid <= 1), skipped"
fi

# src/core with Google Benchmark, built in Release in its own folder.
BUILD=${NIAGA_BENCH_BUILD:-/tmp/niaga-core-bench-$(printf '%s' "$NIAGA_ROOT" | md5sum | cut -c1-8)}
say "niaga_core_bench: building (CMake, Release, $BUILD) and running"
{ cmake -S "$NIAGA_ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release \
    && cmake --build "$BUILD" --target niaga_core_bench -j "$(nproc)"; } >>"$LOG" 2>&1 \
    || die "building niaga_core_bench failed (see bench/results/progress.log)"
"$BUILD/niaga_core_bench" --benchmark_min_time="$([ "$LONG" = 1 ] && echo 1 || echo 0.2)" \
    >"$OUT/core.txt" 2>>"$LOG" || die "niaga_core_bench failed"
echo "finished $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(bench_load), $(($(date +%s) - STARTED)) s in all" >>"$OUT/load.txt"

# ---------------------------------------------------------------------------
# The table, the plot data and the plots.
# ---------------------------------------------------------------------------
nan() { sed 's/ - / NaN /g; s/ -$/ NaN/; s/ - / NaN /g'; }
{
    echo "== niaga benchmarks: throughput (pgbench -n -M prepared, $ROUNDS rounds x $SECONDS_PER_RUN s, interleaved) =="
    sed -n '1,2p;$p' "$OUT/load.txt"
    echo
    printf '%-12s %7s %11s %11s %11s %13s %15s\n' workload clients 'floor tps' 'plpgsql tps' 'niaga tps' 'niaga/floor' 'niaga/plpgsql'
    for workload in checkout:checkout reservation:stock quote:quote recompute:recompute accrual:accrual mix:mix; do
        file="$OUT/${workload#*:}.tsv"
        [ -f "$file" ] || continue
        ratios=$(bench_ratios "$file")
        cut -d' ' -f1-4 <<<"$ratios" | nan >"$OUT/throughput-${workload%%:*}.dat"
        awk -v w="${workload%%:*}" '{ printf "%-12s %7s %11s %11s %11s %13s %15s\n", w, $1, $2, $3, $4, $5, $6 }' <<<"$ratios"
    done
    echo
    echo "niaga/floor = niaga tps / floor tps (the share of the floor's throughput; target for checkout >= 0.80);"
    echo "niaga/plpgsql = niaga tps / PL/pgSQL tps (above 1.00: niaga is faster); medians of the rounds' own ratios."
    echo
    sed -n '/^axis /,/^(x floor/p' "$OUT/growth.txt"
    echo
    sed -n '/^niaga.check_invariants/,$p' "$OUT/growth.txt"
    echo
    echo "commission accrual by upline depth (bench/agents.sh, in-server, us per order, medians):"
    echo "depth floor plpgsql loop niaga niaga/plpgsql" | awk '{ printf "%6s %10s %10s %10s %10s %14s\n", $1, $2, $3, $4, $5, $6 }'
    awk '{ printf "%6s %10s %10s %10s %10s %14s\n", $1, $2, $3, $4, $5, $6 }' "$OUT/agents.tsv"
    echo
    echo "src/core (Google Benchmark, ns per call):"
    grep '^BM_' "$OUT/core.txt" | grep -v '_RMS' | awk '{ printf "  %-28s %10s %s\n", $1, $2, $3 }'
} >"$OUT/summary.txt"
cat "$OUT/summary.txt"

# Growth curves: value floor_ms plpgsql_ms niaga_ms.
for axis in checkout-lines recompute-lines reserve-warehouses; do
    for file in "$OUT"/growth-"$axis"-*.tsv; do
        value=${file##*-}
        bench_ratios "$file" | awk -v v="${value%.tsv}" '{ print v, 1000 / $2, 1000 / $3, 1000 / $4 }'
    done | sort -n >"$OUT/growth-$axis.dat"
done
cut -d' ' -f1-5 "$OUT/agents.tsv" >"$OUT/agents.dat"
sort -n -k1,1 -k3,3 "$OUT/growth-invariants.tsv" \
    | awk '{ n[$1]++; t[$1, n[$1]] = $3 } END { for (o in n) print o, t[o, 2] }' | sort -n >"$OUT/invariants.dat"
for workload in checkout reservation quote recompute accrual mix; do
    [ -f "$OUT/throughput-$workload.dat" ] || echo "1 NaN NaN NaN" >"$OUT/throughput-$workload.dat"
done
gnuplot -e "data='$OUT'; plots='$PLOTS'" "$BENCH_DIR/plot.gp" 2>>"$LOG" || die "gnuplot failed (see bench/results/progress.log)"
say "done in $(($(date +%s) - STARTED)) s: bench/results/summary.txt, bench/plots/throughput.png, bench/plots/growth.png"
