-- Customers and accounts (SPEC §10): a customer profile for every customer
-- user; refresh-token sessions (random tokens returned once, only their
-- SHA-256 stored, rotation, replay revocation, revocation); password resets
-- (one hour, stored hashed, single use).
--
-- Ids of this file: 08000000-…. The whole file runs in one transaction that
-- is rolled back; now() is the transaction's start throughout.
BEGIN;
SELECT plan(76);

-- The stored form of a token.
CREATE FUNCTION pg_temp.token_hash(token text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$ SELECT encode(sha256(convert_to(token, 'UTF8')), 'hex') $$;

-- ---------------------------------------------------------------------------
-- 1. Customer profiles.
-- ---------------------------------------------------------------------------
INSERT INTO auth.users (id, email, password_hash, role) VALUES
    ('08000000-0000-4000-8000-000000000001', 'acc-customer@niaga.test', 'h', 'customer'),
    ('08000000-0000-4000-8000-000000000002', 'acc-admin@niaga.test', 'h', 'admin'),
    ('08000000-0000-4000-8000-000000000003', 'acc-agent@niaga.test', 'h', 'agent'),
    ('08000000-0000-4000-8000-000000000004', 'acc-warehouse@niaga.test', 'h', 'warehouse'),
    ('08000000-0000-4000-8000-000000000005', 'acc-super@niaga.test', 'h', 'super_admin');
INSERT INTO auth.users (id, email, password_hash) VALUES
    ('08000000-0000-4000-8000-000000000006', 'acc-default@niaga.test', 'h');

SELECT results_eq(
    $$SELECT customer_group::text, total_orders, total_spent
      FROM crm.customer_profiles WHERE user_id = '08000000-0000-4000-8000-000000000001'$$,
    $$VALUES ('regular'::text, 0, 0.00::numeric)$$,
    'profiles: a customer user gets a profile with the user (regular, 0 orders, 0 spent)'
);
SELECT is(
    (SELECT count(*) FROM crm.customer_profiles WHERE user_id = '08000000-0000-4000-8000-000000000006'),
    1::bigint,
    'profiles: a user with the default role (customer) gets a profile'
);
SELECT is_empty(
    $$SELECT user_id FROM crm.customer_profiles
      WHERE user_id IN ('08000000-0000-4000-8000-000000000002', '08000000-0000-4000-8000-000000000003',
                        '08000000-0000-4000-8000-000000000004', '08000000-0000-4000-8000-000000000005')$$,
    'profiles: admin, agent, warehouse and super_admin users get no profile'
);
SELECT is(
    (SELECT count(*) FROM crm.customer_profiles
     WHERE user_id IN ('08000000-0000-4000-8000-000000000001', '08000000-0000-4000-8000-000000000006')),
    2::bigint,
    'profiles: each customer of a multi-row INSERT got exactly one'
);

UPDATE auth.users SET role = 'customer' WHERE id = '08000000-0000-4000-8000-000000000002';
SELECT is(
    (SELECT count(*) FROM crm.customer_profiles WHERE user_id = '08000000-0000-4000-8000-000000000002'),
    1::bigint,
    'profiles: a user whose role becomes customer gets a profile'
);
SELECT lives_ok(
    $$UPDATE auth.users SET role = 'admin' WHERE id = '08000000-0000-4000-8000-000000000001';
      UPDATE auth.users SET role = 'customer' WHERE id = '08000000-0000-4000-8000-000000000001'$$,
    'profiles: customer -> admin -> customer again is accepted'
);
SELECT is(
    (SELECT count(*) FROM crm.customer_profiles WHERE user_id = '08000000-0000-4000-8000-000000000001'),
    1::bigint,
    'profiles: … and the user still has exactly one profile'
);
UPDATE crm.customer_profiles SET notes = 'kept' WHERE user_id = '08000000-0000-4000-8000-000000000001';
UPDATE auth.users SET first_name = 'Renamed', role = 'customer' WHERE id = '08000000-0000-4000-8000-000000000001';
SELECT results_eq(
    $$SELECT count(*), min(notes) FROM crm.customer_profiles WHERE user_id = '08000000-0000-4000-8000-000000000001'$$,
    $$VALUES (1::bigint, 'kept'::text)$$,
    'profiles: touching a customer''s role again keeps its existing profile as it is'
);
SELECT is_empty(
    $$SELECT u.id FROM auth.users AS u
      WHERE u.role = 'customer' AND u.id::text LIKE '08000000-%'
        AND NOT EXISTS (SELECT 1 FROM crm.customer_profiles AS p WHERE p.user_id = u.id)$$,
    'profiles: every customer user of this file has a profile'
);

-- ---------------------------------------------------------------------------
-- 2. Sessions: create_session.
-- ---------------------------------------------------------------------------
INSERT INTO auth.users (id, email, password_hash, status, deleted_at) VALUES
    ('08000000-0000-4000-8000-000000000011', 'acc-s1@niaga.test', 'h', 'active', NULL),
    ('08000000-0000-4000-8000-000000000012', 'acc-s2@niaga.test', 'h', 'active', NULL),
    ('08000000-0000-4000-8000-000000000013', 'acc-inactive@niaga.test', 'h', 'inactive', NULL),
    ('08000000-0000-4000-8000-000000000014', 'acc-suspended@niaga.test', 'h', 'suspended', NULL),
    ('08000000-0000-4000-8000-000000000015', 'acc-deleted@niaga.test', 'h', 'active', now()),
    ('08000000-0000-4000-8000-000000000016', 'Acc-Reset@Niaga.Test', 'h', 'active', NULL),
    ('08000000-0000-4000-8000-000000000017', 'acc-s3@niaga.test', 'h', 'active', NULL),
    ('08000000-0000-4000-8000-000000000018', 'acc-s4@niaga.test', 'h', 'active', NULL);

SELECT auth.create_session('08000000-0000-4000-8000-000000000011', 'Mozilla/5.0', '203.0.113.7') AS s1_t1 \gset
SELECT auth.create_session('08000000-0000-4000-8000-000000000011', 'okhttp', '203.0.113.8', '1 day') AS s1_other \gset
SELECT auth.create_session('08000000-0000-4000-8000-000000000012', 'curl', NULL) AS s2_t1 \gset

SELECT matches(:'s1_t1'::text, '^[0-9a-f]{64}$', 'create_session: returns a 64-hex-character token');
SELECT isnt(:'s1_t1'::text, :'s1_other'::text, 'create_session: two sessions get different tokens');
SELECT results_eq(
    format($$SELECT refresh_token::text FROM auth.sessions WHERE user_id = '08000000-0000-4000-8000-000000000011'
             AND user_agent = 'Mozilla/5.0'$$),
    format($$VALUES (%L::text)$$, pg_temp.token_hash(:'s1_t1')),
    'create_session: the stored refresh_token is the SHA-256 (hex) of the token'
);
SELECT is_empty(
    format($$SELECT id FROM auth.sessions WHERE refresh_token IN (%L, %L, %L)$$, :'s1_t1', :'s1_other', :'s2_t1'),
    'create_session: the token itself is stored nowhere in auth.sessions'
);
SELECT results_eq(
    format($$SELECT user_id, user_agent, host(ip_address), expires_at, revoked_at, rotated_at
             FROM auth.sessions WHERE refresh_token = %L$$, pg_temp.token_hash(:'s1_t1')),
    $$VALUES ('08000000-0000-4000-8000-000000000011'::uuid, 'Mozilla/5.0'::text, '203.0.113.7'::text,
              now() + interval '30 days', NULL::timestamptz, NULL::timestamptz)$$,
    'create_session: user, user agent, ip address; expires after the default 30 days; live'
);
SELECT is(
    (SELECT expires_at FROM auth.sessions WHERE refresh_token = pg_temp.token_hash(:'s1_other')),
    now() + interval '1 day',
    'create_session: an explicit ttl sets expires_at'
);
SELECT is(
    (SELECT ip_address FROM auth.sessions WHERE refresh_token = pg_temp.token_hash(:'s2_t1')),
    NULL,
    'create_session: a NULL ip address is accepted'
);
SELECT throws_ok(
    $$SELECT auth.create_session('08000000-0000-4000-8000-000000000013', 'ua', NULL)$$,
    '22023', NULL,
    'create_session: an inactive user is refused (22023)'
);
SELECT throws_ok(
    $$SELECT auth.create_session('08000000-0000-4000-8000-000000000014', 'ua', NULL)$$,
    '22023', NULL,
    'create_session: a suspended user is refused (22023)'
);
SELECT throws_ok(
    $$SELECT auth.create_session('08000000-0000-4000-8000-000000000015', 'ua', NULL)$$,
    'P0002', NULL,
    'create_session: a soft-deleted user is absent (P0002)'
);
SELECT throws_ok(
    $$SELECT auth.create_session('08000000-0000-4000-8000-0000000000ff', 'ua', NULL)$$,
    'P0002', NULL,
    'create_session: an unknown user is P0002'
);
SELECT throws_ok(
    $$SELECT auth.create_session(NULL, 'ua', NULL)$$,
    '22023', NULL,
    'create_session: a NULL user is 22023'
);
SELECT throws_ok(
    $$SELECT auth.create_session('08000000-0000-4000-8000-000000000011', 'ua', NULL, interval '0')$$,
    '22023', NULL,
    'create_session: a ttl that is not positive is 22023'
);
SELECT is(
    (SELECT count(*) FROM auth.sessions WHERE user_id IN ('08000000-0000-4000-8000-000000000013',
                                                          '08000000-0000-4000-8000-000000000014',
                                                          '08000000-0000-4000-8000-000000000015')),
    0::bigint,
    'create_session: the refused calls stored nothing'
);

-- ---------------------------------------------------------------------------
-- 3. refresh_session: rotation.
-- ---------------------------------------------------------------------------
SELECT user_id AS r1_user, token AS s1_t2 FROM auth.refresh_session(:'s1_t1') \gset
SELECT is(:'r1_user'::uuid, '08000000-0000-4000-8000-000000000011'::uuid,
          'refresh_session: returns the token''s user');
SELECT matches(:'s1_t2'::text, '^[0-9a-f]{64}$', 'refresh_session: returns a new 64-hex-character token');
SELECT isnt(:'s1_t2'::text, :'s1_t1'::text, 'refresh_session: the new token differs from the old one');
SELECT results_eq(
    format($$SELECT rotated_at IS NOT NULL, revoked_at IS NOT NULL FROM auth.sessions WHERE refresh_token = %L$$,
           pg_temp.token_hash(:'s1_t1')),
    $$VALUES (true, true)$$,
    'refresh_session: the old session is marked rotated and is no longer live'
);
SELECT results_eq(
    format($$SELECT user_id, user_agent, host(ip_address), expires_at - created_at, revoked_at IS NULL, rotated_at IS NULL
             FROM auth.sessions WHERE refresh_token = %L$$, pg_temp.token_hash(:'s1_t2')),
    $$VALUES ('08000000-0000-4000-8000-000000000011'::uuid, 'Mozilla/5.0'::text, '203.0.113.7'::text,
              interval '30 days', true, true)$$,
    'refresh_session: the new session (stored hashed) keeps user, user agent, ip address and lifetime'
);
SELECT is_empty(
    format($$SELECT id FROM auth.sessions WHERE refresh_token = %L$$, :'s1_t2'),
    'refresh_session: the new token itself is not stored'
);
SELECT user_id AS r2_user, token AS s1_t3 FROM auth.refresh_session(:'s1_t2') \gset
SELECT is(:'r2_user'::uuid, '08000000-0000-4000-8000-000000000011'::uuid,
          'refresh_session: the rotated-to token can itself be refreshed');
SELECT is(
    (SELECT count(*) FROM auth.sessions WHERE user_id = '08000000-0000-4000-8000-000000000011' AND revoked_at IS NULL),
    2::bigint,
    'refresh_session: the user has its newest session and the other one live'
);

-- unknown, NULL, expired, revoked: no row, and no revocation of others
SELECT is_empty($$SELECT * FROM auth.refresh_session('0000000000000000000000000000000000000000000000000000000000000000')$$,
                'refresh_session: an unknown token returns no row');
SELECT is_empty($$SELECT * FROM auth.refresh_session('')$$, 'refresh_session: an empty token returns no row');
SELECT is_empty($$SELECT * FROM auth.refresh_session(NULL)$$, 'refresh_session: a NULL token returns no row');

SELECT auth.create_session('08000000-0000-4000-8000-000000000017', 'expiring', NULL) AS s3_expired \gset
SELECT auth.create_session('08000000-0000-4000-8000-000000000017', 'bystander', NULL) AS s3_live \gset
UPDATE auth.sessions SET expires_at = now() - interval '1 second'
WHERE refresh_token = pg_temp.token_hash(:'s3_expired');
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s3_expired'),
                'refresh_session: an expired token returns no row');
SELECT is(
    (SELECT revoked_at FROM auth.sessions WHERE refresh_token = pg_temp.token_hash(:'s3_live')),
    NULL,
    'refresh_session: an expired token revokes nothing else'
);

SELECT auth.create_session('08000000-0000-4000-8000-000000000018', 'logout', NULL) AS s4_revoked \gset
SELECT auth.create_session('08000000-0000-4000-8000-000000000018', 'bystander', NULL) AS s4_live \gset
SELECT is(auth.revoke_session(:'s4_revoked'), true, 'revoke_session: true when a live session ends');
SELECT isnt(
    (SELECT revoked_at FROM auth.sessions WHERE refresh_token = pg_temp.token_hash(:'s4_revoked')),
    NULL,
    'revoke_session: revoked_at is set'
);
SELECT is(auth.revoke_session(:'s4_revoked'), false, 'revoke_session: false for a session already ended');
SELECT is(auth.revoke_session('nope'), false, 'revoke_session: false for an unknown token');
SELECT is(auth.revoke_session(NULL), false, 'revoke_session: false for NULL');
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s4_revoked'),
                'refresh_session: a revoked token returns no row');
SELECT is(
    (SELECT revoked_at FROM auth.sessions WHERE refresh_token = pg_temp.token_hash(:'s4_live')),
    NULL,
    'refresh_session: a revoked (not rotated) token revokes nothing else'
);
SELECT is(
    (SELECT count(*) FROM auth.refresh_session(:'s4_live')),
    1::bigint,
    'revoke_session: the user''s other session still refreshes'
);

-- ---------------------------------------------------------------------------
-- 4. refresh_session: replay of a rotated token revokes every session.
-- ---------------------------------------------------------------------------
-- User 11 now has: t1 (rotated), t2 (rotated), t3 (live), s1_other (live).
SELECT lives_ok(
    format($$SELECT * FROM auth.refresh_session(%L)$$, :'s1_t1'),
    'replay: presenting an already-rotated token does not raise (so the revocation commits)'
);
SELECT is(
    (SELECT count(*) FROM auth.sessions WHERE user_id = '08000000-0000-4000-8000-000000000011' AND revoked_at IS NULL),
    0::bigint,
    'replay: every session of that user is revoked'
);
SELECT is(
    (SELECT count(*) FROM auth.sessions WHERE user_id = '08000000-0000-4000-8000-000000000011'),
    4::bigint,
    'replay: no session was created'
);
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s1_t1'),
                'replay: the replayed token returns no row');
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s1_t3'),
                'replay: the newest token of that user no longer works');
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s1_other'),
                'replay: another session of that user no longer works');
SELECT is(
    (SELECT revoked_at FROM auth.sessions WHERE refresh_token = pg_temp.token_hash(:'s2_t1')),
    NULL,
    'replay: sessions of other users are untouched'
);
SELECT is(
    (SELECT count(*) FROM auth.refresh_session(:'s2_t1')),
    1::bigint,
    'replay: another user still refreshes'
);

-- A second user: rotate, then replay the old token.
SELECT auth.create_session('08000000-0000-4000-8000-000000000012', 'second', NULL) AS s2_second \gset
SELECT token AS s2_second_new FROM auth.refresh_session(:'s2_second') \gset
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s2_second'),
                'replay: a second user replaying its old token gets no row');
SELECT is(
    (SELECT count(*) FROM auth.sessions WHERE user_id = '08000000-0000-4000-8000-000000000012' AND revoked_at IS NULL),
    0::bigint,
    'replay: … and all its sessions are revoked, the rotated-to one included'
);

-- A user who can no longer log in cannot keep a session alive either:
-- create_session refuses an inactive user (22023), so refresh_session must
-- not mint new tokens for one (SPEC §10 and §11; the suspension would mean
-- nothing otherwise).
SELECT auth.create_session('08000000-0000-4000-8000-000000000016', 'later suspended', NULL) AS s6_t1 \gset
SELECT auth.create_session('08000000-0000-4000-8000-000000000016', 'later deleted', NULL) AS s6_t2 \gset
UPDATE auth.users SET status = 'suspended' WHERE id = '08000000-0000-4000-8000-000000000016';
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s6_t1'),
                'refresh_session: a token of a user suspended since returns no row');
UPDATE auth.users SET status = 'active', deleted_at = now() WHERE id = '08000000-0000-4000-8000-000000000016';
SELECT is_empty(format($$SELECT * FROM auth.refresh_session(%L)$$, :'s6_t2'),
                'refresh_session: a token of a user soft-deleted since returns no row');
UPDATE auth.users SET deleted_at = NULL WHERE id = '08000000-0000-4000-8000-000000000016';

-- ---------------------------------------------------------------------------
-- 5. Password resets.
-- ---------------------------------------------------------------------------
SELECT auth.create_password_reset('acc-reset@NIAGA.test') AS pr1 \gset
SELECT matches(:'pr1'::text, '^[0-9a-f]{64}$',
               'create_password_reset: a known email (any letter case) gets a 64-hex-character token');
SELECT results_eq(
    format($$SELECT user_id, token::text, expires_at, used_at FROM auth.password_resets WHERE token = %L$$,
           pg_temp.token_hash(:'pr1')),
    format($$VALUES ('08000000-0000-4000-8000-000000000016'::uuid, %L::text, now() + interval '1 hour',
                     NULL::timestamptz)$$, pg_temp.token_hash(:'pr1')),
    'create_password_reset: stored as its SHA-256 (hex), for the user, expiring in one hour, unused'
);
SELECT is_empty(
    format($$SELECT id FROM auth.password_resets WHERE token = %L$$, :'pr1'),
    'create_password_reset: the token itself is not stored'
);
SELECT is(auth.create_password_reset('nobody@niaga.test'), NULL,
          'create_password_reset: an unknown email returns NULL');
SELECT is(auth.create_password_reset(NULL), NULL, 'create_password_reset: a NULL email returns NULL');
SELECT is(auth.create_password_reset('acc-deleted@niaga.test'), NULL,
          'create_password_reset: the email of a soft-deleted user returns NULL');
SELECT is(auth.create_password_reset('acc-suspended@niaga.test'), NULL,
          'create_password_reset: the email of a suspended user returns NULL');
SELECT is(
    (SELECT count(*) FROM auth.password_resets WHERE user_id IN ('08000000-0000-4000-8000-000000000014',
                                                                 '08000000-0000-4000-8000-000000000015')),
    0::bigint,
    'create_password_reset: the NULL answers stored nothing'
);
SELECT auth.create_password_reset('acc-reset@niaga.test') AS pr2 \gset
SELECT isnt(:'pr2'::text, :'pr1'::text, 'create_password_reset: a second reset gets a different token');

SELECT is(auth.consume_password_reset(:'pr1'), '08000000-0000-4000-8000-000000000016'::uuid,
          'consume_password_reset: returns the user of the token');
SELECT isnt(
    (SELECT used_at FROM auth.password_resets WHERE token = pg_temp.token_hash(:'pr1')),
    NULL,
    'consume_password_reset: used_at is set'
);
SELECT throws_ok(
    format($$SELECT auth.consume_password_reset(%L)$$, :'pr1'),
    '22023', NULL,
    'consume_password_reset: a used token is 22023'
);
SELECT throws_ok(
    format($$SELECT auth.consume_password_reset(%L)$$, pg_temp.token_hash(:'pr2')),
    '22023', NULL,
    'consume_password_reset: the stored hash is not a token (22023)'
);
UPDATE auth.password_resets SET expires_at = now() - interval '1 second' WHERE token = pg_temp.token_hash(:'pr2');
SELECT throws_ok(
    format($$SELECT auth.consume_password_reset(%L)$$, :'pr2'),
    '22023', NULL,
    'consume_password_reset: an expired token is 22023'
);
SELECT is(
    (SELECT used_at FROM auth.password_resets WHERE token = pg_temp.token_hash(:'pr2')),
    NULL,
    'consume_password_reset: an expired token stays unused'
);
SELECT throws_ok($$SELECT auth.consume_password_reset('0000')$$, '22023', NULL,
                 'consume_password_reset: an unknown token is 22023');
SELECT throws_ok($$SELECT auth.consume_password_reset(NULL)$$, '22023', NULL,
                 'consume_password_reset: a NULL token is 22023');

SELECT auth.create_password_reset('ACC-S2@niaga.test') AS pr3 \gset
UPDATE auth.password_resets SET expires_at = now() + interval '1 second' WHERE token = pg_temp.token_hash(:'pr3');
SELECT is(auth.consume_password_reset(:'pr3'), '08000000-0000-4000-8000-000000000012'::uuid,
          'consume_password_reset: a token not yet expired works');

-- ---------------------------------------------------------------------------
-- 6. Every session and reset row holds a hash, never a token that was handed out.
-- ---------------------------------------------------------------------------
SELECT is_empty(
    $$SELECT id FROM auth.sessions WHERE refresh_token !~ '^[0-9a-f]{64}$'$$,
    'sessions: every refresh_token is a 64-hex SHA-256'
);
SELECT is_empty(
    $$SELECT id FROM auth.password_resets WHERE token !~ '^[0-9a-f]{64}$'$$,
    'password resets: every token is a 64-hex SHA-256'
);

SELECT * FROM finish();
ROLLBACK;
