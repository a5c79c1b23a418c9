# kickoff - hand-written GNU Makefile.
#
#   make run      install what is missing, build, open the default database
#   make check    install what is missing, build, run every test, then the
#                 unit and command-line tests again under ASan+UBSan
#   make install  PREFIX=/usr/local DESTDIR=   (and make uninstall): binary,
#                 manual, Chinese catalogue, bash, zsh and fish completion
#   make deb      a Debian package in ../ (dpkg-buildpackage -us -uc -b)
#   make deb-check  build that package and run lintian on it
#   make pot      po/kickoff.pot from the sources, merged into po/*.po
#   make docs     the manual, and the screen captures of README and guide
#   make fuzz     libFuzzer harnesses (clang), FUZZ_SECONDS each (60)
#   make stress   the long reliability tests (1,000 kills, long locks)
#   make valgrind unit and command-line tests under valgrind
#   make test T=tests/cli/test_verbs.sh   one test file; make unit SUITE=store
#   make bench | clean | compile_commands.json      V=1 shows commands
#
# CC, CFLAGS, CPPFLAGS and LDFLAGS are honoured (a distribution's
# hardening flags reach every command).  STATIC=1 links SQLite, ncurses
# and jansson statically (shared by default).  WERROR=0|1: warnings are
# errors inside a git work tree and in make check, not in a tarball's or
# a package's build.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
LOCALEDIR ?= $(DATADIR)/locale
BASHCOMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHCOMPDIR ?= $(DATADIR)/zsh/vendor-completions
FISHCOMPDIR ?= $(DATADIR)/fish/vendor_completions.d
DOCDIR  ?= $(DATADIR)/doc/kickoff
DESTDIR ?=
O       ?= build
VERSION := 0.1.0

# The libraries the program links, as pkg-config-name:Debian-package;
# adding one is one word here (and its -dev package in debian/control's
# Build-Depends, which tests/package checks).
LIBS      := ncursesw:libncurses-dev sqlite3:libsqlite3-dev jansson:libjansson-dev \
             libutf8proc:libutf8proc-dev gmime-3.0:libgmime-3.0-dev
# Those only the unit tests link.
TEST_LIBS := check:check libical:libical-dev
pc_names   = $(foreach l,$(1),$(firstword $(subst :, ,$(l))))
deb_names  = $(foreach l,$(1),$(lastword $(subst :, ,$(l))))
PKGS      := $(call pc_names,$(LIBS))

# Debian packages: the build's, the tests' (make check), and those of
# one target each.
DEB_BUILD := gcc make pkg-config gettext locales $(call deb_names,$(LIBS))
DEB_TEST  := $(call deb_names,$(TEST_LIBS)) libsubunit-dev tmux jq sqlite3 cmark cmark-gfm \
             pandoc khal mandoc python3 python3-icalendar groff-base man-db util-linux procps psmisc \
             bash-completion zsh fish
DEB_FUZZ     := clang libclang-rt-14-dev
DEB_VALGRIND := valgrind
DEB_PACKAGE  := build-essential dpkg-dev debhelper fakeroot lintian

CC      ?= cc
CFLAGS  ?= -O2 -g
# Warnings are errors where the code is worked on (a git work tree, make
# check, CI); a packager's newer compiler only warns.
WERROR  ?= $(if $(wildcard .git),1,0)
WARN    := -Wall -Wextra -Wformat=2 -Wshadow -Wstrict-prototypes $(if $(filter 1,$(WERROR)),-Werror)

# pkg-config runs once, and only when a command needs its answer, so that
# `make deps` works before the libraries are there and a missing one is
# named by need_libs below rather than by pkg-config's noise.
lazy = $(eval $(1) := $$(shell $(2)))$($(1))
LIB_CFLAGS    = $(call lazy,LIB_CFLAGS,pkg-config --cflags $(PKGS) 2>/dev/null)
LIB_LIBS      = $(call lazy,LIB_LIBS,pkg-config --libs $(PKGS) 2>/dev/null)
CORE_LIBS     = $(call lazy,CORE_LIBS,pkg-config --libs $(filter-out ncursesw,$(PKGS)) 2>/dev/null)
SQLITE_LIBS   = $(call lazy,SQLITE_LIBS,pkg-config --libs sqlite3 2>/dev/null)
TEST_CFLAGS   = $(call lazy,TEST_CFLAGS,pkg-config --cflags $(call pc_names,$(TEST_LIBS)) 2>/dev/null)
TEST_LIBS_LD  = $(call lazy,TEST_LIBS_LD,pkg-config --libs $(call pc_names,$(TEST_LIBS)) 2>/dev/null)

ALL_CPPFLAGS = -D_GNU_SOURCE -DKICKOFF_VERSION='"$(VERSION)"' -DLOCALEDIR='"$(LOCALEDIR)"' \
               -Iinclude -I$(O) $(LIB_CFLAGS) $(CPPFLAGS)
ALL_CFLAGS   = -std=c11 $(WARN) $(CFLAGS) $(SAN) -MMD -MP
LDLIBS_CORE  = $(CORE_LIBS) $(LDLIBS)
LDLIBS_CHECK = $(TEST_LIBS_LD)
# Shared by default: SQLite, ncurses and jansson then take their security
# updates from Debian without a rebuild of kickoff.  STATIC=1 links their
# static archives (the same -dev packages) and saves the dynamic loader's
# work at every start (docs/performance.md has both figures).
STATIC ?= 0
LDLIBS_SHARED = $(LIB_LIBS) $(LDLIBS)
LDLIBS_STATIC = -Wl,-Bstatic $(LIB_LIBS) -Wl,-Bdynamic -lm -ldl -lpthread $(LDLIBS)
LDLIBS_BIN    = $(if $(filter 1,$(STATIC)),$(LDLIBS_STATIC),$(LDLIBS_SHARED))

# One line per missing library, naming the package, and a failure; the
# pkg-config names checked are $(1) of LIBS or TEST_LIBS.
define need_libs
	@st=0; for l in $(1); do pc=$${l%%:*}; deb=$${l#*:}; \
	  pkg-config --exists $$pc 2>/dev/null || { \
	    echo "kickoff: missing $$deb (pkg-config $$pc); run make deps" >&2; st=1; }; \
	done; exit $$st
endef

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Core: no curses; the unit tests link it alone.  From the bottom up:
# platform/ (clock, identity, locale, trace, files), model/ (pure),
# export/ (pure writers), store/, and app/ (the use cases both front ends
# call).  docs/hacking.md says which folder owns what.
CORE_SRC := $(wildcard src/platform/*.c src/model/*.c src/export/*.c src/store/*.c \
              src/store/*/*.c src/app/*.c)
CLI_SRC  := $(wildcard src/cli/*.c)
TUI_SRC  := $(wildcard src/tui/*.c)
MAIN_SRC := src/main.c
UNIT_SRC := $(wildcard tests/unit/*.c)

CORE_OBJ := $(CORE_SRC:%.c=$(O)/%.o) $(O)/schema.o $(O)/schema_rows.o
APP_OBJ  := $(CLI_SRC:%.c=$(O)/%.o) $(TUI_SRC:%.c=$(O)/%.o) $(MAIN_SRC:%.c=$(O)/%.o)
UNIT_OBJ := $(UNIT_SRC:%.c=$(O)/%.o)
BIN      := $(O)/kickoff
CORE_LIB := $(O)/libkickoff.a
UNIT_BIN := $(O)/unit-tests
FUZZ_NAMES   := $(patsubst tests/fuzz/fuzz_%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
FUZZ_REPLAY  := $(FUZZ_NAMES:%=$(O)/fuzz/replay-%)
FUZZ_BIN     := $(FUZZ_NAMES:%=$(O)/fuzz/fuzz-%)
CLI_LIB      := $(O)/libkickoff-cli.a
LINK_STAMP   := $(O)/link.stamp

.PHONY: all run check check-run asan test-unit test-cli test-tui test unit install \
        uninstall clean bench deps deps-test compile_commands.json \
        pot update-po docs locale man FORCE \
        test-reliability test-fuzz-replay fuzz fuzz-run stress valgrind valgrind-run \
        need-libs need-test-libs deps-fuzz deps-valgrind deps-package test-package \
        deb deb-check completion
.DEFAULT_GOAL := all

all: $(BIN) locale man completion

need-libs:
	$(call need_libs,$(LIBS))
need-test-libs:
	$(call need_libs,$(TEST_LIBS))

$(O)/%.o: %.c | need-libs
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The unit tests alone read Check's and libical's headers.
$(UNIT_OBJ): ALL_CPPFLAGS += $(TEST_CFLAGS)
$(UNIT_OBJ): | need-test-libs

# schema.sql is compiled in as a C string; nothing reads the file at run time.
$(O)/schema.c: schema.sql
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q){ echo '/* generated from schema.sql */'; \
	  echo 'const char kickoff_schema_sql[] ='; \
	  sed -e 's/\\/\\\\/g' -e 's/"/\\"/g' -e 's/^/"/' -e 's/$$/\\n"/' $<; \
	  echo ';'; } > $@

$(O)/schema.o: $(O)/schema.c | need-libs
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# What sqlite_schema holds once schema.sql has run, as a C table: every
# open compares the file's schema with it (src/store/sqlite/schema_check.c).
$(O)/schema-rows: tools/schema_rows.c
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(SQLITE_LIBS)

$(O)/schema_rows.c: schema.sql $(O)/schema-rows
	@$(if $(Q),echo "  GEN     $@")
	$(Q)$(O)/schema-rows schema.sql > $@.tmp && mv $@.tmp $@

$(O)/schema_rows.o: $(O)/schema_rows.c | need-libs
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) -c -o $@ $<

# The unit-test runner calls every `Suite *suite_NAME(void)` the test files
# define; the list is found here so adding a suite touches one file.
$(O)/unit_suites.h: $(filter-out tests/unit/main.c,$(UNIT_SRC))
	@mkdir -p $(dir $@)
	$(Q)grep -ho 'Suite \*suite_[a-z0-9_]*(void)' $^ | sed 's/Suite \*\(.*\)(void)/SUITE(\1)/' | sort -u > $@

$(O)/tests/unit/main.o: $(O)/unit_suites.h

$(CORE_LIB): $(CORE_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && ar rcs $@ $^

$(BIN): $(APP_OBJ) $(CORE_LIB) $(LINK_STAMP)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(CORE_LIB) $(LDLIBS_BIN)

# The same objects linked both ways, side by side, for bench/run.
$(O)/kickoff-shared $(O)/kickoff-static: $(O)/kickoff-%: $(APP_OBJ) $(CORE_LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(CORE_LIB) $(LDLIBS_$(if $(filter static,$*),STATIC,SHARED))

$(UNIT_BIN): $(UNIT_OBJ) $(CORE_LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $(UNIT_OBJ) $(CORE_LIB) $(LDLIBS_CORE) $(LDLIBS_CHECK)

# The installed paths are built into the binary (the catalogue's folder)
# and the manual: both are remade when PREFIX or LOCALEDIR changes.
PATHS_STAMP := $(O)/paths.stamp
$(PATHS_STAMP): FORCE
	@mkdir -p $(dir $@)
	@echo '$(LOCALEDIR) $(BASHCOMPDIR) $(ZSHCOMPDIR) $(FISHCOMPDIR) $(DOCDIR)' | cmp -s - $@ || \
	  echo '$(LOCALEDIR) $(BASHCOMPDIR) $(ZSHCOMPDIR) $(FISHCOMPDIR) $(DOCDIR)' > $@
$(O)/src/platform/i18n.o: $(PATHS_STAMP)
# And the binary is linked again when STATIC changes.
$(LINK_STAMP): FORCE
	@mkdir -p $(dir $@)
	@echo 'STATIC=$(STATIC)' | cmp -s - $@ || echo 'STATIC=$(STATIC)' > $@
FORCE:

# ---- translations (po/) ----
# The build's own catalogue is build/locale; the binary reads it there
# when KICKOFF_LOCALEDIR points at it (make run and the tests do), and
# from $(LOCALEDIR) once installed.
LINGUAS   := $(basename $(notdir $(wildcard po/*.po)))
MO        := $(LINGUAS:%=$(O)/locale/%/LC_MESSAGES/kickoff.mo)
POT_SRC    = $(sort $(wildcard src/*.c src/*/*.c src/*/*.h src/*/*/*.c src/*/*/*.h include/kickoff/*.h))
XGETTEXT  := xgettext --language=C --from-code=UTF-8 --keyword=_ --keyword=N_ \
             --keyword=C_:1c,2 --keyword=NC_:1c,2 \
             --add-comments=TRANSLATORS: --no-location --sort-by-file --package-name=kickoff \
             --package-version=$(VERSION) --msgid-bugs-address=
BUILD_LOCALEDIR = $(abspath $(O)/locale)

locale: $(MO)

$(O)/locale/%/LC_MESSAGES/kickoff.mo: po/%.po
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  MSGFMT  $<")
	$(Q)msgfmt --check -o $@ $<

# make pot: po/kickoff.pot from the sources, then merged into each .po
# (new strings arrive untranslated: the i18n test names them).
pot:
	$(XGETTEXT) -o po/kickoff.pot $(POT_SRC)
	$(Q)for po in po/*.po; do msgmerge --quiet --update --backup=none --no-fuzzy-matching --no-location $$po po/kickoff.pot; done

update-po: pot

# ---- manual ----
# The key tables come from the binary's keys (kickoff __keys: the live
# bindings and the screens' own key tables) and the verb list from its
# verb tables, so neither is typed twice.
# Its date is the last commit's, or SOURCE_DATE_EPOCH's (a package
# build), so the same tree makes the same page.
MAN := $(O)/kickoff.1
MAN_DATE ?= $(shell date -u -d "@$${SOURCE_DATE_EPOCH:-$$(git log -1 --format=%ct 2>/dev/null || stat -c %Y docs/kickoff.1.in)}" +%Y-%m-%d)
man: $(MAN)

$(MAN): docs/kickoff.1.in docs/man-keys.sh $(BIN) $(PATHS_STAMP)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)LOCALEDIR=$(LOCALEDIR) BASHCOMPDIR=$(BASHCOMPDIR) ZSHCOMPDIR=$(ZSHCOMPDIR) FISHCOMPDIR=$(FISHCOMPDIR) \
	  DOCDIR=$(DOCDIR) MAN_DATE=$(MAN_DATE) sh docs/man-keys.sh docs/kickoff.1.in $(BIN) $(VERSION) > $@.tmp && mv $@.tmp $@

# ---- shell completion ----
# bash, zsh and fish completion, each made from the binary's verb tables
# as the manual is (completion/gen.sh), so none can miss a command.
COMP_OUT := $(O)/completion/kickoff.bash $(O)/completion/_kickoff $(O)/completion/kickoff.fish
completion: $(COMP_OUT)

$(O)/completion/kickoff.bash: completion/kickoff.bash.in
$(O)/completion/_kickoff: completion/_kickoff.in
$(O)/completion/kickoff.fish: completion/kickoff.fish.in
$(COMP_OUT): completion/gen.sh completion/spec.awk $(BIN)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  GEN     $@")
	$(Q)sh completion/gen.sh $(if $(filter %.bash,$@),bash,$(if $(filter %.fish,$@),fish,zsh)) \
	  $(BIN) $(filter %.in,$^) > $@.tmp && mv $@.tmp $@

# make docs: the manual, and the screen captures of docs/guide.md and the
# README refreshed from the headless mode.
docs: all
	$(Q)KICKOFF=$(abspath $(BIN)) KICKOFF_LOCALEDIR=$(BUILD_LOCALEDIR) bash docs/capture.sh

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

# LANG=zh_CN.UTF-8 needs that locale generated; a minimal Debian has
# only C.UTF-8.  (kickoff falls back to C.UTF-8 with the Chinese catalogue
# when it is missing, but dates and widths are right with the real one.)
deps:
	$(call install_missing,$(DEB_BUILD))
	@if ! locale -a 2>/dev/null | grep -qix 'zh_CN.utf-\?8'; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "generating the zh_CN.UTF-8 locale"; \
	    localedef -i zh_CN -f UTF-8 zh_CN.UTF-8 || true; \
	  else \
	    echo "note: the zh_CN.UTF-8 locale is missing (as root: localedef -i zh_CN -f UTF-8 zh_CN.UTF-8)" >&2; \
	  fi; \
	fi

deps-test: deps
	$(call install_missing,$(DEB_TEST))
deps-fuzz: deps
	$(call install_missing,$(DEB_FUZZ))
deps-valgrind: deps
	$(call install_missing,$(DEB_VALGRIND))
deps-package: deps
	$(call install_missing,$(DEB_PACKAGE))

# make print-DEB_TEST: a variable's words, one a line (tests/package
# checks debian/control and the lists against each other with it).
print-%:
	@printf '%s\n' $($*)

run: deps
	$(Q)$(MAKE) --no-print-directory all
	KICKOFF_LOCALEDIR=$(BUILD_LOCALEDIR) $(BIN)

# ---- tests ----
# make check is a developer's and CI's build: warnings are errors.
check: deps-test deps-package
	$(Q)$(MAKE) --no-print-directory WERROR=1 check-run

check-run: all $(UNIT_BIN)
	$(Q)$(MAKE) --no-print-directory test-unit test-cli test-tui test-reliability test-package
	@echo "== again under ASan+UBSan =="
	$(Q)$(MAKE) --no-print-directory O=$(O)/asan asan-run

test-unit: $(UNIT_BIN)
	@echo "== unit tests =="
	$(Q)CK_VERBOSITY=normal $(UNIT_BIN)

test-cli: $(BIN) locale man completion
	@echo "== command-line tests =="
	$(Q)KICKOFF=$(abspath $(BIN)) KICKOFF_LOCALEDIR=$(BUILD_LOCALEDIR) \
	  bash tests/run-suite.sh tests/cli

test-tui: $(BIN) locale
	@echo "== screen tests =="
	$(Q)KICKOFF=$(abspath $(BIN)) KICKOFF_LOCALEDIR=$(BUILD_LOCALEDIR) \
	  bash tests/run-suite.sh tests/tui

# One suite, file or Check case at a time, nothing installed first
# (docs/hacking.md):
#   make test T=tests/cli/test_verbs.sh   one test file (or T=tests/tui: a folder)
#   make unit SUITE=store [CASE=name]     one Check suite of tests/unit/
# Every variable the suites read is set as make test-cli and the others
# set it.
T_DIR  = $(if $(filter %.sh,$(T)),$(patsubst %/,%,$(dir $(T))),$(patsubst %/,%,$(T)))
T_FILE = $(if $(filter %.sh,$(T)),$(notdir $(T)))
test: all $(if $(findstring reliability,$(T)),$(FUZZ_REPLAY))
	@if [ -z '$(T)' ]; then echo "make test T=tests/SUITE/test_NAME.sh (or T=tests/SUITE)" >&2; exit 1; fi
	@if [ ! -e '$(T)' ]; then echo "kickoff: no test '$(T)'" >&2; exit 1; fi
	$(Q)KICKOFF=$(abspath $(BIN)) KICKOFF_LOCALEDIR=$(BUILD_LOCALEDIR) KICKOFF_SRC=$(abspath .) \
	  KICKOFF_BUILD=$(abspath $(O)) bash tests/run-suite.sh '$(T_DIR)' '$(T_FILE)'

unit: $(UNIT_BIN)
	@if [ -n '$(SUITE)' ] && ! grep -qF 'suite_create("$(SUITE)")' $(filter-out tests/unit/main.c,$(UNIT_SRC)); then \
	  echo "kickoff: no unit suite '$(SUITE)'; there are:" $$(grep -ho 'suite_create("[^"]*")' \
	    $(UNIT_SRC) | sed 's/suite_create("\(.*\)")/\1/' | sort | paste -sd, - | sed 's/,/, /g') >&2; exit 1; fi
	@if [ -n '$(CASE)' ] && ! grep -qF 'tcase_create("$(CASE)")' $(UNIT_SRC); then \
	  echo "kickoff: no unit test case '$(CASE)'" >&2; exit 1; fi
	$(Q)CK_VERBOSITY=normal $(if $(SUITE),CK_RUN_SUITE='$(SUITE)') $(if $(CASE),CK_RUN_CASE='$(CASE)') $(UNIT_BIN)

# Kills, locks, bad input, full disk, security; the long ones only with
# KICKOFF_STRESS=1 (make stress).  See docs/reliability.md.
# The package: hardening flags in make V=1, -Werror where it belongs,
# shared linking, a named missing library, and a .deb that lintian
# passes (tests/package; about a minute).
test-package: $(BIN)
	@echo "== package tests =="
	$(Q)KICKOFF=$(abspath $(BIN)) KICKOFF_SRC=$(abspath .) bash tests/run-suite.sh tests/package

# make deb: the package in ../ (as Debian builds it); make deb-check: the
# package tests alone (they build it in a temporary folder).
deb: deps-package
	dpkg-buildpackage -us -uc -b
deb-check: deps-package
	$(Q)$(MAKE) --no-print-directory test-package

test-reliability: $(BIN) $(FUZZ_REPLAY)
	@echo "== reliability tests =="
	$(Q)KICKOFF=$(abspath $(BIN)) KICKOFF_SRC=$(abspath .) KICKOFF_BUILD=$(abspath $(O)) \
	  bash tests/run-suite.sh tests/reliability

stress: deps-test
	$(Q)$(MAKE) --no-print-directory all $(FUZZ_REPLAY)
	@echo "== reliability tests, long =="
	$(Q)KICKOFF_STRESS=1 KICKOFF=$(abspath $(BIN)) KICKOFF_SRC=$(abspath .) \
	  KICKOFF_BUILD=$(abspath $(O)) bash tests/run-suite.sh tests/reliability

# ---- fuzzing ----
# Each harness in tests/fuzz/fuzz_NAME.c is built twice: with replay.c as
# a plain program (any compiler; make check replays the corpus under
# ASan) and with libFuzzer (clang; make fuzz).
FUZZ_SECONDS ?= 60
FUZZ_FLAGS   := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all

.SECONDARY: $(FUZZ_NAMES:%=$(O)/tests/fuzz/fuzz_%.o) $(O)/tests/fuzz/replay.o

$(CLI_LIB): $(CLI_SRC:%.c=$(O)/%.o)
	$(Q)rm -f $@ && ar rcs $@ $^

$(O)/fuzz/replay-%: $(O)/tests/fuzz/fuzz_%.o $(O)/tests/fuzz/replay.o $(CLI_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS_CORE)

$(O)/fuzz/fuzz-%: $(O)/tests/fuzz/fuzz_%.o $(CLI_LIB) $(CORE_LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CFLAGS) $(LDFLAGS) -fsanitize=fuzzer -o $@ $^ $(LDLIBS_CORE)

test-fuzz-replay: $(FUZZ_REPLAY)
	@echo "== fuzz corpus and crash inputs replayed =="
	$(Q)set -e; for n in $(FUZZ_NAMES); do printf '  %-10s ' $$n; \
	  timeout 300 $(O)/fuzz/replay-$$n tests/fuzz/corpus/$$n; done

# New inputs go to $(O)/fuzz/corpus-NAME; a crash to $(O)/fuzz/crash-NAME-*
# (copy it into tests/fuzz/corpus/NAME/ once fixed).  The last run's
# figures are in $(O)/fuzz/NAME.log.
fuzz: deps-test deps-fuzz
	$(Q)$(MAKE) --no-print-directory O=$(O)/clang CC=clang \
	  SAN="$(FUZZ_FLAGS) -fsanitize=fuzzer-no-link" CFLAGS="-O1 -g" fuzz-run

fuzz-run: $(FUZZ_BIN)
	$(Q)set -e; for n in $(FUZZ_NAMES); do \
	  mkdir -p $(O)/fuzz/corpus-$$n; \
	  echo "== fuzz $$n for $(FUZZ_SECONDS) s =="; \
	  $(O)/fuzz/fuzz-$$n -max_total_time=$(FUZZ_SECONDS) -close_fd_mask=3 \
	    -print_final_stats=1 -max_len=4096 -timeout=10 \
	    -artifact_prefix=$(abspath $(O))/fuzz/crash-$$n- \
	    $(abspath $(O))/fuzz/corpus-$$n $(abspath tests/fuzz/corpus)/$$n \
	    > $(O)/fuzz/$$n.log 2>&1 \
	    || { tail -n 40 $(O)/fuzz/$$n.log; exit 1; }; \
	  grep -E '^stat::number_of_executed_units|^Done' $(O)/fuzz/$$n.log; \
	done

# ---- valgrind: unit and command-line tests, 0 errors, no definite leak ----
VALGRIND := valgrind -q --error-exitcode=99 --leak-check=full \
            --errors-for-leak-kinds=definite --show-leak-kinds=definite \
            --track-fds=no --trace-children=no
valgrind: deps-test deps-valgrind
	$(Q)$(MAKE) --no-print-directory O=$(O)/vg CFLAGS="-O0 -g -DKICKOFF_SYSTEM_MALLOC" valgrind-run

valgrind-run: all $(UNIT_BIN)
	@echo "== unit tests under valgrind =="
	$(Q)CK_FORK=no $(VALGRIND) $(UNIT_BIN)
	@echo "== command-line tests under valgrind =="
	$(Q)printf '#!/bin/sh\nexec $(VALGRIND) $(abspath $(BIN)) "$$@"\n' > $(O)/kickoff-vg
	$(Q)chmod +x $(O)/kickoff-vg
	$(Q)KICKOFF=$(abspath $(O)/kickoff-vg) KICKOFF_LOCALEDIR=$(BUILD_LOCALEDIR) \
	  bash tests/run-suite.sh tests/cli

SAN_FLAGS := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
asan:
	$(Q)$(MAKE) --no-print-directory O=$(O)/asan asan-run

asan-run:
	$(Q)$(MAKE) --no-print-directory SAN="$(SAN_FLAGS)" CFLAGS="-O1 -g" all $(UNIT_BIN)
	$(Q)ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 CK_FORK=no \
	  $(MAKE) --no-print-directory SAN="$(SAN_FLAGS)" CFLAGS="-O1 -g" test-unit test-cli test-tui \
	  test-fuzz-replay

# bench/gen's generator: writes with SQLite directly, schema from the store.
BENCH_GEN := $(O)/bench-gen
$(BENCH_GEN): bench/gen.c $(CORE_LIB)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $< $(CORE_LIB) $(LDLIBS_CORE)

# bench/spawn's timer: one command's wall time without a shell's fork.
BENCH_SPAWN := $(O)/bench-spawn
$(BENCH_SPAWN): bench/spawn.c
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(ALL_CPPFLAGS) $(ALL_CFLAGS) $(LDFLAGS) -o $@ $<

bench: all $(BENCH_GEN) $(BENCH_SPAWN)
	$(Q)bash bench/run
	$(Q)bash bench/room

# ---- install ----
# PREFIX=/usr/local by default; DESTDIR stages the tree for a package.
INSTALL_FILES = $(DESTDIR)$(BINDIR)/kickoff $(DESTDIR)$(MANDIR)/man1/kickoff.1 \
                $(DESTDIR)$(BASHCOMPDIR)/kickoff $(DESTDIR)$(ZSHCOMPDIR)/_kickoff \
                $(DESTDIR)$(FISHCOMPDIR)/kickoff.fish \
                $(DESTDIR)$(DOCDIR)/guide.md $(DESTDIR)$(DOCDIR)/formats.md \
                $(LINGUAS:%=$(DESTDIR)$(LOCALEDIR)/%/LC_MESSAGES/kickoff.mo)

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(BASHCOMPDIR) \
	  $(DESTDIR)$(ZSHCOMPDIR) $(DESTDIR)$(FISHCOMPDIR) $(DESTDIR)$(DOCDIR)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/kickoff
	install -m 644 docs/guide.md docs/formats.md $(DESTDIR)$(DOCDIR)/
	install -m 644 $(MAN) $(DESTDIR)$(MANDIR)/man1/kickoff.1
	install -m 644 $(O)/completion/kickoff.bash $(DESTDIR)$(BASHCOMPDIR)/kickoff
	install -m 644 $(O)/completion/_kickoff $(DESTDIR)$(ZSHCOMPDIR)/_kickoff
	install -m 644 $(O)/completion/kickoff.fish $(DESTDIR)$(FISHCOMPDIR)/kickoff.fish
	for l in $(LINGUAS); do \
	  install -d $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES && \
	  install -m 644 $(O)/locale/$$l/LC_MESSAGES/kickoff.mo $(DESTDIR)$(LOCALEDIR)/$$l/LC_MESSAGES/kickoff.mo || exit 1; \
	done

uninstall:
	rm -f $(INSTALL_FILES)
	-rmdir $(DESTDIR)$(DOCDIR) 2>/dev/null

clean:
	rm -rf $(O) compile_commands.json

compile_commands.json:
	$(MAKE) clean && bear -- $(MAKE) all $(UNIT_BIN)

-include $(shell find $(O) -name '*.d' 2>/dev/null)
