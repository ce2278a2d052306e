-- Checkout and reservation (SPEC §3, §4, §6, §7) in PL/pgSQL, written as an
-- experienced PL/pgSQL developer would: set-based statements, rows locked
-- with SELECT ... FOR UPDATE in one fixed order, one INSERT ... SELECT for
-- the lines. Loaded after bench/totals/plpgsql.sql (schema bench_plpgsql:
-- quote, the line-total row trigger and the order-totals statement
-- trigger), which it completes into the PL/pgSQL counterpart of what niaga
-- does for a checkout:
--   triggers  sales.orders BEFORE INSERT (a new order starts pending, its
--             number, its default tax rate, a known shipping method, no
--             coupon (place_order sets it afterwards), opening totals) and AFTER
--             INSERT (the 'pending' history row); sales.order_items: the line
--             total and, per statement, the order totals; stock rows:
--             reserved_quantity written only by reserve_order (55000).
--   functions add_to_cart, place_order, reserve_order.
-- The triggers are created disabled; the benchmark enables them, with
-- niaga's own triggers disabled on the same tables (foreign keys stay
-- checked), for the plpgsql variant only. updated_at is set by the
-- statements themselves (niaga's updated_at triggers are off then).
-- Not carried over (none of it fires in the benchmarked transactions, or it
-- is a no-op there): niaga's guards on UPDATEs of orders (coupon code,
-- shipping method, repricing: place_order redoes the totals itself),
-- row-level security and shopper ownership, the ledger trigger
-- (reservations do not change quantity), the lifecycle beyond insertion,
-- agents (no agent_code in the benchmark; it is checked anyway).

-- BEFORE INSERT ON sales.orders FOR EACH ROW.
CREATE FUNCTION bench_plpgsql.orders_before_insert()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    v_tax record;
    v_base_cost numeric;
    v_threshold numeric;
BEGIN
    IF NEW.status IS DISTINCT FROM 'pending' THEN
        RAISE EXCEPTION 'invalid_status_transition: a new order starts pending, not %', NEW.status
            USING ERRCODE = 'NG002';
    END IF;
    IF NEW.coupon_code IS NOT NULL THEN
        RAISE EXCEPTION 'coupon "%" cannot be set on an order directly: coupons are applied by place_order',
            NEW.coupon_code USING ERRCODE = '22023';
    END IF;
    IF NEW.order_number IS NULL THEN
        NEW.order_number := 'ORD-' || to_char(now() AT TIME ZONE coalesce(nullif(current_setting('niaga.timezone', true), ''),
                                                             'Asia/Kuala_Lumpur'), 'YYYYMMDD')
                            || '-' || lpad(nextval('sales.order_number_seq')::text, 6, '0');
    END IF;
    IF NEW.tax_rate_id IS NULL THEN
        SELECT t.id INTO NEW.tax_rate_id FROM sales.tax_rates t WHERE t.is_default AND t.is_active;
    END IF;
    IF NEW.shipping_method IS NOT NULL THEN
        SELECT m.base_cost, m.free_shipping_threshold INTO v_base_cost, v_threshold
        FROM sales.shipping_methods m
        WHERE m.code = NEW.shipping_method AND m.deleted_at IS NULL;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'unknown shipping method "%"', NEW.shipping_method USING ERRCODE = '22023';
        END IF;
    END IF;
    -- A new order has no lines yet: §5 on an empty order.
    SELECT t.rate, t.applies_to_shipping INTO v_tax FROM sales.tax_rates t WHERE t.id = NEW.tax_rate_id;
    NEW.subtotal := 0;
    NEW.discount_amount := 0;
    NEW.coupon_discount := 0;
    NEW.shipping_cost := CASE WHEN v_base_cost IS NULL OR 0 >= v_threshold THEN 0 ELSE v_base_cost END;
    NEW.tax_amount := CASE WHEN v_tax.applies_to_shipping THEN round(NEW.shipping_cost * v_tax.rate / 100, 2)
                           ELSE 0 END;
    NEW.total := NEW.shipping_cost + NEW.tax_amount;
    RETURN NEW;
END;
$$;

-- AFTER INSERT ON sales.orders FOR EACH ROW: the history row.
CREATE FUNCTION bench_plpgsql.orders_after_insert()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    INSERT INTO sales.order_status_history (order_id, status, created_by, created_at)
    VALUES (NEW.id, NEW.status, nullif(current_setting('niaga.actor_id', true), '')::uuid, clock_timestamp());
    RETURN NULL;
END;
$$;

-- BEFORE UPDATE OF reserved_quantity ON inventory.stock_items FOR EACH ROW:
-- only reserve_order writes it.
CREATE FUNCTION bench_plpgsql.guard_reserved()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    IF current_setting('bench_plpgsql.reserving', true) IS DISTINCT FROM 'on' THEN
        RAISE EXCEPTION 'reserved_quantity is written by reserve_order only' USING ERRCODE = '55000';
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER bench_orders_before_insert BEFORE INSERT ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION bench_plpgsql.orders_before_insert();
CREATE TRIGGER bench_orders_after_insert AFTER INSERT ON sales.orders
    FOR EACH ROW EXECUTE FUNCTION bench_plpgsql.orders_after_insert();
CREATE TRIGGER bench_order_items_total BEFORE INSERT OR UPDATE ON sales.order_items
    FOR EACH ROW EXECUTE FUNCTION bench_plpgsql.order_item_total();
CREATE TRIGGER bench_order_items_inserted AFTER INSERT ON sales.order_items
    REFERENCING NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION bench_plpgsql.order_items_changed();
CREATE TRIGGER bench_order_items_updated AFTER UPDATE ON sales.order_items
    REFERENCING OLD TABLE AS old_items NEW TABLE AS new_items
    FOR EACH STATEMENT EXECUTE FUNCTION bench_plpgsql.order_items_changed();
CREATE TRIGGER bench_order_items_deleted AFTER DELETE ON sales.order_items
    REFERENCING OLD TABLE AS old_items
    FOR EACH STATEMENT EXECUTE FUNCTION bench_plpgsql.order_items_changed();
CREATE TRIGGER bench_stock_items_guard_reserved BEFORE UPDATE OF reserved_quantity ON inventory.stock_items
    FOR EACH ROW EXECUTE FUNCTION bench_plpgsql.guard_reserved();
ALTER TABLE sales.orders DISABLE TRIGGER bench_orders_before_insert, DISABLE TRIGGER bench_orders_after_insert;
ALTER TABLE sales.order_items
    DISABLE TRIGGER bench_order_items_total, DISABLE TRIGGER bench_order_items_inserted,
    DISABLE TRIGGER bench_order_items_updated, DISABLE TRIGGER bench_order_items_deleted;
ALTER TABLE inventory.stock_items DISABLE TRIGGER bench_stock_items_guard_reserved;

-- sales.add_to_cart in PL/pgSQL.
CREATE FUNCTION bench_plpgsql.add_to_cart(p_cart_id uuid, p_product_id uuid, p_variant_id uuid, p_quantity int)
RETURNS uuid
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_cart record;
    v_item record;
    v_id uuid;
BEGIN
    IF p_quantity IS NULL OR p_quantity <= 0 THEN
        RAISE EXCEPTION 'quantity must be greater than 0, got %', p_quantity USING ERRCODE = '22023';
    END IF;
    SELECT c.order_id, c.expires_at INTO v_cart FROM sales.carts c WHERE c.id = p_cart_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'cart % does not exist', p_cart_id USING ERRCODE = 'P0002';
    ELSIF v_cart.order_id IS NOT NULL THEN
        RAISE EXCEPTION 'cart % has already become an order', p_cart_id USING ERRCODE = 'NG020';
    ELSIF v_cart.expires_at <= now() THEN
        RAISE EXCEPTION 'cart % has expired', p_cart_id USING ERRCODE = 'NG020';
    END IF;
    SELECT p.sku, p.is_active AND p.deleted_at IS NULL AS product_for_sale, p.has_variants, p.base_price,
           v.id IS NOT NULL AS variant_found, v.is_active AND v.deleted_at IS NULL AS variant_for_sale, v.price
    INTO v_item
    FROM catalog.products p
    LEFT JOIN catalog.product_variants v ON v.id = p_variant_id AND v.product_id = p.id
    WHERE p.id = p_product_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'product % does not exist', p_product_id USING ERRCODE = 'P0002';
    ELSIF NOT v_item.product_for_sale THEN
        RAISE EXCEPTION 'product % is not for sale', v_item.sku USING ERRCODE = '22023';
    ELSIF p_variant_id IS NOT NULL AND NOT v_item.variant_found THEN
        RAISE EXCEPTION 'variant % of product % does not exist', p_variant_id, v_item.sku USING ERRCODE = 'P0002';
    ELSIF p_variant_id IS NOT NULL AND NOT v_item.variant_for_sale THEN
        RAISE EXCEPTION 'this variant of product % is not for sale', v_item.sku USING ERRCODE = '22023';
    ELSIF p_variant_id IS NULL AND v_item.has_variants THEN
        RAISE EXCEPTION 'product % has variants: choose one', v_item.sku USING ERRCODE = '22023';
    END IF;
    INSERT INTO sales.cart_items AS c (cart_id, product_id, variant_id, quantity, unit_price)
    VALUES (p_cart_id, p_product_id, p_variant_id, p_quantity, coalesce(v_item.price, v_item.base_price))
    ON CONFLICT (cart_id, product_id, variant_id)
    DO UPDATE SET quantity = c.quantity + EXCLUDED.quantity, unit_price = EXCLUDED.unit_price, updated_at = now()
    RETURNING c.id INTO v_id;
    RETURN v_id;
END;
$$;

-- inventory.reserve_order in PL/pgSQL: the order's lines at the active,
-- live warehouse of lowest priority (then code) that covers all of them;
-- every candidate stock row is locked first, in id order, then the choice
-- is made on what is there; NG001 naming the short SKUs.
CREATE FUNCTION bench_plpgsql.reserve_order(p_order_id uuid)
RETURNS uuid
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_order record;
    v_warehouse_id uuid;
    v_short text;
BEGIN
    SELECT o.order_number, o.status, o.warehouse_id, o.reserved_at IS NOT NULL AS reserved INTO v_order
    FROM sales.orders o WHERE o.id = p_order_id FOR NO KEY UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'order % does not exist', p_order_id USING ERRCODE = 'P0002';
    ELSIF v_order.reserved THEN
        RETURN v_order.warehouse_id;
    ELSIF v_order.status NOT IN ('pending', 'confirmed', 'processing', 'packed') THEN
        RAISE EXCEPTION 'order % is % and cannot be reserved', v_order.order_number, v_order.status
            USING ERRCODE = '22023';
    ELSIF v_order.warehouse_id IS NOT NULL THEN
        RAISE EXCEPTION 'order % already released its reservation', v_order.order_number USING ERRCODE = '22023';
    END IF;

    PERFORM 1
    FROM inventory.stock_items s
    JOIN inventory.warehouses w ON w.id = s.warehouse_id
    JOIN (SELECT DISTINCT i.product_id, i.variant_id FROM sales.order_items i WHERE i.order_id = p_order_id) d
      ON s.product_id = d.product_id AND s.variant_id IS NOT DISTINCT FROM d.variant_id
    WHERE w.is_active AND w.deleted_at IS NULL
    ORDER BY s.id
    FOR NO KEY UPDATE OF s;

    -- The first warehouse whose rows cover every line (relational division).
    WITH demand AS (
        SELECT i.product_id, i.variant_id, sum(i.quantity) AS quantity
        FROM sales.order_items i WHERE i.order_id = p_order_id
        GROUP BY i.product_id, i.variant_id)
    SELECT w.id INTO v_warehouse_id
    FROM inventory.warehouses w
    JOIN inventory.stock_items s ON s.warehouse_id = w.id
    JOIN demand d ON s.product_id = d.product_id AND s.variant_id IS NOT DISTINCT FROM d.variant_id
    WHERE w.is_active AND w.deleted_at IS NULL AND s.quantity - s.reserved_quantity >= d.quantity
    GROUP BY w.id, w.priority, w.code
    HAVING count(*) = (SELECT count(*) FROM demand)
    ORDER BY w.priority, w.code
    LIMIT 1;
    IF v_warehouse_id IS NULL THEN
        SELECT string_agg(DISTINCT i.sku, ', ') INTO v_short FROM sales.order_items i WHERE i.order_id = p_order_id;
        IF v_short IS NULL THEN
            RAISE EXCEPTION 'order % has no lines to reserve', v_order.order_number USING ERRCODE = '22023';
        END IF;
        RAISE EXCEPTION 'insufficient_stock: no warehouse can serve order % (%)', v_order.order_number, v_short
            USING ERRCODE = 'NG001';
    END IF;

    PERFORM set_config('bench_plpgsql.reserving', 'on', true);
    UPDATE inventory.stock_items s
    SET reserved_quantity = s.reserved_quantity + d.quantity, updated_at = now()
    FROM (SELECT i.product_id, i.variant_id, sum(i.quantity) AS quantity
          FROM sales.order_items i WHERE i.order_id = p_order_id
          GROUP BY i.product_id, i.variant_id) d
    WHERE s.warehouse_id = v_warehouse_id AND s.product_id = d.product_id
      AND s.variant_id IS NOT DISTINCT FROM d.variant_id;
    PERFORM set_config('bench_plpgsql.reserving', 'off', true);
    UPDATE sales.orders SET warehouse_id = v_warehouse_id, reserved_at = now(), updated_at = now()
    WHERE id = p_order_id;
    RETURN v_warehouse_id;
END;
$$;

-- sales.place_order in PL/pgSQL: the cart locked; a double submit returns the cart's order; the cart's lines at
-- current prices (for sale, not empty, not expired); the order inserted
-- (its triggers number it and write its history); the lines copied in one
-- INSERT ... SELECT (their statement trigger totals the order); then the
-- coupon locked, checked (§4, first failure wins) and used, and the totals
-- redone with its discount; the stock reserved; the cart emptied.
CREATE FUNCTION bench_plpgsql.place_order(p_cart_id uuid, p_shipping_method_code text, p_shipping_address jsonb,
                                          p_billing_address jsonb DEFAULT NULL, p_agent_code text DEFAULT NULL,
                                          p_customer_notes text DEFAULT NULL)
RETURNS sales.orders
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
    v_cart record;
    v_lines bigint;
    v_subtotal numeric;
    v_not_for_sale text;
    v_coupon sales.coupons%ROWTYPE;
    v_agent record;
    v_agent_id uuid;
    v_order sales.orders%ROWTYPE;
BEGIN
    SELECT c.user_id, c.coupon_code, c.expires_at, c.order_id INTO v_cart
    FROM sales.carts c WHERE c.id = p_cart_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'cart % does not exist', p_cart_id USING ERRCODE = 'P0002';
    ELSIF v_cart.order_id IS NOT NULL THEN  -- a double submit
        SELECT * INTO v_order FROM sales.orders o WHERE o.id = v_cart.order_id;
        RETURN v_order;
    END IF;
    SELECT count(*), sum(ci.quantity * coalesce(v.price, p.base_price)),
           (array_agg(coalesce(v.sku, p.sku) ORDER BY ci.created_at, ci.id)
                FILTER (WHERE NOT (p.is_active AND p.deleted_at IS NULL
                                   AND (v.id IS NULL OR (v.is_active AND v.deleted_at IS NULL)))))[1]
    INTO v_lines, v_subtotal, v_not_for_sale
    FROM sales.cart_items ci
    JOIN catalog.products p ON p.id = ci.product_id
    LEFT JOIN catalog.product_variants v ON v.id = ci.variant_id
    WHERE ci.cart_id = p_cart_id;
    IF v_not_for_sale IS NOT NULL THEN
        RAISE EXCEPTION 'cart line % is no longer for sale', v_not_for_sale USING ERRCODE = '22023';
    ELSIF v_cart.expires_at <= now() THEN
        RAISE EXCEPTION 'cart % has expired', p_cart_id USING ERRCODE = 'NG020';
    ELSIF v_lines = 0 THEN
        RAISE EXCEPTION 'cart % is empty', p_cart_id USING ERRCODE = 'NG020';
    END IF;
    PERFORM 1 FROM sales.shipping_methods m
    WHERE m.code = p_shipping_method_code AND m.deleted_at IS NULL AND m.is_active;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no active shipping method has code "%"', p_shipping_method_code USING ERRCODE = 'P0002';
    END IF;
    IF jsonb_typeof(p_shipping_address) IS DISTINCT FROM 'object' THEN
        RAISE EXCEPTION 'shipping_address must be a JSON object' USING ERRCODE = '22023';
    ELSIF p_billing_address IS NOT NULL AND jsonb_typeof(p_billing_address) <> 'object' THEN
        RAISE EXCEPTION 'billing_address must be a JSON object' USING ERRCODE = '22023';
    END IF;
    IF p_agent_code IS NOT NULL THEN
        SELECT a.id, a.is_active INTO v_agent FROM agent.agents a
        WHERE a.agent_code = p_agent_code AND a.deleted_at IS NULL;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no agent has code "%"', p_agent_code USING ERRCODE = 'P0002';
        ELSIF NOT v_agent.is_active THEN
            RAISE EXCEPTION 'agent % is not active', p_agent_code USING ERRCODE = '22023';
        END IF;
        v_agent_id := v_agent.id;
    END IF;

    INSERT INTO sales.orders (user_id, agent_id, shipping_method, shipping_address, billing_address, customer_notes)
    VALUES (v_cart.user_id, v_agent_id, p_shipping_method_code, p_shipping_address, p_billing_address,
            p_customer_notes)
    RETURNING id INTO v_order.id;
    INSERT INTO sales.order_items (order_id, product_id, variant_id, sku, name, variant_name, quantity, unit_price)
    SELECT v_order.id, ci.product_id, ci.variant_id, coalesce(v.sku, p.sku), p.name, v.name, ci.quantity,
           coalesce(v.price, p.base_price)
    FROM sales.cart_items ci
    JOIN catalog.products p ON p.id = ci.product_id
    LEFT JOIN catalog.product_variants v ON v.id = ci.variant_id
    WHERE ci.cart_id = p_cart_id
    ORDER BY ci.created_at, ci.id;
    IF v_cart.coupon_code IS NOT NULL THEN
        -- Every checkout with this coupon waits for its row: it is locked
        -- late, after the writes that need no lock, then checked on what
        -- the previous holder left, used, and the totals redone with the
        -- discount.
        PERFORM 1 FROM sales.coupons c
        WHERE lower(c.code) = lower(v_cart.coupon_code) AND c.deleted_at IS NULL
        FOR NO KEY UPDATE;
        v_coupon := bench_plpgsql.usable_coupon(v_cart.coupon_code, v_cart.user_id, v_subtotal);
        WITH used AS (
            UPDATE sales.coupons SET used_count = used_count + 1, updated_at = now()
            WHERE id = v_coupon.id RETURNING id)
        INSERT INTO sales.coupon_usages (coupon_id, user_id, order_id)
        SELECT id, v_cart.user_id, v_order.id FROM used;
        UPDATE sales.orders SET coupon_code = v_coupon.code WHERE id = v_order.id;
        PERFORM bench_plpgsql.recompute_orders(ARRAY[v_order.id]);
    END IF;
    PERFORM bench_plpgsql.reserve_order(v_order.id);
    WITH emptied AS (DELETE FROM sales.cart_items WHERE cart_id = p_cart_id)
    UPDATE sales.carts SET order_id = v_order.id, updated_at = now() WHERE id = p_cart_id;
    SELECT * INTO v_order FROM sales.orders o WHERE o.id = v_order.id;
    RETURN v_order;
END;
$$;
