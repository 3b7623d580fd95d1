"""The extractor: clean article text and metadata from fetched pages, via trafilatura."""

from services.extractor.app import build

__all__ = ["build"]
