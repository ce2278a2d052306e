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
                                     'niaga_shopper', 'niaga_scheduler']
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

-- niaga_scheduler: the scheduled jobs (pg_cron) and nothing else. Both
-- functions are SECURITY DEFINER, so the job's role needs no table rights.
GRANT USAGE ON SCHEMA sales, agent TO niaga_scheduler;
GRANT EXECUTE ON FUNCTION sales.expire_pending_orders(interval), agent.close_targets(date) TO niaga_scheduler;

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
