"""Printing a meeting's papers: builds the dataset, picks the renderer, and for a finalised meeting
hands out the filed 纪要 itself (byte for byte, so its SHA-256 still proves it)."""

from __future__ import annotations

import shutil
from datetime import timedelta
from pathlib import Path

from town_office.errors import StorageError
from town_office.reports import meetings as meeting_papers
from town_office.services.common import attachments
from town_office.services.meetings import get_meeting
from town_office.services.settings import get_settings

PAPERS = {"notice": "会议通知", "signin": "签到表", "record": "会议记录", "minutes": "会议纪要"}


def paper_file_name(kind: str, meeting_title: str) -> str:
    """The file name the save dialog suggests: 青石镇第十九届人大主席团第三次会议_会议纪要.pdf."""
    return f"{meeting_title}_{PAPERS[kind]}.pdf"


def print_paper(kind: str, meeting_id: int, out: Path) -> Path:
    """Write one paper of a meeting to ``out`` as PDF.

    Args:
        kind: ``notice``, ``signin``, ``record`` or ``minutes``.

    Raises:
        KeyError: an unknown kind.
        StorageError: the filed 纪要 of a finalised meeting is missing from the data folder.
    """
    if kind not in PAPERS:
        raise KeyError(kind)
    meeting = get_meeting(meeting_id)
    out = Path(out)
    if kind == "notice":
        issued_on = meeting.held_on - timedelta(days=get_settings().notice_days)
        return meeting_papers.render_notice_pdf(meeting, out, issued_on)
    if kind == "signin":
        return meeting_papers.render_signin_pdf(meeting, out)
    if kind == "record":
        return meeting_papers.render_record_pdf(meeting, out)
    filed = [f for f in meeting.filed_minutes if f.withdrawn_at is None]
    if meeting.locked and filed:
        source = attachments.absolute(filed[-1].stored_path)
        if not source.exists() or attachments.sha256_of(source) != filed[-1].sha256:
            raise StorageError(f"已定稿的纪要文件缺失或已被改动：{source}。请从备份中恢复。")
        out.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, out)
        return out
    return meeting_papers.render_minutes_pdf(meeting, out)


def preview_paper(kind: str, meeting_id: int) -> Path:
    """Render a paper into the data folder's previews/ for the preview window."""
    meeting = get_meeting(meeting_id)
    return print_paper(kind, meeting_id, attachments.preview_path(paper_file_name(kind, meeting.title)))


def finalise(meeting_id: int):
    """纪要定稿 with the same renderer the preview uses."""
    from town_office.services.meetings import finalise_minutes

    return finalise_minutes(meeting_id, meeting_papers.render_minutes_pdf)
