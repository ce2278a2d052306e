-- niaga: extension-wide objects. Assembled first into niaga--1.0.sql.
\echo Use "CREATE EXTENSION niaga" to load this file. \quit

CREATE SCHEMA niaga;
CREATE SCHEMA auth;
CREATE SCHEMA catalog;
CREATE SCHEMA inventory;
CREATE SCHEMA sales;
CREATE SCHEMA crm;
CREATE SCHEMA agent;

COMMENT ON SCHEMA niaga IS 'niaga extension-wide functions (version, invariants, shared trigger functions)';
COMMENT ON SCHEMA auth IS 'Users, sessions and password resets (owned by service-auth)';
COMMENT ON SCHEMA catalog IS 'Products, variants, categories, brands and attributes (owned by service-catalog)';
COMMENT ON SCHEMA inventory IS 'Warehouses, stock levels, the movement ledger and transfers (owned by service-inventory)';
COMMENT ON SCHEMA sales IS 'Carts, orders, payments, coupons, shipping and tax (owned by service-order)';
COMMENT ON SCHEMA crm IS 'Customer profiles, addresses and wishlists (owned by service-customer)';
COMMENT ON SCHEMA agent IS 'Sales agents, commissions, targets and payouts (owned by service-agent)';

-- Nothing is granted on niaga's schemas or functions to PUBLIC unless a
-- later section grants it explicitly.
REVOKE ALL ON SCHEMA niaga, auth, catalog, inventory, sales, crm, agent FROM PUBLIC;

CREATE FUNCTION niaga.version()
RETURNS text
LANGUAGE c
STABLE
PARALLEL SAFE
AS 'MODULE_PATHNAME', 'niaga_version';
COMMENT ON FUNCTION niaga.version() IS 'Version of the loaded niaga library';

CREATE FUNCTION niaga.set_updated_at()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'niaga_set_updated_at';
COMMENT ON FUNCTION niaga.set_updated_at() IS 'BEFORE UPDATE trigger: keeps updated_at equal to now()';

CREATE FUNCTION niaga.reject_hierarchy_cycle()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'niaga_reject_hierarchy_cycle';
COMMENT ON FUNCTION niaga.reject_hierarchy_cycle() IS
    'BEFORE INSERT/UPDATE trigger (parent column, hierarchy name): raises NG030 when a row would become its own ancestor';

CREATE FUNCTION niaga.assign_document_number()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'niaga_assign_document_number';
COMMENT ON FUNCTION niaga.assign_document_number() IS
    'BEFORE INSERT trigger (column, prefix, sequence): fills a NULL number column with PREFIX-YYYYMMDD-NNNNNN';
-- auth: users, sessions, password resets.

CREATE TABLE auth.users (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email varchar(255) NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
    password_hash varchar(255) NOT NULL,
    first_name varchar(100),
    last_name varchar(100),
    phone varchar(20),
    avatar_url varchar(500),
    email_verified_at timestamptz,
    status varchar(20) NOT NULL DEFAULT 'active'
        CHECK (status IN ('active', 'inactive', 'suspended')),
    role varchar(20) NOT NULL DEFAULT 'customer'
        CHECK (role IN ('customer', 'admin', 'agent', 'warehouse', 'super_admin')),
    last_login_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
COMMENT ON TABLE auth.users IS 'Every platform user: customers, admins, agents, warehouse staff; soft-deleted with deleted_at';
CREATE UNIQUE INDEX users_email_live_key ON auth.users (lower(email)) WHERE deleted_at IS NULL;
CREATE INDEX idx_users_email ON auth.users (email);

CREATE TABLE auth.sessions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    refresh_token varchar(255) NOT NULL UNIQUE,
    user_agent text,
    ip_address inet,
    expires_at timestamptz NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    rotated_at timestamptz
);
COMMENT ON TABLE auth.sessions IS 'Refresh-token sessions; refresh_token holds the SHA-256 of the token, never the token';
CREATE INDEX idx_sessions_refresh_token ON auth.sessions (refresh_token);
CREATE INDEX sessions_user_id_idx ON auth.sessions (user_id);

CREATE TABLE auth.password_resets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    token varchar(255) NOT NULL UNIQUE,
    expires_at timestamptz NOT NULL,
    used_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE auth.password_resets IS 'Single-use password reset tokens (stored hashed), valid one hour';
CREATE INDEX password_resets_user_id_idx ON auth.password_resets (user_id);

COMMENT ON COLUMN auth.sessions.rotated_at IS
    'When the token was exchanged for a new one; presenting it again revokes every session of the user';

-- Sessions and password resets (SPEC §10).

CREATE FUNCTION auth.create_session(user_id uuid, user_agent text, ip_address inet, ttl interval DEFAULT '30 days')
RETURNS text
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'auth_create_session';
COMMENT ON FUNCTION auth.create_session(uuid, text, inet, interval) IS
    'New refresh token for an active user, returned once; only its SHA-256 is stored';

CREATE FUNCTION auth.refresh_session(token text)
RETURNS TABLE (user_id uuid, token text)
LANGUAGE c
VOLATILE
ROWS 1
AS 'MODULE_PATHNAME', 'auth_refresh_session';
COMMENT ON FUNCTION auth.refresh_session(text) IS
    'Rotates a live token; unknown/expired/revoked: no row; a replayed rotated token revokes every session of its user';

CREATE FUNCTION auth.revoke_session(token text)
RETURNS boolean
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'auth_revoke_session';
COMMENT ON FUNCTION auth.revoke_session(text) IS 'Ends the session of a token; true when a live session ended';

CREATE FUNCTION auth.create_password_reset(email text)
RETURNS text
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'auth_create_password_reset';
COMMENT ON FUNCTION auth.create_password_reset(text) IS
    'Reset token valid one hour (stored hashed), or NULL for an unknown email';

CREATE FUNCTION auth.consume_password_reset(token text)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'auth_consume_password_reset';
COMMENT ON FUNCTION auth.consume_password_reset(text) IS
    'Uses a reset token once and returns its user; unknown, expired or used: 22023';

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON auth.users
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();

SELECT pg_catalog.pg_extension_config_dump('auth.users', '');
SELECT pg_catalog.pg_extension_config_dump('auth.sessions', '');
SELECT pg_catalog.pg_extension_config_dump('auth.password_resets', '');
-- catalog: categories, brands, products, variants, images, attributes,
-- variant options, reviews and price history.

CREATE TABLE catalog.categories (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    parent_id uuid REFERENCES catalog.categories (id),
    name varchar(255) NOT NULL,
    slug varchar(255) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text,
    image_url varchar(500),
    is_active boolean NOT NULL DEFAULT true,
    sort_order integer NOT NULL DEFAULT 0,
    meta_title varchar(255),
    meta_description text,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CHECK (parent_id IS DISTINCT FROM id)
);
COMMENT ON TABLE catalog.categories IS 'Category tree of unlimited depth (parent_id); cycles are refused (NG030); soft-deleted';
CREATE UNIQUE INDEX categories_name_live_key ON catalog.categories (name) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX categories_slug_live_key ON catalog.categories (slug) WHERE deleted_at IS NULL;
CREATE INDEX categories_parent_id_idx ON catalog.categories (parent_id);

CREATE TABLE catalog.brands (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name varchar(255) NOT NULL UNIQUE,
    slug varchar(255) NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text,
    logo_url varchar(500),
    website_url varchar(500),
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE catalog.brands IS 'Brands a product can carry (products.brand_id)';

CREATE TABLE catalog.products (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    sku varchar(100) NOT NULL CHECK (sku <> ''),
    name varchar(255) NOT NULL CHECK (name <> ''),
    slug varchar(255) NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    description text,
    short_description varchar(500),
    base_price numeric(12,2) NOT NULL CHECK (base_price >= 0),
    compare_price numeric(12,2) CHECK (compare_price >= 0),
    cost_price numeric(12,2) CHECK (cost_price >= 0),
    is_active boolean NOT NULL DEFAULT true,
    is_featured boolean NOT NULL DEFAULT false,
    has_variants boolean NOT NULL DEFAULT false,
    weight numeric(10,3) CHECK (weight >= 0),
    meta_title varchar(255),
    meta_description text,
    brand_id uuid REFERENCES catalog.brands (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
COMMENT ON TABLE catalog.products IS 'Sellable products; base_price in ringgit, weight in kg; soft-deleted';
CREATE UNIQUE INDEX products_sku_live_key ON catalog.products (sku) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX products_slug_live_key ON catalog.products (slug) WHERE deleted_at IS NULL;
CREATE INDEX idx_products_slug ON catalog.products (slug);
CREATE INDEX idx_products_sku ON catalog.products (sku);
CREATE INDEX idx_products_is_active_is_featured ON catalog.products (is_active, is_featured);
CREATE INDEX products_brand_id_idx ON catalog.products (brand_id);

CREATE TABLE catalog.product_categories (
    product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
    category_id uuid NOT NULL REFERENCES catalog.categories (id) ON DELETE CASCADE,
    PRIMARY KEY (product_id, category_id)
);
COMMENT ON TABLE catalog.product_categories IS 'Which categories a product is listed in';
CREATE INDEX product_categories_category_id_idx ON catalog.product_categories (category_id);

CREATE TABLE catalog.product_images (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
    url varchar(500) NOT NULL,
    alt_text varchar(255),
    sort_order integer NOT NULL DEFAULT 0,
    is_primary boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE catalog.product_images IS 'Product pictures in display order; at most one primary per product';
CREATE INDEX product_images_product_id_idx ON catalog.product_images (product_id);
CREATE UNIQUE INDEX product_images_one_primary_key ON catalog.product_images (product_id) WHERE is_primary;

CREATE TABLE catalog.product_variants (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    sku varchar(100) NOT NULL CHECK (sku <> ''),
    name varchar(255) NOT NULL CHECK (name <> ''),
    price numeric(12,2) CHECK (price >= 0),
    compare_price numeric(12,2) CHECK (compare_price >= 0),
    cost_price numeric(12,2) CHECK (cost_price >= 0),
    weight numeric(10,3) CHECK (weight >= 0),
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
COMMENT ON TABLE catalog.product_variants IS 'Sellable variations of a product; price NULL inherits the product base_price; soft-deleted';
CREATE UNIQUE INDEX product_variants_sku_live_key ON catalog.product_variants (sku) WHERE deleted_at IS NULL;
CREATE INDEX product_variants_product_id_idx ON catalog.product_variants (product_id);

CREATE TABLE catalog.attributes (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name varchar(100) NOT NULL,
    code varchar(100) NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9_]+$'),
    type varchar(20) NOT NULL DEFAULT 'select'
        CHECK (type IN ('text', 'number', 'boolean', 'select', 'multiselect', 'color')),
    is_filterable boolean NOT NULL DEFAULT false,
    sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE catalog.attributes IS 'Filterable product attributes (material, style, ...), not sellable options';

CREATE TABLE catalog.attribute_values (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    attribute_id uuid NOT NULL REFERENCES catalog.attributes (id) ON DELETE CASCADE,
    value varchar(255) NOT NULL,
    color_code varchar(20),
    sort_order integer NOT NULL DEFAULT 0,
    UNIQUE (attribute_id, value),
    UNIQUE (id, attribute_id)
);
COMMENT ON TABLE catalog.attribute_values IS 'The values an attribute can take';

CREATE TABLE catalog.product_attributes (
    product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
    attribute_id uuid NOT NULL REFERENCES catalog.attributes (id) ON DELETE CASCADE,
    attribute_value_id uuid NOT NULL REFERENCES catalog.attribute_values (id) ON DELETE CASCADE,
    PRIMARY KEY (product_id, attribute_id, attribute_value_id),
    -- the value must belong to the attribute it is filed under
    FOREIGN KEY (attribute_value_id, attribute_id) REFERENCES catalog.attribute_values (id, attribute_id)
);
COMMENT ON TABLE catalog.product_attributes IS 'Attribute values carried by a product';
CREATE INDEX product_attributes_attribute_id_idx ON catalog.product_attributes (attribute_id);
CREATE INDEX product_attributes_attribute_value_id_idx ON catalog.product_attributes (attribute_value_id, attribute_id);

CREATE TABLE catalog.variant_options (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name varchar(100) NOT NULL UNIQUE,
    sort_order integer NOT NULL DEFAULT 0
);
COMMENT ON TABLE catalog.variant_options IS 'Dimensions variants differ in (size, colour, ...)';

CREATE TABLE catalog.variant_option_values (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    option_id uuid NOT NULL REFERENCES catalog.variant_options (id) ON DELETE CASCADE,
    value varchar(100) NOT NULL,
    sort_order integer NOT NULL DEFAULT 0,
    UNIQUE (option_id, value),
    UNIQUE (id, option_id)
);
COMMENT ON TABLE catalog.variant_option_values IS 'The values a variant option can take (S, M, L; Merah, Biru)';

CREATE TABLE catalog.product_variant_options (
    variant_id uuid NOT NULL REFERENCES catalog.product_variants (id) ON DELETE CASCADE,
    option_id uuid NOT NULL REFERENCES catalog.variant_options (id),
    option_value_id uuid NOT NULL REFERENCES catalog.variant_option_values (id),
    PRIMARY KEY (variant_id, option_id),
    -- the value must belong to the option it is filed under
    FOREIGN KEY (option_value_id, option_id) REFERENCES catalog.variant_option_values (id, option_id)
);
COMMENT ON TABLE catalog.product_variant_options IS 'The option values that define a variant, one per option';
CREATE INDEX product_variant_options_option_id_idx ON catalog.product_variant_options (option_id);
CREATE INDEX product_variant_options_option_value_id_idx ON catalog.product_variant_options (option_value_id, option_id);

CREATE TABLE catalog.product_reviews (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title varchar(255),
    body text,
    is_verified_purchase boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (product_id, user_id)
);
COMMENT ON TABLE catalog.product_reviews IS
    'One review per user per product, rated 1-5; is_verified_purchase is set by trigger from delivered orders';
CREATE INDEX product_reviews_user_id_idx ON catalog.product_reviews (user_id);

CREATE TABLE catalog.price_history (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
    variant_id uuid REFERENCES catalog.product_variants (id) ON DELETE CASCADE,
    old_price numeric(12,2) CHECK (old_price >= 0),
    new_price numeric(12,2) CHECK (new_price >= 0),
    changed_by uuid,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE catalog.price_history IS
    'A row per change of a product base_price or a variant price, written by trigger (variant_id NULL for the product)';
CREATE INDEX price_history_product_id_idx ON catalog.price_history (product_id, created_at);
CREATE INDEX price_history_variant_id_idx ON catalog.price_history (variant_id);

CREATE FUNCTION catalog.record_price_change()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'catalog_record_price_change';
COMMENT ON FUNCTION catalog.record_price_change() IS
    'AFTER UPDATE trigger on products and variants: writes catalog.price_history when the price changes';

CREATE FUNCTION catalog.verify_review_purchase()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'catalog_verify_review_purchase';
COMMENT ON FUNCTION catalog.verify_review_purchase() IS
    'BEFORE INSERT/UPDATE trigger on product_reviews: sets is_verified_purchase from the user''s delivered orders';

CREATE TRIGGER categories_set_updated_at BEFORE UPDATE ON catalog.categories
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER categories_reject_cycle BEFORE INSERT OR UPDATE OF parent_id ON catalog.categories
    FOR EACH ROW EXECUTE FUNCTION niaga.reject_hierarchy_cycle('parent_id', 'category');
CREATE TRIGGER brands_set_updated_at BEFORE UPDATE ON catalog.brands
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER products_set_updated_at BEFORE UPDATE ON catalog.products
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER products_record_price_change AFTER UPDATE OF base_price ON catalog.products
    FOR EACH ROW WHEN (OLD.base_price IS DISTINCT FROM NEW.base_price)
    EXECUTE FUNCTION catalog.record_price_change('base_price');
CREATE TRIGGER product_variants_set_updated_at BEFORE UPDATE ON catalog.product_variants
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER product_variants_record_price_change AFTER UPDATE OF price ON catalog.product_variants
    FOR EACH ROW WHEN (OLD.price IS DISTINCT FROM NEW.price)
    EXECUTE FUNCTION catalog.record_price_change('price');
CREATE TRIGGER product_reviews_set_updated_at BEFORE UPDATE ON catalog.product_reviews
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER product_reviews_verify_purchase
    BEFORE INSERT OR UPDATE OF user_id, product_id, is_verified_purchase ON catalog.product_reviews
    FOR EACH ROW EXECUTE FUNCTION catalog.verify_review_purchase();

SELECT pg_catalog.pg_extension_config_dump('catalog.categories', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.brands', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.products', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.product_categories', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.product_images', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.product_variants', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.attributes', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.attribute_values', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.product_attributes', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.variant_options', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.variant_option_values', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.product_variant_options', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.product_reviews', '');
SELECT pg_catalog.pg_extension_config_dump('catalog.price_history', '');
-- inventory: warehouses, stock levels, the movement ledger, transfers.

CREATE TABLE inventory.warehouses (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code varchar(50) NOT NULL CHECK (code <> ''),
    name varchar(255) NOT NULL,
    type varchar(20) NOT NULL DEFAULT 'warehouse' CHECK (type IN ('warehouse', 'store', 'virtual')),
    address text,
    city varchar(100),
    state varchar(100),
    postcode varchar(10),
    country varchar(100) NOT NULL DEFAULT 'Malaysia',
    phone varchar(20),
    email varchar(255),
    is_active boolean NOT NULL DEFAULT true,
    is_pickup_location boolean NOT NULL DEFAULT false,
    priority integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
COMMENT ON TABLE inventory.warehouses IS
    'Stock locations; orders are served by the active live warehouse of lowest priority, then code; soft-deleted';
CREATE UNIQUE INDEX warehouses_code_live_key ON inventory.warehouses (code) WHERE deleted_at IS NULL;

CREATE TABLE inventory.stock_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    reserved_quantity integer NOT NULL DEFAULT 0,
    reorder_point integer NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    reorder_quantity integer NOT NULL DEFAULT 0 CHECK (reorder_quantity >= 0),
    bin_location varchar(50),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_items_reserved_within_quantity CHECK (0 <= reserved_quantity AND reserved_quantity <= quantity),
    CONSTRAINT stock_items_warehouse_product_variant_key UNIQUE NULLS NOT DISTINCT (warehouse_id, product_id, variant_id)
);
COMMENT ON TABLE inventory.stock_items IS
    'Stock per warehouse and product/variant: quantity on hand, reserved_quantity promised to open orders';
CREATE INDEX idx_stock_items_warehouse_product ON inventory.stock_items (warehouse_id, product_id);
CREATE INDEX stock_items_product_id_idx ON inventory.stock_items (product_id, variant_id);
CREATE INDEX stock_items_variant_id_idx ON inventory.stock_items (variant_id);

CREATE TABLE inventory.stock_movements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    type varchar(20) NOT NULL
        CHECK (type IN ('receive', 'sale', 'adjustment', 'transfer_in', 'transfer_out', 'return', 'damage')),
    quantity integer NOT NULL,
    reference_type varchar(50),
    reference_id uuid,
    notes text,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- signed ledger: goods in are positive, goods out negative
    CONSTRAINT stock_movements_sign CHECK (
        quantity <> 0
        AND CASE
            WHEN type IN ('receive', 'transfer_in', 'return') THEN quantity > 0
            WHEN type IN ('sale', 'transfer_out', 'damage') THEN quantity < 0
            ELSE true
        END)
);
COMMENT ON TABLE inventory.stock_movements IS
    'Signed stock ledger (+ in, - out): for every stock item the sum of its movements equals its quantity';
CREATE INDEX stock_movements_item_idx ON inventory.stock_movements (warehouse_id, product_id, variant_id);
CREATE INDEX stock_movements_product_id_idx ON inventory.stock_movements (product_id);
CREATE INDEX stock_movements_variant_id_idx ON inventory.stock_movements (variant_id);
CREATE INDEX stock_movements_reference_idx ON inventory.stock_movements (reference_type, reference_id);

CREATE SEQUENCE inventory.transfer_number_seq;
COMMENT ON SEQUENCE inventory.transfer_number_seq IS 'Counter of TRF-YYYYMMDD-NNNNNN transfer numbers';

CREATE TABLE inventory.stock_transfers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    transfer_number varchar(50) NOT NULL UNIQUE,
    from_warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    to_warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    status varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'approved', 'in_transit', 'completed', 'cancelled')),
    notes text,
    created_by uuid,
    approved_by uuid,
    approved_at timestamptz,
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_transfers_distinct_warehouses CHECK (from_warehouse_id <> to_warehouse_id)
);
COMMENT ON TABLE inventory.stock_transfers IS
    'Moves of stock between warehouses: pending -> approved -> in_transit -> completed, or cancelled before dispatch';
CREATE INDEX stock_transfers_from_warehouse_id_idx ON inventory.stock_transfers (from_warehouse_id);
CREATE INDEX stock_transfers_to_warehouse_id_idx ON inventory.stock_transfers (to_warehouse_id);

CREATE TABLE inventory.stock_transfer_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    transfer_id uuid NOT NULL REFERENCES inventory.stock_transfers (id) ON DELETE CASCADE,
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    received_quantity integer CHECK (received_quantity >= 0 AND received_quantity <= quantity),
    CONSTRAINT stock_transfer_items_line_key UNIQUE NULLS NOT DISTINCT (transfer_id, product_id, variant_id)
);
COMMENT ON TABLE inventory.stock_transfer_items IS 'Lines of a stock transfer: quantity sent, received_quantity on arrival';
CREATE INDEX stock_transfer_items_product_id_idx ON inventory.stock_transfer_items (product_id);
CREATE INDEX stock_transfer_items_variant_id_idx ON inventory.stock_transfer_items (variant_id);

-- Stock functions (SPEC §7).

CREATE FUNCTION inventory.receive_stock(warehouse_id uuid, product_id uuid, variant_id uuid, quantity integer,
                                        notes text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_receive_stock';
COMMENT ON FUNCTION inventory.receive_stock(uuid, uuid, uuid, integer, text) IS
    'Goods in from a supplier: adds to the stock item (created if missing) with a receive movement; returns its id';

CREATE FUNCTION inventory.adjust_stock(warehouse_id uuid, product_id uuid, variant_id uuid, delta integer,
                                       type text DEFAULT 'adjustment', notes text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_adjust_stock';
COMMENT ON FUNCTION inventory.adjust_stock(uuid, uuid, uuid, integer, text, text) IS
    'Count correction (adjustment) or write-off (damage, negative), never below the reserved quantity; returns the stock item id';

CREATE FUNCTION inventory.available(product_id uuid, variant_id uuid, warehouse_id uuid DEFAULT NULL)
RETURNS integer
LANGUAGE c
STABLE
AS 'MODULE_PATHNAME', 'inventory_available';
COMMENT ON FUNCTION inventory.available(uuid, uuid, uuid) IS
    'quantity - reserved_quantity at a warehouse, or summed over the active live warehouses';

CREATE FUNCTION inventory.reserve_order(order_id uuid)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_reserve_order';
COMMENT ON FUNCTION inventory.reserve_order(uuid) IS
    'Reserves an open order at the active warehouse of lowest priority (then code) covering every line; NG001 otherwise';

CREATE FUNCTION inventory.release_reservation(order_id uuid)
RETURNS boolean
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_release_reservation';
COMMENT ON FUNCTION inventory.release_reservation(uuid) IS
    'Gives an order''s reserved stock back (cancellation); idempotent, true when a reservation was released';

CREATE FUNCTION inventory.ship_reservation(order_id uuid)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_ship_reservation';
COMMENT ON FUNCTION inventory.ship_reservation(uuid) IS
    'The reserved goods of an order leave its warehouse (sale movements); returns the warehouse';

CREATE FUNCTION inventory.restock_order(order_id uuid)
RETURNS boolean
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_restock_order';
COMMENT ON FUNCTION inventory.restock_order(uuid) IS
    'Puts a shipped order''s goods back into the warehouse that shipped them (return movements); once per order';

CREATE FUNCTION inventory.create_transfer(from_warehouse uuid, to_warehouse uuid, items jsonb, notes text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_create_transfer';
COMMENT ON FUNCTION inventory.create_transfer(uuid, uuid, jsonb, text) IS
    'New pending transfer; items: [{"product_id", "variant_id", "quantity"}]';

CREATE FUNCTION inventory.approve_transfer(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_approve_transfer';
COMMENT ON FUNCTION inventory.approve_transfer(uuid) IS 'pending -> approved (NG002 otherwise)';

CREATE FUNCTION inventory.dispatch_transfer(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_dispatch_transfer';
COMMENT ON FUNCTION inventory.dispatch_transfer(uuid) IS
    'approved -> in_transit: the goods leave the source (transfer_out movements); NG001 when not available';

CREATE FUNCTION inventory.receive_transfer(id uuid, received jsonb DEFAULT NULL)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_receive_transfer';
COMMENT ON FUNCTION inventory.receive_transfer(uuid, jsonb) IS
    'in_transit -> completed: goods arrive (transfer_in); received: [{"product_id", "variant_id", "received_quantity"}]';

CREATE FUNCTION inventory.cancel_transfer(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_cancel_transfer';
COMMENT ON FUNCTION inventory.cancel_transfer(uuid) IS 'pending | approved -> cancelled (NG002 after dispatch)';

CREATE FUNCTION inventory.record_movement()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'inventory_record_movement';
COMMENT ON FUNCTION inventory.record_movement() IS
    'AFTER trigger on stock_items: every change of quantity writes its signed movement (by hand: adjustment)';

CREATE FUNCTION inventory.guard_stock()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'inventory_guard_stock';
COMMENT ON FUNCTION inventory.guard_stock() IS
    'Refuses (55000) stock writes that must go through niaga: reserved_quantity, the ledger, deleting held stock';

CREATE VIEW inventory.low_stock AS
SELECT s.id AS stock_item_id,
       s.warehouse_id,
       w.code AS warehouse_code,
       s.product_id,
       s.variant_id,
       coalesce(v.sku, p.sku) AS sku,
       s.quantity,
       s.reserved_quantity,
       s.quantity - s.reserved_quantity AS available,
       s.reorder_point,
       s.reorder_quantity
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
WHERE s.quantity - s.reserved_quantity <= s.reorder_point
  AND w.deleted_at IS NULL;
COMMENT ON VIEW inventory.low_stock IS 'Stock items whose available quantity is at or below their reorder point';

CREATE TRIGGER stock_items_record_movement_insert AFTER INSERT ON inventory.stock_items
    FOR EACH ROW WHEN (NEW.quantity <> 0)
    EXECUTE FUNCTION inventory.record_movement();
CREATE TRIGGER stock_items_record_movement_update AFTER UPDATE OF quantity ON inventory.stock_items
    FOR EACH ROW WHEN (OLD.quantity <> NEW.quantity)
    EXECUTE FUNCTION inventory.record_movement();
CREATE TRIGGER stock_items_guard_reserved_insert BEFORE INSERT ON inventory.stock_items
    FOR EACH ROW WHEN (NEW.reserved_quantity <> 0)
    EXECUTE FUNCTION inventory.guard_stock('reserved');
CREATE TRIGGER stock_items_guard_reserved_update BEFORE UPDATE OF reserved_quantity ON inventory.stock_items
    FOR EACH ROW WHEN (OLD.reserved_quantity <> NEW.reserved_quantity)
    EXECUTE FUNCTION inventory.guard_stock('reserved');
CREATE TRIGGER stock_items_guard_delete BEFORE DELETE ON inventory.stock_items
    FOR EACH ROW WHEN (OLD.quantity <> 0 OR OLD.reserved_quantity <> 0)
    EXECUTE FUNCTION inventory.guard_stock('delete');
CREATE TRIGGER stock_items_guard_identity BEFORE UPDATE OF warehouse_id, product_id, variant_id ON inventory.stock_items
    FOR EACH ROW
    WHEN ((OLD.warehouse_id, OLD.product_id, OLD.variant_id) IS DISTINCT FROM
          (NEW.warehouse_id, NEW.product_id, NEW.variant_id))
    EXECUTE FUNCTION inventory.guard_stock('identity');
CREATE TRIGGER stock_items_guard_truncate BEFORE TRUNCATE ON inventory.stock_items
    FOR EACH STATEMENT EXECUTE FUNCTION inventory.guard_stock('delete');
CREATE TRIGGER stock_movements_guard_ledger BEFORE INSERT OR UPDATE OR DELETE ON inventory.stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION inventory.guard_stock('ledger');
CREATE TRIGGER stock_movements_guard_truncate BEFORE TRUNCATE ON inventory.stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION inventory.guard_stock('ledger');

CREATE TRIGGER warehouses_set_updated_at BEFORE UPDATE ON inventory.warehouses
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER stock_items_set_updated_at BEFORE UPDATE ON inventory.stock_items
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER stock_transfers_assign_number BEFORE INSERT ON inventory.stock_transfers
    FOR EACH ROW EXECUTE FUNCTION niaga.assign_document_number('transfer_number', 'TRF', 'inventory.transfer_number_seq');
CREATE TRIGGER stock_transfers_set_updated_at BEFORE UPDATE ON inventory.stock_transfers
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();

SELECT pg_catalog.pg_extension_config_dump('inventory.warehouses', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_items', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_movements', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_transfers', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_transfer_items', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.transfer_number_seq', '');
-- crm: customer profiles, addresses, wishlists.

CREATE TABLE crm.customer_profiles (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL UNIQUE REFERENCES auth.users (id) ON DELETE CASCADE,
    date_of_birth date,
    gender varchar(20),
    customer_group varchar(20) NOT NULL DEFAULT 'regular'
        CHECK (customer_group IN ('regular', 'vip', 'wholesale', 'agent')),
    total_orders integer NOT NULL DEFAULT 0 CHECK (total_orders >= 0),
    total_spent numeric(12,2) NOT NULL DEFAULT 0 CHECK (total_spent >= 0),
    notes text,
    tags text[] NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE crm.customer_profiles IS
    'One per customer user; total_orders and total_spent count delivered, unrefunded orders';

CREATE TABLE crm.addresses (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    label varchar(50),
    recipient_name varchar(255) NOT NULL,
    phone varchar(20),
    address_line1 varchar(255) NOT NULL,
    address_line2 varchar(255),
    city varchar(100) NOT NULL,
    state varchar(100) NOT NULL,
    postcode varchar(10) NOT NULL,
    country varchar(100) NOT NULL DEFAULT 'Malaysia',
    is_default boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE crm.addresses IS
    'Delivery and billing addresses; at most one default per user, and a new default clears the old one';
CREATE INDEX idx_addresses_user_id_is_default ON crm.addresses (user_id, is_default);
CREATE UNIQUE INDEX addresses_one_default_per_user_key ON crm.addresses (user_id) WHERE is_default;

CREATE TABLE crm.wishlists (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES auth.users (id) ON DELETE CASCADE,
    product_id uuid NOT NULL REFERENCES catalog.products (id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, product_id)
);
COMMENT ON TABLE crm.wishlists IS 'Products a user saved for later, once each';
CREATE INDEX wishlists_product_id_idx ON crm.wishlists (product_id);

CREATE FUNCTION crm.clear_other_default_addresses()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'crm_clear_other_default_addresses';
COMMENT ON FUNCTION crm.clear_other_default_addresses() IS
    'BEFORE INSERT/UPDATE trigger: a new default address clears the user''s previous default';

CREATE FUNCTION crm.create_customer_profile()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'crm_create_customer_profile';
COMMENT ON FUNCTION crm.create_customer_profile() IS
    'AFTER INSERT/UPDATE trigger on auth.users: every customer user gets a crm.customer_profiles row';

CREATE TRIGGER users_create_customer_profile AFTER INSERT OR UPDATE OF role ON auth.users
    FOR EACH ROW WHEN (NEW.role = 'customer')
    EXECUTE FUNCTION crm.create_customer_profile();
CREATE TRIGGER customer_profiles_set_updated_at BEFORE UPDATE ON crm.customer_profiles
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER addresses_set_updated_at BEFORE UPDATE ON crm.addresses
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER addresses_one_default BEFORE INSERT OR UPDATE OF is_default, user_id ON crm.addresses
    FOR EACH ROW WHEN (NEW.is_default)
    EXECUTE FUNCTION crm.clear_other_default_addresses();

SELECT pg_catalog.pg_extension_config_dump('crm.customer_profiles', '');
SELECT pg_catalog.pg_extension_config_dump('crm.addresses', '');
SELECT pg_catalog.pg_extension_config_dump('crm.wishlists', '');
-- sales: tax rates, shipping methods, coupons, orders and their lines,
-- status history, payments, refunds, carts.

CREATE TABLE sales.tax_rates (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code varchar(50) NOT NULL UNIQUE CHECK (code <> ''),
    name varchar(255) NOT NULL,
    rate numeric(5,2) NOT NULL CHECK (rate >= 0 AND rate <= 100),
    applies_to_shipping boolean NOT NULL DEFAULT false,
    is_default boolean NOT NULL DEFAULT false,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sales.tax_rates IS
    'Tax rates (5.00 = 5 %); at most one active default; a rate an order used never changes its rate';
CREATE UNIQUE INDEX tax_rates_one_active_default_key ON sales.tax_rates ((true)) WHERE is_default AND is_active;

CREATE TABLE sales.shipping_methods (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code varchar(50) NOT NULL CHECK (code <> ''),
    name varchar(255) NOT NULL,
    description text,
    provider varchar(100),
    base_cost numeric(12,2) NOT NULL DEFAULT 0 CHECK (base_cost >= 0),
    free_shipping_threshold numeric(12,2) CHECK (free_shipping_threshold >= 0),
    estimated_days_min integer CHECK (estimated_days_min >= 0),
    estimated_days_max integer CHECK (estimated_days_max >= estimated_days_min),
    is_active boolean NOT NULL DEFAULT true,
    sort_order integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
COMMENT ON TABLE sales.shipping_methods IS
    'Delivery options; base_cost is waived when subtotal - discount reaches free_shipping_threshold; soft-deleted';
CREATE UNIQUE INDEX shipping_methods_code_live_key ON sales.shipping_methods (code) WHERE deleted_at IS NULL;

CREATE TABLE sales.coupons (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code varchar(50) NOT NULL CHECK (code <> ''),
    description text,
    type varchar(20) NOT NULL CHECK (type IN ('percentage', 'fixed')),
    value numeric(12,2) NOT NULL CHECK (value > 0),
    min_order_amount numeric(12,2) CHECK (min_order_amount >= 0),
    max_discount numeric(12,2) CHECK (max_discount >= 0),
    usage_limit integer CHECK (usage_limit > 0),
    used_count integer NOT NULL DEFAULT 0 CHECK (used_count >= 0),
    per_customer_limit integer CHECK (per_customer_limit > 0),
    starts_at timestamptz,
    expires_at timestamptz,
    is_active boolean NOT NULL DEFAULT true,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CONSTRAINT coupons_percentage_at_most_100 CHECK (type <> 'percentage' OR value <= 100),
    CONSTRAINT coupons_used_within_limit CHECK (usage_limit IS NULL OR used_count <= usage_limit),
    CONSTRAINT coupons_expires_after_start CHECK (expires_at > starts_at)
);
COMMENT ON TABLE sales.coupons IS
    'Discount codes, matched case-insensitively among live coupons: percentage (0 < value <= 100) or fixed ringgit';
CREATE UNIQUE INDEX coupons_code_live_key ON sales.coupons (lower(code)) WHERE deleted_at IS NULL;

CREATE SEQUENCE sales.order_number_seq;
COMMENT ON SEQUENCE sales.order_number_seq IS 'Counter of ORD-YYYYMMDD-NNNNNN order numbers';

CREATE TABLE sales.orders (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_number varchar(50) NOT NULL UNIQUE,
    user_id uuid REFERENCES auth.users (id),
    agent_id uuid,
    status varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'confirmed', 'processing', 'packed', 'shipped', 'delivered', 'cancelled',
                          'refunded')),
    subtotal numeric(12,2) NOT NULL DEFAULT 0 CHECK (subtotal >= 0),
    shipping_cost numeric(12,2) NOT NULL DEFAULT 0 CHECK (shipping_cost >= 0),
    tax_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (tax_amount >= 0),
    discount_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (discount_amount >= 0),
    total numeric(12,2) NOT NULL DEFAULT 0 CHECK (total >= 0),
    coupon_code varchar(50),
    coupon_discount numeric(12,2) NOT NULL DEFAULT 0 CHECK (coupon_discount >= 0),
    shipping_method varchar(50),
    shipping_address jsonb CHECK (jsonb_typeof(shipping_address) = 'object'),
    billing_address jsonb CHECK (jsonb_typeof(billing_address) = 'object'),
    warehouse_id uuid REFERENCES inventory.warehouses (id),
    tracking_number varchar(100),
    tracking_url varchar(500),
    shipped_at timestamptz,
    delivered_at timestamptz,
    customer_notes text,
    admin_notes text,
    confirmed_at timestamptz,
    cancelled_at timestamptz,
    cancellation_reason text,
    tax_rate_id uuid REFERENCES sales.tax_rates (id),
    reserved_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_reservation_has_warehouse CHECK (reserved_at IS NULL OR warehouse_id IS NOT NULL),
    CONSTRAINT orders_discount_within_subtotal CHECK (discount_amount <= subtotal),
    CONSTRAINT orders_cancelled_has_reason CHECK (status <> 'cancelled' OR cancellation_reason IS NOT NULL)
);
COMMENT ON TABLE sales.orders IS
    'Orders: totals kept equal to their lines by trigger, status moved only along the lifecycle; never deleted';
CREATE INDEX idx_orders_user_status ON sales.orders (user_id, status);
CREATE INDEX idx_orders_created_at ON sales.orders (created_at DESC);
CREATE INDEX orders_agent_id_idx ON sales.orders (agent_id);
CREATE INDEX orders_warehouse_id_idx ON sales.orders (warehouse_id);
COMMENT ON COLUMN sales.orders.warehouse_id IS 'The warehouse that serves the order, set when its stock is first reserved';
COMMENT ON COLUMN sales.orders.reserved_at IS
    'When the order''s stock was reserved; NULL when it holds no reservation (never reserved, released, or shipped)';
CREATE INDEX orders_tax_rate_id_idx ON sales.orders (tax_rate_id);
CREATE INDEX orders_pending_created_at_idx ON sales.orders (created_at) WHERE status = 'pending';

CREATE TABLE sales.order_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES sales.orders (id) ON DELETE CASCADE,
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    sku varchar(100) NOT NULL,
    name varchar(255) NOT NULL,
    variant_name varchar(255),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    total_price numeric(12,2) NOT NULL CHECK (total_price >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT order_items_total_is_quantity_times_price CHECK (total_price = quantity * unit_price)
);
COMMENT ON TABLE sales.order_items IS
    'Order lines with the sku, name and price copied at checkout; total_price = quantity * unit_price';
CREATE INDEX idx_order_items_order_id ON sales.order_items (order_id);
CREATE INDEX order_items_product_id_idx ON sales.order_items (product_id);
CREATE INDEX order_items_variant_id_idx ON sales.order_items (variant_id);

CREATE TABLE sales.order_status_history (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES sales.orders (id) ON DELETE CASCADE,
    status varchar(20) NOT NULL
        CHECK (status IN ('pending', 'confirmed', 'processing', 'packed', 'shipped', 'delivered', 'cancelled',
                          'refunded')),
    notes text,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sales.order_status_history IS 'One row per status an order entered, with who moved it (niaga.actor_id)';
CREATE INDEX order_status_history_order_id_idx ON sales.order_status_history (order_id, created_at);

CREATE TABLE sales.payments (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES sales.orders (id),
    payment_method varchar(30) NOT NULL
        CHECK (payment_method IN ('cod', 'online_banking', 'credit_card', 'ewallet')),
    payment_provider varchar(50) NOT NULL,
    transaction_id varchar(255),
    amount numeric(12,2) NOT NULL CHECK (amount >= 0),
    status varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'processing', 'completed', 'failed', 'refunded')),
    paid_at timestamptz,
    metadata jsonb,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT payments_provider_transaction_key UNIQUE (payment_provider, transaction_id)
);
COMMENT ON TABLE sales.payments IS
    'Payments against orders; one row per (payment_provider, transaction_id), so a repeated webhook updates it';
CREATE INDEX payments_order_id_idx ON sales.payments (order_id);

CREATE TABLE sales.coupon_usages (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    coupon_id uuid NOT NULL REFERENCES sales.coupons (id),
    user_id uuid REFERENCES auth.users (id),
    order_id uuid NOT NULL UNIQUE REFERENCES sales.orders (id),
    created_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sales.coupon_usages IS
    'One row per order that used a coupon; coupons.used_count is their count, given back on cancellation';
CREATE INDEX coupon_usages_coupon_user_idx ON sales.coupon_usages (coupon_id, user_id);
CREATE INDEX coupon_usages_user_id_idx ON sales.coupon_usages (user_id);

CREATE TABLE sales.refunds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id uuid NOT NULL REFERENCES sales.orders (id),
    amount numeric(12,2) NOT NULL CHECK (amount >= 0),
    reason text NOT NULL CHECK (reason <> ''),
    status varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    restock boolean NOT NULL DEFAULT true,
    created_by uuid,
    processed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE sales.refunds IS 'Refunds of delivered orders; restock puts the goods back with return movements';
CREATE INDEX refunds_order_id_idx ON sales.refunds (order_id);

CREATE TABLE sales.carts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid REFERENCES auth.users (id) ON DELETE CASCADE,
    session_id varchar(255),
    coupon_code varchar(50),
    coupon_discount numeric(12,2) NOT NULL DEFAULT 0 CHECK (coupon_discount >= 0),
    notes text,
    expires_at timestamptz NOT NULL DEFAULT now() + interval '30 days',
    order_id uuid UNIQUE REFERENCES sales.orders (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT carts_owner CHECK (user_id IS NOT NULL OR session_id IS NOT NULL)
);
COMMENT ON TABLE sales.carts IS
    'Shopping carts of users or guests (session_id); order_id is the order the cart became';
CREATE INDEX carts_user_id_idx ON sales.carts (user_id);
CREATE INDEX carts_session_id_idx ON sales.carts (session_id);

CREATE TABLE sales.cart_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    cart_id uuid NOT NULL REFERENCES sales.carts (id) ON DELETE CASCADE,
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(12,2) NOT NULL CHECK (unit_price >= 0),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT cart_items_line_key UNIQUE NULLS NOT DISTINCT (cart_id, product_id, variant_id)
);
COMMENT ON TABLE sales.cart_items IS 'Cart lines, one per product/variant';
CREATE INDEX cart_items_product_id_idx ON sales.cart_items (product_id);
CREATE INDEX cart_items_variant_id_idx ON sales.cart_items (variant_id);

-- Numbers (SPEC §3) and totals (SPEC §5).

CREATE FUNCTION sales.next_order_number()
RETURNS text
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_next_order_number';
COMMENT ON FUNCTION sales.next_order_number() IS
    'Next order number ORD-YYYYMMDD-NNNNNN: business date in niaga.timezone, counter from sales.order_number_seq';

CREATE FUNCTION sales.quote(cart_id uuid, shipping_method_code text)
RETURNS TABLE (subtotal numeric, discount_amount numeric, shipping_cost numeric, tax_amount numeric, total numeric)
LANGUAGE c
STABLE
ROWS 1
AS 'MODULE_PATHNAME', 'sales_quote';
COMMENT ON FUNCTION sales.quote(uuid, text) IS
    'Prices a cart at the catalog''s current prices with its coupon, a shipping method and the default tax rate';

CREATE FUNCTION sales.cash_rounding(amount numeric)
RETURNS numeric
LANGUAGE c
IMMUTABLE
STRICT
PARALLEL SAFE
AS 'MODULE_PATHNAME', 'sales_cash_rounding';
COMMENT ON FUNCTION sales.cash_rounding(numeric) IS
    'Cash-on-delivery payable amount rounded to the nearest 0.05 (Malaysian rounding); never applied to order totals';

CREATE FUNCTION sales.order_item_total()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'sales_order_item_total';
COMMENT ON FUNCTION sales.order_item_total() IS 'BEFORE INSERT/UPDATE trigger: total_price := quantity * unit_price';

CREATE FUNCTION sales.order_items_changed()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'sales_order_items_changed';
COMMENT ON FUNCTION sales.order_items_changed() IS
    'AFTER statement trigger: recomputes the totals of every order whose lines the statement changed, once each';

CREATE FUNCTION sales.orders_price()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'sales_orders_price';
COMMENT ON FUNCTION sales.orders_price() IS
    'BEFORE INSERT/UPDATE trigger: keeps an order''s pricing columns equal to its lines and terms (SPEC §5)';

CREATE FUNCTION sales.tax_rate_in_use()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'sales_tax_rate_in_use';
COMMENT ON FUNCTION sales.tax_rate_in_use() IS
    'BEFORE UPDATE trigger: refuses changing the rate or applies_to_shipping of a tax rate orders use (23514)';

-- Coupons (SPEC §4).

CREATE FUNCTION sales.check_coupon(code text, user_id uuid, subtotal numeric)
RETURNS TABLE (is_valid boolean, discount numeric, reason text, message text)
LANGUAGE c
STABLE
ROWS 1
AS 'MODULE_PATHNAME', 'sales_check_coupon';
COMMENT ON FUNCTION sales.check_coupon(text, uuid, numeric) IS
    'Previews a coupon for a user (NULL = guest) and subtotal; never raises for a business reason';

CREATE FUNCTION sales.coupon_discount(code text, user_id uuid, subtotal numeric)
RETURNS numeric
LANGUAGE c
STABLE
AS 'MODULE_PATHNAME', 'sales_coupon_discount';
COMMENT ON FUNCTION sales.coupon_discount(text, uuid, numeric) IS
    'The discount a coupon gives; raises NG010-NG016 when it does not apply';

CREATE FUNCTION sales.redeem_coupon(order_id uuid, code text)
RETURNS numeric
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_redeem_coupon';
COMMENT ON FUNCTION sales.redeem_coupon(uuid, text) IS
    'Applies a coupon to a pending order: checks it, counts the use and records it, atomically (used by place_order)';

CREATE FUNCTION sales.release_coupon(order_id uuid)
RETURNS boolean
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_release_coupon';
COMMENT ON FUNCTION sales.release_coupon(uuid) IS
    'Gives an order''s coupon use back (cancellation); idempotent, true when a use was given back';

-- Order lifecycle (SPEC §8).

CREATE FUNCTION sales.order_status_guard()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'sales_order_status_guard';
COMMENT ON FUNCTION sales.order_status_guard() IS
    'BEFORE trigger: new orders start pending; only allowed moves (NG002); cancelling needs a reason; sets the move timestamp';

CREATE FUNCTION sales.order_status_effects()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'sales_order_status_effects';
COMMENT ON FUNCTION sales.order_status_effects() IS
    'AFTER trigger: writes the status history row and runs the effects of the move (stock, coupon, refund, profile)';

CREATE FUNCTION sales.set_order_status(order_id uuid, status text, notes text DEFAULT NULL)
RETURNS sales.orders
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_set_order_status';
COMMENT ON FUNCTION sales.set_order_status(uuid, text, text) IS
    'Moves an order along its lifecycle (NG002 otherwise); for cancelled the notes are the cancellation reason';

CREATE FUNCTION sales.cancel_order(order_id uuid, reason text)
RETURNS sales.orders
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_cancel_order';
COMMENT ON FUNCTION sales.cancel_order(uuid, text) IS
    'Cancels an order before shipment: stock released, coupon use given back';

CREATE FUNCTION sales.ship_order(order_id uuid, tracking_number text DEFAULT NULL, tracking_url text DEFAULT NULL)
RETURNS sales.orders
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_ship_order';
COMMENT ON FUNCTION sales.ship_order(uuid, text, text) IS
    'packed -> shipped with tracking details: the reserved goods leave the warehouse (sale movements)';

CREATE FUNCTION sales.refund_order(order_id uuid, reason text, restock boolean DEFAULT true)
RETURNS sales.orders
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_refund_order';
COMMENT ON FUNCTION sales.refund_order(uuid, text, boolean) IS
    'delivered -> refunded: a refunds row, goods back in stock when restock (return movements), profile uncounted';

-- Cart, checkout and payments (SPEC §6, §8).

CREATE FUNCTION sales.add_to_cart(cart_id uuid, product_id uuid, variant_id uuid, quantity integer)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_add_to_cart';
COMMENT ON FUNCTION sales.add_to_cart(uuid, uuid, uuid, integer) IS
    'Adds to the cart''s line for the product/variant (or makes one) at the variant price, else the base price';

CREATE FUNCTION sales.place_order(cart_id uuid, shipping_method_code text, shipping_address jsonb,
                                  billing_address jsonb DEFAULT NULL, agent_code text DEFAULT NULL,
                                  customer_notes text DEFAULT NULL)
RETURNS sales.orders
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_place_order';
COMMENT ON FUNCTION sales.place_order(uuid, text, jsonb, jsonb, text, text) IS
    'Checkout, atomically: lines at current prices, coupon redeemed, stock reserved, totals, number, cart emptied; '
    'a double submit returns the first order';

CREATE FUNCTION sales.expire_pending_orders(max_age interval DEFAULT '60 minutes')
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_expire_pending_orders';
COMMENT ON FUNCTION sales.expire_pending_orders(interval) IS
    'Cancels (reason expired) pending orders older than max_age with no completed payment; safe beside checkouts';

CREATE FUNCTION sales.record_payment(order_id uuid, payment_method text, payment_provider text, transaction_id text,
                                     amount numeric, status text, metadata jsonb DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'sales_record_payment';
COMMENT ON FUNCTION sales.record_payment(uuid, text, text, text, numeric, text, jsonb) IS
    'Records or updates a payment, idempotent on (payment_provider, transaction_id); paid in full confirms a pending order';

CREATE TRIGGER orders_status_guard_insert BEFORE INSERT ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION sales.order_status_guard();
CREATE TRIGGER orders_status_guard_update BEFORE UPDATE OF status ON sales.orders
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION sales.order_status_guard();
CREATE TRIGGER orders_status_effects_insert AFTER INSERT ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION sales.order_status_effects();
CREATE TRIGGER orders_status_effects_update AFTER UPDATE OF status ON sales.orders
    FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
    EXECUTE FUNCTION sales.order_status_effects();

CREATE TRIGGER orders_assign_number BEFORE INSERT ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION niaga.assign_document_number('order_number', 'ORD', 'sales.order_number_seq');
CREATE TRIGGER orders_price BEFORE INSERT ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION sales.orders_price();
CREATE TRIGGER orders_reprice BEFORE UPDATE ON sales.orders
    FOR EACH ROW
    WHEN ((OLD.subtotal, OLD.discount_amount, OLD.coupon_discount, OLD.shipping_cost, OLD.tax_amount, OLD.total,
           OLD.coupon_code, OLD.shipping_method, OLD.tax_rate_id)
          IS DISTINCT FROM
          (NEW.subtotal, NEW.discount_amount, NEW.coupon_discount, NEW.shipping_cost, NEW.tax_amount, NEW.total,
           NEW.coupon_code, NEW.shipping_method, NEW.tax_rate_id))
    EXECUTE FUNCTION sales.orders_price();
CREATE TRIGGER order_items_total BEFORE INSERT OR UPDATE ON sales.order_items
    FOR EACH ROW EXECUTE FUNCTION sales.order_item_total();
CREATE TRIGGER order_items_inserted AFTER INSERT ON sales.order_items
    REFERENCING NEW TABLE AS niaga_new_items
    FOR EACH STATEMENT EXECUTE FUNCTION sales.order_items_changed();
CREATE TRIGGER order_items_updated AFTER UPDATE ON sales.order_items
    REFERENCING OLD TABLE AS niaga_old_items NEW TABLE AS niaga_new_items
    FOR EACH STATEMENT EXECUTE FUNCTION sales.order_items_changed();
CREATE TRIGGER order_items_deleted AFTER DELETE ON sales.order_items
    REFERENCING OLD TABLE AS niaga_old_items
    FOR EACH STATEMENT EXECUTE FUNCTION sales.order_items_changed();
CREATE TRIGGER tax_rates_in_use BEFORE UPDATE OF rate, applies_to_shipping ON sales.tax_rates
    FOR EACH ROW
    WHEN ((OLD.rate, OLD.applies_to_shipping) IS DISTINCT FROM (NEW.rate, NEW.applies_to_shipping))
    EXECUTE FUNCTION sales.tax_rate_in_use();

CREATE TRIGGER tax_rates_set_updated_at BEFORE UPDATE ON sales.tax_rates
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER shipping_methods_set_updated_at BEFORE UPDATE ON sales.shipping_methods
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER coupons_set_updated_at BEFORE UPDATE ON sales.coupons
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER orders_set_updated_at BEFORE UPDATE ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER payments_set_updated_at BEFORE UPDATE ON sales.payments
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER refunds_set_updated_at BEFORE UPDATE ON sales.refunds
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER carts_set_updated_at BEFORE UPDATE ON sales.carts
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER cart_items_set_updated_at BEFORE UPDATE ON sales.cart_items
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();

SELECT pg_catalog.pg_extension_config_dump('sales.tax_rates', '');
SELECT pg_catalog.pg_extension_config_dump('sales.shipping_methods', '');
SELECT pg_catalog.pg_extension_config_dump('sales.coupons', '');
SELECT pg_catalog.pg_extension_config_dump('sales.orders', '');
SELECT pg_catalog.pg_extension_config_dump('sales.order_items', '');
SELECT pg_catalog.pg_extension_config_dump('sales.order_status_history', '');
SELECT pg_catalog.pg_extension_config_dump('sales.payments', '');
SELECT pg_catalog.pg_extension_config_dump('sales.coupon_usages', '');
SELECT pg_catalog.pg_extension_config_dump('sales.refunds', '');
SELECT pg_catalog.pg_extension_config_dump('sales.carts', '');
SELECT pg_catalog.pg_extension_config_dump('sales.cart_items', '');
SELECT pg_catalog.pg_extension_config_dump('sales.order_number_seq', '');
-- agent: agents and their hierarchy, override rates, targets, payouts,
-- commissions.

CREATE TABLE agent.agents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES auth.users (id),
    agent_code varchar(50) NOT NULL CHECK (agent_code <> ''),
    parent_agent_id uuid REFERENCES agent.agents (id),
    tier varchar(20) NOT NULL DEFAULT 'bronze'
        CHECK (tier IN ('bronze', 'silver', 'gold', 'platinum', 'diamond')),
    commission_rate numeric(5,2) NOT NULL DEFAULT 0 CHECK (commission_rate >= 0 AND commission_rate <= 100),
    is_active boolean NOT NULL DEFAULT true,
    joined_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CHECK (parent_agent_id IS DISTINCT FROM id)
);
COMMENT ON TABLE agent.agents IS
    'Sales agents in an acyclic hierarchy (parent_agent_id, NG030 on a cycle); commission_rate in percent; soft-deleted';
CREATE UNIQUE INDEX agents_agent_code_live_key ON agent.agents (agent_code) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX agents_user_id_live_key ON agent.agents (user_id) WHERE deleted_at IS NULL;
CREATE INDEX agents_user_id_idx ON agent.agents (user_id);
CREATE INDEX agents_parent_agent_id_idx ON agent.agents (parent_agent_id);

-- Orders name their selling agent; the constraint lives here because the
-- agent schema is created after sales.
ALTER TABLE sales.orders
    ADD CONSTRAINT orders_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agent.agents (id);

CREATE TABLE agent.override_rates (
    level integer PRIMARY KEY CHECK (level >= 1),
    rate numeric(5,2) NOT NULL CHECK (rate >= 0 AND rate <= 100)
);
COMMENT ON TABLE agent.override_rates IS
    'Upline commission rates by level (1 = the selling agent''s parent); empty means no overrides';

CREATE TABLE agent.targets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id uuid NOT NULL REFERENCES agent.agents (id),
    period_start date NOT NULL,
    period_end date NOT NULL,
    target_amount numeric(12,2) CHECK (target_amount >= 0),
    achieved_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (achieved_amount >= 0),
    target_orders integer CHECK (target_orders >= 0),
    achieved_orders integer NOT NULL DEFAULT 0 CHECK (achieved_orders >= 0),
    status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'missed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT targets_period_ordered CHECK (period_end >= period_start)
);
COMMENT ON TABLE agent.targets IS
    'Sales targets per agent and period, counted from delivered orders (business date of niaga.timezone)';
CREATE INDEX targets_agent_period_idx ON agent.targets (agent_id, period_start, period_end);

CREATE SEQUENCE agent.payout_number_seq;
COMMENT ON SEQUENCE agent.payout_number_seq IS 'Counter of PAY-YYYYMMDD-NNNNNN payout numbers';

CREATE TABLE agent.payouts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id uuid NOT NULL REFERENCES agent.agents (id),
    payout_number varchar(50) NOT NULL UNIQUE,
    amount numeric(12,2) NOT NULL CHECK (amount > 0),
    payment_method varchar(30) NOT NULL CHECK (payment_method IN ('bank_transfer', 'ewallet', 'cheque')),
    bank_name varchar(100),
    bank_account varchar(50),
    status varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    notes text,
    processed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE agent.payouts IS 'A payment to an agent of the commissions it gathers; amount = their sum';
CREATE INDEX payouts_agent_id_idx ON agent.payouts (agent_id, status);

CREATE TABLE agent.commissions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id uuid NOT NULL REFERENCES agent.agents (id),
    order_id uuid NOT NULL REFERENCES sales.orders (id),
    order_total numeric(12,2) NOT NULL CHECK (order_total >= 0),
    commission_rate numeric(5,2) NOT NULL CHECK (commission_rate >= 0 AND commission_rate <= 100),
    commission_amount numeric(12,2) NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'paid', 'cancelled')),
    paid_at timestamptz,
    level integer NOT NULL DEFAULT 0 CHECK (level >= 0),
    payout_id uuid REFERENCES agent.payouts (id),
    reverses_id uuid UNIQUE REFERENCES agent.commissions (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- accruals are never negative; a clawback (reverses_id set) never positive
    CONSTRAINT commissions_sign CHECK (
        CASE WHEN reverses_id IS NULL THEN commission_amount >= 0 ELSE commission_amount <= 0 END)
);
COMMENT ON TABLE agent.commissions IS
    'Commission accruals per (order, agent, level) on base = subtotal - discount, and clawbacks (reverses_id)';
CREATE UNIQUE INDEX commissions_accrual_key ON agent.commissions (order_id, agent_id, level) WHERE reverses_id IS NULL;
CREATE INDEX commissions_order_id_idx ON agent.commissions (order_id);
CREATE INDEX commissions_agent_status_idx ON agent.commissions (agent_id, status);
CREATE INDEX commissions_payout_id_idx ON agent.commissions (payout_id);

-- Commissions, targets and payouts (SPEC §9).

CREATE FUNCTION agent.upline(agent_id uuid)
RETURNS TABLE (level integer, agent_id uuid)
LANGUAGE c
STABLE
AS 'MODULE_PATHNAME', 'agent_upline';
COMMENT ON FUNCTION agent.upline(uuid) IS 'The agents above an agent: level 1 = its parent, 2 = the parent''s parent, ...';

CREATE FUNCTION agent.accrue_commissions(order_id uuid)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_accrue_commissions';
COMMENT ON FUNCTION agent.accrue_commissions(uuid) IS
    'Pending commissions of a confirmed order: the selling agent (level 0) and override levels up the upline; once each';

CREATE FUNCTION agent.approve_commissions(order_id uuid)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_approve_commissions';
COMMENT ON FUNCTION agent.approve_commissions(uuid) IS
    'Delivered order: its pending commissions become approved and the selling agent''s targets count it';

CREATE FUNCTION agent.reverse_commissions(order_id uuid)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_reverse_commissions';
COMMENT ON FUNCTION agent.reverse_commissions(uuid) IS
    'Cancelled/refunded order: unpaid commissions cancelled, paid (or in a payout) ones clawed back; targets uncounted';

CREATE FUNCTION agent.close_targets(as_of date)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_close_targets';
COMMENT ON FUNCTION agent.close_targets(date) IS 'Active targets whose period ended before as_of become missed';

CREATE FUNCTION agent.create_payout(agent_id uuid, payment_method text, bank_name text DEFAULT NULL,
                                    bank_account text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_create_payout';
COMMENT ON FUNCTION agent.create_payout(uuid, text, text, text) IS
    'One payout (PAY- number) of the agent''s approved unpaid commissions and pending clawbacks; refuses empty or non-positive';

CREATE FUNCTION agent.complete_payout(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_complete_payout';
COMMENT ON FUNCTION agent.complete_payout(uuid) IS 'The payout is completed; its commissions are paid';

CREATE FUNCTION agent.fail_payout(id uuid, notes text)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_fail_payout';
COMMENT ON FUNCTION agent.fail_payout(uuid, text) IS 'The payout failed; its commissions are free for the next payout';

CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON agent.agents
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER agents_reject_cycle BEFORE INSERT OR UPDATE OF parent_agent_id ON agent.agents
    FOR EACH ROW EXECUTE FUNCTION niaga.reject_hierarchy_cycle('parent_agent_id', 'agent');
CREATE TRIGGER targets_set_updated_at BEFORE UPDATE ON agent.targets
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER payouts_assign_number BEFORE INSERT ON agent.payouts
    FOR EACH ROW EXECUTE FUNCTION niaga.assign_document_number('payout_number', 'PAY', 'agent.payout_number_seq');
CREATE TRIGGER payouts_set_updated_at BEFORE UPDATE ON agent.payouts
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER commissions_set_updated_at BEFORE UPDATE ON agent.commissions
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();

SELECT pg_catalog.pg_extension_config_dump('agent.agents', '');
SELECT pg_catalog.pg_extension_config_dump('agent.override_rates', '');
SELECT pg_catalog.pg_extension_config_dump('agent.targets', '');
SELECT pg_catalog.pg_extension_config_dump('agent.payouts', '');
SELECT pg_catalog.pg_extension_config_dump('agent.commissions', '');
SELECT pg_catalog.pg_extension_config_dump('agent.payout_number_seq', '');

-- Invariants (SPEC §13): created last, as it reads every schema.

CREATE FUNCTION niaga.check_invariants()
RETURNS TABLE (invariant text, detail text)
LANGUAGE c
STABLE
AS 'MODULE_PATHNAME', 'niaga_check_invariants';
COMMENT ON FUNCTION niaga.check_invariants() IS
    'Every invariant of SPEC section 13 checked against the data; no rows on a consistent database';
-- Security (SPEC §11): roles, least-privilege grants, SECURITY DEFINER with
-- a pinned search_path, and row-level security for niaga_shopper. Assembled
-- last, once every object exists.

-- Roles are cluster-wide: created when missing, NOLOGIN (grant them to login
-- roles), and left in place by DROP EXTENSION.
DO $$
DECLARE
    role_name text;
BEGIN
    FOREACH role_name IN ARRAY ARRAY['niaga_auth', 'niaga_catalog', 'niaga_inventory', 'niaga_order',
                                     'niaga_customer', 'niaga_agent', 'niaga_admin', 'niaga_readonly',
                                     'niaga_shopper']
    LOOP
        IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = role_name) THEN
            EXECUTE pg_catalog.format('CREATE ROLE %I NOLOGIN', role_name);
        END IF;
    END LOOP;
END
$$;

CREATE FUNCTION niaga.current_user_id()
RETURNS uuid
LANGUAGE sql
STABLE
PARALLEL SAFE
AS $$
SELECT NULLIF(pg_catalog.current_setting('niaga.user_id', true), '')::uuid
$$;
COMMENT ON FUNCTION niaga.current_user_id() IS
    'The end user of a niaga_shopper session (the setting niaga.user_id), NULL when unset';

-- Every function that reads or writes tables runs as the extension's owner
-- with search_path pinned, so that each role needs only EXECUTE on the
-- functions meant for it and no right on the tables behind them. Left as
-- SECURITY INVOKER: functions that touch no table.
DO $$
DECLARE
    target regprocedure;
BEGIN
    FOR target IN
        SELECT p.oid::regprocedure
        FROM pg_catalog.pg_proc AS p
        JOIN pg_catalog.pg_namespace AS n ON n.oid = p.pronamespace
        WHERE n.nspname IN ('niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
          AND p.prolang = (SELECT l.oid FROM pg_catalog.pg_language AS l WHERE l.lanname = 'c')
          AND (n.nspname, p.proname) NOT IN (('niaga', 'version'), ('niaga', 'set_updated_at'),
                                              ('sales', 'cash_rounding'), ('sales', 'order_item_total'))
    LOOP
        EXECUTE pg_catalog.format('ALTER FUNCTION %s SECURITY DEFINER SET search_path = pg_catalog, pg_temp', target);
    END LOOP;
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA niaga, auth, catalog, inventory, sales, crm, agent FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA auth, catalog, inventory, sales, crm, agent FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA auth, catalog, inventory, sales, crm, agent FROM PUBLIC;

-- Everyone of niaga's roles may ask for the version.
GRANT USAGE ON SCHEMA niaga TO niaga_auth, niaga_catalog, niaga_inventory, niaga_order, niaga_customer, niaga_agent,
    niaga_admin, niaga_readonly, niaga_shopper;
GRANT EXECUTE ON FUNCTION niaga.version() TO niaga_auth, niaga_catalog, niaga_inventory, niaga_order,
    niaga_customer, niaga_agent, niaga_admin, niaga_readonly, niaga_shopper;
GRANT EXECUTE ON FUNCTION niaga.check_invariants() TO niaga_admin, niaga_readonly;
GRANT EXECUTE ON FUNCTION niaga.current_user_id() TO niaga_shopper, niaga_admin;

-- niaga_admin: everything.
GRANT USAGE ON SCHEMA auth, catalog, inventory, sales, crm, agent TO niaga_admin;
GRANT ALL ON ALL TABLES IN SCHEMA auth, catalog, inventory, sales, crm, agent TO niaga_admin;
GRANT ALL ON ALL SEQUENCES IN SCHEMA auth, catalog, inventory, sales, crm, agent TO niaga_admin;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA auth, catalog, inventory, sales, crm, agent TO niaga_admin;

-- niaga_readonly: reads everything but secrets (password hashes, token hashes).
GRANT USAGE ON SCHEMA auth, catalog, inventory, sales, crm, agent TO niaga_readonly;
GRANT SELECT ON ALL TABLES IN SCHEMA catalog, inventory, sales, crm, agent TO niaga_readonly;
GRANT SELECT (id, email, first_name, last_name, phone, avatar_url, email_verified_at, status, role, last_login_at,
              created_at, updated_at, deleted_at) ON auth.users TO niaga_readonly;

-- One role per owning service: its own schema, and what it needs of others.
GRANT USAGE ON SCHEMA auth TO niaga_auth;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA auth TO niaga_auth;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA auth TO niaga_auth;

GRANT USAGE ON SCHEMA catalog TO niaga_catalog;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA catalog TO niaga_catalog;
REVOKE INSERT, UPDATE, DELETE ON catalog.price_history FROM niaga_catalog;

GRANT USAGE ON SCHEMA inventory, catalog TO niaga_inventory;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA inventory TO niaga_inventory;
REVOKE INSERT, UPDATE, DELETE ON inventory.stock_movements FROM niaga_inventory;
GRANT SELECT ON ALL TABLES IN SCHEMA catalog TO niaga_inventory;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA inventory TO niaga_inventory;
-- An order's stock moves only with its status (the lifecycle calls these).
REVOKE EXECUTE ON FUNCTION inventory.release_reservation(uuid), inventory.ship_reservation(uuid),
    inventory.restock_order(uuid) FROM niaga_inventory;

GRANT USAGE ON SCHEMA sales, catalog, inventory TO niaga_order;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA sales TO niaga_order;
GRANT SELECT ON ALL TABLES IN SCHEMA catalog TO niaga_order;
GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA sales TO niaga_order;
GRANT EXECUTE ON FUNCTION inventory.available(uuid, uuid, uuid), inventory.reserve_order(uuid) TO niaga_order;

GRANT USAGE ON SCHEMA crm, auth TO niaga_customer;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA crm TO niaga_customer;
-- Profiles are made by trigger and counted by the lifecycle: the service
-- edits the descriptive columns only.
REVOKE INSERT, UPDATE, DELETE ON crm.customer_profiles FROM niaga_customer;
GRANT UPDATE (date_of_birth, gender, customer_group, notes, tags) ON crm.customer_profiles TO niaga_customer;
GRANT SELECT (id, email, first_name, last_name, phone, avatar_url, status, role, created_at, deleted_at)
    ON auth.users TO niaga_customer;

GRANT USAGE ON SCHEMA agent, sales TO niaga_agent;
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA agent TO niaga_agent;
-- Commissions are accrued, reversed and paid by niaga, payouts move through
-- the payout functions, and achievements are counted by the lifecycle: the
-- service reads them and edits only what is its own to decide.
REVOKE INSERT, UPDATE, DELETE ON agent.commissions, agent.payouts FROM niaga_agent;
REVOKE UPDATE ON agent.targets FROM niaga_agent;
GRANT UPDATE (agent_id, period_start, period_end, target_amount, target_orders) ON agent.targets TO niaga_agent;
GRANT SELECT (id, order_number, agent_id, status, subtotal, discount_amount, total, confirmed_at, delivered_at,
              cancelled_at, created_at) ON sales.orders TO niaga_agent;
GRANT EXECUTE ON FUNCTION agent.upline(uuid), agent.close_targets(date), agent.create_payout(uuid, text, text, text),
    agent.complete_payout(uuid), agent.fail_payout(uuid, text) TO niaga_agent;

-- Service roles use their own sequences (document numbers come from triggers).
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA sales TO niaga_order;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA inventory TO niaga_inventory;
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA agent TO niaga_agent;

-- niaga_shopper: an end user's session, keyed on niaga.user_id. It reads the
-- live, active catalog and its own rows; stock, coupons, payments and
-- commissions only through the functions below.
GRANT USAGE ON SCHEMA auth, catalog, sales, crm TO niaga_shopper;
GRANT SELECT ON catalog.categories, catalog.brands, catalog.products, catalog.product_categories,
    catalog.product_images, catalog.product_variants, catalog.attributes, catalog.attribute_values,
    catalog.product_attributes, catalog.variant_options, catalog.variant_option_values,
    catalog.product_variant_options, catalog.product_reviews TO niaga_shopper;
GRANT SELECT (id, email, first_name, last_name, phone, avatar_url, email_verified_at, status, role, created_at)
    ON auth.users TO niaga_shopper;
GRANT UPDATE (first_name, last_name, phone, avatar_url) ON auth.users TO niaga_shopper;
GRANT SELECT (id, user_id, user_agent, ip_address, expires_at, created_at, revoked_at) ON auth.sessions TO niaga_shopper;
GRANT SELECT ON sales.shipping_methods TO niaga_shopper;
GRANT SELECT, INSERT, DELETE ON sales.carts TO niaga_shopper;
GRANT UPDATE (coupon_code, notes) ON sales.carts TO niaga_shopper;
GRANT SELECT, DELETE ON sales.cart_items TO niaga_shopper;
GRANT UPDATE (quantity) ON sales.cart_items TO niaga_shopper;
GRANT SELECT ON sales.orders, sales.order_items, sales.order_status_history TO niaga_shopper;
GRANT SELECT, INSERT, UPDATE, DELETE ON crm.addresses, crm.wishlists TO niaga_shopper;
GRANT SELECT ON crm.customer_profiles TO niaga_shopper;
GRANT UPDATE (date_of_birth, gender) ON crm.customer_profiles TO niaga_shopper;
GRANT EXECUTE ON FUNCTION sales.add_to_cart(uuid, uuid, uuid, integer), sales.quote(uuid, text),
    sales.check_coupon(text, uuid, numeric), sales.place_order(uuid, text, jsonb, jsonb, text, text),
    sales.cancel_order(uuid, text), sales.cash_rounding(numeric) TO niaga_shopper;

-- Row-level security: staff roles see every row (their table rights decide
-- what they may do); niaga_shopper sees its own rows and the live catalog.
-- A forged niaga.user_id changes nothing for a role that is not a shopper.
DO $$
DECLARE
    target regclass;
BEGIN
    FOREACH target IN ARRAY ARRAY[
        'auth.users', 'auth.sessions', 'sales.carts', 'sales.cart_items', 'sales.orders', 'sales.order_items',
        'sales.order_status_history', 'crm.addresses', 'crm.wishlists', 'crm.customer_profiles',
        'catalog.categories', 'catalog.brands', 'catalog.products', 'catalog.product_categories',
        'catalog.product_images', 'catalog.product_variants', 'catalog.product_attributes',
        'catalog.product_variant_options', 'catalog.product_reviews', 'sales.shipping_methods']::regclass[]
    LOOP
        EXECUTE pg_catalog.format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', target);
        EXECUTE pg_catalog.format(
            'CREATE POLICY staff ON %s TO niaga_auth, niaga_catalog, niaga_inventory, niaga_order, niaga_customer, '
            'niaga_agent, niaga_admin, niaga_readonly USING (true) WITH CHECK (true)', target);
    END LOOP;
END
$$;

CREATE POLICY shopper_own ON auth.users TO niaga_shopper
    USING (id = niaga.current_user_id());
CREATE POLICY shopper_own ON auth.sessions TO niaga_shopper
    USING (user_id = niaga.current_user_id());
CREATE POLICY shopper_own ON sales.carts TO niaga_shopper
    USING (user_id = niaga.current_user_id())
    WITH CHECK (user_id = niaga.current_user_id() AND order_id IS NULL);
CREATE POLICY shopper_own ON sales.cart_items TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM sales.carts AS c WHERE c.id = cart_id AND c.user_id = niaga.current_user_id()));
CREATE POLICY shopper_own ON sales.orders TO niaga_shopper
    USING (user_id = niaga.current_user_id());
CREATE POLICY shopper_own ON sales.order_items TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM sales.orders AS o WHERE o.id = order_id AND o.user_id = niaga.current_user_id()));
CREATE POLICY shopper_own ON sales.order_status_history TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM sales.orders AS o WHERE o.id = order_id AND o.user_id = niaga.current_user_id()));
CREATE POLICY shopper_own ON crm.addresses TO niaga_shopper
    USING (user_id = niaga.current_user_id())
    WITH CHECK (user_id = niaga.current_user_id());
CREATE POLICY shopper_own ON crm.wishlists TO niaga_shopper
    USING (user_id = niaga.current_user_id())
    WITH CHECK (user_id = niaga.current_user_id());
CREATE POLICY shopper_own ON crm.customer_profiles TO niaga_shopper
    USING (user_id = niaga.current_user_id());
CREATE POLICY shopper_live ON catalog.categories TO niaga_shopper
    USING (is_active AND deleted_at IS NULL);
CREATE POLICY shopper_live ON catalog.brands TO niaga_shopper
    USING (is_active);
CREATE POLICY shopper_live ON catalog.products TO niaga_shopper
    USING (is_active AND deleted_at IS NULL);
CREATE POLICY shopper_live ON catalog.product_variants TO niaga_shopper
    USING (is_active AND deleted_at IS NULL
           AND EXISTS (SELECT 1 FROM catalog.products AS p WHERE p.id = product_id));
CREATE POLICY shopper_live ON catalog.product_categories TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM catalog.products AS p WHERE p.id = product_id));
CREATE POLICY shopper_live ON catalog.product_images TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM catalog.products AS p WHERE p.id = product_id));
CREATE POLICY shopper_live ON catalog.product_attributes TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM catalog.products AS p WHERE p.id = product_id));
CREATE POLICY shopper_live ON sales.shipping_methods TO niaga_shopper
    USING (is_active AND deleted_at IS NULL);
CREATE POLICY shopper_live ON catalog.product_reviews TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM catalog.products AS p WHERE p.id = product_id));
CREATE POLICY shopper_live ON catalog.product_variant_options TO niaga_shopper
    USING (EXISTS (SELECT 1 FROM catalog.product_variants AS v WHERE v.id = variant_id));
