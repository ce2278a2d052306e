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
