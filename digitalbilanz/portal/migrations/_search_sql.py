"""SQL of the SQLite full-text index of measures (used by migration 0002 and by
``portal.search_index.ensure_sqlite_index`` after every migration run)."""

TABLE = "portal_measure_fts"
CREATE = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {TABLE} USING fts5("
    "code, title, description, goals, content='portfolio_measure', content_rowid='id', "
    "tokenize='unicode61 remove_diacritics 2')",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ai AFTER INSERT ON portfolio_measure BEGIN "
    f"INSERT INTO {TABLE}(rowid, code, title, description, goals) "
    "VALUES (new.id, new.code, new.title, new.description, new.goals); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_ad AFTER DELETE ON portfolio_measure BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, code, title, description, goals) "
    "VALUES ('delete', old.id, old.code, old.title, old.description, old.goals); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_au AFTER UPDATE ON portfolio_measure BEGIN "
    f"INSERT INTO {TABLE}({TABLE}, rowid, code, title, description, goals) "
    "VALUES ('delete', old.id, old.code, old.title, old.description, old.goals); "
    f"INSERT INTO {TABLE}(rowid, code, title, description, goals) "
    "VALUES (new.id, new.code, new.title, new.description, new.goals); END",
    f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
]
TRIGGERS = [f"{TABLE}_ai", f"{TABLE}_ad", f"{TABLE}_au"]
DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_ai",
    f"DROP TRIGGER IF EXISTS {TABLE}_ad",
    f"DROP TRIGGER IF EXISTS {TABLE}_au",
    f"DROP TABLE IF EXISTS {TABLE}",
]
