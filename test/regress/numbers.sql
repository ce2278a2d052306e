-- Order, transfer and payout numbers (SPEC §3) and the niaga.timezone
-- setting they date by.
--
-- The whole test runs in one transaction that is rolled back at the end, so
-- it leaves no rows behind in the shared regression database; ON_ERROR_ROLLBACK
-- lets a statement fail (its SQLSTATE is echoed after it) without ending the
-- transaction. Dates are never printed: they are compared with the date of
-- now() in the zone they should follow, so the output is the same every day.
-- The sequences' positions are saved and restored (setval is not transactional).

\set SHOW_CONTEXT never

-- niaga's settings exist once its library is loaded; any niaga function loads it.
SELECT niaga.version() IS NOT NULL AS library_loaded;
SHOW niaga.timezone;

SELECT last_value AS ord_last, is_called AS ord_called FROM sales.order_number_seq \gset
SELECT last_value AS trf_last, is_called AS trf_called FROM inventory.transfer_number_seq \gset
SELECT last_value AS pay_last, is_called AS pay_called FROM agent.payout_number_seq \gset

BEGIN;
\set ON_ERROR_ROLLBACK on

-- ---------------------------------------------------------------------------
-- sales.next_order_number(): ORD-YYYYMMDD-NNNNNN, business date in
-- Asia/Kuala_Lumpur, counter from sales.order_number_seq, zero-padded to 6.
-- ---------------------------------------------------------------------------

SELECT sales.next_order_number() AS first_number \gset
SELECT :'first_number' ~ '^ORD-[0-9]{8}-[0-9]{6,}$' AS well_formed,
       split_part(:'first_number', '-', 2) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD') AS kl_date,
       split_part(:'first_number', '-', 3) = lpad(currval('sales.order_number_seq')::text, 6, '0') AS counter_padded;

-- Consecutive calls take consecutive counters.
SELECT sales.next_order_number() AS second_number \gset
SELECT split_part(:'second_number', '-', 3)::bigint - split_part(:'first_number', '-', 3)::bigint AS step;

-- Small counters are padded to six digits.
SELECT setval('sales.order_number_seq', 41, false);
SELECT split_part(sales.next_order_number(), '-', 3) AS counter_42;

-- The millionth order has a 7-digit counter: padded to at least 6, never truncated.
SELECT setval('sales.order_number_seq', 999998);
SELECT split_part(sales.next_order_number(), '-', 3) AS counter_999999;
SELECT sales.next_order_number() AS millionth \gset
SELECT split_part(:'millionth', '-', 3) AS counter_1000000,
       :'millionth' ~ '^ORD-[0-9]{8}-1000000$' AS well_formed,
       length(:'millionth') AS length;
SELECT split_part(sales.next_order_number(), '-', 3) AS counter_1000001;
SELECT setval('sales.order_number_seq', 123456789012);
SELECT split_part(sales.next_order_number(), '-', 3) AS counter_123456789013;

-- ---------------------------------------------------------------------------
-- The BEFORE INSERT trigger numbers orders whose order_number is NULL and keeps
-- a client-supplied number; the unique constraint guards duplicates.
-- ---------------------------------------------------------------------------

SELECT setval('sales.order_number_seq', 500);

-- order_number left out, and order_number given as NULL
INSERT INTO sales.orders (id) VALUES ('a0000000-0000-0000-0000-000000000001');
INSERT INTO sales.orders (id, order_number) VALUES ('a0000000-0000-0000-0000-000000000002', NULL);
SELECT id, split_part(order_number, '-', 1) AS prefix, split_part(order_number, '-', 3) AS counter,
       split_part(order_number, '-', 2) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD') AS kl_date
FROM sales.orders WHERE id::text LIKE 'a0000000-%' ORDER BY id;

-- several orders in one statement get distinct consecutive numbers
INSERT INTO sales.orders (id)
SELECT ('a0000000-0000-0000-0000-00000000001' || g)::uuid FROM generate_series(1, 3) g;
SELECT count(*) AS orders, count(DISTINCT order_number) AS distinct_numbers,
       min(split_part(order_number, '-', 3)) AS first_counter, max(split_part(order_number, '-', 3)) AS last_counter
FROM sales.orders WHERE id::text LIKE 'a0000000-0000-0000-0000-00000000001_';

-- a client-supplied number is kept as given and takes no counter
INSERT INTO sales.orders (id, order_number) VALUES ('a0000000-0000-0000-0000-000000000003', 'ORD-20250101-777777');
SELECT order_number FROM sales.orders WHERE id = 'a0000000-0000-0000-0000-000000000003';
SELECT currval('sales.order_number_seq') AS counter_unchanged;
SELECT split_part(sales.next_order_number(), '-', 3) AS next_counter;

-- duplicates of a client-supplied number and of a generated number are refused
INSERT INTO sales.orders (id, order_number) VALUES ('a0000000-0000-0000-0000-000000000004', 'ORD-20250101-777777');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
-- (terse: the DETAIL would print the generated number, whose date changes daily)
SELECT order_number AS generated_number FROM sales.orders WHERE id = 'a0000000-0000-0000-0000-000000000001' \gset
\set VERBOSITY terse
INSERT INTO sales.orders (id, order_number) VALUES ('a0000000-0000-0000-0000-000000000004', :'generated_number');
\echo SQLSTATE :LAST_ERROR_SQLSTATE
\set VERBOSITY default
SELECT count(*) AS orders_with_id_4 FROM sales.orders WHERE id = 'a0000000-0000-0000-0000-000000000004';

-- ---------------------------------------------------------------------------
-- Transfers (TRF-) and payouts (PAY-) are numbered the same way.
-- ---------------------------------------------------------------------------

INSERT INTO inventory.warehouses (id, code, name) VALUES
    ('a1000000-0000-0000-0000-000000000001', 'NUM-WH-A', 'Numbers test warehouse A'),
    ('a1000000-0000-0000-0000-000000000002', 'NUM-WH-B', 'Numbers test warehouse B');

INSERT INTO inventory.stock_transfers (id, from_warehouse_id, to_warehouse_id)
VALUES ('a2000000-0000-0000-0000-000000000001', 'a1000000-0000-0000-0000-000000000001',
        'a1000000-0000-0000-0000-000000000002');
SELECT transfer_number ~ '^TRF-[0-9]{8}-[0-9]{6,}$' AS well_formed,
       split_part(transfer_number, '-', 2) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD') AS kl_date,
       split_part(transfer_number, '-', 3) = lpad(currval('inventory.transfer_number_seq')::text, 6, '0') AS counter_padded
FROM inventory.stock_transfers WHERE id = 'a2000000-0000-0000-0000-000000000001';

SELECT setval('inventory.transfer_number_seq', 999999, false);
INSERT INTO inventory.stock_transfers (id, from_warehouse_id, to_warehouse_id, transfer_number) VALUES
    ('a2000000-0000-0000-0000-000000000002', 'a1000000-0000-0000-0000-000000000001',
     'a1000000-0000-0000-0000-000000000002', NULL),
    ('a2000000-0000-0000-0000-000000000003', 'a1000000-0000-0000-0000-000000000002',
     'a1000000-0000-0000-0000-000000000001', NULL),
    ('a2000000-0000-0000-0000-000000000004', 'a1000000-0000-0000-0000-000000000001',
     'a1000000-0000-0000-0000-000000000002', 'TRF-CLIENT-1');
SELECT id, split_part(transfer_number, '-', 1) AS prefix,
       CASE WHEN transfer_number LIKE 'TRF-CLIENT%' THEN transfer_number ELSE split_part(transfer_number, '-', 3) END
           AS counter_or_number
FROM inventory.stock_transfers WHERE id::text LIKE 'a2000000-%' AND id <> 'a2000000-0000-0000-0000-000000000001'
ORDER BY id;
INSERT INTO inventory.stock_transfers (id, from_warehouse_id, to_warehouse_id, transfer_number)
VALUES ('a2000000-0000-0000-0000-000000000005', 'a1000000-0000-0000-0000-000000000001',
        'a1000000-0000-0000-0000-000000000002', 'TRF-CLIENT-1');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

INSERT INTO auth.users (id, email, password_hash, role)
VALUES ('a3000000-0000-0000-0000-000000000001', 'numbers.agent@example.com', 'x', 'agent');
INSERT INTO agent.agents (id, user_id, agent_code)
VALUES ('a4000000-0000-0000-0000-000000000001', 'a3000000-0000-0000-0000-000000000001', 'NUM-AGENT');

INSERT INTO agent.payouts (id, agent_id, amount, payment_method)
VALUES ('a5000000-0000-0000-0000-000000000001', 'a4000000-0000-0000-0000-000000000001', 10.00, 'bank_transfer');
SELECT payout_number ~ '^PAY-[0-9]{8}-[0-9]{6,}$' AS well_formed,
       split_part(payout_number, '-', 2) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD') AS kl_date,
       split_part(payout_number, '-', 3) = lpad(currval('agent.payout_number_seq')::text, 6, '0') AS counter_padded
FROM agent.payouts WHERE id = 'a5000000-0000-0000-0000-000000000001';

SELECT setval('agent.payout_number_seq', 999999, false);
INSERT INTO agent.payouts (id, agent_id, amount, payment_method, payout_number) VALUES
    ('a5000000-0000-0000-0000-000000000002', 'a4000000-0000-0000-0000-000000000001', 20.00, 'ewallet', NULL),
    ('a5000000-0000-0000-0000-000000000003', 'a4000000-0000-0000-0000-000000000001', 30.00, 'cheque', NULL),
    ('a5000000-0000-0000-0000-000000000004', 'a4000000-0000-0000-0000-000000000001', 40.00, 'cheque',
     'PAY-CLIENT-1');
SELECT id, split_part(payout_number, '-', 1) AS prefix,
       CASE WHEN payout_number LIKE 'PAY-CLIENT%' THEN payout_number ELSE split_part(payout_number, '-', 3) END
           AS counter_or_number
FROM agent.payouts WHERE id::text LIKE 'a5000000-%' AND id <> 'a5000000-0000-0000-0000-000000000001'
ORDER BY id;
INSERT INTO agent.payouts (id, agent_id, amount, payment_method, payout_number)
VALUES ('a5000000-0000-0000-0000-000000000005', 'a4000000-0000-0000-0000-000000000001', 50.00, 'cheque',
        'PAY-CLIENT-1');
\echo SQLSTATE :LAST_ERROR_SQLSTATE

-- ---------------------------------------------------------------------------
-- niaga.timezone: default Asia/Kuala_Lumpur, zone names validated,
-- superuser-only, and the date in every number follows it.
-- ---------------------------------------------------------------------------

SELECT current_setting('niaga.timezone') AS default_zone,
       (SELECT context FROM pg_settings WHERE name = 'niaga.timezone') AS context;

SET niaga.timezone = 'Mars/Olympus_Mons';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SET niaga.timezone = '';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SHOW niaga.timezone;

-- Kiritimati (UTC+14) and Pago Pago (UTC-11) are 25 hours apart: their dates
-- always differ, and each number carries the date of its zone.
SET niaga.timezone = 'Pacific/Kiritimati';
SHOW niaga.timezone;
SELECT sales.next_order_number() AS east_number \gset
INSERT INTO inventory.stock_transfers (id, from_warehouse_id, to_warehouse_id)
VALUES ('a2000000-0000-0000-0000-000000000006', 'a1000000-0000-0000-0000-000000000001',
        'a1000000-0000-0000-0000-000000000002');
INSERT INTO agent.payouts (id, agent_id, amount, payment_method)
VALUES ('a5000000-0000-0000-0000-000000000006', 'a4000000-0000-0000-0000-000000000001', 60.00, 'cheque');
SELECT split_part(:'east_number', '-', 2) = to_char(now() AT TIME ZONE 'Pacific/Kiritimati', 'YYYYMMDD') AS ord_east,
       (SELECT split_part(transfer_number, '-', 2) FROM inventory.stock_transfers
         WHERE id = 'a2000000-0000-0000-0000-000000000006')
           = to_char(now() AT TIME ZONE 'Pacific/Kiritimati', 'YYYYMMDD') AS trf_east,
       (SELECT split_part(payout_number, '-', 2) FROM agent.payouts
         WHERE id = 'a5000000-0000-0000-0000-000000000006')
           = to_char(now() AT TIME ZONE 'Pacific/Kiritimati', 'YYYYMMDD') AS pay_east;

SET niaga.timezone = 'Pacific/Pago_Pago';
SELECT sales.next_order_number() AS west_number \gset
INSERT INTO sales.orders (id) VALUES ('a0000000-0000-0000-0000-000000000005');
SELECT split_part(:'west_number', '-', 2) = to_char(now() AT TIME ZONE 'Pacific/Pago_Pago', 'YYYYMMDD') AS ord_west,
       (SELECT split_part(order_number, '-', 2) FROM sales.orders WHERE id = 'a0000000-0000-0000-0000-000000000005')
           = to_char(now() AT TIME ZONE 'Pacific/Pago_Pago', 'YYYYMMDD') AS trigger_west,
       split_part(:'east_number', '-', 2) <> split_part(:'west_number', '-', 2) AS dates_differ,
       split_part(:'east_number', '-', 2) > split_part(:'west_number', '-', 2) AS east_is_later;

RESET niaga.timezone;
SHOW niaga.timezone;
SELECT split_part(sales.next_order_number(), '-', 2) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD')
    AS back_to_kl;

-- Only a superuser may change it; anyone may read it.
CREATE ROLE niaga_numbers_clerk NOLOGIN;
SET ROLE niaga_numbers_clerk;
SELECT current_user;
SET niaga.timezone = 'UTC';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SHOW niaga.timezone;
RESET ROLE;
DROP ROLE niaga_numbers_clerk;
SELECT current_user = session_user AS back_to_superuser;

-- niaga.actor_id (any user may set it) must be a uuid or empty.
SET niaga.actor_id = 'not-a-uuid';
\echo SQLSTATE :LAST_ERROR_SQLSTATE
SET niaga.actor_id = 'a3000000-0000-0000-0000-000000000001';
SHOW niaga.actor_id;
SET niaga.actor_id = '';
SHOW niaga.actor_id;

ROLLBACK;

-- In a new session niaga's library is not loaded yet, so SET cannot check the
-- value at once: PostgreSQL keeps it as a placeholder and checks it, with the
-- privileges of the role that set it, when the library loads. A zone set by a
-- non-superuser, or an unknown zone, is then refused with a WARNING and the
-- numbers keep the Asia/Kuala_Lumpur date.
CREATE ROLE niaga_numbers_clerk NOLOGIN;
\c
SET ROLE niaga_numbers_clerk;
SET niaga.timezone = 'Pacific/Kiritimati';
RESET ROLE;
SELECT split_part(sales.next_order_number(), '-', 2) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD')
    AS kl_date;
SHOW niaga.timezone;
\c
SET niaga.timezone = 'Mars/Olympus_Mons';
SELECT split_part(sales.next_order_number(), '-', 2) = to_char(now() AT TIME ZONE 'Asia/Kuala_Lumpur', 'YYYYMMDD')
    AS kl_date;
SHOW niaga.timezone;
-- a valid zone set by a superuser before the load is kept
\c
SET niaga.timezone = 'Pacific/Kiritimati';
SELECT split_part(sales.next_order_number(), '-', 2) = to_char(now() AT TIME ZONE 'Pacific/Kiritimati', 'YYYYMMDD')
    AS kiritimati_date;
SHOW niaga.timezone;
RESET niaga.timezone;
DROP ROLE niaga_numbers_clerk;

SELECT setval('sales.order_number_seq', :ord_last, :'ord_called') IS NOT NULL AS order_sequence_restored,
       setval('inventory.transfer_number_seq', :trf_last, :'trf_called') IS NOT NULL AS transfer_sequence_restored,
       setval('agent.payout_number_seq', :pay_last, :'pay_called') IS NOT NULL AS payout_sequence_restored;
