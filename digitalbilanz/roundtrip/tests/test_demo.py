"""Every participating table of the demo survives a round-trip unchanged, and one edit per table
changes exactly that cell."""

import io

import pytest
from django.contrib.auth import get_user_model
from openpyxl import load_workbook

from digitalbilanz.core.choices import Role
from digitalbilanz.core.models import ImportRun, Membership
from digitalbilanz.roundtrip import engine


@pytest.fixture
def admin(demo_town):
    user = get_user_model().objects.create_user("rundreise-admin", password="pw-für-tests")
    Membership.objects.create(user=user, municipality=demo_town, role=Role.ADMIN)
    return user


def test_an_unedited_export_of_every_table_changes_nothing(demo_town, admin):
    specs = engine.specs()
    data = engine.export_workbook(demo_town, admin, specs)
    book = load_workbook(io.BytesIO(data), read_only=True)
    rows = sum(max(0, sheet.max_row - 1) for sheet in book.worksheets if sheet.title != engine.META_SHEET)
    assert rows > 50  # the demo has data in these tables
    result = engine.preview(demo_town, admin, "alles.xlsx", data)
    assert result.problems == []
    assert result.counts == {"created": 0, "changed": 0, "unchanged": rows}
    _result, run = engine.apply(demo_town, admin, "alles.xlsx", data, "Probe")
    assert run.status == ImportRun.Status.DONE and run.updated_count == 0


EDITS = {  # table -> (column title, new value, model field, expected stored value)
    "contracts": ("Gegenstand", "Neuer Gegenstand", "subject", "Neuer Gegenstand"),
    "contract_values": ("Quelle", "Rechnung 2026", "source", "Rechnung 2026"),
    "indicator_values": ("Quelle", "Statistik neu", "source", "Statistik neu"),
    "workplace_snapshots": ("Notebooks", 1234, "notebooks", 1234),
    "milestones": ("Reihenfolge", 7, "order", 7),
    "lines": ("Anmerkung/Quelle", "geprüft", "note", "geprüft"),
    "measures": ("Ziele", "Schneller entscheiden", "goals", "Schneller entscheiden"),
}


@pytest.mark.parametrize("name", sorted(EDITS))
def test_one_edit_per_table_changes_that_cell_only(demo_town, admin, name):
    spec = engine.spec_named(name)
    title, value, field, expected = EDITS[name]
    data = engine.export_workbook(demo_town, admin, [spec])
    book = load_workbook(io.BytesIO(data))
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    key = sheet.cell(2, 1).value
    sheet.cell(2, header.index(title) + 1).value = value
    out = io.BytesIO()
    book.save(out)
    pk = int(key.split("-v")[0])
    model = spec.writes.form._meta.model
    before = model.objects.filter(pk=pk).values().first()
    result, run = engine.apply(demo_town, admin, "eine.xlsx", out.getvalue(), "Einzelprobe")
    assert (run.created_count, run.updated_count) == (0, 1), result.problems
    after = model.objects.filter(pk=pk).values().first()
    changed = {k for k in after if after[k] != before[k]}
    assert changed <= {field, "lock_version", "updated_at"} and field in changed
    assert after[field] == expected
