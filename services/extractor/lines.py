"""Whole-line chrome that can sit anywhere in an article, not only at its edges.

Themes put these widgets between paragraphs: a photo credit under an inline image,
a gallery's "Image 1 of 8", a "Read more: <other headline>" teaser, a "Get started" button;
consent plugins append a cookie banner and its settings dialog. Each rule
matches a whole, short line, so a body sentence that merely contains the words
is kept (tests hold both sides).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from services.extractor.cleanup import SENTENCE_END, Removal, word_count

# Widgets trafilatura keeps when a theme puts them inside the article container.
_CHROME_LINE = re.compile(
    r"""^(
        (top|bottom)\ of\ page
      | print\ friendly(\ and\ pdf)?
      | no\ comments:?
      | \d+\ comments?:?
      | leave\ a\ (reply|comment)
      | please\ enter\ your\ (comment|name\ here|email\ address\ here)!?
      | your\ email\ address\ will\ not\ be\ published\.?(\ required\ fields\ are\ marked\ \*)?
      | required\ fields\ are\ marked\ \*
      | this\ site\ uses\ akismet\ to\ reduce\ spam\..*
      | social\ media\ sharing
      | share(\ this(\ article|\ post)?)?(\ on\ (facebook|twitter|x|whatsapp|linkedin))?:?
      | you\ are\ here:?
      | home\s*(>|\u00bb|\u203a|/)\s*.*  # breadcrumbs: "Home > Section" and its variants
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# Who took the picture, on a line of its own: "Photo: A. Writer, AP", "(Photo by X/Getty Images)",
# "Image credit: Shutterstock", "Foto: EFE", "AP Photo/Evan Vucci".
_PHOTO_CREDIT = re.compile(
    r"""^[(\[]?\s*(
        (photo(graph)?|picture|image|foto(graf[ií]a)?|imagen|bild|credit|cr[eé]dito)s?
          (\ credits?)?\s*(:|\bby\b|\bcourtesy\b|\u00a9)
      | (ap|afp|reuters|getty|epa|efe|dpa|ansa)\ (photo|images?|foto)\b
      | (getty\ images|shutterstock|istock(photo)?)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
PHOTO_CREDIT_MAX_WORDS = 15

# A slideshow's controls and counters: "Image 1 of 8", "1of/8", "Caption", "Enlarge this image".
_GALLERY_CONTROL = re.compile(
    r"""^(
        ((image|photo|slide|picture|foto)\s*)?\d+\s*(of|/|de|von|di)\s*/?\s*\d+
      | (hide\ |toggle\ |show\ )?caption | close | enlarge(\ this\ image)? | view\ (gallery|slideshow)
    )$""",
    re.IGNORECASE | re.VERBOSE,
)

# A table of contents' or a menu's label, left behind when its links were dropped.
_NAVIGATION_LABEL = re.compile(
    r"""^(
        table\ of\ contents? | contents | on\ this\ page | in\ this\ (article|post|guide)
      | jump\ to(\ section)? | skip\ to\ (main\ )?content | back\ to\ (top|blog|news|all\ posts?)
    )\s*:?$""",
    re.IGNORECASE | re.VERBOSE,
)

# A button's label on a line of its own: the page asks the reader to do something else.
_CALL_TO_ACTION = re.compile(
    r"""^[-\u2022*]?\s*(
        (book|request|schedule|get)\ (a|your|my)\ (free\ )?(demo|quote|consultation|call)
      | get\ started(\ (now|today|for\ free))? | start\ (your\ )?free\ trial | try\ (it\ )?(for\ )?free
      | (read|learn|see|view|discover|find\ out|load|show)\ more | (continue|keep)\ reading
      | read\ (the\ )?(full\ )?(story|article|review)
      | download\ (now|the\ app|our\ app|for\ free) | (shop|buy|order|apply|register)\ now
      | contact\ us(\ today)? | sign\ up(\ (now|today|for\ free))? | subscribe(\ (now|today))?
      | get\ the\ app | click\ here | join\ (now|today|us)
    )\s*[.!:>\u203a\u00bb\u2192\u279c]*$""",
    re.IGNORECASE | re.VERBOSE,
)

# "Read more: <another story's headline>": a label, a colon, and a headline (no closing stop).
_TEASER = re.compile(
    r"""^(
        related(\ (posts?|articles?|stor(y|ies)|content|reading|coverage))?
      | (read|see)\ (more|also) | also\ (read|see|on\ \S+) | more | recommended | don'?t\ miss | must\ read
      | (more|top)\ (news|stories|coverage)
    )\s*:\s*(?P<headline>.*)$""",
    re.IGNORECASE | re.VERBOSE,
)
TEASER_MAX_WORDS = 25

# A cookie-consent banner or its settings dialog, one line per sentence or control. Consent
# plugins render inside <body>, often after the article, where trafilatura may keep them.
_COOKIE_NOTICE = re.compile(
    r"""(
        ^(necessary|functional|performance|analytic(al|s)|advertise?(ment|ing)|marketing|targeting
          |preferences?|statistics?|other\ uncategori[sz]ed|non-necessary)\ cookies\ (are|help|ensure|track)\b
      | ^any\ cookies\ that\ may\ not\ be\b
      | ^cookies?\ (policy|settings|preferences|consent)$
      | ^cookie\ duration\ description\b
      | ^(manage|withdraw)\ (cookie\ )?(consent|preferences)$
      | ^(accept|reject|allow|decline)(\ all)?(\ cookies)?$
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "We use cookies ..." is a banner only with the banner's vocabulary: a sentence reporting that
# sites use cookies is not.
_USES_COOKIES = re.compile(
    r"\b(we|this\ (web)?site|our\ (web)?site)\ (uses?|may\ use)\ cookies\b", re.I | re.X
)
_CONSENT_WORDS = re.compile(
    r"\b(accept|consent|agree|preferences|privacy|browser|experience|opt[ -]out)", re.I
)
COOKIE_NOTICE_MAX_CHARS = 600  # the settings dialog's category descriptions run longer than other chrome
# The rules match short lines; a longer one is prose and skips them (the cookie rule has its own limit).
MAX_CHROME_LINE_CHARS = 300


def is_photo_credit(line: str) -> bool:
    # a credit is a label, not a sentence: "Photos by relatives were shown in court." is prose
    return (
        bool(_PHOTO_CREDIT.match(line))  # anchored: fails on the first characters of most lines
        and word_count(line) <= PHOTO_CREDIT_MAX_WORDS
        and not SENTENCE_END.search(line)
    )


def is_cookie_notice(line: str) -> bool:
    lowered = line.lower()  # every pattern names cookies or consent, except the short buttons
    if "cookie" not in lowered and "consent" not in lowered and len(line) > len("Decline all cookies"):
        return False
    if _COOKIE_NOTICE.search(line):
        return True
    return bool(_USES_COOKIES.search(line)) and bool(_CONSENT_WORDS.search(line))


def is_teaser(line: str) -> bool:
    match = _TEASER.match(line.removeprefix("- "))
    if match is None:
        return False
    headline = match.group("headline")
    return word_count(headline) <= TEASER_MAX_WORDS and not SENTENCE_END.search(headline)


# (rule, longest line it looks at, test)
_LINE_RULES: tuple[tuple[str, int, Callable[[str], bool]], ...] = (
    ("chrome_line", MAX_CHROME_LINE_CHARS, lambda line: bool(_CHROME_LINE.match(line))),
    ("photo_credit", MAX_CHROME_LINE_CHARS, is_photo_credit),
    ("gallery_control", MAX_CHROME_LINE_CHARS, lambda line: bool(_GALLERY_CONTROL.match(line))),
    (
        "navigation_label",
        MAX_CHROME_LINE_CHARS,
        lambda line: bool(_NAVIGATION_LABEL.match(line.removeprefix("- "))),
    ),
    ("teaser_line", MAX_CHROME_LINE_CHARS, is_teaser),
    ("call_to_action", MAX_CHROME_LINE_CHARS, lambda line: bool(_CALL_TO_ACTION.match(line))),
    ("cookie_notice", COOKIE_NOTICE_MAX_CHARS, is_cookie_notice),
)


def strip_chrome_lines(text: str) -> tuple[str, list[Removal]]:
    """Drop whole lines that are chrome wherever they are; return the text and what was removed."""
    kept: list[str] = []
    removed: list[Removal] = []
    for line in text.splitlines():
        stripped = line.strip()
        size = len(stripped)
        rule = next(
            (name for name, limit, match in _LINE_RULES if 0 < size <= limit and match(stripped)), None
        )
        if rule is None:
            kept.append(line)
        else:
            removed.append(Removal(rule, stripped))
    return "\n".join(kept).strip(), removed
