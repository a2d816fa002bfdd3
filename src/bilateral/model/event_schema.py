"""The one event table every source shares: curated events now, machine-coded ones later.

Each column is (name, DuckDB type, meaning). Analyses read only these columns, so they run the
same on the knowledge base and on imported GDELT, ICEWS or POLECAT events.
"""

EVENT_COLUMNS: list[tuple[str, str, str]] = [
    ("dataset", "VARCHAR", "Where the row comes from: 'kb' for the curated knowledge base."),
    ("event_id", "VARCHAR", "Id within the dataset."),
    ("date", "DATE", "First day of the event (the 1st of the month or year when less precise)."),
    ("date_end", "DATE", "Last day of a multi-day event."),
    ("date_precision", "VARCHAR", "day, month or year."),
    ("source_actor", "VARCHAR", "Id or code of the actor that acts."),
    ("source_country", "VARCHAR", "ISO 3166 alpha-3 code of the acting actor's state."),
    ("target_actor", "VARCHAR", "Id or code of the actor acted upon."),
    ("target_country", "VARCHAR", "ISO 3166 alpha-3 code of the target's state."),
    ("source_country_cameo", "VARCHAR", "CAMEO country code of the acting actor, as coded."),
    ("target_country_cameo", "VARCHAR", "CAMEO country code of the target, as coded."),
    ("is_root", "BOOLEAN", "GDELT: the event is the root event of its sentence."),
    ("cameo_code", "VARCHAR", "CAMEO event code."),
    ("cameo_base", "VARCHAR", "Its three-digit base code."),
    ("cameo_root", "VARCHAR", "Its two-digit root code."),
    ("goldstein", "DOUBLE", "Goldstein conflict-cooperation score, -10 to +10."),
    ("goldstein_table", "VARCHAR", "Which table the score comes from: cameo-icews, gdelt, "
                                   "override."),
    ("quad_class", "TINYINT", "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, "
                              "4 material conflict."),
    ("plover", "VARCHAR", "PLOVER event type."),
    ("num_mentions", "INTEGER", "Mentions in the source dataset (machine-coded data)."),
    ("num_sources", "INTEGER", "Distinct sources reporting the event."),
    ("num_articles", "INTEGER", "Articles reporting the event (machine-coded data)."),
    ("tone", "DOUBLE", "Average tone of the reports (GDELT)."),
    ("place", "VARCHAR", "Where it happened: entity id or place name."),
    ("place_country", "VARCHAR", "ISO 3166 alpha-3 code of where it happened."),
    ("latitude", "DOUBLE", "Latitude of the place."),
    ("longitude", "DOUBLE", "Longitude of the place."),
    ("evidence_url", "VARCHAR", "A source address for the event."),
    ("title", "VARCHAR", "Short title (curated events)."),
    ("summary", "VARCHAR", "What happened (curated events)."),
    ("kind", "VARCHAR", "visit, meeting, agreement, ... (curated events)."),
    ("pillars", "VARCHAR[]", "energy, security, economy, political."),
    ("importance", "TINYINT", "1 milestone, 2 significant, 3 minor (curated events)."),
]
