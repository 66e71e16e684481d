"""The spreadsheet round-trip: export what a user may edit as XLSX, import it back.

Every registered table (``registry.tables``) whose ``writes`` declares a form takes part unless
``Writes.roundtrip`` is False. Its sheet has the table's registry columns that the form writes
— one definition of each column, shared with open data and the API:

* a column whose name is a plain field of the form (text, number, date, yes/no, choice key);
* a column named in ``Writes.lookups`` (e.g. ``lead_department``: the unit's code);
* the parent column (``Writes.parent``, e.g. a line's ``measure``): required for a new row,
  never changed for an existing one.

Columns computed by a getter (a measure's effective progress), lists of records (many-to-many)
and fields the registry does not publish (visibility, notes) are not in the sheet and keep their
stored value; a new row gets the form's initial values for them, and for its empty cells where
the form has one (a default such as a risk surcharge of 0). An empty cell of an existing record
empties the field (the form decides whether it may).

Layout of a workbook:

* one sheet per table, row 1 the German column titles, one record per row;
* column A (hidden) holds the key of the record, ``<id>-v<lock_version>``; a row without key is
  a new record; its header names the export and the table;
* a very hidden sheet ``Digitalbilanz`` holds a signed marker (``django.core.signing``): the
  municipality, the export's id and per sheet the table with its column keys and titles. A file
  without a valid marker, of another municipality, a sheet not of this export (or copied from
  another export) is refused.

Text is stored as typed text (``spreadsheet.text_cell``): a title starting with ``=`` stays text
and is never run as a formula. Import reads the file with ``data_only=False`` so a formula typed
into a cell is seen and refused, read-only (streaming) so that a large file does not fill the
memory, and stops after :data:`MAX_ROWS` rows.

Values: numbers must be number cells (text in a number column is refused — „1.234“ could mean
either); dates are date cells, or text in German (``31.12.2024``) or ISO (``2024-12-31``) form,
which is unambiguous; yes/no cells take WAHR/FALSCH, 1/0, ja/nein, x/leer.

:func:`preview` says what would be created, changed (old → new per cell) and left untouched,
without writing. :func:`apply` reads and validates the file again (a preview is never trusted),
and stores every row through the table's form — the same rules and messages as the app and the
API — with the version from the file (a record changed since the export is a conflict), the
import's "Grund der Änderung" on every record, in one ``core.imports.bulk_import`` (one data
change, one ``ImportRun``), all or nothing. Rows deleted from the sheet delete nothing.
"""

import datetime as dt
import io
import re
import secrets
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django import forms
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from digitalbilanz.core.history import set_reason
from digitalbilanz.core.imports import ImportRejected, bulk_import
from digitalbilanz.core.permissions import can_edit_any
from digitalbilanz.core.versioning import StaleRecordError
from digitalbilanz.core.visibility import levels_for
from digitalbilanz.registry.tables import table as registered_table
from digitalbilanz.registry.tables import tables as registered_tables
from digitalbilanz.spreadsheet import append_row

FORMAT = 1
SALT = "digitalbilanz.roundtrip"
META_SHEET = "Digitalbilanz"
KEY_TITLE = "Schlüssel"
KEY_RE = re.compile(r"^\s*(\d{1,18})-v(\d{1,18})\s*$")
DATE_DE = re.compile(r"^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$")
DATE_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$")
MAX_ROWS = 100_000  # data rows per file
MAX_PROBLEMS = 200  # a broken file lists its first problems
KIND = "roundtrip"
TRUE_WORDS = {"ja", "wahr", "true", "x", "1"}
FALSE_WORDS = {"nein", "falsch", "false", "0"}
MERGE_RE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*ref=\"([A-Z0-9:]+)\"")
ROW_END = re.compile(rb"</(?:\w+:)?row>")
ROW_RE = re.compile(rb"<(?:\w+:)?row\b[^>]*(?<!/)>(.*?)</(?:\w+:)?row>", re.S)
VALUE_RE = re.compile(rb"<(?:\w+:)?(?:v|is|f)\b")


class FileError(Exception):
    """The file as a whole cannot be used (type, marker, sheets, header); German message."""

    def __init__(self, message, sheet="", row=None, column=""):
        super().__init__(message)
        self.sheet, self.row, self.column = sheet, row, column


# --- which tables and columns take part ---------------------------------------------------


@dataclass(frozen=True)
class SheetColumn:
    name: str
    title: str
    type: str  # registry type: string | integer | number | date | boolean
    kind: str  # plain | lookup | parent
    column: object

    def stored(self, record):
        """The record's value as the sheet shows it."""
        if self.kind == "plain":
            return getattr(record, self.name)
        return self.column.value(record)


@dataclass(frozen=True)
class SheetSpec:
    table: object
    columns: tuple

    @property
    def name(self):
        return self.table.name

    @property
    def writes(self):
        return self.table.writes

    def choices(self, column):
        field = self.writes.form.base_fields.get(column.name)
        if isinstance(field, forms.TypedChoiceField | forms.ChoiceField) and not isinstance(
            field, forms.ModelChoiceField
        ):
            return [str(k) for k, _label in field.choices if k not in ("", None)]
        return []


def spec_of(table) -> SheetSpec | None:
    """The sheet of a registered table, or None if it does not take part."""
    writes = table.writes
    if writes is None or not writes.roundtrip:
        return None
    fields = writes.form.base_fields
    lookups = dict(writes.lookups)
    columns = []
    for column in table.columns[1:]:
        kind = None
        if writes.parent is not None and column.name == writes.parent.field:
            kind = "parent"
        elif column.name in fields:
            form_field = fields[column.name]
            if isinstance(form_field, forms.ModelMultipleChoiceField):
                kind = None  # a list of records: may hold ones the reader cannot see
            elif isinstance(form_field, forms.ModelChoiceField):
                kind = "lookup" if column.name in lookups else None
            elif column.get is None:
                kind = "plain"
        if kind is not None:
            columns.append(SheetColumn(column.name, str(column.title), column.type, kind, column))
    if not any(c.kind != "parent" for c in columns):
        return None
    return SheetSpec(table, tuple(columns))


def specs() -> list[SheetSpec]:
    return [s for t in registered_tables() if (s := spec_of(t)) is not None]


def spec_named(name) -> SheetSpec | None:
    found = registered_table(name)
    return spec_of(found) if found is not None else None


def editable_records(spec, user, municipality, ids=None):
    """The records of the table the user may read *and* edit (not derived), by id."""
    writes = spec.writes
    rows = spec.table.rows(municipality, levels_for(user, municipality))
    if ids is not None and isinstance(rows, QuerySet):
        found = {}
        ids = sorted(ids)
        for start in range(0, len(ids), 1000):
            found.update(_editable(rows.filter(pk__in=ids[start : start + 1000]), writes, user, municipality))
        return found
    return _editable(rows, writes, user, municipality)


def _editable(rows, writes, user, municipality):
    found = {}
    parents = None
    if writes.parent is not None:  # loaded once, as ``may_edit`` reads them (no query per row)
        parents = {p.pk: p for p in writes.parent.rows(user, municipality)}
    for record in rows:
        read_only = getattr(record, "read_only_reason", None)
        if read_only is not None and read_only():
            continue  # e.g. a line computed by another module
        if parents is not None:
            parent = parents.get(getattr(record, f"{writes.parent.field}_id", None))
            if parent is None:
                continue  # a parent the user may not read
            setattr(record, writes.parent.field, parent)
        if writes.may_edit(user, municipality, record):
            found[record.pk] = record
    return found


def may_create(spec, user, municipality) -> bool:
    writes = spec.writes
    if writes.parent is not None:
        return can_edit_any(user, municipality)
    return (writes.may_create or can_edit_any)(user, municipality)


# --- export ----------------------------------------------------------------------------------


def sheet_title(spec, taken) -> str:
    title = re.sub(r"[\[\]:*?/\\]", " ", str(spec.table.title))
    if len(title) > 31 and " der " in title:  # „Meilensteine der Digitalisierungsmaßnahmen“
        title = title.split(" der ")[0]
    title = title[:31].strip()
    base, n = title, 2
    while title in taken or title == META_SHEET:
        suffix = f" ({n})"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    return title


def key_text(record) -> str:
    return f"{record.pk}-v{record.lock_version}"


def export_workbook(municipality, user, chosen) -> bytes:
    """An XLSX with one sheet per chosen table: exactly the records ``user`` may edit."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    export_id = secrets.token_hex(6)
    book = Workbook()
    book.remove(book.active)
    sheets = []
    for spec in chosen:
        title = sheet_title(spec, {s[0] for s in sheets})
        sheets.append([title, spec.name, [c.name for c in spec.columns], [c.title for c in spec.columns]])
        sheet = book.create_sheet(title)
        append_row(sheet, [f"{KEY_TITLE} {export_id}:{spec.name}", *[c.title for c in spec.columns]])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        records = sorted(editable_records(spec, user, municipality).values(), key=lambda r: r.pk)
        for record in records:
            append_row(sheet, [key_text(record), *[_cell_value(c.stored(record)) for c in spec.columns]])
        for index, column in enumerate(spec.columns, start=2):
            letter = get_column_letter(index)
            sheet.column_dimensions[letter].width = max(12, min(50, len(column.title) + 4))
            if column.type == "date":
                for row in sheet.iter_rows(min_row=2, min_col=index, max_col=index):
                    row[0].number_format = "DD.MM.YYYY"
            if choices := spec.choices(column):
                listed = ",".join(choices)
                if len(listed) < 250:
                    check = DataValidation(type="list", formula1=f'"{listed}"', allow_blank=True)
                    check.error = _("Bitte einen der Werte %(v)s wählen.") % {"v": ", ".join(choices)}
                    check.errorTitle = column.title
                    sheet.add_data_validation(check)
                    check.add(f"{letter}2:{letter}{MAX_ROWS + 1}")
        sheet.column_dimensions["A"].hidden = True
        sheet.freeze_panes = "B2"
    meta = book.create_sheet(META_SHEET)
    marker = {"v": FORMAT, "m": municipality.pk, "x": export_id, "s": sheets}
    for row in (
        (_("Kennung"), signing.dumps(marker, salt=SALT, compress=True)),
        (_("Kommune"), municipality.name),
        (_("Exportiert am"), timezone.localtime().strftime("%d.%m.%Y %H:%M")),
        (_("Hinweis"), _("Dieses Blatt nicht ändern: Es ordnet die Datei beim Hochladen zu.")),
    ):
        append_row(meta, row)
    meta.sheet_state = "veryHidden"
    if not sheets:
        book.active = 0
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _cell_value(value):
    if value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    return value


# --- reading a file --------------------------------------------------------------------------


@dataclass
class Problem:
    sheet: str
    row: int | None
    column: str
    message: str

    def as_dict(self):
        return {"sheet": self.sheet, "row": self.row, "column": self.column, "message": self.message}


@dataclass
class RowIn:
    number: int
    key: tuple | None  # (id, version)
    values: dict  # column name -> normalised value (None: empty)


@dataclass
class SheetIn:
    title: str
    spec: SheetSpec
    rows: list = field(default_factory=list)


@dataclass
class Result:
    """What an import would do (preview) or did (apply)."""

    file_name: str = ""
    sheets: list = field(default_factory=list)  # per table: title, created, changed, unchanged
    problems: list = field(default_factory=list)
    truncated: bool = False
    total: int = 0

    def problem(self, sheet, row, column, message):
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(sheet, row, column, str(message)))
        else:
            self.truncated = True

    @property
    def counts(self):
        return {
            "created": sum(len(s["created"]) for s in self.sheets),
            "changed": sum(len(s["changed"]) for s in self.sheets),
            "unchanged": sum(s["unchanged"] for s in self.sheets),
        }


def read_file(municipality, file_name, data, result) -> list[SheetIn]:
    """The sheets of an export, checked; row problems go to ``result``, file problems raise."""
    if data[:4] != b"PK\x03\x04":
        raise FileError(_wrong_type(file_name))
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except zipfile.BadZipFile:
        raise FileError(_wrong_type(file_name)) from None
    if "xl/workbook.xml" not in names:
        raise FileError(_wrong_type(file_name))
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except Exception:
        raise FileError(_("Die Excel-Datei kann nicht gelesen werden; ist sie beschädigt?")) from None
    try:
        marker = _marker(book, municipality)
        expected = {s[0]: s for s in marker["s"]}
        merged, rows = _scan_sheets(archive, book)
        if rows > MAX_ROWS:
            raise FileError(_too_many())
        sheets = []
        for sheet in book.worksheets:
            if sheet.title == META_SHEET:
                continue
            if sheet.title not in expected:
                raise FileError(
                    _(
                        "Das Blatt „%(s)s“ gehört nicht zu diesem Export. Bitte nur die exportierten "
                        "Blätter verwenden und keine Blätter umbenennen oder hinzufügen."
                    )
                    % {"s": sheet.title},
                    sheet=sheet.title,
                )
            title, name, keys, titles = expected[sheet.title]
            if sheet.title in merged:
                raise FileError(
                    _(
                        "Das Blatt enthält verbundene Zellen (%(r)s). Bitte die Verbindung aufheben "
                        "(„Zellen verbinden“ ausschalten) und jeden Wert in seine eigene Zelle schreiben."
                    )
                    % {"r": ", ".join(merged[sheet.title][:5])},
                    sheet=title,
                )
            spec = spec_named(name)
            if spec is None or [c.name for c in spec.columns] != keys:
                raise FileError(
                    _(
                        "Der Aufbau der Tabelle „%(s)s“ hat sich seit dem Export geändert. Bitte neu "
                        "exportieren und die Änderungen dort eintragen."
                    )
                    % {"s": title},
                    sheet=title,
                )
            sheets.append(_read_sheet(sheet, SheetIn(title, spec), marker["x"], titles, result))
        return sheets
    finally:
        book.close()


def _too_many() -> str:
    return _(
        "Die Datei hat mehr als %(n)s Zeilen. Bitte in kleineren Teilen hochladen (z. B. je "
        "Fachbereich exportieren); es wurde nichts geändert."
    ) % {"n": f"{MAX_ROWS:,}".replace(",", ".")}


def _wrong_type(file_name) -> str:
    return _(
        "„%(f)s“ ist keine Excel-Arbeitsmappe (.xlsx). Bitte die exportierte Datei verwenden und "
        "in Excel oder LibreOffice im Format „Excel 2007–365 (.xlsx)“ speichern."
    ) % {"f": file_name}


def _marker(book, municipality) -> dict:
    foreign = _(
        "Die Datei stammt nicht aus einem Excel-Export der Digitalbilanz, oder ihr verborgenes Blatt "
        "„Digitalbilanz“ wurde verändert. Bitte die Tabelle neu exportieren und die Änderungen dort "
        "eintragen."
    )
    if META_SHEET not in book.sheetnames:
        raise FileError(foreign)
    token = None
    for row in book[META_SHEET].iter_rows(min_row=1, max_row=1, values_only=True):
        token = row[1] if len(row) > 1 else None
    try:
        marker = signing.loads(str(token), salt=SALT)
    except signing.BadSignature:
        raise FileError(foreign) from None
    if marker.get("v") != FORMAT:
        raise FileError(foreign)
    if marker.get("m") != municipality.pk:
        raise FileError(
            _(
                "Diese Datei wurde für eine andere Kommune exportiert; hier wurde nichts geändert. "
                "Bitte die Tabelle in %(m)s exportieren."
            )
            % {"m": municipality.name}
        )
    return marker


def _scan_sheets(archive, book) -> tuple[dict[str, list[str]], int]:
    """Merged ranges per sheet title and the number of data rows with a value in all sheets.

    Read from the sheet XML in pieces, before openpyxl parses a cell: read-only mode does not
    show merged cells, and a file with too many rows is refused without parsing them.
    """
    merged, rows = {}, 0
    for sheet in book.worksheets:
        path = getattr(sheet, "_worksheet_path", None)
        if path is None or sheet.title == META_SHEET:
            continue
        filled, ranges, rest = 0, [], b""
        with archive.open(path.lstrip("/")) as stream:
            while chunk := stream.read(1 << 20):
                rest += chunk
                ends = [m.end() for m in ROW_END.finditer(rest)]
                if ends:
                    filled += _filled_rows(rest[: ends[-1]])
                    rest = rest[ends[-1] :]
            ranges += [m.decode() for m in MERGE_RE.findall(rest)]
        if ranges:
            merged[sheet.title] = ranges
        rows += max(0, filled - 1)  # without the header
    return merged, rows


def _filled_rows(text: bytes) -> int:
    return sum(1 for m in ROW_RE.finditer(text) if VALUE_RE.search(m.group(1)))


def _read_sheet(sheet, sheet_in, export_id, titles, result) -> SheetIn:
    spec = sheet_in.spec
    sheet.reset_dimensions()  # the stored dimension may be wrong: read every row and column
    rows = sheet.iter_rows()
    header = next(rows, None)
    header = [c.value for c in header] if header else []
    if not header or header[0] != f"{KEY_TITLE} {export_id}:{spec.name}":
        raise FileError(
            _(
                "Das Blatt „%(s)s“ stammt aus einem anderen Export oder seine verborgene Spalte A "
                "„Schlüssel“ wurde verändert. Bitte nur Blätter derselben exportierten Datei hochladen."
            )
            % {"s": sheet_in.title},
            sheet=sheet_in.title,
            row=1,
        )
    _check_header(sheet_in.title, header[1:], titles)
    seen = {}
    for number, cells in enumerate(rows, start=2):  # read-only mode yields empty rows too
        values = [c.value for c in cells]
        if not any(v not in (None, "") and not (isinstance(v, str) and not v.strip()) for v in values):
            continue
        result.total += 1
        if result.total > MAX_ROWS:
            raise FileError(_too_many())
        row = _read_row(sheet_in, number, cells, result)
        if row is None:
            continue
        if row.key is not None:
            first = seen.get(row.key[0])
            if first is not None:
                result.problem(
                    sheet_in.title,
                    number,
                    KEY_TITLE,
                    _(
                        "Diese Zeile ist eine Kopie der Zeile %(r)s (derselbe Datensatz). "
                        "Bitte nur eine behalten."
                    )
                    % {"r": first},
                )
                continue
            seen[row.key[0]] = number
        sheet_in.rows.append(row)
    return sheet_in


def _check_header(sheet, header, titles):
    header = [("" if h is None else str(h)).strip() for h in header]
    while header and header[-1] == "":
        header.pop()
    for index, title in enumerate(titles):
        actual = header[index] if index < len(header) else ""
        if actual == title:
            continue
        if title in header:
            message = _(
                "Die Spalte „%(t)s“ wurde verschoben. "
                "Bitte die Spalten in der exportierten Reihenfolge lassen."
            )
        elif actual:
            message = _(
                "Die Spalte „%(t)s“ wurde umbenannt (jetzt „%(a)s“) oder entfernt. Bitte die Kopfzeile "
                "nicht ändern."
            )
        else:
            message = _("Die Spalte „%(t)s“ fehlt. Bitte keine Spalten löschen.")
        raise FileError(message % {"t": title, "a": actual}, sheet=sheet, row=1, column=title)
    if len(header) > len(titles):
        extra = header[len(titles)]
        raise FileError(
            _(
                "Unbekannte Spalte „%(a)s“. "
                "Bitte keine Spalten hinzufügen; Notizen gehören nicht in die Datei."
            )
            % {"a": extra},
            sheet=sheet,
            row=1,
            column=extra,
        )


def _read_row(sheet_in, number, cells, result) -> RowIn | None:
    spec = sheet_in.spec
    ok = True
    key_cell = cells[0] if cells else None
    key = None
    raw_key = key_cell.value if key_cell is not None else None
    if raw_key not in (None, ""):
        match = KEY_RE.fullmatch(str(raw_key)) if isinstance(raw_key, str) else None
        if match is None:
            result.problem(
                sheet_in.title,
                number,
                KEY_TITLE,
                _("Der Schlüssel in der verborgenen Spalte A ist unlesbar; bitte nicht ändern."),
            )
            return None
        key = (int(match.group(1)), int(match.group(2)))
    values = {}
    for index, column in enumerate(spec.columns, start=1):
        cell = cells[index] if index < len(cells) else None
        try:
            values[column.name] = read_cell(column, cell)
        except ValueError as exc:
            result.problem(sheet_in.title, number, column.title, str(exc))
            ok = False
    return RowIn(number, key, values) if ok else None


def read_cell(column, cell):
    """The cell's value as Python (None when empty) or ValueError with a German message."""
    if cell is None:
        return None
    value, kind = cell.value, getattr(cell, "data_type", None)
    if kind == "f" or (isinstance(value, str) and kind == "f"):
        raise ValueError(
            _(
                "Formel statt Wert (%(f)s). Bitte den Wert selbst eintragen "
                "(Kopieren → Inhalte einfügen → nur Werte)."
            )
            % {"f": str(value)[:60]}
        )
    if kind == "e":
        raise ValueError(_("Fehlerwert %(v)s statt eines Werts.") % {"v": value})
    if value is None or (isinstance(value, str) and value.strip() == "" and column.type != "string"):
        return None
    if isinstance(value, str) and value == "":
        return None
    reader = {
        "integer": _integer,
        "number": _number,
        "date": _date,
        "boolean": _boolean,
    }.get(column.type, _text)
    return reader(value)


def _show(value) -> str:
    return str(value)[:60]


def _integer(value):
    if isinstance(value, bool) or isinstance(value, dt.date):
        raise ValueError(_("Eine ganze Zahl erwartet."))
    if isinstance(value, str):
        raise ValueError(
            _("Text „%(v)s“ statt einer Zahl. Bitte als Zahl eintragen (Zelle nicht als Text formatieren).")
            % {"v": _show(value)}
        )
    if isinstance(value, float):
        if not value.is_integer():
            raise ValueError(
                _("Eine ganze Zahl erwartet, nicht %(v)s.") % {"v": str(value).replace(".", ",")}
            )
        return int(value)
    return int(value)


def _number(value):
    if isinstance(value, bool) or isinstance(value, dt.date):
        raise ValueError(_("Eine Zahl erwartet."))
    if isinstance(value, str):
        raise ValueError(
            _("Text „%(v)s“ statt einer Zahl. Bitte als Zahl eintragen (Zelle nicht als Text formatieren).")
            % {"v": _show(value)}
        )
    try:
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    except InvalidOperation:
        raise ValueError(_("Eine Zahl erwartet.")) from None


def _date(value):
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        match = DATE_DE.fullmatch(value)
        parts = (match.group(3), match.group(2), match.group(1)) if match else None
        if parts is None and (match := DATE_ISO.fullmatch(value)):
            parts = match.groups()
        if parts is not None:
            try:
                return dt.date(int(parts[0]), int(parts[1]), int(parts[2]))
            except ValueError:
                pass
        raise ValueError(
            _("„%(v)s“ ist kein Datum; erwartet wird TT.MM.JJJJ, z. B. 31.12.2024.") % {"v": _show(value)}
        )
    raise ValueError(
        _("Zahl %(v)s statt eines Datums. Bitte als Datum eintragen (TT.MM.JJJJ).") % {"v": _show(value)}
    )


def _boolean(value):
    if isinstance(value, bool):
        return value
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        word = value.strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
    raise ValueError(
        _("„%(v)s“ ist kein Ja/Nein-Wert; erwartet wird WAHR oder FALSCH.") % {"v": _show(value)}
    )


def _text(value):
    if isinstance(value, bool):
        raise ValueError(_("Text erwartet, nicht WAHR/FALSCH."))
    if isinstance(value, dt.date):
        raise ValueError(
            _("Ein Datum statt Text. Bitte die Zelle als Text formatieren und den Wert neu eintragen.")
        )
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()  # as the form's text fields store it


# --- comparing and validating ---------------------------------------------------------------


def normal(column, value):
    """Comparable form of a stored or read value."""
    if value is None or value == "":
        return None
    if column.type == "number":
        return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if column.type == "date" and isinstance(value, dt.datetime):
        return value.date()
    if column.type == "string":
        return str(value)
    return value


def display(value) -> str:
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("ja") if value else _("nein")
    if isinstance(value, dt.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    return str(value)


def form_value(value):
    """What a browser would send for the value."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return value
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _build_form(spec, user, municipality, instance, data, parent):
    writes = spec.writes
    kwargs = {"municipality": municipality, "instance": instance}
    if writes.parent is not None:
        kwargs[writes.parent.field] = parent
    if writes.form_kwargs is not None:
        kwargs.update(writes.form_kwargs(user, municipality))
    return writes.form(data, **kwargs)


def _resolve_parent(spec, user, municipality, value):
    parent = spec.writes.parent
    if value is None:
        raise ValueError(_("%(l)s fehlt: Für eine neue Zeile bitte angeben.") % {"l": parent.label})
    if isinstance(value, int) and not isinstance(value, bool):
        lookup = {"pk": value}
    elif parent.code_field == "pk":
        raise ValueError(_("%(l)s: bitte die Kennung (Zahl) angeben.") % {"l": parent.label})
    else:
        lookup = {parent.code_field: str(value)}
    found = parent.rows(user, municipality).filter(**lookup).first()
    if found is None:
        raise ValueError(
            _("%(l)s „%(v)s“ gibt es nicht oder Sie dürfen sie nicht lesen.")
            % {"l": parent.label, "v": value}
        )
    return found


def _form_problems(spec, form) -> list[tuple[str, str]]:
    titles = {c.name: c.title for c in spec.columns}
    found = []
    for name, errors in form.errors.items():
        if name in titles:
            column = titles[name]
        elif name in ("__all__", "lock_version", "change_reason"):
            column = ""
        else:
            label = form.fields[name].label if name in form.fields else name
            column = str(label)
        for error in errors:
            found.append((column, str(error)))
    return found


def _conflict_message(record, version):
    latest = record.history.first() if hasattr(record, "history") else None
    who = ""
    if latest is not None and latest.history_user is not None:
        who = latest.history_user.get_full_name() or latest.history_user.get_username()
    when = timezone.localtime(latest.history_date).strftime("%d.%m.%Y %H:%M") if latest is not None else ""
    return _(
        "„%(obj)s“ wurde nach dem Export geändert (von %(who)s am %(when)s; Bearbeitungsstand %(now)s "
        "statt %(then)s). Es wurde nichts übernommen: Bitte neu exportieren und die Änderung dort eintragen."
    ) % {
        "obj": record,
        "who": who or _("jemand anderem"),
        "when": when,
        "now": record.lock_version,
        "then": version,
    }


def _plan_sheet(sheet_in, user, municipality, reason, result, save):
    """Compare, validate (and with ``save`` store) the rows of one sheet; returns the sheet summary."""
    spec, title = sheet_in.spec, sheet_in.title
    writes = spec.writes
    ids = {row.key[0] for row in sheet_in.rows if row.key is not None}
    records = editable_records(spec, user, municipality, ids) if ids else {}
    summary = {"title": title, "table": spec.name, "created": [], "changed": [], "unchanged": 0}
    creating = None
    for row in sheet_in.rows:
        parent = None
        if row.key is not None:
            record = records.get(row.key[0])
            if record is None:
                result.problem(
                    title,
                    row.number,
                    KEY_TITLE,
                    _("Den Datensatz %(id)s gibt es hier nicht (mehr), oder Sie dürfen ihn nicht bearbeiten.")
                    % {"id": row.key[0]},
                )
                continue
            if record.lock_version != row.key[1]:
                result.problem(title, row.number, "", _conflict_message(record, row.key[1]))
                continue
            changes = []
            for column in spec.columns:
                old, new = normal(column, column.stored(record)), normal(column, row.values[column.name])
                if old != new:
                    changes.append((column, old, new))
            if not changes:
                summary["unchanged"] += 1
                continue
            if writes.parent is not None:
                parent = getattr(record, writes.parent.field)
                if any(c.kind == "parent" for c, _o, _n in changes):
                    result.problem(
                        title,
                        row.number,
                        writes.parent.label,
                        _("%(l)s kann nicht geändert werden.") % {"l": writes.parent.label},
                    )
                    continue
            instance, label = record, str(record)
        else:
            if creating is None:
                creating = may_create(spec, user, municipality)
            if not creating:
                result.problem(title, row.number, "", _("Sie dürfen hier keine neuen Datensätze anlegen."))
                continue
            if writes.parent is not None:
                parent_column = next(c for c in spec.columns if c.kind == "parent")
                try:
                    parent = _resolve_parent(spec, user, municipality, row.values[parent_column.name])
                except ValueError as exc:
                    result.problem(title, row.number, parent_column.title, str(exc))
                    continue
            instance, label = None, ""
            changes = [
                (c, None, normal(c, row.values[c.name]))
                for c in spec.columns
                if row.values[c.name] is not None
            ]
        form = _validated_form(spec, user, municipality, instance, parent, row, reason, result, title)
        if form is None:
            continue
        entry = {
            "row": row.number,
            "label": label,
            "changes": [(c.title, display(o), display(n)) for c, o, n in changes],
        }
        if save:
            saved = _save(form, spec, user, reason, result, title, row.number)
            if saved is None:
                continue
            entry["label"] = str(saved)
        summary["created" if instance is None else "changed"].append(entry)
    return summary


def _validated_form(spec, user, municipality, instance, parent, row, reason, result, title):
    writes = spec.writes
    unbound = _build_form(spec, user, municipality, instance, None, parent)
    if instance is None and parent is not None:
        setattr(unbound.instance, writes.parent.field, parent)
        if not writes.may_edit(user, municipality, unbound.instance):
            result.problem(title, row.number, writes.parent.label, _("Sie dürfen hier keine Zeile anlegen."))
            return None
    data = {name: unbound[name].value() for name in unbound.fields}
    for column in spec.columns:
        if column.kind == "parent":
            continue
        value = row.values[column.name]
        if value is None and instance is None and data.get(column.name) not in (None, ""):
            continue  # an empty cell of a new row keeps the form's initial value (a default)
        if column.kind == "lookup" and value is not None:
            target = (
                unbound.fields[column.name]
                .queryset.filter(**{dict(writes.lookups)[column.name]: value})
                .first()
            )
            if target is None:
                result.problem(
                    title, row.number, column.title, _("„%(v)s“ ist keine gültige Auswahl.") % {"v": value}
                )
                return None
            data[column.name] = str(target.pk)
        else:
            data[column.name] = form_value(value)
    if "change_reason" in unbound.fields:
        data["change_reason"] = reason
    if instance is not None:
        data["lock_version"] = str(row.key[1])
    form = _build_form(spec, user, municipality, instance, data, parent)
    if not form.is_valid():
        for column, message in _form_problems(spec, form):
            result.problem(title, row.number, column, message)
        return None
    if not writes.may_edit(user, municipality, form.instance):
        result.problem(
            title,
            row.number,
            "",
            _("Sie dürfen diesen Datensatz so nicht speichern (z. B. anderer Fachbereich)."),
        )
        return None
    return form


def _save(form, spec, user, reason, result, title, number):
    form.instance._history_user = user
    set_reason(form.instance, reason)
    try:
        with transaction.atomic():
            return form.save(user=user) if spec.writes.save_with_user else form.save()
    except StaleRecordError as exc:
        current = exc.current()
        message = _conflict_message(current, exc.expected) if current else _("Der Datensatz wurde gelöscht.")
        result.problem(title, number, "", message)
    except IntegrityError:
        result.problem(
            title, number, "", _("Diesen Datensatz gibt es schon; bitte die vorhandene Zeile ändern.")
        )
    except ValidationError as exc:
        for message in exc.messages:
            result.problem(title, number, "", message)
    return None


# --- preview and apply ------------------------------------------------------------------------


def preview(municipality, user, file_name, data) -> Result:
    """What importing the file would do; writes nothing."""
    result = Result(file_name=file_name)
    try:
        sheets = read_file(municipality, file_name, data, result)
    except FileError as exc:
        result.problem(exc.sheet, exc.row, exc.column, str(exc))
        return result
    placeholder = _("Excel-Import (Vorschau)")
    with transaction.atomic():
        for sheet_in in sheets:
            result.sheets.append(_plan_sheet(sheet_in, user, municipality, placeholder, result, save=False))
        transaction.set_rollback(True)  # a form's validation never writes, but be sure
    return result


def apply(municipality, user, file_name, data, reason) -> tuple[Result, object]:
    """Read and validate the file again and store every row, or nothing (``ImportRejected``)."""
    result = Result(file_name=file_name)
    try:
        run = _apply(municipality, user, file_name, data, reason, result)
    except ImportRejected as exc:
        exc.result = result
        raise
    return result, run


def _apply(municipality, user, file_name, data, reason, result):
    names = []
    with bulk_import(municipality, KIND, user=user, file_name=file_name[:255], content=data) as run:
        try:
            sheets = read_file(municipality, file_name, data, result)
        except FileError as exc:
            result.problem(exc.sheet, exc.row, exc.column, str(exc))
            sheets = []
        for sheet_in in sheets:
            names.append(sheet_in.spec.name)
            result.sheets.append(_plan_sheet(sheet_in, user, municipality, reason, result, save=True))
        for p in result.problems:
            run.problem(p.row, f"{p.sheet}: {p.column}" if p.sheet else p.column, p.message)
        counts = result.counts
        run.kind = f"{KIND}:{','.join(names)}"[:80]
        run.created_count = counts["created"]
        run.updated_count = counts["changed"]
        run.unchanged_count = counts["unchanged"]
    return run


__all__ = ["ImportRejected", "FileError", "apply", "export_workbook", "preview", "specs", "spec_named"]
