SELECT public.cpnt_order_and_redeem();
