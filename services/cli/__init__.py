"""The ``newswire`` command line: the entry point that builds settings and apps and wires them together."""
