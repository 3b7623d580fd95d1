"""A small consumer of newswire's ``events`` topic that validates every record against the
published contract (schemas/jsonschema/EventMention.json) -- the way to plug in your own service.

    pip install aiokafka jsonschema
    python examples/consumer.py --bootstrap localhost:9092 [--topic newswire.events] [--group my-app]

It joins its own consumer group (so it gets every record once per group, and resumes where it
stopped), prints one line per event and commits after handling each batch. A record that does not
validate is reported and skipped; in a real service, send it to your own dead-letter topic.
Contracts only gain optional fields within a major version: producers add optional fields,
consumers ignore what they do not know (the published schemas allow additional properties).
"""

from __future__ import annotations

import argparse
import asyncio
import json
from pathlib import Path

from aiokafka import AIOKafkaConsumer
from jsonschema import Draft202012Validator

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "jsonschema" / "EventMention.json"


def describe(event: dict) -> str:
    sites = ", ".join(s["name"] or s["text"] for s in event["sites"]) or "?"
    counts = ", ".join(f"{q['kind']}={q['value']}" for q in event["quantities"])
    when = event["time"]["start"] or "undated"
    return f"{when} {event['subtype']:<22} {event['record_kind']:<10} at {sites} {counts}".rstrip()


async def consume(bootstrap: str, topic: str, group: str, limit: int | None) -> int:
    validator = Draft202012Validator(json.loads(SCHEMA.read_text()))
    consumer = AIOKafkaConsumer(
        topic,
        bootstrap_servers=bootstrap,
        group_id=group,
        enable_auto_commit=False,  # commit after handling, so a crash re-delivers instead of skipping
        auto_offset_reset="earliest",
    )
    await consumer.start()
    seen = 0
    try:
        while limit is None or seen < limit:
            batches = await consumer.getmany(timeout_ms=1000)
            if not batches and limit is not None:
                break  # nothing more for now: the demo run stops
            for records in batches.values():
                for record in records:
                    event = json.loads(record.value)
                    errors = sorted(validator.iter_errors(event), key=lambda e: list(e.path))
                    if errors:
                        print(f"invalid record at {record.partition}:{record.offset}: {errors[0].message}")
                        continue
                    print(describe(event))
                    seen += 1
            await consumer.commit()
    finally:
        await consumer.stop()
    return seen


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--bootstrap", default="localhost:9092")
    parser.add_argument("--topic", default="newswire.events")
    parser.add_argument("--group", default="example-consumer")
    parser.add_argument(
        "--limit", type=int, help="stop after this many events (or when the topic is drained)"
    )
    args = parser.parse_args()
    count = asyncio.run(consume(args.bootstrap, args.topic, args.group, args.limit))
    print(f"{count} events")


if __name__ == "__main__":
    main()
