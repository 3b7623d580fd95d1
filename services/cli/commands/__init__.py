"""One module per ``newswire`` command, each registering its own options next to its ``run``.

A command module has ``register(subparsers)``, which adds its parser and sets ``run`` as the
handler. Module top levels import only the standard library, so ``newswire --help`` and
every command start without loading the stacks of the others; ``run`` imports what it uses.
"""

from __future__ import annotations

from services.cli.commands import (
    backfill,
    broker,
    check,
    compact,
    deadletter,
    demo,
    diff,
    eval,
    extract,
    feeds,
    fetch,
    ingest,
    offsets,
    query,
    reextract,
    run,
    schemas,
    service,
    status,
    topics,
    ui,
)

# In the order of ``newswire --help``: run the pipeline, then the tools.
COMMANDS = (
    broker,
    run,
    service,
    demo,
    feeds,
    extract,
    query,
    ui,
    compact,
    offsets,
    ingest,
    backfill,
    reextract,
    diff,
    status,
    topics,
    deadletter,
    eval,
    fetch,
    check,
    schemas,
)
