"""Council rules without database access: shared by the demo, the pages and the OParl importer.

* :func:`visibility_for_public_flag` — **the** rule for an agenda item's or consultation's
  level: only an explicit ``public: true`` is public; non-public *and unknown* (OParl leaves
  the flag out in most real data) go to the council level. Every writer of agenda items and
  consultations passes the level this function returns (the models have no default).
* :func:`category_for_paper_type` — the council information system's free-text paper type
  mapped to our categories.
* :func:`is_deciding` — deciding or advisory: ``authoritative`` if given, then keywords in the
  role, then whether the body is the main council; ``None`` when nothing tells.
* :func:`is_overdue` — a mandate still open after its due date.
"""

import datetime as dt

from digitalbilanz.core.choices import Visibility

from .choices import MandateStatus, PaperCategory


def visibility_for_public_flag(public: bool | None) -> str:
    """Level of an agenda item or consultation from OParl's ``public`` flag (``None`` = unknown)."""
    if public is True:
        return Visibility.PUBLIC.value
    return Visibility.COUNCIL.value


# Checked in order: the first keyword found in the lower-cased raw type decides.
_CATEGORY_KEYWORDS = (
    ("änderungsantrag", PaperCategory.AMENDMENT),
    ("ergänzungsantrag", PaperCategory.AMENDMENT),
    ("stellungnahme", PaperCategory.STATEMENT),
    ("antwort", PaperCategory.ANSWER),
    ("beantwortung", PaperCategory.ANSWER),
    ("anfrage", PaperCategory.INQUIRY),
    ("antrag", PaperCategory.MOTION),
    ("beschlussvorlage", PaperCategory.PROPOSAL),
    ("mitteilung", PaperCategory.COMMUNICATION),
    ("bericht", PaperCategory.COMMUNICATION),
    ("information", PaperCategory.COMMUNICATION),
    ("vorlage", PaperCategory.PROPOSAL),  # generic: after the specific kinds of "…vorlage"
)


def category_for_paper_type(raw: str | None) -> str:
    """Our category for a raw ``paperType`` ("Antrag", "Stellungnahme der Verwaltung", …)."""
    text = (raw or "").strip().lower()
    for keyword, category in _CATEGORY_KEYWORDS:
        if keyword in text:
            return category.value
    return PaperCategory.OTHER.value


_DECIDING_ROLES = ("entscheidung", "beschluss", "beschlussfassung", "entscheidend")
_ADVISORY_ROLES = ("vorberatung", "beratung", "kenntnisnahme", "anhörung", "empfehlung", "zur kenntnis")


def is_deciding(
    authoritative: bool | None, role: str | None = "", body_is_council: bool = False
) -> bool | None:
    """Whether a consultation takes the decision (``None``: unknown)."""
    if authoritative is not None:
        return authoritative
    text = (role or "").strip().lower()
    if any(word in text for word in _DECIDING_ROLES):
        return True
    if any(word in text for word in _ADVISORY_ROLES):
        return False
    if body_is_council:
        return True
    return None


def is_overdue(status: str, due_date: dt.date | None, today: dt.date) -> bool:
    """A mandate that is still open or in progress after its due date."""
    return (
        due_date is not None
        and due_date < today
        and status in (MandateStatus.OPEN.value, MandateStatus.IN_PROGRESS.value)
    )
