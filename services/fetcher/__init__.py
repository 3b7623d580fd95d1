"""The fetcher: polls feeds, dedups URLs in durable state, fetches pages politely and safely."""

from services.fetcher.app import build

__all__ = ["build"]
