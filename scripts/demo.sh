#!/usr/bin/env bash
# niaga's main job on its embedded default: installs what is missing, builds
# and installs the extension, starts a throwaway PostgreSQL 15 in the
# project-local folder .niaga/ (unix socket only, port 54329), creates the
# database `niaga` with the extension and a small Malaysian demo store, and
# walks through a realistic session, printing each step's result: a customer
# fills a cart, previews coupon RAYA10 and gets a quote; checkout numbers the
# order and reserves its stock; the payment confirms it and the agents accrue
# commission; it is packed, shipped (stock leaves) and delivered (commission
# approved, the agent's target counted); a transfer restocks Penang; a rule
# refuses a category cycle; every invariant holds.
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
\set VERBOSITY default
-- Stock lines of the demo order: the white coffee and the baju kurung
-- (size M) at both warehouses.
CREATE TEMPORARY VIEW demo_stock AS
SELECT w.code AS warehouse, coalesce(v.sku, p.sku) AS sku, s.quantity AS on_hand, s.reserved_quantity AS reserved,
       s.quantity - s.reserved_quantity AS available,
       (SELECT sum(m.quantity) FROM inventory.stock_movements m
        WHERE m.warehouse_id = s.warehouse_id AND m.product_id = s.product_id
          AND m.variant_id IS NOT DISTINCT FROM s.variant_id) AS ledger_sum
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
WHERE (s.product_id, s.variant_id) IS NOT DISTINCT FROM ('22000000-0000-0000-0000-000000000004', NULL)
   OR s.variant_id = '23000000-0000-0000-0000-000000000002'
ORDER BY w.priority, 2;

SELECT count(*) AS business_tables
FROM information_schema.tables
WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
  AND table_type = 'BASE TABLE';

\echo '1. Nur Aisyah fills a cart: 3 bags of white coffee and a baju kurung (size M).'
INSERT INTO sales.carts (user_id, coupon_code)
VALUES ('10000000-0000-0000-0000-000000000005', 'RAYA10')
RETURNING id AS cart \gset
SELECT sales.add_to_cart(:'cart', '22000000-0000-0000-0000-000000000004', NULL, 3),
       sales.add_to_cart(:'cart', '22000000-0000-0000-0000-000000000001', '23000000-0000-0000-0000-000000000002', 1)
\g /dev/null
SELECT p.name || coalesce(' / ' || v.name, '') AS item, i.quantity, i.unit_price
FROM sales.cart_items i
JOIN catalog.products p ON p.id = i.product_id
LEFT JOIN catalog.product_variants v ON v.id = i.variant_id
WHERE i.cart_id = :'cart'
ORDER BY item;

\echo '2. She enters coupon RAYA10; the shop previews it and quotes the cart (standard shipping, SST 6 %):'
SELECT c.*
FROM (SELECT sum(quantity * unit_price) AS subtotal FROM sales.cart_items WHERE cart_id = :'cart') AS cart,
     sales.check_coupon('RAYA10', '10000000-0000-0000-0000-000000000005', cart.subtotal) AS c;
SELECT * FROM sales.quote(:'cart', 'standard');

\echo '3. Checkout, sold by agent AG-KL-002: the order is numbered, priced and its stock reserved.'
\echo 'Stock before:'
SELECT * FROM demo_stock;
SELECT o.id AS order_id, o.order_number, o.status, o.subtotal, o.discount_amount, o.shipping_cost, o.tax_amount,
       o.total, w.code AS warehouse
FROM sales.place_order(:'cart', 'standard',
                       '{"name": "Nur Aisyah Kamal", "line1": "No. 23, Jalan Kristal 7/61", "city": "Shah Alam", "postcode": "40000", "state": "Selangor"}',
                       NULL, 'AG-KL-002') AS o
JOIN inventory.warehouses AS w ON w.id = o.warehouse_id \gset
SELECT :'order_number' AS order_number, :'status' AS status, :subtotal AS subtotal, :discount_amount AS discount,
       :shipping_cost AS shipping, :tax_amount AS tax, :total AS total, :'warehouse' AS warehouse;
\echo 'Stock after (reserved for the order, still on hand):'
SELECT * FROM demo_stock;
SELECT code, used_count, usage_limit FROM sales.coupons WHERE code = 'RAYA10';

\echo '4. Paid by FPX online banking: the payment confirms the order and the agents accrue commission.'
SELECT sales.record_payment(:'order_id', 'online_banking', 'ipay88', 'DEMO-' || :'order_number', :total, 'completed')
    IS NOT NULL AS paid \g /dev/null
SELECT o.status AS order_status, p.amount AS paid, p.payment_provider AS provider, p.status AS payment_status
FROM sales.orders o JOIN sales.payments p ON p.order_id = o.id
WHERE o.id = :'order_id';
SELECT a.agent_code, c.level, c.commission_amount, c.status
FROM agent.commissions AS c JOIN agent.agents AS a ON a.id = c.agent_id
WHERE c.order_id = :'order_id' ORDER BY c.level;

\echo '5. Packed, shipped (the goods leave the warehouse) and delivered:'
SELECT (sales.set_order_status(:'order_id', 'processing')).status AS s1,
       (sales.set_order_status(:'order_id', 'packed')).status AS s2,
       (sales.ship_order(:'order_id', 'EP123456789MY')).status AS s3,
       (sales.set_order_status(:'order_id', 'delivered')).status AS s4;
SELECT status, created_at::time(0) AS at FROM sales.order_status_history WHERE order_id = :'order_id' ORDER BY created_at, status;
SELECT * FROM demo_stock;

\echo '6. The agent and its upline earn commission (7.5 % and a 2 % override on subtotal - discount), approved on delivery;'
\echo '   the delivery counts towards the agent''s monthly target:'
SELECT a.agent_code, c.level, c.order_total AS base, c.commission_rate, c.commission_amount, c.status
FROM agent.commissions AS c JOIN agent.agents AS a ON a.id = c.agent_id
WHERE c.order_id = :'order_id' ORDER BY c.level;
SELECT a.agent_code, t.period_start, t.period_end, t.achieved_amount || ' / ' || t.target_amount AS amount,
       t.achieved_orders || ' / ' || t.target_orders AS orders, t.status
FROM agent.targets AS t JOIN agent.agents AS a ON a.id = t.agent_id
WHERE a.agent_code = 'AG-KL-002';
\echo 'Cash on delivery would have rounded RM' :total 'to:'
SELECT sales.cash_rounding(:total) AS cash_payable;

\echo '7. A transfer restocks Penang with 20 bags of white coffee from Shah Alam: created, approved, dispatched, received.'
SELECT inventory.create_transfer('30000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000002',
                                 '[{"product_id": "22000000-0000-0000-0000-000000000004", "quantity": 20}]',
                                 'Penang is low on white coffee') AS transfer \gset
SELECT inventory.approve_transfer(:'transfer'), inventory.dispatch_transfer(:'transfer'),
       inventory.receive_transfer(:'transfer') \g /dev/null
SELECT transfer_number, status, approved_at IS NOT NULL AS approved, completed_at IS NOT NULL AS completed
FROM inventory.stock_transfers WHERE id = :'transfer';
SELECT w.code AS warehouse, m.type AS movement, m.quantity
FROM inventory.stock_movements m JOIN inventory.warehouses w ON w.id = m.warehouse_id
WHERE m.reference_id = :'transfer' ORDER BY m.quantity;
SELECT * FROM demo_stock;

\echo '8. A rule at work: a category cannot become its own ancestor (NG030).'
\set ON_ERROR_STOP 0
BEGIN;
UPDATE catalog.categories AS root
SET parent_id = (SELECT c.id FROM catalog.categories c WHERE c.parent_id = root.id ORDER BY c.slug LIMIT 1)
WHERE root.parent_id IS NULL
  AND root.slug = (SELECT min(slug) FROM catalog.categories WHERE parent_id IS NULL);
\echo 'refused with SQLSTATE' :LAST_ERROR_SQLSTATE
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
