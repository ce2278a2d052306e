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
