-- Row rules of SPEC §1 enforced by triggers: acyclic hierarchies, one
-- default address, price history, verified-purchase reviews, and tax rates
-- that never change once an order used them.
BEGIN;
SELECT plan(60);

INSERT INTO auth.users (id, email, password_hash)
VALUES ('a6000000-0000-0000-0000-000000000001', 'rules1@niaga.test', 'x'),
       ('a6000000-0000-0000-0000-000000000002', 'rules2@niaga.test', 'x'),
       ('a6000000-0000-0000-0000-000000000003', 'rules3@niaga.test', 'x'),
       ('a6000000-0000-0000-0000-000000000004', 'rules4@niaga.test', 'x');

-- 1. Category hierarchy: no cycles (NG030) ------------------------------------
-- A -> B -> C (C's parent is B, B's parent is A)
INSERT INTO catalog.categories (id, parent_id, name, slug)
VALUES ('c6000000-0000-0000-0000-00000000000a', NULL, 'Fashion', 'fashion');
INSERT INTO catalog.categories (id, parent_id, name, slug)
VALUES ('c6000000-0000-0000-0000-00000000000b', 'c6000000-0000-0000-0000-00000000000a', 'Women', 'women');
INSERT INTO catalog.categories (id, parent_id, name, slug)
VALUES ('c6000000-0000-0000-0000-00000000000c', 'c6000000-0000-0000-0000-00000000000b', 'Dresses', 'dresses');

SELECT throws_ok(
    $$UPDATE catalog.categories SET parent_id = id WHERE id = 'c6000000-0000-0000-0000-00000000000a'$$,
    'NG030', NULL, 'categories: a category cannot be its own parent'
);
SELECT throws_ok(
    $$INSERT INTO catalog.categories (id, parent_id, name, slug)
      VALUES ('c6000000-0000-0000-0000-00000000000d', 'c6000000-0000-0000-0000-00000000000d', 'Loop', 'loop')$$,
    'NG030', NULL, 'categories: a new category cannot be its own parent'
);
SELECT throws_ok(
    $$UPDATE catalog.categories SET parent_id = 'c6000000-0000-0000-0000-00000000000c'
      WHERE id = 'c6000000-0000-0000-0000-00000000000a'$$,
    'NG030', NULL, 'categories: A -> B -> C, then A under C is refused'
);
SELECT throws_ok(
    $$UPDATE catalog.categories SET parent_id = 'c6000000-0000-0000-0000-00000000000b'
      WHERE id = 'c6000000-0000-0000-0000-00000000000a'$$,
    'NG030', NULL, 'categories: A under its own child B is refused'
);
SELECT throws_like(
    $$UPDATE catalog.categories SET parent_id = 'c6000000-0000-0000-0000-00000000000c'
      WHERE id = 'c6000000-0000-0000-0000-00000000000a'$$,
    '%c6000000-0000-0000-0000-00000000000a%',
    'categories: the NG030 message names the category'
);
SELECT is(
    (SELECT parent_id FROM catalog.categories WHERE id = 'c6000000-0000-0000-0000-00000000000a'),
    NULL,
    'categories: the refused moves left A a root'
);
SELECT lives_ok(
    $$UPDATE catalog.categories SET parent_id = 'c6000000-0000-0000-0000-00000000000a'
      WHERE id = 'c6000000-0000-0000-0000-00000000000c'$$,
    'categories: a legal re-parent (C from B to A) is accepted'
);
SELECT lives_ok(
    $$UPDATE catalog.categories SET parent_id = 'c6000000-0000-0000-0000-00000000000c'
      WHERE id = 'c6000000-0000-0000-0000-00000000000b'$$,
    'categories: B moves under C (now A -> C -> B)'
);
SELECT throws_ok(
    $$UPDATE catalog.categories SET parent_id = 'c6000000-0000-0000-0000-00000000000b'
      WHERE id = 'c6000000-0000-0000-0000-00000000000c'$$,
    'NG030', NULL, 'categories: C under its new child B is refused'
);
SELECT lives_ok(
    $$UPDATE catalog.categories SET parent_id = NULL WHERE id = 'c6000000-0000-0000-0000-00000000000c'$$,
    'categories: C becomes a root again'
);
SELECT lives_ok(
    $$UPDATE catalog.categories SET parent_id = 'c6000000-0000-0000-0000-00000000000b'
      WHERE id = 'c6000000-0000-0000-0000-00000000000a'$$,
    'categories: A under B is now legal (C -> B -> A)'
);
SELECT lives_ok(
    $$UPDATE catalog.categories SET name = 'Women''s clothing' WHERE id = 'c6000000-0000-0000-0000-00000000000b'$$,
    'categories: changing other columns of a category in a hierarchy is fine'
);
SELECT results_eq(
    $$
    WITH RECURSIVE chain (id, parent_id, depth) AS (
        SELECT id, parent_id, 0
        FROM catalog.categories
        WHERE id = 'c6000000-0000-0000-0000-00000000000a'
        UNION ALL
        SELECT c.id, c.parent_id, chain.depth + 1
        FROM catalog.categories AS c
        JOIN chain
            ON c.id = chain.parent_id
    )
    SELECT slug::text FROM chain JOIN catalog.categories USING (id) ORDER BY depth
    $$,
    ARRAY['fashion', 'women', 'dresses'],
    'categories: A''s ancestry is A, B, C'
);

-- 2. Agent hierarchy: no cycles (NG030) ---------------------------------------
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id)
VALUES ('96000000-0000-0000-0000-00000000000a', 'a6000000-0000-0000-0000-000000000001', 'AG-A', NULL);
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id)
VALUES ('96000000-0000-0000-0000-00000000000b', 'a6000000-0000-0000-0000-000000000002', 'AG-B',
        '96000000-0000-0000-0000-00000000000a');
INSERT INTO agent.agents (id, user_id, agent_code, parent_agent_id)
VALUES ('96000000-0000-0000-0000-00000000000c', 'a6000000-0000-0000-0000-000000000003', 'AG-C',
        '96000000-0000-0000-0000-00000000000b');

SELECT throws_ok(
    $$UPDATE agent.agents SET parent_agent_id = id WHERE id = '96000000-0000-0000-0000-00000000000b'$$,
    'NG030', NULL, 'agents: an agent cannot be its own parent'
);
SELECT throws_ok(
    $$UPDATE agent.agents SET parent_agent_id = '96000000-0000-0000-0000-00000000000c'
      WHERE id = '96000000-0000-0000-0000-00000000000a'$$,
    'NG030', NULL, 'agents: A -> B -> C, then A under C is refused'
);
SELECT throws_ok(
    $$UPDATE agent.agents SET parent_agent_id = '96000000-0000-0000-0000-00000000000c'
      WHERE id = '96000000-0000-0000-0000-00000000000b'$$,
    'NG030', NULL, 'agents: B under its own child C is refused'
);
SELECT lives_ok(
    $$UPDATE agent.agents SET parent_agent_id = '96000000-0000-0000-0000-00000000000a'
      WHERE id = '96000000-0000-0000-0000-00000000000c'$$,
    'agents: a legal re-parent (C from B to A) is accepted'
);
SELECT lives_ok(
    $$UPDATE agent.agents SET parent_agent_id = '96000000-0000-0000-0000-00000000000c'
      WHERE id = '96000000-0000-0000-0000-00000000000b'$$,
    'agents: B moves under C (now A -> C -> B)'
);
SELECT throws_ok(
    $$UPDATE agent.agents SET parent_agent_id = '96000000-0000-0000-0000-00000000000b'
      WHERE id = '96000000-0000-0000-0000-00000000000a'$$,
    'NG030', NULL, 'agents: A under its descendant B is refused'
);
SELECT lives_ok(
    $$INSERT INTO agent.agents (user_id, agent_code, parent_agent_id)
      VALUES ('a6000000-0000-0000-0000-000000000004', 'AG-D', '96000000-0000-0000-0000-00000000000b')$$,
    'agents: a new agent under B is accepted'
);
SELECT is(
    (SELECT parent_agent_id FROM agent.agents WHERE id = '96000000-0000-0000-0000-00000000000a'),
    NULL,
    'agents: the refused moves left A at the top'
);

-- 3. Default address: at most one per user, a new default clears the old ---
CREATE TEMP VIEW defaults AS
SELECT user_id, id
FROM crm.addresses
WHERE is_default;

INSERT INTO crm.addresses (id, user_id, recipient_name, address_line1, city, state, postcode, is_default)
VALUES ('f6000000-0000-0000-0000-000000000001', 'a6000000-0000-0000-0000-000000000001', 'Home', 'Jalan 1',
        'Kuala Lumpur', 'WP Kuala Lumpur', '50000', true);
INSERT INTO crm.addresses (id, user_id, recipient_name, address_line1, city, state, postcode, is_default)
VALUES ('f6000000-0000-0000-0000-000000000009', 'a6000000-0000-0000-0000-000000000002', 'Other user',
        'Jalan 9', 'Penang', 'Pulau Pinang', '10000', true);
SELECT results_eq(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000001'$$,
    $$VALUES ('f6000000-0000-0000-0000-000000000001'::uuid)$$,
    'addresses: the first default address is the default'
);

INSERT INTO crm.addresses (id, user_id, recipient_name, address_line1, city, state, postcode, is_default)
VALUES ('f6000000-0000-0000-0000-000000000002', 'a6000000-0000-0000-0000-000000000001', 'Office', 'Jalan 2',
        'Petaling Jaya', 'Selangor', '46000', true);
SELECT results_eq(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000001'$$,
    $$VALUES ('f6000000-0000-0000-0000-000000000002'::uuid)$$,
    'addresses: a second default address clears the first'
);
SELECT is(
    (SELECT is_default FROM crm.addresses WHERE id = 'f6000000-0000-0000-0000-000000000001'),
    false,
    'addresses: the first address is no longer the default'
);

INSERT INTO crm.addresses (id, user_id, recipient_name, address_line1, city, state, postcode, is_default)
VALUES ('f6000000-0000-0000-0000-000000000003', 'a6000000-0000-0000-0000-000000000001', 'Parents', 'Jalan 3',
        'Ipoh', 'Perak', '30000', false);
SELECT results_eq(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000001'$$,
    $$VALUES ('f6000000-0000-0000-0000-000000000002'::uuid)$$,
    'addresses: a non-default address leaves the default alone'
);

UPDATE crm.addresses
SET is_default = true
WHERE id = 'f6000000-0000-0000-0000-000000000001';
SELECT results_eq(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000001'$$,
    $$VALUES ('f6000000-0000-0000-0000-000000000001'::uuid)$$,
    'addresses: making another address the default clears the old one'
);
SELECT results_eq(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000002'$$,
    $$VALUES ('f6000000-0000-0000-0000-000000000009'::uuid)$$,
    'addresses: another user''s default is untouched'
);

UPDATE crm.addresses
SET is_default = true, label = 'Home again'
WHERE id = 'f6000000-0000-0000-0000-000000000001';
SELECT results_eq(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000001'$$,
    $$VALUES ('f6000000-0000-0000-0000-000000000001'::uuid)$$,
    'addresses: re-saving the default keeps it the default'
);

-- An address moved to another user, as that user's default, clears that user's default.
UPDATE crm.addresses
SET user_id = 'a6000000-0000-0000-0000-000000000002'
WHERE id = 'f6000000-0000-0000-0000-000000000001';
SELECT results_eq(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000002'$$,
    $$VALUES ('f6000000-0000-0000-0000-000000000001'::uuid)$$,
    'addresses: a default address moved to another user becomes that user''s only default'
);

UPDATE crm.addresses
SET is_default = false
WHERE id = 'f6000000-0000-0000-0000-000000000001';
SELECT is_empty(
    $$SELECT id FROM defaults WHERE user_id = 'a6000000-0000-0000-0000-000000000002'$$,
    'addresses: a user may have no default'
);
SELECT is_empty(
    $$SELECT user_id FROM defaults GROUP BY user_id HAVING count(*) > 1$$,
    'addresses: no user has two defaults'
);

-- 4. Price history ---------------------------------------------------------------
INSERT INTO catalog.products (id, sku, name, slug, base_price)
VALUES ('b6000000-0000-0000-0000-000000000001', 'RULE-1', 'Baju Kurung', 'baju-kurung', 10.00),
       ('b6000000-0000-0000-0000-000000000002', 'RULE-2', 'Songkok', 'songkok', 20.00);
INSERT INTO catalog.product_variants (id, product_id, sku, name, price)
VALUES ('b7000000-0000-0000-0000-000000000001', 'b6000000-0000-0000-0000-000000000001', 'RULE-1-M', 'M', NULL);

SELECT is_empty(
    $$SELECT id FROM catalog.price_history WHERE product_id IN ('b6000000-0000-0000-0000-000000000001',
                                                               'b6000000-0000-0000-0000-000000000002')$$,
    'price history: creating products and variants writes no history'
);

UPDATE catalog.products
SET base_price = 12.50
WHERE id = 'b6000000-0000-0000-0000-000000000001';
SELECT results_eq(
    $$SELECT product_id, variant_id, old_price, new_price, changed_by, created_at
      FROM catalog.price_history WHERE product_id = 'b6000000-0000-0000-0000-000000000001'$$,
    $$VALUES ('b6000000-0000-0000-0000-000000000001'::uuid, NULL::uuid, 10.00::numeric(12,2),
              12.50::numeric(12,2), NULL::uuid, now())$$,
    'price history: a base_price change writes product, old and new price (no actor: changed_by NULL)'
);

UPDATE catalog.products
SET name = 'Baju Kurung Moden', is_featured = true
WHERE id = 'b6000000-0000-0000-0000-000000000001';
UPDATE catalog.products
SET base_price = 12.50
WHERE id = 'b6000000-0000-0000-0000-000000000001';
UPDATE catalog.products
SET base_price = base_price
WHERE id = 'b6000000-0000-0000-0000-000000000001';
SELECT is(
    (SELECT count(*)::int FROM catalog.price_history WHERE product_id = 'b6000000-0000-0000-0000-000000000001'),
    1,
    'price history: updates that leave the price as it was write nothing'
);

UPDATE catalog.product_variants
SET price = 15.00
WHERE id = 'b7000000-0000-0000-0000-000000000001';
SELECT results_eq(
    $$SELECT product_id, variant_id, old_price, new_price
      FROM catalog.price_history WHERE variant_id = 'b7000000-0000-0000-0000-000000000001'$$,
    $$VALUES ('b6000000-0000-0000-0000-000000000001'::uuid, 'b7000000-0000-0000-0000-000000000001'::uuid,
              NULL::numeric(12,2), 15.00::numeric(12,2))$$,
    'price history: a variant price set for the first time: its product and variant, old NULL, new 15.00'
);

UPDATE catalog.product_variants
SET name = 'Medium'
WHERE id = 'b7000000-0000-0000-0000-000000000001';
UPDATE catalog.product_variants
SET price = 15
WHERE id = 'b7000000-0000-0000-0000-000000000001';
SELECT is(
    (SELECT count(*)::int FROM catalog.price_history WHERE variant_id = 'b7000000-0000-0000-0000-000000000001'),
    1,
    'price history: variant updates that leave the price as it was write nothing'
);

SELECT lives_ok(
    $$SET LOCAL niaga.actor_id = 'a6000000-0000-0000-0000-000000000004'$$,
    'niaga.actor_id accepts a uuid'
);
UPDATE catalog.product_variants
SET price = 16.90
WHERE id = 'b7000000-0000-0000-0000-000000000001';
SELECT results_eq(
    $$SELECT old_price, new_price, changed_by
      FROM catalog.price_history
      WHERE variant_id = 'b7000000-0000-0000-0000-000000000001' AND new_price = 16.90$$,
    $$VALUES (15.00::numeric(12,2), 16.90::numeric(12,2), 'a6000000-0000-0000-0000-000000000004'::uuid)$$,
    'price history: with niaga.actor_id set, changed_by is that uuid'
);

SELECT throws_ok(
    $$SET LOCAL niaga.actor_id = 'junk'$$,
    '22023', NULL, 'niaga.actor_id refuses a value that is not a uuid'
);
SELECT is(
    current_setting('niaga.actor_id'),
    'a6000000-0000-0000-0000-000000000004',
    'niaga.actor_id keeps its previous value after a refused SET'
);

UPDATE catalog.products
SET base_price = base_price + 1
WHERE id IN ('b6000000-0000-0000-0000-000000000001', 'b6000000-0000-0000-0000-000000000002');
SELECT results_eq(
    $$SELECT product_id, old_price, new_price, changed_by
      FROM catalog.price_history
      WHERE variant_id IS NULL AND new_price IN (13.50, 21.00)
      ORDER BY new_price$$,
    $$VALUES ('b6000000-0000-0000-0000-000000000001'::uuid, 12.50::numeric(12,2), 13.50::numeric(12,2),
              'a6000000-0000-0000-0000-000000000004'::uuid),
             ('b6000000-0000-0000-0000-000000000002'::uuid, 20.00::numeric(12,2), 21.00::numeric(12,2),
              'a6000000-0000-0000-0000-000000000004'::uuid)$$,
    'price history: one statement changing two prices writes a row for each'
);

SET LOCAL niaga.actor_id = '';
UPDATE catalog.products
SET base_price = 30.00
WHERE id = 'b6000000-0000-0000-0000-000000000002';
SELECT is(
    (SELECT changed_by FROM catalog.price_history
     WHERE product_id = 'b6000000-0000-0000-0000-000000000002' AND new_price = 30.00),
    NULL,
    'price history: with niaga.actor_id empty again, changed_by is NULL'
);

UPDATE catalog.product_variants
SET price = NULL
WHERE id = 'b7000000-0000-0000-0000-000000000001';
SELECT results_eq(
    $$SELECT old_price, new_price
      FROM catalog.price_history
      WHERE variant_id = 'b7000000-0000-0000-0000-000000000001' AND new_price IS NULL$$,
    $$VALUES (16.90::numeric(12,2), NULL::numeric(12,2))$$,
    'price history: a variant going back to the product price is recorded (new NULL)'
);

SELECT throws_ok(
    $$UPDATE catalog.products SET base_price = -1 WHERE id = 'b6000000-0000-0000-0000-000000000002'$$,
    '23514', NULL, 'price history: a refused price change ...'
);
SELECT is_empty(
    $$SELECT id FROM catalog.price_history WHERE new_price = -1$$,
    'price history: ... leaves no history row'
);

-- 5. Verified purchase reviews ---------------------------------------------------
-- Orders are written directly, with niaga's business triggers off (replica,
-- SPEC §0), so that only the review trigger is under test here.
SET LOCAL session_replication_role = replica;
INSERT INTO sales.orders (id, order_number, user_id, status, delivered_at)
VALUES ('d6000000-0000-0000-0000-000000000001', 'ORD-TEST-1', 'a6000000-0000-0000-0000-000000000003',
        'delivered', now()),
       ('d6000000-0000-0000-0000-000000000002', 'ORD-TEST-2', 'a6000000-0000-0000-0000-000000000002',
        'pending', NULL),
       ('d6000000-0000-0000-0000-000000000003', 'ORD-TEST-3', 'a6000000-0000-0000-0000-000000000004',
        'shipped', NULL);
INSERT INTO sales.order_items (order_id, product_id, sku, name, quantity, unit_price, total_price)
VALUES ('d6000000-0000-0000-0000-000000000001', 'b6000000-0000-0000-0000-000000000001', 'RULE-1', 'Baju Kurung',
        2, 13.50, 27.00),
       ('d6000000-0000-0000-0000-000000000002', 'b6000000-0000-0000-0000-000000000001', 'RULE-1', 'Baju Kurung',
        1, 13.50, 13.50),
       ('d6000000-0000-0000-0000-000000000003', 'b6000000-0000-0000-0000-000000000001', 'RULE-1', 'Baju Kurung',
        1, 13.50, 13.50);
SET LOCAL session_replication_role = origin;

-- user 1: no order at all
INSERT INTO catalog.product_reviews (product_id, user_id, rating, is_verified_purchase)
VALUES ('b6000000-0000-0000-0000-000000000001', 'a6000000-0000-0000-0000-000000000001', 5, false),
       ('b6000000-0000-0000-0000-000000000002', 'a6000000-0000-0000-0000-000000000001', 4, true);
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000001'),
    false,
    'reviews: no delivered order, not a verified purchase (though another user has one)'
);
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000002' AND user_id = 'a6000000-0000-0000-0000-000000000001'),
    false,
    'reviews: a client cannot claim a verified purchase on INSERT'
);

-- user 2: a pending order; user 4: a shipped order
INSERT INTO catalog.product_reviews (product_id, user_id, rating)
VALUES ('b6000000-0000-0000-0000-000000000001', 'a6000000-0000-0000-0000-000000000002', 3),
       ('b6000000-0000-0000-0000-000000000001', 'a6000000-0000-0000-0000-000000000004', 3);
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000002'),
    false,
    'reviews: a pending order of the product is not a verified purchase'
);
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000004'),
    false,
    'reviews: a shipped, not yet delivered order is not a verified purchase'
);

-- user 3: a delivered order with product 1, not product 2
INSERT INTO catalog.product_reviews (product_id, user_id, rating, is_verified_purchase)
VALUES ('b6000000-0000-0000-0000-000000000001', 'a6000000-0000-0000-0000-000000000003', 5, false),
       ('b6000000-0000-0000-0000-000000000002', 'a6000000-0000-0000-0000-000000000003', 2, false);
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000003'),
    true,
    'reviews: a delivered order containing the product makes a verified purchase'
);
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000002' AND user_id = 'a6000000-0000-0000-0000-000000000003'),
    false,
    'reviews: a delivered order of another product does not'
);

-- The flag cannot be forced either way by a later UPDATE.
UPDATE catalog.product_reviews
SET is_verified_purchase = true
WHERE user_id = 'a6000000-0000-0000-0000-000000000001';
SELECT is(
    (SELECT count(*)::int FROM catalog.product_reviews
     WHERE user_id = 'a6000000-0000-0000-0000-000000000001' AND is_verified_purchase),
    0,
    'reviews: a client cannot set is_verified_purchase on UPDATE without a delivered order'
);
UPDATE catalog.product_reviews
SET is_verified_purchase = false, rating = 4
WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000003';
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000003'),
    true,
    'reviews: a client cannot clear is_verified_purchase of a delivered purchase'
);

-- Moving a review onto the purchased product re-evaluates it.
DELETE FROM catalog.product_reviews
WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000003';
UPDATE catalog.product_reviews
SET product_id = 'b6000000-0000-0000-0000-000000000001'
WHERE product_id = 'b6000000-0000-0000-0000-000000000002' AND user_id = 'a6000000-0000-0000-0000-000000000003';
SELECT is(
    (SELECT is_verified_purchase FROM catalog.product_reviews
     WHERE product_id = 'b6000000-0000-0000-0000-000000000001' AND user_id = 'a6000000-0000-0000-0000-000000000003'),
    true,
    'reviews: a review moved onto the purchased product becomes a verified purchase'
);

-- 6. A tax rate an order used never changes its rate or applies_to_shipping ---
INSERT INTO sales.tax_rates (id, code, name, rate, applies_to_shipping, is_default, is_active)
VALUES ('d0600000-0000-0000-0000-000000000001', 'SST-RULES', 'SST 6 %', 6.00, false, true, true),
       ('d0600000-0000-0000-0000-000000000002', 'SST-UNUSED', 'SST 8 %', 8.00, false, false, true);
SET LOCAL session_replication_role = replica;
INSERT INTO sales.orders (id, order_number, user_id, tax_rate_id)
VALUES ('d6000000-0000-0000-0000-000000000010', 'ORD-TEST-10', 'a6000000-0000-0000-0000-000000000001',
        'd0600000-0000-0000-0000-000000000001');
SET LOCAL session_replication_role = origin;

SELECT throws_ok(
    $$UPDATE sales.tax_rates SET rate = 8.00 WHERE id = 'd0600000-0000-0000-0000-000000000001'$$,
    NULL, NULL, 'tax rates: the rate of a rate an order used cannot change'
);
SELECT throws_ok(
    $$UPDATE sales.tax_rates SET applies_to_shipping = true WHERE id = 'd0600000-0000-0000-0000-000000000001'$$,
    NULL, NULL, 'tax rates: applies_to_shipping of a rate an order used cannot change'
);
SELECT results_eq(
    $$SELECT rate, applies_to_shipping FROM sales.tax_rates WHERE id = 'd0600000-0000-0000-0000-000000000001'$$,
    $$VALUES (6.00::numeric(5,2), false)$$,
    'tax rates: the used rate still reads 6.00, not applied to shipping'
);
SELECT lives_ok(
    $$UPDATE sales.tax_rates SET is_default = false, is_active = false
      WHERE id = 'd0600000-0000-0000-0000-000000000001'$$,
    'tax rates: is_default and is_active of a used rate may change'
);
SELECT lives_ok(
    $$UPDATE sales.tax_rates SET name = 'SST (old)' WHERE id = 'd0600000-0000-0000-0000-000000000001'$$,
    'tax rates: the name of a used rate may change'
);
SELECT lives_ok(
    $$UPDATE sales.tax_rates SET rate = 10.00, applies_to_shipping = true
      WHERE id = 'd0600000-0000-0000-0000-000000000002'$$,
    'tax rates: a rate no order used may still change'
);

SELECT * FROM finish();
ROLLBACK;
