"""bilateral: an evidence-grounded engine for the relationship between two states."""

__version__ = "0.1.0"


def load(dyad: str = "AZE-RUS", package=None, db=None):
    """The dyad's records as DataFrames with analyses and charts; see bilateral.api.Dyad."""
    from bilateral.api import load as _load

    return _load(dyad, package, db)
