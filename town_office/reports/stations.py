"""The yearly 台账 of a liaison station, one page: the station and its 六有, the year's figures
(receptions held of those scheduled, appointments, voters, problems closed and fed back, late first
responses) and every reception in a table."""

from __future__ import annotations

from pathlib import Path

from town_office.reports import gongwen as g
from town_office.reports.chinese_numbers import chinese_date


def render_station_year_pdf(town: str, station, year_figures, receptions, out: Path) -> Path:
    y = year_figures
    with g.Paper(out, f"{station.name}{y.year}年接待台账") as story:
        story += g.title(f"{station.name}{y.year}年接待选民台账")
        met = "、".join(f"{item}（{on:%Y.%m}）" for item, on in station.standards.items()) or "尚未登记"
        story.append(g.body(f"地点：{station.place}　联系人：{station.contact} {station.phone}", indent=False))
        story.append(g.body(f"接待日：{station.rule_text}；进站代表：{'、'.join(station.deputy_names) or '未安排'}", indent=False))
        story.append(g.body(f"“六有”：{met}", indent=False))
        story.append(g.body(f"截至{chinese_date(y.until)}应开展接待日{y.scheduled}次，已开展{y.held_on_days}次，预约接待{y.appointments}次；"
                            f"接待选民{y.voters}人次，收集问题{y.problems}件，已办结{y.closed}件，已反馈{y.fed_back}件；"
                            f"超过24小时才首次答复{y.late_responses}次。"))
        rows = [[f"{r.held_on:%m-%d}", r.kind, r.deputies, str(r.voters), str(r.problems),
                 "未答复" if r.response_hours is None else f"{r.response_hours:g}小时" + ("（超时）" if r.response_late else "")]
                for r in receptions]
        story.append(g.table(["日期", "方式", "接待代表", "选民", "问题", "首次答复"], rows or [["", "", "本年尚无接待记录", "", "", ""]],
                             [1.3, 1.8, 4.2, 1.1, 1.1, 2.4], size=11,
                             align=["center", "center", "left", "center", "center", "center"]))
    return Path(out)
