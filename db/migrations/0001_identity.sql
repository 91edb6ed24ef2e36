-- Identity: areas and population, organisations, accounts, sessions, API tokens, audit log, outbox.

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Xinyang, its ten counties and districts (GB/T 2260) and its management zones; rows come from
-- data/reference/regions.json, synchronised at start-up.
CREATE TABLE areas (
  code text PRIMARY KEY,
  name text NOT NULL,
  short_name text NOT NULL,
  name_en text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('city', 'district', 'county', 'zone')),
  parent_code text REFERENCES areas (code),
  stat_code text,
  sort integer NOT NULL
);

-- Officers keep this table; only figures with a named source are preloaded. Demo estimates are
-- flagged so that every screen can label them.
CREATE TABLE area_population (
  area_code text NOT NULL REFERENCES areas (code),
  year integer NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  population integer NOT NULL CHECK (population > 0),
  source text NOT NULL CHECK (length(source) > 0),
  is_estimate boolean NOT NULL DEFAULT false,
  note text,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (area_code, year)
);

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('city_office', 'area_desk', 'partner', 'enterprise', 'university', 'agency', 'bank')),
  area_code text NOT NULL REFERENCES areas (code),
  uscc text,
  address text,
  phone text,
  is_demo boolean NOT NULL DEFAULT false,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX organisations_name_key ON organisations (name);
CREATE UNIQUE INDEX organisations_uscc_key ON organisations (uscc) WHERE uscc IS NOT NULL;
CREATE INDEX organisations_area ON organisations (area_code);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL CHECK (username = lower(username) AND username ~ '^[a-z][a-z0-9_.-]{1,31}$'),
  display_name text NOT NULL,
  org_id uuid NOT NULL REFERENCES organisations (id),
  roles text[] NOT NULL DEFAULT '{}',
  area_scope text NOT NULL REFERENCES areas (code),
  email text,
  password_hash text NOT NULL,
  password_changed_at timestamptz NOT NULL DEFAULT now(),
  must_change_password boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  disabled_at timestamptz,
  totp_secret_enc text,
  totp_enabled_at timestamptz,
  totp_last_step bigint NOT NULL DEFAULT 0,
  is_demo boolean NOT NULL DEFAULT false,
  last_login_at timestamptz,
  last_login_ip text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (username);
CREATE INDEX users_org ON users (org_id);

CREATE TABLE recovery_codes (
  user_id uuid NOT NULL REFERENCES users (id),
  code_hash text NOT NULL,
  used_at timestamptz,
  PRIMARY KEY (user_id, code_hash)
);

-- The cookie carries a random id; only its SHA-256 is stored, so a database reader cannot hijack sessions.
CREATE TABLE sessions (
  id_hash text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  csrf_token text NOT NULL,
  stage text NOT NULL CHECK (stage IN ('mfa', 'enrol', 'password', 'active')),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  ip text,
  user_agent text,
  revoked_at timestamptz,
  revoked_reason text
);
CREATE INDEX sessions_user_live ON sessions (user_id) WHERE revoked_at IS NULL;

-- Tokens for machine clients of an organisation; shown once, stored as SHA-256.
CREATE TABLE api_tokens (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organisations (id),
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  prefix text NOT NULL,
  roles text[] NOT NULL,
  area_scope text NOT NULL REFERENCES areas (code),
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz,
  last_used_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid REFERENCES users (id)
);
CREATE INDEX api_tokens_org ON api_tokens (org_id);

-- Append-only, hash-chained. id is gapless (taken from audit_head under its row lock), so a removed
-- row shows as a gap and an edited row breaks the chain.
CREATE TABLE audit_log (
  id bigint PRIMARY KEY,
  at timestamptz NOT NULL,
  actor_kind text NOT NULL CHECK (actor_kind IN ('user', 'token', 'operator', 'system', 'anonymous')),
  actor_id text,
  actor_name text,
  actor_org_id uuid,
  ip text,
  action text NOT NULL,
  target_type text,
  target_id text,
  result text NOT NULL CHECK (result IN ('ok', 'denied', 'failed')),
  before_digest text,
  after_digest text,
  details jsonb NOT NULL DEFAULT '{}',
  prev_hash text NOT NULL,
  hash text NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_action ON audit_log (action, at);
CREATE INDEX audit_log_actor ON audit_log (actor_name, at);
CREATE INDEX audit_log_target ON audit_log (target_type, target_id);

CREATE TABLE audit_head (
  id integer PRIMARY KEY CHECK (id = 1),
  last_id bigint NOT NULL,
  last_hash text NOT NULL
);
INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, repeat('0', 64));

CREATE FUNCTION audit_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();

-- Mail waits here when no SMTP server is configured, and keeps a record of what was sent.
CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  to_address text NOT NULL,
  subject text NOT NULL,
  body text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  sent_at timestamptz,
  error text
);
