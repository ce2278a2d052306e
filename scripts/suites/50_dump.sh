# shellcheck shell=bash
# Suite "dump": pg_dump / pg_restore round trip of the demo data and what a
# short run of the workload (test/workload, scripts/suites/70_workload.sh)
# adds: every row of every table and every sequence survive, the restored
# store is consistent, and numbering continues after the restore.
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

# After a restore, a new order and a new transfer get numbers that no
# existing one has, above every existing one: the sequences came along.
# One line per check: "ok …" or what went wrong.
numbering_continues() {  # DATABASE
    "${PSQL[@]}" -d "$1" -At <<'SQL'
CREATE TEMPORARY TABLE numbers_before AS
SELECT 'order' AS kind, order_number AS number FROM sales.orders
UNION ALL SELECT 'transfer', transfer_number FROM inventory.stock_transfers;
INSERT INTO sales.carts (user_id) VALUES ('10000000-0000-0000-0000-000000000005') RETURNING id AS cart \gset
SELECT sales.add_to_cart(:'cart', '22000000-0000-0000-0000-000000000004', NULL, 1) IS NOT NULL AS added \gset
CREATE TEMPORARY TABLE numbers_after (kind text, number text);
INSERT INTO numbers_after
SELECT 'order', (sales.place_order(:'cart', 'standard', '{"city": "Shah Alam"}')).order_number;
SELECT inventory.create_transfer('30000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000002',
                                 '[{"product_id": "22000000-0000-0000-0000-000000000004", "quantity": 1}]')
       AS new_transfer \gset
INSERT INTO numbers_after SELECT 'transfer', transfer_number FROM inventory.stock_transfers WHERE id = :'new_transfer';
SELECT CASE WHEN a.number IS NOT NULL
             AND NOT EXISTS (SELECT FROM numbers_before b WHERE b.kind = k.kind AND b.number = a.number)
             AND substring(a.number FROM '[0-9]+$')::bigint
                 > coalesce((SELECT max(substring(b.number FROM '[0-9]+$')::bigint) FROM numbers_before b
                             WHERE b.kind = k.kind), 0)
            THEN format('ok a new %s after the restore is numbered %s, after the %s restored ones', k.kind,
                        a.number, (SELECT count(*) FROM numbers_before b WHERE b.kind = k.kind))
            ELSE format('FAIL a new %s after the restore is numbered %s, which repeats or precedes a restored one',
                        k.kind, coalesce(a.number, '(none)')) END
FROM (VALUES ('order'), ('transfer')) AS k (kind) LEFT JOIN numbers_after a ON a.kind = k.kind
ORDER BY k.kind;
SELECT CASE WHEN count(*) = 0 THEN 'ok niaga.check_invariants() finds nothing in the restored store'
            ELSE 'FAIL niaga.check_invariants() in the restored store: '
                 || string_agg(invariant || ': ' || detail, '; ') END
FROM niaga.check_invariants();
SQL
}

suite_dump() {
    say "dump: pg_dump / pg_restore round trip of the demo data and a short workload"
    need_server
    create_database niaga_dump
    "${PSQL[@]}" -d niaga_dump -f "$NIAGA_ROOT/scripts/demo-data.sql" >"$WORK/dump.log" 2>&1 \
        && workload_prepare niaga_dump "$WORK/dump.log" \
        && workload_run niaga_dump 4 "${NIAGA_DUMP_WORKLOAD_SECONDS:-5}" "$WORK/dump-workload.log" \
        || { cat "$WORK/dump.log"; tail -5 "$WORK/dump-workload.log"; count dump 0 1; return; }
    say "dump: the workload added $(workload_figures "$WORK/dump-workload.log")"
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
    local ok=$same bad=$((total - same))
    tally < <(numbering_continues niaga_restored 2>&1)
    count dump "$ok" "$bad"
    if [ "$empty" -eq "$total" ]; then count dump-data 0 1; fi
}
