"""Operating newswire: offsets, topics, dead letters, backfills and ingestion from files."""
