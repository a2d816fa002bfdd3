"""Regenerate knowledge-base/datapackage.json (the Table Schemas) and empty CSV headers.

Run from the repository root. Existing CSV files are NOT overwritten when they have rows.
"""
import json


def f(name, type="string", desc=None, required=False, **c):
    d = {"name": name, "type": type}
    if desc: d["description"] = desc
    cons = dict(c)
    if required: cons["required"] = True
    if cons: d["constraints"] = cons
    return d
def idf(name, desc=None, required=True):
    return f(name, desc=desc, required=required, pattern="[a-z0-9][a-z0-9-]*")
IDS = "[a-z0-9][a-z0-9-]*(;[a-z0-9][a-z0-9-]*)*"
def ids(name, desc, required=False):
    return f(name, desc=desc, required=required, pattern=IDS)
PREC = f("date_precision", desc="How much of the date is known: day, month (date is the 1st) or year (date is 1 January).", required=True, enum=["day", "month", "year"])
PILLARS = f("pillars", desc="One or more of energy, security, economy, political, separated by ';'.", required=True, pattern="(energy|security|economy|political)(;(energy|security|economy|political))*")
SRC = lambda req=True: ids("source_ids", "Ids of the sources that support the record, separated by ';'.", req)
res = []
def table(name, title, desc, fields, pk, fks=()):
    schema = {"fields": fields, "primaryKey": pk}
    if fks:
        schema["foreignKeys"] = [{"fields": a, "reference": {"resource": r, "fields": b}} for a, r, b in fks]
    res.append({"name": name, "path": f"{name}.csv", "title": title, "description": desc,
                "profile": "tabular-data-resource", "format": "csv", "encoding": "utf-8", "schema": schema})
table("sources", "Sources", "Public pages that records cite; each one was read when the record was written.", [
    idf("id"), f("url", required=True, desc="Address of the page (http or https)."), f("title", required=True), f("publisher", required=True),
    f("published", desc="Publication date as YYYY, YYYY-MM or YYYY-MM-DD, when the page gives one.", pattern=r"[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?"),
    f("kind", required=True, enum=["official", "news", "reference", "academic"]),
    f("language", required=True, pattern="[a-z]{2,3}", desc="ISO 639 language code of the page."),
    f("note")], ["id"])
table("entities", "Entities", "States, people, organisations, companies, infrastructure and places. States use their ISO 3166 alpha-3 code in lower case as id.", [
    idf("id"), f("name", required=True), f("kind", required=True, enum=["state", "person", "organisation", "company", "infrastructure", "place"]),
    f("country", desc="ISO 3166 alpha-3 code of the state the entity belongs to.", pattern="[A-Z]{3}"),
    f("wikidata", pattern="Q[1-9][0-9]*", desc="Wikidata item id."),
    f("iso3", pattern="[A-Z]{3}"), f("cameo", pattern="[A-Z]{3}", desc="CAMEO actor country code (states)."),
    f("cow", "integer", desc="Correlates of War state number (states)."),
    f("exists_from", "date", desc="Birth, founding, independence or commissioning."),
    f("exists_until", "date", desc="Death, dissolution or decommissioning."),
    f("description"), SRC(False)], ["id"])
table("aliases", "Aliases", "Other names of an entity: spellings, scripts, short forms and metonyms, used to resolve names in queries and texts.", [
    idf("entity_id"), f("alias", required=True), f("language", required=True, pattern="[a-z]{2,3}"),
    f("kind", required=True, enum=["official", "short", "transliteration", "native", "historical", "metonym"]),
    f("valid_from", "date"), f("valid_until", "date")], ["entity_id", "alias"],
    [(["entity_id"], "entities", ["id"])])
table("offices", "Offices", "Offices whose holders the knowledge base records.", [
    idf("id"), f("title", required=True), idf("state_id", "The state whose office it is."),
    f("kind", required=True, enum=["head-of-state", "head-of-government", "foreign-minister", "ambassador", "other"]),
    idf("accredited_to", "For ambassadors: the receiving state.", required=False),
    f("complete_since", "date", desc="The terms of this office are complete from this date on.")], ["id"],
    [(["state_id"], "entities", ["id"]), (["accredited_to"], "entities", ["id"])])
table("terms", "Terms in office", "Who held which office, from which day to which day.", [
    idf("id"), idf("person_id"), idf("office_id"), f("start", "date", required=True),
    f("end", "date", desc="Last day in office; empty while the term continues."),
    f("acting", "boolean", required=True),
    f("date_precision", desc="How exact start and end are: day, or month when only the month is known (the date is then the 1st).", required=True, enum=["day", "month"]),
    SRC(), f("note")], ["id"],
    [(["person_id"], "entities", ["id"]), (["office_id"], "offices", ["id"])])
table("events", "Events", "What happened between the two states and around them, one row per event.", [
    idf("id"), f("date", "date", required=True), f("date_end", "date", desc="Last day of a multi-day event."), PREC,
    f("title", required=True), f("summary", required=True, desc="What happened, in the knowledge base's own words."),
    f("kind", required=True, enum=["visit", "meeting", "agreement", "treaty", "conflict", "crisis", "infrastructure", "election", "statement", "sanction", "other"]),
    f("cameo", required=True, pattern="[0-9]{2,4}", desc="CAMEO event code."),
    f("goldstein", "number", minimum=-10, maximum=10, desc="Empty: taken from the CAMEO codebook. A value that differs needs override_reason."),
    f("quad_class", "integer", enum=[1, 2, 3, 4], desc="Empty: derived from the CAMEO root. A value that differs needs override_reason."),
    f("override_reason", desc="Why goldstein or quad_class differ from the codebook."),
    f("plover", enum=["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"], desc="PLOVER event type; empty: mapped from the CAMEO code."),
    PILLARS, f("importance", "integer", required=True, enum=[1, 2, 3], desc="1 milestone, 2 significant, 3 minor."),
    ids("agreement_ids", "Agreements signed or concerned, separated by ';'."),
    ids("infrastructure_ids", "Infrastructure concerned, separated by ';'."), SRC()], ["id"])
table("event_actors", "Event actors", "Who took part in an event and in which role.", [
    idf("event_id"), idf("entity_id"), f("role", required=True, enum=["source", "target", "participant", "location"])],
    ["event_id", "entity_id", "role"], [(["event_id"], "events", ["id"]), (["entity_id"], "entities", ["id"])])
table("agreements", "Agreements", "Treaties, declarations, intergovernmental agreements and other signed texts.", [
    idf("id"), f("title", required=True), f("date", "date", required=True, desc="Date of signature."), PREC,
    f("kind", required=True, enum=["treaty", "declaration", "agreement", "memorandum", "statement", "contract", "protocol", "convention", "other"]),
    f("scope", required=True, enum=["bilateral", "multilateral"]), PILLARS,
    idf("place_id", required=False), f("in_force", "date", desc="Date of entry into force, when known."),
    f("summary", required=True), SRC()], ["id"], [(["place_id"], "entities", ["id"])])
table("agreement_parties", "Agreement parties", "The states, organisations and companies party to an agreement, and the people who signed it.", [
    idf("agreement_id"), idf("entity_id"), f("role", required=True, enum=["party", "signatory", "witness", "mediator"])],
    ["agreement_id", "entity_id", "role"], [(["agreement_id"], "agreements", ["id"]), (["entity_id"], "entities", ["id"])])
table("infrastructure", "Infrastructure", "Pipelines, corridors, terminals and installations; each is also an entity of kind infrastructure.", [
    idf("id"), f("commodity", required=True, enum=["oil", "gas", "oil-products", "electricity", "freight", "military", "other"]),
    f("capacity", "number", minimum=0), f("capacity_unit", enum=["bcm/y", "b/d", "Mt/y", "t/y", "MW"]),
    f("route", desc="Places along the route, separated by ' – '."), f("length_km", "number", minimum=0),
    idf("operator_id", required=False), f("opened", "date"), f("closed", "date"), f("summary"), SRC()], ["id"],
    [(["id"], "entities", ["id"]), (["operator_id"], "entities", ["id"])])
table("infrastructure_owners", "Infrastructure owners", "Shareholders of an infrastructure record and their stakes.", [
    idf("infrastructure_id"), idf("owner_id"), f("stake_pct", "number", minimum=0, maximum=100),
    f("as_of", "date"), SRC()], ["infrastructure_id", "owner_id"],
    [(["infrastructure_id"], "infrastructure", ["id"]), (["owner_id"], "entities", ["id"])])
pkg = {"name": "bilateral-aze-rus", "title": "The Azerbaijan–Russia relationship, 1991 to today",
       "description": "A sourced knowledge base of the relationship between Azerbaijan and Russia and their leaders: entities, offices and terms, events, agreements, infrastructure and the public sources behind every record.",
       "version": "0.1.0", "profile": "tabular-data-package",
       "licenses": [{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "Creative Commons Attribution 4.0"}],
       "keywords": ["Azerbaijan", "Russia", "bilateral relations", "event data", "CAMEO"],
       "resources": res}
json.dump(pkg, open("src/bilateral/data/knowledge-base/datapackage.json", "w"), indent=2, ensure_ascii=False)
import os

for r in res:
    target = f"src/bilateral/data/knowledge-base/{r['path']}"
    if not os.path.exists(target) or sum(1 for _ in open(target)) <= 1:
        open(target, "w").write(",".join(x["name"] for x in r["schema"]["fields"]) + "\n")
