# shellcheck shell=bash
# Suite "fuzz": sqlsmith against the demo store. NIAGA_LONG=1 runs the long
# variant: more queries, several seeds, bounded in time.
# Sourced by scripts/test.sh, which provides count, need_server, PSQL, WORK,
# NIAGA_ROOT and the server helpers of scripts/common.sh. The two helpers
# below serve the other suites that must not crash a backend (badinput,
# workload) too.

# How many times the server log says a server process died of a signal.
server_crashes() {
    grep -c 'terminated by signal' "$PGHOST/server.log" || true
}

# Waits until the server accepts connections again (after a crash restart).
await_server() {
    local tries
    for tries in $(seq 120); do
        "${PSQL[@]}" -d postgres -c 'SELECT 1' >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    return 1
}

# sqlsmith generates random queries over every table and function (as the
# superuser, so niaga's functions get every kind of argument). Errors are
# expected; a backend crash — which restarts every connection — is not.
suite_fuzz() {
    local queries=${NIAGA_FUZZ_QUERIES:-1500} seconds=300 seeds=(2026)
    if [ "${NIAGA_LONG:-}" = 1 ]; then
        queries=${NIAGA_FUZZ_QUERIES:-20000} seconds=1200 seeds=(2026 7 4242)
    fi
    say "fuzz: sqlsmith, $queries queries for each of the seeds ${seeds[*]}, at most ${seconds}s each"
    need_server
    create_database niaga_fuzz
    "${PSQL[@]}" -d niaga_fuzz -f "$NIAGA_ROOT/scripts/demo-data.sql" >/dev/null
    local crashes seed ok=0 bad=0 started
    for seed in "${seeds[@]}"; do
        crashes=$(server_crashes)
        started=$SECONDS
        timeout "$seconds" sqlsmith --target="host=$PGHOST port=$PGPORT user=$PGUSER dbname=niaga_fuzz" \
            --seed="$seed" --max-queries="$queries" --exclude-catalog >"$WORK/fuzz-$seed.log" 2>&1 || true
        say "fuzz: seed $seed ran for $((SECONDS - started))s"
        if [ "$(server_crashes)" -eq "$crashes" ] && await_server; then
            ok=$((ok + 1))
        else
            grep -B2 -A2 'terminated by signal' "$PGHOST/server.log" | tail -20
            bad=$((bad + 1))
            await_server || true
        fi
    done
    count fuzz "$ok" "$bad"
}
