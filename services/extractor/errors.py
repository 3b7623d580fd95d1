"""Extraction failures: all permanent for the page at hand."""

from __future__ import annotations

from services.common.errors import PermanentError


class ExtractionFailed(PermanentError):
    """trafilatura raised or returned nothing usable."""


class ExtractionTimeout(PermanentError):
    """Extraction exceeded its hard time limit; the worker process was killed."""


class EmptyArticle(PermanentError):
    """The extracted text is shorter than ``min_words``: not an article page."""


class HtmlTooLarge(PermanentError):
    """The page's HTML is longer than ``max_html_chars``."""
