"""A rule's text as chapters and articles: numbering (第一章, 第一条 follow from the order), reading
pasted text back into units, writing units out as text, and comparing two versions article by article
with the changed characters marked. Pure functions, no database."""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from town_office.reports.chinese_numbers import chinese_count
from town_office.services.rules.types import (
    ADDED,
    CHANGED,
    REMOVED,
    RENUMBERED,
    UNCHANGED,
    ComparedUnit,
    NumberedUnit,
    RuleUnit,
    Segment,
)

_NUMERAL = "[零〇一二三四五六七八九十百千两0-9０-９]+"
_CHAPTER = re.compile(rf"^\s*第{_NUMERAL}章[\s　]*(.*)$")
_ARTICLE = re.compile(rf"^\s*第{_NUMERAL}条[\s　]*(.*)$")
SIMILAR_ENOUGH = 0.4  # below this share of common characters two articles count as different ones


def clean(text: str) -> str:
    """Paragraphs without surrounding blanks or empty lines."""
    lines = (line.strip(" \t　") for line in text.replace("\r\n", "\n").split("\n"))
    return "\n".join(line for line in lines if line)


def number_units(units) -> tuple[NumberedUnit, ...]:
    """Give each chapter and article its number: chapters 1, 2, 3 …; articles 1, 2, 3 … through
    the whole text (as Chinese laws and rules are numbered), whatever chapter they stand in."""
    numbered, chapters, articles = [], 0, 0
    for unit in units:
        if unit.is_chapter:
            chapters += 1
            numbered.append(NumberedUnit(True, chapters, f"第{chinese_count(chapters)}章", unit.text))
        else:
            articles += 1
            numbered.append(NumberedUnit(False, articles, f"第{chinese_count(articles)}条", unit.text))
    return tuple(numbered)


_REFERENCE = re.compile(rf"第{_NUMERAL}条")


def articles_citing_numbers(units) -> tuple[str, ...]:
    """Labels of the articles whose text cites another article by number (依照本办法第五条…):
    those numbers do not follow when articles are inserted or removed, so the clerk checks them."""
    return tuple(u.label for u in number_units(units) if not u.is_chapter and _REFERENCE.search(u.text))


@dataclass(frozen=True)
class ParsedText:
    units: tuple[RuleUnit, ...]
    skipped: tuple[str, ...]  # lines before the first 第X章 / 第X条 (a title, a date line …)


def parse_text(text: str) -> ParsedText:
    """Read text pasted from Word: lines starting 第X章 open a chapter, 第X条 an article; any other
    line is a further paragraph of the article before it. The numbers written in the text are
    dropped (the program numbers by order), so a pasted text with gaps comes out numbered right."""
    units: list[RuleUnit] = []
    skipped: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip(" \t　")
        if not line:
            continue
        chapter, article = _CHAPTER.match(line), _ARTICLE.match(line)
        if chapter:
            units.append(RuleUnit(True, chapter.group(1).strip()))
        elif article:
            units.append(RuleUnit(False, article.group(1).strip()))
        elif units and not units[-1].is_chapter:
            last = units[-1]
            units[-1] = RuleUnit(False, f"{last.text}\n{line}" if last.text else line)
        else:
            skipped.append(line)
    return ParsedText(tuple(units), tuple(skipped))


def as_text(units) -> str:
    """The units written out with their numbers, one paragraph per line (parse_text reads it back)."""
    lines = []
    for unit in number_units(units):
        if unit.is_chapter:
            lines.append(f"{unit.label}　{unit.text}")
        else:
            first, *rest = unit.text.split("\n")
            lines.append(f"{unit.label}　{first}")
            lines.extend(rest)
    return "\n".join(lines)


# --- comparing two versions ------------------------------------------------------------------------

def _marked(a: str, b: str) -> tuple[tuple[Segment, ...], tuple[Segment, ...]]:
    """Character-level marks: what ``a`` lost and what ``b`` gained."""
    left: list[Segment] = []
    right: list[Segment] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            left.append((a[i1:i2], False))
            right.append((b[j1:j2], False))
            continue
        if i2 > i1:
            left.append((a[i1:i2], True))
        if j2 > j1:
            right.append((b[j1:j2], True))
    return _merge(left), _merge(right)


def _merge(segments: list[Segment]) -> tuple[Segment, ...]:
    merged: list[Segment] = []
    for text, marked in segments:
        if merged and merged[-1][1] == marked:
            merged[-1] = (merged[-1][0] + text, marked)
        else:
            merged.append((text, marked))
    return tuple(merged)


def _similarity(a: NumberedUnit, b: NumberedUnit) -> float:
    if a.is_chapter != b.is_chapter:
        return 0.0
    return SequenceMatcher(None, a.text, b.text, autojunk=False).ratio()


def _pair_block(old: list[NumberedUnit], new: list[NumberedUnit]) -> list[tuple]:
    """Within a run of differing units, pair each old unit with the next new one that is similar
    enough (keeping the order), the rest are removed or added."""
    pairs, j = [], 0
    for a in old:
        best, best_at = 0.0, -1
        for k in range(j, len(new)):
            score = _similarity(a, new[k])
            if score > best:
                best, best_at = score, k
        if best >= SIMILAR_ENOUGH:
            pairs += [(None, b) for b in new[j:best_at]]
            pairs.append((a, new[best_at]))
            j = best_at + 1
        else:
            pairs.append((a, None))
    pairs += [(None, b) for b in new[j:]]
    return pairs


def _row(a: NumberedUnit | None, b: NumberedUnit | None) -> ComparedUnit:
    if a is None:
        return ComparedUnit(ADDED, b.is_chapter, "", (), b.label, ((b.text, True),))
    if b is None:
        return ComparedUnit(REMOVED, a.is_chapter, a.label, ((a.text, True),), "", ())
    if a.text == b.text:
        change = UNCHANGED if a.label == b.label else RENUMBERED
        return ComparedUnit(change, a.is_chapter, a.label, ((a.text, False),), b.label, ((b.text, False),))
    left, right = _marked(a.text, b.text)
    return ComparedUnit(CHANGED, a.is_chapter, a.label, left, b.label, right)


def compare_units(old_units, new_units) -> tuple[ComparedUnit, ...]:
    """Side-by-side rows of two versions: unchanged, renumbered only, changed (with the changed
    characters marked), added and removed units, in the order of the texts."""
    old, new = list(number_units(old_units)), list(number_units(new_units))
    keys_old = [(u.is_chapter, u.text) for u in old]
    keys_new = [(u.is_chapter, u.text) for u in new]
    rows: list[ComparedUnit] = []
    matcher = SequenceMatcher(None, keys_old, keys_new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows += [_row(a, b) for a, b in zip(old[i1:i2], new[j1:j2], strict=True)]
        else:
            rows += [_row(a, b) for a, b in _pair_block(old[i1:i2], new[j1:j2])]
    return tuple(rows)
