"""The streaming import: chunks of bounded size, pieces of text, duplicates across chunks, and the
PostgreSQL path (COPY into a temporary table, UPDATE of changed counts, INSERT of new rows)."""

import datetime as dt

import pytest
from django.db import connection

from digitalbilanz.core.imports import ImportRejected
from digitalbilanz.core.models import ImportRun
from digitalbilanz.services import imports
from digitalbilanz.services.models import CaseCount
from digitalbilanz.services.tests.conftest import make_service

HEADER = "OZG-ID;Zeitraum;Beginn;Kanal;Fälle\n"
CHANNELS = ("online", "Schalter", "Post", "E-Mail", "Telefon")


def months(count, start_year=2020):
    return [dt.date(start_year + n // 12, n % 12 + 1, 1) for n in range(count)]


def lines(count, cases=lambda n: n):
    """``count`` distinct rows of service 10001 (5 channels per month)."""
    out = []
    for n, (month, channel) in enumerate(
        ((m, c) for m in months(-(-count // len(CHANNELS))) for c in CHANNELS), start=0
    ):
        if n == count:
            break
        out.append(f"10001;Monat;{month:%d.%m.%Y};{channel};{cases(n)}\n")
    return out


@pytest.fixture
def service(town):
    return make_service(town)


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(imports, "CHUNK_ROWS", 7)
    monkeypatch.setattr(imports, "TEXT_CHUNK", 64)


def test_valid_rows_leave_in_chunks_of_bounded_size_and_are_not_kept(town, service, small_chunks):
    chunks = []
    parsed = imports.parse(town, "f.csv", (HEADER + "".join(lines(50))).encode(), sink=chunks.append)
    assert parsed.problems == [] and parsed.total == 50
    assert parsed.rows == []  # streamed, not collected
    assert [len(c) for c in chunks] == [7] * 7 + [1]
    streamed = [row for chunk in chunks for row in chunk]
    assert streamed == imports.parse(town, "f.csv", (HEADER + "".join(lines(50))).encode()).rows
    assert streamed[0] == (service.pk, "month", dt.date(2020, 1, 1), "online", 0)


def test_text_pieces_end_after_a_line_and_keep_multibyte_characters_whole(small_chunks):
    data = ("Kopf;Fälle\n" + "ä;ö;ü;ß\n" * 40).encode()
    pieces = list(imports._text_pieces(data, 0))
    assert len(pieces) > 3 and all(p.endswith("\n") for p in pieces)
    assert "".join(pieces) == data.decode()


def test_an_encoding_error_in_a_later_piece_names_its_line(town, service, small_chunks):
    data = (HEADER + "".join(lines(20))).encode() + "10001;Monat;01.01.2030;Post;5 Fälle\n".encode("cp1252")
    problems = imports.parse(town, "f.csv", data).problems
    assert len(problems) == 1 and "nicht UTF-8-kodiert" in problems[0]["message"]
    assert problems[0]["row"] == 22  # header + 20 rows + this one
    assert data[int(problems[0]["message"].split("Position ")[1].split(")")[0]) - 1] == 0xE4


def test_a_duplicate_far_apart_is_found_across_chunks_and_problems_stay_in_line_order(
    town, service, small_chunks
):
    rows = lines(30)
    rows.append(rows[3])  # line 5 again, as line 32
    rows.insert(10, "10001;Monat;01.01.2020;Fax;5\n")  # line 12: a cell problem before it
    parsed = imports.parse(town, "f.csv", (HEADER + "".join(rows)).encode(), sink=lambda chunk: None)
    assert [(p["row"], p["column"]) for p in parsed.problems] == [(12, "Kanal"), (33, "Zeitraum")]
    assert parsed.problems[1]["message"] == "Zeitraum und Kanal doppelt (schon in Zeile 5)."


def test_many_problems_keep_the_first_ones_by_line(town, service, monkeypatch):
    monkeypatch.setattr(imports, "MAX_PROBLEMS", 3)
    rows = lines(5)
    rows += rows[:2]  # lines 7 and 8 repeat lines 2 and 3
    rows += ["10001;Monat;01.01.2020;Fax;5\n"] * 3  # lines 9-11
    parsed = imports.parse(town, "f.csv", (HEADER + "".join(rows)).encode())
    assert [p["row"] for p in parsed.problems] == [7, 8, 9] and parsed.truncated


def test_a_problem_at_the_end_rolls_back_chunks_already_staged(town, service, small_chunks):
    data = (HEADER + "".join(lines(40)) + "10001;Monat;01.01.2030;online;zwölf\n").encode()
    with pytest.raises(ImportRejected) as rejected:
        imports.apply(town, "f.csv", data)
    assert rejected.value.problems[0]["row"] == 42
    assert not CaseCount.objects.exists()
    assert ImportRun.objects.get().status == ImportRun.Status.FAILED


def test_streamed_import_creates_changes_and_leaves_unchanged_rows_alone(town, service, small_chunks):
    first = (HEADER + "".join(lines(40))).encode()
    run = imports.apply(town, "a.csv", first)
    assert (run.created_count, run.updated_count, run.unchanged_count) == (40, 0, 0)
    assert CaseCount.objects.count() == 40
    stored = list(
        CaseCount.objects.order_by("pk").values_list(
            "pk", "cases", "lock_version", "import_run", "updated_at"
        )
    )

    again = imports.apply(town, "a.csv", first)
    assert (again.created_count, again.updated_count, again.unchanged_count) == (0, 0, 40)
    assert (
        list(
            CaseCount.objects.order_by("pk").values_list(
                "pk", "cases", "lock_version", "import_run", "updated_at"
            )
        )
        == stored
    )

    # every third count changes, ten rows are new
    second = (HEADER + "".join(lines(50, cases=lambda n: n + 1000 if n % 3 == 0 else n))).encode()
    run = imports.apply(town, "b.csv", second)
    assert (run.created_count, run.updated_count, run.unchanged_count) == (10, 14, 26)
    changed = CaseCount.objects.get(channel="online", period_start=dt.date(2020, 1, 1))
    assert (changed.cases, changed.lock_version, changed.import_run_id) == (1000, 1, run.pk)
    kept = CaseCount.objects.get(channel="counter", period_start=dt.date(2020, 1, 1))
    assert (kept.cases, kept.lock_version) == (1, 0) and kept.import_run_id != run.pk
    assert CaseCount.objects.count() == 50


def test_another_municipalitys_rows_are_untouched(town, service):
    from digitalbilanz.testing import Factory

    other = Factory.municipality()
    make_service(other)
    data = (HEADER + "".join(lines(10))).encode()
    imports.apply(other, "o.csv", data)
    run = imports.apply(town, "t.csv", data)
    assert (run.created_count, run.updated_count, run.unchanged_count) == (10, 0, 0)
    assert CaseCount.objects.filter(municipality=other).count() == 10


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the COPY path runs on PostgreSQL only")
def test_postgresql_uses_the_copy_stage_and_drops_it(town, service, small_chunks, monkeypatch):
    used = []
    original = imports.PostgresStage.add
    monkeypatch.setattr(
        imports.PostgresStage, "add", lambda self, rows: used.append(len(rows)) or original(self, rows)
    )
    run = imports.apply(town, "a.csv", (HEADER + "".join(lines(20))).encode())
    assert run.created_count == 20 and used == [7, 7, 6]
    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass('pg_temp.services_casecount_in')")
        assert cursor.fetchone()[0] is None  # the staging table is gone
    # a second import in the same transaction (tests run inside one) creates it afresh
    assert imports.apply(town, "a.csv", (HEADER + "".join(lines(20))).encode()).unchanged_count == 20
