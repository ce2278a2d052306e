# shellcheck shell=bash
# Suite "badinput": every function of the extension, found in the catalog,
# called with NULL and boundary values in each argument (test/badinput).
# A call must return (leaving the invariants intact) or raise an allowed
# SQLSTATE (badinput.allowed: class NG, 22, 23, 42, P0002, 55000) and leave
# every table as it was; no backend may crash and no call may hang. One test
# per function swept, one for the server log.
# Sourced by scripts/test.sh, which provides count, need_server, PSQL, WORK,
# NIAGA_ROOT and the server helpers of scripts/common.sh.

BADINPUT_DIR=$NIAGA_ROOT/test/badinput

# Runs every call not run yet, one transaction each. When the run stops
# early, the first call without an outcome stopped it: it crashed the
# backend, hung past the statement timeout, or broke the driver.
badinput_run() {  # DATABASE LOG
    local script="$WORK/badinput-calls.sql" stops=0 crashes outcome
    while [ "$stops" -lt 20 ]; do
        "${PSQL[@]}" -d "$1" -At -c "SELECT format('SELECT badinput.try(%s);', id)
            FROM badinput.calls WHERE outcome IS NULL ORDER BY id" >"$script"
        [ -s "$script" ] || return 0
        crashes=$(server_crashes)
        PGOPTIONS='-c statement_timeout=30s' timeout 1200 "${PSQL[@]}" -d "$1" -f "$script" >>"$2" 2>&1 && return 0
        stops=$((stops + 1))
        await_server || return 1
        if [ "$(server_crashes)" -ne "$crashes" ]; then
            outcome=crash
        elif tail -3 "$2" | grep -q 'statement timeout'; then
            outcome=hang
        else
            outcome='driver error'
        fi
        "${PSQL[@]}" -d "$1" -c "UPDATE badinput.calls SET outcome = '$outcome'
            WHERE id = (SELECT min(id) FROM badinput.calls WHERE outcome IS NULL)" >/dev/null
    done
}

suite_badinput() {
    say "badinput: every function of the extension, NULL and boundary values in each argument"
    need_server
    local log="$WORK/badinput.log" db=niaga_badinput crashes ok bad
    crashes=$(server_crashes)
    create_database "$db"
    "${PSQL[@]}" -d "$db" -f "$NIAGA_ROOT/scripts/demo-data.sql" -f "$BADINPUT_DIR/fixture.sql" \
        -f "$BADINPUT_DIR/sweep.sql" >"$log" 2>&1 || { tail -20 "$log"; count badinput 0 1; return; }
    badinput_run "$db" "$log" || { echo "--- the server did not come back"; count badinput 0 1; return; }
    # The figures: calls per function and outcomes by SQLSTATE.
    "${PSQL[@]}" -d "$db" -At -F ' ' -c "SELECT 'badinput: ' || count(DISTINCT function) || ' functions, '
            || count(*) || ' calls: ' || count(*) FILTER (WHERE outcome = 'ok') || ' returned, '
            || count(*) FILTER (WHERE outcome = 'error') || ' raised'
        FROM badinput.calls" \
        -c "SELECT 'badinput: ' || string_agg(state || ' ' || n, ', ' ORDER BY n DESC, state)
        FROM (SELECT coalesce(sqlstate, outcome) AS state, count(*) AS n FROM badinput.calls GROUP BY 1) s" >&2
    # Every call that did not pass, then one test per function.
    "${PSQL[@]}" -d "$db" -At -F ' | ' -c "SELECT function, label, problem, coalesce(sqlstate || ': ' || message, '')
        FROM badinput.verdict WHERE problem IS NOT NULL ORDER BY id LIMIT 40"
    read -r ok bad < <("${PSQL[@]}" -d "$db" -At -F ' ' -c "SELECT count(*) FILTER (WHERE passed),
            count(*) FILTER (WHERE NOT passed)
        FROM (SELECT function, bool_and(problem IS NULL) AS passed FROM badinput.verdict GROUP BY function) f")
    [ "$ok" -gt 0 ] || { echo "--- no function was swept"; bad=$((bad + 1)); }
    if [ "$(server_crashes)" -eq "$crashes" ]; then
        ok=$((ok + 1))
    else
        grep -B2 -A2 'terminated by signal' "$PGHOST/server.log" | tail -20
        bad=$((bad + 1))
    fi
    count badinput "$ok" "$bad"
}
