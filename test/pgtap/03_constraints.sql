-- Declarative constraints (SPEC §1): status/type/role CHECKs, money,
-- quantity and rate CHECKs, soft-delete partial unique indexes, the other
-- unique keys and the foreign keys.
--
-- Most of this file runs with session_replication_role = replica, under
-- which niaga's business triggers do nothing (SPEC §0). What is left are the
-- declarative constraints alone: CHECKs and unique indexes still apply,
-- foreign keys are not checked (the fixtures are valid anyway). The last
-- section switches back to origin to see foreign keys refuse bad rows.
BEGIN;
SELECT plan(354);

SET LOCAL session_replication_role = replica;

-- Fixtures: one valid row in every table -----------------------------------
-- Ids: a… users, b… products and variants, c… categories, e… inventory,
-- d… sales, f… crm, 9… agent, 8… attributes and options.
INSERT INTO auth.users (id, email, password_hash)
VALUES ('a0000000-0000-0000-0000-000000000001', 'fixture1@niaga.test', 'x'),
       ('a0000000-0000-0000-0000-000000000002', 'fixture2@niaga.test', 'x'),
       ('a0000000-0000-0000-0000-000000000003', 'fixture3@niaga.test', 'x');
INSERT INTO auth.sessions (id, user_id, refresh_token, expires_at)
VALUES ('a1000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 'hash-1',
        now() + interval '1 day');
INSERT INTO catalog.categories (id, name, slug)
VALUES ('c0000000-0000-0000-0000-000000000001', 'Fixture', 'fixture');
INSERT INTO catalog.brands (id, name, slug)
VALUES ('b1000000-0000-0000-0000-000000000001', 'Fixture Brand', 'fixture-brand');
INSERT INTO catalog.products (id, sku, name, slug, base_price, brand_id)
VALUES ('b0000000-0000-0000-0000-000000000001', 'FIX-1', 'Fixture product', 'fixture-1', 10.00,
        'b1000000-0000-0000-0000-000000000001');
INSERT INTO catalog.product_variants (id, product_id, sku, name, price)
VALUES ('b2000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', 'FIX-1-V', 'Variant',
        12.00);
INSERT INTO catalog.attributes (id, name, code)
VALUES ('80000000-0000-0000-0000-000000000001', 'Material', 'material');
INSERT INTO catalog.product_reviews (id, product_id, user_id, rating)
VALUES ('b3000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001',
        'a0000000-0000-0000-0000-000000000001', 4);
INSERT INTO catalog.price_history (id, product_id, old_price, new_price)
VALUES ('b4000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', 9.00, 10.00);
INSERT INTO inventory.warehouses (id, code, name)
VALUES ('e0000000-0000-0000-0000-000000000001', 'WH-FIX-1', 'Fixture warehouse 1'),
       ('e0000000-0000-0000-0000-000000000002', 'WH-FIX-2', 'Fixture warehouse 2');
INSERT INTO inventory.stock_items (id, warehouse_id, product_id, quantity)
VALUES ('e1000000-0000-0000-0000-000000000001', 'e0000000-0000-0000-0000-000000000001',
        'b0000000-0000-0000-0000-000000000001', 10);
INSERT INTO inventory.stock_movements (id, warehouse_id, product_id, type, quantity)
VALUES ('e2000000-0000-0000-0000-000000000001', 'e0000000-0000-0000-0000-000000000001',
        'b0000000-0000-0000-0000-000000000001', 'receive', 10);
INSERT INTO inventory.stock_transfers (id, transfer_number, from_warehouse_id, to_warehouse_id)
VALUES ('e3000000-0000-0000-0000-000000000001', 'TRF-FIX-1', 'e0000000-0000-0000-0000-000000000001',
        'e0000000-0000-0000-0000-000000000002');
INSERT INTO inventory.stock_transfer_items (id, transfer_id, product_id, quantity)
VALUES ('e4000000-0000-0000-0000-000000000001', 'e3000000-0000-0000-0000-000000000001',
        'b0000000-0000-0000-0000-000000000001', 5);
INSERT INTO sales.tax_rates (id, code, name, rate)
VALUES ('d0000000-0000-0000-0000-000000000001', 'FIX-TAX', 'Fixture tax', 6.00);
INSERT INTO sales.shipping_methods (id, code, name, base_cost)
VALUES ('d1000000-0000-0000-0000-000000000001', 'fix-std', 'Fixture standard', 5.00);
INSERT INTO sales.coupons (id, code, type, value)
VALUES ('d2000000-0000-0000-0000-000000000001', 'FIX10', 'fixed', 10.00);
INSERT INTO sales.orders (id, order_number, user_id, subtotal, total, cancellation_reason)
VALUES ('d3000000-0000-0000-0000-000000000001', 'ORD-FIX-1', 'a0000000-0000-0000-0000-000000000001', 10.00,
        10.00, 'fixture');
INSERT INTO sales.order_items (id, order_id, product_id, sku, name, quantity, unit_price, total_price)
VALUES ('d4000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001',
        'b0000000-0000-0000-0000-000000000001', 'FIX-1', 'Fixture product', 1, 10.00, 10.00);
INSERT INTO sales.order_status_history (id, order_id, status)
VALUES ('d5000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001', 'pending');
INSERT INTO sales.payments (id, order_id, payment_method, payment_provider, transaction_id, amount)
VALUES ('d6000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001', 'cod', 'manual',
        'TX-FIX-1', 10.00);
INSERT INTO sales.coupon_usages (id, coupon_id, user_id, order_id)
VALUES ('d7000000-0000-0000-0000-000000000001', 'd2000000-0000-0000-0000-000000000001',
        'a0000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001');
INSERT INTO sales.refunds (id, order_id, amount, reason)
VALUES ('d8000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001', 10.00, 'fixture');
INSERT INTO sales.carts (id, user_id)
VALUES ('d9000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001');
INSERT INTO sales.cart_items (id, cart_id, product_id, quantity, unit_price)
VALUES ('da000000-0000-0000-0000-000000000001', 'd9000000-0000-0000-0000-000000000001',
        'b0000000-0000-0000-0000-000000000001', 1, 10.00);
INSERT INTO crm.customer_profiles (id, user_id)
VALUES ('f0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001');
INSERT INTO crm.addresses (id, user_id, recipient_name, address_line1, city, state, postcode, is_default)
VALUES ('f1000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 'Fixture', 'Jalan 1',
        'Kuala Lumpur', 'WP Kuala Lumpur', '50000', true);
INSERT INTO agent.agents (id, user_id, agent_code, commission_rate)
VALUES ('90000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000002', 'AG-FIX-1', 5.00);
INSERT INTO agent.override_rates (level, rate)
VALUES (1, 2.00);
INSERT INTO agent.targets (id, agent_id, period_start, period_end, target_amount)
VALUES ('91000000-0000-0000-0000-000000000001', '90000000-0000-0000-0000-000000000001', DATE '2025-01-01',
        DATE '2025-01-31', 1000.00);
INSERT INTO agent.payouts (id, agent_id, payout_number, amount, payment_method)
VALUES ('92000000-0000-0000-0000-000000000001', '90000000-0000-0000-0000-000000000001', 'PAY-FIX-1', 10.00,
        'bank_transfer');
INSERT INTO agent.commissions (id, agent_id, order_id, order_total, commission_rate, commission_amount)
VALUES ('93000000-0000-0000-0000-000000000001', '90000000-0000-0000-0000-000000000001',
        'd3000000-0000-0000-0000-000000000001', 10.00, 5.00, 0.50);

-- 1. Status, type and role columns: each allowed value, and no other -------
CREATE TEMP TABLE value_columns (
    table_name text,
    column_name text,
    row_id uuid,
    allowed text[]
);
INSERT INTO value_columns (table_name, column_name, row_id, allowed)
VALUES
    ('auth.users', 'status', 'a0000000-0000-0000-0000-000000000003',
     ARRAY['active', 'inactive', 'suspended']),
    ('auth.users', 'role', 'a0000000-0000-0000-0000-000000000003',
     ARRAY['customer', 'admin', 'agent', 'warehouse', 'super_admin']),
    ('catalog.attributes', 'type', '80000000-0000-0000-0000-000000000001',
     ARRAY['text', 'number', 'boolean', 'select', 'multiselect', 'color']),
    ('inventory.warehouses', 'type', 'e0000000-0000-0000-0000-000000000002',
     ARRAY['warehouse', 'store', 'virtual']),
    ('inventory.stock_transfers', 'status', 'e3000000-0000-0000-0000-000000000001',
     ARRAY['pending', 'approved', 'in_transit', 'completed', 'cancelled']),
    ('sales.orders', 'status', 'd3000000-0000-0000-0000-000000000001',
     ARRAY['pending', 'confirmed', 'processing', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded']),
    ('sales.order_status_history', 'status', 'd5000000-0000-0000-0000-000000000001',
     ARRAY['pending', 'confirmed', 'processing', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded']),
    ('sales.payments', 'payment_method', 'd6000000-0000-0000-0000-000000000001',
     ARRAY['cod', 'online_banking', 'credit_card', 'ewallet']),
    ('sales.payments', 'status', 'd6000000-0000-0000-0000-000000000001',
     ARRAY['pending', 'processing', 'completed', 'failed', 'refunded']),
    ('sales.coupons', 'type', 'd2000000-0000-0000-0000-000000000001',
     ARRAY['percentage', 'fixed']),
    ('sales.refunds', 'status', 'd8000000-0000-0000-0000-000000000001',
     ARRAY['pending', 'processing', 'completed', 'failed']),
    ('crm.customer_profiles', 'customer_group', 'f0000000-0000-0000-0000-000000000001',
     ARRAY['regular', 'vip', 'wholesale', 'agent']),
    ('agent.agents', 'tier', '90000000-0000-0000-0000-000000000001',
     ARRAY['bronze', 'silver', 'gold', 'platinum', 'diamond']),
    ('agent.targets', 'status', '91000000-0000-0000-0000-000000000001',
     ARRAY['active', 'achieved', 'missed']),
    ('agent.commissions', 'status', '93000000-0000-0000-0000-000000000001',
     ARRAY['pending', 'approved', 'paid', 'cancelled']),
    ('agent.payouts', 'status', '92000000-0000-0000-0000-000000000001',
     ARRAY['pending', 'processing', 'completed', 'failed']),
    ('agent.payouts', 'payment_method', '92000000-0000-0000-0000-000000000001',
     ARRAY['bank_transfer', 'ewallet', 'cheque']);

-- 79 allowed values
SELECT lives_ok(
    format('UPDATE %s SET %I = %L WHERE id = %L', v.table_name, v.column_name, allowed_value, v.row_id),
    format('%s.%s accepts %L', v.table_name, v.column_name, allowed_value)
)
FROM value_columns AS v
CROSS JOIN LATERAL unnest(v.allowed) WITH ORDINALITY AS a (allowed_value, position)
ORDER BY v.table_name, v.column_name, a.position;

-- 17 unknown values, 17 wrong-case values
SELECT throws_ok(
    format('UPDATE %s SET %I = %L WHERE id = %L', table_name, column_name, 'no_such_value', row_id),
    '23514',
    NULL,
    format('%s.%s refuses an unknown value', table_name, column_name)
)
FROM value_columns
ORDER BY table_name, column_name;

SELECT throws_ok(
    format('UPDATE %s SET %I = %L WHERE id = %L', table_name, column_name, upper(allowed[1]), row_id),
    '23514',
    NULL,
    format('%s.%s refuses %L (values are lower case)', table_name, column_name, upper(allowed[1]))
)
FROM value_columns
ORDER BY table_name, column_name;

-- Stock movement types, each with the sign it needs (7).
SELECT lives_ok(
    format($$INSERT INTO inventory.stock_movements (warehouse_id, product_id, type, quantity)
             VALUES ('e0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', %L, %s)$$,
           movement_type, quantity),
    format('inventory.stock_movements.type accepts %L (quantity %s)', movement_type, quantity)
)
FROM (
    VALUES ('receive', 5), ('sale', -1), ('adjustment', -2), ('transfer_in', 3), ('transfer_out', -3),
           ('return', 1), ('damage', -1)
) AS m (movement_type, quantity);

SELECT throws_ok(
    $$UPDATE inventory.stock_movements SET type = 'no_such_value' WHERE id = 'e2000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'inventory.stock_movements.type refuses an unknown value'
);

-- 2. Signed stock ledger: + in, - out ---------------------------------------
SELECT lives_ok(
    $$INSERT INTO inventory.stock_movements (warehouse_id, product_id, type, quantity)
      VALUES ('e0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', 'adjustment', 4)$$,
    'an adjustment may be positive'
);
SELECT throws_ok(
    format($$INSERT INTO inventory.stock_movements (warehouse_id, product_id, type, quantity)
             VALUES ('e0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', %L, %s)$$,
           movement_type, quantity),
    '23514',
    NULL,
    format('a movement of type %s and quantity %s is refused (%s)', movement_type, quantity, why)
)
FROM (
    VALUES ('receive', -1, 'goods in are positive'), ('transfer_in', -1, 'goods in are positive'),
           ('return', -1, 'goods in are positive'), ('sale', 1, 'goods out are negative'),
           ('transfer_out', 1, 'goods out are negative'), ('damage', 1, 'goods out are negative'),
           ('adjustment', 0, 'no movement is zero'), ('receive', 0, 'no movement is zero')
) AS m (movement_type, quantity, why);

-- 3. Money, quantities, rates: no negatives, no rate above 100 -------------
CREATE TEMP TABLE bad_values (
    table_name text,
    key_column text,
    key_value text,
    column_name text,
    bad_value text
);
INSERT INTO bad_values (table_name, key_column, key_value, column_name, bad_value)
VALUES
    ('catalog.products', 'id', 'b0000000-0000-0000-0000-000000000001', 'base_price', '-0.01'),
    ('catalog.products', 'id', 'b0000000-0000-0000-0000-000000000001', 'compare_price', '-0.01'),
    ('catalog.products', 'id', 'b0000000-0000-0000-0000-000000000001', 'cost_price', '-0.01'),
    ('catalog.products', 'id', 'b0000000-0000-0000-0000-000000000001', 'weight', '-0.001'),
    ('catalog.product_variants', 'id', 'b2000000-0000-0000-0000-000000000001', 'price', '-0.01'),
    ('catalog.product_variants', 'id', 'b2000000-0000-0000-0000-000000000001', 'compare_price', '-0.01'),
    ('catalog.product_variants', 'id', 'b2000000-0000-0000-0000-000000000001', 'cost_price', '-0.01'),
    ('catalog.product_variants', 'id', 'b2000000-0000-0000-0000-000000000001', 'weight', '-0.001'),
    ('catalog.price_history', 'id', 'b4000000-0000-0000-0000-000000000001', 'old_price', '-0.01'),
    ('catalog.price_history', 'id', 'b4000000-0000-0000-0000-000000000001', 'new_price', '-0.01'),
    ('catalog.product_reviews', 'id', 'b3000000-0000-0000-0000-000000000001', 'rating', '0'),
    ('catalog.product_reviews', 'id', 'b3000000-0000-0000-0000-000000000001', 'rating', '6'),
    ('inventory.stock_items', 'id', 'e1000000-0000-0000-0000-000000000001', 'quantity', '-1'),
    ('inventory.stock_items', 'id', 'e1000000-0000-0000-0000-000000000001', 'reserved_quantity', '-1'),
    ('inventory.stock_items', 'id', 'e1000000-0000-0000-0000-000000000001', 'reserved_quantity', '11'),
    ('inventory.stock_items', 'id', 'e1000000-0000-0000-0000-000000000001', 'reorder_point', '-1'),
    ('inventory.stock_items', 'id', 'e1000000-0000-0000-0000-000000000001', 'reorder_quantity', '-1'),
    ('inventory.stock_transfer_items', 'id', 'e4000000-0000-0000-0000-000000000001', 'quantity', '0'),
    ('inventory.stock_transfer_items', 'id', 'e4000000-0000-0000-0000-000000000001', 'received_quantity', '-1'),
    ('inventory.stock_transfer_items', 'id', 'e4000000-0000-0000-0000-000000000001', 'received_quantity', '6'),
    ('sales.tax_rates', 'id', 'd0000000-0000-0000-0000-000000000001', 'rate', '-0.01'),
    ('sales.tax_rates', 'id', 'd0000000-0000-0000-0000-000000000001', 'rate', '100.01'),
    ('sales.shipping_methods', 'id', 'd1000000-0000-0000-0000-000000000001', 'base_cost', '-0.01'),
    ('sales.shipping_methods', 'id', 'd1000000-0000-0000-0000-000000000001', 'free_shipping_threshold', '-0.01'),
    ('sales.shipping_methods', 'id', 'd1000000-0000-0000-0000-000000000001', 'estimated_days_min', '-1'),
    ('sales.coupons', 'id', 'd2000000-0000-0000-0000-000000000001', 'value', '0'),
    ('sales.coupons', 'id', 'd2000000-0000-0000-0000-000000000001', 'value', '-1'),
    ('sales.coupons', 'id', 'd2000000-0000-0000-0000-000000000001', 'min_order_amount', '-0.01'),
    ('sales.coupons', 'id', 'd2000000-0000-0000-0000-000000000001', 'max_discount', '-0.01'),
    ('sales.coupons', 'id', 'd2000000-0000-0000-0000-000000000001', 'usage_limit', '0'),
    ('sales.coupons', 'id', 'd2000000-0000-0000-0000-000000000001', 'used_count', '-1'),
    ('sales.coupons', 'id', 'd2000000-0000-0000-0000-000000000001', 'per_customer_limit', '0'),
    ('sales.orders', 'id', 'd3000000-0000-0000-0000-000000000001', 'subtotal', '-0.01'),
    ('sales.orders', 'id', 'd3000000-0000-0000-0000-000000000001', 'shipping_cost', '-0.01'),
    ('sales.orders', 'id', 'd3000000-0000-0000-0000-000000000001', 'tax_amount', '-0.01'),
    ('sales.orders', 'id', 'd3000000-0000-0000-0000-000000000001', 'discount_amount', '-0.01'),
    ('sales.orders', 'id', 'd3000000-0000-0000-0000-000000000001', 'total', '-0.01'),
    ('sales.orders', 'id', 'd3000000-0000-0000-0000-000000000001', 'coupon_discount', '-0.01'),
    ('sales.order_items', 'id', 'd4000000-0000-0000-0000-000000000001', 'quantity', '0'),
    ('sales.order_items', 'id', 'd4000000-0000-0000-0000-000000000001', 'total_price', '10.01'),
    ('sales.payments', 'id', 'd6000000-0000-0000-0000-000000000001', 'amount', '-0.01'),
    ('sales.refunds', 'id', 'd8000000-0000-0000-0000-000000000001', 'amount', '-0.01'),
    ('sales.carts', 'id', 'd9000000-0000-0000-0000-000000000001', 'coupon_discount', '-0.01'),
    ('sales.cart_items', 'id', 'da000000-0000-0000-0000-000000000001', 'quantity', '0'),
    ('sales.cart_items', 'id', 'da000000-0000-0000-0000-000000000001', 'unit_price', '-0.01'),
    ('crm.customer_profiles', 'id', 'f0000000-0000-0000-0000-000000000001', 'total_orders', '-1'),
    ('crm.customer_profiles', 'id', 'f0000000-0000-0000-0000-000000000001', 'total_spent', '-0.01'),
    ('agent.agents', 'id', '90000000-0000-0000-0000-000000000001', 'commission_rate', '-0.01'),
    ('agent.agents', 'id', '90000000-0000-0000-0000-000000000001', 'commission_rate', '100.01'),
    ('agent.override_rates', 'level', '1', 'rate', '-0.01'),
    ('agent.override_rates', 'level', '1', 'rate', '100.01'),
    ('agent.override_rates', 'level', '1', 'level', '0'),
    ('agent.targets', 'id', '91000000-0000-0000-0000-000000000001', 'target_amount', '-0.01'),
    ('agent.targets', 'id', '91000000-0000-0000-0000-000000000001', 'achieved_amount', '-0.01'),
    ('agent.targets', 'id', '91000000-0000-0000-0000-000000000001', 'target_orders', '-1'),
    ('agent.targets', 'id', '91000000-0000-0000-0000-000000000001', 'achieved_orders', '-1'),
    ('agent.payouts', 'id', '92000000-0000-0000-0000-000000000001', 'amount', '0'),
    ('agent.commissions', 'id', '93000000-0000-0000-0000-000000000001', 'order_total', '-0.01'),
    ('agent.commissions', 'id', '93000000-0000-0000-0000-000000000001', 'commission_rate', '-0.01'),
    ('agent.commissions', 'id', '93000000-0000-0000-0000-000000000001', 'commission_rate', '100.01'),
    ('agent.commissions', 'id', '93000000-0000-0000-0000-000000000001', 'commission_amount', '-0.01'),
    ('agent.commissions', 'id', '93000000-0000-0000-0000-000000000001', 'level', '-1');

-- 62 refusals
SELECT throws_ok(
    format('UPDATE %s SET %I = %s WHERE %I = %L', table_name, column_name, bad_value, key_column, key_value),
    '23514',
    NULL,
    format('%s.%s refuses %s', table_name, column_name, bad_value)
)
FROM bad_values
ORDER BY table_name, column_name, bad_value;

-- Order and cart lines: a negative price is refused even with a matching total.
SELECT throws_ok(
    $$UPDATE sales.order_items SET unit_price = -1, total_price = -1
      WHERE id = 'd4000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'sales.order_items refuses a negative unit_price'
);
SELECT throws_ok(
    $$UPDATE sales.order_items SET quantity = -2, total_price = -20
      WHERE id = 'd4000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'sales.order_items refuses a negative quantity'
);

-- The boundaries themselves are accepted.
SELECT lives_ok(
    format('UPDATE %s SET %I = %s WHERE %I = %L', table_name, column_name, good_value, key_column, key_value),
    format('%s.%s accepts %s', table_name, column_name, good_value)
)
FROM (
    VALUES
    ('catalog.products', 'id', 'b0000000-0000-0000-0000-000000000001', 'base_price', '0'),
    ('catalog.product_variants', 'id', 'b2000000-0000-0000-0000-000000000001', 'price', 'NULL'),
    ('catalog.product_reviews', 'id', 'b3000000-0000-0000-0000-000000000001', 'rating', '1'),
    ('catalog.product_reviews', 'id', 'b3000000-0000-0000-0000-000000000001', 'rating', '5'),
    ('inventory.stock_items', 'id', 'e1000000-0000-0000-0000-000000000001', 'reserved_quantity', '10'),
    ('inventory.stock_transfer_items', 'id', 'e4000000-0000-0000-0000-000000000001', 'received_quantity', '5'),
    ('sales.tax_rates', 'id', 'd0000000-0000-0000-0000-000000000001', 'rate', '100'),
    ('sales.tax_rates', 'id', 'd0000000-0000-0000-0000-000000000001', 'rate', '0'),
    ('agent.agents', 'id', '90000000-0000-0000-0000-000000000001', 'commission_rate', '100'),
    ('agent.override_rates', 'level', '1', 'rate', '100'),
    ('agent.commissions', 'id', '93000000-0000-0000-0000-000000000001', 'commission_rate', '100'),
    ('sales.orders', 'id', 'd3000000-0000-0000-0000-000000000001', 'total', '0')
) AS g (table_name, key_column, key_value, column_name, good_value);

-- numeric(12,2) money holds up to 9 999 999 999.99 and no more.
SELECT lives_ok(
    $$UPDATE catalog.products SET base_price = 9999999999.99 WHERE id = 'b0000000-0000-0000-0000-000000000001'$$,
    'money holds 9 999 999 999.99'
);
SELECT throws_ok(
    $$UPDATE catalog.products SET base_price = 10000000000.00 WHERE id = 'b0000000-0000-0000-0000-000000000001'$$,
    '22003', NULL, 'money beyond numeric(12,2) is refused (22003)'
);

-- stock_items: 0 <= reserved_quantity <= quantity, both ways round.
SELECT throws_ok(
    $$UPDATE inventory.stock_items SET quantity = 9 WHERE id = 'e1000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'stock_items: quantity cannot drop below reserved_quantity'
);
SELECT lives_ok(
    $$UPDATE inventory.stock_items SET quantity = 0, reserved_quantity = 0
      WHERE id = 'e1000000-0000-0000-0000-000000000001'$$,
    'stock_items: quantity 0 with nothing reserved'
);

-- Coupons: a percentage is 0 < value <= 100; a fixed amount may be larger.
SELECT lives_ok(
    $$INSERT INTO sales.coupons (code, type, value) VALUES ('PCT100', 'percentage', 100)$$,
    'a 100 % coupon is accepted'
);
SELECT throws_ok(
    $$INSERT INTO sales.coupons (code, type, value) VALUES ('PCT101', 'percentage', 100.01)$$,
    '23514', NULL, 'a percentage coupon above 100 is refused'
);
SELECT throws_ok(
    $$UPDATE sales.coupons SET type = 'percentage', value = 150 WHERE id = 'd2000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'a fixed coupon of 150 cannot become a 150 % coupon'
);
SELECT lives_ok(
    $$INSERT INTO sales.coupons (code, type, value) VALUES ('FIX150', 'fixed', 150)$$,
    'a fixed coupon of RM150 is accepted'
);
SELECT throws_ok(
    $$INSERT INTO sales.coupons (code, type, value) VALUES ('PCT0', 'percentage', 0)$$,
    '23514', NULL, 'a 0 % coupon is refused'
);
SELECT throws_ok(
    $$UPDATE sales.coupons SET usage_limit = 1, used_count = 2 WHERE id = 'd2000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'coupons: used_count cannot exceed usage_limit'
);
SELECT throws_ok(
    $$UPDATE sales.coupons SET starts_at = now(), expires_at = now() - interval '1 day'
      WHERE id = 'd2000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'coupons: expires_at before starts_at is refused'
);

-- 4. Other row rules ----------------------------------------------------------
SELECT throws_ok(
    $$UPDATE sales.orders SET discount_amount = 10.01 WHERE id = 'd3000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'orders: discount_amount cannot exceed subtotal'
);
SELECT throws_ok(
    $$UPDATE sales.orders SET status = 'cancelled', cancellation_reason = NULL
      WHERE id = 'd3000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'orders: a cancelled order needs a cancellation_reason'
);
SELECT throws_ok(
    $$UPDATE sales.orders SET shipping_address = '"Jalan 1"' WHERE id = 'd3000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'orders: shipping_address is a JSON object'
);
SELECT throws_ok(
    $$UPDATE sales.orders SET billing_address = '[1, 2]' WHERE id = 'd3000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'orders: billing_address is a JSON object'
);
SELECT throws_ok(
    $$INSERT INTO sales.carts (user_id, session_id) VALUES (NULL, NULL)$$,
    '23514', NULL, 'carts: a cart belongs to a user or a guest session'
);
SELECT lives_ok(
    $$INSERT INTO sales.carts (user_id, session_id) VALUES (NULL, 'guest-session-1')$$,
    'carts: a guest cart has a session_id and no user'
);
SELECT throws_ok(
    $$UPDATE inventory.stock_transfers SET to_warehouse_id = from_warehouse_id
      WHERE id = 'e3000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'stock_transfers: source and destination differ'
);
SELECT throws_ok(
    $$UPDATE agent.targets SET period_end = DATE '2024-12-31' WHERE id = '91000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'targets: period_end is not before period_start'
);
SELECT throws_ok(
    $$UPDATE sales.shipping_methods SET estimated_days_min = 5, estimated_days_max = 2
      WHERE id = 'd1000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'shipping_methods: estimated_days_max is not below estimated_days_min'
);
SELECT throws_ok(
    $$INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount, reverses_id)
      VALUES ('90000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001', 10, 5, 0.50,
              '93000000-0000-0000-0000-000000000001')$$,
    '23514', NULL, 'commissions: a clawback is never positive'
);
SELECT throws_ok(
    $$UPDATE catalog.categories SET parent_id = id WHERE id = 'c0000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'categories: a CHECK refuses a category that is its own parent'
);
SELECT throws_ok(
    $$UPDATE agent.agents SET parent_agent_id = id WHERE id = '90000000-0000-0000-0000-000000000001'$$,
    '23514', NULL, 'agents: a CHECK refuses an agent that is its own parent'
);
SELECT throws_ok(
    $$INSERT INTO auth.users (email, password_hash) VALUES ('not-an-email', 'x')$$,
    '23514', NULL, 'users: email must look like an email'
);
SELECT throws_ok(
    $$INSERT INTO catalog.products (sku, name, slug, base_price) VALUES ('FIX-SLUG', 'Bad slug', 'Bad Slug', 1)$$,
    '23514', NULL, 'products: slug is lower-case words joined by hyphens'
);
SELECT throws_ok(
    $$INSERT INTO catalog.products (sku, name, slug, base_price) VALUES ('', 'No sku', 'no-sku', 1)$$,
    '23514', NULL, 'products: sku is not empty'
);

-- 5. Soft delete: business keys unique among live rows ------------------------
-- auth.users.email, case-insensitive
SELECT lives_ok(
    $$INSERT INTO auth.users (id, email, password_hash)
      VALUES ('a0000000-0000-0000-0000-000000000010', 'dup@niaga.test', 'x')$$,
    'users: a first user with email dup@niaga.test'
);
SELECT throws_ok(
    $$INSERT INTO auth.users (email, password_hash) VALUES ('dup@niaga.test', 'x')$$,
    '23505', NULL, 'users: the same email is refused while the first is live'
);
SELECT throws_ok(
    $$INSERT INTO auth.users (email, password_hash) VALUES ('DUP@Niaga.Test', 'x')$$,
    '23505', NULL, 'users: email is unique case-insensitively'
);
UPDATE auth.users
SET deleted_at = now()
WHERE id = 'a0000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO auth.users (email, password_hash) VALUES ('Dup@niaga.test', 'x')$$,
    'users: the email is free again once the first user is soft-deleted'
);
SELECT throws_ok(
    $$INSERT INTO auth.users (email, password_hash) VALUES ('dup@niaga.test', 'x')$$,
    '23505', NULL, 'users: ... and taken again by the new live user'
);

-- catalog.products.sku and slug
SELECT lives_ok(
    $$INSERT INTO catalog.products (id, sku, name, slug, base_price)
      VALUES ('b0000000-0000-0000-0000-000000000010', 'SKU-DUP', 'Dup', 'dup-product', 1)$$,
    'products: a first product SKU-DUP / dup-product'
);
SELECT throws_ok(
    $$INSERT INTO catalog.products (sku, name, slug, base_price) VALUES ('SKU-DUP', 'Dup', 'dup-product-2', 1)$$,
    '23505', NULL, 'products: the same sku is refused while the first is live'
);
SELECT throws_ok(
    $$INSERT INTO catalog.products (sku, name, slug, base_price) VALUES ('SKU-DUP-2', 'Dup', 'dup-product', 1)$$,
    '23505', NULL, 'products: the same slug is refused while the first is live'
);
UPDATE catalog.products
SET deleted_at = now()
WHERE id = 'b0000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO catalog.products (sku, name, slug, base_price) VALUES ('SKU-DUP', 'Dup', 'dup-product', 1)$$,
    'products: sku and slug are free again once the first is soft-deleted'
);

-- catalog.product_variants.sku
SELECT lives_ok(
    $$INSERT INTO catalog.product_variants (id, product_id, sku, name)
      VALUES ('b2000000-0000-0000-0000-000000000010', 'b0000000-0000-0000-0000-000000000001', 'VAR-DUP', 'A')$$,
    'variants: a first variant VAR-DUP'
);
SELECT throws_ok(
    $$INSERT INTO catalog.product_variants (product_id, sku, name)
      VALUES ('b0000000-0000-0000-0000-000000000001', 'VAR-DUP', 'B')$$,
    '23505', NULL, 'variants: the same sku is refused while the first is live'
);
UPDATE catalog.product_variants
SET deleted_at = now()
WHERE id = 'b2000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO catalog.product_variants (product_id, sku, name)
      VALUES ('b0000000-0000-0000-0000-000000000001', 'VAR-DUP', 'B')$$,
    'variants: the sku is free again once the first is soft-deleted'
);

-- catalog.categories.slug and name
SELECT lives_ok(
    $$INSERT INTO catalog.categories (id, name, slug)
      VALUES ('c0000000-0000-0000-0000-000000000010', 'Dup category', 'dup-category')$$,
    'categories: a first category dup-category'
);
SELECT throws_ok(
    $$INSERT INTO catalog.categories (name, slug) VALUES ('Dup category 2', 'dup-category')$$,
    '23505', NULL, 'categories: the same slug is refused while the first is live'
);
SELECT throws_ok(
    $$INSERT INTO catalog.categories (name, slug) VALUES ('Dup category', 'dup-category-2')$$,
    '23505', NULL, 'categories: the same name is refused while the first is live'
);
UPDATE catalog.categories
SET deleted_at = now()
WHERE id = 'c0000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO catalog.categories (name, slug) VALUES ('Dup category', 'dup-category')$$,
    'categories: name and slug are free again once the first is soft-deleted'
);

-- inventory.warehouses.code
SELECT lives_ok(
    $$INSERT INTO inventory.warehouses (id, code, name)
      VALUES ('e0000000-0000-0000-0000-000000000010', 'WH-DUP', 'Dup')$$,
    'warehouses: a first warehouse WH-DUP'
);
SELECT throws_ok(
    $$INSERT INTO inventory.warehouses (code, name) VALUES ('WH-DUP', 'Dup 2')$$,
    '23505', NULL, 'warehouses: the same code is refused while the first is live'
);
UPDATE inventory.warehouses
SET deleted_at = now()
WHERE id = 'e0000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO inventory.warehouses (code, name) VALUES ('WH-DUP', 'Dup 2')$$,
    'warehouses: the code is free again once the first is soft-deleted'
);

-- sales.coupons.code, case-insensitive
SELECT lives_ok(
    $$INSERT INTO sales.coupons (id, code, type, value)
      VALUES ('d2000000-0000-0000-0000-000000000010', 'SAVE10', 'fixed', 10)$$,
    'coupons: a first coupon SAVE10'
);
SELECT throws_ok(
    $$INSERT INTO sales.coupons (code, type, value) VALUES ('SAVE10', 'fixed', 5)$$,
    '23505', NULL, 'coupons: the same code is refused while the first is live'
);
SELECT throws_ok(
    $$INSERT INTO sales.coupons (code, type, value) VALUES ('save10', 'fixed', 5)$$,
    '23505', NULL, 'coupons: code is unique case-insensitively'
);
UPDATE sales.coupons
SET deleted_at = now()
WHERE id = 'd2000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO sales.coupons (code, type, value) VALUES ('Save10', 'fixed', 5)$$,
    'coupons: the code is free again once the first is soft-deleted'
);

-- sales.shipping_methods.code
SELECT lives_ok(
    $$INSERT INTO sales.shipping_methods (id, code, name)
      VALUES ('d1000000-0000-0000-0000-000000000010', 'dup-ship', 'Dup')$$,
    'shipping_methods: a first method dup-ship'
);
SELECT throws_ok(
    $$INSERT INTO sales.shipping_methods (code, name) VALUES ('dup-ship', 'Dup 2')$$,
    '23505', NULL, 'shipping_methods: the same code is refused while the first is live'
);
UPDATE sales.shipping_methods
SET deleted_at = now()
WHERE id = 'd1000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO sales.shipping_methods (code, name) VALUES ('dup-ship', 'Dup 2')$$,
    'shipping_methods: the code is free again once the first is soft-deleted'
);

-- agent.agents.agent_code and one live agent per user
SELECT lives_ok(
    $$INSERT INTO agent.agents (id, user_id, agent_code)
      VALUES ('90000000-0000-0000-0000-000000000010', 'a0000000-0000-0000-0000-000000000003', 'AG-DUP')$$,
    'agents: a first agent AG-DUP'
);
SELECT throws_ok(
    $$INSERT INTO agent.agents (user_id, agent_code) VALUES ('a0000000-0000-0000-0000-000000000001', 'AG-DUP')$$,
    '23505', NULL, 'agents: the same agent_code is refused while the first is live'
);
SELECT throws_ok(
    $$INSERT INTO agent.agents (user_id, agent_code) VALUES ('a0000000-0000-0000-0000-000000000003', 'AG-DUP-2')$$,
    '23505', NULL, 'agents: a user is at most one live agent'
);
UPDATE agent.agents
SET deleted_at = now()
WHERE id = '90000000-0000-0000-0000-000000000010';
SELECT lives_ok(
    $$INSERT INTO agent.agents (user_id, agent_code) VALUES ('a0000000-0000-0000-0000-000000000003', 'AG-DUP')$$,
    'agents: code and user are free again once the first is soft-deleted'
);

-- 6. Other unique rules ----------------------------------------------------
-- sales.tax_rates: at most one active default
SELECT lives_ok(
    $$INSERT INTO sales.tax_rates (code, name, rate, is_default, is_active) VALUES ('SST-A', 'A', 6, true, true)$$,
    'tax_rates: a first active default'
);
SELECT throws_ok(
    $$INSERT INTO sales.tax_rates (code, name, rate, is_default, is_active) VALUES ('SST-B', 'B', 8, true, true)$$,
    '23505', NULL, 'tax_rates: a second active default is refused'
);
SELECT lives_ok(
    $$INSERT INTO sales.tax_rates (code, name, rate, is_default, is_active) VALUES ('SST-C', 'C', 8, true, false)$$,
    'tax_rates: an inactive default is allowed beside it'
);
SELECT lives_ok(
    $$INSERT INTO sales.tax_rates (code, name, rate, is_default, is_active) VALUES ('SST-D', 'D', 10, false, true)$$,
    'tax_rates: an active non-default is allowed beside it'
);
SELECT throws_ok(
    $$UPDATE sales.tax_rates SET is_active = true WHERE code = 'SST-C'$$,
    '23505', NULL, 'tax_rates: activating the second default is refused'
);
SELECT throws_ok(
    $$INSERT INTO sales.tax_rates (code, name, rate) VALUES ('SST-A', 'A again', 6)$$,
    '23505', NULL, 'tax_rates: code is unique'
);

-- inventory.stock_items: unique (warehouse, product, variant), NULLS NOT DISTINCT
SELECT throws_ok(
    $$INSERT INTO inventory.stock_items (warehouse_id, product_id, variant_id)
      VALUES ('e0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', NULL)$$,
    '23505', NULL, 'stock_items: a second row for the same product with no variant is refused'
);
SELECT lives_ok(
    $$INSERT INTO inventory.stock_items (warehouse_id, product_id, variant_id)
      VALUES ('e0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001',
              'b2000000-0000-0000-0000-000000000001')$$,
    'stock_items: the same product with a variant is another row'
);
SELECT throws_ok(
    $$INSERT INTO inventory.stock_items (warehouse_id, product_id, variant_id)
      VALUES ('e0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001',
              'b2000000-0000-0000-0000-000000000001')$$,
    '23505', NULL, 'stock_items: ... but only once'
);
SELECT lives_ok(
    $$INSERT INTO inventory.stock_items (warehouse_id, product_id, variant_id)
      VALUES ('e0000000-0000-0000-0000-000000000002', 'b0000000-0000-0000-0000-000000000001', NULL)$$,
    'stock_items: the same product in another warehouse is another row'
);

-- sales.cart_items and inventory.stock_transfer_items: one line per product/variant
SELECT throws_ok(
    $$INSERT INTO sales.cart_items (cart_id, product_id, variant_id, quantity, unit_price)
      VALUES ('d9000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', NULL, 1, 10)$$,
    '23505', NULL, 'cart_items: a second line for the same product with no variant is refused'
);
SELECT throws_ok(
    $$INSERT INTO inventory.stock_transfer_items (transfer_id, product_id, variant_id, quantity)
      VALUES ('e3000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001', NULL, 1)$$,
    '23505', NULL, 'stock_transfer_items: a second line for the same product with no variant is refused'
);

-- crm.addresses: at most one default per user (the index behind the trigger)
SELECT throws_ok(
    $$INSERT INTO crm.addresses (user_id, recipient_name, address_line1, city, state, postcode, is_default)
      VALUES ('a0000000-0000-0000-0000-000000000001', 'Second', 'Jalan 2', 'Shah Alam', 'Selangor', '40000', true)$$,
    '23505', NULL, 'addresses: a second default for one user is refused by the unique index'
);
SELECT lives_ok(
    $$INSERT INTO crm.addresses (user_id, recipient_name, address_line1, city, state, postcode, is_default)
      VALUES ('a0000000-0000-0000-0000-000000000001', 'Second', 'Jalan 2', 'Shah Alam', 'Selangor', '40000', false)$$,
    'addresses: a second, non-default address is fine'
);

-- one per … rules
SELECT throws_ok(
    $$INSERT INTO catalog.product_reviews (product_id, user_id, rating)
      VALUES ('b0000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001', 3)$$,
    '23505', NULL, 'product_reviews: one review per user per product'
);
SELECT throws_ok(
    $$INSERT INTO sales.coupon_usages (coupon_id, user_id, order_id)
      VALUES ('d2000000-0000-0000-0000-000000000001', 'a0000000-0000-0000-0000-000000000001',
              'd3000000-0000-0000-0000-000000000001')$$,
    '23505', NULL, 'coupon_usages: one per order'
);
SELECT throws_ok(
    $$INSERT INTO crm.customer_profiles (user_id) VALUES ('a0000000-0000-0000-0000-000000000001')$$,
    '23505', NULL, 'customer_profiles: one per user'
);
SELECT lives_ok(
    $$INSERT INTO crm.wishlists (user_id, product_id)
      VALUES ('a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001')$$,
    'wishlists: a user saves a product'
);
SELECT throws_ok(
    $$INSERT INTO crm.wishlists (user_id, product_id)
      VALUES ('a0000000-0000-0000-0000-000000000001', 'b0000000-0000-0000-0000-000000000001')$$,
    '23505', NULL, 'wishlists: once'
);
SELECT throws_ok(
    $$INSERT INTO sales.payments (order_id, payment_method, payment_provider, transaction_id, amount)
      VALUES ('d3000000-0000-0000-0000-000000000001', 'cod', 'manual', 'TX-FIX-1', 1)$$,
    '23505', NULL, 'payments: one row per (payment_provider, transaction_id)'
);
SELECT throws_ok(
    $$INSERT INTO sales.orders (order_number) VALUES ('ORD-FIX-1')$$,
    '23505', NULL, 'orders: order_number is unique'
);
SELECT throws_ok(
    $$INSERT INTO auth.sessions (user_id, refresh_token, expires_at)
      VALUES ('a0000000-0000-0000-0000-000000000001', 'hash-1', now())$$,
    '23505', NULL, 'sessions: refresh_token is unique'
);
SELECT throws_ok(
    $$INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount)
      VALUES ('90000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001', 10, 5, 0.50)$$,
    '23505', NULL, 'commissions: one accrual per (order, agent, level)'
);
SELECT lives_ok(
    $$INSERT INTO agent.commissions (id, agent_id, order_id, order_total, commission_rate, commission_amount,
                                     reverses_id)
      VALUES ('93000000-0000-0000-0000-000000000002', '90000000-0000-0000-0000-000000000001',
              'd3000000-0000-0000-0000-000000000001', 10, 5, -0.50, '93000000-0000-0000-0000-000000000001')$$,
    'commissions: a clawback of the accrual'
);
SELECT throws_ok(
    $$INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount,
                                     reverses_id)
      VALUES ('90000000-0000-0000-0000-000000000001', 'd3000000-0000-0000-0000-000000000001', 10, 5, -0.50,
              '93000000-0000-0000-0000-000000000001')$$,
    '23505', NULL, 'commissions: at most one clawback per accrual'
);
SELECT throws_ok(
    $$INSERT INTO catalog.brands (name, slug) VALUES ('Fixture Brand', 'fixture-brand-2')$$,
    '23505', NULL, 'brands: name is unique'
);

-- 7. Foreign keys ---------------------------------------------------------------
SELECT fk_ok('auth', 'sessions', 'user_id', 'auth', 'users', 'id', 'sessions.user_id -> users');
SELECT fk_ok('auth', 'password_resets', 'user_id', 'auth', 'users', 'id', 'password_resets.user_id -> users');
SELECT fk_ok('catalog', 'categories', 'parent_id', 'catalog', 'categories', 'id', 'categories.parent_id -> categories');
SELECT fk_ok('catalog', 'products', 'brand_id', 'catalog', 'brands', 'id', 'products.brand_id -> brands');
SELECT fk_ok('catalog', 'product_categories', 'product_id', 'catalog', 'products', 'id',
             'product_categories.product_id -> products');
SELECT fk_ok('catalog', 'product_categories', 'category_id', 'catalog', 'categories', 'id',
             'product_categories.category_id -> categories');
SELECT fk_ok('catalog', 'product_images', 'product_id', 'catalog', 'products', 'id',
             'product_images.product_id -> products');
SELECT fk_ok('catalog', 'product_variants', 'product_id', 'catalog', 'products', 'id',
             'product_variants.product_id -> products');
SELECT fk_ok('catalog', 'attribute_values', 'attribute_id', 'catalog', 'attributes', 'id',
             'attribute_values.attribute_id -> attributes');
SELECT fk_ok('catalog', 'product_attributes', 'product_id', 'catalog', 'products', 'id',
             'product_attributes.product_id -> products');
SELECT fk_ok('catalog', 'product_attributes', 'attribute_id', 'catalog', 'attributes', 'id',
             'product_attributes.attribute_id -> attributes');
SELECT fk_ok('catalog', 'product_attributes', 'attribute_value_id', 'catalog', 'attribute_values', 'id',
             'product_attributes.attribute_value_id -> attribute_values');
SELECT fk_ok('catalog', 'variant_option_values', 'option_id', 'catalog', 'variant_options', 'id',
             'variant_option_values.option_id -> variant_options');
SELECT fk_ok('catalog', 'product_variant_options', 'variant_id', 'catalog', 'product_variants', 'id',
             'product_variant_options.variant_id -> product_variants');
SELECT fk_ok('catalog', 'product_variant_options', 'option_id', 'catalog', 'variant_options', 'id',
             'product_variant_options.option_id -> variant_options');
SELECT fk_ok('catalog', 'product_variant_options', 'option_value_id', 'catalog', 'variant_option_values', 'id',
             'product_variant_options.option_value_id -> variant_option_values');
SELECT fk_ok('catalog', 'product_reviews', 'product_id', 'catalog', 'products', 'id',
             'product_reviews.product_id -> products');
SELECT fk_ok('catalog', 'product_reviews', 'user_id', 'auth', 'users', 'id', 'product_reviews.user_id -> users');
SELECT fk_ok('catalog', 'price_history', 'product_id', 'catalog', 'products', 'id',
             'price_history.product_id -> products');
SELECT fk_ok('catalog', 'price_history', 'variant_id', 'catalog', 'product_variants', 'id',
             'price_history.variant_id -> product_variants');
SELECT fk_ok('inventory', 'stock_items', 'warehouse_id', 'inventory', 'warehouses', 'id',
             'stock_items.warehouse_id -> warehouses');
SELECT fk_ok('inventory', 'stock_items', 'product_id', 'catalog', 'products', 'id',
             'stock_items.product_id -> products');
SELECT fk_ok('inventory', 'stock_items', 'variant_id', 'catalog', 'product_variants', 'id',
             'stock_items.variant_id -> product_variants');
SELECT fk_ok('inventory', 'stock_movements', 'warehouse_id', 'inventory', 'warehouses', 'id',
             'stock_movements.warehouse_id -> warehouses');
SELECT fk_ok('inventory', 'stock_movements', 'product_id', 'catalog', 'products', 'id',
             'stock_movements.product_id -> products');
SELECT fk_ok('inventory', 'stock_movements', 'variant_id', 'catalog', 'product_variants', 'id',
             'stock_movements.variant_id -> product_variants');
SELECT fk_ok('inventory', 'stock_transfers', 'from_warehouse_id', 'inventory', 'warehouses', 'id',
             'stock_transfers.from_warehouse_id -> warehouses');
SELECT fk_ok('inventory', 'stock_transfers', 'to_warehouse_id', 'inventory', 'warehouses', 'id',
             'stock_transfers.to_warehouse_id -> warehouses');
SELECT fk_ok('inventory', 'stock_transfer_items', 'transfer_id', 'inventory', 'stock_transfers', 'id',
             'stock_transfer_items.transfer_id -> stock_transfers');
SELECT fk_ok('inventory', 'stock_transfer_items', 'product_id', 'catalog', 'products', 'id',
             'stock_transfer_items.product_id -> products');
SELECT fk_ok('inventory', 'stock_transfer_items', 'variant_id', 'catalog', 'product_variants', 'id',
             'stock_transfer_items.variant_id -> product_variants');
SELECT fk_ok('sales', 'carts', 'user_id', 'auth', 'users', 'id', 'carts.user_id -> users');
SELECT fk_ok('sales', 'carts', 'order_id', 'sales', 'orders', 'id', 'carts.order_id -> orders');
SELECT fk_ok('sales', 'cart_items', 'cart_id', 'sales', 'carts', 'id', 'cart_items.cart_id -> carts');
SELECT fk_ok('sales', 'cart_items', 'product_id', 'catalog', 'products', 'id', 'cart_items.product_id -> products');
SELECT fk_ok('sales', 'cart_items', 'variant_id', 'catalog', 'product_variants', 'id',
             'cart_items.variant_id -> product_variants');
SELECT fk_ok('sales', 'orders', 'user_id', 'auth', 'users', 'id', 'orders.user_id -> users');
SELECT fk_ok('sales', 'orders', 'agent_id', 'agent', 'agents', 'id', 'orders.agent_id -> agents');
SELECT fk_ok('sales', 'orders', 'warehouse_id', 'inventory', 'warehouses', 'id', 'orders.warehouse_id -> warehouses');
SELECT fk_ok('sales', 'orders', 'tax_rate_id', 'sales', 'tax_rates', 'id', 'orders.tax_rate_id -> tax_rates');
SELECT fk_ok('sales', 'order_items', 'order_id', 'sales', 'orders', 'id', 'order_items.order_id -> orders');
SELECT fk_ok('sales', 'order_items', 'product_id', 'catalog', 'products', 'id', 'order_items.product_id -> products');
SELECT fk_ok('sales', 'order_items', 'variant_id', 'catalog', 'product_variants', 'id',
             'order_items.variant_id -> product_variants');
SELECT fk_ok('sales', 'order_status_history', 'order_id', 'sales', 'orders', 'id',
             'order_status_history.order_id -> orders');
SELECT fk_ok('sales', 'payments', 'order_id', 'sales', 'orders', 'id', 'payments.order_id -> orders');
SELECT fk_ok('sales', 'coupon_usages', 'coupon_id', 'sales', 'coupons', 'id', 'coupon_usages.coupon_id -> coupons');
SELECT fk_ok('sales', 'coupon_usages', 'user_id', 'auth', 'users', 'id', 'coupon_usages.user_id -> users');
SELECT fk_ok('sales', 'coupon_usages', 'order_id', 'sales', 'orders', 'id', 'coupon_usages.order_id -> orders');
SELECT fk_ok('sales', 'refunds', 'order_id', 'sales', 'orders', 'id', 'refunds.order_id -> orders');
SELECT fk_ok('crm', 'customer_profiles', 'user_id', 'auth', 'users', 'id', 'customer_profiles.user_id -> users');
SELECT fk_ok('crm', 'addresses', 'user_id', 'auth', 'users', 'id', 'addresses.user_id -> users');
SELECT fk_ok('crm', 'wishlists', 'user_id', 'auth', 'users', 'id', 'wishlists.user_id -> users');
SELECT fk_ok('crm', 'wishlists', 'product_id', 'catalog', 'products', 'id', 'wishlists.product_id -> products');
SELECT fk_ok('agent', 'agents', 'user_id', 'auth', 'users', 'id', 'agents.user_id -> users');
SELECT fk_ok('agent', 'agents', 'parent_agent_id', 'agent', 'agents', 'id', 'agents.parent_agent_id -> agents');
SELECT fk_ok('agent', 'targets', 'agent_id', 'agent', 'agents', 'id', 'targets.agent_id -> agents');
SELECT fk_ok('agent', 'payouts', 'agent_id', 'agent', 'agents', 'id', 'payouts.agent_id -> agents');
SELECT fk_ok('agent', 'commissions', 'agent_id', 'agent', 'agents', 'id', 'commissions.agent_id -> agents');
SELECT fk_ok('agent', 'commissions', 'order_id', 'sales', 'orders', 'id', 'commissions.order_id -> orders');
SELECT fk_ok('agent', 'commissions', 'payout_id', 'agent', 'payouts', 'id', 'commissions.payout_id -> payouts');
SELECT fk_ok('agent', 'commissions', 'reverses_id', 'agent', 'commissions', 'id',
             'commissions.reverses_id -> commissions');
-- An attribute value is filed under its own attribute, an option value under its own option.
SELECT fk_ok('catalog', 'product_attributes', ARRAY['attribute_value_id', 'attribute_id'],
             'catalog', 'attribute_values', ARRAY['id', 'attribute_id'],
             'product_attributes (attribute_value_id, attribute_id) -> attribute_values (id, attribute_id)');
SELECT fk_ok('catalog', 'product_variant_options', ARRAY['option_value_id', 'option_id'],
             'catalog', 'variant_option_values', ARRAY['id', 'option_id'],
             'product_variant_options (option_value_id, option_id) -> variant_option_values (id, option_id)');

-- 8. Foreign keys at work (business triggers on again) ----------------------
SET LOCAL session_replication_role = origin;

SELECT throws_ok(
    $$INSERT INTO auth.sessions (user_id, refresh_token, expires_at)
      VALUES ('a0000000-0000-0000-0000-0000000000ff', 'hash-ghost', now())$$,
    '23503', NULL, 'a session of an unknown user is refused'
);
SELECT throws_ok(
    $$INSERT INTO crm.wishlists (user_id, product_id)
      VALUES ('a0000000-0000-0000-0000-000000000002', 'b0000000-0000-0000-0000-0000000000ff')$$,
    '23503', NULL, 'a wishlist entry of an unknown product is refused'
);
SELECT throws_ok(
    $$DELETE FROM catalog.products WHERE id = 'b0000000-0000-0000-0000-000000000001'$$,
    '23503', NULL, 'a product that was ordered cannot be hard-deleted'
);
SELECT throws_ok(
    $$DELETE FROM inventory.warehouses WHERE id = 'e0000000-0000-0000-0000-000000000001'$$,
    '23503', NULL, 'a warehouse that holds stock cannot be hard-deleted'
);
INSERT INTO catalog.attributes (id, name, code)
VALUES ('80000000-0000-0000-0000-000000000002', 'Colour', 'colour');
INSERT INTO catalog.attribute_values (id, attribute_id, value)
VALUES ('81000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000001', 'Cotton'),
       ('81000000-0000-0000-0000-000000000002', '80000000-0000-0000-0000-000000000002', 'Merah');
SELECT lives_ok(
    $$INSERT INTO catalog.product_attributes (product_id, attribute_id, attribute_value_id)
      VALUES ('b0000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000001',
              '81000000-0000-0000-0000-000000000001')$$,
    'a product is filed under material = Cotton'
);
SELECT throws_ok(
    $$INSERT INTO catalog.product_attributes (product_id, attribute_id, attribute_value_id)
      VALUES ('b0000000-0000-0000-0000-000000000001', '80000000-0000-0000-0000-000000000001',
              '81000000-0000-0000-0000-000000000002')$$,
    '23503', NULL, 'a value of colour cannot be filed under material'
);

SELECT * FROM finish();
ROLLBACK;
