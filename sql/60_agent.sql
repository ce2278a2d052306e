-- agent: agents and their hierarchy, override rates, targets, payouts,
-- commissions.

CREATE TABLE agent.agents (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id uuid NOT NULL REFERENCES auth.users (id),
    agent_code varchar(50) NOT NULL CHECK (agent_code <> ''),
    parent_agent_id uuid REFERENCES agent.agents (id),
    tier varchar(20) NOT NULL DEFAULT 'bronze'
        CHECK (tier IN ('bronze', 'silver', 'gold', 'platinum', 'diamond')),
    commission_rate numeric(5,2) NOT NULL DEFAULT 0 CHECK (commission_rate >= 0 AND commission_rate <= 100),
    is_active boolean NOT NULL DEFAULT true,
    joined_at timestamptz NOT NULL DEFAULT now(),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    deleted_at timestamptz,
    CHECK (parent_agent_id IS DISTINCT FROM id)
);
COMMENT ON TABLE agent.agents IS
    'Sales agents in an acyclic hierarchy (parent_agent_id, NG030 on a cycle); commission_rate in percent; soft-deleted';
CREATE UNIQUE INDEX agents_agent_code_live_key ON agent.agents (agent_code) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX agents_user_id_live_key ON agent.agents (user_id) WHERE deleted_at IS NULL;
CREATE INDEX agents_user_id_idx ON agent.agents (user_id);
CREATE INDEX agents_parent_agent_id_idx ON agent.agents (parent_agent_id);

-- Orders name their selling agent; the constraint lives here because the
-- agent schema is created after sales.
ALTER TABLE sales.orders
    ADD CONSTRAINT orders_agent_id_fkey FOREIGN KEY (agent_id) REFERENCES agent.agents (id);

CREATE TABLE agent.override_rates (
    level integer PRIMARY KEY CHECK (level >= 1),
    rate numeric(5,2) NOT NULL CHECK (rate >= 0 AND rate <= 100)
);
COMMENT ON TABLE agent.override_rates IS
    'Upline commission rates by level (1 = the selling agent''s parent); empty means no overrides';

CREATE TABLE agent.targets (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id uuid NOT NULL REFERENCES agent.agents (id),
    period_start date NOT NULL,
    period_end date NOT NULL,
    target_amount numeric(12,2) CHECK (target_amount >= 0),
    achieved_amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (achieved_amount >= 0),
    target_orders integer CHECK (target_orders >= 0),
    achieved_orders integer NOT NULL DEFAULT 0 CHECK (achieved_orders >= 0),
    status varchar(20) NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'achieved', 'missed')),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT targets_period_ordered CHECK (period_end >= period_start)
);
COMMENT ON TABLE agent.targets IS
    'Sales targets per agent and period, counted from delivered orders (business date of niaga.timezone)';
CREATE INDEX targets_agent_period_idx ON agent.targets (agent_id, period_start, period_end);

CREATE SEQUENCE agent.payout_number_seq;
COMMENT ON SEQUENCE agent.payout_number_seq IS 'Counter of PAY-YYYYMMDD-NNNNNN payout numbers';

CREATE TABLE agent.payouts (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id uuid NOT NULL REFERENCES agent.agents (id),
    payout_number varchar(50) NOT NULL UNIQUE,
    amount numeric(12,2) NOT NULL CHECK (amount > 0),
    payment_method varchar(30) NOT NULL CHECK (payment_method IN ('bank_transfer', 'ewallet', 'cheque')),
    bank_name varchar(100),
    bank_account varchar(50),
    status varchar(20) NOT NULL DEFAULT 'pending'
        CHECK (status IN ('pending', 'processing', 'completed', 'failed')),
    notes text,
    processed_at timestamptz,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE agent.payouts IS 'A payment to an agent of the commissions it gathers; amount = their sum';
CREATE INDEX payouts_agent_id_idx ON agent.payouts (agent_id, status);

CREATE TABLE agent.commissions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    agent_id uuid NOT NULL REFERENCES agent.agents (id),
    order_id uuid NOT NULL REFERENCES sales.orders (id),
    order_total numeric(12,2) NOT NULL CHECK (order_total >= 0),
    commission_rate numeric(5,2) NOT NULL CHECK (commission_rate >= 0 AND commission_rate <= 100),
    commission_amount numeric(12,2) NOT NULL,
    status varchar(20) NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'paid', 'cancelled')),
    paid_at timestamptz,
    level integer NOT NULL DEFAULT 0 CHECK (level >= 0),
    payout_id uuid REFERENCES agent.payouts (id),
    reverses_id uuid UNIQUE REFERENCES agent.commissions (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- accruals are never negative; a clawback (reverses_id set) never positive
    CONSTRAINT commissions_sign CHECK (
        CASE WHEN reverses_id IS NULL THEN commission_amount >= 0 ELSE commission_amount <= 0 END)
);
COMMENT ON TABLE agent.commissions IS
    'Commission accruals per (order, agent, level) on base = subtotal - discount, and clawbacks (reverses_id)';
CREATE UNIQUE INDEX commissions_accrual_key ON agent.commissions (order_id, agent_id, level) WHERE reverses_id IS NULL;
CREATE INDEX commissions_order_id_idx ON agent.commissions (order_id);
CREATE INDEX commissions_agent_status_idx ON agent.commissions (agent_id, status);
CREATE INDEX commissions_payout_id_idx ON agent.commissions (payout_id);

-- Commissions, targets and payouts (SPEC §9).

CREATE FUNCTION agent.upline(agent_id uuid)
RETURNS TABLE (level integer, agent_id uuid)
LANGUAGE c
STABLE
AS 'MODULE_PATHNAME', 'agent_upline';
COMMENT ON FUNCTION agent.upline(uuid) IS 'The agents above an agent: level 1 = its parent, 2 = the parent''s parent, ...';

CREATE FUNCTION agent.accrue_commissions(order_id uuid)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_accrue_commissions';
COMMENT ON FUNCTION agent.accrue_commissions(uuid) IS
    'Pending commissions of a confirmed order: the selling agent (level 0) and override levels up the upline; once each';

CREATE FUNCTION agent.approve_commissions(order_id uuid)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_approve_commissions';
COMMENT ON FUNCTION agent.approve_commissions(uuid) IS
    'Delivered order: its pending commissions become approved and the selling agent''s targets count it';

CREATE FUNCTION agent.reverse_commissions(order_id uuid)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_reverse_commissions';
COMMENT ON FUNCTION agent.reverse_commissions(uuid) IS
    'Cancelled/refunded order: unpaid commissions cancelled, paid (or in a payout) ones clawed back; targets uncounted';

CREATE FUNCTION agent.close_targets(as_of date)
RETURNS integer
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_close_targets';
COMMENT ON FUNCTION agent.close_targets(date) IS 'Active targets whose period ended before as_of become missed';

CREATE FUNCTION agent.create_payout(agent_id uuid, payment_method text, bank_name text DEFAULT NULL,
                                    bank_account text DEFAULT NULL)
RETURNS uuid
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_create_payout';
COMMENT ON FUNCTION agent.create_payout(uuid, text, text, text) IS
    'One payout (PAY- number) of the agent''s approved unpaid commissions and pending clawbacks; refuses empty or non-positive';

CREATE FUNCTION agent.complete_payout(id uuid)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_complete_payout';
COMMENT ON FUNCTION agent.complete_payout(uuid) IS 'The payout is completed; its commissions are paid';

CREATE FUNCTION agent.fail_payout(id uuid, notes text)
RETURNS void
LANGUAGE c
VOLATILE
AS 'MODULE_PATHNAME', 'agent_fail_payout';
COMMENT ON FUNCTION agent.fail_payout(uuid, text) IS 'The payout failed; its commissions are free for the next payout';

CREATE TRIGGER agents_set_updated_at BEFORE UPDATE ON agent.agents
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER agents_reject_cycle BEFORE INSERT OR UPDATE OF parent_agent_id ON agent.agents
    FOR EACH ROW EXECUTE FUNCTION niaga.reject_hierarchy_cycle('parent_agent_id', 'agent');
CREATE TRIGGER targets_set_updated_at BEFORE UPDATE ON agent.targets
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER payouts_assign_number BEFORE INSERT ON agent.payouts
    FOR EACH ROW EXECUTE FUNCTION niaga.assign_document_number('payout_number', 'PAY', 'agent.payout_number_seq');
CREATE TRIGGER payouts_set_updated_at BEFORE UPDATE ON agent.payouts
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();
CREATE TRIGGER commissions_set_updated_at BEFORE UPDATE ON agent.commissions
    FOR EACH ROW EXECUTE FUNCTION niaga.set_updated_at();

SELECT pg_catalog.pg_extension_config_dump('agent.agents', '');
SELECT pg_catalog.pg_extension_config_dump('agent.override_rates', '');
SELECT pg_catalog.pg_extension_config_dump('agent.targets', '');
SELECT pg_catalog.pg_extension_config_dump('agent.payouts', '');
SELECT pg_catalog.pg_extension_config_dump('agent.commissions', '');
SELECT pg_catalog.pg_extension_config_dump('agent.payout_number_seq', '');

-- Invariants (SPEC §13): created last, as it reads every schema.

CREATE FUNCTION niaga.check_invariants()
RETURNS TABLE (invariant text, detail text)
LANGUAGE c
STABLE
AS 'MODULE_PATHNAME', 'niaga_check_invariants';
COMMENT ON FUNCTION niaga.check_invariants() IS
    'Every invariant of SPEC section 13 checked against the data; no rows on a consistent database';
