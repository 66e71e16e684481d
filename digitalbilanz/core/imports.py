"""Bulk writes (imports) as one all-or-nothing step with an audit record.

::

    with bulk_import(municipality, "services.cases", user=request.user, file=upload) as run:
        for number, row in enumerate(rows, start=2):
            if bad(row):
                run.problem(number, "Fälle", _("Keine ganze Zahl."))
        Cases.objects.bulk_create(objects)   # BulkTenantModel rows, no per-row history
        run.created_count = len(objects)

Inside the block the writes are one transaction and the municipality's data version rises once
at the end (``core.datachanges.grouped``). If any problem was recorded, or an exception escapes,
everything is rolled back, the run is stored as *failed* with its problems, and
:class:`ImportRejected` (or the exception) is raised. Nothing half-imports.

``skip_bad=True`` is for mirrors of another system (the OParl import), where one bad object
must not stop the rest: a recorded problem then means "this object was skipped", the good rows
are written and the run is stored as done *with* its problems. An exception still rolls
everything back. The run record itself raises no data version (it is not data a reader sees),
so an import that changes nothing changes nothing visible.
"""

import hashlib
from contextlib import contextmanager

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.core.datachanges import grouped, invisible
from digitalbilanz.core.models import ImportRun


class ImportRejected(Exception):
    """The import found problems; nothing was written. ``problems`` lists row, column, message."""

    def __init__(self, run):
        self.run = run
        self.problems = run.problems
        super().__init__(_("Der Import wurde abgelehnt; es wurde nichts geändert."))


@contextmanager
def bulk_import(
    municipality, kind: str, *, user=None, file_name: str = "", content: bytes = b"", skip_bad: bool = False
):
    run = ImportRun(
        municipality=municipality,
        kind=kind,
        file_name=file_name,
        file_sha256=hashlib.sha256(content).hexdigest() if content else "",
        user=user if user is not None and user.is_authenticated else None,
    )
    try:
        with transaction.atomic(), grouped():
            with invisible():
                run.save()
            yield run
            if run.problems and not skip_bad:
                raise ImportRejected(run)
            run.status = ImportRun.Status.DONE
            run.finished_at = timezone.now()
            with invisible():
                run.save()
    except BaseException:
        _record_failure(run)
        raise


def _record_failure(run) -> None:
    """Store the failed run (its rows were rolled back) so the attempt stays on record."""
    problems = run.problems
    failed = ImportRun(
        municipality=run.municipality,
        kind=run.kind,
        file_name=run.file_name,
        file_sha256=run.file_sha256,
        user=run.user,
        status=ImportRun.Status.FAILED,
        finished_at=timezone.now(),
        problems=problems,
    )
    with invisible():
        failed.save()
    run.pk, run.status = failed.pk, failed.status
