SELECT public.mix_cart(:client_id);
SELECT public.mix_place(:client_id);
SELECT public.mix_pay(:client_id);
SELECT public.mix_progress(:client_id);
SELECT public.mix_expire(:client_id);
