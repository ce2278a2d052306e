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
