"""Demo inspections: a quarterly safety inspection in 2026 of the school, the kindergarten, the shops
near the school and the market, with hazards in every status — one 重大 挂牌督办, one overdue, one
failed review, one closed with before and after photos (drawn here, no files shipped), one voided."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from town_office.services.hazards import photos as hazard_photos
from town_office.services import hazards
from town_office.services.hazards import inspections
from town_office.services import roster
from town_office.services.hazards.types import HazardInput, InspectionInput

LAW = "《中华人民共和国安全生产法》"
INSPECTIONS = [
    (date(2026, 3, 18), "青石镇中心小学安全生产执法检查", "青石镇中心小学"),
    (date(2026, 5, 12), "青石镇中心幼儿园安全检查", "青石镇中心幼儿园"),
    (date(2026, 8, 26), "校园周边商店食品安全视察", "中心小学周边商店"),
    (date(2026, 11, 10), "青石农贸市场安全生产执法检查", "青石农贸市场"),
]


def _picture(path: Path, before: bool) -> Path:
    image = Image.new("RGB", (1200, 900), (235, 235, 228))
    draw = ImageDraw.Draw(image)
    draw.rectangle((80, 120, 1120, 820), outline=(90, 90, 90), width=8)  # a corridor
    if before:
        for x in range(160, 1000, 170):
            draw.rectangle((x, 520, x + 120, 800), fill=(150, 100, 60))  # boxes blocking it
    else:
        draw.rectangle((120, 760, 1080, 790), fill=(230, 200, 40))  # a painted keep-clear line
    image.save(path, "JPEG", quality=80)
    return path


def build() -> dict[str, int]:
    deputies = [r for r in roster.list_representatives() if r.presidium_role][:3]
    people = [(r.id, "", "镇人大代表") for r in deputies] + [(None, "何建军", "镇应急管理办公室主任")]
    today = date.today()
    made = []
    for when, title, site in INSPECTIONS:
        stage = "审议整改" if (today - when).days > 30 else ("检查" if when <= today else "准备")
        made.append(inspections.save_inspection(None, InspectionInput(
            "执法检查" if "视察" not in title else "视察", title, when, LAW if "食品" not in title
            else "《中华人民共和国食品安全法》", sites=site, organiser="镇人大主席团", stage=stage,
            findings="部分场所安全通道堆放杂物，消防器材未按期检验。" if stage != "准备" else "",
            report="建议有关单位落实主体责任，限期整改，镇人大主席团将组织复查。" if stage == "审议整改" else ""),
            people))
    school, kindergarten, shops, market = made
    inspectors = "、".join(r.name for r in deputies)
    count = 0

    def register(inspection, **values) -> int:
        nonlocal count
        count += 1
        return hazards.register(HazardInput(inspection_id=inspection.id, inspectors=inspectors,
                                            **values)).id

    closed = register(school, found_on=date(2026, 3, 18), place="青石镇中心小学教学楼",
                      description="一楼消防通道堆放课桌等杂物", category="消防安全", measures="清理杂物并划设禁停线",
                      funds=0.2, responsible_unit="青石镇中心小学", responsible_person="周文华",
                      deadline=date(2026, 4, 18), reviewer="何建军")
    with tempfile.TemporaryDirectory() as tmp:
        hazard_photos.add_photo(closed, _picture(Path(tmp) / "整改前.jpg", True), "整改前")
        hazards.start(closed, date(2026, 3, 20))
        hazards.report_fixed(closed, "杂物已清理，通道已划线", date(2026, 4, 8))
        hazard_photos.add_photo(closed, _picture(Path(tmp) / "整改后.jpg", False), "整改后")
    hazards.review(closed, "何建军", date(2026, 4, 12), True, "通道畅通，整改到位")

    major = register(kindergarten, found_on=date(2026, 5, 12), place="青石镇中心幼儿园厨房",
                     description="液化气钢瓶与灶具间距不足，无泄漏报警装置", category="燃气安全", level="重大",
                     measures="改用管道天然气，安装燃气泄漏报警器", funds=3.5, responsible_unit="青石镇中心幼儿园",
                     responsible_person="陈园长", deadline=date(2026, 7, 31),
                     emergency_plan="幼儿园燃气泄漏应急处置预案", reviewer="何建军",
                     supervised_on=date(2026, 5, 13))
    hazards.start(major, date(2026, 5, 15))
    hazards.extend(major, date(2026, 12, 31), "天然气管网延伸工程年底完工", date(2026, 7, 20))

    failed = register(kindergarten, found_on=date(2026, 5, 12), place="青石镇中心幼儿园大门",
                      description="门卫室缺少防暴器材", category="治安安全", measures="配齐防暴钢叉、盾牌",
                      funds=0.1, responsible_unit="青石镇中心幼儿园", responsible_person="陈园长",
                      deadline=date(2026, 6, 12), reviewer="何建军")
    hazards.report_fixed(failed, "已购置钢叉2把", date(2026, 6, 5))
    hazards.review(failed, "何建军", date(2026, 6, 10), False, "缺少防护盾牌，门卫未经培训")

    register(shops, found_on=date(2026, 8, 26), place="中心小学对面惠民超市",
             description="销售过期辣条等“三无”食品", category="食品安全", measures="下架销毁，建立进货台账",
             funds=0, responsible_unit="惠民超市", responsible_person="王老板", deadline=date(2026, 9, 26),
             reviewer="镇市场监管所张所长")  # overdue, still 待整改
    voided = register(shops, found_on=date(2026, 8, 26), place="中心小学对面惠民超市",
                      description="销售过期食品（重复登记）", category="食品安全")
    hazards.void(voided, "与上一条重复登记", date(2026, 8, 27))
    if market.starts_on <= today:
        register(market, found_on=date(2026, 11, 10), place="青石农贸市场",
                 description="电线私拉乱接，灭火器压力不足", category="消防安全", measures="规范布线，更换灭火器",
                 funds=0.8, responsible_unit="青石农贸市场管理处", responsible_person="李经理",
                 deadline=date(2026, 12, 10), reviewer="何建军")
    return {"执法检查": len(made), "隐患": count}
