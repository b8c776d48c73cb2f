"""查找 (Ctrl+K): any word of a deputy, meeting, session, problem, hazard, suggestion, project or rule
document, through the FTS5 trigram index that triggers keep (``models.search_index``).

Three characters or more are a trigram MATCH (every word of the query must occur); a shorter
query (a two-character name, the initials "wf") scans the indexed text with ``instr``, kind by
kind through its rowid range, stopping at the limit."""

from __future__ import annotations

from dataclasses import dataclass

from town_office.models import database
from town_office.models.search_index import KIND_OF_CODE, STRIDE

PAGE_OF_KIND = {"代表": "代表名册", "主席团会议": "主席团会议", "人代会会议": "人代会会议", "群众诉求": "问题清单",
                "隐患": "隐患台账", "代表建议": "代表建议", "民生实事": "民生实事", "规则文件": "两规则四办法"}
MAX_QUERY = 100


@dataclass(frozen=True)
class Hit:
    kind: str
    record_id: int
    title: str
    snippet: str

    @property
    def page(self) -> str:
        return PAGE_OF_KIND[self.kind]


def _hit(rowid: int, title: str, snippet: str) -> Hit:
    code, record_id = divmod(rowid, STRIDE)
    return Hit(KIND_OF_CODE[code], record_id, title or "", " ".join((snippet or "").split()))


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def find(text: str, per_kind: int = 8) -> list[Hit]:
    """Hits for every word of ``text`` (blank-separated), up to ``per_kind`` of each kind, in the
    kinds' order; the best-ranked first within a kind."""
    words = [w for w in text.strip()[:MAX_QUERY].split() if w]
    if not words:
        return []
    hits: list[Hit] = []
    long_words = [w for w in words if len(w) >= 3]
    short_words = [w.lower() for w in words if len(w) < 3]
    for code in KIND_OF_CODE:
        low, high = code * STRIDE, (code + 1) * STRIDE
        if long_words:
            sql = ('SELECT rowid, title, snippet(search_index, 1, "【", "】", "…", 12) FROM search_index '
                   "WHERE search_index MATCH ? AND rowid >= ? AND rowid < ?"
                   + "".join(" AND instr(lower(body), ?) > 0" for _ in short_words)
                   + " ORDER BY rank LIMIT ?")
            params = [" AND ".join(_quoted(w) for w in long_words), low, high, *short_words, per_kind]
        else:
            sql = ("SELECT rowid, title, substr(body, max(1, instr(lower(body), ?) - 12), 40) FROM search_index "
                   "WHERE rowid >= ? AND rowid < ?"
                   + "".join(" AND instr(lower(body), ?) > 0" for _ in short_words) + " LIMIT ?")
            params = [short_words[0], low, high, *short_words, per_kind]
        hits += [_hit(*row) for row in database.execute_sql(sql, params).fetchall()]
    return hits
