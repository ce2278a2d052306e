-- The same rules as niaga's C++ (SPEC §4-§5), written as an experienced
-- PL/pgSQL developer would: a quote function and, for sales.order_items, a
-- BEFORE row trigger plus an AFTER statement trigger with transition tables.
-- Only the benchmark creates these; niaga never uses them.

CREATE SCHEMA bench_plpgsql;

-- The live coupon of a code that a user (NULL: a guest) may use on a
-- subtotal; the first failed check of §4 raises its NG01x.
CREATE FUNCTION bench_plpgsql.usable_coupon(p_code text, p_user_id uuid, p_subtotal numeric)
RETURNS sales.coupons
LANGUAGE plpgsql
STABLE
AS $$
DECLARE
    v_coupon sales.coupons%ROWTYPE;
    v_usages bigint;
BEGIN
    SELECT * INTO v_coupon
    FROM sales.coupons c
    WHERE lower(c.code) = lower(p_code) AND c.deleted_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'Coupon % does not exist.', p_code USING ERRCODE = 'NG010';
    ELSIF NOT v_coupon.is_active THEN
        RAISE EXCEPTION 'Coupon % is not active.', v_coupon.code USING ERRCODE = 'NG011';
    ELSIF v_coupon.starts_at > now() THEN
        RAISE EXCEPTION 'Coupon % cannot be used yet.', v_coupon.code USING ERRCODE = 'NG012';
    ELSIF v_coupon.expires_at <= now() THEN
        RAISE EXCEPTION 'Coupon % has expired.', v_coupon.code USING ERRCODE = 'NG013';
    ELSIF p_subtotal < v_coupon.min_order_amount THEN
        RAISE EXCEPTION 'Coupon % needs a minimum order of RM %: spend RM % more.',
            v_coupon.code, v_coupon.min_order_amount, v_coupon.min_order_amount - p_subtotal
            USING ERRCODE = 'NG014';
    ELSIF v_coupon.used_count >= v_coupon.usage_limit THEN
        RAISE EXCEPTION 'Coupon % has been fully redeemed.', v_coupon.code USING ERRCODE = 'NG015';
    END IF;
    IF v_coupon.per_customer_limit IS NOT NULL THEN
        IF p_user_id IS NULL THEN
            RAISE EXCEPTION 'Coupon % is for signed-in customers only.', v_coupon.code USING ERRCODE = 'NG016';
        END IF;
        SELECT count(*) INTO v_usages
        FROM sales.coupon_usages u
        WHERE u.coupon_id = v_coupon.id AND u.user_id = p_user_id;
        IF v_usages >= v_coupon.per_customer_limit THEN
            RAISE EXCEPTION 'Coupon % can be used % time(s) per customer and you have used it %.',
                v_coupon.code, v_coupon.per_customer_limit, v_usages USING ERRCODE = 'NG016';
        END IF;
    END IF;
    RETURN v_coupon;
END;
$$;

-- sales.quote, in PL/pgSQL: the cart at the catalog's current prices, its
-- coupon (checked as §4, first failure wins), a shipping method and the
-- active default tax rate.
CREATE FUNCTION bench_plpgsql.quote(p_cart_id uuid, p_shipping_method_code text)
RETURNS TABLE (subtotal numeric, discount_amount numeric, shipping_cost numeric, tax_amount numeric, total numeric)
LANGUAGE plpgsql
STABLE
ROWS 1
AS $$
DECLARE
    v_cart sales.carts%ROWTYPE;
    v_coupon sales.coupons%ROWTYPE;
    v_method record;
    v_tax record;
    v_lines bigint;
    v_not_for_sale text;
    v_subtotal numeric;
    v_discount numeric := 0.00;
    v_shipping numeric := 0.00;
    v_tax_amount numeric := 0.00;
BEGIN
    IF p_cart_id IS NULL THEN
        RAISE EXCEPTION 'cart_id must not be NULL' USING ERRCODE = '22023';
    END IF;
    SELECT * INTO v_cart FROM sales.carts c WHERE c.id = p_cart_id;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'cart % does not exist', p_cart_id USING ERRCODE = 'P0002';
    END IF;
    IF v_cart.order_id IS NOT NULL THEN
        RAISE EXCEPTION 'cart % already became order %', p_cart_id, v_cart.order_id USING ERRCODE = 'NG020';
    END IF;
    IF v_cart.expires_at <= now() THEN
        RAISE EXCEPTION 'cart % has expired', p_cart_id USING ERRCODE = 'NG020';
    END IF;

    SELECT count(*),
           sum(ci.quantity * coalesce(v.price, p.base_price)),
           (array_agg(coalesce(v.sku, p.sku) ORDER BY ci.created_at, ci.id)
                FILTER (WHERE NOT (p.is_active AND p.deleted_at IS NULL
                                   AND (v.id IS NULL OR (v.is_active AND v.deleted_at IS NULL)))))[1]
    INTO v_lines, v_subtotal, v_not_for_sale
    FROM sales.cart_items ci
    JOIN catalog.products p ON p.id = ci.product_id
    LEFT JOIN catalog.product_variants v ON v.id = ci.variant_id
    WHERE ci.cart_id = p_cart_id;
    IF v_lines = 0 THEN
        RAISE EXCEPTION 'cart % is empty', p_cart_id USING ERRCODE = 'NG020';
    END IF;
    IF v_not_for_sale IS NOT NULL THEN
        RAISE EXCEPTION 'cart line % is no longer for sale', v_not_for_sale USING ERRCODE = '22023';
    END IF;

    IF v_cart.coupon_code IS NOT NULL THEN
        v_coupon := bench_plpgsql.usable_coupon(v_cart.coupon_code, v_cart.user_id, v_subtotal);
        -- round(numeric, 2) rounds half away from zero; least() skips a NULL cap.
        v_discount := least(CASE v_coupon.type
                                WHEN 'percentage' THEN least(round(v_subtotal * v_coupon.value / 100, 2),
                                                             v_coupon.max_discount)
                                ELSE v_coupon.value
                            END,
                            v_subtotal);
    END IF;

    IF p_shipping_method_code IS NOT NULL THEN
        SELECT m.base_cost, m.free_shipping_threshold INTO v_method
        FROM sales.shipping_methods m
        WHERE m.code = p_shipping_method_code AND m.deleted_at IS NULL AND m.is_active;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'no active shipping method has code "%"', p_shipping_method_code
                USING ERRCODE = 'P0002';
        END IF;
        v_shipping := CASE WHEN v_subtotal - v_discount >= v_method.free_shipping_threshold THEN 0.00
                           ELSE v_method.base_cost END;
    END IF;

    SELECT t.rate, t.applies_to_shipping INTO v_tax
    FROM sales.tax_rates t
    WHERE t.is_default AND t.is_active;
    IF FOUND THEN
        v_tax_amount := round((v_subtotal - v_discount
                               + CASE WHEN v_tax.applies_to_shipping THEN v_shipping ELSE 0 END) * v_tax.rate / 100, 2);
    END IF;

    -- numeric(12,2) raises 22003 when an amount does not fit.
    subtotal := v_subtotal::numeric(12,2);
    discount_amount := v_discount::numeric(12,2);
    shipping_cost := v_shipping::numeric(12,2);
    tax_amount := v_tax_amount::numeric(12,2);
    total := (v_subtotal - v_discount + v_shipping + v_tax_amount)::numeric(12,2);
    RETURN NEXT;
END;
$$;

-- BEFORE INSERT OR UPDATE FOR EACH ROW: the line total.
CREATE FUNCTION bench_plpgsql.order_item_total()
RETURNS trigger
LANGUAGE plpgsql
AS $$
BEGIN
    NEW.total_price := NEW.quantity * NEW.unit_price;
    RETURN NEW;
END;
$$;

-- The §5 totals of the orders named, recomputed set-based and written
-- (every one, changed or not, as niaga does), the orders locked first in id
-- order; the lines of a reserved order are frozen (55000). Used by the
-- statement trigger below and by place_order once its coupon is used.
-- plan_cache_mode: the statements take the order ids as an array, and the
-- plan cache would plan them again on every call (a custom plan looks
-- cheaper than the generic one for an array of unknown length); niaga
-- prepares its statements for generic plans, and so does this.
CREATE FUNCTION bench_plpgsql.recompute_orders(p_order_ids uuid[])
RETURNS void
LANGUAGE plpgsql
SET plan_cache_mode = force_generic_plan
AS $$
DECLARE
    v_frozen text;
BEGIN
    -- Lock the orders in id order; a reserved order's lines are frozen (55000).
    SELECT string_agg(order_number, ', ') FILTER (WHERE reserved) INTO v_frozen
    FROM (SELECT o.order_number, o.reserved_at IS NOT NULL AS reserved
          FROM sales.orders o WHERE o.id = ANY (p_order_ids) ORDER BY o.id FOR NO KEY UPDATE) locked;
    IF v_frozen IS NOT NULL THEN
        RAISE EXCEPTION 'the lines of order % cannot change: its stock has been reserved', v_frozen
            USING ERRCODE = '55000';
    END IF;

    -- Each order's lines and coupon read through its own index lookups
    -- (LATERAL), so the plan holds whatever the number of orders and the
    -- size of the tables.
    WITH lines AS (
        SELECT o.id, o.shipping_method, o.tax_rate_id, coalesce(s.subtotal, 0) AS subtotal
        FROM sales.orders o
        LEFT JOIN LATERAL (SELECT sum(i.total_price) AS subtotal
                           FROM sales.order_items i WHERE i.order_id = o.id) s ON true
        WHERE o.id = ANY (p_order_ids)
    ), discounted AS (
        SELECT l.*, coalesce(c.discount, 0) AS discount
        FROM lines l
        LEFT JOIN LATERAL (
            -- round(numeric, 2) rounds half away from zero; least() skips a NULL cap
            SELECT CASE WHEN c.type = 'percentage'
                            THEN least(round(l.subtotal * c.value / 100, 2), c.max_discount, l.subtotal)
                        ELSE least(c.value, l.subtotal)
                   END AS discount
            FROM sales.coupon_usages u
            JOIN sales.coupons c ON c.id = u.coupon_id
            WHERE u.order_id = l.id) c ON true
    ), shipped AS (
        SELECT d.*,
               CASE WHEN m.base_cost IS NULL THEN 0
                    WHEN d.subtotal - d.discount >= m.free_shipping_threshold THEN 0
                    ELSE m.base_cost
               END AS shipping
        FROM discounted d
        LEFT JOIN LATERAL (SELECT sm.base_cost, sm.free_shipping_threshold
                           FROM sales.shipping_methods sm
                           WHERE sm.code = d.shipping_method
                           ORDER BY sm.deleted_at IS NOT NULL, sm.deleted_at DESC
                           LIMIT 1) m ON true
    ), taxed AS (
        SELECT s.*,
               coalesce(round((s.subtotal - s.discount + CASE WHEN t.applies_to_shipping THEN s.shipping ELSE 0 END)
                              * t.rate / 100, 2), 0) AS tax
        FROM shipped s
        LEFT JOIN sales.tax_rates t ON t.id = s.tax_rate_id
    )
    UPDATE sales.orders o
    SET subtotal = x.subtotal,
        discount_amount = x.discount,
        coupon_discount = x.discount,
        shipping_cost = x.shipping,
        tax_amount = x.tax,
        total = x.subtotal - x.discount + x.shipping + x.tax,
        updated_at = now()
    FROM taxed x
    WHERE o.id = x.id;
END;
$$;

-- AFTER INSERT / UPDATE / DELETE FOR EACH STATEMENT with transition tables
-- new_items / old_items: recomputes every affected order once, set-based.
-- Like niaga's C++ it locks the orders in id order first, then writes every
-- affected order (no "skip when unchanged" shortcut in either).
CREATE FUNCTION bench_plpgsql.order_items_changed()
RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
    v_order_ids uuid[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT order_id) INTO v_order_ids FROM new_items;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT order_id) INTO v_order_ids FROM old_items;
    ELSE
        SELECT array_agg(order_id) INTO v_order_ids
        FROM (SELECT order_id FROM new_items UNION SELECT order_id FROM old_items) changed;
    END IF;
    IF v_order_ids IS NULL THEN
        RETURN NULL;
    END IF;

    PERFORM bench_plpgsql.recompute_orders(v_order_ids);
    RETURN NULL;
END;
$$;
