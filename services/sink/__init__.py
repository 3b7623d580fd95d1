"""The sink: topics -> hive-partitioned Parquet, exactly once per (topic, partition, offset)."""

from services.sink.app import build

__all__ = ["build"]
