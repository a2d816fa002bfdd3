"""The data model: records round-trip through CSV rows, match the schemas, and the codebooks."""

from __future__ import annotations

import csv
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.kb.package import default_package
from bilateral.model import RECORD_TYPES, Event, Term
from bilateral.model.codebooks import cameo_codes, countries, pillars, plover_types
from bilateral.model.dates import interval, parse_partial, precision_fits
from bilateral.model.enums import EventKind, Pillar, Precision

from conftest import MINI

ids = st.from_regex(r"[a-z0-9][a-z0-9-]{0,20}", fullmatch=True)
text = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1,
               max_size=40).map(str.strip).filter(bool)
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


@st.composite
def events(draw) -> Event:
    return Event(
        id=draw(ids), date=draw(days), date_end=draw(st.none() | days),
        date_precision=draw(st.sampled_from(Precision)), title=draw(text), summary=draw(text),
        kind=draw(st.sampled_from(EventKind)), cameo=draw(st.sampled_from(sorted(cameo_codes()))),
        goldstein=draw(st.none() | st.floats(-10, 10, allow_nan=False).map(lambda f: round(f, 1))),
        quad_class=draw(st.none() | st.integers(1, 4)), override_reason=draw(st.none() | text),
        plover=draw(st.none() | st.sampled_from(sorted(plover_types()))),
        pillars=draw(st.lists(st.sampled_from(Pillar), min_size=1, max_size=4, unique=True)),
        importance=draw(st.integers(1, 3)), agreement_ids=draw(st.lists(ids, max_size=3)),
        infrastructure_ids=draw(st.lists(ids, max_size=2)),
        source_ids=draw(st.lists(ids, min_size=1, max_size=3)))


@given(events())
def test_event_round_trips_through_a_csv_row(event: Event):
    assert Event.from_row(event.to_row()) == event


@given(events())
def test_event_round_trips_through_json(event: Event):
    assert Event.model_validate_json(event.model_dump_json()) == event


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
def test_record_fields_are_the_schema_fields_in_order(table: str):
    descriptor = json.loads((default_package() / "datapackage.json").read_text(encoding="utf-8"))
    schema = next(r["schema"] for r in descriptor["resources"] if r["name"] == table)
    assert list(RECORD_TYPES[table].model_fields) == [f["name"] for f in schema["fields"]]


@pytest.mark.parametrize("table", sorted(RECORD_TYPES))
def test_every_mini_row_round_trips_unchanged(table: str):
    with open(MINI / f"{table}.csv", encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            record = RECORD_TYPES[table].from_row(row)
            assert {k: v for k, v in record.to_row().items()} == row


def test_term_defaults_to_day_precision_and_not_acting():
    term = Term.from_row({"id": "t", "person_id": "p", "office_id": "o", "start": "2000-05-07"})
    assert term.acting is False and term.date_precision is Precision.DAY and term.end is None


def test_cameo_codebook_is_complete_and_derives_scores():
    codes = cameo_codes()
    assert len([c for c in codes.values() if c.in_manual]) == 312
    assert len(codes) == 318
    # Values as published in the CAMEO/ICEWS table (andybega/icews, MIT).
    assert codes["042"].goldstein == 1.9 and codes["042"].quad_class == 1
    assert codes["190"].goldstein == -10 and codes["190"].quad_class == 4
    # PLOVER 0.8 (2021) files signing a formal agreement (057) under SUPPORT, not AGREE.
    assert codes["057"].plover == "SUPPORT" and codes["042"].plover == "CONSULT"
    assert codes["0311"].plover == "AGREE"
    assert codes["0873"].root_code == "08" and codes["0873"].base_code == "087"
    assert codes["155"].goldstein is None and not codes["155"].in_manual


def test_country_codes_keep_fips_and_iso_apart():
    table = countries()
    assert table["AZE"].fips == "AJ" and table["AZE"].cow == 373 and table["AZE"].cameo == "AZE"
    assert table["RUS"].fips == "RS" and table["RUS"].iso2 == "RU" and table["RUS"].cow == 365
    assert table["SRB"].iso2 == "RS"  # ISO's RS is Serbia, not Russia
    assert table["ROU"].cameo == "ROM"


def test_pillars_and_plover_types():
    assert set(pillars()) == {p.value for p in Pillar}
    assert len(plover_types()) == 16 and plover_types()["ASSAULT"] == "conflict"


@pytest.mark.parametrize("text_, first, last, precision", [
    ("2001", date(2001, 1, 1), date(2001, 12, 31), Precision.YEAR),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), Precision.MONTH),
    ("2001-01-09", date(2001, 1, 9), date(2001, 1, 9), Precision.DAY),
])
def test_partial_dates_and_their_intervals(text_, first, last, precision):
    start, got = parse_partial(text_)
    assert (start, got) == (first, precision)
    assert interval(start, got) == (first, last)
    assert precision_fits(start, got)


@pytest.mark.parametrize("bad", ["2001-13", "01-2001", "2001-02-30", "", "20011"])
def test_partial_dates_reject_non_dates(bad):
    with pytest.raises(ValueError):
        parse_partial(bad)


def test_precision_fits_rejects_days_a_month_cannot_have():
    assert not precision_fits(date(2001, 1, 9), Precision.MONTH)
    assert not precision_fits(date(2001, 3, 1), Precision.YEAR)
