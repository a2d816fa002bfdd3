"""The layouts of the public event datasets, as their codebooks name the columns."""

from __future__ import annotations

import re

# GDELT 2.0 Event export (61 tab-separated columns, no header), GDELT 2.0 Event Codebook.
_ACTOR = ["Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
          "Religion2Code", "Type1Code", "Type2Code", "Type3Code"]
_GEO = ["Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID"]
GDELT2 = (["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
          + [f"Actor1{c}" for c in _ACTOR] + [f"Actor2{c}" for c in _ACTOR]
          + ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
             "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]
          + [f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in _GEO]
          + ["DATEADDED", "SOURCEURL"])
# GDELT 1.0 has no ADM2 codes: 58 columns in daily files, 57 (no SOURCEURL) in the backfile.
GDELT1 = [c for c in GDELT2 if not c.endswith("ADM2Code")]
GDELT1_BACKFILE_WIDTH = len(GDELT1) - 1

# GDELT 2.0 Mentions (16 columns).
MENTIONS = ["GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType",
            "MentionSourceName", "MentionIdentifier", "SentenceID", "Actor1CharOffset",
            "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence", "MentionDocLen",
            "MentionDocTone", "MentionDocTranslationInfo", "Extras"]

# ICEWS Coded Event Data (Harvard Dataverse): 20 named columns with a header.
ICEWS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country",
         "Event Text", "CAMEO Code", "Intensity", "Target Name", "Target Sectors",
         "Target Country", "Story ID", "Sentence Number", "Publisher", "City", "District",
         "Province", "Country", "Latitude", "Longitude"]

# POLECAT weekly/yearly files: tab-separated with a header whose names drift between releases,
# so each field is found by any of its known names (compared after `header_key`).
POLECAT_FIELDS: dict[str, tuple[str, ...]] = {
    "event_id": ("eventid", "id"),
    "date": ("eventdate", "date"),
    "plover": ("eventtype", "plovereventtype", "event"),
    "mode": ("eventmode", "mode"),
    "intensity": ("eventintensity", "intensity"),
    "quad": ("quadcode", "quadclass", "quad"),
    "source_name": ("actorname", "sourcename", "actor"),
    "source_country": ("actorcountry", "sourcecountry", "actorcountrycode"),
    "target_name": ("recipientname", "targetname", "recipient"),
    "target_country": ("recipientcountry", "targetcountry", "recipientcountrycode"),
    "place": ("placename", "location", "rawplacename"),
    "place_country": ("country", "placecountry", "geocountry"),
    "latitude": ("latitude", "lat"),
    "longitude": ("longitude", "lon", "long"),
    "story": ("storyid", "story", "sourceurl", "url"),
}
POLECAT_REQUIRED = ("event_id", "date", "plover")


def header_key(name: str) -> str:
    """'Event ID', 'event_id' and 'EventID' all become 'eventid'."""
    return re.sub(r"[^a-z0-9]", "", name.lower())
