-- eventwire store schema (DuckDB dialect; PostgreSQL-compatible types).
-- Every row that holds extracted words keeps its [start, end) span in articles.text.
CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR);

CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY,
    title VARCHAR,
    published DATE,
    published_inferred BOOLEAN,
    published_reason VARCHAR,
    outlet VARCHAR,
    url VARCHAR,
    path VARCHAR,
    text VARCHAR NOT NULL,
    ingested_at TIMESTAMP DEFAULT current_timestamp
);

CREATE TABLE IF NOT EXISTS events (
    id VARCHAR PRIMARY KEY,
    article_id VARCHAR NOT NULL,
    plover VARCHAR NOT NULL,
    mode VARCHAR,
    acled_event_type VARCHAR,
    acled_sub_event_type VARCHAR,
    status VARCHAR NOT NULL,
    actor1 VARCHAR, actor1_country VARCHAR, actor1_kind VARCHAR,
    actor2 VARCHAR, actor2_country VARCHAR, actor2_kind VARCHAR,
    location VARCHAR, country VARCHAR, admin1 VARCHAR,
    lat DOUBLE, lon DOUBLE, geo_precision VARCHAR, gazetteer_id VARCHAR,
    date_start DATE, date_end DATE, time_precision VARCHAR,
    fatalities INTEGER,
    source VARCHAR, source_via VARCHAR,
    sentence VARCHAR, start_char INTEGER, end_char INTEGER,
    record JSON NOT NULL,
    cluster_id VARCHAR,             -- the same event told by several articles (link stage)
    flagged BOOLEAN DEFAULT false   -- its sources give contradicting figures
);

CREATE TABLE IF NOT EXISTS actors (
    event_id VARCHAR NOT NULL,
    role VARCHAR NOT NULL,          -- actor1 | actor2 | associate
    name VARCHAR NOT NULL,
    country VARCHAR,
    kind VARCHAR,
    inter INTEGER,
    text VARCHAR,
    start_char INTEGER, end_char INTEGER
);

CREATE TABLE IF NOT EXISTS quantities (
    event_id VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    value BIGINT NOT NULL,
    qualifier VARCHAR,
    source VARCHAR,
    text VARCHAR, start_char INTEGER, end_char INTEGER
);

CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER,
    name VARCHAR, country VARCHAR, admin1 VARCHAR, lat DOUBLE, lon DOUBLE,
    feature VARCHAR, gazetteer_id VARCHAR, adjectival BOOLEAN, reason VARCHAR,
    score DOUBLE                    -- the resolver's margin over the runner-up
);
ALTER TABLE places ADD COLUMN IF NOT EXISTS score DOUBLE;  -- databases made before it

CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR NOT NULL,
    speaker VARCHAR, speaker_country VARCHAR, speaker_kind VARCHAR,
    via VARCHAR, direct BOOLEAN,
    text VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER
);

CREATE TABLE IF NOT EXISTS times (
    article_id VARCHAR NOT NULL,
    text VARCHAR NOT NULL, start_char INTEGER, end_char INTEGER,
    start_date DATE, end_date DATE, precision VARCHAR, value VARCHAR
);

-- a living database (issue 21): article versions, clusters as a function of the set,
-- and the change feed. Added to older databases by these ALTERs.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS version INTEGER DEFAULT 1;  -- of its URL
ALTER TABLE articles ADD COLUMN IF NOT EXISTS superseded_by VARCHAR;      -- the next version
ALTER TABLE events ADD COLUMN IF NOT EXISTS change_seq BIGINT;            -- its last change
ALTER TABLE events ADD COLUMN IF NOT EXISTS changed_at TIMESTAMP;         -- ... and when (UTC)
-- ACLED's inter codes of the event (1 State forces ... 8 External/other forces) and their
-- interaction, as in the record's type (older rows: empty until the article is stored again)
ALTER TABLE events ADD COLUMN IF NOT EXISTS inter1 INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS inter2 INTEGER;
ALTER TABLE events ADD COLUMN IF NOT EXISTS interaction INTEGER;

-- the blocks each event is filed under (link/clusters.py: type x day x place cell)
CREATE TABLE IF NOT EXISTS link_keys (key VARCHAR NOT NULL, event_id VARCHAR NOT NULL);

-- every change to the current events, in order: added | revised | retracted
CREATE TABLE IF NOT EXISTS changes (
    seq BIGINT PRIMARY KEY,
    changed_at TIMESTAMP NOT NULL,  -- UTC
    kind VARCHAR NOT NULL,
    event_id VARCHAR NOT NULL,
    article_id VARCHAR NOT NULL,    -- the article version that caused it
    url VARCHAR,
    version INTEGER,
    record JSON                     -- the event after the change (before it, if retracted)
);
