-- The extension itself (SPEC §0, §1): membership, pg_dump registration of
-- every table and sequence, the updated_at triggers and niaga.version().
BEGIN;
SELECT plan(63);

-- Version and packaging --------------------------------------------------------
SELECT has_extension('niaga', 'extension niaga is installed');
SELECT is(
    niaga.version(),
    (SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'niaga'),
    'niaga.version() is the installed extension version'
);
SELECT is(
    (SELECT extrelocatable FROM pg_catalog.pg_extension WHERE extname = 'niaga'),
    false,
    'niaga is not relocatable'
);
SELECT has_function('niaga', 'version', ARRAY[]::name[], 'niaga.version() exists');
SELECT function_returns('niaga', 'version', ARRAY[]::name[], 'text', 'niaga.version() returns text');
SELECT has_function('niaga', 'check_invariants', ARRAY[]::name[], 'niaga.check_invariants() exists (SPEC §1, §13)');
SELECT has_function('niaga', 'set_updated_at', ARRAY[]::name[], 'niaga.set_updated_at() exists');
SELECT function_returns('niaga', 'set_updated_at', ARRAY[]::name[], 'trigger',
                        'niaga.set_updated_at() is a trigger function');

-- The extension owns its schemas, so DROP EXTENSION removes them.
SELECT set_eq(
    $$
    SELECT n.nspname::text
    FROM pg_catalog.pg_depend AS d
    JOIN pg_catalog.pg_namespace AS n
        ON n.oid = d.objid
    WHERE d.classid = 'pg_catalog.pg_namespace'::regclass
      AND d.refclassid = 'pg_catalog.pg_extension'::regclass
      AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'niaga')
      AND d.deptype = 'e'
    $$,
    ARRAY['niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent'],
    'the extension owns exactly its seven schemas'
);

-- pg_extension_config_dump: every table and sequence --------------------------
CREATE TEMP TABLE expected_dumped (relation_name text PRIMARY KEY);
INSERT INTO expected_dumped (relation_name)
VALUES ('auth.users'), ('auth.sessions'), ('auth.password_resets'),
       ('catalog.categories'), ('catalog.brands'), ('catalog.products'), ('catalog.product_categories'),
       ('catalog.product_images'), ('catalog.product_variants'), ('catalog.attributes'),
       ('catalog.attribute_values'), ('catalog.product_attributes'), ('catalog.variant_options'),
       ('catalog.variant_option_values'), ('catalog.product_variant_options'), ('catalog.product_reviews'),
       ('catalog.price_history'),
       ('inventory.warehouses'), ('inventory.stock_items'), ('inventory.stock_movements'),
       ('inventory.stock_transfers'), ('inventory.stock_transfer_items'),
       ('sales.carts'), ('sales.cart_items'), ('sales.orders'), ('sales.order_items'),
       ('sales.order_status_history'), ('sales.payments'), ('sales.coupons'), ('sales.shipping_methods'),
       ('sales.coupon_usages'), ('sales.refunds'), ('sales.tax_rates'),
       ('crm.customer_profiles'), ('crm.addresses'), ('crm.wishlists'),
       ('agent.agents'), ('agent.override_rates'), ('agent.targets'), ('agent.commissions'), ('agent.payouts'),
       -- and the three sequences
       ('sales.order_number_seq'), ('inventory.transfer_number_seq'), ('agent.payout_number_seq');

SELECT is((SELECT count(*)::int FROM expected_dumped), 44, 'the expected list names 41 tables and 3 sequences');

CREATE TEMP VIEW dumped AS
SELECT format('%s.%s', n.nspname, c.relname) AS relation_name, config.condition
FROM pg_catalog.pg_extension AS e
CROSS JOIN LATERAL unnest(e.extconfig, e.extcondition) AS config (relation, condition)
JOIN pg_catalog.pg_class AS c
    ON c.oid = config.relation
JOIN pg_catalog.pg_namespace AS n
    ON n.oid = c.relnamespace
WHERE e.extname = 'niaga';

SELECT set_eq(
    'SELECT relation_name FROM dumped',
    'SELECT relation_name FROM expected_dumped',
    'pg_extension_config_dump registers exactly the 41 tables and 3 sequences'
);
SELECT is_empty(
    $$SELECT relation_name FROM dumped WHERE condition <> ''$$,
    'every registered relation is dumped whole (no WHERE condition)'
);
-- Every table or sequence that belongs to the extension is registered.
SELECT is_empty(
    $$
    SELECT format('%s.%s', n.nspname, c.relname)
    FROM pg_catalog.pg_depend AS d
    JOIN pg_catalog.pg_class AS c
        ON c.oid = d.objid
    JOIN pg_catalog.pg_namespace AS n
        ON n.oid = c.relnamespace
    WHERE d.classid = 'pg_catalog.pg_class'::regclass
      AND d.refclassid = 'pg_catalog.pg_extension'::regclass
      AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'niaga')
      AND d.deptype = 'e'
      AND c.relkind IN ('r', 'p', 'S')
      AND format('%s.%s', n.nspname, c.relname) NOT IN (SELECT relation_name FROM dumped)
    $$,
    'no extension table or sequence is left out of pg_dump'
);

-- updated_at triggers ----------------------------------------------------------
-- The 23 tables with an updated_at column.
CREATE TEMP TABLE updated_at_tables (table_name text PRIMARY KEY);
INSERT INTO updated_at_tables (table_name)
VALUES ('auth.users'),
       ('catalog.categories'), ('catalog.brands'), ('catalog.products'), ('catalog.product_variants'),
       ('catalog.product_reviews'),
       ('inventory.warehouses'), ('inventory.stock_items'), ('inventory.stock_transfers'),
       ('sales.carts'), ('sales.cart_items'), ('sales.orders'), ('sales.payments'), ('sales.coupons'),
       ('sales.shipping_methods'), ('sales.refunds'), ('sales.tax_rates'),
       ('crm.customer_profiles'), ('crm.addresses'),
       ('agent.agents'), ('agent.targets'), ('agent.commissions'), ('agent.payouts');

SELECT is((SELECT count(*)::int FROM updated_at_tables), 23, 'the expected list names 23 tables with updated_at');

-- A BEFORE UPDATE FOR EACH ROW trigger calling niaga.set_updated_at, on any
-- column (not UPDATE OF ...), enabled. tgtype bits: 1 row, 2 before, 16 update.
SELECT ok(
    EXISTS (
        SELECT 1
        FROM pg_catalog.pg_trigger AS t
        WHERE t.tgrelid = to_regclass(u.table_name)
          AND t.tgfoid = 'niaga.set_updated_at()'::regprocedure
          AND t.tgtype & 1 = 1
          AND t.tgtype & 2 = 2
          AND t.tgtype & 16 = 16
          AND t.tgattr = ''::int2vector
          AND t.tgenabled <> 'D'
          AND NOT t.tgisinternal
    ),
    format('%s has a BEFORE UPDATE trigger calling niaga.set_updated_at()', u.table_name)
)
FROM updated_at_tables AS u
ORDER BY u.table_name;

SELECT is_empty(
    $$
    SELECT format('%s.%s', table_schema, table_name)
    FROM information_schema.columns
    WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND column_name = 'updated_at'
    EXCEPT
    SELECT table_name FROM updated_at_tables
    $$,
    'no other table has an updated_at column'
);

-- The trigger works: an UPDATE that writes an old updated_at gets now().
-- One row in each of the 23 tables, written with niaga's business triggers
-- off (replica, SPEC §0) so that only valid-enough rows are needed; the
-- updates below run with the triggers on again.
SET LOCAL session_replication_role = replica;
INSERT INTO auth.users (id, email, password_hash)
VALUES ('a5000000-0000-0000-0000-000000000001', 'stamp1@niaga.test', 'x'),
       ('a5000000-0000-0000-0000-000000000002', 'stamp2@niaga.test', 'x');
INSERT INTO catalog.categories (name, slug)
VALUES ('Stamp', 'stamp');
INSERT INTO catalog.brands (name, slug)
VALUES ('Stamp', 'stamp');
INSERT INTO catalog.products (id, sku, name, slug, base_price)
VALUES ('b5000000-0000-0000-0000-000000000001', 'STAMP-1', 'Stamp', 'stamp-1', 10);
INSERT INTO catalog.product_variants (product_id, sku, name)
VALUES ('b5000000-0000-0000-0000-000000000001', 'STAMP-1-V', 'V');
INSERT INTO catalog.product_reviews (product_id, user_id, rating)
VALUES ('b5000000-0000-0000-0000-000000000001', 'a5000000-0000-0000-0000-000000000001', 5);
INSERT INTO inventory.warehouses (id, code, name)
VALUES ('e5000000-0000-0000-0000-000000000001', 'WH-STAMP-1', 'Stamp 1'),
       ('e5000000-0000-0000-0000-000000000002', 'WH-STAMP-2', 'Stamp 2');
INSERT INTO inventory.stock_items (warehouse_id, product_id)
VALUES ('e5000000-0000-0000-0000-000000000001', 'b5000000-0000-0000-0000-000000000001');
INSERT INTO inventory.stock_transfers (transfer_number, from_warehouse_id, to_warehouse_id)
VALUES ('TRF-STAMP-1', 'e5000000-0000-0000-0000-000000000001', 'e5000000-0000-0000-0000-000000000002');
INSERT INTO sales.tax_rates (code, name, rate)
VALUES ('STAMP', 'Stamp', 6);
INSERT INTO sales.shipping_methods (code, name)
VALUES ('stamp', 'Stamp');
INSERT INTO sales.coupons (code, type, value)
VALUES ('STAMP', 'fixed', 1);
INSERT INTO sales.orders (id, order_number, user_id)
VALUES ('d5500000-0000-0000-0000-000000000001', 'ORD-STAMP-1', 'a5000000-0000-0000-0000-000000000001');
INSERT INTO sales.payments (order_id, payment_method, payment_provider, transaction_id, amount)
VALUES ('d5500000-0000-0000-0000-000000000001', 'cod', 'manual', 'TX-STAMP-1', 0);
INSERT INTO sales.refunds (order_id, amount, reason)
VALUES ('d5500000-0000-0000-0000-000000000001', 0, 'stamp');
INSERT INTO sales.carts (id, user_id)
VALUES ('d9500000-0000-0000-0000-000000000001', 'a5000000-0000-0000-0000-000000000001');
INSERT INTO sales.cart_items (cart_id, product_id, quantity, unit_price)
VALUES ('d9500000-0000-0000-0000-000000000001', 'b5000000-0000-0000-0000-000000000001', 1, 10);
INSERT INTO crm.customer_profiles (user_id)
VALUES ('a5000000-0000-0000-0000-000000000001')
ON CONFLICT (user_id) DO NOTHING;
INSERT INTO crm.addresses (user_id, recipient_name, address_line1, city, state, postcode)
VALUES ('a5000000-0000-0000-0000-000000000001', 'Stamp', 'Jalan 1', 'Ipoh', 'Perak', '30000');
INSERT INTO agent.agents (id, user_id, agent_code)
VALUES ('95000000-0000-0000-0000-000000000001', 'a5000000-0000-0000-0000-000000000002', 'AG-STAMP');
INSERT INTO agent.targets (agent_id, period_start, period_end)
VALUES ('95000000-0000-0000-0000-000000000001', DATE '2025-01-01', DATE '2025-01-31');
INSERT INTO agent.payouts (agent_id, payout_number, amount, payment_method)
VALUES ('95000000-0000-0000-0000-000000000001', 'PAY-STAMP-1', 1, 'cheque');
INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount)
VALUES ('95000000-0000-0000-0000-000000000001', 'd5500000-0000-0000-0000-000000000001', 0, 0, 0);

SET LOCAL session_replication_role = origin;

-- Sets updated_at to an old value on every row of the table and returns
-- the updated_at values the rows ended up with.
CREATE FUNCTION pg_temp.stamp_all(relation regclass)
RETURNS SETOF timestamptz
LANGUAGE plpgsql
AS $$
BEGIN
    RETURN QUERY EXECUTE format(
        'UPDATE %s SET updated_at = %L RETURNING updated_at', relation, '2000-01-01 00:00:00+00');
END;
$$;

SELECT results_eq(
    format('SELECT DISTINCT stamp FROM pg_temp.stamp_all(%L) AS stamp', u.table_name),
    ARRAY[now()],
    format('an UPDATE of %s sets updated_at to now()', u.table_name)
)
FROM updated_at_tables AS u
ORDER BY u.table_name;

-- created_at is left alone by an update.
SELECT is(
    (SELECT created_at FROM auth.users WHERE id = 'a5000000-0000-0000-0000-000000000001'),
    now(),
    'created_at still holds the insert time'
);
UPDATE auth.users
SET created_at = '2001-01-01 00:00:00+00', first_name = 'Stamp'
WHERE id = 'a5000000-0000-0000-0000-000000000001';
SELECT is(
    (SELECT created_at FROM auth.users WHERE id = 'a5000000-0000-0000-0000-000000000001'),
    '2001-01-01 00:00:00+00'::timestamptz,
    'the trigger sets updated_at only, never created_at'
);

SELECT * FROM finish();
ROLLBACK;
