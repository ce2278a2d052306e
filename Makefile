# PGXS build: `make && make install` is the DBA's path.
# Tests: `scripts/test.sh` (see README); `make format` runs clang-format.

EXTENSION = niaga
EXTVERSION = 1.0
MODULE_big = niaga

include sources.mk

OBJS = $(NIAGA_CORE_SOURCES:.cpp=.o) $(NIAGA_PG_SOURCES:.cpp=.o)
DATA_built = sql/niaga--$(EXTVERSION).sql
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
