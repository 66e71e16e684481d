"""Bulk writes through an import run: all or nothing, with an audit record either way."""

import pytest

from digitalbilanz.core.imports import ImportRejected, bulk_import
from digitalbilanz.core.models import ImportRun, Municipality
from digitalbilanz.testing import Factory
from digitalbilanz.testing_app.models import CaseCount

ROWS = [("Meldebescheinigung", "2024", "120"), ("Wohnsitz anmelden", "2024", "viele")]


def run_import(town, rows, user=None):
    with bulk_import(town, "testing.cases", user=user, file_name="faelle.csv", content=b"x") as run:
        objects = []
        for number, (service, year, cases) in enumerate(rows, start=2):
            if not cases.isdigit():
                run.problem(number, "Fälle", f"„{cases}“ ist keine ganze Zahl.")
                continue
            objects.append(
                CaseCount(
                    municipality=town, service=service, year=int(year), cases=int(cases), import_run=run
                )
            )
        CaseCount.objects.bulk_create(objects)
        run.created_count = len(objects)
    return run


def test_an_import_with_a_problem_writes_nothing_and_records_the_failed_run(db):
    town = Factory.municipality()
    user = Factory.user(town)
    with pytest.raises(ImportRejected) as rejected:
        run_import(town, ROWS, user=user)
    assert rejected.value.problems == [
        {"row": 3, "column": "Fälle", "message": "„viele“ ist keine ganze Zahl."}
    ]
    assert not CaseCount.objects.exists()
    run = ImportRun.objects.get()
    assert (run.status, run.user, run.file_name) == (ImportRun.Status.FAILED, user, "faelle.csv")
    assert run.problems[0]["row"] == 3


def test_a_clean_import_is_one_run_with_counts_and_one_data_change(db):
    town = Factory.municipality()
    before = Municipality.objects.get(pk=town.pk).data_version
    run = run_import(town, ROWS[:1])
    run = ImportRun.objects.get(pk=run.pk)
    assert (run.status, run.created_count, run.file_sha256[:8]) == (ImportRun.Status.DONE, 1, "2d711642")
    assert CaseCount.objects.get().import_run == run
    assert not hasattr(CaseCount, "history")  # bulk rows keep no per-row history; the run is their trail
    assert Municipality.objects.get(pk=town.pk).data_version == before + 1
