-- Function privileges (SPEC §11): every function of the extension, with its
-- security (SECURITY DEFINER or not), its pinned search_path and the roles
-- that may EXECUTE it, against the intended list written out below. A new
-- function, a new grant or a lost SET search_path fails this test until the
-- list is updated on purpose.
--
-- The intended list: every function that touches tables is SECURITY DEFINER
-- with search_path = pg_catalog, pg_temp; the four that touch no table
-- (niaga.version, niaga.set_updated_at, sales.cash_rounding,
-- sales.order_item_total) and the policy helper niaga.current_user_id (SQL,
-- reads a setting) are SECURITY INVOKER. Grantees (besides the owner):
-- niaga_admin everything; each service role its own schema's functions and
-- what it needs of others; niaga_shopper add_to_cart, quote, check_coupon,
-- place_order, cancel_order, cash_rounding, version, current_user_id;
-- PUBLIC nothing. Lifecycle effects that other schemas' triggers call as the
-- owner (inventory release/ship/restock of an order's stock, agent
-- accrual/approval/reversal of commissions) are not granted to the service
-- roles: called on their own they would put stock or commissions out of step
-- with the order's status (SPEC §7, §8).
BEGIN;
SELECT plan(9);

CREATE TEMPORARY VIEW extension_functions AS
SELECT p.oid,
       p.oid::regprocedure::text AS signature,
       p.prosecdef AS security_definer,
       coalesce(array_to_string(p.proconfig, ';'), '') AS settings,
       coalesce((SELECT string_agg(g.name, ',' ORDER BY g.name)
                 FROM (SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE a.grantee::regrole::text END AS name
                       FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) AS a
                       WHERE a.privilege_type = 'EXECUTE' AND a.grantee <> p.proowner) AS g), '') AS grantees,
       p.proowner
FROM pg_catalog.pg_depend AS d
JOIN pg_catalog.pg_proc AS p ON p.oid = d.objid
WHERE d.classid = 'pg_catalog.pg_proc'::regclass
  AND d.refclassid = 'pg_catalog.pg_extension'::regclass
  AND d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'niaga')
  AND d.deptype = 'e';

CREATE TEMPORARY TABLE intended (signature text PRIMARY KEY, security_definer boolean, settings text, grantees text);
INSERT INTO intended (signature, security_definer, settings, grantees) VALUES
    -- niaga
    ('niaga.version()', false, '',
     'niaga_admin,niaga_agent,niaga_auth,niaga_catalog,niaga_customer,niaga_inventory,niaga_order,niaga_readonly,niaga_shopper'),
    ('niaga.set_updated_at()', false, '', ''),
    ('niaga.reject_hierarchy_cycle()', true, 'search_path=pg_catalog, pg_temp', ''),
    ('niaga.assign_document_number()', true, 'search_path=pg_catalog, pg_temp', ''),
    ('niaga.check_invariants()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_readonly'),
    ('niaga.current_user_id()', false, '', 'niaga_admin,niaga_shopper'),
    -- auth
    ('auth.create_session(uuid,text,inet,interval)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_auth'),
    ('auth.refresh_session(text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_auth'),
    ('auth.revoke_session(text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_auth'),
    ('auth.create_password_reset(text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_auth'),
    ('auth.consume_password_reset(text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_auth'),
    -- catalog (trigger functions)
    ('catalog.record_price_change()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('catalog.verify_review_purchase()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    -- inventory
    ('inventory.receive_stock(uuid,uuid,uuid,integer,text)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_inventory'),
    ('inventory.adjust_stock(uuid,uuid,uuid,integer,text,text)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_inventory'),
    ('inventory.available(uuid,uuid,uuid)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_inventory,niaga_order'),
    ('inventory.reserve_order(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_inventory,niaga_order'),
    ('inventory.release_reservation(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('inventory.ship_reservation(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('inventory.restock_order(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('inventory.create_transfer(uuid,uuid,jsonb,text)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_inventory'),
    ('inventory.approve_transfer(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_inventory'),
    ('inventory.dispatch_transfer(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_inventory'),
    ('inventory.receive_transfer(uuid,jsonb)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_inventory'),
    ('inventory.cancel_transfer(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_inventory'),
    ('inventory.record_movement()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_inventory'),
    ('inventory.guard_stock()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_inventory'),
    -- crm (trigger functions)
    ('crm.clear_other_default_addresses()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('crm.create_customer_profile()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    -- sales
    ('sales.next_order_number()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.quote(uuid,text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order,niaga_shopper'),
    ('sales.cash_rounding(numeric)', false, '', 'niaga_admin,niaga_order,niaga_shopper'),
    ('sales.order_item_total()', false, '', 'niaga_admin,niaga_order'),
    ('sales.order_items_changed()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.orders_price()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.tax_rate_in_use()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.check_coupon(text,uuid,numeric)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_order,niaga_shopper'),
    ('sales.coupon_discount(text,uuid,numeric)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.redeem_coupon(uuid,text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.release_coupon(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.order_status_guard()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.order_status_effects()', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.set_order_status(uuid,text,text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.cancel_order(uuid,text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order,niaga_shopper'),
    ('sales.ship_order(uuid,text,text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.refund_order(uuid,text,boolean)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_order'),
    ('sales.add_to_cart(uuid,uuid,uuid,integer)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_order,niaga_shopper'),
    ('sales.place_order(uuid,text,jsonb,jsonb,text,text)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_order,niaga_shopper'),
    ('sales.expire_pending_orders(interval)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_order,niaga_scheduler'),
    ('sales.record_payment(uuid,text,text,text,numeric,text,jsonb)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_order'),
    -- agent
    ('agent.upline(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_agent'),
    ('agent.accrue_commissions(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('agent.approve_commissions(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('agent.reverse_commissions(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin'),
    ('agent.close_targets(date)', true, 'search_path=pg_catalog, pg_temp',
     'niaga_admin,niaga_agent,niaga_scheduler'),
    ('agent.create_payout(uuid,text,text,text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_agent'),
    ('agent.complete_payout(uuid)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_agent'),
    ('agent.fail_payout(uuid,text)', true, 'search_path=pg_catalog, pg_temp', 'niaga_admin,niaga_agent');

-- 1. The same functions, no more, no fewer.
SELECT set_eq(
    $$SELECT signature FROM extension_functions$$,
    $$SELECT signature FROM intended$$,
    'the extension''s functions are exactly the intended list (a new function must be added to it on purpose)'
);

-- 2. Each with its intended security, search_path and grantees. Extra records
-- are what the database has, missing records what the list intends.
SELECT set_eq(
    $$SELECT signature, security_definer, settings FROM extension_functions$$,
    $$SELECT signature, security_definer, settings FROM intended$$,
    'every function has its intended SECURITY DEFINER / INVOKER and search_path'
);
SELECT set_eq(
    $$SELECT signature, grantees FROM extension_functions$$,
    $$SELECT signature, grantees FROM intended$$,
    'every function is executable by exactly its intended roles (besides its owner)'
);

-- 3. Rules that hold whatever the list says.
SELECT is_empty(
    $$SELECT signature, settings FROM extension_functions
      WHERE security_definer AND settings IS DISTINCT FROM 'search_path=pg_catalog, pg_temp'$$,
    'every SECURITY DEFINER function pins search_path to pg_catalog, pg_temp (and sets nothing else)'
);
SELECT is_empty(
    $$SELECT signature FROM extension_functions WHERE grantees ~ '(^|,)PUBLIC(,|$)'$$,
    'PUBLIC may EXECUTE no function of the extension'
);
SELECT is_empty(
    $$SELECT f.signature, a.grantee::regrole::text
      FROM extension_functions AS f
      JOIN pg_catalog.pg_proc AS p ON p.oid = f.oid
      CROSS JOIN LATERAL aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) AS a
      WHERE a.is_grantable AND a.grantee <> p.proowner$$,
    'no role but the owner may grant EXECUTE on a function of the extension'
);
SELECT is_empty(
    $$SELECT signature FROM extension_functions
      WHERE proowner <> (SELECT extowner FROM pg_catalog.pg_extension WHERE extname = 'niaga')$$,
    'every function is owned by the extension''s owner (so SECURITY DEFINER runs as it)'
);
SELECT is_empty(
    $$SELECT signature FROM extension_functions AS f
      JOIN pg_catalog.pg_proc AS p ON p.oid = f.oid
      WHERE p.prolang = (SELECT oid FROM pg_catalog.pg_language WHERE lanname = 'c')
        AND NOT f.security_definer
        AND f.signature NOT IN ('niaga.version()', 'niaga.set_updated_at()', 'sales.cash_rounding(numeric)',
                                'sales.order_item_total()')$$,
    'the only SECURITY INVOKER C functions are the four that touch no table'
);
SELECT is_empty(
    $$SELECT p.oid::regprocedure::text
      FROM pg_catalog.pg_proc AS p
      WHERE p.pronamespace::regnamespace::text IN ('niaga', 'auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
        AND NOT EXISTS (SELECT 1 FROM extension_functions AS f WHERE f.oid = p.oid)$$,
    'every function in the extension''s seven schemas belongs to the extension'
);

SELECT * FROM finish();
ROLLBACK;
