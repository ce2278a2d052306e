-- bench/stock.sh set-up, run after scripts/demo-data.sql.
--
-- bench.skus: the 15 sellable SKUs of the demo catalog priced at least
-- RM 18.50 (every SKU but the two cheapest), numbered 1..15 in the order of
-- their stock item id at WH-SHAH-ALAM. A transaction picks three distinct
-- numbers and sorts them, so a script that updates the stock rows one by one
-- in n order takes the row locks in id order, as niaga does (no deadlock).
-- Each SKU gets 10 million more units at WH-SHAH-ALAM (priority 1) so that
-- nothing runs out and niaga always reserves there.

CREATE SCHEMA IF NOT EXISTS bench;

CREATE TABLE bench.skus (
    n int PRIMARY KEY,
    product_id uuid NOT NULL,
    variant_id uuid,
    sku text NOT NULL,
    name text NOT NULL,
    variant_name text,
    price numeric(12,2) NOT NULL,
    stock_item_id uuid NOT NULL
);

INSERT INTO bench.skus
SELECT row_number() OVER (ORDER BY s.id), p.id, v.id, coalesce(v.sku, p.sku), p.name, v.name,
       coalesce(v.price, p.base_price), s.id
FROM catalog.products p
LEFT JOIN catalog.product_variants v ON v.product_id = p.id
JOIN inventory.stock_items s ON s.warehouse_id = '30000000-0000-0000-0000-000000000001'
 AND s.product_id = p.id AND s.variant_id IS NOT DISTINCT FROM v.id
WHERE (v.id IS NOT NULL) = p.has_variants
  AND coalesce(v.price, p.base_price) >= 18.50;

SELECT inventory.receive_stock('30000000-0000-0000-0000-000000000001', product_id, variant_id, 10000000,
                               'bench stock')
FROM bench.skus ORDER BY n;

-- Order numbers of the floor's orders (the floor writes its own).
CREATE SEQUENCE bench.floor_order_number;

ANALYZE;
