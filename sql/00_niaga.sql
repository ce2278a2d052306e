-- niaga: extension-wide objects. Assembled first into niaga--1.0.sql.
\echo Use "CREATE EXTENSION niaga" to load this file. \quit

CREATE SCHEMA niaga;
CREATE SCHEMA auth;
CREATE SCHEMA catalog;
CREATE SCHEMA inventory;
CREATE SCHEMA sales;
CREATE SCHEMA crm;
CREATE SCHEMA agent;

COMMENT ON SCHEMA niaga IS 'niaga extension-wide functions (version, invariants, shared trigger functions)';
COMMENT ON SCHEMA auth IS 'Users, sessions and password resets (owned by service-auth)';
COMMENT ON SCHEMA catalog IS 'Products, variants, categories, brands and attributes (owned by service-catalog)';
COMMENT ON SCHEMA inventory IS 'Warehouses, stock levels, the movement ledger and transfers (owned by service-inventory)';
COMMENT ON SCHEMA sales IS 'Carts, orders, payments, coupons, shipping and tax (owned by service-order)';
COMMENT ON SCHEMA crm IS 'Customer profiles, addresses and wishlists (owned by service-customer)';
COMMENT ON SCHEMA agent IS 'Sales agents, commissions, targets and payouts (owned by service-agent)';

-- Nothing is granted on niaga's schemas or functions to PUBLIC unless a
-- later section grants it explicitly.
REVOKE ALL ON SCHEMA niaga, auth, catalog, inventory, sales, crm, agent FROM PUBLIC;

CREATE FUNCTION niaga.version()
RETURNS text
LANGUAGE c
STABLE
PARALLEL SAFE
AS 'MODULE_PATHNAME', 'niaga_version';
COMMENT ON FUNCTION niaga.version() IS 'Version of the loaded niaga library';

CREATE FUNCTION niaga.set_updated_at()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'niaga_set_updated_at';
COMMENT ON FUNCTION niaga.set_updated_at() IS 'BEFORE UPDATE trigger: keeps updated_at equal to now()';

CREATE FUNCTION niaga.reject_hierarchy_cycle()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'niaga_reject_hierarchy_cycle';
COMMENT ON FUNCTION niaga.reject_hierarchy_cycle() IS
    'BEFORE INSERT/UPDATE trigger (parent column, hierarchy name): raises NG030 when a row would become its own ancestor';

CREATE FUNCTION niaga.assign_document_number()
RETURNS trigger
LANGUAGE c
AS 'MODULE_PATHNAME', 'niaga_assign_document_number';
COMMENT ON FUNCTION niaga.assign_document_number() IS
    'BEFORE INSERT trigger (column, prefix, sequence): fills a NULL number column with PREFIX-YYYYMMDD-NNNNNN';
