# shellcheck shell=bash
# Suite "cron": Debian's pg_cron (postgresql-15-cron) runs niaga's two timer
# jobs, sales.expire_pending_orders and agent.close_targets, as a login role
# that holds niaga_scheduler and nothing else — the setup the README
# documents. Sourced by scripts/test.sh, which provides count, PSQL, WORK,
# cleanup and the server helpers of scripts/common.sh.
#
# pg_cron must be in shared_preload_libraries, so the suite starts its own
# server (in $WORK/cron, another port) and stops it at the end. Jobs are
# scheduled '* * * * *' (pg_cron 1.4 has no seconds): the suite waits for
# the next minute boundary, at most about 60 s. That both functions are safe
# to run concurrently with themselves (an overlapping run) is shown by the
# isolation specs concurrent_expire_self and concurrent_close_targets_self.

CRON_SETTINGS="shared_preload_libraries = 'pg_cron'
cron.database_name = 'postgres'
cron.use_background_workers = on
max_worker_processes = 16"

# The demo store with three orders, two of them two hours old (expired),
# and last month's target of agent AG-KL-001 still active (to be missed).
CRON_DATA_SQL="
UPDATE sales.orders SET created_at = now() - interval '2 hours'
WHERE order_number IN (SELECT order_number FROM sales.orders ORDER BY order_number LIMIT 2);
INSERT INTO agent.targets (id, agent_id, period_start, period_end, target_amount, target_orders)
VALUES ('61000000-0000-0000-0000-0000000000ff', '60000000-0000-0000-0000-000000000001',
        date_trunc('month', current_date - 40)::date,
        (date_trunc('month', current_date - 40) + interval '1 month - 1 day')::date, 20000.00, 40);"

# The jobs as the README schedules them, run as niaga_jobs in niaga_cron.
CRON_SCHEDULE_SQL="
CREATE EXTENSION pg_cron;
CREATE ROLE niaga_jobs LOGIN IN ROLE niaga_scheduler;
SELECT cron.schedule_in_database('niaga-expire-pending-orders', '* * * * *',
                                 \$\$SELECT sales.expire_pending_orders()\$\$, 'niaga_cron', 'niaga_jobs');
SELECT cron.schedule_in_database('niaga-close-targets', '* * * * *',
                                 \$\$SELECT agent.close_targets((now() AT TIME ZONE 'Asia/Kuala_Lumpur')::date)\$\$,
                                 'niaga_cron', 'niaga_jobs');"

# One line per check, "ok <what>" or "not ok <what>".
CRON_CHECK_SQL="
SELECT CASE WHEN count(*) = 2 THEN 'ok' ELSE 'not ok' END
       || ' expired orders cancelled by the job (reason expired): ' || count(*)
FROM sales.orders WHERE status = 'cancelled' AND cancellation_reason = 'expired';
SELECT CASE WHEN count(*) = 1 THEN 'ok' ELSE 'not ok' END || ' the fresh order still pending: ' || count(*)
FROM sales.orders WHERE status = 'pending';
SELECT CASE WHEN status = 'missed' THEN 'ok' ELSE 'not ok' END || ' last month''s target missed: ' || status
FROM agent.targets WHERE id = '61000000-0000-0000-0000-0000000000ff';
SELECT CASE WHEN count(*) = 0 THEN 'ok' ELSE 'not ok' END || ' this month''s targets still active: '
       || count(*) || ' not'
FROM agent.targets WHERE id <> '61000000-0000-0000-0000-0000000000ff' AND status <> 'active';
SELECT CASE WHEN count(*) = 0 THEN 'ok' ELSE 'not ok' END || ' invariants hold: ' || count(*) || ' broken'
FROM niaga.check_invariants();
SELECT CASE WHEN string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text)
                 = 'agent.close_targets(date), sales.expire_pending_orders(interval)'
            THEN 'ok' ELSE 'not ok' END
       || ' niaga_jobs may execute only: ' || string_agg(p.oid::regprocedure::text, ', ' ORDER BY p.oid::regprocedure::text)
FROM pg_proc p
WHERE p.pronamespace::regnamespace::text IN ('niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
  AND has_function_privilege('niaga_jobs', p.oid, 'EXECUTE');
SELECT CASE WHEN count(*) = 0 THEN 'ok' ELSE 'not ok' END || ' niaga_jobs reads or writes no table: '
       || coalesce(string_agg(c.oid::regclass::text, ', '), 'none')
FROM pg_class c
WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
  AND c.relkind IN ('r', 'v', 'S')
  AND (has_table_privilege('niaga_jobs', c.oid, 'SELECT, INSERT, UPDATE, DELETE')
       OR (c.relkind = 'S' AND has_sequence_privilege('niaga_jobs', c.oid, 'USAGE')));"

suite_cron() {
    say "cron: pg_cron runs expire_pending_orders and close_targets as a niaga_scheduler role"
    local folder="$WORK/cron" saved=("${PGHOST:-}" "${PGPORT:-}" "${PGUSER:-}") ok=0 bad=0 line runs="" waited=0
    if ! [ -f "$("$PG_CONFIG" --pkglibdir)/pg_cron.so" ]; then
        echo "--- pg_cron is not installed (Debian package postgresql-$PG_MAJOR-cron)"
        count cron 0 1
        return
    fi
    trap "server_stop '$folder'; cleanup" EXIT
    server_start "$folder" "$((56000 + RANDOM % 900))" "$CRON_SETTINGS"
    if ! { create_database niaga_cron \
        && "${PSQL[@]}" -d niaga_cron -f "$NIAGA_ROOT/scripts/demo-data.sql" \
        && place_demo_orders niaga_cron 3 \
        && "${PSQL[@]}" -d niaga_cron -c "$CRON_DATA_SQL" \
        && "${PSQL[@]}" -d postgres -c "$CRON_SCHEDULE_SQL"; } >"$folder/setup.log" 2>&1; then
        cat "$folder/setup.log"
        bad=1
    else
        # Until both jobs have run once (the next minute boundary) or failed.
        while [ "$waited" -lt 75 ]; do
            runs=$("${PSQL[@]}" -d postgres -At -c "
                SELECT string_agg(j.jobname || ' ' || d.status || ' as ' || d.username
                                  || coalesce(' (' || nullif(d.return_message, '') || ')', ''), '; ' ORDER BY j.jobname)
                FROM cron.job j
                JOIN LATERAL (SELECT * FROM cron.job_run_details r WHERE r.jobid = j.jobid AND r.status <> 'running'
                              ORDER BY r.runid LIMIT 1) d ON true") || true
            [ "$(grep -o ' as ' <<<"$runs" | wc -l)" -lt 2 ] || break
            sleep 1
            waited=$((waited + 1))
        done
        say "cron: the jobs ran after ${waited}s: $runs"
        for line in "niaga-close-targets succeeded as niaga_jobs" "niaga-expire-pending-orders succeeded as niaga_jobs"; do
            if [[ "$runs" == *"$line"* ]]; then ok=$((ok + 1)); else echo "--- cron: expected \"$line\", got: $runs"; bad=$((bad + 1)); fi
        done
        while IFS= read -r line; do
            case "$line" in
                "ok "*) ok=$((ok + 1)) ;;
                *) echo "--- cron: $line"; bad=$((bad + 1)) ;;
            esac
        done < <("${PSQL[@]}" -d niaga_cron -At -c "$CRON_CHECK_SQL" 2>&1)
    fi
    server_stop "$folder"
    trap cleanup EXIT
    use_clients "${saved[@]}"
    count cron "$ok" "$bad"
}
