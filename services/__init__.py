"""newswire services: ``common`` (shared plumbing) and the four services built on it.

``fetcher``, ``extractor``, ``linker`` and ``sink`` never import each other (an import-linter
contract enforces it); ``cli`` wires them together in separate processes.
"""
