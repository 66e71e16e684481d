"""The chapter registry: modules contribute chapters without touching the report engine.

A chapter is a subclass of :class:`Chapter`, registered once (usually in its app's
``AppConfig.ready``)::

    from digitalbilanz.reports.chapters import Chapter, register

    class OnlineServices(Chapter):
        key = "services"
        title = "Online-Dienste"
        order = 40

        def collect(self, context):           # at snapshot time, through the visibility rule
            rows = Service.objects.for_audience(context["municipality"], context["audience"])
            return {"rows": [...]} if rows else None

        def blocks(self, snapshot):           # from the snapshot only
            data = self.section(snapshot)
            return [table(...), chart(...)]

    register(OnlineServices())

``collect`` stores JSON-serialisable data under ``snapshot["sections"][key]``; the report shows
the chapter only if ``has_data(snapshot)``. ``html``, ``typst_blocks`` and ``sheets`` default
to rendering ``blocks``; override them for format-specific output.
"""

from django.utils.translation import gettext as _

from digitalbilanz.reports import blocks as b

_REGISTRY: dict[str, "Chapter"] = {}


class Chapter:
    key: str = ""
    title: str = ""
    order: int = 100
    in_toc: bool = True

    def collect(self, context: dict):
        """Data for the snapshot (JSON-serialisable) or None; context: municipality, audience,
        reference_date."""
        return None

    def section(self, snapshot: dict):
        return snapshot.get("sections", {}).get(self.key)

    def has_data(self, snapshot: dict) -> bool:
        return bool(self.section(snapshot))

    def blocks(self, snapshot: dict) -> list[dict]:
        raise NotImplementedError

    def html(self, snapshot: dict) -> str:
        from digitalbilanz.reports.render.html import render_blocks

        return render_blocks(self.blocks(snapshot))

    def typst_blocks(self, snapshot: dict) -> list[dict]:
        return [block for block in self.blocks(snapshot) if b.in_format(block, "pdf")]

    def sheets(self, snapshot: dict) -> list[dict]:
        """Tables for the Excel workbook (every table of the chapter by default)."""
        return [
            block for block in self.blocks(snapshot) if block["t"] == "table" and b.in_format(block, "xlsx")
        ]


def register(chapter: Chapter) -> Chapter:
    if not chapter.key:
        raise ValueError("a chapter needs a key")
    _REGISTRY[chapter.key] = chapter
    return chapter


def unregister(key: str) -> None:
    _REGISTRY.pop(key, None)


def all_chapters() -> list[Chapter]:
    return sorted(_REGISTRY.values(), key=lambda c: (c.order, c.key))


def chapters_for(snapshot: dict) -> list[Chapter]:
    """The chapters the edition shows, in order."""
    return [c for c in all_chapters() if c.has_data(snapshot)]


def collect_sections(context: dict) -> dict:
    sections = {}
    for chapter in all_chapters():
        data = chapter.collect(context)
        if data is not None:
            sections[chapter.key] = data
    return sections


def chapter_title(chapter: Chapter) -> str:
    return _(chapter.title)
