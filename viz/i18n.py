"""The words of the HTML views and the planner's report, in Chinese (default) and English.

Their readers read Chinese, so pages speak Chinese unless asked (``--lang en``);
the CLI's own messages stay English. Every string a page shows comes from here,
by key, so both languages always have the same set.
"""

from __future__ import annotations

from zeren.errors import ViewError

__all__ = ["LANGS", "DEFAULT_LANG", "MESSAGES", "message", "messages"]

LANGS = ("zh", "en")
DEFAULT_LANG = "zh"

# key -> (Chinese, English); pages group keys by prefix: "report." for the report, "view." for the views
MESSAGES: dict[str, tuple[str, str]] = {
    "lang.html": ("zh-CN", "en"),
    # --- the planner's report (viz/report.py, templates/report.html.j2) ---
    "report.title": ("Zeren 责任分工报告", "Zeren report"),
    "report.summary.documents": ("文件", "documents"),
    "report.summary.plans": ("方案", "plans"),
    "report.summary.tasks": ("任务", "tasks"),
    "report.summary.agencies": ("单位", "agencies"),
    "report.summary.leaders": ("牵头领导", "lead officials"),
    "report.nav.views": ("交互视图", "Interactive views"),
    "report.nav.overloaded": ("哪些单位负担过重", "Who is overloaded"),
    "report.nav.progress": ("任务进度（督查督办）", "Task progress (supervision)"),
    "report.nav.calendar": ("完成时限日历", "Deadline calendar"),
    "report.views.about": (
        "在浏览器中打开，无需联网。鼠标悬停在节点上可查看任务原文、所属方案、完成时限和出处。",
        "Open these in a browser; they work without a network. Hover a node for the task text, plan, deadline and source line.",
    ),
    "report.view.whole": ("全景关系图", "The whole graph"),
    "report.view.whole.about": (
        "文件、方案、任务和单位；可搜索、筛选。",
        "Documents, plans, tasks and agencies; search and filter.",
    ),
    "report.view.coresponsibility": ("共担责任网络", "Co-responsibility network"),
    "report.view.coresponsibility.about": (
        "因共同承担任务而相连的单位，按群组着色。",
        "Agencies joined by shared tasks, coloured by cluster.",
    ),
    "report.view.ego.about": (
        "该单位的任务、协作单位和牵头领导。",
        "Its tasks, partners and lead officials.",
    ),
    "report.overloaded.about": (
        "每个单位只与同级、同地的单位比较（如县直部门与本县其他部门比较）；“有关部门”“各乡镇”等集体或泛指主体单列，不参与排名。"
        "负荷 = 牵头任务数 + 0.5 × 配合任务数。标记为负担过重的单位：负荷至少为同组中位数的 {k} 倍，且稳健 z 值至少为 {z}"
        "（高出同组通常离散度 {z} 倍以上），同组至少 {min_peers} 个单位。",
        "Each unit is compared only with units of the same level and place (a county bureau with the county's other bureaus); "
        "collectives and vague parties (有关部门, 各乡镇) are listed apart, never ranked. Load = tasks led + 0.5 × tasks supported. "
        "A unit is flagged when its load is at least {k} times its peers' median and its robust z-score is at least {z} "
        "(that many typical spreads above its peers), in a group of at least {min_peers} units.",
    ),
    "report.overloaded.none": ("没有单位被标记为负担过重。", "No agency is flagged as overloaded."),
    "report.overloaded.advice": (
        "可考虑将其配合任务转交给同组负荷较轻的单位。",
        "Consider moving some of their support roles to lighter peers.",
    ),
    "report.col.agency": ("单位", "agency"),
    "report.col.led": ("牵头", "leads"),
    "report.col.supported": ("配合", "supports"),
    "report.col.load": ("负荷", "load"),
    "report.col.peers": ("同组单位数", "peers"),
    "report.col.median": ("同组中位数", "peer median"),
    "report.col.ratio": ("为中位数的倍数", "× median"),
    "report.col.z": ("稳健 z 值", "robust z"),
    "report.col.why": ("依据", "why"),
    "report.col.tasks": ("任务", "tasks"),
    "report.col.done": ("已完成", "done"),
    "report.col.in_progress": ("推进中", "in progress"),
    "report.col.not_started": ("未启动", "not started"),
    "report.col.unreported": ("未报送", "unreported"),
    "report.col.overdue": ("已逾期", "overdue"),
    "report.col.total": ("合计", "total"),
    "report.apart.heading": (
        "集体或泛指主体（单列，不排名）",
        "Collectives and vague parties (listed apart, not ranked)",
    ),
    "report.progress.about": (
        "来自导入的督查台账（zeren status import）：逾期 = 完成时限已过且未完成。",
        "From the imported supervision ledger (zeren status import): overdue = past its deadline and not done.",
    ),
    "report.progress.none": (
        "尚未导入督查台账；用 zeren status import 导入后可显示各单位完成和逾期情况。",
        "No ledger imported yet; run zeren status import to show done and overdue tasks per unit.",
    ),
    "report.calendar.about": (
        "各单位每期到期的任务数（牵头和配合都计入）。时间轴按实际时间等距排列；颜色越深越集中。常态化和无时限任务不计入。",
        "Tasks falling due per agency and period (an agency counts every task it leads or supports), on a true time axis: "
        "every column is the same stretch of time. Darker cells are pile-ups; ongoing and undated tasks are not shown.",
    ),
    "report.calendar.none": ("没有任务给出具体完成时限。", "No task has a dated deadline."),
    "report.table.rows": ("{total} 行", "{total} rows"),
    "report.table.first": ("，显示前 {max_rows} 行", ", first {max_rows} shown"),
    "report.table.empty": ("未发现。", "Nothing found."),
    "report.chart.workload": (
        "负荷柱状图：最忙单位的牵头与配合任务数",
        "Workload bar chart: tasks led and supported by the busiest agencies",
    ),
    "report.chart.calendar": ("完成时限热力图：单位 × 时间", "Deadline heat-map: agencies by period"),
    "report.section.workload": ("各单位工作负荷", "Workload by agency"),
    "report.section.workload.about": (
        "各单位与同级同地单位相比的负荷，负荷最重者在前。",
        "Each agency's load against its peers, heaviest first.",
    ),
    "report.section.leader_workload": ("各牵头领导工作量", "Workload by lead official"),
    "report.section.leader_workload.about": (
        "各位具名领导牵头的任务数。",
        "Tasks each named official is in charge of.",
    ),
    "report.section.hotspot_tasks": ("热点任务", "Hotspot tasks"),
    "report.section.hotspot_tasks.about": (
        "参与单位特别多的任务：协调难，易落空。",
        "Tasks shared by unusually many agencies: hard to coordinate, easy to drop.",
    ),
    "report.section.multi_lead_tasks": ("多个牵头单位的任务", "Tasks with several leads"),
    "report.section.multi_lead_tasks.about": (
        "这些任务有不止一个牵头单位；请明确由谁对结果负责。",
        "More than one agency leads these; make sure one owns the result.",
    ),
    "report.section.deadline_pileups": ("时限扎堆", "Deadline pile-ups"),
    "report.section.deadline_pileups.about": (
        "同一个月内到期任务较多的单位。",
        "Agencies with many tasks due in the same month.",
    ),
    "report.section.agency_pairs": ("共担任务的单位组合", "Agencies that share tasks"),
    "report.section.agency_pairs.about": (
        "共同承担任务的单位两两组合，共担最多者在前。",
        "Pairs of agencies working on the same tasks, most shared first.",
    ),
    "report.section.brokers": ("枢纽单位", "Brokers"),
    "report.section.brokers.about": (
        "连接其他互不相连单位群组的单位。",
        "Agencies that connect otherwise separate groups of agencies.",
    ),
    "report.section.gaps_no_lead": ("缺口：没有牵头单位", "Gap: no lead"),
    "report.section.gaps_vague_only": ("缺口：只有泛指主体", "Gap: vague only"),
    "report.section.gaps_no_deadline": ("缺口：没有完成时限", "Gap: no deadline"),
    "report.section.gaps_idle_mentions": ("缺口：提及但无任务的单位", "Gap: idle mentions"),
    "report.section.gaps_missing_plans": ("缺口：宣布但缺失的方案", "Gap: missing plans"),
    "report.section.gaps_untargeted": ("缺口：无措施对应的目标", "Gap: untargeted"),
    "report.section.gaps_no_lead.about": ("没有任何牵头单位的任务。", "Tasks that no agency leads."),
    "report.section.gaps_vague_only.about": (
        "只由“有关部门”等泛指主体负责的任务。",
        "Tasks held only by vague collectives.",
    ),
    "report.section.gaps_no_deadline.about": (
        "没有完成时限的任务占比高的方案。",
        "Plans where many tasks have no deadline.",
    ),
    "report.section.gaps_idle_mentions.about": (
        "方案的组织保障部分提到、却没有任务的单位。",
        "Units a plan mentions that hold no task.",
    ),
    "report.section.gaps_missing_plans.about": (
        "通知宣布而文件中没有的方案。",
        "Plans a notice announces that the document lacks.",
    ),
    "report.section.gaps_untargeted.about": (
        "没有措施对应的量化目标。",
        "Goals with figures that no measure addresses.",
    ),
    "report.chart.leads": ("牵头", "leads"),
    "report.chart.supports": ("配合", "supports"),
    "report.chart.tasks": ("任务数", "tasks"),
    "report.chart.due": ("到期任务数", "tasks due"),
    "report.chart.undated": ("没有具体完成时限", "no dated deadlines"),
    "report.chart.workload.title": ("工作负荷：最忙的 {n} 个单位", "Workload: the {n} busiest agencies"),
    "report.chart.calendar.title": ("各单位完成时限分布（实际时间轴）", "Deadlines per agency over time"),
    # --- end of the report's strings ---
    # --- views (viz/page.py, draw.py, whole.py, ego.py, coresponsibility.py, matrix.py, sources.py) ---
    "view.title.whole": ("责任图谱 · 谁负责什么", "Zeren · who is responsible for what"),
    "view.title.ego": ("{name} · 任务、合作单位与牵头领导", "{name} · tasks, partners and lead officials"),
    "view.title.coresponsibility": (
        "共同责任网络 · 共担任务的单位",
        "Co-responsibility · agencies sharing tasks",
    ),
    "view.title.matrix": ("{plan} · 责任矩阵", "{plan} · responsibility matrix"),
    "view.title.source": ("{name} · 原文", "{name} · source text"),
    "view.search": ("搜索", "Search"),
    "view.search_placeholder": ("名称或任一写法…", "name or any spelling…"),
    "view.filter.plan": ("方案", "Plan"),
    "view.filter.doc": ("文件", "Document"),
    "view.filter.year": ("年份", "Year"),
    "view.filter.level": ("层级", "Level"),
    "view.filter.jurisdiction": ("辖区", "Jurisdiction"),
    "view.filter.role": ("角色", "Role"),
    "view.filter.community": ("社群", "Community"),
    "view.all": ("全部", "all"),
    "view.reset": ("重置", "Reset"),
    "view.fit": ("适应窗口", "Fit"),
    "view.physics": ("运行物理布局", "Run physics"),
    "view.physics_stop": ("停止物理布局", "Stop physics"),
    "view.png": ("导出PNG", "Export PNG"),
    "view.colour": ("着色", "Colour"),
    "view.colour.kind": ("按类型", "by kind"),
    "view.colour.community": ("按社群", "by community"),
    "view.back": ("后退", "Back"),
    "view.forward": ("前进", "Forward"),
    "view.count": ("显示 {shown} / {total} 个节点", "{shown} of {total} nodes shown"),
    "view.nodes": ("{total} 个节点", "{total} nodes"),
    "view.empty": (
        "没有符合当前搜索或筛选条件的节点，请放宽条件或点“重置”。",
        "Nothing matches this search or filter; loosen it or press Reset.",
    ),
    "view.legend": ("图例", "Legend"),
    "view.hint": (
        "点击节点查看详情；拖动移动，滚轮缩放，悬停显示名称。",
        "Click a node for details; drag to move, scroll to zoom, hover for names.",
    ),
    "view.loading": ("正在绘制…", "Drawing…"),
    "view.panel": ("详情", "Details"),
    "view.panel.empty": ("点击任一节点查看详情。", "Click any node to see its details."),
    "view.panel.open_source": ("查看原文", "open the source"),
    "view.panel.not_drawn": ("（未在本视图中）", "(not drawn in this view)"),
    "view.more": ("……另有 {n} 项", "… and {n} more"),
    "view.kind.Document": ("文件", "Document"),
    "view.kind.Plan": ("方案", "Plan"),
    "view.kind.Task": ("任务", "Task"),
    "view.kind.Agency": ("单位", "Agency"),
    "view.kind.Leader": ("牵头领导", "Lead official"),
    "view.kind.Group": ("合并的小单位", "Grouped small agencies"),
    "view.legend.Agency": ("单位（大小＝工作量）", "Agency (size = load)"),
    "view.legend.folded": ("{kind}（大小＝任务数）", "{kind} (size = tasks)"),
    "view.legend.community": ("社群 {n}", "Community {n}"),
    "view.legend.shared": ("共同任务（线宽）", "shared tasks (width)"),
    "view.edge.LEADS": ("牵头", "leads"),
    "view.edge.SUPPORTS": ("配合", "supports"),
    "view.edge.CONTAINS": ("包含方案", "contains plan"),
    "view.edge.HAS_TASK": ("包含任务", "has task"),
    "view.level.national": ("国家", "national"),
    "view.level.province": ("省级", "province"),
    "view.level.prefecture": ("州（市）级", "prefecture"),
    "view.level.county": ("县级", "county"),
    "view.level.township": ("乡镇级", "township"),
    "view.level.other": ("其他", "other"),
    "view.field.plan": ("方案", "Plan"),
    "view.field.document": ("文件", "Document"),
    "view.field.section": ("章节", "Section"),
    "view.field.number": ("编号", "Number"),
    "view.field.deadline": ("时限", "Deadline"),
    "view.field.source": ("出处", "Source"),
    "view.field.jurisdiction": ("辖区", "Jurisdiction"),
    "view.field.level": ("层级", "Level"),
    "view.field.kind": ("类型", "Kind"),
    "view.field.leads": ("牵头", "Leads"),
    "view.field.supports": ("配合", "Supports"),
    "view.field.load": ("工作量", "Load"),
    "view.field.spellings": ("写法", "Written as"),
    "view.field.issuer": ("发文机关", "Issuer"),
    "view.field.date": ("日期", "Date"),
    "view.field.file": ("文件名", "File"),
    "view.field.tasks": ("任务数", "Tasks"),
    "view.field.members": ("成员数", "Members"),
    "view.field.community": ("社群", "Community"),
    "view.field.shared": ("共同任务", "Shared tasks"),
    "view.field.written_as": ("原文写作", "Written as"),
    "view.field.text": ("全文", "Full text"),
    "view.field.lead_units": ("牵头单位", "Lead units"),
    "view.field.support_units": ("配合单位", "Supporting units"),
    "view.field.leaders": ("牵头领导", "Lead officials"),
    "view.field.partners": ("合作单位", "Partners"),
    "view.field.task_list": ("任务", "Tasks"),
    "view.field.units": ("单位", "Units"),
    "view.field.plans": ("方案", "Plans"),
    "view.group.leaders": ("{n} 位牵头领导", "{n} lead officials"),
    "view.group.level": ("其他 {n} 个{level}单位", "{n} other {level} agencies"),
    "view.note.folded": (
        "图中共有 {n:,} 个节点，超过单个视图可绘制的 {max:,} 个：任务已并入所属方案（线宽＝任务数）。按方案、文件或层级筛选可查看单个任务。",
        "The graph has {n:,} nodes, more than the {max:,} a view draws: tasks are folded into their plans (edge width = tasks). Filter by plan, document or level to see single tasks.",
    ),
    "view.note.folded_plans": (
        "方案也已并入所属文件（线宽＝任务数）。",
        "Plans are folded into their documents too (edge width = tasks).",
    ),
    "view.note.grouped": (
        "只绘制了 {actors:,} 个单位和牵头领导中工作量最大的 {room:,} 个，其余按层级合并。",
        "Only the {room:,} busiest of {actors:,} agencies and lead officials are drawn; the rest are grouped by level.",
    ),
    "view.note.ego_folded": (
        "任务太多，无法逐一绘制：已并入所属方案（线宽＝任务数）。",
        "Too many tasks to draw one by one: they are folded into their plans (edge width = tasks).",
    ),
    "view.note.ego": (
        "{name} {hops} 步以内：{plans} 个方案中的 {tasks} 项任务。",
        "{tasks} tasks in {plans} plans within {hops} steps of {name}.",
    ),
    "view.note.co_top": (
        "共有 {n:,} 个单位共担任务，只绘制共担最多的 {max:,} 个。",
        "{n:,} agencies share tasks; the {max:,} sharing most are drawn.",
    ),
    "view.note.labels": (
        "只标注工作量最大的 {n} 个单位，其余悬停显示名称。",
        "Only the {n} busiest agencies are labelled; hover the others for their names.",
    ),
    "view.matrix.task": ("任务", "Task"),
    "view.matrix.no": ("序号", "No."),
    "view.matrix.deadline": ("时限", "Deadline"),
    "view.matrix.lead": ("L", "L"),
    "view.matrix.support": ("S", "S"),
    "view.matrix.key": (
        "L＝牵头，S＝配合。点击表头排序；单位列按牵头任务数、再按配合任务数排列。",
        "L = leads, S = supports. Click a heading to sort; unit columns are ordered by tasks led, then supported.",
    ),
    "view.matrix.totals": ("合计（牵头/配合）", "Totals (lead/support)"),
    "view.source.line": ("行", "Line"),
    "view.source.file": ("文件", "File"),
    "view.source.missing": ("出处文件未找到", "source file not found"),
}


def message(key: str, lang: str = DEFAULT_LANG) -> str:
    """One string in ``lang``.

    >>> message("lang.html"), message("lang.html", "en")
    ('zh-CN', 'en')
    """
    zh, en = MESSAGES[key]
    return en if lang == "en" else zh


def messages(lang: str = DEFAULT_LANG, prefix: str = "") -> dict[str, str]:
    """Every string whose key starts with ``prefix``, in ``lang`` (for a template or a page's script)."""
    if lang not in LANGS:
        raise ViewError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    return {k: message(k, lang) for k in MESSAGES if k.startswith(prefix)}
