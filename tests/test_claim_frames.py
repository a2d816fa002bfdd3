"""The checker's failure modes from the design notes, one fixture of our own each: linking
(epithets, pronouns, near-miss titles, families), time (relative dates, tenure edges,
ordering), events (granularity, hedges, compound sentences, disputed figures) and the
frames for standing relations (roles, alliances, routes, builders, an entity's end)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from datetime import date

import pytest

from bilateral.claims.check import Checker
from bilateral.claims.dates import find_dates
from bilateral.kb.compile import ensure_built
from bilateral.kb.store import Store

from conftest import REPO


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    with Store(ensure_built(None, tmp_path_factory.mktemp("kb") / "kb.duckdb")) as store:
        return Checker(store)


def claims(checker, text: str, doc_date=None) -> list[dict]:
    return checker.check(text, doc_date)["claims"]


def verdict(checker, text: str, doc_date=None) -> tuple[str, str]:
    c = claims(checker, text, doc_date)[0]
    return c["verdict"], c["reason"]


ACCUSED = {"contradicted", "anachronistic"}


def labelled(checker, name: str) -> dict:
    """The evaluation of one of our labelled sets in tests/fixtures."""
    from bilateral.claims.evaluate import evaluate, read_claims

    return evaluate(checker, read_claims(REPO / "tests" / "fixtures" / name))


# -- linking --------------------------------------------------------------------------------
def test_epithets_resolve_by_office_and_date(checker):
    c = claims(checker, "In 2010 the Russian president met the Azerbaijani president in Baku.")[0]
    assert {"dmitry-medvedev", "ilham-aliyev"} <= set(c["entities"])
    assert not c["ambiguous"]


def test_an_undated_epithet_stays_ambiguous_and_accuses_no_one(checker):
    c = claims(checker, "The Azerbaijani president met Putin.")[0]
    assert {"heydar-aliyev", "ilham-aliyev"} <= set(c["ambiguous"])
    assert not {"heydar-aliyev", "ilham-aliyev"} & set(c["entities"])
    assert c["verdict"] not in ACCUSED


def test_he_is_the_one_person_of_the_sentence_before(checker):
    second = claims(checker, "Heydar Aliyev returned to power in 1993. He visited Moscow in "
                             "2005.")[1]
    assert (second["verdict"], second["reason"]) == ("anachronistic", "after_death")


def test_the_two_countries_are_the_last_two_named(checker):
    second = claims(checker, "Azerbaijan and Russia signed a treaty in 1997. The two countries "
                             "cooperate on the Southern Gas Corridor.")[1]
    assert {"aze", "rus"} <= set(second["entities"])
    assert (second["verdict"], second["reason"]) == ("contradicted", "not_a_partner")


def test_a_son_is_not_his_dead_father(checker):
    assert verdict(checker, "In 2010 Heydar Aliyev's son met Medvedev.")[0] not in ACCUSED


@pytest.mark.parametrize("name", ["Geidar Aliev", "Haydar Aliev", "Heydar Alirza oglu Aliyev"])
def test_more_spellings_link(checker, name):
    c = claims(checker, f"{name} visited Moscow in January 2002.")[0]
    assert "heydar-aliyev" in c["entities"] and c["verdict"] == "supported"


def test_a_near_miss_treaty_title_is_not_the_real_treaty(checker):
    fake = "In 1997 Russia and Azerbaijan signed the Treaty of Eternal Friendship and Mutual " \
           "Defence."
    assert verdict(checker, fake)[0] == "not_in_kb"
    assert verdict(checker, "In 1997 Russia and Azerbaijan signed the Treaty of "
                            "Friendship.")[0] == "supported"


def test_a_near_miss_event_name_is_another_event(checker):
    """The Year of Azerbaijan in Russia (2005) does not support the Year of Russia in
    Azerbaijan (2006)."""
    assert verdict(checker, "The Year of Russia in Azerbaijan was held in 2005.") == \
        ("contradicted", "date_mismatch")


def test_an_office_title_is_not_a_name(checker):
    """'President Putin' is no titled one-off event to contradict by date."""
    assert verdict(checker, "In January 2000 President Putin visited Ivanovo.")[0] == \
        "not_in_kb"


def test_a_place_the_record_does_not_name_is_not_its_event(checker):
    assert verdict(checker, "Putin visited Tbilisi in January 2001.")[0] == "not_in_kb"
    assert verdict(checker, "Putin met Heydar Aliyev in Baku in January 2001.")[0] == \
        "supported"


# -- time -----------------------------------------------------------------------------------
@pytest.mark.parametrize("text, anchor, previous, expected", [
    ("last year", date(2010, 6, 1), None, (date(2009, 1, 1), date(2009, 12, 31), "year")),
    ("three years ago", date(2010, 6, 1), None, (date(2007, 1, 1), date(2007, 12, 31), "year")),
    ("two years later", None, 2001, (date(2003, 1, 1), date(2003, 12, 31), "year")),
    ("the following year", None, 2001, (date(2002, 1, 1), date(2002, 12, 31), "year")),
    ("two years later", None, None, None), ("last year", None, None, None),
    ("9/1/2001", None, None, (date(2001, 1, 9), date(2001, 9, 1), "range")),
    ("25/12/2004", None, None, (date(2004, 12, 25), date(2004, 12, 25), "day")),
    ("2001-01-09", None, None, (date(2001, 1, 9), date(2001, 1, 9), "day")),
    ("in '98", None, None, (date(1998, 1, 1), date(1998, 12, 31), "year")),
    ("Section 12.5", None, None, None), ("in 1,000 km", None, None, None),
])
def test_relative_numeric_and_two_digit_dates(text, anchor, previous, expected):
    prev = find_dates(f"in {previous}")[0] if previous else None
    found = [(d.start, d.end, d.precision) for d in find_dates(text, anchor, prev)]
    assert found == ([expected] if expected else [])


def test_relative_dates_are_anchored_by_the_document_date(checker):
    assert verdict(checker, "Last year Putin visited Baku.", date(2002, 6, 1))[0] == "supported"
    assert verdict(checker, "Last year Putin visited Baku.")[0] != "supported"


def test_tenure_edges(checker):
    assert verdict(checker, "On 7 May 2000 Putin was inaugurated as President of Russia.") == \
        ("supported", "term_start_match")
    # acting president from 31 December 1999
    assert verdict(checker, "In January 2000 President Putin met Heydar Aliyev.")[0] \
        not in ACCUSED
    # prime minister, then president, then prime minister again
    wrong = claims(checker, "In 2010 President Putin met Ilham Aliyev.")[0]
    assert (wrong["verdict"], wrong["reason"]) == ("anachronistic", "outside_tenure")
    assert "Dmitry Medvedev" in wrong["correction"]
    assert verdict(checker, "In 2010 Prime Minister Putin met Ilham Aliyev.")[0] not in ACCUSED
    assert verdict(checker, "Heydar Aliyev died on 12 December 2003.")[0] == "supported"
    # no President of Azerbaijan in 1985: the Soviet republic had none
    assert verdict(checker, "In 1985 President Heydar Aliyev met Gorbachev.")[0] == \
        "anachronistic"


def test_ordering_claims_against_the_record(checker):
    assert verdict(checker, "In 2002, after the BTC pipeline opened, Russia cut its oil "
                            "transit.") == ("contradicted", "order_reversed")
    assert verdict(checker, "After Heydar Aliyev's death, Putin visited Baku in January "
                            "2001.") == ("contradicted", "order_reversed")
    assert verdict(checker, "Before Heydar Aliyev died, Putin visited Baku in January "
                            "2001.")[0] == "supported"
    # the opening is the anchor here, not a claimed date
    assert verdict(checker, "In 2008, after the BTC pipeline opened, Russia signed a "
                            "declaration with Azerbaijan.")[0] not in ACCUSED


def test_never_held_is_settled_only_where_the_offices_are_complete(checker):
    assert verdict(checker, "Ilham Aliyev was never prime minister of Azerbaijan.") == \
        ("contradicted", "held_office")
    assert verdict(checker, "Heydar Aliyev was never prime minister of Azerbaijan.") == \
        ("supported", "absent_in_complete_coverage")


# -- events ---------------------------------------------------------------------------------
def test_construction_start_is_not_the_opening(checker):
    assert verdict(checker, "The BTC pipeline opened in 2002.") == \
        ("contradicted", "opening_date_mismatch")
    assert verdict(checker, "Construction of the BTC pipeline began in 2002.")[0] == \
        "supported"


def test_the_records_own_opening_date_supports(checker):
    """The line's own opening day settles the claim even where an opening event is also on
    record that the event matcher does not tie to the claim."""
    assert verdict(checker, "The Baku–Tbilisi–Ceyhan pipeline opened in 2006.") == \
        ("supported", "opening_date_match")
    assert verdict(checker, "The Baku–Tbilisi–Ceyhan pipeline opened in 2009.") == \
        ("contradicted", "opening_date_mismatch")


def test_reported_claims_are_not_accused(checker):
    v, reason = verdict(checker, "Heydar Aliyev allegedly signed a gas deal with Gazprom in "
                                 "2010.")
    assert (v, reason) == ("not_in_kb", "hedged_claim")


def test_compound_sentences_get_a_verdict_per_clause(checker):
    one_false = claims(checker, "Putin visited Baku in January 2001, but Heydar Aliyev became "
                                "President of Azerbaijan in 1995.")[0]
    assert one_false["verdict"] == "contradicted"
    assert [p["verdict"] for p in one_false["parts"]] == ["supported", "contradicted"]
    half = claims(checker, "Russia brokered the Karabakh ceasefire in May 1994, and Putin "
                           "opened a chess school in Sochi in 2019.")[0]
    assert (half["verdict"], half["reason"]) == ("mixed", "partly_supported")


def test_figures_the_sources_dispute_are_not_contradicted(checker):
    """The record gives 1,330 km for Baku–Novorossiysk and notes a source with 1,411 km."""
    assert verdict(checker, "The Baku–Novorossiysk pipeline is 1,411 km long.") == \
        ("not_in_kb", "kb_sources_disagree")
    assert verdict(checker, "The Baku–Novorossiysk pipeline is 2,000 km long.") == \
        ("contradicted", "length_mismatch")


def test_a_duty_stated_firmer_than_the_record(checker):
    assert verdict(checker, "In 2022 Russia and Azerbaijan signed a declaration obliging each "
                            "to defend the other if attacked.") == \
        ("contradicted", "obligation_overstated")
    assert verdict(checker, "In 2022 Russia and Azerbaijan signed a declaration providing for "
                            "possible military assistance.")[0] == "supported"


def test_evidence_is_not_duplicated(checker):
    for c in claims(checker, "Putin visited Baku in January 2001. The two leaders signed a "
                             "series of agreements during this visit."):
        ids = [e["id"] for e in c["evidence"]]
        assert len(ids) == len(set(ids))


# -- standing relations ---------------------------------------------------------------------
def test_an_entity_cannot_end_before_the_record_of_its_end(checker):
    assert verdict(checker, "The self-declared Nagorno-Karabakh Republic ceased to exist on "
                            "1 January 2023.") == ("contradicted", "before_dissolution_record")
    assert verdict(checker, "Following the collapse of the Soviet Union in 1991, Azerbaijan "
                            "became independent.")[0] not in ACCUSED


@pytest.mark.parametrize("claim, when, expected", [
    ("Russia remains the mediator in the Karabakh conflict.", date(2026, 1, 1),
     ("contradicted", "role_ended")),
    ("Russian peacekeepers remain in Karabakh.", date(2026, 1, 1),
     ("contradicted", "role_ended")),
    ("Russian peacekeepers remain in Karabakh.", date(2023, 6, 1),
     ("supported", "role_current")),
    ("Russia, as a mediator, brokered a ceasefire.", None, ("supported", "role_held")),
    ("Will Russia remain the mediator?", date(2026, 1, 1), ("not_checkable", "opinion")),
])
def test_a_role_now_against_the_dates_it_ended(checker, claim, when, expected):
    assert verdict(checker, claim, when) == expected


def test_peacekeepers_killed_is_an_event_not_a_role(checker):
    assert verdict(checker, "Two Russian peacekeepers were killed in Karabakh on 20 September "
                            "2023.")[1] not in {"role_held", "role_current"}


def test_an_unbroken_alliance_against_the_gravest_conflicts(checker):
    v = claims(checker, "Azerbaijan and Russia have an unbroken alliance.")[0]
    assert (v["verdict"], v["reason"]) == ("contradicted", "continuity_broken")
    assert "2024-12-25-azal-8243-crash" in [e["id"] for e in v["evidence"]]
    assert verdict(checker, "Azerbaijan and Turkey have an enduring alliance.")[0] == \
        "not_in_kb"


@pytest.mark.parametrize("claim, expected", [
    ("The BTC pipeline runs through Russia.", ("contradicted", "not_on_route")),
    ("The BTC pipeline runs through Georgia.", ("supported", "on_route")),
    ("TAP is a Russian pipeline.", ("contradicted", "not_an_owner")),
    ("The Southern Gas Corridor bypasses Russia.", ("supported", "bypasses_state")),
    ("Russia provided Azerbaijan with crucial support in building its energy infrastructure.",
     ("contradicted", "main_routes_bypass")),
    ("Russia helped build Azerbaijan's pipelines.", ("supported", "builder_match")),
])
def test_a_line_against_its_route_owners_and_builders(checker, claim, expected):
    assert verdict(checker, claim) == expected


def test_agreements_of_a_visit_and_a_pattern_of_meetings(checker):
    text = ("Putin visited Baku in January 2001. During this visit, the two presidents signed "
            "a series of agreements.")
    second = claims(checker, "Heydar Aliyev and Vladimir Putin met in 2000. " + text)[2]
    assert (second["verdict"], second["reason"]) == ("supported", "agreements_match")
    assert verdict(checker, "Heydar Aliyev and Vladimir Putin held regular meetings.") == \
        ("supported", "pattern_match")


# -- robustness -----------------------------------------------------------------------------
ESSAY = REPO.parent / "shared" / "seed" / "aliyev-putin-essay.txt"


@pytest.mark.skipif(not ESSAY.exists(), reason="the essay lives in ../shared")
def test_long_documents_stay_within_a_second_per_thousand_words(checker):
    text = "\n\n".join([ESSAY.read_text(encoding="utf-8")] * 4)
    started = time.perf_counter()
    checker.check(text)
    assert time.perf_counter() - started < len(text.split()) / 1000


def test_runs_without_optional_tiers(tmp_path):
    """No spaCy, no embeddings, no scikit-learn: the checker needs none of them."""
    code = ("import sys\n"
            "for name in ('spacy', 'torch', 'sentence_transformers', 'sklearn', 'rapidfuzz'):\n"
            "    sys.modules[name] = None\n"
            "from bilateral.claims.check import Checker\n"
            "from bilateral.kb.compile import ensure_built\n"
            "from bilateral.kb.store import Store\n"
            f"with Store(ensure_built(None, {str(tmp_path / 'kb.duckdb')!r})) as s:\n"
            "    print(Checker(s).check('Putin visited Baku in January 2001.')"
            "['claims'][0]['verdict'])\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO / "src"), "PATH": "/usr/bin:/bin",
                               "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "supported"


def test_the_same_text_gives_the_same_bytes(checker):
    text = "In 2010 the Russian president met the Azerbaijani president in Baku. He said so."
    first = json.dumps(checker.check(text, date(2011, 1, 1)), sort_keys=True, default=str)
    assert first == json.dumps(checker.check(text, date(2011, 1, 1)), sort_keys=True,
                               default=str)


# -- regressions: true records read back as claims were once accused --------------------------
@pytest.mark.parametrize("claim", [
    "On 3 October 1993 Heydar Aliyev was elected President of Azerbaijan.",   # sworn in 10 Oct
    "On 11 October 1998 Heydar Aliyev was re-elected president.",             # no new term
    "On 15 June 1993 Heydar Aliyev was elected chairman of the Supreme Soviet.",  # not Nakhchivan
    "In March 1997 Russia extradited former prime minister Surat Huseynov.",  # a former title
    "In April 2001 the Minsk Group co-chairs, Russia among them, held talks in Key West.",
    "On 25 May 2005 the Baku–Tbilisi–Ceyhan pipeline was inaugurated at Sangachal.",  # a part
    "In October 2005 the Georgian section of the BTC pipeline opened.",
])
def test_true_records_are_not_accused(checker, claim):
    assert verdict(checker, claim)[0] not in ACCUSED


@pytest.mark.parametrize("claim, expected", [
    ("Azerbaijan joined the CIS in September 1993.", ("supported", "membership_match")),
    ("Azerbaijan joined the CIS in 1995.", ("contradicted", "joined_date_mismatch")),
    ("Azerbaijan left the Collective Security Treaty in 1999.",
     ("supported", "membership_match")),
    ("Azerbaijan left the Collective Security Treaty in 2003.",
     ("contradicted", "left_date_mismatch")),
    ("Yeltsin was president of Russia in 1995.", ("supported", "in_office")),
    ("Yeltsin was president of Russia in 2005.", ("anachronistic", "outside_tenure")),
    ("The Second Karabakh War began in October 2020.", ("contradicted", "date_mismatch")),
    ("The Second Karabakh War began on 27 September 2020.", ("supported", "match")),
    ("The Contract of the Century was signed in 1996.", ("contradicted", "date_mismatch")),
    ("Putin and Aliyev signed the Declaration on Allied Interaction in February 2022.",
     ("supported", "match")),
    ("Russia began withdrawing its peacekeepers from Karabakh in April 2024.",
     ("supported", "match")),
])
def test_memberships_terms_starts_and_titles(checker, claim, expected):
    assert verdict(checker, claim) == expected


@pytest.mark.parametrize("claim", [
    "In May 1996 Azerbaijan rejected a Russian call to join the CIS external-border pact.",
    "In February 1999 Azerbaijan said it would not prolong its Collective Security Treaty "
    "membership.",
])
def test_a_denial_that_is_not_of_an_act_is_not_a_contradiction(checker, claim):
    assert verdict(checker, claim)[0] not in ACCUSED


@pytest.mark.parametrize("claim, expected", [
    ("The South Caucasus Pipeline is 1,692 km long.", ("contradicted", "length_mismatch")),
    ("TAP began commercial operations in November 2020.",
     ("supported", "opening_date_match")),
    ("TAP began commercial operations in 2018.", ("contradicted", "opening_date_mismatch")),
    ("BP owns 50 percent of the BTC pipeline.", ("contradicted", "stake_mismatch")),
    ("BP owns 30.1 percent of the BTC pipeline.", ("supported", "owner_match")),
])
def test_short_names_and_acronyms_of_lines_and_owners(checker, claim, expected):
    assert verdict(checker, claim) == expected


def test_an_offer_of_joint_use_is_no_partnership(checker):
    v = verdict(checker, "In June 2007 Putin offered the United States joint use of the "
                         "Gabala radar in Azerbaijan.")
    assert v[0] not in ACCUSED


def test_two_capitals_link_only_as_written(checker):
    assert "eu" not in claims(checker, "Let us see what they said.")[0]["entities"]
    assert "eu" in claims(checker, "Let us see what the EU said.")[0]["entities"]


@pytest.mark.parametrize("claim, expected", [
    ("The November 2020 trilateral statement deployed 5,000 Russian peacekeepers in "
     "Karabakh.", ("contradicted", "count_mismatch")),
    ("The November 2020 trilateral statement deployed about 2,000 Russian peacekeepers in "
     "Karabakh.", ("supported", "match")),
    ("The Khojaly killings took place under Heydar Aliyev.", ("anachronistic", "outside_tenure")),
    ("Russian peacekeepers left Azerbaijan in 2022.", ("not_in_kb", "no_matching_record")),
])
def test_counts_undated_tenure_and_one_shared_word(checker, claim, expected):
    assert verdict(checker, claim) == expected


@pytest.mark.parametrize("claim, expected", [
    ("Heydar Aliyev died in 2004.", ("contradicted", "life_date_mismatch")),
    ("Boris Yeltsin died in 2007.", ("supported", "life_date_match")),
    ("Heydar Aliyev was born in Nakhchivan in 1923.", ("not_in_kb", "no_matching_record")),
    ("Putin's 2024 state visit to Baku was his first trip to Azerbaijan since 2010.",
     ("not_in_kb", "date_not_in_kb")),
    ("Putin's 2024 state visit to Baku was his first trip to Azerbaijan since 2018.",
     ("supported", "match")),
    ("Azerbaijan closed the Russian House in Baku in February 2025.", ("supported", "match")),
])
def test_lives_second_dates_and_word_forms(checker, claim, expected):
    assert verdict(checker, claim) == expected


@pytest.mark.parametrize("claim, expected", [
    ("In 2008 Azerbaijan and Russia signed a Declaration of Friendship and Strategic "
     "Partnership.", ("supported", "match")),      # 'of' for the record's 'on'
    ("In 2014 Azerbaijan voted against the UN General Assembly resolution on Crimea.",
     ("contradicted", "stance_mismatch")),
    ("A Russian Mi-24 helicopter was shot down over Armenia by Azerbaijani forces in "
     "November 2020.", ("supported", "match")),
    ("In November 2020 Russian forces shot down an Azerbaijani helicopter over Armenia.",
     ("not_in_kb", "no_matching_record")),
    ("In September 2023 Armenia launched a military offensive in Karabakh.",
     ("not_in_kb", "no_matching_record")),
])
def test_titles_votes_and_who_did_it_to_whom(checker, claim, expected):
    assert verdict(checker, claim) == expected


def test_eval_judges_each_claim_at_its_as_of_date(checker):
    from bilateral.claims.evaluate import evaluate

    labelled = [{"id": "a", "claim": "Russian peacekeepers remain in Karabakh.",
                 "label": "SUPPORTED", "as_of": "2023-06"},
                {"id": "b", "claim": "Russian peacekeepers remain in Karabakh.",
                 "label": "REFUTED", "as_of": "2025"}]
    result = evaluate(checker, labelled)
    assert [p["predicted"] for p in result["predictions"]] == ["SUPPORTED", "REFUTED"]


def test_no_record_read_back_as_a_claim_is_accused(checker):
    """Every event of the knowledge base, written as a claim on its own date, is never
    contradicted or anachronistic: the checker must not accuse its own records."""
    accused, supported = [], 0
    for e in checker.kb.events:
        when = {"day": e.start.strftime("%-d %B %Y"), "month": e.start.strftime("%B %Y")}.get(
            e.precision, str(e.start.year))
        v = claims(checker, f"In {when}, {e.title[0].lower() + e.title[1:]}.")[0]
        if v["verdict"] in ACCUSED:
            accused.append((e.id, v["reason"]))
        supported += v["verdict"] == "supported"
    assert accused == []
    assert supported >= 0.9 * len(checker.kb.events)    # most records support themselves


# -- own labelled set: titles, taking office, the office a relative clause speaks of --------
@pytest.mark.parametrize("claim, expected", [
    # a title belongs to the name right after it, not to the object of a verb
    ("The Russian president attended Heydar Aliyev's funeral in Baku in December 2003.",
     ("supported", "match")),
    ("In 2002 Ilham Aliyev met President Putin in Moscow.", None),
    # an appositive title: "X, as president", "X, then Russia's president"
    ("Ilham Aliyev, as president of Azerbaijan, went to Moscow in 2001.",
     ("anachronistic", "outside_tenure")),
    ("Dmitry Medvedev, then Russia's president, visited Baku in April 2016.",
     ("anachronistic", "outside_tenure")),
    # "was elected president" is taking office, not holding it
    ("Abulfaz Elchibey was elected president in May 1993.",
     ("contradicted", "term_date_mismatch")),
])
def test_titles_belong_to_their_own_names(checker, claim, expected):
    v = verdict(checker, claim)
    if expected is None:
        assert v[0] not in ACCUSED
    else:
        assert v == expected


@pytest.mark.parametrize("claim, expected", [
    # the relative clause's "become president" has no date of its own: not the visit's date
    ("In March 2004 Ilham Aliyev, who had become president shortly before, met Putin.", None),
    # each taking of office with its own office and its own date
    ("Ilham Aliyev became prime minister in August 2003 and was elected president three "
     "years later.", ("contradicted", "term_date_mismatch")),
    ("Ilham Aliyev became prime minister in August 2003 and was elected president in "
     "October 2003.", ("supported", "term_start_match")),
])
def test_each_taking_of_office_keeps_its_own_date(checker, claim, expected):
    v = verdict(checker, claim)
    if expected is None:
        assert v[0] not in ACCUSED
    else:
        assert v == expected


def test_a_relative_date_counts_from_the_sentence_own_earlier_date():
    [first, later] = find_dates("Confirmed in August 2003 and promoted two years later.")
    assert (later.start, later.end, later.precision) == (date(2005, 1, 1), date(2005, 12, 31),
                                                          "year")


@pytest.mark.parametrize("claim, expected", [
    ("Heydar Aliyev was First Secretary of the Communist Party of Azerbaijan in 1975.",
     ("supported", "in_office")),
    ("In 1985 Heydar Aliyev was a full member of the Politburo.", ("supported", "in_office")),
])
def test_any_office_held_at_the_date_by_its_title(checker, claim, expected):
    assert verdict(checker, claim) == expected


@pytest.mark.parametrize("claim, expected", [
    ("Transneft is a shareholder in the TAP pipeline.", ("contradicted", "not_an_owner")),
    ("SOCAR owns a quarter of the BTC pipeline.", ("supported", "owner_match")),
    ("SOCAR owns half of the BTC pipeline.", ("contradicted", "stake_mismatch")),
    ("The Baku–Supsa pipeline first shipped Azerbaijani oil in 1999.",
     ("supported", "opening_date_match")),
    ("The Baku–Supsa pipeline first shipped Azerbaijani oil in 2003.",
     ("contradicted", "opening_date_mismatch")),
    ("GUAM was set up by Azerbaijan, Georgia, Ukraine and Moldova.",
     ("supported", "founder_match")),
    ("GUAM was formed by Azerbaijan, Georgia, Armenia and Moldova.",
     ("contradicted", "founder_mismatch")),
])
def test_owners_shares_in_words_first_shipments_and_founding_verbs(checker, claim, expected):
    assert verdict(checker, claim) == expected


@pytest.mark.parametrize("claim, expected", [
    # the record's "first" is of another thing ("her first official trip")
    ("Mehriban Aliyeva was the first foreign first lady to receive Russia's Order of "
     "Friendship.", ("not_in_kb", "superlative_not_in_kb")),
    ("In 2016 the first Azerbaijan–Iran–Russia summit was held in Baku.", ("supported", "match")),
    # "the most …" is a rank the record must give; "one of the most …" is the writer's judgement
    ("Putin's 2013 visit to Baku was the most successful of his trips.",
     ("not_in_kb", "superlative_not_in_kb")),
    ("One of the most notable events was Putin's visit to Baku in January 2001.",
     ("supported", "match")),
    # a comparison the record does not make
    ("In 2018 trade between Russia and Azerbaijan grew faster than ever before.",
     ("not_in_kb", "superlative_not_in_kb")),
    # "two million" is a figure the record must give
    ("About two million tonnes of oil were shipped to Novorossiysk in 1996.", None),
])
def test_superlatives_comparisons_and_figures_in_words(checker, claim, expected):
    v = verdict(checker, claim)
    if expected is None:
        assert v[0] not in ACCUSED and v[0] != "supported"
    else:
        assert v == expected


@pytest.mark.parametrize("claim, expected", [
    ("The Meiendorf Declaration was signed by the presidents of Azerbaijan, Russia and Turkey.",
     ("contradicted", "party_mismatch")),
    ("The Declaration on Allied Interaction was signed between Russia and Armenia.",
     ("contradicted", "party_mismatch")),
    ("The Declaration on Allied Interaction was signed in Moscow two days before Russia "
     "invaded Ukraine.", None),                    # Ukraine is no signatory in that sentence
    ("The Convention on the Legal Status of the Caspian Sea was signed by Russia and Turkey.",
     None),                                        # the record's list of parties is not closed
    ("The Declaration on Allied Interaction was signed in Baku in February 2022.",
     ("contradicted", "place_mismatch")),
    ("Putin and Ilham Aliyev signed the Declaration on Allied Interaction in Moscow.",
     ("supported", "match")),
    ("In September 2010 the presidents signed the Russia–Azerbaijan state border treaty in "
     "Moscow.", ("contradicted", "place_mismatch")),
    ("In September 2010 the presidents signed the Russia–Azerbaijan state border treaty in "
     "Baku.", ("supported", "match")),
])
def test_a_documents_parties_and_place(checker, claim, expected):
    v = verdict(checker, claim)
    if expected is None:
        assert v[0] not in ACCUSED
    else:
        assert v == expected


@pytest.mark.parametrize("claim, expected", [
    ("In June 2020 Ilham Aliyev attended the Victory Parade in Moscow.",
     ("contradicted", "negated_in_kb")),          # the record: "…; Aliyev stays away"
    ("Azerbaijani troops marched in the Victory Parade in Moscow in June 2020.",
     ("supported", "match")),                     # the other part of the same record
    ("In June 2020 Ilham Aliyev stayed away from the Victory Parade in Moscow.",
     ("supported", "match")),
])
def test_a_person_the_record_has_staying_away(checker, claim, expected):
    assert verdict(checker, claim) == expected


def test_own_labelled_set_floor(checker):
    """Our own 91 labelled claims (tests/fixtures/claims-own.jsonl), written from the records:
    a floor on macro-F1 and a ceiling on false accusations (a true or unsettled claim called
    false), a little short of what the checker reaches, to catch regressions."""
    result = labelled(checker, "claims-own.jsonl")
    assert result["claims"] == 91
    assert result["macro_f1"] >= 0.94
    assert result["false_accusation_rate"] <= 0.02


# -- specific evidence: names, a date and common words are not enough ----------------------
def test_word_rarity_is_computed_once_from_the_records(checker):
    kb = checker.kb
    assert kb.idf, "computed when the knowledge base is loaded"
    assert kb.rarity("sign") < kb.rarity("radar") < kb.rarity("zeppelin")
    assert kb.rarity("zeppelin") == max(kb.idf.values())     # a word no record uses


@pytest.mark.parametrize("claim, expected", [
    # the record has the visit but not the act the claim reports during it
    ("During his August 2013 visit to Baku, Putin opened a Russian school.",
     ("not_in_kb", "detail_not_in_kb")),
    # an act the record has, in its own words or another word for the same act
    ("During his August 2013 visit to Baku, Putin brought a large delegation.",
     ("supported", "match")),
    ("Azerbaijani authorities arrested two Chechen commanders in Baku in March 2001 and gave "
     "them to Russia.", ("supported", "match")),
    # a comment in a relative clause is not the act the claim reports
    ("During his August 2013 visit to Baku, which lasted a day, Putin brought a large "
     "delegation.", ("supported", "match")),
])
def test_the_record_must_have_the_claims_act(checker, claim, expected):
    assert verdict(checker, claim) == expected


@pytest.mark.parametrize("claim, expected", [
    # the act is the record's, the thing acted on is not: a rare word the record lacks
    ("In June 2025 Azerbaijani police raided the Russian embassy in Baku.",
     ("not_in_kb", "detail_not_in_kb")),
    ("In July 1997 SOCAR and LUKOIL signed a contract on a gold mine.",
     ("not_in_kb", "detail_not_in_kb")),
    # the same act on the record's own thing
    ("In July 1997 SOCAR and LUKOIL signed a contract on the Yalama block.",
     ("supported", "match")),
    # a designation the record has names the thing, whatever the class noun after it
    ("In November 2020 Azerbaijani forces shot down a Russian Mi-24 gunship.",
     ("supported", "match")),
])
def test_the_record_must_name_what_was_acted_on(checker, claim, expected):
    assert verdict(checker, claim) == expected


def test_adversarial_set_floor(checker):
    """Our adversarial set (tests/fixtures/claims-adversarial.jsonl): near-miss claims that
    share actors, words and the year with a record but assert something else, claims a record
    contradicts, and loose true paraphrases. A floor on macro-F1 and ceilings on false
    accusations and on false support (an unsettled or false claim called supported)."""
    result = labelled(checker, "claims-adversarial.jsonl")
    assert result["claims"] == 53
    assert result["macro_f1"] >= 0.50
    assert result["false_accusation_rate"] == 0.0
    false_support = [p for p in result["predictions"]
                     if p["label"] != "SUPPORTED" and p["predicted"] == "SUPPORTED"]
    assert len(false_support) <= 12
    paraphrases = [p for p in result["predictions"] if p["label"] == "SUPPORTED"]
    assert sum(p["predicted"] == "SUPPORTED" for p in paraphrases) >= 13


def test_true_paraphrases_stay_supported(checker):
    """25 true claims reworded from the records with other verbs ('pulled out of' for 'stops
    operating'), written after the specific-evidence rule: a rule that asks the record for
    the claim's very act would lose six of them."""
    result = labelled(checker, "claims-paraphrases.jsonl")
    assert {p["label"] for p in result["predictions"]} == {"SUPPORTED"}
    assert sum(p["predicted"] == "SUPPORTED" for p in result["predictions"]) >= 21
    assert result["false_accusation_rate"] == 0.0


@pytest.mark.parametrize("claim", [
    # an organisation the record names by its acronym, not as an actor
    "At the OSCE summit in Istanbul in November 1999 the agreements on the Baku–Tbilisi–Ceyhan "
    "pipeline were signed.",
    # a ceasefire is an agreement, whatever verb brings it into force
    "In May 1994 a ceasefire mediated by Russia took hold in the Karabakh war.",
    # a protest, an arrest: the event word names the kind of record
    "Russia protested in July 2025 when Azerbaijan detained Russian nationals.",
])
def test_event_words_and_acronyms_reach_the_record(checker, claim):
    assert verdict(checker, claim)[0] == "supported"


def test_holdout_set_figures(checker):
    """20 claims written last and not tuned on (tests/fixtures/claims-holdout.jsonl). The
    floor is where it stands; the misses are claims that invert the record's act."""
    result = labelled(checker, "claims-holdout.jsonl")
    assert result["claims"] == 20
    assert result["accuracy"] >= 0.9
    assert result["false_accusation_rate"] == 0.0



@pytest.mark.parametrize("claim, expected", [
    ("LUKOIL purchased a bigger share of Azeri–Chirag–Guneshli in December 2002.",
     "contradicted"),
    # the same sale from the buyer's side, and a clause that names the seller's act
    ("INPEX of Japan acquired LUKOIL's ten percent of Azeri–Chirag–Guneshli in December 2002.",
     "supported"),
    ("In December 2002 INPEX took over the stake LUKOIL sold in Azeri–Chirag–Guneshli.",
     "supported"),
])
def test_an_opposite_act_by_the_same_doer(checker, claim, expected):
    assert verdict(checker, claim)[0] == expected



@pytest.mark.parametrize("claim, expected", [
    ("In March 2022 Azerbaijan cast its vote for the UN General Assembly resolution condemning "
     "Russia's invasion of Ukraine.", "contradicted"),
    ("In the March 2022 UN General Assembly vote on Russia's invasion, Azerbaijan did not "
     "vote.", "supported"),
    # abstaining and not voting both withhold a vote; sources use the words loosely
    ("Azerbaijan abstained in the March 2022 UN General Assembly vote on Russia's invasion.",
     "supported"),
])
def test_a_vote_withheld(checker, claim, expected):
    assert verdict(checker, claim)[0] == expected
