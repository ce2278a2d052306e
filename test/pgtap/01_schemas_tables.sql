-- Schemas, tables and sequences (SPEC §1): the seven schemas, exactly the
-- 41 tables and 3 sequences by name, and a comment on each of them.
BEGIN;
SELECT plan(75);

-- The schemas -----------------------------------------------------------
SELECT has_schema(schema_name, format('schema %s exists', schema_name))
FROM unnest(ARRAY['niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent']) AS schema_name;

SELECT ok(
    length(obj_description(to_regnamespace(schema_name), 'pg_namespace')) > 0,
    format('schema %s has a comment', schema_name)
)
FROM unnest(ARRAY['niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent']) AS schema_name;

-- Exactly the 41 tables -------------------------------------------------
SELECT tables_are('auth', ARRAY['users', 'sessions', 'password_resets'], 'auth has exactly its 3 tables');
SELECT tables_are(
    'catalog',
    ARRAY['categories', 'brands', 'products', 'product_categories', 'product_images', 'product_variants',
          'attributes', 'attribute_values', 'product_attributes', 'variant_options', 'variant_option_values',
          'product_variant_options', 'product_reviews', 'price_history'],
    'catalog has exactly its 14 tables'
);
SELECT tables_are(
    'inventory',
    ARRAY['warehouses', 'stock_items', 'stock_movements', 'stock_transfers', 'stock_transfer_items'],
    'inventory has exactly its 5 tables'
);
SELECT tables_are(
    'sales',
    ARRAY['carts', 'cart_items', 'orders', 'order_items', 'order_status_history', 'payments', 'coupons',
          'shipping_methods', 'coupon_usages', 'refunds', 'tax_rates'],
    'sales has exactly its 11 tables'
);
SELECT tables_are('crm', ARRAY['customer_profiles', 'addresses', 'wishlists'], 'crm has exactly its 3 tables');
SELECT tables_are(
    'agent',
    ARRAY['agents', 'override_rates', 'targets', 'commissions', 'payouts'],
    'agent has exactly its 5 tables'
);
SELECT tables_are('niaga', ARRAY[]::name[], 'niaga holds functions only, no tables');

SELECT is(
    (
        SELECT count(*)::int
        FROM pg_catalog.pg_class AS c
        JOIN pg_catalog.pg_namespace AS n
            ON n.oid = c.relnamespace
        WHERE n.nspname IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent', 'niaga')
          AND c.relkind IN ('r', 'p')
    ),
    41,
    'the extension has 41 tables in all'
);

-- The three sequences ---------------------------------------------------
SELECT sequences_are('sales', ARRAY['order_number_seq'], 'sales has exactly the order number sequence');
SELECT sequences_are('inventory', ARRAY['transfer_number_seq'], 'inventory has exactly the transfer number sequence');
SELECT sequences_are('agent', ARRAY['payout_number_seq'], 'agent has exactly the payout number sequence');
SELECT sequences_are(schema_name, ARRAY[]::name[], format('%s has no sequence', schema_name))
FROM unnest(ARRAY['auth', 'catalog', 'crm', 'niaga']) AS schema_name;

SELECT ok(
    length(obj_description(to_regclass(sequence_name), 'pg_class')) > 0,
    format('sequence %s has a comment', sequence_name)
)
FROM unnest(ARRAY['sales.order_number_seq', 'inventory.transfer_number_seq', 'agent.payout_number_seq'])
    AS sequence_name;

-- Every table exists and has a comment ----------------------------------
CREATE TEMP TABLE expected_tables (table_name text PRIMARY KEY);
INSERT INTO expected_tables (table_name)
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
       ('agent.agents'), ('agent.override_rates'), ('agent.targets'), ('agent.commissions'), ('agent.payouts');

SELECT is((SELECT count(*)::int FROM expected_tables), 41, 'the expected list names 41 tables');

SELECT ok(
    length(obj_description(to_regclass(table_name), 'pg_class')) > 0,
    format('table %s has a comment', table_name)
)
FROM expected_tables
ORDER BY table_name;

-- No table is partitioned, unlogged or temporary: all are plain, logged tables.
SELECT is_empty(
    $$
    SELECT format('%s.%s', n.nspname, c.relname)
    FROM pg_catalog.pg_class AS c
    JOIN pg_catalog.pg_namespace AS n
        ON n.oid = c.relnamespace
    WHERE n.nspname IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND c.relkind IN ('r', 'p')
      AND (c.relkind <> 'r' OR c.relpersistence <> 'p')
    $$,
    'every table is a plain, permanent table'
);

SELECT * FROM finish();
ROLLBACK;
