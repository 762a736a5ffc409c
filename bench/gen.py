#!/usr/bin/env python3
"""Synthetic itucal data: `gen.py N_MEETINGS EVENTS_PER_MEETING OUT_DIR`.

Writes N_MEETINGS meeting files (docs/data-format.md) with about EVENTS_PER_MEETING events each
into OUT_DIR, one a week every ~2 days from January 2018 (about 200 a year: 2,000 are ten years
of ITU-T), shaped like a collective letter: five key deadlines, two notices, one block per
Question and the Working Party meeting, and a time plan (`[plan]`) whose sessions make up the
rest (as many as the meeting's weekdays hold). English and Chinese texts of realistic length
(multi-line descriptions, commas and semicolons that need escaping, lines that need folding),
all-day and timed events, several time zones (mostly Geneva), the groups' structure (`within`),
some tentative/cancelled events with per-event updates.

Deterministic (fixed seed): the same arguments give the same bytes. Local times are 08:00–18:00
only, so none falls in a DST gap or overlap. Check the result with `itucal check OUT_DIR`.
"""

import os
import random
import sys
from datetime import date, timedelta

# (zone, weight, city en, city zh, venue en, venue zh)
ZONES = [
    ("Europe/Zurich", 60, "Geneva", "日内瓦", "ITU headquarters", "国际电联总部"),
    ("Asia/Dubai", 8, "Dubai", "迪拜", "Dubai World Trade Centre", "迪拜世界贸易中心"),
    ("America/New_York", 8, "New York", "纽约", "United Nations Headquarters", "联合国总部"),
    ("Asia/Shanghai", 8, "Shanghai", "上海", "Shanghai International Convention Center", "上海国际会议中心"),
    ("Australia/Sydney", 6, "Sydney", "悉尼", "International Convention Centre Sydney", "悉尼国际会议中心"),
    ("America/Sao_Paulo", 5, "São Paulo", "圣保罗", "Centro de Convenções", "会议中心"),
    ("Africa/Nairobi", 5, "Nairobi", "内罗毕", "Kenyatta International Convention Centre", "肯雅塔国际会议中心"),
]

SG_TOPICS = {
    2: ("Operational aspects of service provision and telecommunication management", "业务提供和电信管理的运营问题"),
    3: ("Economic and policy issues", "经济和政策问题"),
    5: ("Environment, EMF and circular economy", "环境、电磁场与循环经济"),
    9: ("Broadband cable and TV", "宽带有线和电视"),
    11: ("Protocols, testing specifications and combating counterfeiting", "协议、测试规范和打击假冒"),
    12: ("Performance, QoS and QoE", "性能、服务质量和体验质量"),
    13: ("Future networks and emerging network technologies", "未来网络和新兴网络技术"),
    15: ("Networks, technologies and infrastructures for transport, access and home", "传送、接入和家庭网络、技术及基础设施"),
    16: ("Multimedia and digital technologies", "多媒体和数字技术"),
    17: ("Security", "安全"),
    20: ("Internet of Things, smart cities and communities", "物联网、智慧城市和社区"),
}

FILLER_EN = [
    "The main objectives of the meeting are to advance the work, to consider starting the approval process of some draft ITU-T Recommendations and to discuss the existing collaboration with other standards development organizations.",
    "Submission of and access to documents: the meeting will be paperless. Members should submit contributions using Direct Document Posting; draft temporary documents (TDs) should be submitted by e-mail to the study group secretariat using the appropriate template.",
    "Detailed information on the daily room allocations will be displayed on the screens at the venue and is also available online.",
    "Remote participation: the sessions will be held in hybrid format, with interpretation in the six official languages where indicated; please register in advance to obtain the connection details.",
    "Access to the meeting documents provided on the study group homepage is restricted to ITU-T members/TIES users.",
    "Visa support: if required, visas must be requested at least one month before the date of the meeting from the representation (embassy or consulate) of the host country in your country.",
]
FILLER_ZH = [
    "此会议的主要目标是推进工作的开展，同时考虑启动某些ITU-T建议书草案的批准进程并讨论与其他标准制定组织的现有协作。",
    "提交和访问文件：会议将为无纸会议。成员应采用文件直传方式提交文稿；临时文件草案应利用适当模板通过电子邮件提交研究组秘书处。",
    "每天会议厅安排的具体信息将在会场各电视屏幕上显示，有关信息也会在线显示。",
    "远程参会：会议将以混合形式举行，注明之处提供六种正式语文的口译；请提前注册以获取连接信息。",
    "研究组主页上提供的对会议文件的访问仅限于ITU-T成员/TIES用户。",
]

def q(s):
    """A TOML basic string."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def ml(s):
    """A TOML multi-line basic string (our texts hold no backslashes or triple quotes)."""
    assert "\\" not in s and '"""' not in s
    return '"""' + s + '"""'


def text(en, zh=None):
    if zh is None:
        return q(en)
    return "{ en = " + q(en) + ", zh = " + q(zh) + " }"


def para(rng, n_en, n_zh):
    en = "\n\n".join(" ".join(rng.sample(FILLER_EN, 2)) for _ in range(n_en))
    zh = "\n\n".join("".join(rng.sample(FILLER_ZH, 2)) for _ in range(n_zh))
    return en, zh


def pick_zone(rng):
    total = sum(z[1] for z in ZONES)
    r = rng.uniform(0, total)
    for z in ZONES:
        r -= z[1]
        if r <= 0:
            return z
    return ZONES[0]


def meeting_file(i, per, rng):
    sg = rng.choice(sorted(SG_TOPICS))
    topic_en, topic_zh = SG_TOPICS[sg]
    zone, _, city_en, city_zh, venue_en, venue_zh = pick_zone(rng)
    start = date(2018, 1, 8) + timedelta(days=7 * (i % 520) + rng.randrange(0, 3))
    days = rng.choice([3, 5, 8, 9, 10])
    wp = rng.randrange(1, 4)
    questions = sorted(rng.sample(range(1, 14), rng.randrange(2, 6)))
    groups = [f"SG{sg}", f"WP{wp}/{sg}"] + [f"Q{n}/{sg}" for n in questions]
    mid = f"sg{sg}-wp{wp}-{start.year}-{start.month:02d}-m{i:04d}"
    letter = f"TSB Collective Letter {i % 40 + 1}/{sg}"
    letter_zh = f"电信标准化局第{i % 40 + 1}/{sg}号集体函"
    letter_date = start - timedelta(days=110)
    updated = f"{letter_date.isoformat()}T00:00:00Z"
    url = f"https://www.itu.int/en/ITU-T/studygroups/2025-2028/{sg:02d}/Pages/meeting-{i}.aspx"
    d_en, d_zh = para(rng, 3, 3)
    out = []
    w = out.append
    w(f"# SG{sg} WP{wp}/{sg} and rapporteur group meetings, {city_en}, {start.isoformat()} (synthetic, bench/gen.py)\n")
    w(f"id = {q(mid)}\n")
    if zone != "Europe/Zurich" or rng.random() < 0.5:
        w(f"timezone = {q(zone)}\n")
    w(f"updated = {updated}\n")
    w("groups = [" + ", ".join(q(g) for g in groups) + "]\n")
    inside = [f'"Q{n}/{sg}" = "WP{wp}/{sg}"' for n in questions] + [f'"WP{wp}/{sg}" = "SG{sg}"']
    w("within = { " + ", ".join(inside) + " }\n")
    w(f"url = {q(url)}\n")
    end_day = start + timedelta(days=days - 1)
    w("title = " + text(
        f"SG{sg} WP{wp}/{sg} and rapporteur group meetings, {city_en}, {start.day} {start:%B} – {end_day.day} {end_day:%B} {end_day.year}",
        f"第{sg}研究组第{wp}/{sg}工作组及报告人组会议，{start.year}年{start.month}月{start.day}日-{end_day.month}月{end_day.day}日，{city_zh}",
    ) + "\n")
    w("location = " + text(f"{venue_en}, {city_en}", f"{city_zh}{venue_zh}") + "\n")
    w("source = { reference = " + text(letter, letter_zh) + f", date = {letter_date.isoformat()} }}\n")
    w(f'contact = {{ email = "tsbsg{sg}@itu.int", phone = "+41 22 730 {5000 + sg * 37}", fax = "+41 22 730 5853", web = "http://itu.int/go/tsg{sg}" }}\n\n')
    w("[description]\n")
    w(f"en = {ml(f'Study Group {sg} ({topic_en}): the next meeting of Working Party {wp}/{sg} will be held in {city_en}.' + chr(10) + chr(10) + d_en)}\n")
    w(f"zh = {ml(f'第{sg}研究组（{topic_zh}）：第{wp}/{sg}工作组下次会议将在{city_zh}召开。' + chr(10) + chr(10) + d_zh)}\n")

    # A collective letter's mix (TSB Collective Letter 3/20 and its kind): five key deadlines,
    # two notices (registration, a practical note), one block per Question (its rapporteur
    # group meeting) and the Working Party meeting; the rest of the events are the time plan's
    # sessions.
    deadlines = [
        ("contributions-translation", 60, "ITU-T Member contributions for which translation is requested", "提供需要翻译的ITU-T成员文稿"),
        ("fellowships", 45, "requests for fellowships", "申请与会补助"),
        ("pre-registration", 30, "pre-registration", "预先注册"),
        ("visa-support-letter", 30, "requests for visa support letters", "申请签证支持函"),
        ("contributions", 12, "ITU-T Member contributions", "提交ITU-T成员文稿"),
    ]
    events = []
    for name, before, what_en, what_zh in deadlines:
        day = start - timedelta(days=before)
        en_extra, zh_extra = para(rng, 1, 1)
        events.append((
            f'key = "deadline-{name}"\nkind = "deadline"\nfirst_day = {day.isoformat()}\n',
            text(f"Deadline: {what_en} (SG{sg} WP{wp}/{sg}, {start:%b %Y})",
                 f"截止日期：{what_zh}（SG{sg} WP{wp}/{sg}，{start.year}年{start.month}月）"),
            None,
            (f"Deadline for {what_en}: {day.day} {day:%B} {day.year} ({city_en} time).\n\n{en_extra}",
             f"{what_zh}的截止日期：{day.year}年{day.month}月{day.day}日（{city_zh}时间）。\n\n{zh_extra}"),
        ))
    en_extra, zh_extra = para(rng, 1, 1)
    events.append((
        f'key = "registration"\nkind = "info"\nstart = {start.isoformat()}T08:00:00\nend = {start.isoformat()}T09:30:00\n',
        text(f"Registration, SG{sg} WP{wp}/{sg} and rapporteur group meetings, {city_en}",
             f"与会者注册，SG{sg} WP{wp}/{sg}及报告人组会议，{city_zh}"),
        text(f"Main entrance, {venue_en}, {city_en}", f"{city_zh}{venue_zh}入口处"),
        (en_extra, zh_extra),
    ))
    en_extra, zh_extra = para(rng, 1, 1)
    events.append((
        f'key = "notice-remote-participation"\nkind = "info"\nfirst_day = {start.isoformat()}\nlast_day = {end_day.isoformat()}\n',
        text(f"Remote participation and interpretation (SG{sg} WP{wp}/{sg}), {city_en}",
             f"远程参会和口译（SG{sg} WP{wp}/{sg}），{city_zh}"),
        None,
        (en_extra, zh_extra),
    ))
    last_q = end_day - timedelta(days=1) if days > 1 else end_day
    for qn in questions:
        events.append((
            f'key = "q{qn}-{sg}-rapporteur-meeting"\nkind = "meeting"\ngroups = ["Q{qn}/{sg}"]\n'
            f"first_day = {start.isoformat()}\nlast_day = {last_q.isoformat()}\n",
            text(f"Q{qn}/{sg} rapporteur group meeting, {city_en}", f"第Q{qn}/{sg}课题报告人组会议，{city_zh}"),
            None,
            (d_en, d_zh),
        ))
    events.append((
        f'key = "wp{wp}-{sg}-meeting"\nkind = "meeting"\ngroups = ["WP{wp}/{sg}"]\nfirst_day = {end_day.isoformat()}\n',
        text(f"WP{wp}/{sg} meeting, {city_en}", f"第{wp}/{sg}工作组会议，{city_zh}"),
        None,
        (d_en, d_zh),
    ))
    for n, (head, title, location, (en, zh)) in enumerate(events):
        ev = ["\n[[event]]\n", head]
        r = rng.random()
        if r < 0.04:
            ev.append('status = "cancelled"\n')
            ev.append(f"updated = {(letter_date + timedelta(days=20)).isoformat()}T09:00:00Z\n")
        elif r < 0.08:
            ev.append('status = "tentative"\n')
        elif r < 0.12:
            ev.append(f'url = "{url}#item-{n}"\n')
        ev.append(f"title = {title}\n")
        if location:
            ev.append(f"location = {location}\n")
        ev.append("[event.description]\n")
        ev.append(f"en = {ml(en)}\n")
        if rng.random() < 0.8:
            ev.append(f"zh = {ml(zh)}\n")
        out.append("".join(ev))

    # The time plan: every other event. Each weekday has four slots; in each slot every Question
    # meets in a room of its own (so no group is in two rooms and no room holds two sessions).
    sessions = max(0, per - len(events))
    if sessions:
        out.append('\n[plan]\nstatus = "%s"\nversion = "%d"\n' % (rng.choice(["draft", "tentative", "final"]), rng.randrange(1, 4)))
        out.append('slots = { am1 = "09:00-10:30", am2 = "11:00-12:30", pm1 = "14:30-16:00", pm2 = "16:30-18:00" }\n')
        out.append("\n[plan.days]\n")
        weekdays = [start + timedelta(days=d) for d in range(days) if (start + timedelta(days=d)).weekday() < 5]
        number = {qn: 0 for qn in questions}
        placed = 0
        for d in weekdays:
            for slot in ["am1", "am2", "pm1", "pm2"]:
                if placed >= sessions:
                    break
                cells = []
                for room, qn in enumerate(questions):
                    if placed >= sessions:
                        break
                    number[qn] += 1
                    placed += 1
                    cells.append(f'"Q{qn}/{sg} #{number[qn]} @ Room {chr(65 + room)}{sg}"')
                if cells:
                    out.append(f"{d.isoformat()}.{slot} = [{', '.join(cells)}]\n")
    body = "".join(out)
    return mid, body, len(events) + (placed if sessions else 0)


def main(argv):
    if len(argv) != 4:
        sys.exit(__doc__.strip().splitlines()[0])
    n_meetings, per, out_dir = int(argv[1]), int(argv[2]), argv[3]
    os.makedirs(out_dir, exist_ok=True)
    for f in os.listdir(out_dir):
        if f.endswith(".toml"):
            os.remove(os.path.join(out_dir, f))
    rng = random.Random(20180115)
    total = 0
    for i in range(n_meetings):
        mid, body, n = meeting_file(i, per, rng)
        total += n
        with open(os.path.join(out_dir, f"{mid}.toml"), "w", encoding="utf-8") as fh:
            fh.write(body)
    print(f"{n_meetings} meetings, {total} events in {out_dir}")


if __name__ == "__main__":
    main(sys.argv)
