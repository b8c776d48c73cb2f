"""The stored files of a meeting's materials: which files a meeting holds, and deleting a file once
no material refers to it. Kept apart so that deleting a meeting needs no agenda code."""

from __future__ import annotations

from town_office.models import AgendaItem, AgendaMaterial
from town_office.services.common import attachments


def material_paths(meeting_id: int) -> list[str]:
    return [m.stored_path for m in AgendaMaterial.select().join(AgendaItem)
            .where(AgendaItem.meeting == meeting_id)]


def forget_material_file(stored_path: str) -> None:
    """Delete a material's file once no record refers to it any more."""
    if not AgendaMaterial.select().where(AgendaMaterial.stored_path == stored_path).exists():
        attachments.remove_file(stored_path)
