"""The web explorer: `bilateral serve` and its FastAPI application."""

from bilateral.web.app import create_app
from bilateral.web.explorer import Explorer

__all__ = ["Explorer", "create_app"]
