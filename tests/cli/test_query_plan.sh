# Every SQL text in the store is run through EXPLAIN QUERY PLAN, and a
# full scan of a table that grows fails the test.  A plan, not a time:
# nothing here depends on how fast the machine is.
#
# The texts come from the store's own source after the C preprocessor,
# so macros (column lists, the action query's variants) are expanded just
# as the compiler sees them.  Every run of adjacent string literals that
# contains SELECT, INSERT INTO, UPDATE or DELETE FROM is a statement to
# explain; a run that is not a whole statement (SQL built at run time)
# fails unless it is listed in ALLOW_FRAGMENT below with its reason.  So
# a new query cannot be missed: it is either explained or named here.
#
# A search of a growing table whose equality constraints are all on
# columns of a handful of values (status, kind, ...) reads a share of the
# whole table, not of one meeting: it fails like a scan.
#
# A scan of a growing table fails unless
#   * it is a page walk: the statement has a LIMIT, no WHERE of its own
#     (outside subqueries) and no sort (no "TEMP B-TREE FOR ORDER BY"),
#     so it reads the rows of the page in order and stops, or
#   * the statement is listed in ALLOW_SCAN below with its reason.
: "${KICKOFF:?}"
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

# Create a database with the program so the schema is the shipped one.
"$KICKOFF" --db "$T_TMP/plan.db" project list >/dev/null 2>&1 || true
check "schema created" test -s "$T_TMP/plan.db"

cflags=$(pkg-config --cflags sqlite3 jansson libical 2>/dev/null)
out=$(python3 - "$root" "$T_TMP/plan.db" "${CC:-cc}" "$cflags" <<'EOF'
import re, sqlite3, subprocess, sys, glob, os, shlex
root, dbpath, cc, cflags = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]

# Tables that stay small whatever the database's age: templates a team
# imports, the sessions open right now, the one-row tally.
BOUNDED = {"template", "presence", "tally", "sqlite_schema", "sqlite_master"}

# Statements allowed to scan a growing table, by a substring of their
# text, with the reason.
ALLOW_SCAN = {
    "instr(lower(p.name), lower(": "project filter: a substring match "
        "(name, customer or code) cannot use a B-tree index; it reads the "
        "project table, not the tables that grow per meeting",
    "WHERE 1 ORDER BY a.due IS NULL": "`action list` with no filter prints "
        "every action: its output is the table",
    "SELECT name FROM pragma_table_info": "schema introspection for undo",
    "SELECT id, name FROM project": "names that read alike (src/store/"
        "names.c): the keys are computed in C, over the project names only "
        "(a covering index), when a project is added, renamed or imported "
        "and when a name is not found as typed",
    "WHERE 1 AND a.status = 'open' ORDER BY": "`action list --open` across "
        "all meetings: the output is every open action",
    "WHERE 1 AND a.status = 'open' AND a.due < ?2 ORDER BY": "`action list "
        "--overdue` across all meetings: the output is every overdue action",
}
# SQL built at run time, by file and a piece of its text (None: every
# fragment of the file), with the reason it is not a scan to worry about.
ALLOW_FRAGMENT = [
    ("undo.c", None, "restore statements are assembled from the fixed table "
        "list and address rows by id (INTEGER PRIMARY KEY)"),
    ("backup.c", 'SELECT count(*) FROM "%w"', "`kickoff doctor` counts the "
        "rows of every table: a health report, run by hand"),
    ("changelog.c", "SELECT json_object(", "the change log's row image: "
        "json_object over bound values, it reads no table"),
    ("import.c", "INSERT INTO %s(%s) VALUES (?1", "the import's INSERT of "
        "one row, made from the entity description: it reads no table"),
    ("import.c", "SELECT 1 FROM %s WHERE id = ?1", "whether an id of the file "
        "is taken: a lookup by id (INTEGER PRIMARY KEY)"),
    ("migrate.c", "ALTER TABLE attendee ADD COLUMN email", "the upgrade to "
        "attendees with an address and a status: run once, on the whole table"),
]

# Columns with a few values each: an index search on them alone is wide.
FEW_VALUES = {"status", "kind", "likelihood", "impact",
              "lang", "op", "tbl", "undone"}

conn = sqlite3.connect(dbpath)
tables = {r[0] for r in conn.execute(
    "SELECT name FROM sqlite_schema WHERE type = 'table'")}
growing = tables - BOUNDED

lit = re.compile(r'"((?:[^"\\\n]|\\.)*)"')
def unescape(s):
    return s.encode().decode("unicode_escape").encode("latin-1").decode("utf-8")

def runs(path):
    """Runs of adjacent string literals in the file's own lines, after
    the preprocessor."""
    cmd = [cc, "-E", "-std=c11", "-D_GNU_SOURCE", "-DKICKOFF_VERSION=\"x\"",
           "-DLOCALEDIR=\"x\"", "-I" + os.path.join(root, "include"),
           "-I" + os.path.join(root, "src/store")] + shlex.split(cflags) + [path]
    text = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    mine, cur = [], None
    for line in text.split("\n"):
        m = re.match(r'# \d+ "([^"]*)"', line)
        if m:
            cur = m.group(1)
            continue
        if cur and os.path.abspath(cur) == os.path.abspath(path):
            mine.append(line)
    code = "\n".join(mine)
    out, pos = [], 0
    for m in re.finditer(r'(?:"(?:[^"\\\n]|\\.)*"\s*)+', code):
        parts = lit.findall(m.group(0))
        out.append(unescape("".join(parts)))
    return out

def page_walk(sql, plan):
    top = sql
    while True:
        t = re.sub(r'\([^()]*\)', '', top)
        if t == top:
            break
        top = t
    return (re.search(r'\bLIMIT\b', top) and not re.search(r'\bWHERE\b', top)
            and not any("TEMP B-TREE FOR ORDER BY" in r[3] for r in plan))

# printf conversions: SQL assembled at run time, not a whole text.
FORMAT = re.compile(r"%[-+ #0]*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t)?[sdiuxXcpqQw]")
KEY = re.compile(r'\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b')
START = re.compile(r'^\s*(SELECT|INSERT|UPDATE|DELETE|WITH|REPLACE)\b')
bad = 0
n = 0
for path in sorted(glob.glob(os.path.join(root, "src/store/*.c")) +
                   glob.glob(os.path.join(root, "src/store/sqlite/*.c"))):
    fname = os.path.basename(path)
    for sql in runs(path):
        if not KEY.search(sql):
            continue
        if re.match(r'^\s*(CREATE|ALTER)\b', sql):
            continue    # schema steps, run once by an upgrade
        # A piece named in ALLOW_FRAGMENT is not a whole statement, even
        # when it starts like one ("SELECT json_object(").
        if any(f == fname and piece is not None and piece in sql
               for f, piece, _ in ALLOW_FRAGMENT):
            continue
        if not START.match(sql) or FORMAT.search(sql):
            if any(f == fname and (piece is None or piece in sql)
                   for f, piece, _ in ALLOW_FRAGMENT):
                continue
            print("FRAGMENT %s: SQL that is not a whole statement: %s" % (fname, sql[:120]))
            bad += 1
            continue
        n += 1
        try:
            # Unbound parameters are NULL, as they would be to the planner.
            nums = [int(x) for x in re.findall(r'\?(\d+)', sql)]
            nparam = max(nums) if nums else len(re.findall(r'\?', sql))
            plan = conn.execute("EXPLAIN QUERY PLAN " + sql, (None,) * nparam).fetchall()
        except sqlite3.Error as e:
            print("ERROR %s: %s: %s" % (fname, e, sql[:160]))
            bad += 1
            continue
        # Aliases: "FROM action a", "JOIN meeting m", "UPDATE item SET".
        alias = {}
        for t, a in re.findall(r'\b(?:FROM|JOIN)\s+(\w+)(?:\s+(?:AS\s+)?(\w+))?', sql):
            alias[t] = t
            if a and a.upper() not in ("WHERE", "ON", "JOIN", "CROSS", "LEFT",
                                      "INNER", "ORDER", "GROUP", "LIMIT", "SET",
                                      "USING", "VALUES", "RETURNING"):
                alias[a] = t
        for row in plan:
            d = row[3]
            w = re.match(r'SEARCH (\w+) USING (?:COVERING )?INDEX (\w+) \((.*)\)', d)
            if w:
                table = alias.get(w.group(1), w.group(1))
                eq = re.findall(r'(\w+)=\?', w.group(3))
                if table in growing and eq and all(c in FEW_VALUES for c in eq):
                    why = next((r for k, r in ALLOW_SCAN.items() if k in sql), None)
                    if why:
                        print("allowed %s: %s (%s)" % (fname, d, why))
                    else:
                        print("WIDE SEARCH %s: %s in: %s" % (fname, d, " ".join(sql.split())[:200]))
                        bad += 1
                continue
            m = re.match(r'SCAN (\w+)( USING (?:COVERING )?INDEX \w+)?', d)
            if not m:
                continue
            table = alias.get(m.group(1), m.group(1))
            if table not in growing:
                continue
            if page_walk(sql, plan):
                continue
            why = next((r for k, r in ALLOW_SCAN.items() if k in sql), None)
            if why:
                print("allowed %s: %s (%s)" % (fname, d, why))
                continue
            print("SCAN %s: %s in: %s" % (fname, d, " ".join(sql.split())[:200]))
            bad += 1
print("checked %d statements" % n)
sys.exit(1 if bad else 0)
EOF
)
status=$?
[ -n "${T_VERBOSE:-}" ] && printf '%s\n' "$out"
if [ $status -eq 0 ]; then ok "no full scan of a growing table ($(printf '%s\n' "$out" | tail -1))"
else fail "query plans" "$(printf '%s\n' "$out" | grep -v '^allowed' | head -20)"; fi
