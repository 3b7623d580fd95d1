"""Data file names: ``<topic>+<partition>+<first offset>+<last offset>.parquet``.

Offsets are zero-padded to 19 digits (Kafka Connect's format), so names sort
by offset and the last durable offset of a partition can be read from the
names alone (the HDFS connector's recovery). A file merged by compaction is
``<topic>+<partition>+<first>+<last>.compacted.parquet``: first and last bound
the batches it covers, and its metadata lists them exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_RANGE = r"^(?P<topic>[A-Za-z0-9._-]+)\+(?P<partition>\d+)\+(?P<first>\d{19})\+(?P<last>\d{19})"
_NAME = re.compile(_RANGE + r"\.parquet$")
_COMPACTED_NAME = re.compile(_RANGE + r"\.compacted\.parquet$")
TMP_SUFFIX = ".tmp"


@dataclass(frozen=True, order=True)
class DataFileName:
    topic: str
    partition: int
    first_offset: int
    last_offset: int

    def __post_init__(self) -> None:
        if self.partition < 0 or self.first_offset < 0 or self.last_offset < self.first_offset:
            raise ValueError(f"invalid offset range in {self!r}")

    @property
    def name(self) -> str:
        return f"{self.topic}+{self.partition}+{self.first_offset:019d}+{self.last_offset:019d}.parquet"

    @property
    def tmp_name(self) -> str:
        """Hidden (dot-prefixed) so readers globbing ``*.parquet`` never see a file being written."""
        return f".{self.name}{TMP_SUFFIX}"

    @classmethod
    def parse(cls, name: str) -> DataFileName | None:
        match = _NAME.match(name)
        if not match:
            return None
        return cls(match["topic"], int(match["partition"]), int(match["first"]), int(match["last"]))

    def __str__(self) -> str:
        return self.name


def tmp_prefix(topic: str, partition: int) -> str:
    """Prefix shared by the temp files of one topic partition."""
    return f".{topic}+{partition}+"


@dataclass(frozen=True, order=True)
class CompactedFileName(DataFileName):
    """A file compaction merged from several batch files of one date partition."""

    @property
    def name(self) -> str:
        return super().name.removesuffix(".parquet") + ".compacted.parquet"

    @classmethod
    def parse(cls, name: str) -> CompactedFileName | None:
        match = _COMPACTED_NAME.match(name)
        if not match:
            return None
        return cls(match["topic"], int(match["partition"]), int(match["first"]), int(match["last"]))
