"""Whole-line chrome removed anywhere in the text: photo credits, gallery controls, teasers, cookie banners.

Each rule has its chrome removed AND look-alike body lines kept.
"""

from __future__ import annotations

import pytest

from services.extractor.lines import COOKIE_NOTICE_MAX_CHARS, MAX_CHROME_LINE_CHARS, strip_chrome_lines

BODY = (
    "Moroccan security services dismantled a cell of four suspects in the north of the country on "
    "Tuesday, the interior ministry said."
)


def _removed(line: str) -> list[tuple[str, str]]:
    text, removed = strip_chrome_lines(f"{BODY}\n{line}\n{BODY}")
    assert text.count(BODY) == 2  # the paragraphs around it always stay
    return [(r.rule, r.text) for r in removed]


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: Hau Dinh, AP",
        "(Photo by A. Writer/Getty Images)",
        "Image credit: Shutterstock",
        "Photo credit: A. Writer",
        "AP Photo/Evan Vucci",
        "Foto: EFE",
        "Getty Images",
        "Photos courtesy of the interior ministry",
    ],
)
def test_photo_credits_on_their_own_line_are_removed(credit: str) -> None:
    assert _removed(credit) == [("photo_credit", credit)]


@pytest.mark.parametrize(
    "prose",
    [
        "Photos by relatives of the suspects were shown in court.",
        "Photographs of the weapons seized in Tetouan were released by the ministry on Wednesday, "
        "along with images of the propaganda material found at the suspects' homes and a list of names.",
        "Pictures circulated on social media show the raid.",
        "Image analysis helped investigators identify the fourth suspect.",
    ],
)
def test_sentences_about_photos_are_kept(prose: str) -> None:
    assert _removed(prose) == []


@pytest.mark.parametrize(
    "control", ["Image 1 of 8", "1of/8", "3 / 12", "Caption", "hide caption", "Close", "Enlarge this image"]
)
def test_gallery_controls_are_removed(control: str) -> None:
    assert _removed(control) == [("gallery_control", control)]


@pytest.mark.parametrize(
    "prose",
    ["1 of 8 suspects was released on bail.", "Close to 300 people attended the trial.", "Caption contest"],
)
def test_lines_starting_like_gallery_controls_are_kept(prose: str) -> None:
    assert _removed(prose) == []


@pytest.mark.parametrize(
    "teaser",
    [
        "Read more: Police dismantle a cell in Tetouan",
        "Related: Morocco arrests four over Sahel recruitment",
        "- Also read: Spain and Morocco step up joint operations",
        "More:",
        "See also: How the Islamic State recruits in the Sahel",
    ],
)
def test_teasers_of_other_stories_are_removed_anywhere(teaser: str) -> None:
    assert _removed(teaser) == [("teaser_line", teaser.strip())]


@pytest.mark.parametrize(
    "prose",
    [
        "Read more: the ministry's statement lists the four suspects by name.",
        "More: the agents seized weapons, cash and propaganda material.",
        "Related reports said the cell had been in contact with a fifth man in Melilla, who was arrested "
        "later that week by the Guardia Civil in a joint operation with Moroccan intelligence services.",
    ],
)
def test_sentences_opening_with_teaser_words_are_kept(prose: str) -> None:
    assert _removed(prose) == []


@pytest.mark.parametrize(
    "label", ["Table of Contents", "On this page", "In this article:", "- Back to top", "Contents"]
)
def test_navigation_labels_are_removed(label: str) -> None:
    assert _removed(label) == [("navigation_label", label)]


@pytest.mark.parametrize(
    "prose", ["The contents of the seized phones were sent to Rabat.", "On this page of the indictment, ..."]
)
def test_lines_opening_with_navigation_words_are_kept(prose: str) -> None:
    assert _removed(prose) == []


def test_lines_longer_than_the_limit_are_never_taken_for_chrome() -> None:
    breadcrumb = "Home > Africa > Morocco"
    assert _removed(breadcrumb) == [("chrome_line", breadcrumb)]
    long_line = "Home > " + "the ministry listed the seized material " * 8
    assert len(long_line) > MAX_CHROME_LINE_CHARS
    assert _removed(long_line) == []


@pytest.mark.parametrize(
    "notice",
    [
        "We use cookies on our website to give you the most relevant experience by remembering your "
        "preferences and repeat visits. By clicking \u201cAccept\u201d, you consent to the use of ALL the "
        "cookies.",
        "This website uses cookies to improve your experience. By clicking \u201cAccept\u201d you are "
        "agreeing to our Privacy Policy.",
        "Necessary cookies are absolutely essential for the website to function properly.",
        "Analytical cookies are used to understand how visitors interact with the website.",
        "Other uncategorized cookies are those that are being analyzed and have not been classified.",
        "Cookie Duration Description cookielawinfo-checkbox-analytics 11 months This cookie is set by "
        "GDPR Cookie Consent plugin.",
        "Cookies Policy",
        "Manage consent",
        "Accept all cookies",
    ],
)
def test_cookie_consent_banners_are_removed(notice: str) -> None:
    assert _removed(notice) == [("cookie_notice", notice)]


@pytest.mark.parametrize(
    "prose",
    [
        # reporting on cookies, without a banner's consent vocabulary
        "This website uses cookies on 80 percent of its pages, the regulator found in its audit.",
        "The suspects' devices held cookies from several jihadist forums, investigators said.",
        "Behavioral tracking: utilise cookies and session data to follow user actions.",
        "The cookies policy of the ministry's website was updated in March.",
    ],
)
def test_sentences_about_cookies_are_kept(prose: str) -> None:
    assert _removed(prose) == []


def test_a_cookie_notice_longer_than_its_own_limit_is_kept() -> None:
    # the dialog's descriptions are longer than other chrome lines, up to their own limit
    notice = (
        "We use cookies to improve your experience. " + "The ministry said the cell was dismantled. " * 12
    )
    assert MAX_CHROME_LINE_CHARS < len(notice.strip()) <= COOKIE_NOTICE_MAX_CHARS
    assert _removed(notice.strip()) == [("cookie_notice", notice.strip())]
    longer = notice + "The ministry said the cell was dismantled. " * 2
    assert len(longer.strip()) > COOKIE_NOTICE_MAX_CHARS
    assert _removed(longer.strip()) == []


@pytest.mark.parametrize(
    "button",
    ["Read more", "Get started", "Book a demo", "Subscribe now \u00bb", "- Learn more:", "Continue reading"],
)
def test_calls_to_action_on_their_own_line_are_removed(button: str) -> None:
    assert _removed(button) == [("call_to_action", button)]


@pytest.mark.parametrize(
    "prose",
    [
        "Read more about the case in the court filing published on Tuesday.",
        "Contact us if you have information, the police spokesman told residents.",
        "Get started early, the investigators advised the families.",
    ],
)
def test_sentences_opening_like_calls_to_action_are_kept(prose: str) -> None:
    assert _removed(prose) == []
