"""Extraction failures: all permanent for the page at hand."""

from __future__ import annotations

from services.common.errors import PermanentError


class ExtractionFailed(PermanentError):
    """trafilatura raised or returned nothing usable."""

    reason = "extraction_failed"


class ExtractionTimeout(ExtractionFailed):
    """Extraction exceeded its hard time limit; the worker process was killed."""

    reason = "timeout"


class EmptyArticle(ExtractionFailed):
    """The extracted text is shorter than ``min_words``: not an article page."""

    reason = "empty_article"


class HtmlTooLarge(ExtractionFailed):
    """The page's HTML is longer than ``max_html_chars``."""

    reason = "too_large"
