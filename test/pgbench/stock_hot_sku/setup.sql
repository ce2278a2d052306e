-- One hot SKU under load (SPEC §7): 50 units of STKHOT-SKU at STKHOT-KL
-- (priority 1) and 20 at STKHOT-PG (priority 2), plenty of three other SKUs at
-- both. Sixteen clients each create orders by plain INSERT for 1-3 of the hot
-- SKU plus 1-2 of another SKU, the lines in random order, and reserve them.
-- Running out (NG001) is an expected outcome; a deadlock or any other error
-- is not: it aborts the client and fails the run.

INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('5c700001-0000-4000-8000-000000000001', 'STKHOT-KL', 'Kuala Lumpur', 1),
    ('5c700001-0000-4000-8000-000000000002', 'STKHOT-PG', 'Penang', 2);
INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('5c700002-0000-4000-8000-000000000001', 'STKHOT-SKU', 'Hot item', 'stkhot-sku', 99.00),
    ('5c700002-0000-4000-8000-000000000011', 'STKHOT-O1', 'Other one', 'stkhot-o1', 5.00),
    ('5c700002-0000-4000-8000-000000000012', 'STKHOT-O2', 'Other two', 'stkhot-o2', 6.00),
    ('5c700002-0000-4000-8000-000000000013', 'STKHOT-O3', 'Other three', 'stkhot-o3', 7.00);

SELECT inventory.receive_stock('5c700001-0000-4000-8000-000000000001', '5c700002-0000-4000-8000-000000000001', NULL, 50);
SELECT inventory.receive_stock('5c700001-0000-4000-8000-000000000002', '5c700002-0000-4000-8000-000000000001', NULL, 20);
-- 240 orders take at most 480 units of the other SKUs: 1000 of each at each
-- warehouse never run out.
SELECT inventory.receive_stock(w.id, p.id, NULL, 1000)
FROM inventory.warehouses w CROSS JOIN catalog.products p
WHERE w.code LIKE 'STKHOT-%' AND p.sku LIKE 'STKHOT-O%';

-- What each attempt came to: the warehouse code, or 'refused NG001'.
CREATE TABLE public.stkhot_attempts (
    order_id uuid PRIMARY KEY,
    hot_quantity int NOT NULL,
    hot_first boolean NOT NULL,
    outcome text NOT NULL
);

-- One client transaction: a pending order with a hot line and another line,
-- inserted in random order, then its reservation.
CREATE FUNCTION public.stkhot_order_and_reserve() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    new_order uuid := gen_random_uuid();
    hot_quantity int := 1 + floor(random() * 3)::int;
    other_product uuid := ('5c700002-0000-4000-8000-00000000001' || (1 + floor(random() * 3)::int)::text)::uuid;
    other_quantity int := 1 + floor(random() * 2)::int;
    hot_first boolean := random() < 0.5;
    warehouse uuid;
    outcome text;
BEGIN
    INSERT INTO sales.orders (id) VALUES (new_order);
    IF hot_first THEN
        INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
        VALUES (new_order, '5c700002-0000-4000-8000-000000000001', 'STKHOT-SKU', 'Hot item', hot_quantity, 99.00);
    END IF;
    INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
    SELECT new_order, p.id, p.sku, p.name, other_quantity, p.base_price FROM catalog.products p WHERE p.id = other_product;
    IF NOT hot_first THEN
        INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price)
        VALUES (new_order, '5c700002-0000-4000-8000-000000000001', 'STKHOT-SKU', 'Hot item', hot_quantity, 99.00);
    END IF;
    BEGIN
        warehouse := inventory.reserve_order(new_order);
        SELECT code INTO outcome FROM inventory.warehouses WHERE id = warehouse;
    EXCEPTION WHEN SQLSTATE 'NG001' THEN
        outcome := 'refused NG001';
    END;
    INSERT INTO public.stkhot_attempts VALUES (new_order, hot_quantity, hot_first, outcome);
    RETURN outcome;
END
$$;
