-- crm.addresses (SPEC §1): at most one default address per user; making an
-- address the default clears the user's previous default.
\set VERBOSITY terse

INSERT INTO auth.users (id, email, password_hash) VALUES
    ('ad000000-0000-0000-0000-000000000001', 'addr-siti@example.test', 'x'),
    ('ad000000-0000-0000-0000-000000000002', 'addr-ahmad@example.test', 'x');

-- The test's addresses: owner, label, default or not.
CREATE FUNCTION pg_temp.addresses() RETURNS TABLE (owner text, label text, is_default boolean)
LANGUAGE sql AS $$
    SELECT u.email, a.label, a.is_default
      FROM crm.addresses a JOIN auth.users u ON u.id = a.user_id
     WHERE u.email LIKE 'addr-%'
     ORDER BY u.email, a.label
$$;

-- The first address, made default.
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('ad100000-0000-0000-0000-000000000001', 'ad000000-0000-0000-0000-000000000001', 'home', 'Siti', 'Jalan 1', 'Shah Alam', 'Selangor', '40000', true);
-- A second one, not default: the first stays default.
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode) VALUES
    ('ad100000-0000-0000-0000-000000000002', 'ad000000-0000-0000-0000-000000000001', 'office', 'Siti', 'Jalan 2', 'Petaling Jaya', 'Selangor', '46000');
SELECT * FROM pg_temp.addresses();
-- A third one inserted as default takes over.
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('ad100000-0000-0000-0000-000000000003', 'ad000000-0000-0000-0000-000000000001', 'parents', 'Siti', 'Jalan 3', 'Ipoh', 'Perak', '30000', true);
SELECT * FROM pg_temp.addresses();
-- An existing address updated to default takes over.
UPDATE crm.addresses SET is_default = true WHERE id = 'ad100000-0000-0000-0000-000000000002';
SELECT * FROM pg_temp.addresses();
-- Making the default address default again changes nothing.
UPDATE crm.addresses SET is_default = true WHERE id = 'ad100000-0000-0000-0000-000000000002';
SELECT * FROM pg_temp.addresses();
-- Unsetting the default leaves the user without one (at most one, not exactly one).
UPDATE crm.addresses SET is_default = false WHERE id = 'ad100000-0000-0000-0000-000000000002';
SELECT * FROM pg_temp.addresses();
UPDATE crm.addresses SET is_default = true WHERE id = 'ad100000-0000-0000-0000-000000000001';
SELECT * FROM pg_temp.addresses();

-- Users are independent: Ahmad's default leaves Siti's alone.
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('ad100000-0000-0000-0000-000000000004', 'ad000000-0000-0000-0000-000000000002', 'home', 'Ahmad', 'Jalan 4', 'Johor Bahru', 'Johor', '80000', true),
    ('ad100000-0000-0000-0000-000000000005', 'ad000000-0000-0000-0000-000000000002', 'shop', 'Ahmad', 'Jalan 5', 'Muar', 'Johor', '84000', false);
SELECT * FROM pg_temp.addresses();
UPDATE crm.addresses SET is_default = true WHERE id = 'ad100000-0000-0000-0000-000000000005';
SELECT * FROM pg_temp.addresses();

-- Other changes to an address do not touch the defaults.
UPDATE crm.addresses SET address_line2 = 'Taman Melati' WHERE user_id = 'ad000000-0000-0000-0000-000000000001';
SELECT * FROM pg_temp.addresses();

-- A default address handed to another user becomes that user's default and
-- clears the other user's previous one.
UPDATE crm.addresses SET user_id = 'ad000000-0000-0000-0000-000000000002', label = 'siti-home'
 WHERE id = 'ad100000-0000-0000-0000-000000000001';
SELECT * FROM pg_temp.addresses();

-- Several defaults in one INSERT: the last one wins.
INSERT INTO crm.addresses (id, user_id, label, recipient_name, address_line1, city, state, postcode, is_default) VALUES
    ('ad100000-0000-0000-0000-000000000006', 'ad000000-0000-0000-0000-000000000001', 'kampung', 'Siti', 'Jalan 6', 'Kuala Kangsar', 'Perak', '33000', true),
    ('ad100000-0000-0000-0000-000000000007', 'ad000000-0000-0000-0000-000000000001', 'campus', 'Siti', 'Jalan 7', 'Bangi', 'Selangor', '43600', true);
SELECT * FROM pg_temp.addresses();

-- An UPDATE making all of a user's addresses default at once may succeed or
-- fail, but never leaves two defaults.
DO $$
BEGIN
    UPDATE crm.addresses SET is_default = true WHERE user_id = 'ad000000-0000-0000-0000-000000000001';
EXCEPTION WHEN OTHERS THEN
    NULL;
END
$$;
SELECT u.email, count(*) FILTER (WHERE a.is_default) <= 1 AS at_most_one_default
  FROM crm.addresses a JOIN auth.users u ON u.id = a.user_id
 WHERE u.email LIKE 'addr-%'
 GROUP BY u.email ORDER BY u.email;

-- The one-default rule is also a unique index, so nothing can get round it.
SELECT indexdef FROM pg_indexes WHERE schemaname = 'crm' AND indexname = 'addresses_one_default_per_user_key';

-- Clean up (addresses go with their users).
DELETE FROM auth.users WHERE email LIKE 'addr-%@example.test';
SELECT count(*) AS addresses_left FROM crm.addresses WHERE id::text LIKE 'ad100000-%';
