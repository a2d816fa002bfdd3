"""The `bilateral` command line: thin commands over the library.

Exit codes: 0 success; 1 the command ran and found a problem (an invalid package, a name that
resolves to nothing); 2 a usage error (a bad option or value).
"""

from __future__ import annotations

import sys

import typer

from bilateral.errors import AmbiguousNameError, BilateralError

app = typer.Typer(
    name="bilateral",
    help="An evidence-grounded engine for the relationship between two states and their "
         "leaders. The built-in case is Azerbaijan–Russia, 1991 to today.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)

from bilateral.cli import check as _check  # noqa: E402,F401
from bilateral.cli import energy as _energy  # noqa: E402,F401
from bilateral.cli import events as _events  # noqa: E402,F401  (registers commands)
from bilateral.cli import kb as _kb  # noqa: E402,F401
from bilateral.cli import query as _query  # noqa: E402,F401
from bilateral.cli import report as _report  # noqa: E402,F401
from bilateral.cli import serve as _serve  # noqa: E402,F401
from bilateral.cli import sources as _sources  # noqa: E402,F401


def main() -> None:
    try:
        app()
    except AmbiguousNameError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
    except BilateralError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        sys.exit(exc.exit_code)
