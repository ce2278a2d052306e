#!/usr/bin/env bash
# niaga's main job on its embedded default: installs what is missing, builds
# and installs the extension, starts a throwaway PostgreSQL 15 in the
# project-local folder .niaga/ (unix socket only, port 54329), creates the
# database `niaga` with the extension and a small Malaysian demo store, and
# shows the rules at work.
#
#   scripts/demo.sh         # start (again) and load the demo
#   scripts/demo.sh stop    # stop the server (the data folder stays)
#   scripts/demo.sh clean   # stop and delete the data folder
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

FOLDER="$NIAGA_ROOT/.niaga"
PORT=${NIAGA_DEMO_PORT:-54329}

case "${1:-start}" in
    stop)
        server_stop "$FOLDER"
        say "stopped the niaga demo server"
        exit 0
        ;;
    clean)
        server_stop "$FOLDER"
        as_root rm -rf "$(readlink -f "$FOLDER")" "$FOLDER"
        say "removed $FOLDER"
        exit 0
        ;;
    start) ;;
    *) die "usage: scripts/demo.sh [start|stop|clean]" ;;
esac

ensure_packages
build_and_install
server_stop "$FOLDER"  # a running server would keep the old library loaded
say "starting PostgreSQL $PG_MAJOR in $FOLDER (port $PORT)"
server_start "$FOLDER" "$PORT"
say "creating database niaga with the extension and the demo store"
create_database niaga
"$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d niaga -f "$NIAGA_ROOT/scripts/demo-data.sql"

psql_demo() { "$PG_BIN/psql" -X -v ON_ERROR_STOP=1 -d niaga "$@"; }
echo
echo "niaga $(psql_demo -Atc 'SELECT niaga.version()') is running."
psql_demo <<'SQL'
\pset footer off
SELECT count(*) AS business_tables
FROM information_schema.tables
WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
  AND table_type = 'BASE TABLE';

\echo 'Stock on hand by warehouse (quantity = sum of its ledger movements):'
SELECT w.code AS warehouse,
       coalesce(v.sku, p.sku) AS sku,
       p.name || coalesce(' / ' || v.name, '') AS item,
       'RM ' || coalesce(v.price, p.base_price) AS price,
       s.quantity,
       (SELECT sum(m.quantity)
        FROM inventory.stock_movements m
        WHERE m.warehouse_id = s.warehouse_id
          AND m.product_id = s.product_id
          AND m.variant_id IS NOT DISTINCT FROM s.variant_id) AS ledger
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
ORDER BY w.priority, 2
LIMIT 12;

\echo 'A rule at work: a category cannot become its own ancestor (NG030).'
\set VERBOSITY default
\set ON_ERROR_STOP 0
BEGIN;
UPDATE catalog.categories AS root
SET parent_id = (SELECT c.id FROM catalog.categories c WHERE c.parent_id = root.id ORDER BY c.slug LIMIT 1)
WHERE root.parent_id IS NULL
  AND root.slug = (SELECT min(slug) FROM catalog.categories WHERE parent_id IS NULL);
ROLLBACK;
SQL

cat <<EOF

Connect with:
  psql -h $PGHOST -p $PGPORT -U $PGUSER -d niaga
Stop with:
  scripts/demo.sh stop
EOF
