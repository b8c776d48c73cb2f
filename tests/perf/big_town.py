"""A seeded big town written through the models (bulk ``insert_many``): two terms of 500 town deputies
each (300 of them 连任, so 700 people and 1,000 mandates), ten years of 200,000 visits with 100,000
problems, 20,000 hazards with 4,000 photos (about 186 KB each, 745 MB), and a decade of meetings and
trainings with attendance — all times ``scale``.

The result is cached under ``~/.cache/town-office-perf/`` by scale and seed and copied from there for
each run (a database snapshot plus the attachments folder), since building the full town takes minutes:

    from tests.perf.big_town import big_town_folder
    folder = big_town_folder(scale=1.0)     # a fresh copy: a DataFolder holding the big town
"""

from __future__ import annotations

import os
import random
import shutil
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from town_office.database_file import open_database
from town_office.models import (
    Constituency,
    DeputyGroup,
    Hazard,
    HazardPhoto,
    Meeting,
    MeetingAttendee,
    Problem,
    Representative,
    RepresentativeLevel,
    TrainingAttendee,
    TrainingSession,
    Visit,
    VisitDeputy,
    database,
)
from town_office.models.db import snapshot_database
from town_office.paths import DataFolder
from town_office.services import assessment, settings
from town_office.services.common.pinyin import pinyin_keys
from town_office.services.roster import units

GENERATOR_VERSION = 2  # bump when the town's shape changes: the cache is keyed by it
CACHE = Path(os.environ.get("TOWN_OFFICE_PERF_CACHE", Path.home() / ".cache" / "town-office-perf"))
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN = "建国春梅丽华德明秀英志强玉兰文斌金凤跃进桂兰美玲淑芬光明雪晓燕立新国栋海涛红霞俊杰晓梅小军"
VILLAGES = ("青石社区", "柳溪村", "桃源村", "石门村", "龙潭村", "杨家坪村", "白沙村", "新塘村", "枫树村", "大塘村")
PHRASES = ("村道破损严重，雨天无法通行", "路灯不亮，夜间出行不便", "灌溉水渠淤塞，影响春耕", "垃圾清运不及时",
           "山塘大坝有渗漏隐患", "邻里宅基地边界纠纷", "希望引进农产品加工企业", "村卫生室缺少常用药",
           "小学门口交通拥堵", "自来水水压不足", "低保评定不公开", "河道垃圾堆积")
CATEGORIES = ("道路交通", "农田水利", "环境卫生", "教育医疗", "社会保障", "产业发展", "安全生产", "矛盾纠纷")
STATUSES = ("登记", "交办", "办理中", "已办结", "已反馈", "已反馈", "已反馈", "已办结")
HAZARD_STATES = ("待整改", "整改中", "已整改待复查", "已销号", "已销号", "已销号", "已作废")
PHOTO_BYTES = 186_000
BATCH = 2000


def _insert(model, rows: list) -> None:
    for i in range(0, len(rows), BATCH):
        model.insert_many(rows[i:i + BATCH]).execute()


def _deputies(rng: random.Random, scale: float, now: datetime) -> tuple[list[int], list[int]]:
    per_term, carried = max(10, int(500 * scale)), max(6, int(300 * scale))
    groups = [DeputyGroup.create(name=f"第{i + 1}代表小组").id for i in range(10)]
    places = [Constituency.create(name=f"第{i + 1}选区").id for i in range(20)]
    old = units.save_term(None, "第十九届", date(2021, 12, 28), date(2026, 12, 27), make_current=True)
    new = units.save_term(None, "第二十届", date(2026, 12, 28), date(2031, 12, 27))
    people = []
    for n in range(per_term * 2 - carried):
        name = rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
        people.append((name, f"43990119{60 + n % 40:02d}{rng.randint(1, 12):02d}{rng.randint(10, 28)}{n:04d}"[:18]))
    terms = {old.id: people[:per_term], new.id: people[per_term - carried:]}
    ids: dict[int, list[int]] = {}
    for term_id, members in terms.items():
        elected = date(2021, 12, 28) if term_id == old.id else date(2026, 11, 29)
        rows = []
        for name, id_number in members:
            full, initials = pinyin_keys(name)
            rows.append(dict(term=term_id, name=name, name_pinyin=full, name_initials=initials,
                             gender=rng.choice("男女"), work_unit_post=f"{rng.choice(VILLAGES)}村民",
                             group=rng.choice(groups), constituency=rng.choice(places), id_number=id_number,
                             elected_on=elected, created_at=now, updated_at=now))
        first = (Representative.select(Representative.id).order_by(Representative.id.desc()).scalar() or 0) + 1
        _insert(Representative, rows)
        ids[term_id] = list(range(first, first + len(rows)))
        _insert(RepresentativeLevel, [dict(representative=i, level="镇") for i in ids[term_id]])
    return ids[old.id], ids[new.id]


def _visits(rng: random.Random, scale: float, deputies: list[int], now: datetime) -> None:
    count, start = int(200_000 * scale), date(2017, 1, 1)
    span = (date(2026, 12, 5) - start).days
    visits, links, problems = [], [], []
    for visit_id in range(1, count + 1):
        on = start + timedelta(days=rng.randint(0, span))
        visits.append(dict(id=visit_id, visited_on=on, form="入户走访", village=rng.choice(VILLAGES),
                           hamlet=f"{rng.randint(1, 9)}组", households=rng.randint(1, 4),
                           summary="了解群众生产生活情况", created_at=now, updated_at=now))
        for rep in set(rng.sample(deputies, rng.choice((1, 1, 1, 2)))):
            links.append(dict(visit=visit_id, representative=rep))
        if visit_id % 2 == 0:
            status = rng.choice(STATUSES)
            problems.append(dict(visit=visit_id, content=f"{rng.choice(PHRASES)}（{rng.choice(VILLAGES)}）",
                                 voter_name=rng.choice(SURNAMES) + rng.choice(("大爷", "大娘", "师傅", "女士")),
                                 category=rng.choice(CATEGORIES), handling_unit="镇村镇建设服务中心",
                                 route="交镇政府办理", deadline=on + timedelta(days=7), status=status,
                                 reply="已办理" if status in ("已办结", "已反馈") else "",
                                 satisfaction="满意" if status == "已反馈" else "", created_at=now, updated_at=now))
        if len(visits) >= 10_000:
            _insert(Visit, visits), _insert(VisitDeputy, links), _insert(Problem, problems)
            visits, links, problems = [], [], []
    _insert(Visit, visits), _insert(VisitDeputy, links), _insert(Problem, problems)


def _hazards(rng: random.Random, scale: float, folder: DataFolder, now: datetime) -> None:
    count, photos = int(20_000 * scale), int(4_000 * scale)
    rows = []
    for n in range(count):
        year = 2017 + n * 10 // max(count, 1)
        found = date(year, 1, 1) + timedelta(days=rng.randint(0, 360))
        status = rng.choice(HAZARD_STATES)
        rows.append(dict(year=year, seq=n + 1, found_on=found, place=f"{rng.choice(VILLAGES)}{rng.randint(1, 99)}号",
                         description=rng.choice(("电线私拉乱接", "灭火器过期", "燃气管道老化", "护栏缺失")),
                         category="消防安全", deadline=found + timedelta(days=30), status=status,
                         supervised=rng.random() < 0.05, created_at=now, updated_at=now))
    _insert(Hazard, rows)
    target = folder.attachments / "hazards"
    target.mkdir(parents=True, exist_ok=True)
    photo_rows = []
    for n in range(photos):
        name = f"perf_{n:05d}.jpg"
        (target / name).write_bytes(b"\xff\xd8\xff\xe0" + rng.randbytes(PHOTO_BYTES - 6) + b"\xff\xd9")
        photo_rows.append(dict(hazard=1 + n * max(count, 1) // max(photos, 1), stage="整改前", file_name=name,
                               stored_path=f"hazards/{name}", width=1600, height=1200, added_at=now))
    _insert(HazardPhoto, photo_rows)


def _meetings_and_training(rng: random.Random, old_term: list[int], now: datetime, term_id: int) -> None:
    for n, year in enumerate(range(2017, 2027)):
        for quarter in range(4):
            meeting = Meeting.create(term=term_id, number=n * 4 + quarter + 1, held_on=date(year, quarter * 3 + 2, 20),
                                     status="纪要定稿", created_at=now, updated_at=now)
            _insert(MeetingAttendee, [dict(meeting=meeting.id, representative=r, role="成员", name="成员")
                                      for r in old_term[:9]])
        for session in range(5):
            training = TrainingSession.create(title=f"{year}年第{session + 1}次集中培训", kind="集中培训",
                                              organiser="镇人大主席团", held_on=date(year, session * 2 + 2, 12),
                                              hours=3, created_at=now, updated_at=now)
            _insert(TrainingAttendee, [dict(session=training.id, representative=r,
                                            attendance="出席" if rng.random() < 0.9 else "请假", position=i)
                                       for i, r in enumerate(old_term)])


def build(folder: DataFolder, scale: float, seed: int) -> None:
    rng, now = random.Random(seed), datetime(2026, 12, 1, 9, 0)
    open_database(folder.database, folder.backups)
    settings.update_settings(town_name="大岭镇", county_name="云溪县")
    with database.atomic():
        old_term, new_term = _deputies(rng, scale, now)
        _visits(rng, scale, old_term, now)
        _hazards(rng, scale, folder, now)
        _meetings_and_training(rng, old_term, now, settings.get_settings().current_term_id)
    assessment.save_scheme(assessment.default_scheme(2026))
    database.close()


def big_town_folder(into: Path, scale: float = 1.0, seed: int = 1) -> DataFolder:
    """A fresh copy of the cached big town in ``into`` (built into the cache first when missing)."""
    cached = DataFolder(CACHE / f"v{GENERATOR_VERSION}_scale{scale:g}_seed{seed}").ensure()
    if not (cached.root / "complete").exists():
        shutil.rmtree(cached.root, ignore_errors=True)
        cached = DataFolder(cached.root).ensure()
        start = time.perf_counter()
        build(cached, scale, seed)
        (cached.root / "complete").write_text(f"built in {time.perf_counter() - start:.0f} s\n", encoding="utf-8")
    copy = DataFolder(into).ensure()
    db, _ = open_database(cached.database, cached.backups)
    snapshot_database(db, copy.database)
    db.close()
    shutil.copytree(cached.attachments, copy.attachments, dirs_exist_ok=True)
    return copy
