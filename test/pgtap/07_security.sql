-- Security (SPEC §11, §12): the nine NOLOGIN roles, what each of them can
-- and cannot see and do (tried for real with SET LOCAL ROLE), row-level
-- security for niaga_shopper keyed on niaga.user_id, the ownership checks of
-- the functions granted to the shopper, and nothing for PUBLIC.
--
-- Ids of this file: users a7…/b7…/c7…, carts …-0000000000cN, everything else
-- 07000000-…. The whole file runs in one transaction that is rolled back.
BEGIN;
SELECT plan(238);

-- Runs a statement and returns how many rows it touched (ROW_COUNT), so that
-- "RLS hides the row: 0 rows changed" can be asserted.
CREATE FUNCTION pg_temp.affected(statement text) RETURNS bigint
LANGUAGE plpgsql AS $$
DECLARE
    n bigint;
BEGIN
    EXECUTE statement;
    GET DIAGNOSTICS n = ROW_COUNT;
    RETURN n;
END
$$;

-- Runs a statement and says what happened: 'ok' or its SQLSTATE.
CREATE FUNCTION pg_temp.attempt(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE;
END
$$;

-- ---------------------------------------------------------------------------
-- Fixture, as the superuser.
--   A (a7…01) and B (b7…01) are customers, C (c7…01) an admin user.
--   A: open cart c1, cart c2 -> pending order, cart c3 -> confirmed order
--      (sold by agent SEC-AG, so a commission accrues), an address, a
--      wishlist row, a session.
--   B: open cart c1, cart c2 -> pending order, an address, a wishlist row,
--      a session.
--   A guest cart e7…c1 -> a guest order.
-- ---------------------------------------------------------------------------
INSERT INTO auth.users (id, email, password_hash, first_name, role) VALUES
    ('a7000000-0000-4000-8000-000000000001', 'sec-a@niaga.test', 'hash-of-a', 'Aina', 'customer'),
    ('b7000000-0000-4000-8000-000000000001', 'sec-b@niaga.test', 'hash-of-b', 'Badrul', 'customer'),
    ('c7000000-0000-4000-8000-000000000001', 'sec-c@niaga.test', 'hash-of-c', 'Chong', 'admin');
INSERT INTO agent.agents (id, user_id, agent_code, commission_rate) VALUES
    ('07000000-0000-4000-8000-000000000091', 'c7000000-0000-4000-8000-000000000001', 'SEC-AG', 5.00);
INSERT INTO sales.tax_rates (id, code, name, rate, is_default) VALUES
    ('07000000-0000-4000-8000-000000000071', 'SEC-SST', 'SST 6%', 6.00, true);
INSERT INTO sales.shipping_methods (code, name, base_cost) VALUES ('sec-std', 'Standard', 5.00);
INSERT INTO sales.shipping_methods (code, name, base_cost, is_active) VALUES ('sec-off', 'Retired', 9.00, false);
INSERT INTO sales.coupons (id, code, type, value) VALUES
    ('07000000-0000-4000-8000-000000000081', 'SEC10', 'percentage', 10);
INSERT INTO inventory.warehouses (id, code, name, priority) VALUES
    ('07000000-0000-4000-8000-000000000021', 'SEC-W1', 'Security warehouse', 0);
INSERT INTO catalog.brands (id, name, slug, is_active) VALUES
    ('07000000-0000-4000-8000-000000000061', 'Sec Brand Live', 'sec-brand-live', true),
    ('07000000-0000-4000-8000-000000000062', 'Sec Brand Off', 'sec-brand-off', false);
INSERT INTO catalog.categories (id, name, slug, is_active, deleted_at) VALUES
    ('07000000-0000-4000-8000-000000000041', 'Sec live', 'sec-live', true, NULL),
    ('07000000-0000-4000-8000-000000000042', 'Sec inactive', 'sec-inactive', false, NULL),
    ('07000000-0000-4000-8000-000000000043', 'Sec deleted', 'sec-deleted', true, now());
INSERT INTO catalog.products (id, sku, name, slug, base_price, has_variants, is_active, deleted_at) VALUES
    ('07000000-0000-4000-8000-000000000031', 'SEC-P1', 'Kopi', 'sec-kopi', 10.00, false, true, NULL),
    ('07000000-0000-4000-8000-000000000032', 'SEC-P2', 'Baju', 'sec-baju', 40.00, true, true, NULL),
    ('07000000-0000-4000-8000-000000000033', 'SEC-P3', 'Inactive', 'sec-inactive', 5.00, true, false, NULL),
    ('07000000-0000-4000-8000-000000000034', 'SEC-P4', 'Deleted', 'sec-deleted', 5.00, false, true, now());
INSERT INTO catalog.product_variants (id, product_id, sku, name, price, is_active, deleted_at) VALUES
    ('07000000-0000-4000-8000-000000000051', '07000000-0000-4000-8000-000000000032', 'SEC-P2-M', 'M', 45.00, true, NULL),
    ('07000000-0000-4000-8000-000000000052', '07000000-0000-4000-8000-000000000032', 'SEC-P2-L', 'L', 45.00, false, NULL),
    ('07000000-0000-4000-8000-000000000053', '07000000-0000-4000-8000-000000000032', 'SEC-P2-S', 'S', 45.00, true, now()),
    ('07000000-0000-4000-8000-000000000054', '07000000-0000-4000-8000-000000000033', 'SEC-P3-X', 'X', 5.00, true, NULL);
INSERT INTO catalog.product_images (product_id, url) VALUES
    ('07000000-0000-4000-8000-000000000031', 'https://img.test/sec-p1.jpg'),
    ('07000000-0000-4000-8000-000000000033', 'https://img.test/sec-p3.jpg'),
    ('07000000-0000-4000-8000-000000000034', 'https://img.test/sec-p4.jpg');
INSERT INTO catalog.product_categories (product_id, category_id) VALUES
    ('07000000-0000-4000-8000-000000000031', '07000000-0000-4000-8000-000000000041'),
    ('07000000-0000-4000-8000-000000000033', '07000000-0000-4000-8000-000000000041'),
    ('07000000-0000-4000-8000-000000000034', '07000000-0000-4000-8000-000000000041');
INSERT INTO catalog.product_reviews (product_id, user_id, rating, title) VALUES
    ('07000000-0000-4000-8000-000000000031', 'b7000000-0000-4000-8000-000000000001', 5, 'sec review of a live product'),
    ('07000000-0000-4000-8000-000000000033', 'b7000000-0000-4000-8000-000000000001', 1, 'sec review of an inactive product'),
    ('07000000-0000-4000-8000-000000000034', 'b7000000-0000-4000-8000-000000000001', 1, 'sec review of a deleted product');
INSERT INTO sales.carts (id, user_id, session_id) VALUES
    ('a7000000-0000-4000-8000-0000000000c1', 'a7000000-0000-4000-8000-000000000001', NULL),
    ('a7000000-0000-4000-8000-0000000000c2', 'a7000000-0000-4000-8000-000000000001', NULL),
    ('a7000000-0000-4000-8000-0000000000c3', 'a7000000-0000-4000-8000-000000000001', NULL),
    ('b7000000-0000-4000-8000-0000000000c1', 'b7000000-0000-4000-8000-000000000001', NULL),
    ('b7000000-0000-4000-8000-0000000000c2', 'b7000000-0000-4000-8000-000000000001', NULL),
    ('e7000000-0000-4000-8000-0000000000c1', NULL, 'guest-session-1');
INSERT INTO crm.addresses (user_id, recipient_name, address_line1, city, state, postcode) VALUES
    ('a7000000-0000-4000-8000-000000000001', 'Aina', '1 Jalan Aina', 'Ipoh', 'Perak', '30000'),
    ('b7000000-0000-4000-8000-000000000001', 'Badrul', '2 Jalan Badrul', 'Ipoh', 'Perak', '30000');
INSERT INTO crm.wishlists (user_id, product_id) VALUES
    ('a7000000-0000-4000-8000-000000000001', '07000000-0000-4000-8000-000000000031'),
    ('b7000000-0000-4000-8000-000000000001', '07000000-0000-4000-8000-000000000031');
DO $$
BEGIN
    PERFORM inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031',
                                    NULL, 100);
    PERFORM inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000032',
                                    '07000000-0000-4000-8000-000000000051', 100);
    PERFORM sales.add_to_cart('a7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 2);
    PERFORM sales.add_to_cart('a7000000-0000-4000-8000-0000000000c2', '07000000-0000-4000-8000-000000000031', NULL, 1);
    PERFORM sales.add_to_cart('a7000000-0000-4000-8000-0000000000c3', '07000000-0000-4000-8000-000000000032',
                              '07000000-0000-4000-8000-000000000051', 1);
    PERFORM sales.add_to_cart('b7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 3);
    PERFORM sales.add_to_cart('b7000000-0000-4000-8000-0000000000c2', '07000000-0000-4000-8000-000000000031', NULL, 4);
    PERFORM sales.add_to_cart('e7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 1);
    PERFORM sales.place_order('a7000000-0000-4000-8000-0000000000c2', 'sec-std', '{"city": "Ipoh"}');
    PERFORM sales.place_order('a7000000-0000-4000-8000-0000000000c3', 'sec-std', '{"city": "Ipoh"}', NULL, 'SEC-AG');
    PERFORM sales.place_order('b7000000-0000-4000-8000-0000000000c2', 'sec-std', '{"city": "Ipoh"}');
    PERFORM sales.place_order('e7000000-0000-4000-8000-0000000000c1', 'sec-std', '{"city": "Ipoh"}');
    PERFORM sales.set_order_status((SELECT order_id FROM sales.carts WHERE id = 'a7000000-0000-4000-8000-0000000000c3'),
                                   'confirmed');
    PERFORM sales.record_payment((SELECT order_id FROM sales.carts WHERE id = 'b7000000-0000-4000-8000-0000000000c2'),
                                 'credit_card', 'sec-psp', 'sec-txn-1', 1.00, 'pending');
    PERFORM auth.create_session('a7000000-0000-4000-8000-000000000001', 'sec-ua', '10.0.0.1');
    PERFORM auth.create_session('b7000000-0000-4000-8000-000000000001', 'sec-ua', '10.0.0.2');
END
$$;
SELECT order_id AS order_a_pending FROM sales.carts WHERE id = 'a7000000-0000-4000-8000-0000000000c2' \gset
SELECT order_id AS order_a_confirmed FROM sales.carts WHERE id = 'a7000000-0000-4000-8000-0000000000c3' \gset
SELECT order_id AS order_b FROM sales.carts WHERE id = 'b7000000-0000-4000-8000-0000000000c2' \gset
SELECT order_id AS order_guest FROM sales.carts WHERE id = 'e7000000-0000-4000-8000-0000000000c1' \gset
SELECT count(*) AS all_carts FROM sales.carts \gset
SELECT count(*) AS all_orders FROM sales.orders \gset
SELECT count(*) AS all_addresses FROM crm.addresses \gset
SELECT count(*) AS all_users FROM auth.users \gset

SELECT is(
    (SELECT count(*) FROM agent.commissions WHERE order_id = :'order_a_confirmed'),
    1::bigint,
    'fixture: the confirmed order accrued a commission'
);

-- ---------------------------------------------------------------------------
-- 1. The ten roles: present, NOLOGIN, no superpowers.
-- ---------------------------------------------------------------------------
SELECT set_eq(
    $$SELECT rolname::text FROM pg_catalog.pg_roles WHERE rolname LIKE 'niaga\_%'$$,
    ARRAY['niaga_auth', 'niaga_catalog', 'niaga_inventory', 'niaga_order', 'niaga_customer', 'niaga_agent',
          'niaga_admin', 'niaga_readonly', 'niaga_shopper', 'niaga_scheduler'],
    'roles: the ten niaga roles exist'
);
SELECT is_empty(
    $$SELECT rolname FROM pg_catalog.pg_roles
      WHERE rolname IN ('niaga_auth', 'niaga_catalog', 'niaga_inventory', 'niaga_order', 'niaga_customer',
                        'niaga_agent', 'niaga_admin', 'niaga_readonly', 'niaga_shopper', 'niaga_scheduler')
        AND rolcanlogin$$,
    'roles: every niaga role is NOLOGIN'
);
SELECT is_empty(
    $$SELECT rolname FROM pg_catalog.pg_roles
      WHERE rolname IN ('niaga_auth', 'niaga_catalog', 'niaga_inventory', 'niaga_order', 'niaga_customer',
                        'niaga_agent', 'niaga_admin', 'niaga_readonly', 'niaga_shopper', 'niaga_scheduler')
        AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolcreatedb OR rolreplication)$$,
    'roles: no niaga role is superuser, BYPASSRLS, CREATEROLE, CREATEDB or REPLICATION'
);

-- ---------------------------------------------------------------------------
-- 2. PUBLIC gets nothing.
-- ---------------------------------------------------------------------------
SELECT is_empty(
    $$SELECT n.nspname FROM pg_catalog.pg_namespace AS n
      WHERE n.nspname IN ('niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
        AND (has_schema_privilege('public', n.oid, 'USAGE') OR has_schema_privilege('public', n.oid, 'CREATE'))$$,
    'PUBLIC: no USAGE or CREATE on the seven schemas'
);
SELECT is_empty(
    $$SELECT p.oid::regprocedure::text FROM pg_catalog.pg_depend AS d
      JOIN pg_catalog.pg_proc AS p ON p.oid = d.objid
      WHERE d.classid = 'pg_catalog.pg_proc'::regclass AND d.deptype = 'e'
        AND d.refclassid = 'pg_catalog.pg_extension'::regclass
        AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'niaga')
        AND has_function_privilege('public', p.oid, 'EXECUTE')$$,
    'PUBLIC: no EXECUTE on any niaga function'
);
SELECT is_empty(
    $$SELECT c.oid::regclass::text FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
        AND c.relkind IN ('r', 'p', 'v', 'm', 'S')
        AND EXISTS (SELECT 1 FROM aclexplode(c.relacl) AS a WHERE a.grantee = 0)$$,
    'PUBLIC: no privilege on any niaga table, view or sequence'
);
SELECT is_empty(
    $$SELECT c.oid::regclass::text || '.' || a.attname FROM pg_catalog.pg_attribute AS a
      JOIN pg_catalog.pg_class AS c ON c.oid = a.attrelid
      WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
        AND a.attacl IS NOT NULL
        AND EXISTS (SELECT 1 FROM aclexplode(a.attacl) AS x WHERE x.grantee = 0)$$,
    'PUBLIC: no column privilege on any niaga table'
);

-- ---------------------------------------------------------------------------
-- 3. niaga_shopper acting for A: its own rows only.
-- ---------------------------------------------------------------------------
SET LOCAL ROLE niaga_shopper;
SET LOCAL niaga.user_id = 'a7000000-0000-4000-8000-000000000001';

SELECT is(niaga.current_user_id(), 'a7000000-0000-4000-8000-000000000001'::uuid,
          'shopper: niaga.current_user_id() is the setting niaga.user_id');

-- carts
SELECT set_eq(
    $$SELECT id FROM sales.carts$$,
    $$VALUES ('a7000000-0000-4000-8000-0000000000c1'::uuid), ('a7000000-0000-4000-8000-0000000000c2'),
             ('a7000000-0000-4000-8000-0000000000c3')$$,
    'shopper: sees exactly its own carts'
);
SELECT is_empty(
    $$SELECT id FROM sales.carts WHERE id IN ('b7000000-0000-4000-8000-0000000000c1', 'e7000000-0000-4000-8000-0000000000c1')$$,
    'shopper: another user''s cart and a guest cart are invisible (0 rows)'
);
SELECT set_eq(
    $$SELECT cart_id, quantity FROM sales.cart_items$$,
    $$VALUES ('a7000000-0000-4000-8000-0000000000c1'::uuid, 2)$$,
    'shopper: sees only the lines of its own carts'
);
SELECT lives_ok(
    $$INSERT INTO sales.carts (id, user_id) VALUES ('a7000000-0000-4000-8000-0000000000c4', 'a7000000-0000-4000-8000-000000000001')$$,
    'shopper: can create a cart for itself'
);
SELECT throws_ok(
    $$INSERT INTO sales.carts (user_id) VALUES ('b7000000-0000-4000-8000-000000000001')$$,
    '42501', NULL,
    'shopper: cannot create a cart for another user (RLS, 42501)'
);
SELECT throws_ok(
    $$INSERT INTO sales.carts (session_id) VALUES ('some-guest')$$,
    '42501', NULL,
    'shopper: cannot create a cart without its user (RLS, 42501)'
);
SELECT throws_ok(
    $$INSERT INTO sales.carts (user_id, order_id) VALUES ('a7000000-0000-4000-8000-000000000001', '$$ || :'order_b' || $$')$$,
    '42501', NULL,
    'shopper: cannot create a cart that claims to be an order (RLS, 42501)'
);
SELECT is(
    pg_temp.affected($$UPDATE sales.carts SET coupon_code = 'SEC10', notes = 'mine' WHERE id = 'a7000000-0000-4000-8000-0000000000c1'$$),
    1::bigint,
    'shopper: can set coupon_code and notes of its own open cart'
);
SELECT throws_ok(
    $$UPDATE sales.carts SET notes = 'late' WHERE id = 'a7000000-0000-4000-8000-0000000000c2'$$,
    '42501', NULL,
    'shopper: cannot change a cart of its own that already became an order (RLS, 42501)'
);
SELECT is(
    pg_temp.affected($$UPDATE sales.carts SET notes = 'hijack' WHERE id = 'b7000000-0000-4000-8000-0000000000c1'$$),
    0::bigint,
    'shopper: updating another user''s cart changes 0 rows'
);
SELECT throws_ok(
    $$UPDATE sales.carts SET user_id = 'b7000000-0000-4000-8000-000000000001' WHERE id = 'a7000000-0000-4000-8000-0000000000c1'$$,
    '42501', NULL,
    'shopper: cannot change the owner of a cart (42501)'
);
SELECT throws_ok(
    $$UPDATE sales.carts SET order_id = NULL WHERE id = 'a7000000-0000-4000-8000-0000000000c2'$$,
    '42501', NULL,
    'shopper: cannot change carts.order_id (42501)'
);
SELECT is(
    pg_temp.affected($$DELETE FROM sales.carts WHERE id = 'b7000000-0000-4000-8000-0000000000c1'$$),
    0::bigint,
    'shopper: deleting another user''s cart deletes 0 rows'
);
SELECT is(
    pg_temp.affected($$DELETE FROM sales.carts WHERE id = 'a7000000-0000-4000-8000-0000000000c4'$$),
    1::bigint,
    'shopper: can delete its own (new, empty) cart'
);

-- cart lines: only through add_to_cart, except the quantity of its own line
SELECT throws_ok(
    $$INSERT INTO sales.cart_items (cart_id, product_id, quantity, unit_price)
      VALUES ('a7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000032', 1, 0.01)$$,
    '42501', NULL,
    'shopper: cannot insert cart_items directly (42501)'
);
SELECT throws_ok(
    $$UPDATE sales.cart_items SET unit_price = 0.01 WHERE cart_id = 'a7000000-0000-4000-8000-0000000000c1'$$,
    '42501', NULL,
    'shopper: cannot change unit_price of its own line (42501)'
);
SELECT throws_ok(
    $$UPDATE sales.cart_items SET product_id = '07000000-0000-4000-8000-000000000034' WHERE cart_id = 'a7000000-0000-4000-8000-0000000000c1'$$,
    '42501', NULL,
    'shopper: cannot change product_id of its own line (42501)'
);
SELECT is(
    pg_temp.affected($$UPDATE sales.cart_items SET quantity = 3 WHERE cart_id = 'a7000000-0000-4000-8000-0000000000c1'$$),
    1::bigint,
    'shopper: can change the quantity of its own line'
);
SELECT is(
    pg_temp.affected($$UPDATE sales.cart_items SET quantity = 99 WHERE cart_id = 'b7000000-0000-4000-8000-0000000000c1'$$),
    0::bigint,
    'shopper: changing the quantity of another user''s line changes 0 rows'
);
SELECT is(
    pg_temp.affected($$DELETE FROM sales.cart_items WHERE cart_id = 'b7000000-0000-4000-8000-0000000000c1'$$),
    0::bigint,
    'shopper: deleting another user''s lines deletes 0 rows'
);

-- orders, lines and history
SELECT set_eq(
    $$SELECT id FROM sales.orders$$,
    ARRAY[:'order_a_pending', :'order_a_confirmed']::uuid[],
    'shopper: sees exactly its own orders'
);
SELECT is_empty(
    format($$SELECT id FROM sales.orders WHERE id IN (%L, %L)$$, :'order_b', :'order_guest'),
    'shopper: another user''s order and a guest order are invisible (0 rows)'
);
SELECT set_eq(
    $$SELECT DISTINCT order_id FROM sales.order_items$$,
    ARRAY[:'order_a_pending', :'order_a_confirmed']::uuid[],
    'shopper: sees only the lines of its own orders'
);
SELECT set_eq(
    $$SELECT order_id, status FROM sales.order_status_history$$,
    format($$VALUES (%L::uuid, 'pending'::text), (%L, 'pending'), (%L, 'confirmed')$$,
           :'order_a_pending', :'order_a_confirmed', :'order_a_confirmed'),
    'shopper: sees only the status history of its own orders'
);
SELECT throws_ok(
    format($$UPDATE sales.orders SET total = 0 WHERE id = %L$$, :'order_a_pending'),
    '42501', NULL,
    'shopper: cannot update its own order directly (42501)'
);
SELECT throws_ok(
    $$INSERT INTO sales.orders (user_id, shipping_address) VALUES ('a7000000-0000-4000-8000-000000000001', '{}')$$,
    '42501', NULL,
    'shopper: cannot insert an order directly (42501)'
);
SELECT throws_ok(
    format($$DELETE FROM sales.order_items WHERE order_id = %L$$, :'order_a_pending'),
    '42501', NULL,
    'shopper: cannot delete order lines (42501)'
);

-- addresses and wishlists
SELECT results_eq(
    $$SELECT user_id, recipient_name::text FROM crm.addresses$$,
    $$VALUES ('a7000000-0000-4000-8000-000000000001'::uuid, 'Aina'::text)$$,
    'shopper: sees exactly its own addresses'
);
SELECT lives_ok(
    $$INSERT INTO crm.addresses (user_id, recipient_name, address_line1, city, state, postcode, is_default)
      VALUES ('a7000000-0000-4000-8000-000000000001', 'Aina office', '3 Jalan', 'Ipoh', 'Perak', '30000', true)$$,
    'shopper: can add an address of its own'
);
SELECT throws_ok(
    $$INSERT INTO crm.addresses (user_id, recipient_name, address_line1, city, state, postcode)
      VALUES ('b7000000-0000-4000-8000-000000000001', 'x', 'x', 'x', 'x', '1')$$,
    '42501', NULL,
    'shopper: cannot add an address for another user (RLS, 42501)'
);
SELECT is(
    pg_temp.affected($$UPDATE crm.addresses SET city = 'Kuala Lumpur' WHERE user_id = 'b7000000-0000-4000-8000-000000000001'$$),
    0::bigint,
    'shopper: updating another user''s address changes 0 rows'
);
SELECT throws_ok(
    $$UPDATE crm.addresses SET user_id = 'b7000000-0000-4000-8000-000000000001'$$,
    '42501', NULL,
    'shopper: cannot give its address to another user (RLS, 42501)'
);
SELECT is(
    pg_temp.affected($$DELETE FROM crm.addresses WHERE user_id = 'b7000000-0000-4000-8000-000000000001'$$),
    0::bigint,
    'shopper: deleting another user''s address deletes 0 rows'
);
SELECT results_eq(
    $$SELECT user_id, product_id FROM crm.wishlists$$,
    $$VALUES ('a7000000-0000-4000-8000-000000000001'::uuid, '07000000-0000-4000-8000-000000000031'::uuid)$$,
    'shopper: sees exactly its own wishlist'
);
SELECT lives_ok(
    $$INSERT INTO crm.wishlists (user_id, product_id)
      VALUES ('a7000000-0000-4000-8000-000000000001', '07000000-0000-4000-8000-000000000032')$$,
    'shopper: can add to its own wishlist'
);
SELECT throws_ok(
    $$INSERT INTO crm.wishlists (user_id, product_id)
      VALUES ('b7000000-0000-4000-8000-000000000001', '07000000-0000-4000-8000-000000000032')$$,
    '42501', NULL,
    'shopper: cannot add to another user''s wishlist (RLS, 42501)'
);
SELECT is(
    pg_temp.affected($$DELETE FROM crm.wishlists WHERE user_id = 'b7000000-0000-4000-8000-000000000001'$$),
    0::bigint,
    'shopper: deleting another user''s wishlist deletes 0 rows'
);

-- profile
SELECT results_eq(
    $$SELECT user_id FROM crm.customer_profiles$$,
    $$VALUES ('a7000000-0000-4000-8000-000000000001'::uuid)$$,
    'shopper: sees exactly its own customer profile'
);
SELECT is(
    pg_temp.affected($$UPDATE crm.customer_profiles SET gender = 'female', date_of_birth = '1990-01-02'$$),
    1::bigint,
    'shopper: can set gender and date_of_birth of its own profile (and only its own)'
);
SELECT throws_ok(
    $$UPDATE crm.customer_profiles SET total_spent = 99999$$,
    '42501', NULL,
    'shopper: cannot change its profile counters (42501)'
);
SELECT throws_ok(
    $$UPDATE crm.customer_profiles SET customer_group = 'vip'$$,
    '42501', NULL,
    'shopper: cannot change its customer group (42501)'
);

-- its user row and sessions
SELECT results_eq(
    $$SELECT id, email::text FROM auth.users$$,
    $$VALUES ('a7000000-0000-4000-8000-000000000001'::uuid, 'sec-a@niaga.test'::text)$$,
    'shopper: sees exactly its own auth.users row'
);
SELECT throws_ok(
    $$SELECT password_hash FROM auth.users$$,
    '42501', NULL,
    'shopper: cannot read password_hash, even its own (column privilege, 42501)'
);
SELECT throws_ok(
    $$SELECT * FROM auth.users$$,
    '42501', NULL,
    'shopper: SELECT * on auth.users is refused (42501)'
);
SELECT is(
    pg_temp.affected($$UPDATE auth.users SET first_name = 'Aina Z'$$),
    1::bigint,
    'shopper: can change its own name (and only its own row)'
);
SELECT throws_ok(
    $$UPDATE auth.users SET role = 'admin'$$,
    '42501', NULL,
    'shopper: cannot change its role (42501)'
);
SELECT throws_ok(
    $$UPDATE auth.users SET email = 'other@niaga.test'$$,
    '42501', NULL,
    'shopper: cannot change its email (42501)'
);
SELECT throws_ok(
    $$UPDATE auth.users SET status = 'active'$$,
    '42501', NULL,
    'shopper: cannot change its status (42501)'
);
SELECT throws_ok(
    $$INSERT INTO auth.users (email, password_hash) VALUES ('new@niaga.test', 'x')$$,
    '42501', NULL,
    'shopper: cannot create users (42501)'
);
SELECT results_eq(
    $$SELECT user_id, user_agent FROM auth.sessions$$,
    $$VALUES ('a7000000-0000-4000-8000-000000000001'::uuid, 'sec-ua'::text)$$,
    'shopper: sees exactly its own sessions'
);
SELECT throws_ok(
    $$SELECT refresh_token FROM auth.sessions$$,
    '42501', NULL,
    'shopper: cannot read the token hash of its sessions (42501)'
);
SELECT throws_ok(
    $$SELECT * FROM auth.password_resets$$,
    '42501', NULL,
    'shopper: cannot read auth.password_resets (42501)'
);

-- the live, active catalog only
SELECT set_eq(
    $$SELECT code::text FROM sales.shipping_methods WHERE code LIKE 'sec-%'$$,
    ARRAY['sec-std'],
    'shopper: sees only live, active shipping methods'
);
SELECT set_eq(
    $$SELECT sku::text FROM catalog.products WHERE sku LIKE 'SEC-%'$$,
    ARRAY['SEC-P1', 'SEC-P2'],
    'shopper: sees only live, active products'
);
SELECT set_eq(
    $$SELECT sku::text FROM catalog.product_variants WHERE sku LIKE 'SEC-%'$$,
    ARRAY['SEC-P2-M'],
    'shopper: sees only live, active variants of visible products'
);
SELECT set_eq(
    $$SELECT slug::text FROM catalog.categories WHERE slug LIKE 'sec-%'$$,
    ARRAY['sec-live'],
    'shopper: sees only live, active categories'
);
SELECT set_eq(
    $$SELECT slug::text FROM catalog.brands WHERE slug LIKE 'sec-%'$$,
    ARRAY['sec-brand-live'],
    'shopper: sees only active brands'
);
SELECT set_eq(
    $$SELECT url::text FROM catalog.product_images WHERE url LIKE 'https://img.test/sec-%'$$,
    ARRAY['https://img.test/sec-p1.jpg'],
    'shopper: sees only the images of visible products'
);
SELECT set_eq(
    $$SELECT product_id FROM catalog.product_categories WHERE category_id = '07000000-0000-4000-8000-000000000041'$$,
    ARRAY['07000000-0000-4000-8000-000000000031']::uuid[],
    'shopper: sees only the category links of visible products'
);
-- SPEC §11 "it can read the live, active catalog": like images, category
-- links and attributes, reviews of an inactive or deleted product are not
-- part of it.
SELECT set_eq(
    $$SELECT title::text FROM catalog.product_reviews WHERE title LIKE 'sec review%'$$,
    ARRAY['sec review of a live product'],
    'shopper: sees only the reviews of visible products'
);
SELECT throws_ok(
    $$UPDATE catalog.products SET base_price = 0.01$$,
    '42501', NULL,
    'shopper: cannot change the catalog (42501)'
);
SELECT throws_ok(
    $$SELECT * FROM catalog.price_history$$,
    '42501', NULL,
    'shopper: cannot read price history (42501)'
);

-- stock, coupons, payments, commissions: never directly
SELECT throws_ok($$SELECT * FROM inventory.stock_items$$, '42501', NULL,
                 'shopper: cannot SELECT inventory.stock_items (42501)');
SELECT throws_ok($$SELECT * FROM inventory.stock_movements$$, '42501', NULL,
                 'shopper: cannot SELECT inventory.stock_movements (42501)');
SELECT throws_ok($$SELECT * FROM sales.coupons$$, '42501', NULL,
                 'shopper: cannot SELECT sales.coupons (42501)');
SELECT throws_ok($$SELECT * FROM sales.coupon_usages$$, '42501', NULL,
                 'shopper: cannot SELECT sales.coupon_usages (42501)');
SELECT throws_ok($$SELECT * FROM sales.payments$$, '42501', NULL,
                 'shopper: cannot SELECT sales.payments (42501)');
SELECT throws_ok($$SELECT * FROM sales.refunds$$, '42501', NULL,
                 'shopper: cannot SELECT sales.refunds (42501)');
SELECT throws_ok($$SELECT * FROM agent.commissions$$, '42501', NULL,
                 'shopper: cannot SELECT agent.commissions (42501)');
SELECT throws_ok($$SELECT * FROM agent.agents$$, '42501', NULL,
                 'shopper: cannot SELECT agent.agents (42501)');
SELECT throws_ok($$UPDATE sales.coupons SET used_count = 0$$, '42501', NULL,
                 'shopper: cannot UPDATE sales.coupons (42501)');

-- the functions meant for the shopper, on its own cart
SELECT lives_ok(
    $$SELECT sales.add_to_cart('a7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000032',
                               '07000000-0000-4000-8000-000000000051', 1)$$,
    'shopper: add_to_cart on its own cart'
);
SELECT is(
    sales.add_to_cart('a7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 1),
    (SELECT id FROM sales.cart_items WHERE cart_id = 'a7000000-0000-4000-8000-0000000000c1' AND variant_id IS NULL),
    'shopper: add_to_cart returns the id of its own cart line'
);
SELECT results_eq(
    $$SELECT subtotal, discount_amount, shipping_cost, tax_amount, total
      FROM sales.quote('a7000000-0000-4000-8000-0000000000c1', 'sec-std')$$,
    $$VALUES (85.00::numeric, 8.50::numeric, 5.00::numeric, 4.59::numeric, 86.09::numeric)$$,
    'shopper: quote of its own cart (4 x 10.00 + 45.00, SEC10, shipping 5.00, SST 6%)'
);
SELECT results_eq(
    $$SELECT is_valid, discount FROM sales.check_coupon('SEC10', 'a7000000-0000-4000-8000-000000000001', 100)$$,
    $$VALUES (true, 10.00::numeric)$$,
    'shopper: check_coupon for itself'
);
SELECT results_eq(
    $$SELECT is_valid, discount FROM sales.check_coupon('SEC10', NULL, 100)$$,
    $$VALUES (true, 10.00::numeric)$$,
    'shopper: check_coupon as a guest (no user)'
);
SELECT is(sales.cash_rounding(10.03), 10.05, 'shopper: may call sales.cash_rounding');

-- … and on another user's cart or order: 42501
SELECT throws_ok(
    $$SELECT sales.add_to_cart('b7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 1)$$,
    '42501', NULL,
    'shopper: add_to_cart on another user''s cart is 42501'
);
SELECT throws_ok(
    $$SELECT * FROM sales.quote('b7000000-0000-4000-8000-0000000000c1', 'sec-std')$$,
    '42501', NULL,
    'shopper: quote of another user''s cart is 42501'
);
SELECT throws_ok(
    $$SELECT * FROM sales.place_order('b7000000-0000-4000-8000-0000000000c1', 'sec-std', '{"city": "Ipoh"}')$$,
    '42501', NULL,
    'shopper: place_order of another user''s cart is 42501'
);
SELECT throws_ok(
    $$SELECT * FROM sales.place_order('b7000000-0000-4000-8000-0000000000c2', 'sec-std', '{"city": "Ipoh"}')$$,
    '42501', NULL,
    'shopper: place_order of another user''s ordered cart (double submit) is 42501, not B''s order'
);
SELECT throws_ok(
    $$SELECT * FROM sales.check_coupon('SEC10', 'b7000000-0000-4000-8000-000000000001', 100)$$,
    '42501', NULL,
    'shopper: check_coupon asking about another user is 42501'
);
SELECT throws_ok(
    format($$SELECT sales.cancel_order(%L, 'not mine')$$, :'order_b'),
    '42501', NULL,
    'shopper: cancel_order of another user''s order is 42501'
);
SELECT throws_ok(
    format($$SELECT sales.cancel_order(%L, 'not mine')$$, :'order_guest'),
    '42501', NULL,
    'shopper: cancel_order of a guest order is 42501'
);
SELECT throws_ok(
    format($$SELECT sales.cancel_order(%L, 'too late')$$, :'order_a_confirmed'),
    '42501', NULL,
    'shopper: cancel_order of its own confirmed (not pending) order is 42501'
);

-- place_order and cancel_order of its own
SELECT results_eq(
    $$SELECT user_id, status::text, total
      FROM sales.place_order('a7000000-0000-4000-8000-0000000000c1', 'sec-std', '{"city": "Ipoh"}')$$,
    $$VALUES ('a7000000-0000-4000-8000-000000000001'::uuid, 'pending'::text, 86.09::numeric)$$,
    'shopper: place_order of its own cart'
);
SELECT is(
    (SELECT count(*) FROM sales.orders),
    3::bigint,
    'shopper: the new order is visible to it'
);
SELECT results_eq(
    format($$SELECT status::text, cancellation_reason FROM sales.cancel_order(%L, 'changed my mind')$$, :'order_a_pending'),
    $$VALUES ('cancelled'::text, 'changed my mind'::text)$$,
    'shopper: cancel_order of its own pending order'
);
SELECT throws_ok(
    format($$SELECT sales.cancel_order(%L, 'again')$$, :'order_a_pending'),
    '42501', NULL,
    'shopper: cancel_order of its own already cancelled order is 42501'
);

-- functions not meant for the shopper: 42501
SELECT throws_ok(
    format($$SELECT sales.record_payment(%L, 'credit_card', 'psp', 'txn-shopper', 1.00, 'completed')$$, :'order_a_confirmed'),
    '42501', NULL, 'shopper: cannot call sales.record_payment (42501)'
);
SELECT throws_ok(
    format($$SELECT sales.set_order_status(%L, 'processing')$$, :'order_a_confirmed'),
    '42501', NULL, 'shopper: cannot call sales.set_order_status (42501)'
);
SELECT throws_ok(
    format($$SELECT sales.ship_order(%L)$$, :'order_a_confirmed'),
    '42501', NULL, 'shopper: cannot call sales.ship_order (42501)'
);
SELECT throws_ok(
    format($$SELECT sales.refund_order(%L, 'x')$$, :'order_a_confirmed'),
    '42501', NULL, 'shopper: cannot call sales.refund_order (42501)'
);
SELECT throws_ok($$SELECT sales.expire_pending_orders()$$, '42501', NULL,
                 'shopper: cannot call sales.expire_pending_orders (42501)');
SELECT throws_ok($$SELECT sales.coupon_discount('SEC10', NULL, 100)$$, '42501', NULL,
                 'shopper: cannot call sales.coupon_discount (42501)');
SELECT throws_ok(
    format($$SELECT sales.redeem_coupon(%L, 'SEC10')$$, :'order_a_confirmed'),
    '42501', NULL, 'shopper: cannot call sales.redeem_coupon (42501)'
);
SELECT throws_ok(
    $$SELECT inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', NULL, 5)$$,
    '42501', NULL, 'shopper: cannot call inventory.receive_stock (42501)'
);
SELECT throws_ok(
    $$SELECT inventory.available('07000000-0000-4000-8000-000000000031', NULL)$$,
    '42501', NULL, 'shopper: cannot call inventory.available (42501)'
);
SELECT throws_ok(
    format($$SELECT inventory.reserve_order(%L)$$, :'order_a_confirmed'),
    '42501', NULL, 'shopper: cannot call inventory.reserve_order (42501)'
);
SELECT throws_ok(
    $$SELECT * FROM agent.upline('07000000-0000-4000-8000-000000000091')$$,
    '42501', NULL, 'shopper: cannot call agent.upline (42501)'
);
SELECT throws_ok(
    $$SELECT agent.create_payout('07000000-0000-4000-8000-000000000091', 'bank_transfer')$$,
    '42501', NULL, 'shopper: cannot call agent.create_payout (42501)'
);
SELECT throws_ok(
    $$SELECT auth.create_session('a7000000-0000-4000-8000-000000000001', 'ua', NULL)$$,
    '42501', NULL, 'shopper: cannot call auth.create_session (42501)'
);
SELECT throws_ok($$SELECT * FROM niaga.check_invariants()$$, '42501', NULL,
                 'shopper: cannot call niaga.check_invariants (42501)');
SELECT is(niaga.version(), (SELECT extversion FROM pg_catalog.pg_extension WHERE extname = 'niaga'),
          'shopper: may call niaga.version()');

-- A shopper without niaga.user_id is nobody: no rows, no carts of users.
SET LOCAL niaga.user_id = '';
SELECT is(
    (SELECT count(*) FROM sales.carts) + (SELECT count(*) FROM sales.orders) + (SELECT count(*) FROM crm.addresses)
        + (SELECT count(*) FROM auth.users) + (SELECT count(*) FROM crm.customer_profiles),
    0::bigint,
    'shopper without niaga.user_id: sees no carts, orders, addresses, users or profiles'
);
SELECT throws_ok(
    $$SELECT sales.add_to_cart('b7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 1)$$,
    '42501', NULL,
    'shopper without niaga.user_id: add_to_cart on a user''s cart is 42501'
);
SELECT throws_ok(
    $$SELECT * FROM sales.check_coupon('SEC10', 'b7000000-0000-4000-8000-000000000001', 100)$$,
    '42501', NULL,
    'shopper without niaga.user_id: check_coupon about a user is 42501'
);
SELECT throws_ok(
    $$SET LOCAL niaga.user_id = 'not-a-uuid'$$,
    '22023', NULL,
    'niaga.user_id: a value that is not a uuid is refused (22023)'
);

-- Shopper B sees B's rows, not A's.
SET LOCAL niaga.user_id = 'b7000000-0000-4000-8000-000000000001';
SELECT set_eq(
    $$SELECT id FROM sales.carts$$,
    $$VALUES ('b7000000-0000-4000-8000-0000000000c1'::uuid), ('b7000000-0000-4000-8000-0000000000c2')$$,
    'shopper B: sees exactly B''s carts'
);
SELECT set_eq(
    $$SELECT id FROM sales.orders$$,
    ARRAY[:'order_b']::uuid[],
    'shopper B: sees exactly B''s order'
);
SELECT results_eq(
    $$SELECT quantity FROM sales.cart_items$$,
    $$VALUES (3)$$,
    'shopper B: its line was not changed by A'
);
SELECT results_eq(
    $$SELECT city::text FROM crm.addresses$$,
    $$VALUES ('Ipoh'::text)$$,
    'shopper B: its address was not changed by A'
);
SELECT is(
    (SELECT count(*) FROM crm.wishlists), 1::bigint,
    'shopper B: its wishlist was not changed by A'
);
RESET ROLE;

-- A login role that is a member of niaga_shopper is a shopper too.
CREATE ROLE niaga_tap_storefront NOLOGIN IN ROLE niaga_shopper;
SET LOCAL ROLE niaga_tap_storefront;
SET LOCAL niaga.user_id = 'b7000000-0000-4000-8000-000000000001';
SELECT set_eq(
    $$SELECT id FROM sales.carts$$,
    $$VALUES ('b7000000-0000-4000-8000-0000000000c1'::uuid), ('b7000000-0000-4000-8000-0000000000c2')$$,
    'member of niaga_shopper: row-level security applies (B''s carts only)'
);
SELECT throws_ok(
    $$SELECT sales.add_to_cart('a7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 1)$$,
    '42501', NULL,
    'member of niaga_shopper: add_to_cart on another user''s cart is 42501'
);
SELECT throws_ok(
    format($$SELECT sales.cancel_order(%L, 'not mine')$$, :'order_a_confirmed'),
    '42501', NULL,
    'member of niaga_shopper: cancel_order of another user''s order is 42501'
);
RESET ROLE;

-- ---------------------------------------------------------------------------
-- 4. A forged niaga.user_id changes nothing for roles that are not shoppers.
-- ---------------------------------------------------------------------------
SET LOCAL niaga.user_id = 'a7000000-0000-4000-8000-000000000001';
SET LOCAL ROLE niaga_order;
SELECT is((SELECT count(*) FROM sales.carts), :'all_carts'::bigint,
          'niaga_order with a forged niaga.user_id: sees every cart');
SELECT is((SELECT count(*) FROM sales.orders), :'all_orders'::bigint + 1,
          'niaga_order with a forged niaga.user_id: sees every order');
SELECT lives_ok(
    $$SELECT sales.add_to_cart('b7000000-0000-4000-8000-0000000000c1', '07000000-0000-4000-8000-000000000031', NULL, 1)$$,
    'niaga_order with a forged niaga.user_id: add_to_cart on B''s cart is not refused'
);
SELECT lives_ok(
    $$SELECT * FROM sales.check_coupon('SEC10', 'b7000000-0000-4000-8000-000000000001', 100)$$,
    'niaga_order with a forged niaga.user_id: check_coupon about B is not refused'
);
SELECT lives_ok(
    format($$SELECT sales.set_order_status(%L, 'processing')$$, :'order_a_confirmed'),
    'niaga_order with a forged niaga.user_id: set_order_status is not refused'
);
RESET ROLE;
SET LOCAL ROLE niaga_readonly;
SELECT is((SELECT count(*) FROM sales.carts), :'all_carts'::bigint,
          'niaga_readonly with a forged niaga.user_id: sees every cart');
SELECT is((SELECT count(*) FROM sales.orders), :'all_orders'::bigint + 1,
          'niaga_readonly with a forged niaga.user_id: sees every order');
SELECT is((SELECT count(*) FROM crm.addresses), :'all_addresses'::bigint + 1,
          'niaga_readonly with a forged niaga.user_id: sees every address');
SELECT is((SELECT count(*) FROM auth.users), :'all_users'::bigint,
          'niaga_readonly with a forged niaga.user_id: sees every user');
SELECT is((SELECT count(*) FROM catalog.products WHERE sku LIKE 'SEC-%'), 4::bigint,
          'niaga_readonly: sees the whole catalog, inactive and deleted products included');
RESET ROLE;
SET LOCAL ROLE niaga_customer;
SELECT is((SELECT count(*) FROM crm.customer_profiles WHERE user_id IN ('a7000000-0000-4000-8000-000000000001',
                                                                       'b7000000-0000-4000-8000-000000000001')),
          2::bigint,
          'niaga_customer with a forged niaga.user_id: sees every profile');
RESET ROLE;
SET LOCAL ROLE niaga_admin;
SELECT is((SELECT count(*) FROM sales.carts), :'all_carts'::bigint,
          'niaga_admin with a forged niaga.user_id: sees every cart');
RESET ROLE;
SET LOCAL niaga.user_id = '';

-- ---------------------------------------------------------------------------
-- 5. niaga_readonly: reads everything but secrets, writes nothing.
-- ---------------------------------------------------------------------------
SELECT is_empty(
    $$SELECT c.oid::regclass::text FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace::regnamespace::text IN ('catalog', 'inventory', 'sales', 'crm', 'agent')
        AND c.relkind IN ('r', 'p', 'v', 'm')
        AND NOT has_table_privilege('niaga_readonly', c.oid, 'SELECT')$$,
    'niaga_readonly: SELECT on every table and view of catalog, inventory, sales, crm, agent'
);
SELECT is_empty(
    $$SELECT c.oid::regclass::text FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
        AND c.relkind IN ('r', 'p', 'v', 'm')
        AND (has_table_privilege('niaga_readonly', c.oid, 'INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER')
             OR has_any_column_privilege('niaga_readonly', c.oid, 'INSERT, UPDATE, REFERENCES'))$$,
    'niaga_readonly: no write privilege on any table, not even on a column'
);
SELECT is_empty(
    $$SELECT a.attname FROM pg_catalog.pg_attribute AS a
      WHERE a.attrelid = 'auth.users'::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND a.attname <> 'password_hash'
        AND NOT has_column_privilege('niaga_readonly', 'auth.users', a.attname, 'SELECT')$$,
    'niaga_readonly: can read every column of auth.users but the password hash'
);
SELECT ok(NOT has_column_privilege('niaga_readonly', 'auth.users', 'password_hash', 'SELECT'),
          'niaga_readonly: no SELECT on auth.users.password_hash');
SELECT ok(NOT has_any_column_privilege('niaga_readonly', 'auth.sessions', 'SELECT')
          AND NOT has_any_column_privilege('niaga_readonly', 'auth.password_resets', 'SELECT'),
          'niaga_readonly: no SELECT on auth.sessions or auth.password_resets (token hashes)');
SET LOCAL ROLE niaga_readonly;
SELECT lives_ok(
    $sql$DO $do$
      DECLARE
          target regclass;
      BEGIN
          FOR target IN
              SELECT c.oid FROM pg_catalog.pg_class AS c
              WHERE c.relnamespace::regnamespace::text IN ('catalog', 'inventory', 'sales', 'crm', 'agent')
                AND c.relkind IN ('r', 'p', 'v', 'm')
          LOOP
              EXECUTE format('SELECT count(*) FROM %s', target);
          END LOOP;
      END
      $do$$sql$,
    'niaga_readonly: SELECT count(*) works on every table and view outside auth'
);
SELECT lives_ok(
    $$SELECT id, email, first_name, status, role, last_login_at, deleted_at FROM auth.users$$,
    'niaga_readonly: can read auth.users without the password hash'
);
SELECT throws_ok($$SELECT password_hash FROM auth.users$$, '42501', NULL,
                 'niaga_readonly: SELECT auth.users.password_hash is 42501');
SELECT throws_ok($$SELECT count(*) FROM auth.sessions$$, '42501', NULL,
                 'niaga_readonly: SELECT auth.sessions is 42501');
SELECT throws_ok($$SELECT count(*) FROM auth.password_resets$$, '42501', NULL,
                 'niaga_readonly: SELECT auth.password_resets is 42501');
SELECT throws_ok($$INSERT INTO catalog.brands (name, slug) VALUES ('RO', 'ro')$$, '42501', NULL,
                 'niaga_readonly: INSERT is 42501');
SELECT throws_ok(format($$UPDATE sales.orders SET admin_notes = 'x' WHERE id = %L$$, :'order_b'), '42501', NULL,
                 'niaga_readonly: UPDATE is 42501');
SELECT throws_ok($$DELETE FROM crm.addresses$$, '42501', NULL,
                 'niaga_readonly: DELETE is 42501');
SELECT throws_ok($$UPDATE auth.users SET first_name = 'x'$$, '42501', NULL,
                 'niaga_readonly: UPDATE auth.users is 42501');
SELECT throws_ok(format($$SELECT sales.set_order_status(%L, 'packed')$$, :'order_a_confirmed'), '42501', NULL,
                 'niaga_readonly: cannot call sales.set_order_status (42501)');
SELECT throws_ok($$SELECT inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', NULL, 5)$$,
                 '42501', NULL, 'niaga_readonly: cannot call inventory.receive_stock (42501)');
SELECT lives_ok($$SELECT * FROM niaga.check_invariants()$$,
                'niaga_readonly: may call niaga.check_invariants()');
RESET ROLE;

-- ---------------------------------------------------------------------------
-- 6. Service roles: their own schema, what they were granted, 42501 outside.
-- ---------------------------------------------------------------------------

-- niaga_auth
SET LOCAL ROLE niaga_auth;
SELECT lives_ok(
    $$INSERT INTO auth.users (id, email, password_hash) VALUES ('07000000-0000-4000-8000-0000000000f1', 'svc-auth@niaga.test', 'h')$$,
    'niaga_auth: can insert a user'
);
SELECT lives_ok($$SELECT password_hash, refresh_token FROM auth.users u JOIN auth.sessions s ON s.user_id = u.id$$,
                'niaga_auth: can read password and token hashes');
SELECT lives_ok($$UPDATE auth.sessions SET user_agent = 'x' WHERE user_id = 'b7000000-0000-4000-8000-000000000001'$$,
                'niaga_auth: can update sessions');
SELECT lives_ok($$SELECT auth.create_session('07000000-0000-4000-8000-0000000000f1', 'ua', NULL)$$,
                'niaga_auth: may call auth.create_session');
SELECT lives_ok($$SELECT auth.create_password_reset('svc-auth@niaga.test')$$,
                'niaga_auth: may call auth.create_password_reset');
SELECT throws_ok($$SELECT count(*) FROM sales.orders$$, '42501', NULL, 'niaga_auth: cannot read sales.orders (42501)');
SELECT throws_ok($$SELECT count(*) FROM crm.customer_profiles$$, '42501', NULL,
                 'niaga_auth: cannot read crm.customer_profiles (42501)');
SELECT throws_ok($$SELECT count(*) FROM catalog.products$$, '42501', NULL, 'niaga_auth: cannot read catalog (42501)');
SELECT throws_ok($$SELECT sales.cash_rounding(1)$$, '42501', NULL, 'niaga_auth: cannot call sales functions (42501)');
RESET ROLE;
SELECT is((SELECT count(*) FROM crm.customer_profiles WHERE user_id = '07000000-0000-4000-8000-0000000000f1'), 1::bigint,
          'niaga_auth: a customer it creates gets a profile (the trigger runs as the owner)');

-- niaga_catalog
SET LOCAL ROLE niaga_catalog;
SELECT lives_ok(
    $$INSERT INTO catalog.products (id, sku, name, slug, base_price)
      VALUES ('07000000-0000-4000-8000-0000000000f2', 'SVC-CAT', 'Svc', 'svc-cat', 1.00)$$,
    'niaga_catalog: can insert a product'
);
SELECT lives_ok($$UPDATE catalog.products SET base_price = 2.00 WHERE id = '07000000-0000-4000-8000-0000000000f2'$$,
                'niaga_catalog: can change a price (price history is written by trigger)');
SELECT is((SELECT count(*) FROM catalog.price_history WHERE product_id = '07000000-0000-4000-8000-0000000000f2'), 1::bigint,
          'niaga_catalog: can read price history, and the change was recorded');
SELECT throws_ok(
    $$INSERT INTO catalog.price_history (product_id, old_price, new_price) VALUES ('07000000-0000-4000-8000-0000000000f2', 1, 0)$$,
    '42501', NULL, 'niaga_catalog: cannot write price history (42501)'
);
SELECT is((SELECT count(*) FROM catalog.products WHERE sku LIKE 'SEC-%'), 4::bigint,
          'niaga_catalog: sees inactive and deleted products too (staff policy)');
SELECT throws_ok($$SELECT count(*) FROM sales.orders$$, '42501', NULL, 'niaga_catalog: cannot read sales.orders (42501)');
SELECT throws_ok(format($$UPDATE sales.orders SET admin_notes = 'x' WHERE id = %L$$, :'order_b'), '42501', NULL,
                 'niaga_catalog: cannot update sales.orders (42501)');
SELECT throws_ok($$SELECT count(*) FROM inventory.stock_items$$, '42501', NULL,
                 'niaga_catalog: cannot read inventory.stock_items (42501)');
SELECT throws_ok(
    $$SELECT inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', NULL, 5)$$,
    '42501', NULL, 'niaga_catalog: cannot call inventory.receive_stock (42501)'
);
RESET ROLE;

-- niaga_inventory
SET LOCAL ROLE niaga_inventory;
SELECT lives_ok(
    $$SELECT inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', NULL, 5)$$,
    'niaga_inventory: may call inventory.receive_stock'
);
SELECT lives_ok(
    $$SELECT inventory.adjust_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', NULL, -1)$$,
    'niaga_inventory: may call inventory.adjust_stock'
);
SELECT lives_ok($$INSERT INTO inventory.warehouses (code, name) VALUES ('SVC-W', 'Svc warehouse')$$,
                'niaga_inventory: can insert a warehouse');
SELECT is((SELECT quantity FROM inventory.stock_items
           WHERE product_id = '07000000-0000-4000-8000-000000000031' AND warehouse_id = '07000000-0000-4000-8000-000000000021'),
          104, 'niaga_inventory: can read stock items');
SELECT lives_ok($$SELECT count(*) FROM inventory.stock_movements$$, 'niaga_inventory: can read the ledger');
SELECT throws_ok(
    $$INSERT INTO inventory.stock_movements (warehouse_id, product_id, type, quantity)
      VALUES ('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', 'adjustment', 1)$$,
    '42501', NULL, 'niaga_inventory: cannot INSERT into inventory.stock_movements (42501)'
);
SELECT throws_ok($$DELETE FROM inventory.stock_movements$$, '42501', NULL,
                 'niaga_inventory: cannot DELETE from inventory.stock_movements (42501)');
SELECT lives_ok($$SELECT count(*) FROM catalog.products$$, 'niaga_inventory: can read the catalog');
SELECT throws_ok($$UPDATE catalog.products SET base_price = 1$$, '42501', NULL,
                 'niaga_inventory: cannot write the catalog (42501)');
SELECT throws_ok($$SELECT count(*) FROM sales.orders$$, '42501', NULL,
                 'niaga_inventory: cannot read sales.orders (42501)');
SELECT throws_ok(format($$SELECT sales.set_order_status(%L, 'packed')$$, :'order_a_confirmed'), '42501', NULL,
                 'niaga_inventory: cannot call sales.set_order_status (42501)');
-- The stock side of an open order moves only with its status (SPEC §7, §8):
-- the inventory service may not release, ship or restock an order's goods on
-- its own. A's order is processing and B's pending, both reserved.
SELECT pg_temp.attempt(format('SELECT inventory.release_reservation(%L)', :'order_a_confirmed')) AS inventory_release \gset
SELECT pg_temp.attempt(format('SELECT inventory.ship_reservation(%L)', :'order_b')) AS inventory_ship \gset
SELECT pg_temp.attempt(format('SELECT inventory.restock_order(%L)', :'order_b')) AS inventory_restock \gset
RESET ROLE;
SELECT results_eq(
    format($$SELECT status::text, reserved_at IS NOT NULL FROM sales.orders WHERE id = %L$$, :'order_a_confirmed'),
    $$VALUES ('processing'::text, true)$$,
    'niaga_inventory: cannot take the reservation of an open order away (inventory.release_reservation)'
);
SELECT results_eq(
    format($$SELECT status::text, reserved_at IS NOT NULL,
                    (SELECT count(*) FROM inventory.stock_movements WHERE reference_id = o.id AND type IN ('sale', 'return'))
             FROM sales.orders AS o WHERE o.id = %L$$, :'order_b'),
    $$VALUES ('pending'::text, true, 0::bigint)$$,
    'niaga_inventory: cannot ship (or restock) the goods of a pending order (inventory.ship_reservation, restock_order)'
);

-- niaga_order
SET LOCAL ROLE niaga_order;
SELECT lives_ok(
    $$INSERT INTO sales.carts (id, user_id) VALUES ('07000000-0000-4000-8000-0000000000f3', 'b7000000-0000-4000-8000-000000000001')$$,
    'niaga_order: can create a cart for any user'
);
SELECT lives_ok(
    $$SELECT sales.add_to_cart('07000000-0000-4000-8000-0000000000f3', '07000000-0000-4000-8000-000000000031', NULL, 1)$$,
    'niaga_order: may call sales.add_to_cart'
);
SELECT lives_ok(
    $$SELECT sales.place_order('07000000-0000-4000-8000-0000000000f3', 'sec-std', '{"city": "Ipoh"}')$$,
    'niaga_order: may call sales.place_order'
);
SELECT lives_ok(
    format($$SELECT sales.record_payment(%L, 'credit_card', 'sec-psp', 'sec-txn-2', 1.00, 'pending')$$, :'order_b'),
    'niaga_order: may call sales.record_payment'
);
SELECT lives_ok($$UPDATE sales.coupons SET is_active = true WHERE code = 'SEC10'$$, 'niaga_order: can write sales.coupons');
SELECT lives_ok($$SELECT count(*) FROM sales.payments$$, 'niaga_order: can read sales.payments');
SELECT lives_ok($$SELECT count(*) FROM catalog.products$$, 'niaga_order: can read the catalog');
SELECT is(inventory.available('07000000-0000-4000-8000-000000000031', NULL) > 0, true,
          'niaga_order: may call inventory.available');
SELECT throws_ok($$UPDATE catalog.products SET base_price = 1$$, '42501', NULL,
                 'niaga_order: cannot write the catalog (42501)');
SELECT throws_ok($$SELECT count(*) FROM inventory.stock_items$$, '42501', NULL,
                 'niaga_order: cannot read inventory.stock_items (42501)');
SELECT throws_ok(
    $$SELECT inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', NULL, 5)$$,
    '42501', NULL, 'niaga_order: cannot call inventory.receive_stock (42501)'
);
SELECT throws_ok($$SELECT count(*) FROM agent.commissions$$, '42501', NULL,
                 'niaga_order: cannot read agent.commissions (42501)');
SELECT throws_ok($$SELECT count(*) FROM crm.addresses$$, '42501', NULL, 'niaga_order: cannot read crm (42501)');
SELECT throws_ok($$SELECT count(*) FROM auth.users$$, '42501', NULL, 'niaga_order: cannot read auth.users (42501)');
RESET ROLE;

-- niaga_customer
SET LOCAL ROLE niaga_customer;
SELECT lives_ok(
    $$INSERT INTO crm.addresses (user_id, recipient_name, address_line1, city, state, postcode)
      VALUES ('b7000000-0000-4000-8000-000000000001', 'Badrul office', '9 Jalan', 'Ipoh', 'Perak', '30000')$$,
    'niaga_customer: can add an address for any user'
);
SELECT lives_ok($$UPDATE crm.customer_profiles SET customer_group = 'vip' WHERE user_id = 'b7000000-0000-4000-8000-000000000001'$$,
                'niaga_customer: can update customer profiles');
SELECT throws_ok($$INSERT INTO crm.customer_profiles (user_id) VALUES ('c7000000-0000-4000-8000-000000000001')$$,
                 '42501', NULL, 'niaga_customer: cannot insert customer profiles (made by trigger; 42501)');
SELECT throws_ok($$DELETE FROM crm.customer_profiles$$, '42501', NULL,
                 'niaga_customer: cannot delete customer profiles (42501)');
SELECT throws_ok($$UPDATE crm.customer_profiles SET total_orders = 99, total_spent = 1$$, '42501', NULL,
                 'niaga_customer: cannot change the counters of customer profiles (42501)');
SELECT lives_ok($$SELECT id, email, first_name, status, role FROM auth.users$$,
                'niaga_customer: can read users without secrets');
SELECT throws_ok($$SELECT password_hash FROM auth.users$$, '42501', NULL,
                 'niaga_customer: cannot read auth.users.password_hash (42501)');
SELECT throws_ok($$UPDATE auth.users SET first_name = 'x'$$, '42501', NULL,
                 'niaga_customer: cannot update auth.users (42501)');
SELECT throws_ok($$SELECT count(*) FROM auth.sessions$$, '42501', NULL,
                 'niaga_customer: cannot read auth.sessions (42501)');
SELECT throws_ok($$SELECT count(*) FROM sales.orders$$, '42501', NULL,
                 'niaga_customer: cannot read sales.orders (42501)');
RESET ROLE;

-- niaga_agent
SET LOCAL ROLE niaga_agent;
SELECT lives_ok(
    $$INSERT INTO agent.targets (agent_id, period_start, period_end, target_orders)
      VALUES ('07000000-0000-4000-8000-000000000091', current_date, current_date + 30, 10)$$,
    'niaga_agent: can insert a target'
);
SELECT is((SELECT count(*) FROM agent.commissions WHERE order_id = :'order_a_confirmed'), 1::bigint,
          'niaga_agent: can read commissions');
SELECT lives_ok($$SELECT agent.close_targets(current_date - 365)$$, 'niaga_agent: may call agent.close_targets');
SELECT lives_ok($$SELECT * FROM agent.upline('07000000-0000-4000-8000-000000000091')$$,
                'niaga_agent: may call agent.upline');
SELECT throws_ok(
    format($$INSERT INTO agent.commissions (agent_id, order_id, order_total, commission_rate, commission_amount)
             VALUES ('07000000-0000-4000-8000-000000000091', %L, 100, 50, 50)$$, :'order_b'),
    '42501', NULL, 'niaga_agent: cannot INSERT commissions (42501)'
);
SELECT throws_ok($$DELETE FROM agent.commissions$$, '42501', NULL, 'niaga_agent: cannot DELETE commissions (42501)');
SELECT throws_ok($$UPDATE agent.commissions SET commission_amount = 1000$$, '42501', NULL,
                 'niaga_agent: cannot change commission amounts (42501)');
SELECT throws_ok($$UPDATE agent.payouts SET amount = 1000$$, '42501', NULL,
                 'niaga_agent: cannot change payouts (only through the payout functions; 42501)');
SELECT throws_ok($$UPDATE agent.targets SET achieved_orders = 99$$, '42501', NULL,
                 'niaga_agent: cannot change what targets achieved (42501)');
SELECT throws_ok(format($$SELECT agent.accrue_commissions(%L)$$, :'order_b'), '42501', NULL,
                 'niaga_agent: cannot call agent.accrue_commissions (42501)');
SELECT lives_ok($$SELECT id, order_number, agent_id, status, subtotal, discount_amount, total FROM sales.orders$$,
                'niaga_agent: can read the order columns it was granted');
SELECT throws_ok($$SELECT shipping_address FROM sales.orders$$, '42501', NULL,
                 'niaga_agent: cannot read other order columns (42501)');
SELECT throws_ok($$UPDATE sales.orders SET agent_id = NULL$$, '42501', NULL,
                 'niaga_agent: cannot update sales.orders (42501)');
SELECT throws_ok(format($$SELECT sales.set_order_status(%L, 'packed')$$, :'order_a_confirmed'), '42501', NULL,
                 'niaga_agent: cannot call sales.set_order_status (42501)');
SELECT throws_ok($$SELECT count(*) FROM auth.users$$, '42501', NULL, 'niaga_agent: cannot read auth.users (42501)');
RESET ROLE;

-- niaga_admin: everything.
SELECT is_empty(
    $$SELECT c.oid::regclass::text FROM pg_catalog.pg_class AS c
      WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
        AND c.relkind IN ('r', 'p')
        AND NOT has_table_privilege('niaga_admin', c.oid, 'SELECT, INSERT, UPDATE, DELETE')$$,
    'niaga_admin: SELECT, INSERT, UPDATE, DELETE on every table'
);
SELECT is_empty(
    $$SELECT n.nspname FROM pg_catalog.pg_namespace AS n
      WHERE n.nspname IN ('niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
        AND NOT has_schema_privilege('niaga_admin', n.oid, 'USAGE')$$,
    'niaga_admin: USAGE on the seven schemas'
);
SET LOCAL ROLE niaga_admin;
SELECT lives_ok($$SELECT password_hash FROM auth.users$$, 'niaga_admin: can read password hashes');
SELECT lives_ok($$SELECT refresh_token FROM auth.sessions$$, 'niaga_admin: can read token hashes');
SELECT lives_ok($$SELECT auth.create_session('b7000000-0000-4000-8000-000000000001', 'admin', NULL)$$,
                'niaga_admin: may call auth.create_session');
SELECT lives_ok(
    $$SELECT inventory.receive_stock('07000000-0000-4000-8000-000000000021', '07000000-0000-4000-8000-000000000031', NULL, 5)$$,
    'niaga_admin: may call inventory.receive_stock'
);
SELECT lives_ok(format($$SELECT sales.set_order_status(%L, 'packed')$$, :'order_a_confirmed'),
                'niaga_admin: may call sales.set_order_status');
SELECT lives_ok(format($$SELECT sales.record_payment(%L, 'credit_card', 'sec-psp', 'sec-txn-3', 1.00, 'pending')$$, :'order_b'),
                'niaga_admin: may call sales.record_payment');
SELECT lives_ok($$UPDATE crm.customer_profiles SET notes = 'seen' WHERE user_id = 'a7000000-0000-4000-8000-000000000001'$$,
                'niaga_admin: can write crm');
SELECT lives_ok($$UPDATE agent.agents SET tier = 'silver' WHERE agent_code = 'SEC-AG'$$, 'niaga_admin: can write agent');
SELECT lives_ok($$SELECT agent.close_targets(current_date)$$, 'niaga_admin: may call agent functions');
SELECT lives_ok($$SELECT * FROM niaga.check_invariants()$$, 'niaga_admin: may call niaga.check_invariants()');
SELECT is(niaga.current_user_id(), NULL, 'niaga_admin: may call niaga.current_user_id()');
RESET ROLE;

SELECT * FROM finish();
ROLLBACK;
