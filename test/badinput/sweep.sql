-- The bad-input sweep (scripts/suites/65_badinput.sh), loaded after
-- fixture.sql. The calls are generated from the catalog: every function of
-- the extension that can be called (trigger functions cannot: PostgreSQL
-- refuses to call them outside a trigger) is called once with the valid
-- values of badinput.baseline, then once for each argument with each bad
-- value of that argument's type, the other arguments valid.
--
-- Each call runs in a subtransaction that is always rolled back, so every
-- call meets the same store. A call that raises must raise an allowed
-- SQLSTATE and leave every table as it was; a call that returns must leave
-- niaga.check_invariants() empty. The driver runs badinput.try(id) once per
-- call, each its own transaction, so a crash or a hang loses no result.

-- Bad values by type: an SQL expression each (NULL is added for every type).
CREATE TABLE badinput.bad_value (type regtype NOT NULL, label text NOT NULL, expression text NOT NULL);
INSERT INTO badinput.bad_value (type, label, expression) VALUES
    ('integer', '0', '0'),
    ('integer', '-1', '-1'),
    ('integer', 'max', '2147483647'),
    ('integer', 'min', '-2147483648'),
    ('numeric', '0', '0'),
    ('numeric', '-1', '-1'),
    ('numeric', 'int max', '2147483647'),
    ('numeric', 'NaN', '''NaN'''),
    ('numeric', 'Infinity', '''Infinity'''),
    ('numeric', '-Infinity', '''-Infinity'''),
    ('numeric', '3 decimals', '10.005'),
    ('numeric', 'a tenth of a sen', '0.001'),
    ('numeric', 'beyond numeric(12,2)', '10000000000.00'),
    ('numeric', 'beyond int64 sen', '99999999999999999999.99'),
    ('numeric', 'huge', '1e300'),
    ('text', 'empty', ''''''),
    ('text', 'blank', '''   '''),
    ('text', '1 MB', 'repeat(''x'', 1000000)'),
    ('text', 'unicode', '''Kopi ☕ 中文 🎉 ñ'''),
    ('text', 'quote and injection', '''x''''); DROP TABLE sales.orders; --'''),
    ('text', 'control characters', 'E''\t\n\r\x01'''),
    ('text', 'a uuid', '''10000000-0000-0000-0000-000000000005'''),
    ('uuid', 'nil', '''00000000-0000-0000-0000-000000000000'''),
    ('uuid', 'max', '''ffffffff-ffff-ffff-ffff-ffffffffffff'''),
    ('uuid', 'nonexistent', '''6f1c2b8e-3d4a-4e5f-9a0b-1c2d3e4f5a6b'''),
    ('uuid', 'another table''s id', '''30000000-0000-0000-0000-000000000001'''),
    ('jsonb', 'malformed', '''{"product_id": '''),
    ('jsonb', 'empty array', '''[]'''),
    ('jsonb', 'empty object', '''{}'''),
    ('jsonb', 'json null', '''null'''),
    ('jsonb', 'string', '''"text"'''),
    ('jsonb', 'number', '''123'''),
    ('jsonb', 'array of empty objects', '''[{}]'''),
    ('jsonb', 'null product', '''[{"product_id": null, "quantity": 1}]'''),
    ('jsonb', 'bad uuid', '''[{"product_id": "not-a-uuid", "quantity": 1, "received_quantity": 1}]'''),
    ('jsonb', 'negative quantity',
     '''[{"product_id": "22000000-0000-0000-0000-000000000004", "quantity": -1, "received_quantity": -1}]'''),
    ('jsonb', 'quantity beyond int',
     '''[{"product_id": "22000000-0000-0000-0000-000000000004", "quantity": 2147483648, "received_quantity": 2147483648}]'''),
    ('jsonb', 'fractional quantity',
     '''[{"product_id": "22000000-0000-0000-0000-000000000004", "quantity": 1.5, "received_quantity": 1.5}]'''),
    ('jsonb', 'text quantity',
     '''[{"product_id": "22000000-0000-0000-0000-000000000004", "quantity": "NaN", "received_quantity": "NaN"}]'''),
    ('jsonb', 'nested 500 deep', 'repeat(''['', 500) || ''1'' || repeat('']'', 500)'),
    ('jsonb', '10000 lines', '(SELECT jsonb_agg(jsonb_build_object(''product_id'', ''22000000-0000-0000-0000-000000000004'', '
                             '''quantity'', 1)) FROM generate_series(1, 10000))'),
    ('boolean', 'true', 'true'),
    ('boolean', 'false', 'false'),
    ('interval', '0', '''0'''),
    ('interval', 'negative', '''-1 day'''),
    ('interval', '1 microsecond', '''1 microsecond'''),
    ('interval', 'huge', '''178000000 years'''),
    ('interval', 'huge negative', '''-178000000 years'''),
    ('inet', 'any', '''0.0.0.0'''),
    ('inet', 'ipv6 loopback', '''::1'''),
    ('inet', 'broadcast', '''255.255.255.255/32'''),
    ('date', 'infinity', '''infinity'''),
    ('date', '-infinity', '''-infinity'''),
    ('date', 'first', '''4713-01-01 BC'''),
    ('date', 'last', '''5874897-12-31'''),
    ('date', 'leap day', '''2000-02-29''');

-- The functions swept: every function of the extension but the triggers.
CREATE VIEW badinput.swept AS
SELECT p.oid::regprocedure AS function, p.pronamespace::regnamespace::text AS schema, p.proname::text AS name,
       p.pronargs,
       coalesce(p.proargnames, '{}') AS argument_names, p.proargtypes::regtype[] AS argument_types
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
JOIN pg_extension e ON e.oid = d.refobjid AND e.extname = 'niaga'
WHERE p.prorettype <> 'trigger'::regtype;

-- Every call: the function, which argument is bad (0: none) with what, the
-- SQL, and once run its outcome.
CREATE TABLE badinput.calls (
    id serial PRIMARY KEY,
    function regprocedure NOT NULL,
    argument int NOT NULL,
    label text NOT NULL,
    sql text,
    outcome text,          -- ok, error, crash, hang, driver error, no baseline
    sqlstate text,
    message text,
    violations text,       -- what check_invariants() found after a call that returned
    half_done boolean      -- a failed call changed a table
);

-- The value of argument `n` (1-based) of `f` in a call, from its
-- baseline; NULL when there is none.
CREATE FUNCTION badinput.baseline_of(f badinput.swept, n int) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT b.expression FROM badinput.baseline b
    WHERE b.argument = f.argument_names[n] AND (b.function IS NULL OR b.function = f.name)
    ORDER BY b.function IS NULL LIMIT 1
$$;

-- `f` called with the baselines, argument `bad` (0: none) replaced by
-- `expression`; NULL when an argument has no baseline.
CREATE FUNCTION badinput.call_sql(f badinput.swept, bad int, expression text) RETURNS text
LANGUAGE sql STABLE AS $$
    SELECT format('SELECT count(*) FROM %s.%I(%s) AS result', f.schema, f.name,
                  string_agg(format('(%s)::%s', CASE WHEN i = bad THEN expression ELSE badinput.baseline_of(f, i) END,
                                    f.argument_types[i - 1]), ', ' ORDER BY i))
    FROM generate_series(1, f.pronargs) AS i
    HAVING count(*) FILTER (WHERE i <> bad AND badinput.baseline_of(f, i) IS NULL) = 0
$$;

INSERT INTO badinput.calls (function, argument, label, sql, outcome)
SELECT f.function, 0, 'baseline', s.sql, CASE WHEN s.sql IS NULL THEN 'no baseline' END
FROM badinput.swept f LEFT JOIN LATERAL (SELECT badinput.call_sql(f, 0, NULL) AS sql) s ON true
ORDER BY f.function::text;
INSERT INTO badinput.calls (function, argument, label, sql, outcome)
SELECT f.function, i, f.argument_names[i] || ' = ' || v.label, s.sql, CASE WHEN s.sql IS NULL THEN 'no baseline' END
FROM badinput.swept f
CROSS JOIN generate_series(1, f.pronargs) AS i
JOIN (SELECT type, label, expression FROM badinput.bad_value
      UNION ALL SELECT DISTINCT type, 'NULL', 'NULL' FROM badinput.bad_value) v ON v.type = f.argument_types[i - 1]
LEFT JOIN LATERAL (SELECT badinput.call_sql(f, i, v.expression) AS sql) s ON true
ORDER BY f.function::text, i, v.label;
-- An argument type without bad values would be swept with nothing.
INSERT INTO badinput.calls (function, argument, label, outcome)
SELECT f.function, i, f.argument_names[i] || ': no bad values for type ' || f.argument_types[i - 1], 'no baseline'
FROM badinput.swept f CROSS JOIN generate_series(1, f.pronargs) AS i
WHERE NOT EXISTS (SELECT FROM badinput.bad_value v WHERE v.type = f.argument_types[i - 1]);

-- Row count and an order-independent hash of every table of niaga's six
-- schemas (sequences are left out: nextval is not rolled back, by design).
CREATE FUNCTION badinput.checksum() RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
    tables text;
    result text;
BEGIN
    SELECT string_agg(format('SELECT %L || %L || count(*) || %L || coalesce(sum(hashtext(t::text)::numeric), 0) '
                             'FROM %s t', c.oid::regclass, ' ', ' ', c.oid::regclass), ' UNION ALL ' ORDER BY c.oid)
    INTO tables
    FROM pg_class c
    WHERE c.relnamespace::regnamespace::text IN ('auth', 'catalog', 'inventory', 'sales', 'crm', 'agent')
      AND c.relkind = 'r';
    EXECUTE 'SELECT string_agg(line, '';'' ORDER BY line) FROM (' || tables || ') AS s (line)' INTO result;
    RETURN result;
END
$$;
INSERT INTO badinput.fixture SELECT 'checksum', badinput.checksum();

-- Runs call `call_id` in a subtransaction that is always rolled back and
-- records its outcome. A statement timeout (57014, a hang) is not caught:
-- it ends the driver's statement, and the driver records it.
CREATE FUNCTION badinput.try(call_id int) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
    call badinput.calls;
    state text;
    error text;
    found text;
BEGIN
    SELECT * INTO call FROM badinput.calls WHERE id = call_id;
    BEGIN
        EXECUTE call.sql;
        SELECT string_agg(invariant || ': ' || detail, '; ') INTO found
        FROM (SELECT * FROM niaga.check_invariants() LIMIT 5) v;
        RAISE SQLSTATE 'BI000';  -- undo what the call did
    EXCEPTION
        WHEN SQLSTATE 'BI000' THEN NULL;
        WHEN OTHERS THEN
            state := SQLSTATE;
            error := SQLERRM;
    END;
    UPDATE badinput.calls
    SET outcome = CASE WHEN state IS NULL THEN 'ok' ELSE 'error' END, sqlstate = state, message = left(error, 200),
        violations = found,
        half_done = state IS NOT NULL
                    AND badinput.checksum() IS DISTINCT FROM (SELECT value FROM badinput.fixture WHERE name = 'checksum')
    WHERE id = call_id;
END
$$;

-- The SQLSTATEs a bad argument may get: niaga's business errors (class NG,
-- SPEC §12), PostgreSQL's classes for bad input — 22 data exception (22023,
-- 22003, 22P02, 22004, 22007, 22008, ...), 23 integrity constraint violation
-- (23514, 23505, 23503, 23502), 42 syntax error or access rule violation
-- (42501, 42804) — and the two §12 and the README name outside them: P0002
-- (no such row) and 55000 (the object is not in the state the call needs).
-- Anything else fails the sweep: XX000 (an internal error), 57014 (a hang),
-- 40P01, 53xxx, 58xxx, 54xxx, 0A000, ...
CREATE FUNCTION badinput.allowed(state text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT left(state, 2) IN ('NG', '22', '23', '42') OR state IN ('P0002', '55000')
$$;

-- What is wrong with a call, or NULL when it passed.
CREATE VIEW badinput.verdict AS
SELECT c.*,
       CASE WHEN c.outcome IS NULL THEN 'not run'
            WHEN c.outcome NOT IN ('ok', 'error') THEN c.outcome  -- crash, hang, driver error, no baseline
            WHEN c.outcome = 'error' AND NOT badinput.allowed(c.sqlstate) THEN 'SQLSTATE ' || c.sqlstate || ' is not allowed'
            WHEN c.half_done THEN 'the failed call changed a table'
            WHEN c.violations IS NOT NULL THEN 'invariants broken: ' || c.violations
       END AS problem
FROM badinput.calls c;
