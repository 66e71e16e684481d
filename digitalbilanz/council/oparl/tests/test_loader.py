"""Loader units: values, vendors, parameters (no network, no database)."""

import datetime as dt

from digitalbilanz.council.oparl import loader as L


def test_type_is_matched_on_the_last_path_segment():
    assert L.type_name({"type": "https://schema.oparl.org/1.1/Paper"}) == "Paper"
    assert L.type_name({"type": "https://schema.oparl.org/1.0/Meeting"}) == "Meeting"
    assert L.type_name({"type": "http://oparl.org/schema/1.0/Body/"}) == "Body"
    assert L.type_name({"type": "oparl:AgendaItem"}) == "AgendaItem"
    assert L.type_name({}) == ""


def test_ids_are_normalised_for_scheme_host_and_double_slashes():
    assert L.normalize_url("http://RIS.example.org/files//rim/1") == "https://ris.example.org/files/rim/1"
    assert L.normalize_url("  https://ris.example.org/paper/1 ") == "https://ris.example.org/paper/1"
    assert L.normalize_url(None) == "" and L.normalize_url({"id": 1}) == ""


def test_dates_and_date_times_are_parsed_leniently():
    assert L.parse_date("2014-04-04") == dt.date(2014, 4, 4)
    assert L.parse_date("2014-04-04T00:00:00+02:00") == dt.date(2014, 4, 4)
    assert L.parse_date("04.04.2014") == dt.date(2014, 4, 4)
    assert L.parse_date("31.02.2014") is None and L.parse_date("bald") is None and L.parse_date(5) is None
    moment = L.parse_datetime("2013-01-04T08:00:00+01:00")
    assert moment == dt.datetime(2013, 1, 4, 7, 0, tzinfo=dt.UTC)
    assert L.parse_datetime("2013-01-04T07:00:00Z") == moment
    assert L.parse_datetime("2013-01-04") == dt.datetime(2013, 1, 4, tzinfo=dt.UTC)
    assert L.parse_datetime("2013-01-04 07:00:00", dt.UTC) == moment
    assert L.parse_datetime("N/A") is None


def test_vendor_profiles_are_chosen_from_the_system_object():
    assert L.vendor_for({"vendor": "http://www.sternberg-sh.de/", "product": "SD.NET RIM"}) is L.SDNET
    assert L.vendor_for({"product": "https://www.cc-egov.de/allris-4"}) is L.ALLRIS
    assert L.vendor_for({"contactName": "SOMACOS GmbH", "product": "SessionNet"}) is L.SESSIONNET
    assert L.vendor_for({"vendor": "http://example-software.com/"}) is L.GENERIC


def test_empty_strings_become_none_and_na_only_for_allris():
    raw = {"name": "  ", "reference": "N/A", "list": ["x", "\t"]}
    assert L.clean_value(raw) == {"name": None, "reference": "N/A", "list": ["x", None]}
    assert L.clean_value(raw, L.ALLRIS)["reference"] is None


def test_modified_since_has_no_microseconds_and_sessionnet_gets_it_unencoded():
    moment = dt.datetime(2024, 1, 2, 3, 4, 5, 678, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    value = L.format_since(moment)
    assert value == "2024-01-02T03:04:05+01:00"
    assert L.with_params("https://x/p", {"modified_since": value}).endswith(
        "2024-01-02T03%3A04%3A05%2B01%3A00"
    )
    assert L.with_params("https://x/p?a=1", {"modified_since": value}, L.SESSIONNET) == (
        "https://x/p?a=1&modified_since=2024-01-02T03:04:05+01:00"
    )


def test_single_objects_become_lists():
    assert L.as_list({"id": "f"}) == [{"id": "f"}]
    assert L.as_list(None) == [] and L.as_list(["a", None]) == ["a"]


def test_allris_control_characters_are_tolerated_only_with_its_profile():
    body = b'{"name": "Zeile\x01eins\nzwei"}'
    generic = L.Loader()
    try:
        generic.decode("u", "application/json", body)
        raise AssertionError("strict JSON must refuse raw control characters")
    except L.FetchError as error:
        assert "Ungültiges JSON" in error.message
    allris = L.Loader(vendor=L.ALLRIS)
    assert allris.decode("u", "application/json", body)["name"].startswith("Zeile")
