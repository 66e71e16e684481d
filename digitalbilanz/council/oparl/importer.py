"""One OParl import run: read (loader) → stage raw JSON → map into the council models.

::

    outcome = import_oparl(municipality, "https://ris.example.org/oparl/v1/system", user=user)
    outcome.run            # core ImportRun: status, counts, problems (row None, column = OParl id/URL)
    outcome.complete       # every list read to its end (only then the next run starts from here)

The network is read first, outside any transaction. Staging and mapping then run in one
``core.imports.bulk_import(…, skip_bad=True)`` block: one data change, one bad object recorded
and skipped, and any unexpected error rolls the whole run back — already imported data stays as
it was. A run that could not read every list does not move ``OParlSource.last_sync``, so the
next run (a plain rerun) reads the same changes again: the import resumes by being repeated.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.core.datachanges import invisible
from digitalbilanz.core.imports import ImportRejected, bulk_import
from digitalbilanz.core.models import ImportRun
from digitalbilanz.council.sources import sync_paper_sources

from .loader import FetchError, ListResult, Loader, format_since, normalize_url, parse_datetime, type_name
from .mapping import Counts, Mapper
from .models import OParlObject, OParlSource

KIND = "council.oparl"
SOURCE_REASON = "Abgleich mit dem Ratsinformationssystem (OParl)"
OVERLAP = dt.timedelta(minutes=5)
LISTS = {"organization": "Organization", "person": "Person", "meeting": "Meeting", "paper": "Paper"}


@dataclass
class Outcome:
    run: ImportRun
    complete: bool = False
    fetched: int = 0
    since: dt.datetime | None = None
    vendor: str = ""
    per_type: dict[str, Counts] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.run.status == ImportRun.Status.DONE


def configure_source(municipality, system_url: str, body_id: str = "") -> OParlSource:
    source, _created = OParlSource.objects.get_or_create(
        municipality=municipality, defaults={"system_url": system_url, "body_id": body_id}
    )
    if (source.system_url, source.body_id) != (system_url, body_id or source.body_id):
        if normalize_url(source.system_url) != normalize_url(system_url):
            source.last_sync = None  # another server: start with a full read
        source.system_url, source.body_id = system_url, body_id or source.body_id
        source.save()
    return source


def import_oparl(
    municipality,
    system_url: str | None = None,
    *,
    body_id: str = "",
    since: dt.datetime | None = None,
    full: bool = False,
    user=None,
    loader: Loader | None = None,
) -> Outcome:
    """Import the council data of ``municipality`` from its OParl system (see module doc)."""
    if system_url:
        source = configure_source(municipality, system_url, body_id)
    else:
        source = OParlSource.objects.filter(municipality=municipality).first()
        if source is None:
            raise ValueError(_("Für diese Kommune ist kein OParl-System eingetragen."))
    loader = loader or Loader()
    started = timezone.now()
    if since is None and not full and source.last_sync is not None:
        since = source.last_sync - OVERLAP
    outcome = Outcome(run=None, since=since)
    file_name = source.system_url[:255]

    try:
        system = loader.system(source.system_url)
        outcome.vendor = loader.vendor.label
        body = _choose_body(loader, system, body_id or source.body_id)
        params = {"modified_since": format_since(since)} if since else None
        urls = {name: body.get(name) for name in LISTS if isinstance(body.get(name), str)}
        results: dict[str, ListResult] = loader.lists(urls, params, types=LISTS)
    except FetchError as error:
        return _failed(outcome, municipality, user, file_name, error.url, error.message)

    outcome.complete = all(result.complete for result in results.values())
    objects = {name: result.objects for name, result in results.items()}
    outcome.fetched = sum(len(items) for items in objects.values())
    try:
        with bulk_import(municipality, KIND, user=user, file_name=file_name, skip_bad=True) as run:
            outcome.run = run
            # two runs for the same municipality map one after the other (PostgreSQL row lock)
            OParlSource.objects.select_for_update().filter(pk=source.pk).exists()
            for result in results.values():
                for problem in result.problems:
                    run.problem(None, problem.url, problem.message)
            _stage(
                municipality, run, [system, body, *(o for items in objects.values() for o in items)], loader
            )
            mapper = Mapper(municipality, run, vendor=loader.vendor, tz=timezone.get_default_timezone())
            mapper.map_all(objects)
            outcome.per_type = mapper.per_type
            run.created_count = mapper.counts.created
            run.updated_count = mapper.counts.updated
            run.unchanged_count = mapper.counts.unchanged
            run.deleted_count = mapper.counts.deleted
            sync_paper_sources(municipality, reason=SOURCE_REASON, user=user)
            if not outcome.complete:
                run.problem(
                    None,
                    source.system_url,
                    _(
                        "Nicht alle Listen wurden vollständig gelesen; der nächste Lauf liest ab dem letzten "
                        "vollständigen Abgleich erneut."
                    ),
                )
    except Exception as error:  # rolled back by bulk_import; keep the reason on the failed run
        failed = ImportRun.objects.get(pk=outcome.run.pk) if outcome.run and outcome.run.pk else None
        if failed is None:
            raise
        failed.problems = [
            *failed.problems,
            {"row": None, "column": "", "message": f"{type(error).__name__}: {error}"},
        ]
        with invisible():
            ImportRun.objects.filter(pk=failed.pk).update(problems=failed.problems)
        outcome.run = ImportRun.objects.get(pk=failed.pk)
        return outcome

    source.vendor = loader.vendor.label[:60]
    if outcome.complete:
        source.last_sync = started
    with invisible():
        source.save()
    return outcome


def _choose_body(loader: Loader, system: dict, body_id: str) -> dict:
    url = system.get("body")
    if not isinstance(url, str) or not url:
        raise FetchError(
            str(system.get("id") or ""), _("Das System nennt keine Liste der Körperschaften (body).")
        )
    bodies = loader.list(url, expect_type="Body")
    candidates = [b for b in bodies.objects if isinstance(b, dict) and not b.get("deleted")]
    if body_id:
        wanted = normalize_url(body_id)
        candidates = [b for b in candidates if normalize_url(b.get("id")) == wanted]
    if not candidates:
        message = (
            bodies.problems[0].message if bodies.problems else _("Keine passende Körperschaft gefunden.")
        )
        raise FetchError(body_id or url, message)
    return candidates[0]


def _stage(municipality, run, objects: list[dict], loader: Loader) -> None:
    """Raw JSON of every top-level object read, keyed by (municipality, normalised id)."""
    now = timezone.now()
    rows = {}
    for obj in objects:
        key = normalize_url(obj.get("id"), loader.vendor) if isinstance(obj, dict) else ""
        if not key:
            continue
        rows[key] = OParlObject(
            municipality=municipality,
            oparl_id=key,
            type=type_name(obj)[:40],
            modified=parse_datetime(obj.get("modified")),
            deleted=bool(obj.get("deleted")),
            data=obj,
            fetched_at=now,
            last_run=run,
        )
    OParlObject.objects.bulk_create(
        list(rows.values()),
        batch_size=500,
        update_conflicts=True,
        unique_fields=["municipality", "oparl_id"],
        update_fields=["type", "modified", "deleted", "data", "fetched_at", "last_run"],
    )


def _failed(outcome: Outcome, municipality, user, file_name: str, where: str, message: str) -> Outcome:
    """Nothing could be read: a failed run with the reason; no data touched."""
    try:
        with bulk_import(municipality, KIND, user=user, file_name=file_name) as run:
            outcome.run = run
            run.problem(None, where, message)
    except ImportRejected as rejected:
        outcome.run = rejected.run
    outcome.run = ImportRun.objects.get(pk=outcome.run.pk)
    return outcome
