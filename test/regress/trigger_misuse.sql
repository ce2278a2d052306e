-- niaga's trigger functions attached where PostgreSQL allows it but niaga's
-- code was not written for it: to the wrong event, or to a table whose
-- columns have other types than niaga's own tables. SPEC §12: no input,
-- however bad, may crash the backend. Each must be refused with a clean
-- error (39P01 for the wrong kind of trigger), never crash the server or
-- silently do something else.
\set VERBOSITY terse

-- Runs a statement and says what happened: 'ok' or 'SQLSTATE: message'.
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE statement;
    RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
    RETURN SQLSTATE || ': ' || SQLERRM;
END
$$;

INSERT INTO catalog.products (id, sku, name, slug, base_price) VALUES
    ('d9000000-0000-0000-0000-000000000001', 'M-SKU-1', 'M Product', 'm-product', 10.00);

-- catalog.record_price_change is an AFTER UPDATE ... FOR EACH ROW trigger.
-- As a BEFORE trigger it would return no row and so cancel every update.
CREATE TEMP TABLE misuse_price (id uuid PRIMARY KEY, price numeric(12,2));
INSERT INTO misuse_price VALUES ('d9000000-0000-0000-0000-000000000001', 10.00);
CREATE TRIGGER misuse BEFORE UPDATE ON misuse_price FOR EACH ROW EXECUTE FUNCTION catalog.record_price_change('price');
SELECT split_part(pg_temp.error_of($$UPDATE misuse_price SET price = 11.00$$), ':', 1) AS sqlstate;
SELECT price FROM misuse_price;
SELECT count(*) AS history_rows FROM catalog.price_history WHERE product_id = 'd9000000-0000-0000-0000-000000000001';
DROP TRIGGER misuse ON misuse_price;

-- Column types other than niaga's: a text parent column for the hierarchy
-- trigger, an integer flag for the review trigger.
CREATE TEMP TABLE misuse_text_parent (id uuid PRIMARY KEY, parent text);
CREATE TRIGGER misuse BEFORE INSERT ON misuse_text_parent FOR EACH ROW
    EXECUTE FUNCTION niaga.reject_hierarchy_cycle('parent', 'misuse');
SELECT pg_temp.error_of($$INSERT INTO misuse_text_parent VALUES ('d9100000-0000-0000-0000-000000000001', 'not a uuid')$$) <> 'ok' AS refused;
CREATE TEMP TABLE misuse_review (id uuid PRIMARY KEY, user_id uuid, product_id uuid, is_verified_purchase integer);
CREATE TRIGGER misuse BEFORE INSERT ON misuse_review FOR EACH ROW EXECUTE FUNCTION catalog.verify_review_purchase();
SELECT pg_temp.error_of($$INSERT INTO misuse_review VALUES (
    'd9200000-0000-0000-0000-000000000001', 'd9200000-0000-0000-0000-000000000002', 'd9000000-0000-0000-0000-000000000001', 5)$$) <> 'ok' AS refused;

-- Each of these crashed the backend (SIGSEGV) before niaga checked the trigger
-- event and the types of the columns it reads and writes: all refused now.
-- record_price_change on INSERT (there is no old row) and as a statement trigger.
CREATE TRIGGER misuse AFTER INSERT ON misuse_price FOR EACH ROW EXECUTE FUNCTION catalog.record_price_change('price');
SELECT split_part(pg_temp.error_of($$INSERT INTO misuse_price VALUES ('d9000000-0000-0000-0000-000000000002', 1.00)$$), ':', 1) AS sqlstate;
DROP TRIGGER misuse ON misuse_price;
CREATE TRIGGER misuse AFTER UPDATE ON misuse_price FOR EACH STATEMENT EXECUTE FUNCTION catalog.record_price_change('price');
SELECT split_part(pg_temp.error_of($$UPDATE misuse_price SET price = 12.00$$), ':', 1) AS sqlstate;
DROP TRIGGER misuse ON misuse_price;
-- updated_at that is not a timestamptz.
CREATE TEMP TABLE misuse_text_timestamp (id uuid PRIMARY KEY, note text, updated_at text);
INSERT INTO misuse_text_timestamp VALUES ('d9300000-0000-0000-0000-000000000001', 'a', 'yesterday');
CREATE TRIGGER misuse BEFORE UPDATE ON misuse_text_timestamp FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
SELECT pg_temp.error_of($$UPDATE misuse_text_timestamp SET note = 'b'$$) <> 'ok' AS refused;
SELECT note, updated_at FROM misuse_text_timestamp;
-- Integer ids for the hierarchy, the review and the address triggers.
CREATE TEMP TABLE misuse_int_tree (id integer PRIMARY KEY, parent integer);
CREATE TRIGGER misuse BEFORE INSERT ON misuse_int_tree FOR EACH ROW
    EXECUTE FUNCTION niaga.reject_hierarchy_cycle('parent', 'misuse');
SELECT pg_temp.error_of($$INSERT INTO misuse_int_tree VALUES (1, NULL), (2, 1)$$) <> 'ok' AS refused;
CREATE TEMP TABLE misuse_int_review (id integer PRIMARY KEY, user_id integer, product_id integer, is_verified_purchase boolean);
CREATE TRIGGER misuse BEFORE INSERT ON misuse_int_review FOR EACH ROW EXECUTE FUNCTION catalog.verify_review_purchase();
SELECT pg_temp.error_of($$INSERT INTO misuse_int_review VALUES (1, 1, 1, false)$$) <> 'ok' AS refused;
CREATE TEMP TABLE misuse_int_address (id integer PRIMARY KEY, user_id integer, is_default boolean);
CREATE TRIGGER misuse BEFORE INSERT ON misuse_int_address FOR EACH ROW EXECUTE FUNCTION crm.clear_other_default_addresses();
SELECT pg_temp.error_of($$INSERT INTO misuse_int_address VALUES (1, 1, true)$$) <> 'ok' AS refused;

-- The session is still there.
SELECT 1 AS still_working;

-- Clean up.
DELETE FROM catalog.price_history WHERE product_id = 'd9000000-0000-0000-0000-000000000001';
DELETE FROM catalog.products WHERE sku = 'M-SKU-1';
