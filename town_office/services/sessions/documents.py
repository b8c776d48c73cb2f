"""The documents of a session's agenda items (the report, the budget, the draft decision): files
copied into ``attachments/sessions/<session>/`` and removed once nothing refers to them."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from town_office.errors import NotFound
from town_office.models import SessionDocument, SessionItem
from town_office.models.db import database
from town_office.services.common import attachments, audit
from town_office.services.roster.closed_terms import ensure_open_term

TABLE = "session_item"


def add_document(item_id: int, source: Path) -> int:
    """Attach a copy of ``source`` to the item; returns the session id."""
    item = SessionItem.get_or_none(SessionItem.id == item_id)
    if item is None:
        raise NotFound("找不到这个议程项目，可能已被删除。")
    ensure_open_term(item.session.term_id, "这次人代会会议")
    with attachments.stored(Path(source), "sessions", str(item.session_id)) as kept, database.atomic():
        SessionDocument.create(item=item, file_name=Path(source).name, stored_path=kept.stored_path,
                               size=kept.size, sha256=kept.sha256, added_at=datetime.now())
        audit.record(TABLE, item_id, "添加文件", {"会议文件": (None, Path(source).name)})
    return item.session_id


def remove_document(document_id: int) -> int:
    with database.atomic():
        document = SessionDocument.get_or_none(SessionDocument.id == document_id)
        if document is None:
            raise NotFound("找不到这份文件，可能已被移除。")
        item = document.item
        ensure_open_term(item.session.term_id, "这次人代会会议")
        audit.record(TABLE, item.id, "移除文件", {"会议文件": (document.file_name, None)})
        path = document.stored_path
        document.delete_instance()
    forget_document_file(path)
    return item.session_id


def session_document_paths(session_id: int) -> list[str]:
    return [d.stored_path for d in SessionDocument.select().join(SessionItem)
            .where(SessionItem.session == session_id)]


def forget_document_file(stored_path: str) -> None:
    if not SessionDocument.select().where(SessionDocument.stored_path == stored_path).exists():
        attachments.remove_file(stored_path)
