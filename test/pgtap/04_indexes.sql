-- Indexes (SPEC §1): the seed's named indexes on their columns, and an
-- index on every foreign key.
BEGIN;
SELECT plan(19);

-- The seed's critical indexes --------------------------------------------
SELECT has_index('auth', 'users', 'idx_users_email', ARRAY['email'], 'idx_users_email on auth.users (email)');
SELECT has_index('auth', 'sessions', 'idx_sessions_refresh_token', ARRAY['refresh_token'],
                 'idx_sessions_refresh_token on auth.sessions (refresh_token)');
SELECT has_index('catalog', 'products', 'idx_products_slug', ARRAY['slug'],
                 'idx_products_slug on catalog.products (slug)');
SELECT has_index('catalog', 'products', 'idx_products_sku', ARRAY['sku'],
                 'idx_products_sku on catalog.products (sku)');
SELECT has_index('catalog', 'products', 'idx_products_is_active_is_featured', ARRAY['is_active', 'is_featured'],
                 'idx_products_is_active_is_featured on catalog.products (is_active, is_featured)');
SELECT has_index('inventory', 'stock_items', 'idx_stock_items_warehouse_product', ARRAY['warehouse_id', 'product_id'],
                 'idx_stock_items_warehouse_product on inventory.stock_items (warehouse_id, product_id)');
SELECT has_index('sales', 'orders', 'idx_orders_user_status', ARRAY['user_id', 'status'],
                 'idx_orders_user_status on sales.orders (user_id, status)');
SELECT has_index('sales', 'orders', 'idx_orders_created_at', ARRAY['created_at'],
                 'idx_orders_created_at on sales.orders (created_at)');
SELECT has_index('sales', 'order_items', 'idx_order_items_order_id', ARRAY['order_id'],
                 'idx_order_items_order_id on sales.order_items (order_id)');
SELECT has_index('crm', 'addresses', 'idx_addresses_user_id_is_default', ARRAY['user_id', 'is_default'],
                 'idx_addresses_user_id_is_default on crm.addresses (user_id, is_default)');

SELECT is(
    (
        SELECT (i.indoption[0] & 1)::int
        FROM pg_catalog.pg_index AS i
        WHERE i.indexrelid = to_regclass('sales.idx_orders_created_at')
    ),
    1,
    'idx_orders_created_at is ordered created_at DESC'
);

-- The seed's indexes are btree, whole-table (not partial) and usable.
SELECT is_empty(
    $$
    SELECT expected.index_name
    FROM unnest(ARRAY[
        'auth.idx_users_email', 'auth.idx_sessions_refresh_token', 'catalog.idx_products_slug',
        'catalog.idx_products_sku', 'catalog.idx_products_is_active_is_featured',
        'inventory.idx_stock_items_warehouse_product', 'sales.idx_orders_user_status',
        'sales.idx_orders_created_at', 'sales.idx_order_items_order_id', 'crm.idx_addresses_user_id_is_default'
    ]) AS expected (index_name)
    LEFT JOIN pg_catalog.pg_class AS c
        ON c.oid = to_regclass(expected.index_name)
    LEFT JOIN pg_catalog.pg_index AS i
        ON i.indexrelid = c.oid
    LEFT JOIN pg_catalog.pg_am AS am
        ON am.oid = c.relam
    WHERE i.indexrelid IS NULL
       OR am.amname <> 'btree'
       OR i.indpred IS NOT NULL
       OR NOT i.indisvalid
    $$,
    'the seed''s indexes are valid, whole-table btree indexes'
);

-- Unique lookups the spec relies on are backed by unique indexes.
SELECT ok(
    EXISTS (
        SELECT 1
        FROM pg_catalog.pg_index AS i
        WHERE i.indrelid = to_regclass('auth.sessions')
          AND i.indisunique
          AND i.indpred IS NULL
          AND i.indnkeyatts = 1
          AND i.indkey[0] = (
              SELECT attnum FROM pg_catalog.pg_attribute
              WHERE attrelid = to_regclass('auth.sessions') AND attname = 'refresh_token'
          )
    ),
    'auth.sessions.refresh_token is unique'
);
SELECT ok(
    EXISTS (
        SELECT 1
        FROM pg_catalog.pg_index AS i
        WHERE i.indrelid = to_regclass('sales.orders')
          AND i.indisunique
          AND i.indpred IS NULL
          AND i.indnkeyatts = 1
          AND i.indkey[0] = (
              SELECT attnum FROM pg_catalog.pg_attribute
              WHERE attrelid = to_regclass('sales.orders') AND attname = 'order_number'
          )
    ),
    'sales.orders.order_number is unique'
);

-- Soft-deleted tables: business keys are unique among live rows only, so
-- every unique index on such a key is partial on deleted_at IS NULL.
SELECT is_empty(
    $$
    SELECT format('%s: %s', i.indexrelid::regclass, pg_catalog.pg_get_indexdef(i.indexrelid))
    FROM pg_catalog.pg_index AS i
    JOIN pg_catalog.pg_attribute AS deleted
        ON deleted.attrelid = i.indrelid
       AND deleted.attname = 'deleted_at'
       AND NOT deleted.attisdropped
    WHERE i.indisunique
      AND NOT i.indisprimary
      AND coalesce(pg_catalog.pg_get_expr(i.indpred, i.indrelid), '') NOT LIKE '%deleted_at IS NULL%'
    $$,
    'on soft-deleted tables every unique index (but the primary key) ignores deleted rows'
);

-- Index on every foreign key ---------------------------------------------
-- A foreign key is covered when some valid, whole-table index starts with
-- exactly its columns (in any order). Expected: no uncovered foreign key.
SELECT is_empty(
    $$
    SELECT format('%s (%s)', fk.conrelid::regclass,
                  (SELECT string_agg(a.attname, ', ' ORDER BY k.position)
                   FROM unnest(fk.conkey) WITH ORDINALITY AS k (attnum, position)
                   JOIN pg_catalog.pg_attribute AS a
                       ON a.attrelid = fk.conrelid
                      AND a.attnum = k.attnum))
    FROM pg_catalog.pg_constraint AS fk
    JOIN pg_catalog.pg_namespace AS n
        ON n.oid = fk.connamespace
    WHERE fk.contype = 'f'
      AND n.nspname IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND NOT EXISTS (
          SELECT 1
          FROM pg_catalog.pg_index AS i
          WHERE i.indrelid = fk.conrelid
            AND i.indisvalid
            AND i.indpred IS NULL
            AND (
                SELECT array_agg(leading_column ORDER BY leading_column)
                FROM unnest((string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(fk.conkey)])
                    AS leading_column
            ) = (
                SELECT array_agg(fk_column ORDER BY fk_column)
                FROM unnest(fk.conkey) AS fk_column
            )
      )
    ORDER BY 1
    $$,
    'every foreign key is the leading column set of an index'
);

-- The check above is not vacuous: it saw every relationship of the data model.
SELECT cmp_ok(
    (
        SELECT count(*)::int
        FROM pg_catalog.pg_constraint AS fk
        JOIN pg_catalog.pg_namespace AS n
            ON n.oid = fk.connamespace
        WHERE fk.contype = 'f'
          AND n.nspname IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
    ),
    '>=',
    63,
    'the foreign key check saw at least the 63 foreign keys tested in 03_constraints'
);

-- No duplicate indexes: two indexes with the same definition waste writes.
SELECT is_empty(
    $$
    SELECT format('%s = %s', a.indexrelid::regclass, b.indexrelid::regclass)
    FROM pg_catalog.pg_index AS a
    JOIN pg_catalog.pg_index AS b
        ON b.indrelid = a.indrelid
       AND b.indexrelid > a.indexrelid
       AND b.indkey = a.indkey
       AND b.indclass = a.indclass
       AND b.indoption = a.indoption
       AND b.indisunique = a.indisunique
       AND coalesce(pg_catalog.pg_get_expr(b.indpred, b.indrelid), '') = coalesce(pg_catalog.pg_get_expr(a.indpred, a.indrelid), '')
       AND coalesce(pg_catalog.pg_get_expr(b.indexprs, b.indrelid), '') = coalesce(pg_catalog.pg_get_expr(a.indexprs, a.indrelid), '')
    JOIN pg_catalog.pg_class AS t
        ON t.oid = a.indrelid
    WHERE t.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
    $$,
    'no two indexes of a table are the same'
);

-- All indexes are valid (none left broken by a failed build).
SELECT is_empty(
    $$
    SELECT i.indexrelid::regclass::text
    FROM pg_catalog.pg_index AS i
    JOIN pg_catalog.pg_class AS t
        ON t.oid = i.indrelid
    WHERE t.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND NOT (i.indisvalid AND i.indisready)
    $$,
    'every index is valid and ready'
);

SELECT * FROM finish();
ROLLBACK;
