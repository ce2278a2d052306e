# shellcheck shell=bash
# Suite "fuzz": sqlsmith against the demo store.
# Sourced by scripts/test.sh, which provides count, need_server, PSQL, WORK,
# NIAGA_ROOT and the server helpers of scripts/common.sh.

# sqlsmith generates random queries over every table and function (as the
# superuser, so niaga's functions get every kind of argument). Errors are
# expected; a backend crash — which restarts every connection — is not.
suite_fuzz() {
    say "fuzz: sqlsmith, ${NIAGA_FUZZ_QUERIES:-1500} queries"
    need_server
    create_database niaga_fuzz
    "${PSQL[@]}" -d niaga_fuzz -f "$NIAGA_ROOT/scripts/demo-data.sql" >/dev/null
    local log="$PGHOST/server.log" before after
    before=$(grep -c 'terminated by signal' "$log" || true)
    timeout 300 sqlsmith --target="host=$PGHOST port=$PGPORT user=$PGUSER dbname=niaga_fuzz" --seed=2026 \
        --max-queries="${NIAGA_FUZZ_QUERIES:-1500}" --exclude-catalog >"$WORK/fuzz.log" 2>&1 || true
    after=$(grep -c 'terminated by signal' "$log" || true)
    if [ "$after" -eq "$before" ] && "${PSQL[@]}" -d niaga_fuzz -c 'SELECT 1' >/dev/null 2>&1; then
        count fuzz 1 0
    else
        grep -B2 -A2 'terminated by signal' "$log" | tail -20
        count fuzz 0 1
    fi
}
