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
    revoked_at timestamptz
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

CREATE TRIGGER users_set_updated_at BEFORE UPDATE ON auth.users
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();

SELECT pg_catalog.pg_extension_config_dump('auth.users', '');
SELECT pg_catalog.pg_extension_config_dump('auth.sessions', '');
SELECT pg_catalog.pg_extension_config_dump('auth.password_resets', '');
