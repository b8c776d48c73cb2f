"""Demo roster: the 第十九届 term, 8 constituencies, 6 deputy groups, about 45 town deputies with a
presidium of 7, county and city deputies living in the town, ended deputies and rare-character names."""

from __future__ import annotations

import random
from datetime import date

from town_office.services import roster
from town_office.services.roster import units as roster_units
from town_office.services.roster.identity import id_check_char
from town_office.services.roster.types import RepresentativeInput

VILLAGES = ("青石社区", "柳溪村", "桃源村", "石门村", "龙潭村", "杨家坪村", "白沙村", "新塘村")
GROUPS = ("青石社区代表小组", "柳溪片代表小组", "桃源片代表小组", "石门片代表小组", "龙潭片代表小组",
          "白沙片代表小组")
SURNAMES = "王李张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = ("建国", "秀英", "志强", "桂兰", "海燕", "国庆", "明辉", "春梅", "德华", "玉珍", "新民", "丽华",
         "永红", "少军", "晓燕", "卫东", "红霞", "长青", "金凤", "文斌", "小芳", "跃进", "淑芬", "立新",
         "美玲", "振华", "翠萍", "光明", "雪梅", "家豪", "婷婷", "思远", "俊杰", "慧敏", "国栋", "月娥")
RARE_NAMES = (("王䶮", "男"), ("李堃", "男"), ("张喆", "男"), ("刘𬌗", "女"))
POSTS = ("{v}党总支书记、村委会主任", "{v}村委会委员", "{v}种植专业合作社理事长", "青石镇中心小学教师",
         "青石镇卫生院医生", "{v}养殖户", "云溪县青石供销社主任", "{v}个体工商户", "青石镇农业服务中心农技员",
         "青石镇人民政府副镇长", "青石镇派出所所长", "{v}农民", "云溪县金石建材有限公司总经理",
         "{v}妇联主席", "青石镇敬老院院长")
PARTIES = ("中共党员",) * 6 + ("群众",) * 3 + ("民盟盟员", "无党派人士", "中共预备党员")
EDUCATIONS = ("大学", "大专", "大专", "中专", "高中", "高中", "初中", "研究生")
ETHNICITIES = ("汉族",) * 9 + ("土家族", "苗族")
AREA_CODE = "439901"  # not a real county code: demo ID numbers must never be someone's


def _id_number(rng: random.Random, birth: date, gender: str) -> str:
    seq = rng.randint(10, 99) * 10 + (rng.choice((1, 3, 5, 7, 9)) if gender == "男" else rng.choice((0, 2, 4, 6, 8)))
    first17 = f"{AREA_CODE}{birth:%Y%m%d}{seq:03d}"
    return first17 + id_check_char(first17)


def build() -> dict[str, int]:
    rng = random.Random(19)
    term = roster_units.save_term(None, "第十九届", date(2021, 12, 28), date(2026, 12, 27),
                                  make_current=True)
    for i, village in enumerate(VILLAGES, start=1):
        roster_units.save_unit("constituency", None, f"第{'一二三四五六七八'[i - 1]}选区", village)
    for group in GROUPS:
        roster_units.save_unit("group", None, group, group.replace("代表小组", ""))
    names = [(s + GIVEN[(i * 7) % len(GIVEN)], "女" if GIVEN[(i * 7) % len(GIVEN)][-1] in "英兰燕梅珍华红霞凤芳芬玲萍婷敏娥" else "男")
             for i, s in enumerate(SURNAMES[:41])]
    people = names[:20] + list(RARE_NAMES[:2]) + names[20:34] + list(RARE_NAMES[2:]) + names[34:]
    presidium = {0: "主席", 1: "副主席", 5: "成员", 9: "成员", 14: "成员", 22: "成员", 36: "成员"}
    count = 0
    for i, (name, gender) in enumerate(people):
        birth = date(rng.randint(1962, 1992), rng.randint(1, 12), rng.randint(1, 28))
        village = VILLAGES[i % len(VILLAGES)]
        group_index = i % len(GROUPS)
        data = RepresentativeInput(
            name=name, gender=gender, ethnicity=rng.choice(ETHNICITIES), birth_month=f"{birth:%Y-%m}",
            party=rng.choice(PARTIES), education=rng.choice(EDUCATIONS),
            work_unit_post=rng.choice(POSTS).format(v=village),
            levels=("镇", "县") if i in (0, 7, 18) else ("镇",),
            constituency_name=f"第{'一二三四五六七八'[i % 8]}选区", group_name=GROUPS[group_index],
            group_role="组长" if i < len(GROUPS) * 2 and i >= len(GROUPS) else "",
            phone=f"1{rng.choice('3589')}{rng.randint(100000000, 999999999)}",
            id_number=_id_number(rng, birth, gender) if i % 5 != 4 else "",
            card_number=f"QS19{i + 1:03d}", elected_on=date(2021, 12, 28),
            presidium_role=presidium.get(i, ""), term_id=term.id)
        if i == len(people) - 1:  # the last one joined mid-term
            data.elected_on = date(2024, 3, 15)
            data.notes = "2024年补选"
        roster.create_representative(data)
        count += 1
    # County and city deputies who live in the town but are not town deputies.
    for name, gender, levels, post in (("龚德明", "男", ("县",), "云溪县人民医院院长（居住在青石社区）"),
                                       ("苏婉清", "女", ("县", "市"), "云溪县第一中学校长（居住在柳溪村）")):
        birth = date(rng.randint(1966, 1980), rng.randint(1, 12), rng.randint(1, 28))
        roster.create_representative(RepresentativeInput(
            name=name, gender=gender, birth_month=f"{birth:%Y-%m}", party="中共党员", education="研究生",
            work_unit_post=post, levels=levels, phone=f"139{rng.randint(10000000, 99999999)}",
            id_number=_id_number(rng, birth, gender), elected_on=date(2021, 11, 20), term_id=term.id,
            notes="居住在本镇的上级人大代表"))
        count += 1
    ended = roster.list_representatives(term.id)
    by_name = {r.name: r.id for r in ended}
    for name, when, reason, note in ((people[40][0], date(2023, 6, 30), "迁出调离", "调往云溪县城关镇工作"),
                                     (people[41][0], date(2024, 2, 18), "辞职", ""),
                                     (people[42][0], date(2025, 9, 3), "去世", "")):
        roster.end_representative(by_name[name], when, reason, note)
    return {"代表": count, "选区": len(VILLAGES), "代表小组": len(GROUPS)}
