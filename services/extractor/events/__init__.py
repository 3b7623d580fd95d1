"""Event extraction (in progress): offset-preserving resolvers for numbers and time expressions.

Each resolver reads the clean article text and returns values together with the
character span they came from, so every value of an event record can point back
to its evidence (``text == article.text[start:end]``).
"""
