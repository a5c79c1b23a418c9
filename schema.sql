-- kickoff schema: the one definition of the store, compiled into the binary.
--
-- PRAGMA user_version numbers it (see src/store/migrate.c).  A fresh
-- database is created from this file as a whole; an older one is brought
-- up to date by the forward migrations, which must end in exactly this
-- schema (tests/unit/test_migrate.c compares the two).
--
-- Rules that hold for every table:
--   * constraints live here, not only in C: CHECK, NOT NULL, UNIQUE, FK;
--   * every editable row has a `version` that each UPDATE bumps, so a save
--     can tell whether someone else changed the row since it was read;
--   * entity ids are AUTOINCREMENT: the change log names rows by id, and
--     an id must never come back as another row;
--   * times written by the program are UTC, 'YYYY-MM-DDTHH:MM:SSZ';
--     meeting times and due dates are what the user typed, in local time.

CREATE TABLE project (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  name        TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200),
  customer    TEXT NOT NULL DEFAULT '',
  code        TEXT NOT NULL DEFAULT '',
  lang        TEXT NOT NULL DEFAULT 'en' CHECK (lang IN ('en', 'zh')),
  template    TEXT NOT NULL DEFAULT 'standard',
  created_at  TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE meeting (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id  INTEGER NOT NULL REFERENCES project(id) ON DELETE CASCADE,
  kind        TEXT NOT NULL CHECK (kind IN ('ko', 'tko')),
  title       TEXT NOT NULL DEFAULT '',
  starts_at   TEXT CHECK (starts_at IS NULL OR starts_at GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9][0-9]:[0-9][0-9]'),
  place       TEXT NOT NULL DEFAULT '',
  host        TEXT NOT NULL DEFAULT '',
  purpose     TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'planned'
                CHECK (status IN ('planned', 'held', 'closed')),
  version     INTEGER NOT NULL DEFAULT 1,
  UNIQUE (project_id, kind)
);

CREATE TABLE attendee (
  id           INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id   INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  name         TEXT NOT NULL CHECK (length(name) > 0),
  role         TEXT NOT NULL DEFAULT '',
  organisation TEXT NOT NULL DEFAULT '',
  version      INTEGER NOT NULL DEFAULT 1
, email TEXT CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254 AND email GLOB '?*@?*')), status TEXT NOT NULL DEFAULT 'invited' CHECK (status IN ('invited', 'present', 'regrets')));
CREATE INDEX attendee_by_meeting ON attendee(meeting_id, id);

-- Agenda items.  `position` is the number shown to the user (1..n).
-- The agenda's clock (added by ALTER TABLE in version 6, hence its
-- place): planned_minutes and presenter are planned; clock_seconds is the
-- time run before the current start, and clock_started_at (UTC) is set
-- while the clock runs, so that a kill loses nothing and every session
-- sees the same clock.
CREATE TABLE item (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position > 0),
  title       TEXT NOT NULL CHECK (length(title) > 0),
  note        TEXT NOT NULL DEFAULT '',
  checked_at  TEXT,
  checked_by  TEXT,
  version     INTEGER NOT NULL DEFAULT 1, planned_minutes INTEGER NOT NULL DEFAULT 0 CHECK (planned_minutes BETWEEN 0 AND 1440), presenter TEXT NOT NULL DEFAULT '', clock_started_at TEXT CHECK (clock_started_at IS NULL OR clock_started_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'), clock_seconds INTEGER NOT NULL DEFAULT 0 CHECK (clock_seconds >= 0),
  UNIQUE (meeting_id, position),
  CHECK ((checked_at IS NULL) = (checked_by IS NULL))
);

CREATE TABLE decision (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  item_id     INTEGER REFERENCES item(id) ON DELETE SET NULL,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  decided_by  TEXT NOT NULL DEFAULT '',
  decided_at  TEXT NOT NULL,
  version     INTEGER NOT NULL DEFAULT 1
, agreed_at TEXT, state TEXT NOT NULL DEFAULT 'agreed' CHECK (state IN ('proposed', 'agreed', 'rejected') AND (state = 'agreed' OR agreed_at IS NULL)))
;
CREATE INDEX decision_by_meeting ON decision(meeting_id, id);
CREATE INDEX decision_by_item ON decision(item_id);
-- A decision is proposed, agreed or rejected; agreed_at is when it became
-- agreed, NULL unless it is (and when not known).  Added by ALTER TABLE in
-- version 6, hence their place: the rows of version 5 became agreed when
-- they were recorded.

CREATE TABLE risk (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  item_id     INTEGER REFERENCES item(id) ON DELETE SET NULL,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  likelihood  TEXT NOT NULL DEFAULT 'medium'
                CHECK (likelihood IN ('low', 'medium', 'high')),
  impact      TEXT NOT NULL DEFAULT 'medium'
                CHECK (impact IN ('low', 'medium', 'high')),
  mitigation  TEXT NOT NULL DEFAULT '',
  owner       TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'mitigated', 'closed')),
  version     INTEGER NOT NULL DEFAULT 1
, carried_from INTEGER REFERENCES risk(id) ON DELETE SET NULL)
;
CREATE INDEX risk_by_meeting ON risk(meeting_id, id);
CREATE INDEX risk_by_item ON risk(item_id);
-- A TKO risk carried from the KO names the KO's risk (version 6); a risk
-- is carried once.
CREATE UNIQUE INDEX risk_by_carried_from ON risk(carried_from);

-- Documents the meeting must produce.  `position` as for items; `due`
-- (added by ALTER TABLE in version 5, hence its place) as for actions.
CREATE TABLE output (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position > 0),
  name        TEXT NOT NULL CHECK (length(name) > 0),
  owner       TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'todo'
                CHECK (status IN ('todo', 'drafting', 'done')),
  link        TEXT NOT NULL DEFAULT '',
  version     INTEGER NOT NULL DEFAULT 1, due TEXT CHECK (due IS NULL OR due GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  UNIQUE (meeting_id, position)
);

CREATE TABLE action (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  decision_id INTEGER REFERENCES decision(id) ON DELETE SET NULL,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  owner       TEXT NOT NULL CHECK (length(owner) > 0),
  due         TEXT CHECK (due IS NULL OR due GLOB
                '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'done', 'dropped')),
  created_at  TEXT NOT NULL,
  done_at     TEXT,
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX action_by_meeting ON action(meeting_id, id);
CREATE INDEX action_by_status_due ON action(status, due);
CREATE INDEX action_by_owner ON action(owner, status, due);
CREATE INDEX action_by_decision ON action(decision_id);

-- Agenda and outputs a team brings of its own (`kickoff template import`).
-- The built-in ones live in the binary (src/model/template.c).
CREATE TABLE template (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE CHECK (length(name) > 0),
  body        TEXT NOT NULL CHECK (json_valid(body)),
  created_at  TEXT NOT NULL
);

-- One row per user-visible change: one store write, one transaction.
CREATE TABLE change (
  id          INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  who         TEXT NOT NULL,
  meeting_id  INTEGER,              -- no FK: the log outlives what it logs
  summary     TEXT NOT NULL DEFAULT '',
  kind        TEXT NOT NULL DEFAULT 'do' CHECK (kind IN ('do', 'undo', 'redo')),
  undone      INTEGER NOT NULL DEFAULT 0 CHECK (undone IN (0, 1)),
  undo_of     INTEGER REFERENCES change(id)
);
CREATE INDEX change_by_meeting ON change(meeting_id, id);
CREATE INDEX change_by_who ON change(who, kind, id);

-- Row images before and after each change, as JSON objects keyed by
-- column name, recorded by the store's hook on every connection
-- (src/store/changelog.c: SQLite's pre-update hook, foreign-key cascades
-- included) so that no write path can forget them.  A row belongs to the
-- newest change, which the store inserts first in the same transaction.
-- Up to schema version 2 triggers wrote them; the images are alike.
CREATE TABLE change_row (
  id          INTEGER PRIMARY KEY,
  change_id   INTEGER NOT NULL REFERENCES change(id) ON DELETE CASCADE,
  tbl         TEXT NOT NULL,
  row_id      INTEGER NOT NULL,
  op          TEXT NOT NULL CHECK (op IN ('insert', 'update', 'delete')),
  before      TEXT,
  after       TEXT
);
CREATE INDEX change_row_by_change ON change_row(change_id, id);
CREATE INDEX change_row_by_row ON change_row(tbl, row_id, id);

-- Who has which meeting open; a row older than ten seconds is ignored.
CREATE TABLE presence (
  session     TEXT PRIMARY KEY,
  who         TEXT NOT NULL,
  meeting_id  INTEGER,
  seen_at     INTEGER NOT NULL      -- unix seconds
);
CREATE INDEX presence_by_meeting ON presence(meeting_id, seen_at);

-- Half-typed text saved when the session is cut off (SIGHUP).
CREATE TABLE draft (
  id          INTEGER PRIMARY KEY,
  who         TEXT NOT NULL,
  meeting_id  INTEGER,
  what        TEXT NOT NULL,
  text        TEXT NOT NULL,
  saved_at    TEXT NOT NULL
);
CREATE INDEX draft_by_who ON draft(who, id);

-- Row counts a screen shows without counting (count(*) reads a whole
-- index: milliseconds at a million rows).  Kept by the triggers below,
-- so every write path, undo included, keeps them right.  Not logged.
CREATE TABLE tally (
  name        TEXT PRIMARY KEY,
  n           INTEGER NOT NULL CHECK (n >= 0)
) WITHOUT ROWID;
INSERT INTO tally(name, n) VALUES ('project', 0);
CREATE TRIGGER project_tally_insert AFTER INSERT ON project BEGIN
  UPDATE tally SET n = n + 1 WHERE name = 'project';
END;
CREATE TRIGGER project_tally_delete AFTER DELETE ON project BEGIN
  UPDATE tally SET n = n - 1 WHERE name = 'project';
END;

-- What makes this database this one: a random token made with it and
-- made anew by every `kickoff restore`, so that a session which opened
-- the database before the restore notices that the rows under it are
-- another database's (ids are reused) and refuses to write into them.
-- Version 3 files get theirs when they are upgraded.  Not logged.
CREATE TABLE meta (
  id          INTEGER PRIMARY KEY CHECK (id = 1),
  token       TEXT NOT NULL CHECK (length(token) = 32)
);
INSERT INTO meta(id, token) VALUES (1, lower(hex(randomblob(16))));

-- Who is Responsible, Accountable, Consulted or Informed for each output
-- of a meeting (its RACI matrix): one row per filled cell.  The output
-- and the attendee are the meeting's own: each is named with the meeting
-- by a foreign key (hence the two unique indexes it points at), so a
-- cell can never join two meetings' rows, and goes with either of them.
CREATE UNIQUE INDEX output_of_meeting ON output(id, meeting_id);
CREATE UNIQUE INDEX attendee_of_meeting ON attendee(id, meeting_id);
CREATE TABLE raci (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id  INTEGER NOT NULL,
  output_id   INTEGER NOT NULL,
  attendee_id INTEGER NOT NULL,
  role        TEXT NOT NULL CHECK (role IN ('R', 'A', 'C', 'I')),
  version     INTEGER NOT NULL DEFAULT 1,
  UNIQUE (output_id, attendee_id),
  FOREIGN KEY (output_id, meeting_id) REFERENCES output(id, meeting_id) ON DELETE CASCADE,
  FOREIGN KEY (attendee_id, meeting_id) REFERENCES attendee(id, meeting_id) ON DELETE CASCADE
);
CREATE INDEX raci_by_output ON raci(output_id, meeting_id);
CREATE INDEX raci_by_attendee ON raci(attendee_id, meeting_id);
CREATE INDEX raci_by_meeting ON raci(meeting_id, id);

-- Questions raised that the room could not settle (the parking lot).
-- One moved on to the project's other meeting stays here as 'moved';
-- the new one there names it in moved_from.
CREATE TABLE question (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  meeting_id  INTEGER NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
  text        TEXT NOT NULL CHECK (length(text) > 0),
  raised_by   TEXT NOT NULL DEFAULT '',
  owner       TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'open'
                CHECK (status IN ('open', 'answered', 'moved')),
  answer      TEXT NOT NULL DEFAULT '',
  moved_from  INTEGER REFERENCES question(id) ON DELETE SET NULL,
  version     INTEGER NOT NULL DEFAULT 1,
  CHECK (status <> 'answered' OR length(answer) > 0)
);
CREATE INDEX question_by_meeting ON question(meeting_id, id);
CREATE INDEX question_by_origin ON question(moved_from);
