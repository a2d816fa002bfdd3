"""One error root, with subclasses that also inherit the built-in they resemble."""


class BilateralError(Exception):
    """Base of every error bilateral raises on purpose; the CLI prints it as one line."""

    exit_code = 1


class InputError(ValueError, BilateralError):
    """The user gave something that cannot be used (a bad date, an unknown option value)."""

    exit_code = 2


class FormatError(ValueError, BilateralError):
    """A file that is not in the layout it was said to have; the run cannot go on."""


class NotFoundError(LookupError, BilateralError):
    """A name, id or file that does not exist."""


class AmbiguousNameError(NotFoundError):
    """A name that resolves to more than one record; carries the candidates."""

    def __init__(self, message: str, candidates: list[str]):
        super().__init__(message)
        self.candidates = candidates


class PackageError(BilateralError):
    """A knowledge-base package that cannot be read or compiled."""
