#!/usr/bin/env python3
"""sql_literals.py - no SQL is built from user text: every SQL argument of
sqlite3_exec, sqlite3_prepare*, sqlite3_*mprintf and of the store's own
wrappers (stmt, exec, pragma_int, run_restore) must be a string literal or
a static const char array of the same file.  The few calls that are not
are listed in ALLOWED with the reason; an entry that no longer matches a
call fails too, so the list cannot go stale.

    python3 sql_literals.py SRC-DIR      prints each call checked; exit 1 on
                                         any other call"""
import os
import re
import sys

# function name -> index of its SQL argument
CALLS = {
    "sqlite3_exec": 1, "sqlite3_prepare": 1, "sqlite3_prepare_v2": 1,
    "sqlite3_prepare_v3": 1, "sqlite3_prepare16": 1, "sqlite3_prepare16_v2": 1,
    "sqlite3_prepare16_v3": 1, "sqlite3_mprintf": 0, "sqlite3_vmprintf": 0,
    "sqlite3_snprintf": 2, "sqlite3_vsnprintf": 2,
    # the store's wrappers (src/store/sqlite/internal.h, migrate.c, undo.c)
    "stmt": 1, "exec": 1, "pragma_int": 1, "run_restore": 1,
    "delete_renumbered": (2, 3, 4), "id_taken": 1, "EACH": 1,
    "pragma_int64": 1, "row_in_meeting": 1,
}

# (file, enclosing function, SQL argument) -> why it is safe
ALLOWED = {
    ("src/store/sqlite/db.c", "stmt", "sql"):
        "the statement cache; each caller's argument is checked here",
    ("src/store/sqlite/migrate.c", "pragma_int", "sql"):
        "wrapper; each caller's argument is checked here",
    ("src/store/sqlite/migrate.c", "exec", "sql"):
        "wrapper; each caller's argument is checked here",
    ("src/store/sqlite/migrate.c", "set_versions", "sql"):
        "PRAGMA takes no parameters: made by snprintf from two integer constants",
    ("src/store/undo.c", "run_restore", "sql"):
        "wrapper; its callers pass the restore SQL below",
    ("src/store/undo.c", "revert", "q->insert"):
        "restore SQL made once (build_restore) from the fixed table list and "
        "the column names of the compiled schema.sql, never from the open file",
    ("src/store/undo.c", "revert", "q->update"):
        "as above",
    ("src/store/undo.c", "revert", "q->del"):
        "as above",
    ("src/store/sqlite/changelog.c", "load_image", "sql"):
        "SELECT json_object(?,?, ...) with one pair of parameters a column: "
        "made from a column count, every value bound",
    ("src/store/import.c", "id_taken", "sql"):
        "wrapper; each caller's argument is checked here",
    ("src/store/import.c", "any_taken", "q->taken"):
        "SELECT 1 FROM <table> WHERE id = ?1, made once (make_sql) from the table "
        "names compiled into entity.c, never from the file; the id is bound",
    ("src/store/import.c", "insert_row", "q->insert"):
        "INSERT made once (make_sql) from the table and column names compiled into "
        "entity.c, never from the file; every value bound",
    ("src/store/sqlite/backup.c", "pragma_int64", "sql"):
        "wrapper; each caller's argument is checked here",
    ("src/store/sqlite/backup.c", "count_rows", "sql"):
        "doctor's row counts: SELECT count(*) FROM one of kickoff's own tables, by the "
        "name compiled in from schema.sql (schema_table), never the file's text; quoted "
        "as an identifier by sqlite3_mprintf's %w (a name cannot be a parameter)",
    ("src/store/sqlite/db.c", "row_in_meeting", "sql"):
        "wrapper; each caller's argument is checked here",
    ("src/store/patch.c", "read_row", "en->read_sql"):
        "a string literal of the static const entities[] table in the same file",
    ("src/store/patch.c", "write_row", "en->write_sql"):
        "a string literal of the static const entities[] table in the same file; "
        "every value bound",
}

LITERAL = re.compile(r'^(\s*"(\\.|[^"\\])*"\s*)+$')


def strip_comments(text):
    # Keeps strings; blanks comments (same length, so offsets still hold).
    out, i, n = [], 0, len(text)
    while i < n:
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", text[i:j]))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i))
            i = j
        elif text[i] in "\"'":
            q, j = text[i], i + 1
            while j < n and text[j] != q:
                j += 2 if text[j] == "\\" else 1
            out.append(text[i:j + 1])
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def split_args(text, start):
    """Arguments of the call whose '(' is at start; None if unbalanced."""
    depth, args, cur, i = 0, [], [], start
    while i < len(text):
        c = text[i]
        if c in "\"'":
            q, j = c, i + 1
            while j < len(text) and text[j] != q:
                j += 2 if text[j] == "\\" else 1
            cur.append(text[i:j + 1])
            i = j + 1
            continue
        if c in "([{":
            depth += 1
            if depth > 1:
                cur.append(c)
        elif c in ")]}":
            depth -= 1
            if depth == 0:
                args.append("".join(cur).strip())
                return args
            cur.append(c)
        elif c == "," and depth == 1:
            args.append("".join(cur).strip())
            cur = []
        else:
            cur.append(c)
        i += 1
    return None


def enclosing_function(text, at):
    """Name and start of the last function definition before `at`."""
    best = (None, 0)
    for m in re.finditer(r"^[a-z][^;{}()]*?\b(\w+)\s*\([^;{}]*\)\s*\{", text, re.M):
        if m.start() > at:
            break
        best = (m.group(1), m.start())
    return best


def constant(arg, arrays):
    """A literal, a static const array in scope, or a choice of two."""
    arg = arg.strip()
    while arg.startswith("(") and arg.endswith(")"):
        arg = arg[1:-1].strip()
    if LITERAL.match(arg) or arg in arrays:
        return True
    # An element of a static const table of literals: name[..][..].
    m = re.match(r"^(\w+)\s*(\[[^\]]*\]\s*)+$", arg)
    if m and m.group(1) in arrays:
        return True
    m = re.match(r"^[\w\s.>-]+\?(.*):(.*)$", arg, re.S)
    return bool(m) and constant(m.group(1), arrays) and constant(m.group(2), arrays)


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "src"
    root = os.path.dirname(os.path.abspath(src))
    bad, used, checked = [], set(), 0
    for dirpath, _, files in os.walk(src):
        for f in sorted(files):
            if not f.endswith(".c"):
                continue
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            text = strip_comments(open(path, encoding="utf-8").read())
            decl = r"static\s+const\s+char\s+(\w+)\s*\[\s*\]\s*="
            # File scope: at the start of a line; else inside the function.
            file_arrays = set(re.findall(r"^" + decl, text, re.M))
            # Tables of literals: static const char *const name[..] = {...}.
            file_arrays |= set(re.findall(
                r"^static\s+const\s+char\s*\*\s*const\s+(\w+)\s*\[", text, re.M))
            file_arrays.add("kickoff_schema_sql")   # generated from schema.sql
            for m in re.finditer(r"\b(" + "|".join(CALLS) + r")\s*\(", text):
                name = m.group(1)
                before = text[:m.start()].rstrip()
                # A definition or prototype, not a call.
                if (re.search(r"[\w*]\s*$", before)
                        and not re.search(r"\b(return|else|do)\s*$", before)):
                    continue
                args = split_args(text, m.end() - 1)
                idx = CALLS[name] if isinstance(CALLS[name], tuple) else (CALLS[name],)
                if args is None or len(args) <= max(idx):
                    continue
                func, start = enclosing_function(text, m.start())
                arrays = file_arrays | set(re.findall(decl, text[start:m.start()]))
                line = text.count("\n", 0, m.start()) + 1
                for k in idx:
                    arg = args[k]
                    checked += 1
                    if constant(arg, arrays):
                        continue
                    key = (rel, func, arg)
                    if key in ALLOWED:
                        used.add(key)
                        print(f"allowed {rel}:{line} {func}: {name}(.., {arg}): {ALLOWED[key]}")
                        continue
                    bad.append(f"{rel}:{line}: {name}() in {func}() gets SQL '{arg}', "
                               "not a literal or a static const char array")
    for key in sorted(set(ALLOWED) - used):
        bad.append(f"stale exception (no such call any more): {key}")
    print(f"{checked} SQL calls checked, {len(used)} documented exceptions")
    for b in bad:
        print("FAIL " + b)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
