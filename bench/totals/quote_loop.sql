-- Per-call time inside the server, without the client round trip: 20 000
-- calls in one statement, the cart id fed from a table column (a call with
-- constant arguments could be evaluated once, and Memoize is off so that
-- every row runs its call). Three rounds, the order rotating; the report
-- takes the median of each.
CREATE TEMP TABLE calls AS
SELECT '70000000-0000-0000-0000-000000000001'::uuid AS cart_id
FROM generate_series(1, 20000);
ANALYZE calls;

DO $$
DECLARE
    statements CONSTANT text[] := ARRAY[
        'SELECT count(*) FROM calls, LATERAL sales.quote(calls.cart_id, ''standard'') q',
        'SELECT count(*) FROM calls, LATERAL bench_plpgsql.quote(calls.cart_id, ''standard'') q',
        'SELECT count(*) FROM calls, LATERAL (SELECT sum(ci.quantity * coalesce(v.price, p.base_price))
                                          FROM sales.cart_items ci
                                          JOIN catalog.products p ON p.id = ci.product_id
                                          LEFT JOIN catalog.product_variants v ON v.id = ci.variant_id
                                          WHERE ci.cart_id = calls.cart_id) q'];
    labels CONSTANT text[] := ARRAY['quote_niaga', 'quote_plpgsql', 'quote_floor'];
    started timestamptz;
    cpu numeric;
    n bigint;
    which int;
BEGIN
    -- Every call must run: no Memoize node caching the result per cart id.
    SET LOCAL enable_memoize = off;
    -- warm-up: caches, plans
    FOR which IN 1..3 LOOP
        EXECUTE replace(statements[which], 'FROM calls,', 'FROM (SELECT * FROM calls LIMIT 200) calls,') INTO n;
    END LOOP;
    FOR round IN 1..3 LOOP
        FOR k IN 0..2 LOOP
            which := 1 + (round - 1 + k) % 3;
            started := clock_timestamp();
            cpu := bench.cpu_seconds();
            EXECUTE statements[which] INTO n;
            INSERT INTO bench.timings (label, round, seconds, cpu_seconds)
            VALUES (labels[which], round, extract(epoch FROM clock_timestamp() - started), bench.cpu_seconds() - cpu);
        END LOOP;
    END LOOP;
END;
$$;
