"""The search index (查找, Ctrl+K): one SQLite FTS5 table with the trigram tokenizer over the words
of deputies, meetings, sessions, problems, hazards, suggestions, projects and rule documents, kept
up to date by triggers on those tables (so an import, the CLI or a restore never leaves it stale).

A row's rowid is ``kind code × 10¹²  + record id``: a trigger replaces one row by rowid, and a
search can look at one kind's rows by a rowid range."""

from __future__ import annotations

STRIDE = 10 ** 12

# kind code, kind, source table, title SQL, body SQL (``new.`` columns; the body holds the title too)
SOURCES = (
    (1, "代表", "representative", "new.name",
     "new.name || ' ' || new.name_pinyin || ' ' || new.name_initials || ' ' || new.work_unit_post || ' ' "
     "|| new.phone || ' ' || coalesce(new.card_number, '')"),
    (2, "主席团会议", "meeting", "'第' || new.number || '次主席团会议（' || new.held_on || '）'",
     "'第' || new.number || '次主席团会议 ' || new.held_on || ' ' || new.place || ' ' || new.summary"),
    (3, "人代会会议", "congress_session", "'镇人民代表大会第' || new.number || '次会议（' || new.starts_on || '）'",
     "'镇人民代表大会第' || new.number || '次会议 ' || new.starts_on || ' ' || new.place || ' ' || new.notes"),
    (4, "群众诉求", "problem", "new.content",
     "new.content || ' ' || new.voter_name || ' ' || new.handling_unit || ' ' || new.category || ' ' || new.reply"),
    (5, "隐患", "hazard", "printf('%d-%03d ', new.year, new.seq) || new.place || '：' || new.description",
     "printf('%d-%03d ', new.year, new.seq) || new.place || ' ' || new.description || ' ' "
     "|| new.responsible_unit || ' ' || new.category"),
    (6, "代表建议", "suggestion", "new.number || ' ' || new.title",
     "new.number || ' ' || new.title || ' ' || new.content || ' ' || new.main_unit || ' ' || new.category"),
    (7, "民生实事", "project", "new.year || '年 ' || new.name",
     "new.year || '年 ' || new.name || ' ' || new.area || ' ' || new.description"),
    (8, "规则文件", "rule_document", "new.title", "new.title || ' ' || new.kind"),
)
KIND_OF_CODE = {code: kind for code, kind, *_ in SOURCES}

CREATE_TABLE = ('CREATE VIRTUAL TABLE "search_index" USING fts5(title UNINDEXED, body, '
                "tokenize='trigram')")


def _statements() -> list[str]:
    statements = [CREATE_TABLE]
    for code, _, table, title, body in SOURCES:
        rowid = f"{code} * {STRIDE} + new.id"
        insert = f'INSERT INTO "search_index"(rowid, title, body) VALUES ({rowid}, {title}, {body});'
        delete = f'DELETE FROM "search_index" WHERE rowid = {code} * {STRIDE} + old.id;'
        statements += [
            f'CREATE TRIGGER "{table}_search_insert" AFTER INSERT ON "{table}" BEGIN {insert} END',
            f'CREATE TRIGGER "{table}_search_update" AFTER UPDATE ON "{table}" BEGIN {delete} {insert} END',
            f'CREATE TRIGGER "{table}_search_delete" AFTER DELETE ON "{table}" BEGIN {delete} END',
        ]
    return statements


SCHEMA = _statements()


def fill_statements() -> list[str]:
    """Index the rows already there (a database upgraded to the index)."""
    return [f'INSERT INTO "search_index"(rowid, title, body) SELECT {code} * {STRIDE} + new.id, {title}, {body} '
            f'FROM "{table}" AS new' for code, _, table, title, body in SOURCES]


def create(db) -> None:
    """The index and its triggers, filled from the rows already there."""
    for statement in SCHEMA + fill_statements():
        db.execute_sql(statement)
