-- Columns (SPEC §1): every column of every table with its type, the primary
-- keys, the defaults the spec names and the NOT NULLs that matter.
--
-- The expected columns are written out below, table by table, in the types
-- of SPEC §1: uuid ids, timestamptz timestamps, numeric(12,2) money,
-- numeric(5,2) rates, numeric(10,3) weights, text[] tags, jsonb order
-- addresses and payment metadata, varchar(n) for the seed's varchars.
BEGIN;
SELECT plan(817);

CREATE TEMP TABLE expected_columns (
    schema_name name NOT NULL,
    table_name name NOT NULL,
    position bigint NOT NULL,
    column_name name NOT NULL,
    data_type text NOT NULL,
    PRIMARY KEY (schema_name, table_name, column_name)
);

-- Each entry is 'column type', the type written as in DDL.
INSERT INTO expected_columns (schema_name, table_name, position, column_name, data_type)
SELECT
    t.schema_name,
    t.table_name,
    c.position,
    split_part(c.spec, ' ', 1),
    -- DDL spelling to PostgreSQL's canonical spelling
    regexp_replace(
        regexp_replace(substr(c.spec, strpos(c.spec, ' ') + 1), '^varchar', 'character varying'),
        '^timestamptz$', 'timestamp with time zone')
FROM (
    VALUES
    ('auth', 'users', ARRAY[
        'id uuid', 'email varchar(255)', 'password_hash varchar(255)', 'first_name varchar(100)',
        'last_name varchar(100)', 'phone varchar(20)', 'avatar_url varchar(500)', 'email_verified_at timestamptz',
        'status varchar(20)', 'role varchar(20)', 'last_login_at timestamptz', 'created_at timestamptz',
        'updated_at timestamptz', 'deleted_at timestamptz']),
    ('auth', 'sessions', ARRAY[
        'id uuid', 'user_id uuid', 'refresh_token varchar(255)', 'user_agent text', 'ip_address inet',
        'expires_at timestamptz', 'created_at timestamptz', 'revoked_at timestamptz', 'rotated_at timestamptz']),
    ('auth', 'password_resets', ARRAY[
        'id uuid', 'user_id uuid', 'token varchar(255)', 'expires_at timestamptz', 'used_at timestamptz',
        'created_at timestamptz']),

    ('catalog', 'categories', ARRAY[
        'id uuid', 'parent_id uuid', 'name varchar(255)', 'slug varchar(255)', 'description text',
        'image_url varchar(500)', 'is_active boolean', 'sort_order integer', 'meta_title varchar(255)',
        'meta_description text', 'created_at timestamptz', 'updated_at timestamptz', 'deleted_at timestamptz']),
    ('catalog', 'brands', ARRAY[
        'id uuid', 'name varchar(255)', 'slug varchar(255)', 'description text', 'logo_url varchar(500)',
        'website_url varchar(500)', 'is_active boolean', 'created_at timestamptz', 'updated_at timestamptz']),
    ('catalog', 'products', ARRAY[
        'id uuid', 'sku varchar(100)', 'name varchar(255)', 'slug varchar(255)', 'description text',
        'short_description varchar(500)', 'base_price numeric(12,2)', 'compare_price numeric(12,2)',
        'cost_price numeric(12,2)', 'is_active boolean', 'is_featured boolean', 'has_variants boolean',
        'weight numeric(10,3)', 'meta_title varchar(255)', 'meta_description text', 'brand_id uuid',
        'created_at timestamptz', 'updated_at timestamptz', 'deleted_at timestamptz']),
    ('catalog', 'product_categories', ARRAY['product_id uuid', 'category_id uuid']),
    ('catalog', 'product_images', ARRAY[
        'id uuid', 'product_id uuid', 'url varchar(500)', 'alt_text varchar(255)', 'sort_order integer',
        'is_primary boolean', 'created_at timestamptz']),
    ('catalog', 'product_variants', ARRAY[
        'id uuid', 'product_id uuid', 'sku varchar(100)', 'name varchar(255)', 'price numeric(12,2)',
        'compare_price numeric(12,2)', 'cost_price numeric(12,2)', 'weight numeric(10,3)', 'is_active boolean',
        'created_at timestamptz', 'updated_at timestamptz', 'deleted_at timestamptz']),
    ('catalog', 'attributes', ARRAY[
        'id uuid', 'name varchar(100)', 'code varchar(100)', 'type varchar(20)', 'is_filterable boolean',
        'sort_order integer']),
    ('catalog', 'attribute_values', ARRAY[
        'id uuid', 'attribute_id uuid', 'value varchar(255)', 'color_code varchar(20)', 'sort_order integer']),
    ('catalog', 'product_attributes', ARRAY['product_id uuid', 'attribute_id uuid', 'attribute_value_id uuid']),
    ('catalog', 'variant_options', ARRAY['id uuid', 'name varchar(100)', 'sort_order integer']),
    ('catalog', 'variant_option_values', ARRAY[
        'id uuid', 'option_id uuid', 'value varchar(100)', 'sort_order integer']),
    ('catalog', 'product_variant_options', ARRAY['variant_id uuid', 'option_id uuid', 'option_value_id uuid']),
    ('catalog', 'product_reviews', ARRAY[
        'id uuid', 'product_id uuid', 'user_id uuid', 'rating smallint', 'title varchar(255)', 'body text',
        'is_verified_purchase boolean', 'created_at timestamptz', 'updated_at timestamptz']),
    ('catalog', 'price_history', ARRAY[
        'id uuid', 'product_id uuid', 'variant_id uuid', 'old_price numeric(12,2)', 'new_price numeric(12,2)',
        'changed_by uuid', 'created_at timestamptz']),

    ('inventory', 'warehouses', ARRAY[
        'id uuid', 'code varchar(50)', 'name varchar(255)', 'type varchar(20)', 'address text',
        'city varchar(100)', 'state varchar(100)', 'postcode varchar(10)', 'country varchar(100)',
        'phone varchar(20)', 'email varchar(255)', 'is_active boolean', 'is_pickup_location boolean',
        'priority integer', 'created_at timestamptz', 'updated_at timestamptz', 'deleted_at timestamptz']),
    ('inventory', 'stock_items', ARRAY[
        'id uuid', 'warehouse_id uuid', 'product_id uuid', 'variant_id uuid', 'quantity integer',
        'reserved_quantity integer', 'reorder_point integer', 'reorder_quantity integer',
        'bin_location varchar(50)', 'created_at timestamptz', 'updated_at timestamptz']),
    ('inventory', 'stock_movements', ARRAY[
        'id uuid', 'warehouse_id uuid', 'product_id uuid', 'variant_id uuid', 'type varchar(20)',
        'quantity integer', 'reference_type varchar(50)', 'reference_id uuid', 'notes text', 'created_by uuid',
        'created_at timestamptz']),
    ('inventory', 'stock_transfers', ARRAY[
        'id uuid', 'transfer_number varchar(50)', 'from_warehouse_id uuid', 'to_warehouse_id uuid',
        'status varchar(20)', 'notes text', 'created_by uuid', 'approved_by uuid', 'approved_at timestamptz',
        'completed_at timestamptz', 'created_at timestamptz', 'updated_at timestamptz']),
    ('inventory', 'stock_transfer_items', ARRAY[
        'id uuid', 'transfer_id uuid', 'product_id uuid', 'variant_id uuid', 'quantity integer',
        'received_quantity integer']),

    ('sales', 'carts', ARRAY[
        'id uuid', 'user_id uuid', 'session_id varchar(255)', 'coupon_code varchar(50)',
        'coupon_discount numeric(12,2)', 'notes text', 'expires_at timestamptz', 'order_id uuid',
        'created_at timestamptz', 'updated_at timestamptz']),
    ('sales', 'cart_items', ARRAY[
        'id uuid', 'cart_id uuid', 'product_id uuid', 'variant_id uuid', 'quantity integer',
        'unit_price numeric(12,2)', 'created_at timestamptz', 'updated_at timestamptz']),
    ('sales', 'orders', ARRAY[
        'id uuid', 'order_number varchar(50)', 'user_id uuid', 'agent_id uuid', 'status varchar(20)',
        'subtotal numeric(12,2)', 'shipping_cost numeric(12,2)', 'tax_amount numeric(12,2)',
        'discount_amount numeric(12,2)', 'total numeric(12,2)', 'coupon_code varchar(50)',
        'coupon_discount numeric(12,2)', 'shipping_method varchar(50)', 'shipping_address jsonb',
        'billing_address jsonb', 'warehouse_id uuid', 'tracking_number varchar(100)', 'tracking_url varchar(500)',
        'shipped_at timestamptz', 'delivered_at timestamptz', 'customer_notes text', 'admin_notes text',
        'confirmed_at timestamptz', 'cancelled_at timestamptz', 'cancellation_reason text', 'tax_rate_id uuid', 'reserved_at timestamptz',
        'created_at timestamptz', 'updated_at timestamptz']),
    ('sales', 'order_items', ARRAY[
        'id uuid', 'order_id uuid', 'product_id uuid', 'variant_id uuid', 'sku varchar(100)', 'name varchar(255)',
        'variant_name varchar(255)', 'quantity integer', 'unit_price numeric(12,2)', 'total_price numeric(12,2)',
        'created_at timestamptz']),
    ('sales', 'order_status_history', ARRAY[
        'id uuid', 'order_id uuid', 'status varchar(20)', 'notes text', 'created_by uuid',
        'created_at timestamptz']),
    ('sales', 'payments', ARRAY[
        'id uuid', 'order_id uuid', 'payment_method varchar(30)', 'payment_provider varchar(50)',
        'transaction_id varchar(255)', 'amount numeric(12,2)', 'status varchar(20)', 'paid_at timestamptz',
        'metadata jsonb', 'created_at timestamptz', 'updated_at timestamptz']),
    ('sales', 'coupons', ARRAY[
        'id uuid', 'code varchar(50)', 'description text', 'type varchar(20)', 'value numeric(12,2)',
        'min_order_amount numeric(12,2)', 'max_discount numeric(12,2)', 'usage_limit integer',
        'used_count integer', 'per_customer_limit integer', 'starts_at timestamptz', 'expires_at timestamptz',
        'is_active boolean', 'created_at timestamptz', 'updated_at timestamptz', 'deleted_at timestamptz']),
    ('sales', 'shipping_methods', ARRAY[
        'id uuid', 'code varchar(50)', 'name varchar(255)', 'description text', 'provider varchar(100)',
        'base_cost numeric(12,2)', 'free_shipping_threshold numeric(12,2)', 'estimated_days_min integer',
        'estimated_days_max integer', 'is_active boolean', 'sort_order integer', 'created_at timestamptz',
        'updated_at timestamptz', 'deleted_at timestamptz']),
    ('sales', 'coupon_usages', ARRAY[
        'id uuid', 'coupon_id uuid', 'user_id uuid', 'order_id uuid', 'created_at timestamptz']),
    ('sales', 'refunds', ARRAY[
        'id uuid', 'order_id uuid', 'amount numeric(12,2)', 'reason text', 'status varchar(20)',
        'restock boolean', 'created_by uuid', 'processed_at timestamptz', 'created_at timestamptz',
        'updated_at timestamptz']),
    ('sales', 'tax_rates', ARRAY[
        'id uuid', 'code varchar(50)', 'name varchar(255)', 'rate numeric(5,2)', 'applies_to_shipping boolean',
        'is_default boolean', 'is_active boolean', 'created_at timestamptz', 'updated_at timestamptz']),

    ('crm', 'customer_profiles', ARRAY[
        'id uuid', 'user_id uuid', 'date_of_birth date', 'gender varchar(20)', 'customer_group varchar(20)',
        'total_orders integer', 'total_spent numeric(12,2)', 'notes text', 'tags text[]',
        'created_at timestamptz', 'updated_at timestamptz']),
    ('crm', 'addresses', ARRAY[
        'id uuid', 'user_id uuid', 'label varchar(50)', 'recipient_name varchar(255)', 'phone varchar(20)',
        'address_line1 varchar(255)', 'address_line2 varchar(255)', 'city varchar(100)', 'state varchar(100)',
        'postcode varchar(10)', 'country varchar(100)', 'is_default boolean', 'created_at timestamptz',
        'updated_at timestamptz']),
    ('crm', 'wishlists', ARRAY['id uuid', 'user_id uuid', 'product_id uuid', 'created_at timestamptz']),

    ('agent', 'agents', ARRAY[
        'id uuid', 'user_id uuid', 'agent_code varchar(50)', 'parent_agent_id uuid', 'tier varchar(20)',
        'commission_rate numeric(5,2)', 'is_active boolean', 'joined_at timestamptz', 'created_at timestamptz',
        'updated_at timestamptz', 'deleted_at timestamptz']),
    ('agent', 'override_rates', ARRAY['level integer', 'rate numeric(5,2)']),
    ('agent', 'targets', ARRAY[
        'id uuid', 'agent_id uuid', 'period_start date', 'period_end date', 'target_amount numeric(12,2)',
        'achieved_amount numeric(12,2)', 'target_orders integer', 'achieved_orders integer', 'status varchar(20)',
        'created_at timestamptz', 'updated_at timestamptz']),
    ('agent', 'commissions', ARRAY[
        'id uuid', 'agent_id uuid', 'order_id uuid', 'order_total numeric(12,2)', 'commission_rate numeric(5,2)',
        'commission_amount numeric(12,2)', 'status varchar(20)', 'paid_at timestamptz', 'level integer',
        'payout_id uuid', 'reverses_id uuid', 'created_at timestamptz', 'updated_at timestamptz']),
    ('agent', 'payouts', ARRAY[
        'id uuid', 'agent_id uuid', 'payout_number varchar(50)', 'amount numeric(12,2)',
        'payment_method varchar(30)', 'bank_name varchar(100)', 'bank_account varchar(50)', 'status varchar(20)',
        'notes text', 'processed_at timestamptz', 'created_at timestamptz', 'updated_at timestamptz'])
) AS t (schema_name, table_name, specs)
CROSS JOIN LATERAL unnest(t.specs) WITH ORDINALITY AS c (spec, position);

SELECT is((SELECT count(DISTINCT (schema_name, table_name))::int FROM expected_columns), 41,
          'the expected column list covers 41 tables');
SELECT is((SELECT count(*)::int FROM expected_columns), 395, 'the expected column list has 395 columns');

-- Exactly these columns, table by table (41 tests).
SELECT columns_are(
    schema_name,
    table_name,
    array_agg(column_name ORDER BY position),
    format('%s.%s has exactly the expected columns', schema_name, table_name)
)
FROM expected_columns
GROUP BY schema_name, table_name
ORDER BY schema_name, table_name;

-- Each column's type (395 tests).
SELECT col_type_is(
    schema_name,
    table_name,
    column_name,
    data_type,
    format('%s.%s.%s is %s', schema_name, table_name, column_name, data_type)
)
FROM expected_columns
ORDER BY schema_name, table_name, position;

-- Type rules of SPEC §1 stated as rules (each expects no offending column).
SELECT is_empty(
    $$
    SELECT format('%s.%s', table_schema, table_name)
    FROM information_schema.columns
    WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND data_type IN ('timestamp without time zone', 'time without time zone', 'time with time zone')
    $$,
    'no timestamp without time zone: every timestamp is timestamptz'
);
SELECT is_empty(
    $$
    SELECT format('%s.%s.%s', table_schema, table_name, column_name)
    FROM information_schema.columns
    WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND data_type IN ('real', 'double precision', 'money')
    $$,
    'no floating point or money type anywhere: amounts are exact numeric'
);
SELECT is_empty(
    $$
    SELECT format('%s.%s.%s', table_schema, table_name, column_name)
    FROM information_schema.columns
    WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND data_type = 'numeric'
      AND (numeric_precision IS NULL OR numeric_scale IS NULL)
    $$,
    'no unconstrained numeric: every numeric has a precision and scale'
);

-- Primary keys -----------------------------------------------------------
SELECT has_pk(schema_name, table_name, format('%s.%s has a primary key', schema_name, table_name))
FROM (SELECT DISTINCT schema_name, table_name FROM expected_columns) AS t
ORDER BY schema_name, table_name;

-- Tables keyed by a uuid id (37 tables): PK id, DEFAULT gen_random_uuid().
CREATE TEMP TABLE id_tables AS
SELECT DISTINCT schema_name, table_name
FROM expected_columns
WHERE (schema_name, table_name) NOT IN (
    ('catalog', 'product_categories'), ('catalog', 'product_attributes'),
    ('catalog', 'product_variant_options'), ('agent', 'override_rates'));

SELECT is((SELECT count(*)::int FROM id_tables), 37, '37 tables are keyed by a uuid id');

SELECT col_is_pk(schema_name, table_name, 'id', format('%s.%s.id is the primary key', schema_name, table_name))
FROM id_tables
ORDER BY schema_name, table_name;

SELECT col_default_is(
    schema_name, table_name, 'id', 'gen_random_uuid()',
    format('%s.%s.id defaults to gen_random_uuid()', schema_name, table_name)
)
FROM id_tables
ORDER BY schema_name, table_name;

SELECT col_is_pk('catalog', 'product_categories', ARRAY['product_id', 'category_id'],
                 'catalog.product_categories is keyed by (product_id, category_id)');
SELECT col_is_pk('catalog', 'product_attributes', ARRAY['product_id', 'attribute_id', 'attribute_value_id'],
                 'catalog.product_attributes is keyed by (product_id, attribute_id, attribute_value_id)');
SELECT col_is_pk('catalog', 'product_variant_options', ARRAY['variant_id', 'option_id'],
                 'catalog.product_variant_options is keyed by (variant_id, option_id): one value per option');
SELECT col_is_pk('agent', 'override_rates', 'level', 'agent.override_rates is keyed by level');

-- created_at / updated_at: NOT NULL DEFAULT now() --------------------------
SELECT col_default_is(
    schema_name, table_name, column_name, 'now()',
    format('%s.%s.%s defaults to now()', schema_name, table_name, column_name)
)
FROM expected_columns
WHERE column_name IN ('created_at', 'updated_at')
ORDER BY schema_name, table_name, column_name;

SELECT col_not_null(
    schema_name, table_name, column_name,
    format('%s.%s.%s is NOT NULL', schema_name, table_name, column_name)
)
FROM expected_columns
WHERE column_name IN ('created_at', 'updated_at')
ORDER BY schema_name, table_name, column_name;

-- Soft delete: deleted_at exactly on the eight tables SPEC §1 names -------
SELECT set_eq(
    $$
    SELECT format('%s.%s', table_schema, table_name)
    FROM information_schema.columns
    WHERE table_schema IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND column_name = 'deleted_at'
    $$,
    ARRAY['auth.users', 'catalog.products', 'catalog.product_variants', 'catalog.categories',
          'inventory.warehouses', 'sales.coupons', 'sales.shipping_methods', 'agent.agents'],
    'deleted_at is on exactly the eight soft-deleted tables'
);
SELECT hasnt_column('sales', 'orders', 'deleted_at', 'orders are cancelled, never soft-deleted');

-- Other defaults the spec names --------------------------------------------
SELECT col_default_is('sales', 'carts', 'expires_at', $$(now() + '30 days'::interval)$$,
                      'a cart expires 30 days after creation by default');
SELECT col_default_is('sales', 'orders', 'status', 'pending'::text, 'an order starts pending');
SELECT col_default_is('agent', 'targets', 'status', 'active'::text, 'a target starts active');
SELECT col_default_is('agent', 'commissions', 'level', 0, 'commission level defaults to 0, the selling agent');
SELECT col_default_is('agent', 'commissions', 'status', 'pending'::text, 'a commission starts pending');
SELECT col_default_is('sales', 'coupons', 'used_count', 0, 'a coupon starts unused');
SELECT col_default_is('inventory', 'stock_items', 'quantity', 0, 'a stock item starts at quantity 0');
SELECT col_default_is('inventory', 'stock_items', 'reserved_quantity', 0, 'a stock item starts unreserved');
SELECT col_default_is('crm', 'customer_profiles', 'total_orders', 0, 'a profile starts with 0 orders');
SELECT col_default_is('crm', 'customer_profiles', 'total_spent', 0::numeric, 'a profile starts with 0 spent');
SELECT col_default_is('crm', 'addresses', 'is_default', false, 'an address is not the default unless asked');
SELECT col_default_is('catalog', 'product_reviews', 'is_verified_purchase', false,
                      'a review is not a verified purchase by default');
SELECT col_default_is('sales', 'refunds', 'restock', true, 'a refund restocks by default');
SELECT col_default_is('sales', 'tax_rates', 'is_default', false, 'a tax rate is not the default unless asked');

-- NOT NULLs that matter -----------------------------------------------------
SELECT col_not_null(s, t, c, format('%s.%s.%s is NOT NULL', s, t, c))
FROM (
    VALUES
    ('auth', 'users', 'email'), ('auth', 'users', 'password_hash'), ('auth', 'users', 'status'),
    ('auth', 'users', 'role'),
    ('auth', 'sessions', 'user_id'), ('auth', 'sessions', 'refresh_token'), ('auth', 'sessions', 'expires_at'),
    ('auth', 'password_resets', 'user_id'), ('auth', 'password_resets', 'token'),
    ('auth', 'password_resets', 'expires_at'),
    ('catalog', 'categories', 'name'), ('catalog', 'categories', 'slug'),
    ('catalog', 'products', 'sku'), ('catalog', 'products', 'name'), ('catalog', 'products', 'slug'),
    ('catalog', 'products', 'base_price'), ('catalog', 'products', 'is_active'),
    ('catalog', 'product_variants', 'product_id'), ('catalog', 'product_variants', 'sku'),
    ('catalog', 'product_variants', 'name'),
    ('catalog', 'product_reviews', 'rating'), ('catalog', 'product_reviews', 'is_verified_purchase'),
    ('catalog', 'price_history', 'product_id'),
    ('inventory', 'warehouses', 'code'), ('inventory', 'warehouses', 'type'),
    ('inventory', 'stock_items', 'warehouse_id'), ('inventory', 'stock_items', 'product_id'),
    ('inventory', 'stock_items', 'quantity'), ('inventory', 'stock_items', 'reserved_quantity'),
    ('inventory', 'stock_movements', 'warehouse_id'), ('inventory', 'stock_movements', 'product_id'),
    ('inventory', 'stock_movements', 'type'), ('inventory', 'stock_movements', 'quantity'),
    ('inventory', 'stock_transfers', 'transfer_number'), ('inventory', 'stock_transfers', 'from_warehouse_id'),
    ('inventory', 'stock_transfers', 'to_warehouse_id'), ('inventory', 'stock_transfers', 'status'),
    ('inventory', 'stock_transfer_items', 'transfer_id'), ('inventory', 'stock_transfer_items', 'quantity'),
    ('sales', 'carts', 'expires_at'),
    ('sales', 'cart_items', 'cart_id'), ('sales', 'cart_items', 'product_id'),
    ('sales', 'cart_items', 'quantity'), ('sales', 'cart_items', 'unit_price'),
    ('sales', 'orders', 'order_number'), ('sales', 'orders', 'status'), ('sales', 'orders', 'subtotal'),
    ('sales', 'orders', 'shipping_cost'), ('sales', 'orders', 'tax_amount'),
    ('sales', 'orders', 'discount_amount'), ('sales', 'orders', 'total'),
    ('sales', 'order_items', 'order_id'), ('sales', 'order_items', 'product_id'), ('sales', 'order_items', 'sku'),
    ('sales', 'order_items', 'name'), ('sales', 'order_items', 'quantity'),
    ('sales', 'order_items', 'unit_price'), ('sales', 'order_items', 'total_price'),
    ('sales', 'order_status_history', 'order_id'), ('sales', 'order_status_history', 'status'),
    ('sales', 'payments', 'order_id'), ('sales', 'payments', 'payment_method'),
    ('sales', 'payments', 'amount'), ('sales', 'payments', 'status'),
    ('sales', 'coupons', 'code'), ('sales', 'coupons', 'type'), ('sales', 'coupons', 'value'),
    ('sales', 'coupons', 'used_count'),
    ('sales', 'coupon_usages', 'coupon_id'), ('sales', 'coupon_usages', 'order_id'),
    ('sales', 'refunds', 'order_id'), ('sales', 'refunds', 'amount'), ('sales', 'refunds', 'reason'),
    ('sales', 'refunds', 'status'),
    ('sales', 'tax_rates', 'code'), ('sales', 'tax_rates', 'rate'), ('sales', 'tax_rates', 'is_default'),
    ('sales', 'tax_rates', 'is_active'),
    ('sales', 'shipping_methods', 'code'), ('sales', 'shipping_methods', 'base_cost'),
    ('crm', 'customer_profiles', 'user_id'), ('crm', 'customer_profiles', 'total_orders'),
    ('crm', 'customer_profiles', 'total_spent'),
    ('crm', 'addresses', 'user_id'), ('crm', 'addresses', 'is_default'),
    ('crm', 'wishlists', 'user_id'), ('crm', 'wishlists', 'product_id'),
    ('agent', 'agents', 'user_id'), ('agent', 'agents', 'agent_code'), ('agent', 'agents', 'tier'),
    ('agent', 'agents', 'commission_rate'),
    ('agent', 'override_rates', 'rate'),
    ('agent', 'targets', 'agent_id'), ('agent', 'targets', 'period_start'), ('agent', 'targets', 'period_end'),
    ('agent', 'targets', 'status'),
    ('agent', 'commissions', 'agent_id'), ('agent', 'commissions', 'order_id'),
    ('agent', 'commissions', 'order_total'), ('agent', 'commissions', 'commission_rate'),
    ('agent', 'commissions', 'commission_amount'), ('agent', 'commissions', 'status'),
    ('agent', 'commissions', 'level'),
    ('agent', 'payouts', 'agent_id'), ('agent', 'payouts', 'payout_number'), ('agent', 'payouts', 'amount'),
    ('agent', 'payouts', 'payment_method'), ('agent', 'payouts', 'status')
) AS v (s, t, c)
ORDER BY s, t, c;

-- Nullable columns whose NULL means something --------------------------------
SELECT col_is_null(s, t, c, format('%s.%s.%s is nullable: %s', s, t, c, why))
FROM (
    VALUES
    ('sales', 'orders', 'user_id', 'a guest order has no user'),
    ('sales', 'carts', 'user_id', 'a guest cart has no user'),
    ('sales', 'coupon_usages', 'user_id', 'a guest used the coupon'),
    ('sales', 'orders', 'tax_rate_id', 'no default rate, no tax'),
    ('sales', 'orders', 'agent_id', 'most orders have no agent'),
    ('sales', 'orders', 'warehouse_id', 'set when the order is reserved'),
    ('catalog', 'product_variants', 'price', 'NULL inherits the product base_price'),
    ('catalog', 'price_history', 'variant_id', 'NULL for a product price change'),
    ('catalog', 'price_history', 'old_price', 'a variant price may be set for the first time'),
    ('catalog', 'categories', 'parent_id', 'a root category'),
    ('agent', 'agents', 'parent_agent_id', 'a top agent'),
    ('inventory', 'stock_items', 'variant_id', 'stock of a product without variants'),
    ('sales', 'coupons', 'usage_limit', 'NULL means no limit'),
    ('sales', 'coupons', 'per_customer_limit', 'NULL means no limit'),
    ('sales', 'coupons', 'min_order_amount', 'NULL means no limit'),
    ('sales', 'coupons', 'max_discount', 'NULL means no cap'),
    ('sales', 'coupons', 'starts_at', 'NULL means no start'),
    ('sales', 'coupons', 'expires_at', 'NULL means no expiry'),
    ('agent', 'targets', 'target_amount', 'a target may set orders only'),
    ('agent', 'targets', 'target_orders', 'a target may set an amount only'),
    ('agent', 'commissions', 'payout_id', 'not yet paid out'),
    ('agent', 'commissions', 'reverses_id', 'an accrual reverses nothing')
) AS v (s, t, c, why)
ORDER BY s, t, c;

SELECT * FROM finish();
ROLLBACK;
