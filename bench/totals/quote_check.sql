-- sales.quote (C++) and bench_plpgsql.quote side by side on every bench cart
-- and shipping method; bench/run.sh stops when any row differs.
CREATE VIEW bench.quote_comparison AS
SELECT right(c.id::text, 1) AS cart,
       coalesce(m.code, '(none)') AS shipping,
       n.subtotal, n.discount_amount AS discount, n.shipping_cost AS shipping_cost, n.tax_amount AS tax, n.total,
       p.total AS plpgsql_total,
       (n.subtotal, n.discount_amount, n.shipping_cost, n.tax_amount, n.total)::text
           = (p.subtotal, p.discount_amount, p.shipping_cost, p.tax_amount, p.total)::text AS same
FROM sales.carts c
CROSS JOIN (VALUES ('standard'), ('express'), ('pickup'), (NULL)) AS m (code)
CROSS JOIN LATERAL sales.quote(c.id, m.code) n
CROSS JOIN LATERAL bench_plpgsql.quote(c.id, m.code) p
WHERE c.id::text LIKE '70000000-%';

\pset footer off
SELECT * FROM bench.quote_comparison ORDER BY cart, shipping;
