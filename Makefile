# PGXS build: `make && make install` is the DBA's path.
# Tests: `scripts/test.sh` (see README); `make format` runs clang-format.

EXTENSION = niaga
# The version being built is niaga.control's default_version.
EXTVERSION = $(shell sed -n "s/^default_version = '\(.*\)'/\1/p" niaga.control)
MODULE_big = niaga

include sources.mk

OBJS = $(NIAGA_CORE_SOURCES:.cpp=.o) $(NIAGA_PG_SOURCES:.cpp=.o)
# Install scripts: the current version's is built from the parts; every
# released version's is frozen in sql/released/ (committed, never edited), and
# the upgrade scripts sql/niaga--A--B.sql are written by hand. ALTER EXTENSION
# niaga UPDATE walks them from any released version to the current one.
DATA_built = sql/niaga--$(EXTVERSION).sql
DATA = $(wildcard sql/released/niaga--*.sql) $(wildcard sql/niaga--*--*.sql)
EXTRA_CLEAN = $(DATA_built) $(OBJS:.o=.d)

PG_CONFIG ?= pg_config
PG_CPPFLAGS = -I$(srcdir)/src
# -MMD -MP: each object records the headers it read (src/**/*.d), so a
# changed header rebuilds what uses it.
PG_CXXFLAGS = -std=c++17 -Wall -Wextra -Werror=return-type -Wno-register -fwrapv -fno-strict-aliasing -MMD -MP
SHLIB_LINK += -lstdc++
# JIT inlining of C++ trigger code buys nothing and needs clang's bitcode
# flags kept in step with g++'s; build without it.
override with_llvm = no

PGXS := $(shell $(PG_CONFIG) --pgxs)
include $(PGXS)

# src/core is compiled without PostgreSQL's include path, so including a
# PostgreSQL header there fails to compile (see src/core/cpp_only.hpp).
CORE_OBJS = $(NIAGA_CORE_SOURCES:.cpp=.o)
$(CORE_OBJS): override CPPFLAGS := -I$(srcdir)/src

-include $(OBJS:.o=.d)

sql/niaga--$(EXTVERSION).sql: $(NIAGA_SQL_SOURCES) sources.mk
	cat $(NIAGA_SQL_SOURCES) > $@

CLANG_FORMAT ?= clang-format
.PHONY: format
format:
	$(CLANG_FORMAT) -i $(wildcard src/*.cpp src/*/*.cpp src/*/*.hpp test/unit/*.cpp bench/*.cpp)
