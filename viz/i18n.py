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
