#include "models/migrations.h"

#include <array>

#include "models/plan_key.h"
#include "models/store.h"

namespace oplex {
namespace {

// Every record table hangs off `document` with ON DELETE CASCADE, so replacing a document is a
// single DELETE. Every foreign-key column is indexed: without that, each cascading DELETE would
// scan the child tables in full. Flags are 0/1 integers. Absent knowledge is NULL, never 0:
// months_mask NULL means the months are unknown, 0 means known to be none.
constexpr std::string_view kSchemaV1 = R"sql(
CREATE TABLE institute (
  code  TEXT NOT NULL PRIMARY KEY,
  state TEXT,
  name  TEXT
) STRICT;

CREATE TABLE document (
  id               INTEGER PRIMARY KEY,
  sha256           TEXT NOT NULL UNIQUE CHECK (sha256 <> ''),
  path             TEXT NOT NULL,
  kind             TEXT NOT NULL
                   CHECK (kind IN ('unknown', 'work_plan', 'indicator_report', 'activity_report')),
  institute        TEXT REFERENCES institute (code),
  year             INTEGER,
  period           TEXT,
  title            TEXT NOT NULL,
  pages            INTEGER CHECK (pages >= 0),
  source_format    TEXT NOT NULL,
  pipeline_version TEXT NOT NULL,
  ingested_at      TEXT NOT NULL  -- ISO-8601 UTC, e.g. 2024-05-01T12:00:00Z
) STRICT;
CREATE INDEX document_institute_year ON document (institute, year);

CREATE TABLE section (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  parent_id   INTEGER REFERENCES section (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL
              CHECK (kind IN ('eje', 'subprograma', 'area', 'proyecto', 'grupo', 'objetivo')),
  code        TEXT NOT NULL,  -- '' when the document gives none
  title       TEXT NOT NULL,
  page        INTEGER CHECK (page >= 1),
  line        INTEGER CHECK (line >= 1),
  last_line   INTEGER CHECK (last_line >= 1),
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX section_document ON section (document_id);
CREATE INDEX section_parent ON section (parent_id);

CREATE TABLE activity (
  id                    INTEGER PRIMARY KEY,
  document_id           INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  section_id            INTEGER REFERENCES section (id) ON DELETE CASCADE,
  code                  TEXT NOT NULL,
  text                  TEXT NOT NULL,
  unit                  TEXT,
  annual_value          REAL,
  annual_raw            TEXT,  -- NULL when the document states no annual quantity
  annual_estimated      INTEGER NOT NULL DEFAULT 0 CHECK (annual_estimated IN (0, 1)),
  annual_not_quantified INTEGER NOT NULL DEFAULT 0 CHECK (annual_not_quantified IN (0, 1)),
  months_mask           INTEGER CHECK (months_mask BETWEEN 0 AND 4095),  -- bit 0 = January
  page                  INTEGER CHECK (page >= 1),
  line                  INTEGER CHECK (line >= 1),
  last_line             INTEGER CHECK (last_line >= 1),
  bbox_x0               REAL,
  bbox_y0               REAL,
  bbox_x1               REAL,
  bbox_y1               REAL,
  extractor             TEXT NOT NULL,
  confidence            REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  CHECK (annual_raw IS NOT NULL OR
         (annual_value IS NULL AND annual_estimated = 0 AND annual_not_quantified = 0))
) STRICT;
CREATE INDEX activity_code ON activity (code);
CREATE INDEX activity_document ON activity (document_id);
CREATE INDEX activity_section ON activity (section_id);

CREATE TABLE activity_month (
  activity_id            INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  month                  INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  planned_value          REAL,
  planned_raw            TEXT,  -- NULL when the grid holds a mark but no quantity
  planned_estimated      INTEGER NOT NULL DEFAULT 0 CHECK (planned_estimated IN (0, 1)),
  planned_not_quantified INTEGER NOT NULL DEFAULT 0 CHECK (planned_not_quantified IN (0, 1)),
  marked                 INTEGER NOT NULL CHECK (marked IN (0, 1)),
  page                   INTEGER CHECK (page >= 1),
  line                   INTEGER CHECK (line >= 1),
  last_line              INTEGER CHECK (last_line >= 1),
  bbox_x0                REAL,
  bbox_y0                REAL,
  bbox_x1                REAL,
  bbox_y1                REAL,
  extractor              TEXT NOT NULL,
  confidence             REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
  PRIMARY KEY (activity_id, month),
  CHECK (planned_raw IS NOT NULL OR
         (planned_value IS NULL AND planned_estimated = 0 AND planned_not_quantified = 0))
) STRICT;

CREATE TABLE deliverable (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  section_id  INTEGER REFERENCES section (id) ON DELETE CASCADE,
  activity_id INTEGER REFERENCES activity (id) ON DELETE CASCADE,
  text        TEXT NOT NULL,
  page        INTEGER CHECK (page >= 1),
  line        INTEGER CHECK (line >= 1),
  last_line   INTEGER CHECK (last_line >= 1),
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX deliverable_document ON deliverable (document_id);
CREATE INDEX deliverable_section ON deliverable (section_id);
CREATE INDEX deliverable_activity ON deliverable (activity_id);

CREATE TABLE beneficiary (
  id          INTEGER PRIMARY KEY,
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  kinds_text  TEXT NOT NULL,
  counts_text TEXT NOT NULL,
  page        INTEGER CHECK (page >= 1),
  line        INTEGER CHECK (line >= 1),
  last_line   INTEGER CHECK (last_line >= 1),
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX beneficiary_activity ON beneficiary (activity_id);

-- The parts of beneficiary.counts_text, in the order written ("13,1,S/C" → 1: 13, 2: 1, 3: S/C).
CREATE TABLE beneficiary_count (
  beneficiary_id INTEGER NOT NULL REFERENCES beneficiary (id) ON DELETE CASCADE,
  position       INTEGER NOT NULL CHECK (position >= 1),
  raw            TEXT NOT NULL,
  value          REAL,
  estimated      INTEGER NOT NULL CHECK (estimated IN (0, 1)),
  not_quantified INTEGER NOT NULL CHECK (not_quantified IN (0, 1)),
  PRIMARY KEY (beneficiary_id, position)
) STRICT;

CREATE TABLE stated_total (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  what        TEXT NOT NULL CHECK (what IN ('subprogramas', 'proyectos', 'actividades')),
  section_id  INTEGER REFERENCES section (id) ON DELETE CASCADE,  -- NULL: the whole document
  scope_code  TEXT NOT NULL,
  value       INTEGER NOT NULL,
  page        INTEGER CHECK (page >= 1),
  line        INTEGER CHECK (line >= 1),
  last_line   INTEGER CHECK (last_line >= 1),
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX stated_total_document ON stated_total (document_id);
CREATE INDEX stated_total_section ON stated_total (section_id);

CREATE TABLE indicator (
  id             INTEGER PRIMARY KEY,
  document_id    INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  section_id     INTEGER REFERENCES section (id) ON DELETE CASCADE,
  activity_id    INTEGER REFERENCES activity (id) ON DELETE CASCADE,
  level          TEXT,
  objective      TEXT,
  name           TEXT NOT NULL,
  definition     TEXT,
  method         TEXT,
  dimension      TEXT,
  frequency      TEXT,
  unit           TEXT,
  baseline_raw   TEXT,
  baseline_value REAL,
  target_raw     TEXT,
  target_value   REAL,
  progress_raw   TEXT,
  progress_value REAL,
  sense          TEXT,
  budget_raw     TEXT,
  start_month    INTEGER CHECK (start_month BETWEEN 1 AND 12),
  end_month      INTEGER CHECK (end_month BETWEEN 1 AND 12),
  period_start   TEXT,  -- ISO-8601 date
  period_end     TEXT,  -- ISO-8601 date
  page           INTEGER CHECK (page >= 1),
  line           INTEGER CHECK (line >= 1),
  last_line      INTEGER CHECK (last_line >= 1),
  bbox_x0        REAL,
  bbox_y0        REAL,
  bbox_x1        REAL,
  bbox_y1        REAL,
  extractor      TEXT NOT NULL,
  confidence     REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX indicator_document ON indicator (document_id);
CREATE INDEX indicator_section ON indicator (section_id);
CREATE INDEX indicator_activity ON indicator (activity_id);

CREATE TABLE event (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  kind        TEXT NOT NULL,
  date        TEXT,  -- ISO-8601 date; NULL when date_raw could not be read
  date_raw    TEXT,
  title       TEXT NOT NULL,
  page        INTEGER CHECK (page >= 1),
  line        INTEGER CHECK (line >= 1),
  last_line   INTEGER CHECK (last_line >= 1),
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX event_document ON event (document_id);

CREATE TABLE reference (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  event_id    INTEGER REFERENCES event (id) ON DELETE CASCADE,
  code        TEXT NOT NULL,  -- e.g. INE/CG825/2022
  kind        TEXT,
  page        INTEGER CHECK (page >= 1),
  line        INTEGER CHECK (line >= 1),
  last_line   INTEGER CHECK (last_line >= 1),
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX reference_document ON reference (document_id);
CREATE INDEX reference_event ON reference (event_id);
CREATE INDEX reference_code ON reference (code);

CREATE TABLE finding (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  activity_id INTEGER REFERENCES activity (id) ON DELETE CASCADE,
  severity    TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  raw_text    TEXT NOT NULL,
  page        INTEGER CHECK (page >= 1),
  line        INTEGER CHECK (line >= 1),
  last_line   INTEGER CHECK (last_line >= 1),
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  extractor   TEXT NOT NULL,
  confidence  REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1)
) STRICT;
CREATE INDEX finding_document ON finding (document_id);
CREATE INDEX finding_activity ON finding (activity_id);

-- Each section with the titles from its root down to itself, joined ' > '.
CREATE VIEW v_section_path AS
WITH RECURSIVE walk (section_id, path) AS (
  SELECT id, title FROM section WHERE parent_id IS NULL
  UNION ALL
  SELECT s.id, walk.path || ' > ' || s.title FROM section AS s JOIN walk ON s.parent_id = walk.section_id
)
SELECT section_id, path FROM walk;

-- Activities with what a comparison across institutes and years needs beside them.
CREATE VIEW v_activity AS
SELECT a.id AS activity_id, a.document_id, d.path AS document_path, d.institute, d.year,
       d.period, d.kind AS document_kind, a.section_id, s.kind AS section_kind,
       s.code AS section_code, s.title AS section_title, p.path AS section_path, a.code, a.text,
       a.unit, a.annual_value, a.annual_raw, a.annual_estimated, a.annual_not_quantified,
       a.months_mask, a.page, a.line, a.last_line, a.extractor, a.confidence
FROM activity AS a
JOIN document AS d ON d.id = a.document_id
LEFT JOIN section AS s ON s.id = a.section_id
LEFT JOIN v_section_path AS p ON p.section_id = a.section_id;
)sql";

// Weeks of a month grid with week sub-columns: '1' marked, '0' not, one per week in order
// ("0110"); NULL when the grid has no weeks.
// Every activity a deliverable belongs to: the one on whose row it stands
// (deliverable.activity_id) and the others whose rows its cell spans.
constexpr std::string_view kWeeksAndSpansV2 = R"sql(
ALTER TABLE activity_month ADD COLUMN weeks TEXT
  CHECK (weeks IS NULL OR (weeks <> '' AND weeks NOT GLOB '*[^01]*'));

CREATE TABLE activity_deliverable (
  deliverable_id INTEGER NOT NULL REFERENCES deliverable (id) ON DELETE CASCADE,
  activity_id    INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  PRIMARY KEY (deliverable_id, activity_id)
) STRICT;
CREATE INDEX activity_deliverable_activity ON activity_deliverable (activity_id);
INSERT INTO activity_deliverable (deliverable_id, activity_id)
  SELECT id, activity_id FROM deliverable WHERE activity_id IS NOT NULL;
)sql";

// What indicator tables and activity reports need beyond the first schema: the document's own
// date (a report's), whether a figure was a percentage ("25%"), a budget as a number, the line
// of action an indicator names, who held a session, and the sentence an agreement stands in.
constexpr std::string_view kReportsV3 = R"sql(
ALTER TABLE document ADD COLUMN date TEXT;  -- ISO-8601 date the document gives itself

ALTER TABLE indicator ADD COLUMN activity_code TEXT;
ALTER TABLE indicator ADD COLUMN baseline_percent INTEGER NOT NULL DEFAULT 0
  CHECK (baseline_percent IN (0, 1));
ALTER TABLE indicator ADD COLUMN target_percent INTEGER NOT NULL DEFAULT 0
  CHECK (target_percent IN (0, 1));
ALTER TABLE indicator ADD COLUMN progress_percent INTEGER NOT NULL DEFAULT 0
  CHECK (progress_percent IN (0, 1));
ALTER TABLE indicator ADD COLUMN budget_value REAL;

ALTER TABLE event RENAME COLUMN title TO text;
ALTER TABLE event ADD COLUMN body TEXT;
CREATE INDEX event_date ON event (date);

ALTER TABLE reference ADD COLUMN context TEXT;
)sql";

// Which function of an electoral institute each activity serves (the taxonomy of
// data/taxonomy*.tsv), and the views that set institutes side by side: by category, by month and
// by indicator coverage. Activities stored before this version have no category (NULL) until
// their documents are ingested again with --force.
constexpr std::string_view kCategoriesV4 = R"sql(
CREATE TABLE category (
  slug  TEXT NOT NULL PRIMARY KEY CHECK (slug <> '' AND slug NOT GLOB '*[^a-z0-9_]*'),
  label TEXT NOT NULL,
  rank  INTEGER NOT NULL CHECK (rank >= 0)  -- the taxonomy's order; sin_clasificar last
) STRICT;

ALTER TABLE activity ADD COLUMN category TEXT REFERENCES category (slug);
ALTER TABLE activity ADD COLUMN category_rule TEXT;  -- NULL when no rule matched
ALTER TABLE activity ADD COLUMN category_evidence TEXT
  CHECK (category_evidence IN ('text', 'section', 'none'));
CREATE INDEX activity_category ON activity (category);

DROP VIEW v_activity;
CREATE VIEW v_activity AS
SELECT a.id AS activity_id, a.document_id, d.path AS document_path, d.institute, d.year,
       d.period, d.kind AS document_kind, a.section_id, s.kind AS section_kind,
       s.code AS section_code, s.title AS section_title, p.path AS section_path, a.code, a.text,
       a.unit, a.annual_value, a.annual_raw, a.annual_estimated, a.annual_not_quantified,
       a.months_mask, a.category, c.label AS category_label, a.category_rule,
       a.category_evidence, a.page, a.line, a.last_line, a.extractor, a.confidence
FROM activity AS a
JOIN document AS d ON d.id = a.document_id
LEFT JOIN section AS s ON s.id = a.section_id
LEFT JOIN v_section_path AS p ON p.section_id = a.section_id
LEFT JOIN category AS c ON c.slug = a.category;

-- Per institute, year and kind of document: the activities of each category and their share of
-- all the activities of that institute, year and kind (unclassified ones included, so shares add
-- up to 1). Activities not yet classified count under a NULL category.
CREATE VIEW v_category_share AS
SELECT d.institute, d.year, d.kind AS document_kind, a.category, c.label AS category_label,
       c.rank AS category_rank, count(*) AS activities,
       CAST(count(*) AS REAL) / sum(count(*)) OVER (PARTITION BY d.institute, d.year, d.kind)
         AS share
FROM activity AS a
JOIN document AS d ON d.id = a.document_id
LEFT JOIN category AS c ON c.slug = a.category
GROUP BY d.institute, d.year, d.kind, a.category;

-- Per institute, year, kind of document and month (1-12), over the activities whose months are
-- known: how many there are, how many are scheduled in the month, and the quantities planned for
-- the month where the grid gives them (planned_quantity is NULL when none does; it adds the
-- activities' own units together, so read it within one institute).
CREATE VIEW v_month_load AS
WITH RECURSIVE m (month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM m WHERE month < 12)
SELECT d.institute, d.year, d.kind AS document_kind, m.month,
       count(*) AS activities_with_months,
       sum((a.months_mask >> (m.month - 1)) & 1) AS activities_scheduled,
       count(am.planned_value) AS activities_with_quantity,
       sum(am.planned_value) AS planned_quantity
FROM activity AS a
JOIN document AS d ON d.id = a.document_id
CROSS JOIN m
LEFT JOIN activity_month AS am ON am.activity_id = a.id AND am.month = m.month
WHERE a.months_mask IS NOT NULL
GROUP BY d.institute, d.year, d.kind, m.month;

-- Per document: its activities, its indicators, how many of them the document links to one of
-- its activities, and how many of its activities have an indicator. A plan with indicators = 0
-- measures nothing.
CREATE VIEW v_indicator_coverage AS
SELECT d.id AS document_id, d.path AS document_path, d.institute, d.year,
       d.kind AS document_kind,
       (SELECT count(*) FROM activity AS a WHERE a.document_id = d.id) AS activities,
       (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id) AS indicators,
       (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id AND i.activity_id IS NOT NULL)
         AS indicators_linked,
       (SELECT count(DISTINCT i.activity_id) FROM indicator AS i WHERE i.document_id = d.id)
         AS activities_with_indicator
FROM document AS d;
)sql";

// Full-text search (`oplex search`) over the words a reader looks for: activities (code, text),
// indicators (activity code; name; definition, method and objective), sections (code, title:
// the programmes, projects and areas a plan is organized by, which no activity repeats) and
// events (text, body: an activity report holds events and no activities, so without them a
// report could not be found). FTS5 with `unicode61 remove_diacritics 2`: case and accents are
// ignored ("cómputo" = "computo", and also "año" = "ano").
//
// search_text keeps its own copy of the texts, which snippet() needs; an external-content table
// would have to be told the exact old values on every delete, which a cascading delete of a
// document cannot give. A row's rowid is its record's id * 4 + the kind (0 activity,
// 1 indicator, 2 section, 3 event), so that the triggers delete by rowid and a cascade of
// thousands of rows stays quick. What each kind indexes is its v_search_* view, used by the
// triggers and by the fill of the records already stored; the triggers keep search_text in step
// with every INSERT, DELETE (cascades included: replacing a document) and UPDATE.
constexpr std::string_view kSearchV5 = R"sql(
CREATE VIRTUAL TABLE search_text USING fts5(
  kind UNINDEXED,         -- 'activity', 'indicator', 'section' or 'event'
  record_id UNINDEXED,    -- the record's id in its table
  document_id UNINDEXED,
  page UNINDEXED,
  line UNINDEXED,
  code,                   -- activity code; an indicator's activity code; section code
  text,                   -- activity text, indicator name, section title, event text
  detail,                 -- indicator definition, method and objective; event body
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIEW v_search_activity AS
SELECT id * 4 AS key, 'activity' AS kind, id AS record_id, document_id, page, line, code, text,
       NULL AS detail
FROM activity;

CREATE VIEW v_search_indicator AS
SELECT id * 4 + 1 AS key, 'indicator' AS kind, id AS record_id, document_id, page, line,
       activity_code AS code, name AS text,
       trim(ifnull(definition, '') || char(10) || ifnull(method, '') || char(10) ||
            ifnull(objective, ''), char(10)) AS detail
FROM indicator;

CREATE VIEW v_search_section AS
SELECT id * 4 + 2 AS key, 'section' AS kind, id AS record_id, document_id, page, line,
       nullif(code, '') AS code, title AS text, NULL AS detail
FROM section;

CREATE VIEW v_search_event AS
SELECT id * 4 + 3 AS key, 'event' AS kind, id AS record_id, document_id, page, line,
       NULL AS code, text, body AS detail
FROM event;

CREATE TRIGGER activity_search_insert AFTER INSERT ON activity BEGIN
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_activity WHERE record_id = new.id;
END;
CREATE TRIGGER activity_search_delete AFTER DELETE ON activity BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4;
END;
CREATE TRIGGER activity_search_update
AFTER UPDATE OF id, document_id, page, line, code, text ON activity BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4;
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_activity WHERE record_id = new.id;
END;

CREATE TRIGGER indicator_search_insert AFTER INSERT ON indicator BEGIN
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_indicator WHERE record_id = new.id;
END;
CREATE TRIGGER indicator_search_delete AFTER DELETE ON indicator BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
END;
CREATE TRIGGER indicator_search_update
AFTER UPDATE OF id, document_id, page, line, activity_code, name, definition, method, objective
ON indicator BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 1;
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_indicator WHERE record_id = new.id;
END;

CREATE TRIGGER section_search_insert AFTER INSERT ON section BEGIN
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_section WHERE record_id = new.id;
END;
CREATE TRIGGER section_search_delete AFTER DELETE ON section BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
END;
CREATE TRIGGER section_search_update
AFTER UPDATE OF id, document_id, page, line, code, title ON section BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 2;
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_section WHERE record_id = new.id;
END;

CREATE TRIGGER event_search_insert AFTER INSERT ON event BEGIN
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_event WHERE record_id = new.id;
END;
CREATE TRIGGER event_search_delete AFTER DELETE ON event BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
END;
CREATE TRIGGER event_search_update
AFTER UPDATE OF id, document_id, page, line, text, body ON event BEGIN
  DELETE FROM search_text WHERE rowid = old.id * 4 + 3;
  INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
  SELECT * FROM v_search_event WHERE record_id = new.id;
END;

INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
SELECT * FROM v_search_activity;
INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
SELECT * FROM v_search_indicator;
INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
SELECT * FROM v_search_section;
INSERT INTO search_text (rowid, kind, record_id, document_id, page, line, code, text, detail)
SELECT * FROM v_search_event;
)sql";

// What tables read by their column roles give an activity: whether its code was printed or is
// its position in its table, who is responsible, its dates, where its months came from, every
// month with its calendar year (a schedule may run into the next year, a date fall outside the
// plan's year), and the columns the schema has no field for, kept as printed.
constexpr std::string_view kTablesV6 = R"sql(
ALTER TABLE activity ADD COLUMN code_printed INTEGER NOT NULL DEFAULT 1
  CHECK (code_printed IN (0, 1));  -- 0: the code is the row's position in its table
ALTER TABLE activity ADD COLUMN responsible TEXT;
ALTER TABLE activity ADD COLUMN start_date TEXT;  -- ISO-8601, when the document gives days
ALTER TABLE activity ADD COLUMN end_date TEXT;
ALTER TABLE activity ADD COLUMN months_source TEXT
  CHECK (months_source IN ('grid', 'dates'));  -- NULL while the months are unknown
ALTER TABLE activity_month ADD COLUMN calendar_year INTEGER;  -- NULL when the document gives none

CREATE TABLE activity_calendar_month (
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  year        INTEGER NOT NULL,
  month       INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  marked      INTEGER NOT NULL CHECK (marked IN (0, 1)),
  weeks       TEXT CHECK (weeks IS NULL OR (weeks <> '' AND weeks NOT GLOB '*[^01]*')),
  PRIMARY KEY (activity_id, year, month)
) STRICT;

CREATE TABLE activity_attribute (
  activity_id INTEGER NOT NULL REFERENCES activity (id) ON DELETE CASCADE,
  position    INTEGER NOT NULL CHECK (position >= 1),  -- order of the columns in the table
  header      TEXT NOT NULL,
  value       TEXT NOT NULL,
  bbox_x0     REAL,
  bbox_y0     REAL,
  bbox_x1     REAL,
  bbox_y1     REAL,
  PRIMARY KEY (activity_id, position)
) STRICT;
)sql";

// What progress tables give an indicator beyond a MIR's columns: its own key as printed, the
// figure programmed to the period's end apart from the year's goal, the percent achieved as
// printed, whether its row is a subtotal of the rows above it (not counted by
// v_indicator_coverage), and every other headed column.
constexpr std::string_view kProgressV7 = R"sql(
ALTER TABLE indicator ADD COLUMN key TEXT;
ALTER TABLE indicator ADD COLUMN programmed_raw TEXT;
ALTER TABLE indicator ADD COLUMN programmed_value REAL;
ALTER TABLE indicator ADD COLUMN programmed_percent INTEGER NOT NULL DEFAULT 0
  CHECK (programmed_percent IN (0, 1));
ALTER TABLE indicator ADD COLUMN percent_raw TEXT;
ALTER TABLE indicator ADD COLUMN percent_value REAL;
ALTER TABLE indicator ADD COLUMN subtotal INTEGER NOT NULL DEFAULT 0
  CHECK (subtotal IN (0, 1));  -- 1: the row sums the rows above it (a zone of a report)

CREATE TABLE indicator_attribute (
  indicator_id INTEGER NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
  position     INTEGER NOT NULL CHECK (position >= 1),  -- order of the columns in the table
  header       TEXT NOT NULL,
  value        TEXT NOT NULL,
  bbox_x0      REAL,
  bbox_y0      REAL,
  bbox_x1      REAL,
  bbox_y1      REAL,
  PRIMARY KEY (indicator_id, position)
) STRICT;

-- A subtotal sums indicators already counted: coverage counts the others.
DROP VIEW v_indicator_coverage;
CREATE VIEW v_indicator_coverage AS
SELECT d.id AS document_id, d.path AS document_path, d.institute, d.year,
       d.kind AS document_kind,
       (SELECT count(*) FROM activity AS a WHERE a.document_id = d.id) AS activities,
       (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id AND i.subtotal = 0)
         AS indicators,
       (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id AND i.activity_id IS NOT NULL)
         AS indicators_linked,
       (SELECT count(DISTINCT i.activity_id) FROM indicator AS i WHERE i.document_id = d.id)
         AS activities_with_indicator
FROM document AS d;
)sql";

// Calendars of sessions and minutes of meetings are kinds of document, and the events they list
// have a time and a place. Widening a CHECK leaves
// every stored row valid and the file's format unchanged, which is the one case where SQLite
// lets the schema's text be edited in place (https://sqlite.org/lang_altertable.html, "making
// other kinds of table schema changes"); a rebuild of `document` would cascade its DELETE
// through every record table, since foreign keys are on inside the migration's transaction.
constexpr std::string_view kEventsV8 = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql, '''activity_report'')',
                  '''activity_report'', ''calendar'', ''minutes'')')
WHERE type = 'table' AND name = 'document';
PRAGMA writable_schema = RESET;
ALTER TABLE event ADD COLUMN time TEXT;  -- HH:MM, 24-hour
ALTER TABLE event ADD COLUMN place TEXT;
)sql";

// Metadata set by hand, and editions. A person who knows better than classify sets a document's
// institute, year, kind or title (`ingest --institute`, a manifest, `oplex set`): the document
// takes the value and `document_metadata_set` records that it was set, by what, and what oplex had
// read. Editions: the same plan stored more than once (text, PDF and scan of it, a corrected
// re-publication) is one plan, the documents of one institute, year, kind and title; the views
// count one edition per plan, the richest (born-digital PDF, then a scan, then text; then the
// newest), so that a plan stored three times is not counted three times.
constexpr std::string_view kEditionsV9 = R"sql(
CREATE TABLE document_metadata_set (
  document_id INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
  field       TEXT NOT NULL CHECK (field IN ('institute', 'year', 'kind', 'title')),
  value       TEXT,           -- as set (a year as its digits); NULL: set to unknown
  read_value  TEXT,           -- what oplex had read, NULL when it had read nothing
  source      TEXT NOT NULL CHECK (source IN ('ingest', 'manifest', 'set')),
  set_at      TEXT NOT NULL,  -- ISO-8601 UTC
  PRIMARY KEY (document_id, field)
) STRICT;

-- Every document with its plan (institute, year, kind and title, letter case and outer spaces
-- aside; a document without an institute, a year or a kind is a plan of its own), its rank among
-- the plan's editions (1: the one counted) and how many editions the plan has.
CREATE VIEW v_document_edition AS
WITH keyed AS (
  SELECT d.*,
         CASE WHEN d.institute IS NULL OR d.year IS NULL OR d.kind = 'unknown'
              THEN 'document ' || d.id
              ELSE d.institute || ' ' || d.year || ' ' || d.kind || ' ' || lower(trim(d.title))
         END AS plan,
         CASE d.source_format WHEN 'pdf' THEN 0 WHEN 'pdf+ocr' THEN 1 WHEN 'image' THEN 1
              ELSE 2 END AS richness
  FROM document AS d)
SELECT id AS document_id, path AS document_path, institute, year, kind AS document_kind, title,
       source_format, ingested_at, plan,
       row_number() OVER edition AS edition_rank,
       count(*) OVER (PARTITION BY plan) AS editions,
       first_value(id) OVER edition AS counted_document_id
FROM keyed
WINDOW edition AS (PARTITION BY plan ORDER BY richness, ingested_at DESC, id DESC);

DROP VIEW v_category_share;
CREATE VIEW v_category_share AS
SELECT d.institute, d.year, d.kind AS document_kind, a.category, c.label AS category_label,
       c.rank AS category_rank, count(*) AS activities,
       CAST(count(*) AS REAL) / sum(count(*)) OVER (PARTITION BY d.institute, d.year, d.kind)
         AS share
FROM activity AS a
JOIN document AS d ON d.id = a.document_id
JOIN v_document_edition AS e ON e.document_id = d.id AND e.edition_rank = 1
LEFT JOIN category AS c ON c.slug = a.category
GROUP BY d.institute, d.year, d.kind, a.category;

DROP VIEW v_month_load;
CREATE VIEW v_month_load AS
WITH RECURSIVE m (month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM m WHERE month < 12)
SELECT d.institute, d.year, d.kind AS document_kind, m.month,
       count(*) AS activities_with_months,
       sum((a.months_mask >> (m.month - 1)) & 1) AS activities_scheduled,
       count(am.planned_value) AS activities_with_quantity,
       sum(am.planned_value) AS planned_quantity
FROM activity AS a
JOIN document AS d ON d.id = a.document_id
JOIN v_document_edition AS e ON e.document_id = d.id AND e.edition_rank = 1
CROSS JOIN m
LEFT JOIN activity_month AS am ON am.activity_id = a.id AND am.month = m.month
WHERE a.months_mask IS NOT NULL
GROUP BY d.institute, d.year, d.kind, m.month;

-- One row per plan: its counted edition, and how many editions the plan has.
DROP VIEW v_indicator_coverage;
CREATE VIEW v_indicator_coverage AS
SELECT d.id AS document_id, d.path AS document_path, d.institute, d.year,
       d.kind AS document_kind, e.editions,
       (SELECT count(*) FROM activity AS a WHERE a.document_id = d.id) AS activities,
       (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id AND i.subtotal = 0)
         AS indicators,
       (SELECT count(*) FROM indicator AS i
        WHERE i.document_id = d.id AND i.activity_id IS NOT NULL) AS indicators_linked,
       (SELECT count(DISTINCT i.activity_id) FROM indicator AS i WHERE i.document_id = d.id)
         AS activities_with_indicator
FROM document AS d
JOIN v_document_edition AS e ON e.document_id = d.id AND e.edition_rank = 1;
)sql";

// Editions whose titles read differently (the text export's title runs on into the heading, the
// PDF's stops at a line break) are one plan by a key computed in C++ (models/plan_key.h: folded
// titles, one containing the other, reporting periods), which SQL cannot group by: each document
// stores its plan's key, and the view reads it. NULL: a plan of its own. The keys of documents
// stored before are computed by the migration's `then`.
constexpr std::string_view kPlanKeysV10 = R"sql(
ALTER TABLE document ADD COLUMN plan_key TEXT;
CREATE INDEX document_plan_key ON document (plan_key);

DROP VIEW v_document_edition;
CREATE VIEW v_document_edition AS
WITH keyed AS (
  SELECT d.*, coalesce(d.plan_key, 'document ' || d.id) AS plan,
         CASE d.source_format WHEN 'pdf' THEN 0 WHEN 'pdf+ocr' THEN 1 WHEN 'image' THEN 1
              ELSE 2 END AS richness
  FROM document AS d)
SELECT id AS document_id, path AS document_path, institute, year, kind AS document_kind, title,
       source_format, ingested_at, plan,
       row_number() OVER edition AS edition_rank,
       count(*) OVER (PARTITION BY plan) AS editions,
       first_value(id) OVER edition AS counted_document_id
FROM keyed
WINDOW edition AS (PARTITION BY plan ORDER BY richness, ingested_at DESC, id DESC);
)sql";

// Among the editions of one plan the counted one was the richest format, then the newest: a newer
// born-digital rendering that lost a table (no indicators where the other PDF read 4) or a
// partial scan (three pages of a plan) was counted over the whole. Editions are now ranked by
// what was extracted from them first: an edition short of the plan's best by more than a tenth
// in activities, activities with their months, indicators or events ranks below one that is
// short in fewer of them; editions within a tenth of each other (an OCR reading that lost a row)
// are ranked by format and date as before. The plan keys of the documents stored are computed
// again, for the rules added with it (models/plan_key.h: an untitled edition, an excerpt).
constexpr std::string_view kExtractedRankV11 = R"sql(
DROP VIEW v_document_edition;
CREATE VIEW v_document_edition AS
WITH counted AS (
  SELECT d.*, coalesce(d.plan_key, 'document ' || d.id) AS plan,
         CASE d.source_format WHEN 'pdf' THEN 0 WHEN 'pdf+ocr' THEN 1 WHEN 'image' THEN 1
              ELSE 2 END AS richness,
         (SELECT count(*) FROM activity AS a WHERE a.document_id = d.id) AS activities,
         (SELECT count(*) FROM activity AS a
          WHERE a.document_id = d.id AND a.months_mask IS NOT NULL) AS scheduled,
         (SELECT count(*) FROM indicator AS i WHERE i.document_id = d.id AND i.subtotal = 0)
           AS indicators,
         (SELECT count(*) FROM event AS v WHERE v.document_id = d.id) AS events
  FROM document AS d),
measured AS (
  SELECT *,
         (activities < 0.9 * max(activities) OVER same_plan) +
         (scheduled < 0.9 * max(scheduled) OVER same_plan) +
         (indicators < 0.9 * max(indicators) OVER same_plan) +
         (events < 0.9 * max(events) OVER same_plan) AS shortfalls
  FROM counted
  WINDOW same_plan AS (PARTITION BY plan))
SELECT id AS document_id, path AS document_path, institute, year, kind AS document_kind, title,
       source_format, ingested_at, plan, activities, scheduled, indicators, events, shortfalls,
       row_number() OVER edition AS edition_rank,
       count(*) OVER (PARTITION BY plan) AS editions,
       first_value(id) OVER edition AS counted_document_id
FROM measured
WINDOW edition AS (PARTITION BY plan ORDER BY shortfalls, richness, ingested_at DESC, id DESC);
)sql";

// Schema 12: section kinds are an open vocabulary (data/section_kinds.tsv), so the section table
// no longer lists them. SQLite's ALTER TABLE cannot change a CHECK constraint, and rebuilding the
// table would cascade through every activity under a section; for a constraint loosened, which
// no stored row can break, SQLite documents editing the table's definition in sqlite_schema
// (https://sqlite.org/lang_altertable.html, "making other kinds of table schema changes"): the
// edit here, the schema version bump after it (OpenSectionKinds).
constexpr char kOpenSectionKindsV12[] = R"sql(
PRAGMA writable_schema = ON;
UPDATE sqlite_schema
SET sql = replace(sql,
  'CHECK (kind IN (''eje'', ''subprograma'', ''area'', ''proyecto'', ''grupo'', ''objetivo''))',
  'CHECK (kind <> '''')')
WHERE type = 'table' AND name = 'section';
)sql";

// The rest of schema 12's edit: checks it took, then makes every connection (this one too)
// read the schema again, as SQLite's procedure asks, before schema editing is switched off.
Status OpenSectionKinds(Store& store) {
  Result<Statement> read = store.Prepare(
      "SELECT (SELECT instr(sql, 'kind IN (') FROM sqlite_schema WHERE type = 'table' AND "
      "name = 'section'), (SELECT schema_version FROM pragma_schema_version)");
  if (!read.ok()) return read.status();
  Result<bool> row = read->Step();
  if (!row.ok()) return row.status();
  if (!*row || read->Int64(0) != 0) {
    return Status::Corruption("the section table's definition is not the one oplex wrote");
  }
  const int64_t version = read->Int64(1);
  if (Status s = store.Exec("PRAGMA schema_version = " + std::to_string(version + 1)); !s.ok()) {
    return s;
  }
  return store.Exec("PRAGMA writable_schema = OFF");
}

constexpr std::array<Migration, 12> kMigrations = {{
    {1, "create the schema", kSchemaV1},
    {2, "store the weeks of month grids and the activities a deliverable spans", kWeeksAndSpansV2},
    {3, "store indicator figures, report dates, session bodies and agreement contexts", kReportsV3},
    {4, "classify activities by function and add the comparison views", kCategoriesV4},
    {5, "index activities, indicators, sections and events for full-text search", kSearchV5},
    {6, "store printed codes, responsibles, dates, months by year and attributes of activities",
     kTablesV6},
    {7, "store the keys, programmed figures, percents, subtotals and attributes of indicators",
     kProgressV7},
    {8, "classify documents as calendars and minutes; store the time and place of events",
     kEventsV8},
    {9, "record metadata set by hand; count one edition of each plan in the views", kEditionsV9},
    {10, "key each document's plan by its folded title, so that editions titled apart are one",
     kPlanKeysV10, UpdateAllPlanKeys},
    {11, "rank the editions of a plan by what was extracted from them, then by format and date",
     kExtractedRankV11, UpdateAllPlanKeys},
    {12, "take the kinds of section from data/section_kinds.tsv instead of a fixed list",
     kOpenSectionKindsV12, OpenSectionKinds},
}};

}  // namespace

std::span<const Migration> Migrations() { return kMigrations; }

int LatestSchemaVersion() { return kMigrations.back().version; }

std::string ProvenanceColumns(std::string_view alias) {
  constexpr std::array<std::string_view, kProvenanceColumnCount> kColumns = {
      "page",    "line",    "last_line", "bbox_x0",   "bbox_y0",
      "bbox_x1", "bbox_y1", "extractor", "confidence"};
  std::string columns;
  for (std::string_view column : kColumns) {
    if (!columns.empty()) columns += ", ";
    if (!alias.empty()) {
      columns += alias;
      columns += '.';
    }
    columns += column;
  }
  return columns;
}

}  // namespace oplex
