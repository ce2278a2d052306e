-- Set-up of bench/recompute.sh and bench/growth.sh, run after
-- scripts/demo-data.sql, bench/stock/setup.sql (schema bench),
-- bench/checkout/setup.sql (2,000 customers, RAYA10 unlimited) and
-- bench/totals/schema.sql (bench.expected_order_totals).
--
-- bench.growth_skus: 100 products BENCH-G001..G100 at RM 51..150, without
-- variants, 10 million units each at WH-SHAH-ALAM: a cart or an order of
-- up to 100 distinct lines.
-- bench.wh_skus: 3 products BENCH-W1..W3 for the warehouse growth: 1 unit
-- each in 49 bench warehouses WH-BENCH-01..49 (priority 101..149) and 10
-- million in WH-BENCH-50 (priority 150). An order takes 2 units of each, so
-- only WH-BENCH-50 can serve it: with the demo's warehouses and all but W of
-- the bench ones made inactive (bench/growth.sh), a reservation looks at W
-- warehouses and 3 x W stock rows before it finds the one that serves.

CREATE TABLE bench.growth_skus (
    n int PRIMARY KEY,
    product_id uuid NOT NULL,
    sku text NOT NULL,
    name text NOT NULL,
    price numeric(12,2) NOT NULL
);
INSERT INTO catalog.products (id, sku, name, slug, base_price)
SELECT md5('bench-growth-product-' || n)::uuid, 'BENCH-G' || lpad(n::text, 3, '0'), 'Bench product ' || n,
       'bench-product-' || n, 50 + n
FROM generate_series(1, 100) AS n;
INSERT INTO bench.growth_skus
SELECT n, md5('bench-growth-product-' || n)::uuid, 'BENCH-G' || lpad(n::text, 3, '0'), 'Bench product ' || n, 50 + n
FROM generate_series(1, 100) AS n;
SELECT count(inventory.receive_stock('30000000-0000-0000-0000-000000000001', product_id, NULL, 10000000, 'bench stock'))
FROM bench.growth_skus \g /dev/null

INSERT INTO inventory.warehouses (id, code, name, priority)
SELECT md5('bench-warehouse-' || w)::uuid, 'WH-BENCH-' || lpad(w::text, 2, '0'), 'Bench warehouse ' || w, 100 + w
FROM generate_series(1, 50) AS w;
CREATE TABLE bench.wh_skus (
    n int PRIMARY KEY,
    product_id uuid NOT NULL,
    sku text NOT NULL,
    name text NOT NULL,
    price numeric(12,2) NOT NULL
);
INSERT INTO catalog.products (id, sku, name, slug, base_price)
SELECT md5('bench-wh-product-' || n)::uuid, 'BENCH-W' || n, 'Bench stocked everywhere ' || n,
       'bench-stocked-everywhere-' || n, 60
FROM generate_series(1, 3) AS n;
INSERT INTO bench.wh_skus
SELECT n, md5('bench-wh-product-' || n)::uuid, 'BENCH-W' || n, 'Bench stocked everywhere ' || n, 60
FROM generate_series(1, 3) AS n;
SELECT count(inventory.receive_stock(md5('bench-warehouse-' || w)::uuid, s.product_id, NULL,
                                     CASE WHEN w = 50 THEN 10000000 ELSE 1 END, 'bench stock'))
FROM generate_series(1, 50) AS w CROSS JOIN bench.wh_skus s \g /dev/null

-- Order numbers of the generated orders (bench/growth/orders.sql).
CREATE SEQUENCE bench.generated_order_number START 1000000;

ANALYZE;
