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
