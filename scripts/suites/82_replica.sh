# shellcheck shell=bash
# Suite "replica": niaga on a streaming hot standby. Sourced by
# scripts/test.sh, which provides count, PSQL, WORK, cleanup and the server
# helpers of scripts/common.sh.
#
# The suite starts its own primary (wal_level = replica) in $WORK/primary and
# a standby made with pg_basebackup -R over the primary's unix socket in
# $WORK/standby, each on its own port, and stops both at the end. On the
# primary: the demo store, three orders (one delivered, so an agent has a
# payout, one cancelled, one pending), an open cart, a session, a password
# reset and a transfer. Then:
#   - every read-only function (the extension's STABLE and IMMUTABLE ones:
#     quote, check_coupon, coupon_discount, available, upline,
#     check_invariants, cash_rounding, version, current_user_id) answers on
#     the standby exactly as on the primary;
#   - every writing function (the extension's VOLATILE ones, listed from
#     pg_proc; a new one without a call written below fails the suite),
#     called on the standby with arguments that would change data on the
#     primary, is refused with SQLSTATE 25006 (read_only_sql_transaction),
#     and the standby stays up (no backend crash in its log);
#   - the primary stops (a failover), the standby is promoted, and checkouts
#     go on there with order numbers that repeat none of the primary's
#     (sequences are WAL-logged ahead of use, so a promoted standby starts
#     past every number the primary handed out).

REPLICA_PRIMARY_SETTINGS="wal_level = replica
max_wal_senders = 4
hot_standby = on"

# On the primary, after the demo store and three orders: the first order
# delivered (its agents' commissions approved and paid out in a payout that
# stays open), one cancelled, one pending; an open cart with a coupon, a
# session, a password reset and a pending transfer.
REPLICA_PRIMARY_SQL="
SELECT sales.record_payment(o.id, 'online_banking', 'replica-test', 'REP-' || o.order_number, o.total, 'completed'),
       sales.set_order_status(o.id, 'processing'), sales.set_order_status(o.id, 'packed'),
       sales.ship_order(o.id, 'EP-REP'), sales.set_order_status(o.id, 'delivered')
FROM sales.orders AS o WHERE o.order_number = (SELECT min(order_number) FROM sales.orders);
SELECT agent.create_payout('60000000-0000-0000-0000-000000000002', 'bank_transfer');
SELECT sales.cancel_order(min(id::text)::uuid, 'changed her mind') FROM sales.orders WHERE status = 'pending';
INSERT INTO sales.carts (id, user_id, coupon_code)
VALUES ('90000000-0000-0000-0000-000000000001', '10000000-0000-0000-0000-000000000005', 'RAYA10');
SELECT sales.add_to_cart('90000000-0000-0000-0000-000000000001', '22000000-0000-0000-0000-000000000004', NULL, 3);
SELECT sales.add_to_cart('90000000-0000-0000-0000-000000000001', '22000000-0000-0000-0000-000000000001',
                         '23000000-0000-0000-0000-000000000002', 1);
CREATE TABLE public.replica_tokens AS
SELECT auth.create_session('10000000-0000-0000-0000-000000000005', 'replica-test', '127.0.0.1') AS session_token,
       auth.create_password_reset('nur.aisyah@example.com') AS reset_token;
SELECT inventory.create_transfer('30000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000002',
                                 '[{\"product_id\": \"22000000-0000-0000-0000-000000000004\", \"quantity\": 5}]',
                                 'replica-test');"

# Read-only functions: signature and a query; each query's answer on the
# standby must equal the primary's.
REPLICA_READ_ONLY="
('sales.quote(uuid,text)', \$\$SELECT * FROM sales.quote('90000000-0000-0000-0000-000000000001', 'standard')\$\$),
('sales.check_coupon(text,uuid,numeric)',
 \$\$SELECT * FROM sales.check_coupon('RAYA10', '10000000-0000-0000-0000-000000000005', 120.00)\$\$),
('sales.coupon_discount(text,uuid,numeric)',
 \$\$SELECT sales.coupon_discount('RAYA10', '10000000-0000-0000-0000-000000000005', 120.00)\$\$),
('inventory.available(uuid,uuid,uuid)',
 \$\$SELECT inventory.available('22000000-0000-0000-0000-000000000004', NULL),
           inventory.available('22000000-0000-0000-0000-000000000004', NULL, '30000000-0000-0000-0000-000000000001')\$\$),
('agent.upline(uuid)', \$\$SELECT * FROM agent.upline('60000000-0000-0000-0000-000000000002')\$\$),
('niaga.check_invariants()', \$\$SELECT 'rows: ' || count(*) FROM niaga.check_invariants()\$\$),
('sales.cash_rounding(numeric)', \$\$SELECT sales.cash_rounding(123.47)\$\$),
('niaga.version()', \$\$SELECT niaga.version()\$\$),
('niaga.current_user_id()', \$\$SELECT coalesce(niaga.current_user_id()::text, 'none')\$\$)"

# Writing functions: signature and a call that changes data on a primary.
REPLICA_WRITES="
('auth.create_session(uuid,text,inet,interval)',
 \$\$auth.create_session('10000000-0000-0000-0000-000000000005', 'standby', '127.0.0.1')\$\$),
('auth.refresh_session(text)', \$\$auth.refresh_session((SELECT session_token FROM public.replica_tokens))\$\$),
('auth.revoke_session(text)', \$\$auth.revoke_session((SELECT session_token FROM public.replica_tokens))\$\$),
('auth.create_password_reset(text)', \$\$auth.create_password_reset('nur.aisyah@example.com')\$\$),
('auth.consume_password_reset(text)', \$\$auth.consume_password_reset((SELECT reset_token FROM public.replica_tokens))\$\$),
('inventory.receive_stock(uuid,uuid,uuid,integer,text)',
 \$\$inventory.receive_stock('30000000-0000-0000-0000-000000000001', '22000000-0000-0000-0000-000000000004', NULL, 5)\$\$),
('inventory.adjust_stock(uuid,uuid,uuid,integer,text,text)',
 \$\$inventory.adjust_stock('30000000-0000-0000-0000-000000000001', '22000000-0000-0000-0000-000000000004', NULL, -1)\$\$),
('inventory.reserve_order(uuid)', \$\$inventory.reserve_order((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'))\$\$),
('inventory.release_reservation(uuid)',
 \$\$inventory.release_reservation((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'))\$\$),
('inventory.ship_reservation(uuid)',
 \$\$inventory.ship_reservation((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'))\$\$),
('inventory.restock_order(uuid)', \$\$inventory.restock_order((SELECT id FROM sales.orders WHERE status = 'delivered'))\$\$),
('inventory.create_transfer(uuid,uuid,jsonb,text)',
 \$\$inventory.create_transfer('30000000-0000-0000-0000-000000000001', '30000000-0000-0000-0000-000000000002',
                             '[{\"product_id\": \"22000000-0000-0000-0000-000000000004\", \"quantity\": 1}]')\$\$),
('inventory.approve_transfer(uuid)', \$\$inventory.approve_transfer((SELECT id FROM inventory.stock_transfers))\$\$),
('inventory.dispatch_transfer(uuid)', \$\$inventory.dispatch_transfer((SELECT id FROM inventory.stock_transfers))\$\$),
('inventory.receive_transfer(uuid,jsonb)', \$\$inventory.receive_transfer((SELECT id FROM inventory.stock_transfers))\$\$),
('inventory.cancel_transfer(uuid)', \$\$inventory.cancel_transfer((SELECT id FROM inventory.stock_transfers))\$\$),
('sales.next_order_number()', \$\$sales.next_order_number()\$\$),
('sales.redeem_coupon(uuid,text)',
 \$\$sales.redeem_coupon((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'), 'NEWUSER')\$\$),
('sales.release_coupon(uuid)', \$\$sales.release_coupon((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'))\$\$),
('sales.set_order_status(uuid,text,text)',
 \$\$sales.set_order_status((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'), 'confirmed')\$\$),
('sales.cancel_order(uuid,text)',
 \$\$sales.cancel_order((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'), 'standby')\$\$),
('sales.ship_order(uuid,text,text)',
 \$\$sales.ship_order((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'), 'EP-STANDBY')\$\$),
('sales.refund_order(uuid,text,boolean)',
 \$\$sales.refund_order((SELECT id FROM sales.orders WHERE status = 'delivered'), 'standby')\$\$),
('sales.add_to_cart(uuid,uuid,uuid,integer)',
 \$\$sales.add_to_cart('90000000-0000-0000-0000-000000000001', '22000000-0000-0000-0000-000000000004', NULL, 1)\$\$),
('sales.place_order(uuid,text,jsonb,jsonb,text,text)',
 \$\$sales.place_order('90000000-0000-0000-0000-000000000001', 'standard', '{\"city\": \"Ipoh\"}')\$\$),
('sales.expire_pending_orders(interval)', \$\$sales.expire_pending_orders('0 seconds')\$\$),
('sales.record_payment(uuid,text,text,text,numeric,text,jsonb)',
 \$\$sales.record_payment((SELECT max(id::text)::uuid FROM sales.orders WHERE status = 'pending'), 'online_banking',
                        'replica-test', 'REP-STANDBY', 1.00, 'pending')\$\$),
('agent.accrue_commissions(uuid)', \$\$agent.accrue_commissions((SELECT id FROM sales.orders WHERE status = 'delivered'))\$\$),
('agent.approve_commissions(uuid)', \$\$agent.approve_commissions((SELECT id FROM sales.orders WHERE status = 'delivered'))\$\$),
('agent.reverse_commissions(uuid)', \$\$agent.reverse_commissions((SELECT id FROM sales.orders WHERE status = 'cancelled'))\$\$),
('agent.close_targets(date)', \$\$agent.close_targets('2999-01-01')\$\$),
('agent.create_payout(uuid,text,text,text)',
 \$\$agent.create_payout('60000000-0000-0000-0000-000000000001', 'bank_transfer')\$\$),
('agent.complete_payout(uuid)', \$\$agent.complete_payout((SELECT id FROM agent.payouts))\$\$),
('agent.fail_payout(uuid,text)', \$\$agent.fail_payout((SELECT id FROM agent.payouts), 'standby')\$\$)"

# The extension's functions that are not triggers, with their volatility.
REPLICA_FUNCTIONS_SQL="
SELECT p.oid::regprocedure::text AS signature, p.provolatile <> 'v' AS read_only
FROM pg_catalog.pg_proc AS p
JOIN pg_catalog.pg_depend AS d ON d.classid = 'pg_catalog.pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
WHERE d.refobjid = (SELECT oid FROM pg_catalog.pg_extension WHERE extname = 'niaga')
  AND p.prorettype <> 'pg_catalog.trigger'::regtype"

# Each read-only query's answer, one line each: signature, then the rows.
replica_read_only_answers() {  # HOST PORT
    PGHOST=$1 PGPORT=$2 "${PSQL[@]}" -d niaga_replica -At <<SQL 2>&1
WITH calls (signature, query) AS (VALUES $REPLICA_READ_ONLY)
SELECT f.signature || ': ' || CASE WHEN c.query IS NULL THEN 'no query written in 82_replica.sh'
                                   ELSE (SELECT string_agg(x::text, ' | ')
                                         FROM unnest(xpath('/row/*/text()', query_to_xml(c.query, false, true, ''))) x)
                              END
FROM ($REPLICA_FUNCTIONS_SQL) AS f LEFT JOIN calls AS c USING (signature)
WHERE f.read_only
ORDER BY 1;
SQL
}

# Every writing function called on the standby: signature, SQLSTATE, message.
replica_write_attempts() {  # HOST PORT
    PGHOST=$1 PGPORT=$2 "${PSQL[@]}" -d niaga_replica -At <<SQL 2>&1 | sed -n 's/^NOTICE:  //p'
DO \$do\$
DECLARE
    target record;
    state text;
    message text;
BEGIN
    FOR target IN
        SELECT f.signature, c.call
        FROM ($REPLICA_FUNCTIONS_SQL) AS f
        LEFT JOIN (VALUES $REPLICA_WRITES) AS c (signature, call) USING (signature)
        WHERE NOT f.read_only
        ORDER BY 1
    LOOP
        IF target.call IS NULL THEN
            RAISE NOTICE '% none no call written in 82_replica.sh', target.signature;
            CONTINUE;
        END IF;
        BEGIN
            EXECUTE 'SELECT ' || target.call;
            state := 'none';
            message := 'it ran';
        EXCEPTION WHEN OTHERS THEN
            GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, message = MESSAGE_TEXT;
        END;
        RAISE NOTICE '% % %', target.signature, state, message;
    END LOOP;
END
\$do\$;
SQL
}

# Stops both servers, gives test.sh its exit trap back and the clients the
# main test server.
replica_stop() {  # PRIMARY STANDBY PGHOST PGPORT PGUSER
    server_stop "$2"
    server_stop "$1"
    trap cleanup EXIT
    use_clients "$3" "$4" "$5"
}

suite_replica() {
    say "replica: a streaming hot standby answers reads, refuses writes (25006), is promoted"
    local primary="$WORK/primary" standby="$WORK/standby" port ok=0 bad=0 line lsn waited=0
    local saved=("${PGHOST:-}" "${PGPORT:-}" "${PGUSER:-}") log="$WORK/replica.log"
    port=$((57000 + RANDOM % 800))
    trap "server_stop '$standby'; server_stop '$primary'; cleanup" EXIT
    server_start "$primary" "$port" "$REPLICA_PRIMARY_SETTINGS"
    local primary_host=$PGHOST
    if ! { create_database niaga_replica \
        && "${PSQL[@]}" -d niaga_replica -f "$NIAGA_ROOT/scripts/demo-data.sql" \
        && place_demo_orders niaga_replica 3 \
        && "${PSQL[@]}" -d niaga_replica -c "$REPLICA_PRIMARY_SQL"; } >"$log" 2>&1; then
        cat "$log"
        replica_stop "$primary" "$standby" "${saved[@]}"
        count replica 0 1
        return
    fi

    # The standby: a base backup over the primary's socket, its own port and
    # socket folder, primary_conninfo and standby.signal written by -R.
    prepare_data_folder "$standby"
    local standby_real
    standby_real=$(readlink -f "$standby")
    if ! as_server_user "$PG_BIN/pg_basebackup" -h "$primary_host" -p "$port" -U "$(server_user)" \
        -D "$standby_real/data" -R -X stream -c fast >>"$log" 2>&1; then
        echo "--- replica: pg_basebackup failed"
        tail -5 "$log"
        replica_stop "$primary" "$standby" "${saved[@]}"
        count replica 0 1
        return
    fi
    printf "port = %s\nunix_socket_directories = '%s'\n" "$((port + 1))" "$standby_real" \
        >>"$standby_real/data/postgresql.conf"
    server_start "$standby" "$((port + 1))"
    local standby_host=$PGHOST

    # Wait until the standby has replayed everything the primary wrote.
    lsn=$(PGHOST=$primary_host PGPORT=$port "${PSQL[@]}" -d postgres -Atc "SELECT pg_current_wal_lsn()")
    until [ "$(PGHOST=$standby_host PGPORT=$((port + 1)) "${PSQL[@]}" -d postgres -Atc \
        "SELECT pg_is_in_recovery() AND pg_last_wal_replay_lsn() >= '$lsn'")" = t ]; do
        sleep 0.2
        waited=$((waited + 1))
        [ "$waited" -lt 150 ] || { echo "--- replica: the standby did not catch up"; bad=$((bad + 1)); break; }
    done

    # Reads: the same answers on both.
    replica_read_only_answers "$primary_host" "$port" >"$WORK/replica-primary.txt" || true
    replica_read_only_answers "$standby_host" "$((port + 1))" >"$WORK/replica-standby.txt" || true
    while IFS= read -r line; do
        if [[ "$line" != *"no query written"* ]] && grep -qxF -- "$line" "$WORK/replica-primary.txt" \
            && [[ "$line" == *": "?* ]]; then
            ok=$((ok + 1))
        else
            echo "--- replica: on the standby \"$line\"; on the primary:"
            grep -F -- "${line%%: *}" "$WORK/replica-primary.txt" || true
            bad=$((bad + 1))
        fi
    done <"$WORK/replica-standby.txt"
    [ -s "$WORK/replica-standby.txt" ] || { echo "--- replica: no read-only answer"; bad=$((bad + 1)); }

    # Writes: each refused with 25006, and the standby still up.
    local crashes_before
    crashes_before=$(grep -c 'terminated by signal' "$standby_real/server.log" || true)
    replica_write_attempts "$standby_host" "$((port + 1))" >"$WORK/replica-writes.txt" || true
    while IFS= read -r line; do
        case "$line" in
            *" 25006 "*) ok=$((ok + 1)) ;;
            *) echo "--- replica: expected 25006 on the standby: $line"; bad=$((bad + 1)) ;;
        esac
    done <"$WORK/replica-writes.txt"
    if [ "$(wc -l <"$WORK/replica-writes.txt")" -gt 0 ] \
        && [ "$(grep -c 'terminated by signal' "$standby_real/server.log" || true)" -eq "$crashes_before" ] \
        && PGHOST=$standby_host PGPORT=$((port + 1)) "${PSQL[@]}" -d niaga_replica -Atc 'SELECT 1' >/dev/null; then
        ok=$((ok + 1))
    else
        echo "--- replica: no write was tried, or the standby crashed"
        bad=$((bad + 1))
    fi

    # Failover: two more orders on the primary, replayed; the primary stops,
    # the standby is promoted and takes five orders.
    local before after
    before=$(PGHOST=$primary_host PGPORT=$port place_demo_orders niaga_replica 2 2>&1) || true
    lsn=$(PGHOST=$primary_host PGPORT=$port "${PSQL[@]}" -d postgres -Atc "SELECT pg_current_wal_lsn()") || true
    waited=0
    until [ "$(PGHOST=$standby_host PGPORT=$((port + 1)) "${PSQL[@]}" -d postgres -Atc \
        "SELECT pg_last_wal_replay_lsn() >= '$lsn'")" = t ] || [ "$waited" -ge 150 ]; do
        sleep 0.2
        waited=$((waited + 1))
    done
    before=$(printf '%s\n' "$before"; PGHOST=$primary_host PGPORT=$port "${PSQL[@]}" -d niaga_replica -Atc \
        "SELECT order_number FROM sales.orders") || true
    server_stop "$primary"
    as_server_user "$PG_BIN/pg_ctl" -D "$standby_real/data" -w promote >>"$log" 2>&1 || true
    after=$(PGHOST=$standby_host PGPORT=$((port + 1)) place_demo_orders niaga_replica 5 2>&1) || true
    if [ "$(grep -c '^ORD-' <<<"$after")" -eq 5 ] \
        && [ -z "$(comm -12 <(sort -u <<<"$before") <(sort -u <<<"$after"))" ] \
        && [ "$(PGHOST=$standby_host PGPORT=$((port + 1)) "${PSQL[@]}" -d niaga_replica -Atc \
            "SELECT count(*) FROM niaga.check_invariants()")" = 0 ]; then
        ok=$((ok + 1))
        say "replica: the primary's last orders $(sort -u <<<"$before" | tail -2 | tr '\n' ' ')then the promoted standby's $(head -2 <<<"$after" | tr '\n' ' ')..."
    else
        echo "--- replica: after promotion: $after"
        echo "--- replica: the primary's orders: $(sort -u <<<"$before" | tr '\n' ' ')"
        bad=$((bad + 1))
    fi

    replica_stop "$primary" "$standby" "${saved[@]}"
    count replica "$ok" "$bad"
}
