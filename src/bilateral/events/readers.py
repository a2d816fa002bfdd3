"""Per-format SQL pieces: where the rows come from, why a row cannot be used, and how a row
maps to the shared event schema (or to the mentions table)."""

from __future__ import annotations

import duckdb

from bilateral.errors import FormatError, InputError
from bilateral.events.formats import (
    GDELT1,
    GDELT2,
    ICEWS,
    MENTIONS,
    POLECAT_FIELDS,
    POLECAT_REQUIRED,
    header_key,
)
from bilateral.model.event_schema import EVENT_COLUMNS

MENTION_COLUMNS = [("dataset", "VARCHAR"), ("mention_id", "VARCHAR"), ("event_id", "VARCHAR"),
                   ("event_time", "TIMESTAMP"), ("mention_time", "TIMESTAMP"),
                   ("mention_type", "TINYINT"), ("source_name", "VARCHAR"),
                   ("identifier", "VARCHAR"), ("sentence", "INTEGER"),
                   ("in_raw_text", "BOOLEAN"), ("confidence", "INTEGER"),
                   ("doc_length", "INTEGER"), ("doc_tone", "DOUBLE"), ("date", "DATE")]


def q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def lit(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


class Reader:
    """How one dataset's files are read and mapped. Subclasses fill in the SQL pieces."""

    dataset = ""
    table = "events"
    id_column = "event_id"          # the stored column that identifies a row
    id_expr = "event_id"            # the same, computed from the raw columns
    order = "source_country, target_country, date"
    columns: list[str] = []

    m: dict[str, str] = {}  # SQL MAP literals of the code tables, set by `use`

    def use(self, maps: dict[str, str]) -> Reader:
        """Code tables as MAP literals: a lookup per row without a join (much faster)."""
        self.m = maps
        return self

    def prepare(self, con: duckdb.DuckDBPyConnection, path: str) -> None:
        """Inspect the file (headers) before reading; raise InputError if it is not ours."""

    def source(self, path: str, keep_rejects: bool) -> str:
        raise NotImplementedError

    def reason(self) -> str:
        raise NotImplementedError

    def select(self) -> str:
        raise NotImplementedError

    def raw_text(self) -> str:
        """The row as it stood in the file (for the rejects table)."""
        return "concat_ws(chr(9), " + ", ".join(
            f"coalesce({q(c)}, '')" for c in self.columns) + ")"


def _flags(keep_rejects: bool) -> str:
    if keep_rejects:
        return "store_rejects=true, rejects_table='rej', rejects_scan='rej_scan'"
    return "ignore_errors=true"


def _typed(exprs: dict[str, str], columns) -> str:
    """A SELECT list in a table's column order; columns not given are typed NULLs."""
    return ", ".join(f"CAST({exprs.get(c[0], 'NULL')} AS {c[1]}) AS {c[0]}" for c in columns)


class GdeltReader(Reader):
    def __init__(self, dataset: str, version: int):
        self.dataset, self.version = dataset, version
        self.columns = GDELT2 if version == 2 else GDELT1
        self.id_expr = "GLOBALEVENTID"

    def source(self, path, keep_rejects):
        struct = "{" + ", ".join(f"'{c}': 'VARCHAR'" for c in self.columns) + "}"
        # No quoting in GDELT: a stray quote in a name or URL must not swallow lines.
        return (f"read_csv({lit(path)}, delim='\\t', header=false, quote='', escape='', "
                f"auto_detect=false, columns={struct}, max_line_size=4000000, "
                f"null_padding={'true' if self.version == 1 else 'false'}, "
                f"{_flags(keep_rejects)})")

    def reason(self):
        return """CASE
            WHEN GLOBALEVENTID IS NULL OR NOT regexp_full_match(GLOBALEVENTID, '[0-9]+')
                THEN 'GLOBALEVENTID is not a number'
            WHEN try_strptime(SQLDATE, '%Y%m%d') IS NULL THEN 'SQLDATE is not a YYYYMMDD date'
            WHEN NOT regexp_full_match(coalesce(EventCode, ''), '[0-9]{2,4}')
                THEN 'EventCode is not a CAMEO code'
            WHEN GoldsteinScale IS NOT NULL AND TRY_CAST(GoldsteinScale AS DOUBLE) IS NULL
                THEN 'GoldsteinScale is not a number'
            WHEN QuadClass IS NOT NULL AND coalesce(TRY_CAST(QuadClass AS TINYINT), 0)
                NOT BETWEEN 1 AND 4 THEN 'QuadClass is not 1 to 4'
            END"""

    def select(self):
        return _typed({
            "dataset": lit(self.dataset), "event_id": "GLOBALEVENTID",
            "date": "try_strptime(SQLDATE, '%Y%m%d')", "date_precision": "'day'",
            "source_actor": "Actor1Code",
            "source_country": f"{self.m['cameo_iso']}[Actor1CountryCode]",
            "target_actor": "Actor2Code",
            "target_country": f"{self.m['cameo_iso']}[Actor2CountryCode]",
            "source_country_cameo": "Actor1CountryCode",
            "target_country_cameo": "Actor2CountryCode", "is_root": "IsRootEvent = '1'",
            "cameo_code": "EventCode", "cameo_base": "EventBaseCode",
            "cameo_root": "EventRootCode", "goldstein": "TRY_CAST(GoldsteinScale AS DOUBLE)",
            "goldstein_table": "'gdelt'", "quad_class": "TRY_CAST(QuadClass AS TINYINT)",
            "plover": f"{self.m['plover']}[EventCode]",
            "num_mentions": "TRY_CAST(NumMentions AS INTEGER)",
            "num_sources": "TRY_CAST(NumSources AS INTEGER)",
            "num_articles": "TRY_CAST(NumArticles AS INTEGER)",
            "tone": "TRY_CAST(AvgTone AS DOUBLE)", "place": "ActionGeo_FullName",
            "place_country": f"{self.m['fips_iso']}[ActionGeo_CountryCode]",
            "latitude": "TRY_CAST(ActionGeo_Lat AS DOUBLE)",
            "longitude": "TRY_CAST(ActionGeo_Long AS DOUBLE)", "evidence_url": "SOURCEURL",
        }, EVENT_COLUMNS)


class MentionsReader(GdeltReader):
    table = "mentions"
    order = "event_id"
    id_column = "mention_id"

    def __init__(self, dataset: str):
        super().__init__(dataset, 2)
        self.columns = MENTIONS
        self.id_expr = ("GLOBALEVENTID || '|' || coalesce(MentionIdentifier, '') || '|' || "
                        "coalesce(SentenceID, '')")

    def reason(self):
        return """CASE
            WHEN GLOBALEVENTID IS NULL OR NOT regexp_full_match(GLOBALEVENTID, '[0-9]+')
                THEN 'GLOBALEVENTID is not a number'
            WHEN try_strptime(EventTimeDate, '%Y%m%d%H%M%S') IS NULL
                THEN 'EventTimeDate is not a YYYYMMDDHHMMSS time'
            END"""

    def select(self):
        return _typed({
            "dataset": lit(self.dataset), "mention_id": self.id_expr, "event_id": "GLOBALEVENTID",
            "event_time": "try_strptime(EventTimeDate, '%Y%m%d%H%M%S')",
            "mention_time": "try_strptime(MentionTimeDate, '%Y%m%d%H%M%S')",
            "mention_type": "TRY_CAST(MentionType AS TINYINT)",
            "source_name": "MentionSourceName", "identifier": "MentionIdentifier",
            "sentence": "TRY_CAST(SentenceID AS INTEGER)", "in_raw_text": "InRawText = '1'",
            "confidence": "TRY_CAST(Confidence AS INTEGER)",
            "doc_length": "TRY_CAST(MentionDocLen AS INTEGER)",
            "doc_tone": "TRY_CAST(MentionDocTone AS DOUBLE)",
            "date": "try_strptime(EventTimeDate, '%Y%m%d%H%M%S')",
        }, MENTION_COLUMNS)



def _headers(con, path: str) -> list[str]:
    """The header row of a tab-separated file."""
    with open(path, encoding="utf-8-sig", errors="replace", newline="") as fh:
        first = fh.readline().rstrip("\r\n")
    return [h.strip().strip('"') for h in first.split("\t")] if first else []


def _find(headers: list[str], wanted: tuple[str, ...]) -> str | None:
    keys = {header_key(h): h for h in headers}
    return next((keys[w] for w in wanted if w in keys), None)


class HeaderReader(Reader):
    """Tab-separated files with a header row (ICEWS, POLECAT)."""

    def source(self, path, keep_rejects):
        struct = "{" + ", ".join(f"{lit(c)}: 'VARCHAR'" for c in self.columns) + "}"
        return (f"read_csv({lit(path)}, delim='\\t', header=true, columns={struct}, "
                f"quote='\"', escape='\"', auto_detect=false, max_line_size=4000000, "
                f"{_flags(keep_rejects)})")


_CAMEO_FIX = ("CASE WHEN {quad}[{c}] IS NOT NULL THEN {c} "
              "WHEN {quad}['0' || {c}] IS NOT NULL THEN '0' || {c} END")


class IcewsReader(HeaderReader):
    dataset = "icews"

    def prepare(self, con, path):
        headers = _headers(con, path)
        found = {c: _find(headers, (header_key(c),)) for c in ICEWS}
        missing = [c for c, h in found.items() if h is None]
        if missing:
            raise FormatError(f"{path}: not an ICEWS file: missing columns {', '.join(missing)}")
        self.n = {c: q(h) for c, h in found.items()}
        self.columns = headers
        # The key is (Event ID, Event Date): an Event ID can repeat with another date.
        self.id_expr = f"{self.n['Event ID']} || '@' || {self.n['Event Date']}"
        self.code = _CAMEO_FIX.format(c=f"trim({self.n['CAMEO Code']})",
                                      quad=self.m["cameo_quad"])

    def reason(self):
        n = self.n
        return f"""CASE
            WHEN {n['Event ID']} IS NULL THEN 'Event ID is empty'
            WHEN TRY_CAST({n['Event Date']} AS DATE) IS NULL
                THEN 'Event Date is not a YYYY-MM-DD date'
            WHEN {self.code} IS NULL THEN 'CAMEO Code is not a CAMEO event code'
            WHEN {n['Intensity']} IS NOT NULL AND TRY_CAST({n['Intensity']} AS DOUBLE) IS NULL
                THEN 'Intensity is not a number'
            END"""

    def select(self):
        n, code = self.n, self.code
        return _typed({
            "dataset": lit(self.dataset), "event_id": self.id_expr,
            "date": f"TRY_CAST({n['Event Date']} AS DATE)", "date_precision": "'day'",
            "source_actor": n["Source Name"],
            "source_country": f"{self.m['name_iso']}[{n['Source Country']}]",
            "target_actor": n["Target Name"],
            "target_country": f"{self.m['name_iso']}[{n['Target Country']}]",
            "cameo_code": code, "cameo_base": f"left({code}, 3)",
            "cameo_root": f"left({code}, 2)",
            "goldstein": f"TRY_CAST({n['Intensity']} AS DOUBLE)", "goldstein_table": "'icews'",
            "quad_class": f"{self.m['cameo_quad']}[{code}]",
            "plover": f"{self.m['plover']}[{code}]",
            "place": f"coalesce({n['City']}, {n['District']}, {n['Province']})",
            "place_country": f"{self.m['name_iso']}[{n['Country']}]",
            "latitude": f"TRY_CAST({n['Latitude']} AS DOUBLE)",
            "longitude": f"TRY_CAST({n['Longitude']} AS DOUBLE)",
            "evidence_url": f"'icews-story:' || {n['Story ID']}",
        }, EVENT_COLUMNS)


class PolecatReader(HeaderReader):
    dataset = "polecat"

    def prepare(self, con, path):
        headers = _headers(con, path)
        found = {f: _find(headers, names) for f, names in POLECAT_FIELDS.items()}
        missing = [f for f in POLECAT_REQUIRED if found[f] is None]
        if missing:
            raise FormatError(f"{path}: not a POLECAT file: no column for "
                             f"{', '.join(missing)} (header: {', '.join(headers[:12])})")
        self.f = {k: (q(v) if v else "NULL") for k, v in found.items()}
        self.columns = headers
        self.id_expr = self.f["event_id"]
        self.date = (f"coalesce(TRY_CAST({self.f['date']} AS DATE), "
                     f"CAST(try_strptime({self.f['date']}, '%Y%m%d') AS DATE))")

    def reason(self):
        f = self.f
        return f"""CASE
            WHEN {f['event_id']} IS NULL THEN 'event id is empty'
            WHEN {self.date} IS NULL THEN 'event date is not a date'
            WHEN NOT list_contains({self.m['plover_types']}, upper({f['plover']}))
                THEN 'event type is not a PLOVER type'
            END"""

    def select(self):
        f = self.f
        names = self.m["name_iso"]

        def country(c: str) -> str:  # POLECAT writes ISO codes; older files may write names
            return f"coalesce(CASE WHEN regexp_full_match({c}, '[A-Z]{{3}}') THEN {c} END, " \
                   f"{names}[{c}])"
        return _typed({
            "dataset": lit(self.dataset), "event_id": f["event_id"], "date": self.date,
            "date_precision": "'day'", "source_actor": f["source_name"],
            "source_country": country(f["source_country"]),
            "target_actor": f["target_name"],
            "target_country": country(f["target_country"]),
            "quad_class": f"TRY_CAST({f['quad']} AS TINYINT)", "plover": f"upper({f['plover']})",
            "place": f["place"],
            "place_country": country(f["place_country"]),
            "latitude": f"TRY_CAST({f['latitude']} AS DOUBLE)",
            "longitude": f"TRY_CAST({f['longitude']} AS DOUBLE)", "evidence_url": f["story"],
        }, EVENT_COLUMNS)


FORMATS = {
    "gdelt": lambda: GdeltReader("gdelt", 2),
    "gdelt1": lambda: GdeltReader("gdelt1", 1),
    "gdelt-mentions": lambda: MentionsReader("gdelt-mentions"),
    "icews": IcewsReader,
    "polecat": PolecatReader,
}


def reader_for(dataset: str) -> Reader:
    if dataset not in FORMATS:
        raise InputError(f"unknown dataset {dataset!r}; use one of {', '.join(FORMATS)}")
    return FORMATS[dataset]()
