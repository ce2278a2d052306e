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
