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

psql_demo() { "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -d niaga "$@"; }
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

\echo 'A checkout: Nur Aisyah buys 3 bags of white coffee and a baju kurung with coupon RAYA10, by agent AG-KL-002.'
INSERT INTO sales.carts (user_id, coupon_code)
VALUES ('10000000-0000-0000-0000-000000000005', 'RAYA10')
RETURNING id AS cart \gset
SELECT sales.add_to_cart(:'cart', '22000000-0000-0000-0000-000000000004', NULL, 3) IS NOT NULL AS added,
       sales.add_to_cart(:'cart', '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000002', 1)
           IS NOT NULL AS added_too;
SELECT * FROM sales.quote(:'cart', 'standard');
SELECT o.id AS order_id, o.order_number, o.status, o.subtotal, o.discount_amount, o.shipping_cost, o.tax_amount,
       o.total, w.code AS warehouse
FROM sales.place_order(:'cart', 'standard',
                       '{"name": "Nur Aisyah Kamal", "line1": "No. 23, Jalan Kristal 7/61", "city": "Shah Alam", "postcode": "40000", "state": "Selangor"}',
                       NULL, 'AG-KL-002') AS o
JOIN inventory.warehouses AS w ON w.id = o.warehouse_id \gset
\echo 'Paid online, then packed, shipped and delivered:'
SELECT sales.record_payment(:'order_id', 'online_banking', 'ipay88', 'DEMO-' || :'order_number', :total, 'completed')
    IS NOT NULL AS paid;
SELECT (sales.set_order_status(:'order_id', 'processing')).status AS s1,
       (sales.set_order_status(:'order_id', 'packed')).status AS s2,
       (sales.ship_order(:'order_id', 'EP123456789MY')).status AS s3,
       (sales.set_order_status(:'order_id', 'delivered')).status AS s4;
SELECT status, created_at::time(0) AS at FROM sales.order_status_history WHERE order_id = :'order_id' ORDER BY created_at, status;
\echo 'Commissions of the agent and its upline (7.5 % and a 2 % override on subtotal - discount):'
SELECT a.agent_code, c.level, c.order_total AS base, c.commission_rate, c.commission_amount, c.status
FROM agent.commissions AS c JOIN agent.agents AS a ON a.id = c.agent_id
WHERE c.order_id = :'order_id' ORDER BY c.level;
\echo 'Cash on delivery would round RM' :total 'to:'
SELECT sales.cash_rounding(:total) AS cash_payable;

\echo 'A rule at work: a category cannot become its own ancestor (NG030).'
\set VERBOSITY default
\set ON_ERROR_STOP 0
BEGIN;
UPDATE catalog.categories AS root
SET parent_id = (SELECT c.id FROM catalog.categories c WHERE c.parent_id = root.id ORDER BY c.slug LIMIT 1)
WHERE root.parent_id IS NULL
  AND root.slug = (SELECT min(slug) FROM catalog.categories WHERE parent_id IS NULL);
ROLLBACK;
\set ON_ERROR_STOP 1
\echo 'Every invariant of SPEC section 13 holds (no rows):'
SELECT * FROM niaga.check_invariants();
SQL

cat <<EOF

Connect with:
  psql -h $PGHOST -p $PGPORT -U $PGUSER -d niaga
Stop with:
  scripts/demo.sh stop
EOF
