"""The chapter registry: modules contribute report chapters without touching the report engine.

A chapter is a subclass of :class:`Chapter`, registered once from its app's ``register.py``::

    from digitalbilanz.registry import blocks as b
    from digitalbilanz.registry.chapters import Chapter, entry, register_chapter

    class OnlineServices(Chapter):
        key = "services"
        title = gettext_noop("Online-Dienste")
        order = 40

        def collect(self, context):           # at snapshot time, through the visibility rule
            rows = Service.objects.for_audience(context["municipality"], context["audience"])
            return {"rows": [[s.name, s.users] for s in rows]} if rows else None

        def blocks(self, snapshot):           # from the snapshot only
            rows = self.section(snapshot)["rows"]
            return [b.table(_("Online-Dienste"), _("Dienste"), [(_("Dienst"), "text"), ...], rows)]

        def changes(self, previous, current):  # sections of the last and this edition
            return [entry("new_service", _("Neuer Dienst: %(n)s") % {"n": n}, ref=n) for n in ...]

        def problems(self, section):           # open points that need a confirmation
            return [entry("no_owner", _("%(n)s: keine Zuständigkeit.") % {"n": n}) for n in ...]

    # <app>/register.py, under "# Report chapters"
    register_chapter(OnlineServices())

``collect`` stores JSON-serialisable data under ``snapshot["sections"][section_key]``; the report
shows the chapter if ``has_data(snapshot)``. The report engine renders the chapter's ``blocks``
(``registry/blocks.py``) as PDF, HTML and Excel; a chapter never renders a format itself.

Hooks the engine's own chapters collect from every registered chapter:

* ``changes(previous, current)`` — "what changed since the last edition": entries computed from
  the section of the last published edition and of this one (either may be ``None``); stored in
  the later snapshot. ``change_blocks(entries)`` turns them into blocks (default: a heading and
  a table of the entries' texts).
* ``problems(section)`` — "open problems": entries that must be confirmed before publishing.
* ``appendix(snapshot)`` — blocks for the appendix (method, parameters, data basis).

An **entry** is a plain dict: ``kind`` (a machine-readable key of the chapter's choosing),
``text`` (one German sentence, readable without the rest), optional ``ref`` (the record it is
about, e.g. a measure number) and optional ``data`` (JSON details for the chapter's own
``change_blocks``). Build one with :func:`entry`.

Chapters of one module may share one section (``section_key``); ``collect``, ``changes`` and
``problems`` are then asked once per section, of the first of those chapters in order.
"""

from django.utils.translation import gettext as _

from digitalbilanz.registry import blocks as b

_REGISTRY: dict[str, "Chapter"] = {}


def entry(kind: str, text: str, ref: str = "", data: dict | None = None) -> dict:
    """A "what changed" or "open problem" entry (see the module docstring)."""
    item = {"kind": kind, "text": str(text)}
    if ref:
        item["ref"] = ref
    if data is not None:
        item["data"] = data
    return item


class Chapter:
    """A report chapter: its data (``collect``), its content (``blocks``) and its hooks."""

    key: str = ""
    title: str = ""
    order: int = 100
    section_key: str = ""  # the section it reads; default: its own key

    def __init__(self):
        if not self.section_key:
            self.section_key = self.key

    def collect(self, context: dict):
        """Data for the snapshot (JSON-serialisable) or None; context: municipality, audience,
        reference_date (and draws, the Monte Carlo draws; None = default)."""
        return None

    def section(self, snapshot: dict):
        return snapshot.get("sections", {}).get(self.section_key)

    def has_data(self, snapshot: dict) -> bool:
        return bool(self.section(snapshot))

    def blocks(self, snapshot: dict) -> list[dict]:
        raise NotImplementedError

    def changes(self, previous, current) -> list[dict]:
        """Entries for "what changed" from the previous and the current section."""
        return []

    def change_blocks(self, entries: list[dict]) -> list[dict]:
        """Blocks showing this chapter's change entries."""
        return entry_blocks(chapter_title(self), entries)

    def problems(self, section) -> list[dict]:
        """Entries for "open problems" of the current section."""
        return []

    def appendix(self, snapshot: dict) -> list[dict]:
        """Blocks for the appendix (method, parameters, data basis); headings from level 2."""
        return []


def entry_blocks(title: str, entries: list[dict]) -> list[dict]:
    """A heading and a table of the entries' texts (and references, if any)."""
    with_ref = any(e.get("ref") for e in entries)
    columns = ([(_("Bezug"), "text")] if with_ref else []) + [(_("Änderung"), "text")]
    rows = [([e.get("ref", "")] if with_ref else []) + [e["text"]] for e in entries]
    sheet = _("Änderungen %(t)s") % {"t": title}
    return [b.heading(title, 2), b.table(title, sheet, columns, rows, row_header=with_ref)]


def register_chapter(chapter: Chapter) -> Chapter:
    if not chapter.key:
        raise ValueError("a chapter needs a key")
    _REGISTRY[chapter.key] = chapter
    return chapter


def unregister_chapter(key: str) -> None:
    _REGISTRY.pop(key, None)


def all_chapters() -> list[Chapter]:
    return sorted(_REGISTRY.values(), key=lambda c: (c.order, c.key))


def chapters_for(snapshot: dict) -> list[Chapter]:
    """The chapters the edition shows, in order."""
    return [c for c in all_chapters() if c.has_data(snapshot)]


def section_owners() -> dict[str, Chapter]:
    """For each section key, the chapter asked to collect it (the first in order)."""
    owners: dict[str, Chapter] = {}
    for chapter in all_chapters():
        owners.setdefault(chapter.section_key, chapter)
    return owners


def chapter_title(chapter: Chapter) -> str:
    return _(chapter.title)
