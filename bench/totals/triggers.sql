-- The PL/pgSQL rules on sales.order_items, ENABLE ALWAYS so that they fire
-- under session_replication_role = replica, where niaga's own triggers do
-- not. Created disabled; bench/run.sh enables them for run B only.
CREATE TRIGGER bench_order_items_total BEFORE INSERT OR UPDATE ON sales.order_items
    FOR EACH ROW EXECUTE FUNCTION bench_plpgsql.order_item_total();
CREATE TRIGGER bench_order_items_updated AFTER UPDATE ON sales.order_items
    REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION bench_plpgsql.order_items_changed();
ALTER TABLE sales.order_items
    DISABLE TRIGGER bench_order_items_total,
    DISABLE TRIGGER bench_order_items_updated;
