SELECT public.stkhot_order_and_reserve();
