"""Event extraction: trigger sentences, then offset-preserving resolvers (actors, places, numbers, time).

Each resolver reads the clean article text and returns values together with the
character span they came from, so every value of an event record can point back
to its evidence (``text == article.text[start:end]``).
"""
