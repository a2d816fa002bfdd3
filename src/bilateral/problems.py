"""Problems are data: a stable slug, a location and a message, gathered into a Report."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

ERROR = "error"
WARNING = "warning"

# slug -> (title, severity). The docs' problem catalogue is generated from this table.
CATALOGUE: dict[str, tuple[str, str]] = {
    "bad-package": ("The package descriptor cannot be read", ERROR),
    "missing-table": ("A table file named in the descriptor is missing or unreadable", ERROR),
    "bad-header": ("A table's header does not match its schema", ERROR),
    "bad-row": ("A row has too many or too few cells, or is blank", ERROR),
    "missing-value": ("A required field is empty", ERROR),
    "bad-date": ("A date that is not a real calendar date in ISO form", ERROR),
    "bad-value": ("A value of the wrong type (number, integer, boolean)", ERROR),
    "not-in-enum": ("A value outside the field's list of allowed values", ERROR),
    "bad-format": ("A value that does not match the field's pattern", ERROR),
    "out-of-range": ("A number outside the field's minimum or maximum", ERROR),
    "duplicate-id": ("Two rows share a primary key", ERROR),
    "dangling-reference": ("A reference to a record that does not exist", ERROR),
    "unknown-source": ("A source id that is not in sources.csv", ERROR),
    "unsourced-event": ("An event that cites no source", ERROR),
    "unsourced-term": ("A term in office that cites no source", ERROR),
    "unsourced-agreement": ("An agreement that cites no source", ERROR),
    "unsourced-infrastructure": ("An infrastructure record that cites no source", ERROR),
    "unsourced-stake": ("An ownership stake that cites no source", ERROR),
    "unsourced-membership": ("A membership that cites no source", ERROR),
    "unsourced-energy-node": ("An energy-network node that cites no source", ERROR),
    "unsourced-segment": ("An energy-network segment (its capacity, route, dates) that cites "
                          "no source", ERROR),
    "unsourced-conversion": ("A unit conversion factor that cites no source", ERROR),
    "unknown-unit": ("A capacity unit that no cited factor converts into its commodity's "
                     "network unit", ERROR),
    "end-before-start": ("An end date earlier than its start date", ERROR),
    "date-precision-mismatch": ("A date that says more than its precision allows", ERROR),
    "unknown-cameo-code": ("A CAMEO event code that is not in the codebook", ERROR),
    "unexplained-override": ("A Goldstein score or quad class that differs from the codebook "
                             "without a reason", ERROR),
    "missing-goldstein": ("A CAMEO code with no codebook Goldstein score and none given", ERROR),
    "overlapping-terms": ("One person holding one office twice at the same time", ERROR),
    "office-held-twice": ("Two people holding one office at the same time", WARNING),
    "wrong-entity-kind": ("A reference to an entity of the wrong kind", ERROR),
    "actor-outside-lifetime": ("A person or body acting before it existed or after it ended",
                               ERROR),
    "event-without-actors": ("An event with no actors", ERROR),
    "bad-url": ("A source URL that is not a well-formed http(s) address", ERROR),
    "unknown-country-code": ("A country code that is not ISO 3166 alpha-3", ERROR),
    "ambiguous-alias": ("The same alias names two entities", WARNING),
    "unused-source": ("A source that no record cites", WARNING),
    "duplicate-url": ("Two sources with the same address", WARNING),
}


@dataclass(frozen=True, order=True)
class Problem:
    """One problem at one place: `path:row:column: slug: message`."""

    path: str
    row: int
    column: int
    slug: str
    message: str
    field: str = ""

    def __post_init__(self) -> None:
        if self.slug not in CATALOGUE:
            raise KeyError(f"unknown problem slug {self.slug!r}")

    @property
    def severity(self) -> str:
        return CATALOGUE[self.slug][1]

    def __str__(self) -> str:
        return f"{self.path}:{self.row}:{self.column}: {self.slug}: {self.message}"

    def to_dict(self) -> dict:
        return {**asdict(self), "severity": self.severity}


@dataclass
class Report:
    """What a validation found: every problem, never just the first."""

    problems: list[Problem] = field(default_factory=list)
    stats: dict[str, int] = field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]

    @property
    def valid(self) -> bool:
        return not self.errors

    def add(self, problems) -> None:
        """Add problems, keeping the first one reported at any place with a given slug."""
        seen = {(p.path, p.row, p.column, p.slug) for p in self.problems}
        for p in problems:
            if (p.path, p.row, p.column, p.slug) not in seen:
                seen.add((p.path, p.row, p.column, p.slug))
                self.problems.append(p)

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.path, p.row, p.column, p.slug))

    def to_dict(self) -> dict:
        return {"valid": self.valid, "stats": self.stats,
                "problems": [p.to_dict() for p in self.sorted()]}
