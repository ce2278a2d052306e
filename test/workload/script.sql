-- One pgbench transaction = one business step, drawn with these weights
-- (out of 30): shop 8, pay 6, fulfil 6, deliver 3, receive 2, cancel 1,
-- refund 1, transfer 1, payout 1, expire 1.
\set roll random(1, 30)
\if :roll <= 8
SELECT public.wl_shop();
\elif :roll <= 14
SELECT public.wl_pay();
\elif :roll <= 20
SELECT public.wl_fulfil();
\elif :roll <= 23
SELECT public.wl_deliver();
\elif :roll <= 25
SELECT public.wl_receive();
\elif :roll <= 26
SELECT public.wl_cancel();
\elif :roll <= 27
SELECT public.wl_refund();
\elif :roll <= 28
SELECT public.wl_transfer();
\elif :roll <= 29
SELECT public.wl_payout();
\else
SELECT public.wl_expire();
\endif
