# shellcheck shell=bash
# Suite "dump": pg_dump / pg_restore round trip of the demo data.
# Sourced by scripts/test.sh, which provides count, need_server, PSQL, WORK,
# NIAGA_ROOT and the server helpers of scripts/common.sh.

# Row count and checksum of every niaga table, and the state of every
# sequence, one line each.
checksums() {  # DATABASE
    "${PSQL[@]}" -d "$1" -At <<'SQL'
SELECT format('%s %s', c.oid::regclass,
              (xpath('/row/v/text()',
                     query_to_xml(CASE c.relkind
                                      WHEN 'S' THEN format('SELECT last_value || %L || is_called AS v FROM %s',
                                                           ':', c.oid::regclass)
                                      ELSE format('SELECT count(*) || %L || md5(coalesce(string_agg(t::text, %L ORDER BY t::text), %L)) AS v FROM %s t',
                                                  ' ', '|', '', c.oid::regclass)
                                  END, false, true, '')))[1])
FROM pg_class c
WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
  AND c.relkind IN ('r', 'S')
ORDER BY 1;
SQL
}

suite_dump() {
    say "dump: pg_dump / pg_restore round trip of the demo data"
    need_server
    create_database niaga_dump
    "${PSQL[@]}" -d niaga_dump -f "$NIAGA_ROOT/scripts/demo-data.sql" >"$WORK/dump.log" 2>&1 \
        || { cat "$WORK/dump.log"; count dump 0 1; return; }
    "$PG_BIN/pg_dump" -Fc -d niaga_dump -f "$WORK/niaga.dump" 2>>"$WORK/dump.log"
    PGOPTIONS='-c client_min_messages=warning' "${PSQL[@]}" -d postgres \
        -c "DROP DATABASE IF EXISTS niaga_restored" -c "CREATE DATABASE niaga_restored"
    # pg_restore applies --disable-triggers to data-only restores: restore the
    # schema (CREATE EXTENSION niaga) first, then the data without triggers.
    "$PG_BIN/pg_restore" --schema-only --exit-on-error -d niaga_restored "$WORK/niaga.dump" >>"$WORK/dump.log" 2>&1 \
        && "$PG_BIN/pg_restore" --data-only --disable-triggers --exit-on-error -d niaga_restored "$WORK/niaga.dump" \
            >>"$WORK/dump.log" 2>&1 \
        || { cat "$WORK/dump.log"; count dump 0 1; return; }
    checksums niaga_dump >"$WORK/before.txt"
    checksums niaga_restored >"$WORK/after.txt"
    local total same empty
    total=$(wc -l <"$WORK/before.txt")
    same=$(comm -12 "$WORK/before.txt" "$WORK/after.txt" | wc -l)
    # Every table and sequence must match, and the demo must not be empty.
    empty=$(awk '$2 == "0"' "$WORK/before.txt" | wc -l)
    [ "$same" -eq "$total" ] || diff "$WORK/before.txt" "$WORK/after.txt" || true
    count dump "$same" "$((total - same))"
    if [ "$empty" -eq "$total" ]; then count dump-data 0 1; fi
}
