"""Deputies across terms: a mandate is one deputy record in one term; a person is every mandate of
one human being. A deputy re-elected (连任) has two mandates — matched by the same ID number, or, when
either lacks one, by the same name and birth month — and every year figure (assessment, training,
visit quota, the yearly 履职档案) counts the person once, with both periods, over every town deputy
who served on some day of the year in either term."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from town_office.models import Representative, RepresentativeLevel, Term

TOWN_LEVEL = "镇"


@dataclass(frozen=True)
class Period:
    """One mandate of a person: the term and the days served in it."""

    representative_id: int
    term_name: str
    starts_on: date | None
    ends_on: date | None

    @property
    def text(self) -> str:
        start = f"{self.starts_on:%Y.%m.%d}" if self.starts_on else ""
        end = f"{self.ends_on:%Y.%m.%d}" if self.ends_on else "今"
        return f"{self.term_name} {start}—{end}"


@dataclass(frozen=True)
class Person:
    """One human being's mandates, oldest first; ``representative`` is the one shown for it.
    Each period runs from the later of election and the term's start to the earlier of the
    mandate's end and the term's end (a mandate never outlives its term)."""

    representative: Representative
    mandates: tuple[Representative, ...]
    periods: tuple[Period, ...]

    @property
    def representative_id(self) -> int:
        return self.representative.id

    @property
    def mandate_ids(self) -> tuple[int, ...]:
        return tuple(m.id for m in self.mandates)

    @property
    def re_elected(self) -> bool:
        return len(self.mandates) > 1

    @property
    def periods_text(self) -> str:
        return "；".join(p.text for p in self.periods)

    def served_days(self, start: date, end: date) -> int:
        """Days between ``start`` and ``end`` on which one of the mandates was running."""
        spans = sorted((max(start, p.starts_on or start), min(end, p.ends_on or end))
                       for p in self.periods)
        total, reached = 0, None  # mandates of two terms do not overlap, but never count a day twice
        for first, last in spans:
            if reached is not None and first <= reached:
                first = reached + timedelta(days=1)
            total += served_days(first, last, start, end) if first <= last else 0
            reached = max(reached or last, last)
        return total

    def serving_at(self, day: date) -> bool:
        return any((p.starts_on is None or p.starts_on <= day) and (p.ends_on is None or p.ends_on >= day)
                   for p in self.periods)


def served_days(elected_on: date | None, ended_on: date | None, start: date, end: date) -> int:
    """Days of the period a mandate ran; the day of ending is the last day served, as the
    visit quota, training coverage and the assessment count it."""
    first = max(start, elected_on) if elected_on else start
    last = min(end, ended_on) if ended_on else end
    return max(0, (last - first).days + 1)


def serving_at(rep: Representative, day: date) -> bool:
    """Serving on ``day``; the day of ending is the last day served (a term ending on 27 December
    still has its deputies on that day)."""
    return (rep.elected_on is None or rep.elected_on <= day) and (
        rep.ended_on is None or rep.ended_on >= day)


def same_person(a_id_number: str | None, a_name: str, a_birth: str | None,
                b_id_number: str | None, b_name: str, b_birth: str | None) -> bool:
    """The 连任 rule: the same ID number, or — when either record has none — the same name and
    birth month (both known)."""
    if a_id_number and b_id_number:
        return a_id_number.upper() == b_id_number.upper()
    return bool(a_name == b_name and a_birth and a_birth == b_birth)


def _identity_keys(rep: Representative) -> tuple[str | None, tuple[str, str] | None]:
    """The two keys of the 连任 rule: the ID number (upper case) and the name with the birth month."""
    return ((rep.id_number or "").upper() or None,
            (rep.name, rep.birth_month) if rep.name and rep.birth_month else None)


class _SamePersonIndex:
    """Finds, among records added in order, the first that ``same_person`` matches with a record —
    by hashing the rule's two keys instead of comparing every pair (a town of 1,000 mandates)."""

    def __init__(self):
        self.by_id: dict[str, list] = {}
        self.by_name_birth: dict[tuple[str, str], list] = {}
        self.by_name_birth_without_id: dict[tuple[str, str], list] = {}

    def add(self, rep: Representative, value) -> None:
        id_key, name_key = _identity_keys(rep)
        if id_key:
            self.by_id.setdefault(id_key, []).append(value)
        if name_key:
            self.by_name_birth.setdefault(name_key, []).append(value)
            if not id_key:
                self.by_name_birth_without_id.setdefault(name_key, []).append(value)

    def matches(self, rep: Representative) -> list:
        """Every added value whose record is the same person as ``rep``, in the order added."""
        id_key, name_key = _identity_keys(rep)
        if id_key:  # both with an ID: the ID decides; the other without one: name and birth month
            found = self.by_id.get(id_key, []) + self.by_name_birth_without_id.get(name_key, [])
        else:
            found = list(self.by_name_birth.get(name_key, [])) if name_key else []
        return found


def _group(mandates: list[Representative]) -> list[list[Representative]]:
    """Mandates grouped into people; each group oldest first (by election day, then id). A mandate
    joins the first person it is the same person as who has no mandate in its term yet."""
    people: list[list[Representative]] = []
    terms_of: list[set[int]] = []
    index = _SamePersonIndex()
    for rep in sorted(mandates, key=lambda r: (r.elected_on or date.min, r.id)):
        home = min((n for n in index.matches(rep) if rep.term_id not in terms_of[n]), default=None)
        if home is None:
            home = len(people)
            people.append([])
            terms_of.append(set())
        people[home].append(rep)
        terms_of[home].add(rep.term_id)
        index.add(rep, home)
    return people


def _terms() -> dict[int, Term]:
    return {t.id: t for t in Term.select()}


def mandate_period(rep: Representative, term: Term | None) -> Period:
    """The days a mandate ran: from the later of election and the term's start, to the earlier of
    its end and the term's end."""
    starts = [d for d in (rep.elected_on, term.starts_on if term else None) if d]
    ends = [d for d in (rep.ended_on, term.ends_on if term else None) if d]
    return Period(rep.id, term.name if term else "", max(starts) if starts else None,
                  min(ends) if ends else None)


def _person(group: list[Representative], terms: dict[int, Term], start: date | None = None,
            end: date | None = None) -> Person:
    """The person of ``group``; the mandate shown for it is the one that ran longest between
    ``start`` and ``end`` (the later one on a tie, or without a window), so that a year's figures
    keep one key for the person however the change of term is recorded later."""
    periods = tuple(mandate_period(m, terms.get(m.term_id)) for m in group)
    shown = group[-1]
    if start and end:
        days = [served_days(p.starts_on, p.ends_on, start, end) for p in periods]
        shown = group[max(range(len(group)), key=lambda i: (days[i], i))]
    return Person(shown, tuple(group), periods)


def _ran_in(period: Period, start: date, end: date) -> bool:
    return (period.starts_on is None or period.starts_on <= end) and (
        period.ends_on is None or period.ends_on >= start)


def town_people_serving(start: date, end: date) -> list[Person]:
    """Every town (镇) deputy who served on some day between ``start`` and ``end``, in any term,
    one entry per person (a 连任 deputy's two mandates together), in pinyin order."""
    town = {r for (r,) in RepresentativeLevel.select(RepresentativeLevel.representative)
            .where(RepresentativeLevel.level == TOWN_LEVEL).tuples()}
    terms = _terms()
    serving = [r for r in Representative.select()
               if r.id in town and _ran_in(mandate_period(r, terms.get(r.term_id)), start, end)]
    people = [_person(g, terms, start, end) for g in _group(serving)]
    return sorted(people, key=lambda p: (p.representative.name_pinyin, p.representative_id))


def term_town_deputies(term_id: int) -> list[Representative]:
    """Every town deputy of a term (serving or ended), in pinyin order: a term's 整届 files."""
    town = {r for (r,) in RepresentativeLevel.select(RepresentativeLevel.representative)
            .where(RepresentativeLevel.level == TOWN_LEVEL).tuples()}
    return [r for r in Representative.select().where(Representative.term == term_id)
            .order_by(Representative.name_pinyin) if r.id in town]


def person_of(representative_id: int, start: date | None = None, end: date | None = None) -> Person:
    """The person a mandate belongs to, with the mandates that ran between ``start`` and ``end``
    (all of them when no window is given)."""
    rep = Representative.get_by_id(representative_id)
    others = Representative.select().where(
        (Representative.id != rep.id) & (((Representative.id_number == rep.id_number)
                                          if rep.id_number else (Representative.id == 0))
                                         | (Representative.name == rep.name)))
    candidates = [rep] + [o for o in others
                          if same_person(rep.id_number, rep.name, rep.birth_month,
                                         o.id_number, o.name, o.birth_month)]
    terms = _terms()
    if start and end:
        candidates = [c for c in candidates
                      if c.id == rep.id or _ran_in(mandate_period(c, terms.get(c.term_id)), start, end)]
    group = next(g for g in _group(candidates) if rep in g)
    return _person(group, terms)


def earlier_mandate_ids(term_id: int) -> dict[int, int]:
    """For the deputies of ``term_id`` who were deputies of an earlier term (连任): deputy id →
    the id of their latest earlier mandate. Terms are ordered by their start (then by id)."""
    terms = _terms()
    order = {t.id: (t.starts_on or date.min, t.id) for t in terms.values()}
    this = order.get(term_id, (date.min, term_id))
    current = list(Representative.select().where(Representative.term == term_id))
    earlier = sorted((r for r in Representative.select().where(Representative.term != term_id)
                      if order.get(r.term_id, (date.min, r.term_id)) < this),
                     key=lambda r: (order.get(r.term_id), r.id), reverse=True)
    index = _SamePersonIndex()
    for position, rep in enumerate(earlier):
        index.add(rep, position)
    found = {}
    for rep in current:
        position = min(index.matches(rep), default=None)
        if position is not None:
            found[rep.id] = earlier[position].id
    return found
