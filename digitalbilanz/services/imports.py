"""Import of case numbers from CSV (German formats) and Excel, with preview and all-or-nothing apply.

File layout (one header row, columns in any order, names case-insensitive)::

    OZG-ID;Zeitraum;Beginn;Kanal;Fälle
    10225;Monat;01.03.2024;online;1.234
    10225;Jahr;01.01.2023;Schalter;12.000

* CSV: UTF-8 (with or without BOM), separator ``;``, numbers with thousands ``.`` and decimal
  comma (``1.234`` or ``1234,0``; the count must be whole), dates ``dd.mm.yyyy``.
* Excel (.xlsx): the first sheet, the same columns; cells may be numbers and dates.
* ``Zeitraum``: Monat, Quartal or Jahr; ``Beginn`` the first day of that period.
* ``Kanal``: online, Schalter, Post, E-Mail, Telefon.

Every rejected row names line, column and reason in German. :func:`preview` says what would be
created, changed or left unchanged without writing; :func:`apply` writes all rows in one
``core.imports.bulk_import`` (ImportRun as audit, one data change at the end) or nothing.
Rows are upserted on (service, period, channel); a row whose count is unchanged is not touched,
so importing the same file again changes nothing.

:func:`apply` streams: the file is decoded and read in pieces, every row is validated against
lookups built once (service ids, one cache per column), and valid rows leave in chunks of
``CHUNK_ROWS``. On PostgreSQL each chunk goes by ``COPY`` into a temporary table inside the
import's transaction, which ends with one ``UPDATE … FROM`` (changed counts only) and one
``INSERT … SELECT`` (new rows), one writer per municipality at a time (an advisory lock held to
the end of the transaction); problems found anywhere in the file roll everything back. Memory
then holds the file's bytes, one chunk and 16 bytes per row for the duplicate check (not the rows
themselves). Elsewhere (SQLite) the rows are collected and written through
``bulk_create`` / ``bulk_update``; the validation is the same code.
"""

import csv
import datetime as dt
import io
import re
from array import array
from dataclasses import dataclass, field

import numpy as np
from django.db import connection
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.core.datachanges import data_changed
from digitalbilanz.core.imports import bulk_import
from digitalbilanz.services.choices import PeriodKind
from digitalbilanz.services.models import CaseCount, Service
from digitalbilanz.spreadsheet import append_row

KIND = "services.cases"
HEADER = ("OZG-ID", "Zeitraum", "Beginn", "Kanal", "Fälle")
MAX_PROBLEMS = 200  # a broken file lists its first problems, not a million
CHUNK_ROWS = 10_000  # valid rows handed to the writer at a time
TEXT_CHUNK = 1 << 20  # bytes of a CSV file decoded at a time (cut after a line end)
BOM = b"\xef\xbb\xbf"

PERIOD_WORDS = {
    "monat": PeriodKind.MONTH.value,
    "quartal": PeriodKind.QUARTER.value,
    "jahr": PeriodKind.YEAR.value,
}
PERIOD_WORDS.update({k.value: k.value for k in PeriodKind})
CHANNEL_WORDS = {
    "online": "online",
    "schalter": "counter",
    "post": "post",
    "e-mail": "email",
    "email": "email",
    "telefon": "phone",
    "counter": "counter",
    "phone": "phone",
}
CHANNEL_INDEX = {"online": 0, "counter": 1, "post": 2, "email": 3, "phone": 4}
KIND_INDEX = {PeriodKind.MONTH: 0, PeriodKind.QUARTER: 1, PeriodKind.YEAR: 2}
DATE_RE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
ISO_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
INT_RE = re.compile(r"^-?\d{1,3}(\.\d{3})*(,0*)?$|^-?\d+(,0*)?$")
NUMBER_RE = re.compile(r"^-?\d{1,3}(\.\d{3})*(,\d+)?$|^-?\d+(,\d+)?$")


class FileError(Exception):
    """The file cannot be read at all (encoding, separator, header); German message."""

    def __init__(self, message, row=1, column=""):
        super().__init__(message)
        self.row, self.column = row, column


@dataclass
class Parsed:
    """Validated rows (service id, kind, start, channel, cases) and problems (row, column, text).

    ``rows`` stays empty when the rows are streamed to a writer (:func:`apply`). Any problem
    rejects the whole file, so ``rows`` are only meaningful when ``problems`` is empty.
    """

    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)
    total: int = 0
    truncated: bool = False

    def problem(self, row, column, message):
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append({"row": row, "column": column, "message": message})
        else:
            self.truncated = True


# --- reading -------------------------------------------------------------------------


def read_rows(file_name: str, data: bytes):
    """(line number, list of cells) for every data row; the header row is checked first."""
    if file_name.lower().endswith(".xlsx") or data[:4] == b"PK\x03\x04":
        rows = _xlsx_rows(data)
    else:
        rows = _csv_rows(data)
    header = next(rows, None)
    if header is None:
        raise FileError(_("Die Datei ist leer."))
    positions = _positions(header[1])
    return positions, rows


def _csv_rows(data: bytes):
    """Rows of a CSV file, decoded piece by piece (no full copy of the text in memory)."""
    pieces = _text_pieces(data, len(BOM) if data.startswith(BOM) else 0)
    first = next(pieces, "")
    head = first.split("\n", 1)[0]
    if ";" not in head and ("," in head or "\t" in head):
        raise FileError(_("Das Trennzeichen muss ein Semikolon (;) sein."), row=1)
    reader = csv.reader(_lines(first, pieces), delimiter=";")
    for number, cells in enumerate(reader, start=1):
        if cells and any(c.strip() for c in cells):
            yield number, cells


def _text_pieces(data: bytes, start: int):
    """The file as text in pieces of about ``TEXT_CHUNK`` bytes, each ending after a line end."""
    view = memoryview(data)
    end_of_data, size = len(data), TEXT_CHUNK
    while start < end_of_data:
        end = min(start + size, end_of_data)
        if end < end_of_data:
            newline = data.find(b"\n", end)
            end = end_of_data if newline == -1 else newline + 1
        try:
            text = str(view[start:end], "utf-8")
        except UnicodeDecodeError as exc:
            at = start + exc.start
            raise FileError(
                _(
                    "Die Datei ist nicht UTF-8-kodiert (Byte an Position %(pos)s). Bitte als „CSV UTF-8 "
                    "(durch Trennzeichen getrennt)“ speichern."
                )
                % {"pos": at + 1},
                row=data.count(b"\n", 0, at) + 1,
            ) from None
        yield text
        start = end


def _lines(first: str, pieces):
    yield from io.StringIO(first)
    for text in pieces:
        yield from io.StringIO(text)


def _xlsx_rows(data: bytes):
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception:
        raise FileError(_("Die Excel-Datei kann nicht gelesen werden (nur .xlsx).")) from None
    sheet = book.worksheets[0]
    for number, cells in enumerate(sheet.iter_rows(values_only=True), start=1):
        if cells and any(c not in (None, "") for c in cells):
            yield number, ["" if c is None else c for c in cells]
    book.close()


def _positions(header) -> dict[str, int]:
    names = {str(h).strip().lower(): i for i, h in enumerate(header)}
    aliases = {"OZG-ID": ("ozg-id", "ozg id", "leistung"), "Fälle": ("fälle", "faelle", "fallzahl")}
    positions = {}
    missing = []
    for column in HEADER:
        candidates = aliases.get(column, (column.lower(),))
        found = next((names[c] for c in candidates if c in names), None)
        if found is None:
            missing.append(column)
        positions[column] = found
    if missing:
        raise FileError(
            _("Spalte fehlt: %(cols)s. Erwartet wird die Kopfzeile %(header)s.")
            % {"cols": ", ".join(missing), "header": ";".join(HEADER)},
            row=1,
            column=missing[0],
        )
    return positions


# --- validating ----------------------------------------------------------------------


def parse(municipality, file_name: str, data: bytes, *, sink=None) -> Parsed:
    """Read and validate a file; nothing is written (``sink``: see :func:`validate`)."""
    parsed = Parsed()
    try:
        positions, rows = read_rows(file_name, data)
        services = dict(Service.objects.filter(municipality=municipality).values_list("ozg_id", "pk"))
        validate(parsed, positions, rows, services, sink=sink)
    except FileError as exc:
        parsed.problem(exc.row, exc.column, str(exc))
    return parsed


def validate(parsed: Parsed, positions, rows, services, *, sink=None):
    """Check every cell of ``rows`` ((line number, cells)); valid rows go to ``parsed.rows``.

    With ``sink`` the valid rows are not kept: ``sink(chunk)`` receives them in lists of at most
    ``CHUNK_ROWS``, so memory does not grow with the rows. Each column's conversion is cached per
    distinct raw value (a file repeats its ids, periods and channels on every line). Duplicates
    are found at the end from one 64-bit key and the line number per row (16 bytes a row) —
    a million rows need neither a million regex matches nor a million key tuples.
    """
    p_id, p_kind, p_start, p_channel, p_cases = (positions[c] for c in HEADER)
    width = max(positions.values()) + 1
    service_cache: dict = {}
    kind_cache: dict = {}
    date_cache: dict = {}
    channel_cache: dict = {}
    count_cache: dict = {}
    keys = array("q")
    lines = array("q")
    add_key, add_line = keys.append, lines.append
    chunk = [] if sink is not None else parsed.rows
    append = chunk.append
    before = len(parsed.problems)
    total = 0
    for number, cells in rows:
        total += 1
        if len(cells) < width:
            cells = list(cells) + [""] * (width - len(cells))
        ok = True
        raw = cells[p_id]
        service = service_cache.get(raw, _MISSING)
        if service is _MISSING:
            service = services.get(_text(raw))
            _remember(service_cache, raw, service)
        if service is None:
            ozg = _text(raw)
            parsed.problem(
                number,
                "OZG-ID",
                _("Unbekannter Dienst „%(id)s“.") % {"id": ozg} if ozg else _("Die OZG-ID fehlt."),
            )
            ok = False
        raw = cells[p_kind]
        kind = kind_cache.get(raw, _MISSING)
        if kind is _MISSING:
            kind = PERIOD_WORDS.get(_text(raw).lower())
            _remember(kind_cache, raw, kind)
        if kind is None:
            parsed.problem(number, "Zeitraum", _("Zeitraum muss Monat, Quartal oder Jahr sein."))
            ok = False
        raw = cells[p_start]
        start = date_cache.get(raw, _MISSING)
        if start is _MISSING:
            start = _date(raw)
            _remember(date_cache, raw, start)
        if start is None:
            parsed.problem(number, "Beginn", _("Kein Datum im Format TT.MM.JJJJ: „%(v)s“.") % {"v": raw})
            ok = False
        elif kind is not None and not is_period_start(kind, start):
            parsed.problem(
                number,
                "Beginn",
                _("%(d)s ist nicht der erste Tag eines Zeitraums der Art „%(k)s“.")
                % {"d": start.strftime("%d.%m.%Y"), "k": PeriodKind(kind).label},
            )
            ok = False
        raw = cells[p_channel]
        channel = channel_cache.get(raw, _MISSING)
        if channel is _MISSING:
            channel = CHANNEL_WORDS.get(_text(raw).lower())
            _remember(channel_cache, raw, channel)
        if channel is None:
            parsed.problem(number, "Kanal", _("Kanal muss online, Schalter, Post, E-Mail oder Telefon sein."))
            ok = False
        raw = cells[p_cases]
        cache_key = raw if type(raw) is str else (type(raw), raw)  # True == 1, but not as a count
        counted = count_cache.get(cache_key) if raw.__hash__ is not None else None
        if counted is None:
            counted = _count(raw)
            _remember(count_cache, cache_key, counted)
        cases, message = counted
        if message:
            parsed.problem(number, "Fälle", message)
            ok = False
        if not ok:
            continue
        add_key(
            ((service * 3 + KIND_INDEX[kind]) * 4_000_000 + start.toordinal()) * 5 + CHANNEL_INDEX[channel]
        )
        add_line(number or 0)
        append((service, kind, start, channel, cases))
        if sink is not None and len(chunk) >= CHUNK_ROWS:
            sink(chunk)
            chunk = []
            append = chunk.append
    if sink is not None and chunk:
        sink(chunk)
    parsed.total += total
    _duplicates(parsed, keys, lines, before)


def _duplicates(parsed: Parsed, keys, lines, before: int) -> None:
    """A row repeating an earlier row's service, period and channel is a problem of its line.

    The problems found by :func:`validate` (from index ``before``) and the duplicates are merged
    by line, so the list still holds the file's first ``MAX_PROBLEMS`` problems.
    """
    if len(keys) < 2:
        return
    key = np.frombuffer(keys, dtype=np.int64)
    order = np.argsort(key, kind="stable")  # equal keys keep the order of the file
    ordered = key[order]
    repeat = np.flatnonzero(ordered[1:] == ordered[:-1]) + 1
    if not repeat.size:
        return
    starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
    first = starts[np.searchsorted(starts, repeat, side="right") - 1]
    line = np.frombuffer(lines, dtype=np.int64)
    repeat_lines, first_lines = line[order[repeat]], line[order[first]]
    shown = np.argsort(repeat_lines, kind="stable")[:MAX_PROBLEMS]
    found = [
        {
            "row": int(repeat_lines[i]),
            "column": "Zeitraum",
            "message": _("Zeitraum und Kanal doppelt (schon in Zeile %(n)s).") % {"n": int(first_lines[i])},
        }
        for i in shown
    ]
    merged = sorted(parsed.problems[before:] + found, key=lambda p: p["row"] or 0)
    truncated = parsed.truncated or repeat.size > len(shown)
    del parsed.problems[before:]
    for problem in merged:
        parsed.problem(problem["row"], problem["column"], problem["message"])
    parsed.truncated = parsed.truncated or truncated


_MISSING = object()
CACHE_LIMIT = 100_000  # distinct raw values remembered per column


def _remember(cache: dict, raw, value) -> None:
    if len(cache) < CACHE_LIMIT and raw.__hash__ is not None:
        cache[raw] = value


def _text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    match = DATE_RE.match(text)
    if not match:
        if ISO_RE.match(text):  # the API's ISO 8601 dates
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return None
        return None
    try:
        return dt.date(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    except ValueError:
        return None


def is_period_start(kind, start) -> bool:
    if start.day != 1:
        return False
    if kind == PeriodKind.QUARTER:
        return start.month in (1, 4, 7, 10)
    if kind == PeriodKind.YEAR:
        return start.month == 1
    return True


MAX_CASES = 2_000_000_000  # the most cases one row may count (a 32-bit column holds it)


def _count(value):
    """(whole non-negative number, None) or (None, German message)."""
    if isinstance(value, bool):
        return None, _("Keine Zahl.")
    if isinstance(value, int):
        number = value
    elif isinstance(value, float):
        if not value.is_integer():
            return None, _("Keine ganze Zahl: %(v)s.") % {"v": str(value).replace(".", ",")}
        number = int(value)
    else:
        text = str(value).strip().replace("\u2212", "-")
        if not text:
            return None, _("Die Fallzahl fehlt.")
        if INT_RE.match(text):
            number = int(text.split(",")[0].replace(".", ""))
        elif NUMBER_RE.match(text):
            return None, _("Keine ganze Zahl: „%(v)s“.") % {"v": text}
        else:
            return None, _("Keine Zahl im deutschen Format (z. B. 1.234): „%(v)s“.") % {"v": text}
    if number < 0:
        return None, _("Die Fallzahl darf nicht negativ sein.")
    if number > MAX_CASES:
        return None, _("Die Fallzahl ist zu groß.")
    return number, None


# --- comparing and writing -----------------------------------------------------------


@dataclass
class Summary:
    created: int = 0
    changed: int = 0
    unchanged: int = 0
    examples: list = field(default_factory=list)  # (ozg_id, period, channel, old, new) of changes


def preview(municipality, parsed: Parsed, examples: int = 20) -> Summary:
    """What applying the rows would do; reads the stored rows of the services in the file."""
    summary = Summary()
    existing = _existing({row[0] for row in parsed.rows})
    names = dict(Service.objects.filter(municipality=municipality).values_list("pk", "ozg_id"))
    from digitalbilanz.services.models import period_label

    for service, kind, start, channel, cases in parsed.rows:
        old = existing.get((service, kind, start, channel))
        if old is None:
            summary.created += 1
        elif old[1] == cases:
            summary.unchanged += 1
            continue
        else:
            summary.changed += 1
        if len(summary.examples) < examples:
            summary.examples.append(
                (
                    names.get(service, ""),
                    period_label(kind, start),
                    channel,
                    None if old is None else old[1],
                    cases,
                )
            )
    return summary


def _existing(service_ids):
    rows = CaseCount.objects.filter(service_id__in=service_ids).values_list(
        "service_id", "period_kind", "period_start", "channel", "pk", "cases"
    )
    return {(s, k, d, c): (pk, n) for s, k, d, c, pk, n in rows}


def apply(municipality, file_name: str, data: bytes, *, user=None):
    """Parse and write all rows, or nothing (``ImportRejected`` with the problems).

    The rows stream into the writer while the file is read; a problem anywhere in the file
    rolls back what was staged (one transaction).
    """
    with bulk_import(municipality, KIND, user=user, file_name=file_name, content=data) as run:
        stage = _stage(run, municipality)
        parsed = parse(municipality, file_name, data, sink=stage.add)
        _finish(run, municipality, parsed, stage, user, file_name)
    return run


def write(municipality, parsed: Parsed, *, user=None, file_name="", content=b"", kind=KIND):
    """Write validated rows in one ``bulk_import``; problems of ``parsed`` reject the whole run."""
    with bulk_import(municipality, kind, user=user, file_name=file_name, content=content) as run:
        stage = _stage(run, municipality)
        if not parsed.problems:
            for start in range(0, len(parsed.rows), CHUNK_ROWS):
                stage.add(parsed.rows[start : start + CHUNK_ROWS])
        _finish(run, municipality, parsed, stage, user, file_name)
    return run


def _finish(run, municipality, parsed, stage, user, file_name):
    for p in parsed.problems:
        run.problem(p["row"], p["column"], p["message"])
    if parsed.problems:
        return  # bulk_import rolls back whatever was staged
    created, changed, unchanged = stage.finish()
    run.created_count, run.updated_count, run.unchanged_count = created, changed, unchanged
    if created or changed:
        _rederive(municipality, stage.service_ids, user, file_name)


def _stage(run, municipality):
    if connection.vendor == "postgresql":
        return PostgresStage(run, municipality)
    return GenericStage(run, municipality)


def _rederive(municipality, service_ids, user, file_name):
    """New case numbers change the hours a service frees: recompute its measures' lines."""
    from digitalbilanz.core.parameters import ParameterSet
    from digitalbilanz.services.derive import update_measure_lines

    linked = Service.objects.filter(pk__in=service_ids, measures__isnull=False).distinct()
    if not linked.exists():
        return
    params = ParameterSet.for_municipality(municipality)
    reason = _("Fallzahlen importiert (%(file)s)") % {"file": file_name or _("ohne Dateiname")}
    for service in linked.prefetch_related("activities", "channel_costs", "measures"):
        update_measure_lines(service, reason=reason, user=user, params=params)


class GenericStage:
    """Collects the rows and upserts them at the end with ``bulk_create`` / ``bulk_update``."""

    def __init__(self, run, municipality):
        self.run, self.municipality = run, municipality
        self.rows: list = []
        self.service_ids: set = set()

    def add(self, rows):
        self.rows.extend(rows)
        self.service_ids.update(row[0] for row in rows)

    def finish(self):
        return _upsert_generic(self.run, self.municipality, self.rows)


def _upsert_generic(run, municipality, rows):
    existing = _existing({row[0] for row in rows})
    new, changed = [], []
    unchanged = 0
    now = timezone.now()
    for service, kind, start, channel, cases in rows:
        old = existing.get((service, kind, start, channel))
        if old is None:
            new.append(
                CaseCount(
                    municipality=municipality,
                    import_run=run,
                    service_id=service,
                    period_kind=kind,
                    period_start=start,
                    channel=channel,
                    cases=cases,
                )
            )
        elif old[1] != cases:
            changed.append((old[0], cases))
        else:
            unchanged += 1
    CaseCount.objects.bulk_create(new, batch_size=2000)
    if changed:
        objs = CaseCount.objects.in_bulk([pk for pk, _n in changed])
        for pk, cases in changed:
            obj = objs[pk]
            obj.cases, obj.import_run, obj.updated_at = cases, run, now
            obj.lock_version += 1
        CaseCount.objects.bulk_update(
            objs.values(), ["cases", "import_run", "updated_at", "lock_version"], batch_size=2000
        )
    return len(new), len(changed), unchanged


STAGE_TABLE = "services_casecount_in"
STAGE_WORK_MEM = "128MB"  # for the one join of the staged rows with the stored ones (a million: ~80 MB)
KEY = ("service_id", "period_kind", "period_start", "channel")
LOCK_CLASS = 7301  # first key of the transaction-level advisory lock per municipality (case numbers)


class PostgresStage:
    """Rows go by ``COPY`` into a temporary table, chunk by chunk, inside the import's transaction.

    :meth:`finish` then joins the staged rows once with the stored ones and, in the same
    statement, changes the stored rows whose count differs (``UPDATE … FROM``) and inserts the new
    ones (``INSERT … SELECT``); an unchanged row is not touched. Writers of the same
    municipality's case numbers wait for each other (advisory lock), so no row can appear between
    the comparison and the insert.
    The temporary table is dropped at the end (and at commit or rollback at the latest).
    """

    def __init__(self, run, municipality):
        self.run, self.municipality = run, municipality
        self.service_ids: set = set()
        self.total = 0
        with connection.cursor() as cursor:
            # One writer of a municipality's case numbers at a time (imports and the API's batch
            # write both come here), so the stored rows do not change between the comparison
            # below and the insert: a plain INSERT, without the cost of ON CONFLICT per row.
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [LOCK_CLASS, municipality.pk])
            cursor.execute(f"DROP TABLE IF EXISTS {STAGE_TABLE}")
            cursor.execute(
                f"CREATE TEMPORARY TABLE {STAGE_TABLE} (service_id bigint, period_kind varchar(8), "
                "period_start date, channel varchar(8), cases integer) ON COMMIT DROP"
            )

    def add(self, rows):
        with connection.cursor() as cursor:
            # psycopg 3 (the cursor under Django's wrapper): COPY … FROM STDIN row by row
            with cursor.cursor.copy(f"COPY {STAGE_TABLE} ({', '.join(KEY)}, cases) FROM STDIN") as copy:
                write_row = copy.write_row
                for row in rows:
                    write_row(row)
        self.total += len(rows)
        self.service_ids.update(row[0] for row in rows)

    def finish(self):
        table = CaseCount._meta.db_table
        same = " AND ".join(f"t.{c} = i.{c}" for c in KEY)
        columns = ", ".join(KEY)
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {STAGE_TABLE}")  # temporary tables have no statistics otherwise
            cursor.execute("SHOW work_mem")
            work_mem = cursor.fetchone()[0]
            # one hash join of the file against the stored rows, in memory rather than in batches
            cursor.execute("SELECT set_config('work_mem', %s, true)", [STAGE_WORK_MEM])
            cursor.execute(
                f"WITH cmp AS MATERIALIZED (SELECT i.*, t.id AS stored_id, t.cases AS stored_cases "
                f"FROM {STAGE_TABLE} i LEFT JOIN {table} t ON {same}), "
                f"changed AS (UPDATE {table} t SET cases = c.cases, import_run_id = %s, "
                "updated_at = now(), lock_version = t.lock_version + 1 "
                "FROM (SELECT stored_id, cases FROM cmp WHERE stored_cases <> cases) c "
                "WHERE t.id = c.stored_id RETURNING 1), "
                f"created AS (INSERT INTO {table} (created_at, updated_at, lock_version, municipality_id, "
                f"import_run_id, {columns}, cases) "
                f"SELECT now(), now(), 0, %s, %s, {columns}, cases FROM cmp WHERE stored_id IS NULL "
                "RETURNING 1) "
                "SELECT (SELECT count(*) FROM created), (SELECT count(*) FROM changed)",
                [self.run.pk, self.municipality.pk, self.run.pk],
            )
            created, changed = cursor.fetchone()
            cursor.execute("SELECT set_config('work_mem', %s, true)", [work_mem])
            cursor.execute(f"DROP TABLE {STAGE_TABLE}")
        if created or changed:
            data_changed(self.municipality)  # raw SQL: the version rises once, when the grouped block ends
        return created, changed, self.total - created - changed


def template_xlsx() -> bytes:
    """An empty Excel file with the header row (the download next to the import form)."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "Fallzahlen"
    append_row(sheet, HEADER)
    append_row(sheet, ("10225", "Monat", "01.03.2024", "online", 1234))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
