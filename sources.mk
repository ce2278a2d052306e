# The one list of sources, read by the PGXS Makefile and by CMakeLists.txt.
# Keep one path per line.

# Business rules: plain C++, no PostgreSQL headers.
NIAGA_CORE_SOURCES = \
	src/core/commissions.cpp \
	src/core/coupons.cpp \
	src/core/hierarchy.cpp \
	src/core/lifecycle.cpp \
	src/core/money.cpp \
	src/core/numbering.cpp \
	src/core/stock.cpp \
	src/core/totals.cpp

# The C++/PostgreSQL boundary and the SQL-callable entry points.
NIAGA_PG_SOURCES = \
	src/pg/arrays.cpp \
	src/pg/convert.cpp \
	src/pg/function.cpp \
	src/pg/guard.cpp \
	src/pg/settings.cpp \
	src/pg/spi.cpp \
	src/pg/trigger.cpp \
	src/accounts.cpp \
	src/agents.cpp \
	src/catalog.cpp \
	src/checkout.cpp \
	src/coupons.cpp \
	src/crm.cpp \
	src/hierarchy.cpp \
	src/inventory_data.cpp \
	src/invariants.cpp \
	src/lifecycle.cpp \
	src/module.cpp \
	src/numbers.cpp \
	src/orders.cpp \
	src/payments.cpp \
	src/reservations.cpp \
	src/sales_data.cpp \
	src/stock.cpp \
	src/timestamps.cpp \
	src/transfers.cpp

# Install-script parts, concatenated in this order into sql/niaga--<version>.sql
# (the version of niaga.control; released versions are frozen in sql/released/).
NIAGA_SQL_SOURCES = \
	sql/00_niaga.sql \
	sql/10_auth.sql \
	sql/20_catalog.sql \
	sql/30_inventory.sql \
	sql/40_crm.sql \
	sql/50_sales.sql \
	sql/60_agent.sql \
	sql/90_security.sql
