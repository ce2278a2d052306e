-- inventory: warehouses, stock levels, the movement ledger, transfers.

CREATE TABLE inventory.warehouses (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code varchar(50) NOT NULL CHECK (code <> ''),
    name varchar(255) NOT NULL,
    type varchar(20) NOT NULL DEFAULT 'warehouse' CHECK (type IN ('warehouse', 'store', 'virtual')),
    address text,
    city varchar(100),
    state varchar(100),
    postcode varchar(10),
    country varchar(100) NOT NULL DEFAULT 'Malaysia',
    phone varchar(20),
    email varchar(255),
    is_active boolean NOT NULL DEFAULT true,
    is_pickup_location boolean NOT NULL DEFAULT false,
    priority integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz
);
COMMENT ON TABLE inventory.warehouses IS
    'Stock locations; orders are served by the active live warehouse of lowest priority, then code; soft-deleted';
CREATE UNIQUE INDEX warehouses_code_live_key ON inventory.warehouses (code) WHERE deleted_at IS NULL;

CREATE TABLE inventory.stock_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    quantity integer NOT NULL DEFAULT 0 CHECK (quantity >= 0),
    reserved_quantity integer NOT NULL DEFAULT 0,
    reorder_point integer NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    reorder_quantity integer NOT NULL DEFAULT 0 CHECK (reorder_quantity >= 0),
    bin_location varchar(50),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_items_reserved_within_quantity CHECK (0 <= reserved_quantity AND reserved_quantity <= quantity),
    CONSTRAINT stock_items_warehouse_product_variant_key UNIQUE NULLS NOT DISTINCT (warehouse_id, product_id, variant_id)
);
COMMENT ON TABLE inventory.stock_items IS
    'Stock per warehouse and product/variant: quantity on hand, reserved_quantity promised to open orders';
CREATE INDEX idx_stock_items_warehouse_product ON inventory.stock_items (warehouse_id, product_id);
CREATE INDEX stock_items_product_id_idx ON inventory.stock_items (product_id, variant_id);
CREATE INDEX stock_items_variant_id_idx ON inventory.stock_items (variant_id);

CREATE TABLE inventory.stock_movements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    type varchar(20) NOT NULL
        CHECK (type IN ('receive', 'sale', 'adjustment', 'transfer_in', 'transfer_out', 'return', 'damage')),
    quantity integer NOT NULL,
    reference_type varchar(50),
    reference_id uuid,
    notes text,
    created_by uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    -- signed ledger: goods in are positive, goods out negative
    CONSTRAINT stock_movements_sign CHECK (
        quantity <> 0
        AND CASE
            WHEN type IN ('receive', 'transfer_in', 'return') THEN quantity > 0
            WHEN type IN ('sale', 'transfer_out', 'damage') THEN quantity < 0
            ELSE true
        END)
);
COMMENT ON TABLE inventory.stock_movements IS
    'Signed stock ledger (+ in, - out): for every stock item the sum of its movements equals its quantity';
CREATE INDEX stock_movements_item_idx ON inventory.stock_movements (warehouse_id, product_id, variant_id);
CREATE INDEX stock_movements_product_id_idx ON inventory.stock_movements (product_id);
CREATE INDEX stock_movements_variant_id_idx ON inventory.stock_movements (variant_id);
CREATE INDEX stock_movements_reference_idx ON inventory.stock_movements (reference_type, reference_id);

CREATE SEQUENCE inventory.transfer_number_seq;
COMMENT ON SEQUENCE inventory.transfer_number_seq IS 'Counter of TRF-YYYYMMDD-NNNNNN transfer numbers';

CREATE TABLE inventory.stock_transfers (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    transfer_number varchar(50) NOT NULL UNIQUE,
    from_warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    to_warehouse_id uuid NOT NULL REFERENCES inventory.warehouses (id),
    status varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'approved', 'in_transit', 'completed', 'cancelled')),
    notes text,
    created_by uuid,
    approved_by uuid,
    approved_at timestamptz,
    completed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT stock_transfers_distinct_warehouses CHECK (from_warehouse_id <> to_warehouse_id)
);
COMMENT ON TABLE inventory.stock_transfers IS
    'Moves of stock between warehouses: pending -> approved -> in_transit -> completed, or cancelled before dispatch';
CREATE INDEX stock_transfers_from_warehouse_id_idx ON inventory.stock_transfers (from_warehouse_id);
CREATE INDEX stock_transfers_to_warehouse_id_idx ON inventory.stock_transfers (to_warehouse_id);

CREATE TABLE inventory.stock_transfer_items (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    transfer_id uuid NOT NULL REFERENCES inventory.stock_transfers (id) ON DELETE CASCADE,
    product_id uuid NOT NULL REFERENCES catalog.products (id),
    variant_id uuid REFERENCES catalog.product_variants (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    received_quantity integer CHECK (received_quantity >= 0 AND received_quantity <= quantity),
    CONSTRAINT stock_transfer_items_line_key UNIQUE NULLS NOT DISTINCT (transfer_id, product_id, variant_id)
);
COMMENT ON TABLE inventory.stock_transfer_items IS 'Lines of a stock transfer: quantity sent, received_quantity on arrival';
CREATE INDEX stock_transfer_items_product_id_idx ON inventory.stock_transfer_items (product_id);
CREATE INDEX stock_transfer_items_variant_id_idx ON inventory.stock_transfer_items (variant_id);

-- Stock functions (SPEC §7).

CREATE FUNCTION inventory.receive_stock(warehouse_id uuid, product_id uuid, variant_id uuid, quantity integer,
                                        notes text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_receive_stock';
COMMENT ON FUNCTION inventory.receive_stock(uuid, uuid, uuid, integer, text) IS
    'Goods in from a supplier: adds to the stock item (created if missing) with a receive movement; returns its id';

CREATE FUNCTION inventory.adjust_stock(warehouse_id uuid, product_id uuid, variant_id uuid, delta integer,
                                       type text DEFAULT 'adjustment', notes text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_adjust_stock';
COMMENT ON FUNCTION inventory.adjust_stock(uuid, uuid, uuid, integer, text, text) IS
    'Count correction (adjustment) or write-off (damage, negative), never below the reserved quantity; returns the stock item id';

CREATE FUNCTION inventory.available(product_id uuid, variant_id uuid, warehouse_id uuid DEFAULT NULL)
RETURNS integer
LANGUAGE c
STABLE
AS 'MODULE_PATHNAME', 'inventory_available';
COMMENT ON FUNCTION inventory.available(uuid, uuid, uuid) IS
    'quantity - reserved_quantity at a warehouse, or summed over the active live warehouses';

CREATE FUNCTION inventory.reserve_order(order_id uuid)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_reserve_order';
COMMENT ON FUNCTION inventory.reserve_order(uuid) IS
    'Reserves an open order at the active warehouse of lowest priority (then code) covering every line; NG001 otherwise';

CREATE FUNCTION inventory.release_reservation(order_id uuid)
RETURNS boolean
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_release_reservation';
COMMENT ON FUNCTION inventory.release_reservation(uuid) IS
    'Gives an order''s reserved stock back (cancellation); idempotent, true when a reservation was released';

CREATE FUNCTION inventory.ship_reservation(order_id uuid)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_ship_reservation';
COMMENT ON FUNCTION inventory.ship_reservation(uuid) IS
    'The reserved goods of an order leave its warehouse (sale movements); returns the warehouse';

CREATE FUNCTION inventory.restock_order(order_id uuid)
RETURNS boolean
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_restock_order';
COMMENT ON FUNCTION inventory.restock_order(uuid) IS
    'Puts a shipped order''s goods back into the warehouse that shipped them (return movements); once per order';

CREATE FUNCTION inventory.create_transfer(from_warehouse uuid, to_warehouse uuid, items jsonb, notes text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_create_transfer';
COMMENT ON FUNCTION inventory.create_transfer(uuid, uuid, jsonb, text) IS
    'New pending transfer; items: [{"product_id", "variant_id", "quantity"}]';

CREATE FUNCTION inventory.approve_transfer(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_approve_transfer';
COMMENT ON FUNCTION inventory.approve_transfer(uuid) IS 'pending -> approved (NG002 otherwise)';

CREATE FUNCTION inventory.dispatch_transfer(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_dispatch_transfer';
COMMENT ON FUNCTION inventory.dispatch_transfer(uuid) IS
    'approved -> in_transit: the goods leave the source (transfer_out movements); NG001 when not available';

CREATE FUNCTION inventory.receive_transfer(id uuid, received jsonb DEFAULT NULL)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_receive_transfer';
COMMENT ON FUNCTION inventory.receive_transfer(uuid, jsonb) IS
    'in_transit -> completed: goods arrive (transfer_in); received: [{"product_id", "variant_id", "received_quantity"}]';

CREATE FUNCTION inventory.cancel_transfer(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'inventory_cancel_transfer';
COMMENT ON FUNCTION inventory.cancel_transfer(uuid) IS 'pending | approved -> cancelled (NG002 after dispatch)';

CREATE FUNCTION inventory.record_movement()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'inventory_record_movement';
COMMENT ON FUNCTION inventory.record_movement() IS
    'AFTER trigger on stock_items: every change of quantity writes its signed movement (by hand: adjustment)';

CREATE FUNCTION inventory.guard_stock()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'inventory_guard_stock';
COMMENT ON FUNCTION inventory.guard_stock() IS
    'Refuses (55000) stock writes that must go through niaga: reserved_quantity, the ledger, deleting held stock';

CREATE VIEW inventory.low_stock AS
SELECT s.id AS stock_item_id,
       s.warehouse_id,
       w.code AS warehouse_code,
       s.product_id,
       s.variant_id,
       coalesce(v.sku, p.sku) AS sku,
       s.quantity,
       s.reserved_quantity,
       s.quantity - s.reserved_quantity AS available,
       s.reorder_point,
       s.reorder_quantity
FROM inventory.stock_items s
JOIN inventory.warehouses w ON w.id = s.warehouse_id
JOIN catalog.products p ON p.id = s.product_id
LEFT JOIN catalog.product_variants v ON v.id = s.variant_id
WHERE s.quantity - s.reserved_quantity <= s.reorder_point
  AND w.deleted_at IS NULL;
COMMENT ON VIEW inventory.low_stock IS 'Stock items whose available quantity is at or below their reorder point';

CREATE TRIGGER stock_items_record_movement_insert AFTER INSERT ON inventory.stock_items
    FOR EACH ROW WHEN (NEW.quantity <> 0)
    EXECUTE FUNCTION inventory.record_movement();
CREATE TRIGGER stock_items_record_movement_update AFTER UPDATE OF quantity ON inventory.stock_items
    FOR EACH ROW WHEN (OLD.quantity <> NEW.quantity)
    EXECUTE FUNCTION inventory.record_movement();
CREATE TRIGGER stock_items_guard_reserved_insert BEFORE INSERT ON inventory.stock_items
    FOR EACH ROW WHEN (NEW.reserved_quantity <> 0)
    EXECUTE FUNCTION inventory.guard_stock('reserved');
CREATE TRIGGER stock_items_guard_reserved_update BEFORE UPDATE OF reserved_quantity ON inventory.stock_items
    FOR EACH ROW WHEN (OLD.reserved_quantity <> NEW.reserved_quantity)
    EXECUTE FUNCTION inventory.guard_stock('reserved');
CREATE TRIGGER stock_items_guard_delete BEFORE DELETE ON inventory.stock_items
    FOR EACH ROW WHEN (OLD.quantity <> 0 OR OLD.reserved_quantity <> 0)
    EXECUTE FUNCTION inventory.guard_stock('delete');
CREATE TRIGGER stock_items_guard_identity BEFORE UPDATE OF warehouse_id, product_id, variant_id ON inventory.stock_items
    FOR EACH ROW
    WHEN ((OLD.warehouse_id, OLD.product_id, OLD.variant_id) IS DISTINCT FROM
          (NEW.warehouse_id, NEW.product_id, NEW.variant_id))
    EXECUTE FUNCTION inventory.guard_stock('identity');
CREATE TRIGGER stock_items_guard_truncate BEFORE TRUNCATE ON inventory.stock_items
    FOR EACH STATEMENT EXECUTE FUNCTION inventory.guard_stock('delete');
CREATE TRIGGER stock_movements_guard_ledger BEFORE INSERT OR UPDATE OR DELETE ON inventory.stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION inventory.guard_stock('ledger');
CREATE TRIGGER stock_movements_guard_truncate BEFORE TRUNCATE ON inventory.stock_movements
    FOR EACH STATEMENT EXECUTE FUNCTION inventory.guard_stock('ledger');

CREATE TRIGGER warehouses_set_updated_at BEFORE UPDATE ON inventory.warehouses
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER stock_items_set_updated_at BEFORE UPDATE ON inventory.stock_items
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER stock_transfers_assign_number BEFORE INSERT ON inventory.stock_transfers
    FOR EACH ROW EXECUTE FUNCTION niaga.assign_document_number('transfer_number', 'TRF', 'inventory.transfer_number_seq');
CREATE TRIGGER stock_transfers_set_updated_at BEFORE UPDATE ON inventory.stock_transfers
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();

SELECT pg_catalog.pg_extension_config_dump('inventory.warehouses', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_items', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_movements', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_transfers', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.stock_transfer_items', '');
SELECT pg_catalog.pg_extension_config_dump('inventory.transfer_number_seq', '');
