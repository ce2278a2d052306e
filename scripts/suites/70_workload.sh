# shellcheck shell=bash
# Suite "workload": a randomized business workload from many clients for a
# fixed time (test/workload: receive, shop, pay, fulfil, deliver, cancel,
# refund, transfers, payouts, expiry), then niaga.check_invariants() and the
# other checks of test/workload/check.sql; no backend may crash. Then the
# crash test (its own count line, "crash"): the same workload, one backend
# killed with SIGKILL in the middle of it (PostgreSQL restarts every backend
# and recovers), after which the invariants must hold and the store must
# take the workload again.
# Sourced by scripts/test.sh, which provides count, need_server, PSQL, WORK,
# NIAGA_ROOT and the server helpers of scripts/common.sh.

WORKLOAD_DIR=$NIAGA_ROOT/test/workload
# Short by default; NIAGA_LONG=1 runs more clients for longer and kills more
# often. Each can be set on its own.
if [ "${NIAGA_LONG:-}" = 1 ]; then
    : "${NIAGA_WORKLOAD_CLIENTS:=32}" "${NIAGA_WORKLOAD_SECONDS:=300}" "${NIAGA_CRASH_KILLS:=3}"
else
    : "${NIAGA_WORKLOAD_CLIENTS:=8}" "${NIAGA_WORKLOAD_SECONDS:=25}" "${NIAGA_CRASH_KILLS:=1}"
fi

# Loads the workload's store and steps into DATABASE (made before).
workload_prepare() {  # DATABASE LOG
    "${PSQL[@]}" -d "$1" -f "$WORKLOAD_DIR/setup.sql" >>"$2" 2>&1
}

# Runs the mix from CLIENTS clients for SECONDS; pgbench's output goes to
# LOG. Fails when pgbench fails (a client aborted on an unexpected error) or
# counts a failed transaction (a deadlock: pgbench 15 still exits 0 then).
workload_run() {  # DATABASE CLIENTS SECONDS LOG
    local status=0
    timeout $(($3 + 120)) "$PG_BIN/pgbench" -n -c "$2" -j 2 -T "$3" -f "$WORKLOAD_DIR/script.sql" "$1" \
        >"$4" 2>&1 || status=$?
    [ "$status" -eq 0 ] && ! grep -qE '^number of failed transactions: [1-9]' "$4"
}

# "N transactions, T tps" of a pgbench log.
workload_figures() {  # LOG
    local transactions tps
    transactions=$(sed -n 's/^number of transactions actually processed: \([0-9]*\).*/\1/p' "$1")
    tps=$(sed -n 's/^tps = \([0-9]*\).*/\1/p' "$1")
    echo "${transactions:-0} transactions, ${tps:-0} tps"
}

# Reads assertion lines on standard input ("ok …" passes; anything else is
# shown and fails) into the caller's ok and bad.
tally() {
    local line
    while IFS= read -r line; do
        case "$line" in
            "ok "*) ok=$((ok + 1)) ;;
            *) echo "--- $line"; bad=$((bad + 1)) ;;
        esac
    done
}

# Runs the .sql check files on DATABASE; every row is an assertion.
workload_checks() {  # DATABASE FILE...
    local database=$1 file
    shift
    for file in "$@"; do
        tally < <("${PSQL[@]}" -d "$database" -At -f "$file" 2>&1)
    done
}

# A backend of DATABASE that pgbench is using and that is running a
# statement right now; empty when none is found within about five seconds.
busy_backend() {  # DATABASE
    local tries pid
    for tries in $(seq 100); do
        pid=$("${PSQL[@]}" -d postgres -At -c "SELECT pid FROM pg_stat_activity
            WHERE datname = '$1' AND application_name = 'pgbench' AND state = 'active'
            ORDER BY random() LIMIT 1" 2>/dev/null || true)
        [ -n "$pid" ] && { echo "$pid"; return; }
        sleep 0.05
    done
}

suite_workload() {
    say "workload: $NIAGA_WORKLOAD_CLIENTS clients for ${NIAGA_WORKLOAD_SECONDS}s"
    need_server
    local log="$WORK/workload.log" ok=0 bad=0 crashes
    crashes=$(server_crashes)
    create_database niaga_workload
    workload_prepare niaga_workload "$WORK/workload-setup.log" \
        || { cat "$WORK/workload-setup.log"; count workload 0 1; return; }
    if workload_run niaga_workload "$NIAGA_WORKLOAD_CLIENTS" "$NIAGA_WORKLOAD_SECONDS" "$log"; then
        ok=$((ok + 1))
    else
        echo "--- pgbench failed:"
        grep -E 'aborted|ERROR|failed transactions|deadlock' "$log" | head -20
        bad=$((bad + 1))
    fi
    say "workload: $NIAGA_WORKLOAD_CLIENTS clients, ${NIAGA_WORKLOAD_SECONDS}s: $(workload_figures "$log")"
    workload_checks niaga_workload "$WORKLOAD_DIR/check.sql" "$WORKLOAD_DIR/coverage.sql"
    if [ "$(server_crashes)" -eq "$crashes" ]; then
        ok=$((ok + 1))
    else
        echo "--- a backend crashed during the workload:"
        grep -B2 -A2 'terminated by signal' "$PGHOST/server.log" | tail -20
        bad=$((bad + 1))
    fi
    count workload "$ok" "$bad"
    crash_recovery
}

# The crash test: NIAGA_CRASH_KILLS times, the workload runs and one of its
# backends is killed with SIGKILL mid-statement; the server restarts every
# backend and recovers; then the checks must pass and exactly that backend
# must be the one that died. Finally the recovered store takes the workload
# again without a failure.
crash_recovery() {
    say "crash: SIGKILL a backend in the middle of the workload, $NIAGA_CRASH_KILLS time(s)"
    local ok=0 bad=0 round crashes pgbench victim log
    create_database niaga_crash
    workload_prepare niaga_crash "$WORK/crash-setup.log" \
        || { cat "$WORK/crash-setup.log"; count crash 0 1; return; }
    for round in $(seq "$NIAGA_CRASH_KILLS"); do
        log="$WORK/crash-$round.log"
        crashes=$(server_crashes)
        workload_run niaga_crash "$NIAGA_WORKLOAD_CLIENTS" 60 "$log" &
        pgbench=$!
        # Let the store fill up a little, at a different moment each round.
        sleep $((3 + RANDOM % 4))
        victim=$(busy_backend niaga_crash)
        if [ -z "$victim" ]; then
            echo "--- round $round: no busy pgbench backend to kill"
            tail -5 "$log"
            bad=$((bad + 1))
            kill "$pgbench" 2>/dev/null || true
            wait "$pgbench" || true
            continue
        fi
        as_root kill -KILL "$victim"
        # Every client loses its connection, so pgbench ends with an error.
        wait "$pgbench" || true
        await_server || { echo "--- round $round: the server did not come back"; bad=$((bad + 1)); break; }
        say "crash: round $round: killed backend $victim; recovered with $("${PSQL[@]}" -d niaga_crash -At \
            -c 'SELECT count(*) FROM sales.orders') orders"
        if [ "$(server_crashes)" -eq $((crashes + 1)) ] \
            && grep -q "server process (PID $victim) was terminated by signal 9" "$PGHOST/server.log"; then
            ok=$((ok + 1))
        else
            echo "--- round $round: expected exactly the killed backend $victim to die:"
            grep 'terminated by signal' "$PGHOST/server.log" | tail -5
            bad=$((bad + 1))
        fi
        workload_checks niaga_crash "$WORKLOAD_DIR/check.sql"
    done
    # The recovered store works: a short run after the last recovery.
    crashes=$(server_crashes)
    if workload_run niaga_crash "$NIAGA_WORKLOAD_CLIENTS" 5 "$WORK/crash-after.log" \
        && [ "$(server_crashes)" -eq "$crashes" ]; then
        ok=$((ok + 1))
    else
        echo "--- the workload after recovery failed:"
        grep -E 'aborted|ERROR|failed transactions' "$WORK/crash-after.log" | head -10
        bad=$((bad + 1))
    fi
    workload_checks niaga_crash "$WORKLOAD_DIR/check.sql"
    count crash "$ok" "$bad"
}
