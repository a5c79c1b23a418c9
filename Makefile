# kickoff - hand-written GNU Makefile.
#
#   make run      install what is missing, build, open the default database
#   make check    install what is missing, build, run every test, then the
#                 unit and command-line tests again under ASan+UBSan
#   make install  PREFIX=/usr/local DESTDIR=   (and make uninstall)
#   make bench | clean | compile_commands.json      V=1 shows commands

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
MANDIR  ?= $(PREFIX)/share/man
DESTDIR ?=
O       ?= build
VERSION := 0.1.0

# Debian packages the build needs, and those only the tests need.
DEB_BUILD := gcc make pkg-config libncurses-dev libsqlite3-dev \
             libjansson-dev libical-dev gettext
DEB_TEST  := check libsubunit-dev tmux jq sqlite3 cmark python3 \
             python3-icalendar groff-base man-db valgrind

CC      ?= cc
PKGS    := ncursesw sqlite3 jansson libical
WARN    := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes -Werror
CFLAGS  ?= -O2 -g
ALL_CFLAGS = -std=c11 -D_GNU_SOURCE \
             -DKICKOFF_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(PREFIX)/share/locale"' \
             $(WARN) $(CFLAGS) $(SAN) -Iinclude -I$(O) \
             $(shell pkg-config --cflags $(PKGS)) -MMD -MP
LDLIBS_CORE = $(shell pkg-config --libs sqlite3 jansson libical)
LDLIBS_TUI  = $(shell pkg-config --libs ncursesw)
LDLIBS_CHECK = $(shell pkg-config --libs check)

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Core: no curses; the unit tests link it alone.
CORE_SRC := $(wildcard src/store/*.c src/model/*.c src/export/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TUI_SRC  := $(wildcard src/tui/*.c)
MAIN_SRC := src/main.c
UNIT_SRC := $(wildcard tests/unit/*.c)

CORE_OBJ := $(CORE_SRC:%.c=$(O)/%.o) $(O)/schema.o
APP_OBJ  := $(CLI_SRC:%.c=$(O)/%.o) $(TUI_SRC:%.c=$(O)/%.o) $(MAIN_SRC:%.c=$(O)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(O)/%.o)
BIN      := $(O)/kickoff
CORE_LIB := $(O)/libkickoff.a
UNIT_BIN := $(O)/unit-tests

.PHONY: all run check check-run asan test-unit test-cli test-tui install \
        uninstall clean bench deps deps-test compile_commands.json
.DEFAULT_GOAL := all

all: $(BIN)

$(O)/%.o: %.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# schema.sql is compiled in as a C string; nothing reads the file at run time.
$(O)/schema.c: schema.sql
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q){ echo '/* generated from schema.sql */'; \
	  echo 'const char kickoff_schema_sql[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; } > $@

$(O)/schema.o: $(O)/schema.c
	$(Q)$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The unit-test runner calls every `Suite *suite_NAME(void)` the test files
# define; the list is found here so adding a suite touches one file.
$(O)/unit_suites.h: $(filter-out tests/unit/main.c,$(UNIT_SRC))
	@mkdir -p $(dir $@)
	$(Q)grep -ho 'Suite \*suite_[a-z0-9_]*(void)' $^ | sed 's/Suite \*\(.*\)(void)/SUITE(\1)/' | sort -u > $@

$(O)/tests/unit/main.o: $(O)/unit_suites.h

$(CORE_LIB): $(CORE_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(APP_OBJ) $(CORE_LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(APP_OBJ) $(CORE_LIB) $(LDLIBS_TUI) $(LDLIBS_CORE)

$(UNIT_BIN): $(UNIT_OBJ) $(CORE_LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $(UNIT_OBJ) $(CORE_LIB) $(LDLIBS_CORE) $(LDLIBS_CHECK)

# ---- set-up on a fresh Debian machine ----
# Installs the packages that are missing (as root), or names them.
define install_missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:" $$missing; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "kickoff needs these Debian packages; run as root or install them:" $$missing >&2; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call install_missing,$(DEB_BUILD))

deps-test: deps
	$(call install_missing,$(DEB_TEST))

run: deps
	$(Q)$(MAKE) --no-print-directory all
	$(BIN)

# ---- tests ----
check: deps-test
	$(Q)$(MAKE) --no-print-directory check-run

check-run: all $(UNIT_BIN)
	$(Q)$(MAKE) --no-print-directory test-unit test-cli test-tui
	@echo "== again under ASan+UBSan =="
	$(Q)$(MAKE) --no-print-directory O=$(O)/asan asan-run

test-unit: $(UNIT_BIN)
	@echo "== unit tests =="
	$(Q)CK_VERBOSITY=normal $(UNIT_BIN)

test-cli: $(BIN)
	@echo "== command-line tests =="
	$(Q)KICKOFF=$(abspath $(BIN)) bash tests/run-suite.sh tests/cli

test-tui: $(BIN)
	@echo "== screen tests =="
	$(Q)KICKOFF=$(abspath $(BIN)) bash tests/run-suite.sh tests/tui

SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan:
	$(Q)$(MAKE) --no-print-directory O=$(O)/asan asan-run

asan-run:
	$(Q)$(MAKE) --no-print-directory SAN="$(SAN_FLAGS)" CFLAGS="-O1 -g" all $(UNIT_BIN)
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 CK_FORK=no \
	  $(MAKE) --no-print-directory SAN="$(SAN_FLAGS)" CFLAGS="-O1 -g" test-unit test-cli

# bench/gen's generator: writes with SQLite directly, schema from the store.
BENCH_GEN := $(O)/bench-gen
$(BENCH_GEN): bench/gen.c $(CORE_LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) -o $@ $< $(CORE_LIB) $(LDLIBS_CORE)

bench: all $(BENCH_GEN)
	$(Q)bash bench/run

# ---- install ----
install: all
	install -d $(DESTDIR)$(BINDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/kickoff

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/kickoff

clean:
	rm -rf $(O) compile_commands.json

compile_commands.json:
	$(MAKE) clean && bear -- $(MAKE) all $(UNIT_BIN)

-include $(shell find $(O) -name '*.d' 2>/dev/null)
