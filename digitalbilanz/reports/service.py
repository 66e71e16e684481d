"""Edition workflow: create a draft, refresh its data, publish (freeze) and render.

Publishing renders all formats in memory first; only if every format succeeds are files and
state written, in one transaction — a failure leaves the draft unchanged.
"""

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.reports.changes import compare
from digitalbilanz.reports.models import Edition, EditionFile, EditionLocked, State
from digitalbilanz.reports.render import FORMATS, RenderError, render
from digitalbilanz.reports.snapshot import build_snapshot


class ConfirmationRequired(Exception):
    """Open problems exist and the publisher has not confirmed them."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__(
            _(
                "Die Ausgabe hat %(n)s offene Punkte. Veröffentlichen ist nur mit ausdrücklicher "
                "Bestätigung möglich."
            )
            % {"n": len(problems)}
        )


def previous_for(edition: Edition) -> Edition | None:
    """The latest published edition of the same municipality and audience before this one."""
    query = Edition.objects.published().filter(municipality=edition.municipality, audience=edition.audience)
    if edition.pk:
        query = query.exclude(pk=edition.pk)
    if edition.published_at:
        query = query.filter(published_at__lt=edition.published_at)
    earlier = query.filter(period__lte=edition.period).order_by("-period", "-number")
    return earlier.first()


def create_draft(municipality, period, audience, user=None, title="", today=None) -> Edition:
    number = (
        Edition.objects.filter(municipality=municipality, period=period, audience=audience).aggregate(
            n=Max("number")
        )["n"]
        or 0
    ) + 1
    edition = Edition(
        municipality=municipality,
        period=period,
        audience=audience,
        number=number,
        title=title,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    edition.full_clean(exclude=["snapshot"])
    refresh(edition, today=today, save=False)
    edition.save()
    return edition


def refresh(edition: Edition, today=None, save=True, draws=None) -> Edition:
    """Take a new snapshot of the current data for a draft."""
    if edition.is_published:
        raise EditionLocked()
    snapshot = build_snapshot(
        edition.municipality, edition.period, edition.audience, today=today, draws=draws
    )
    previous = previous_for(edition)
    snapshot["changes"] = compare(previous.snapshot if previous else None, snapshot)
    snapshot["edition"] = {"number": edition.number, "state_label": str(State.DRAFT.label)}
    edition.snapshot = snapshot
    edition.snapshot_at = timezone.now()
    edition.previous = previous
    if save:
        edition.save()
    return edition


def publish(edition: Edition, user=None, confirm=False, note="", today=None) -> Edition:
    """Freeze the edition: fresh snapshot, all files rendered, state published."""
    if edition.is_published:
        raise EditionLocked()
    refresh(edition, today=today, save=False)
    problems = edition.snapshot.get("problems", [])
    if problems and not confirm:
        raise ConfirmationRequired(problems)
    snapshot = dict(edition.snapshot)
    snapshot["edition"] = {"number": edition.number, "state_label": str(State.PUBLISHED.label)}
    snapshot["confirmed_problems"] = problems
    files = {fmt: render(snapshot, fmt) for fmt in FORMATS}  # may raise RenderError
    with transaction.atomic():
        for fmt, content in files.items():
            EditionFile(edition=edition, format=fmt, content=content).save()
        edition.snapshot = snapshot
        edition.open_problems = problems
        edition.problems_confirmed = bool(problems)
        edition.confirmation_note = note.strip() if problems else ""
        edition.published_by = user if user is not None and user.is_authenticated else None
        edition.published_at = timezone.now()
        edition.state = State.PUBLISHED
        edition.save()
    return edition


def render_edition(edition: Edition, fmt: str) -> bytes:
    """Stored bytes of a published edition; a draft is rendered from its snapshot."""
    if edition.is_published:
        stored = edition.file(fmt)
        if stored is not None:
            return bytes(stored.content)
    return render(edition.snapshot, fmt)


__all__ = [
    "ConfirmationRequired",
    "EditionLocked",
    "RenderError",
    "create_draft",
    "previous_for",
    "publish",
    "refresh",
    "render_edition",
]
