-- After a full workload run: the mix reached every move it is meant to
-- test. One row: "ok ..." or the outcomes it never reached.
SELECT CASE WHEN missing IS NULL THEN 'ok the workload reached all ' || wanted || ' outcomes'
            ELSE 'FAIL outcomes never reached: ' || missing END
FROM (SELECT count(*) AS wanted,
             string_agg(w.step || ' ' || w.outcome, ', ') FILTER (WHERE NOT EXISTS (
                 SELECT FROM public.wl_log l WHERE l.step = w.step AND l.outcome = w.outcome)) AS missing
      FROM (VALUES ('shop', 'placed'), ('shop', 'placed twice, one order'), ('pay', 'paid'),
                   ('pay', 'paid after a repeated webhook'), ('pay', 'paid in two parts'), ('pay', 'paid in part'),
                   ('fulfil', 'processing'), ('fulfil', 'packed'), ('fulfil', 'shipped'), ('deliver', 'delivered'),
                   ('cancel', 'cancelled'), ('refund', 'refunded'), ('refund', 'refunded, restocked'),
                   ('receive', 'received'), ('receive', 'written off'), ('transfer', 'created'),
                   ('transfer', 'approved'), ('transfer', 'dispatched'), ('transfer', 'received'),
                   ('payout', 'created'), ('payout', 'completed'), ('payout', 'failed'),
                   ('expire', 'expired')) AS w (step, outcome)) s;
