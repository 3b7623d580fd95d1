"""HTML templates that reproduce what real CMSs print around an article.

Each template wraps the same article blocks in the chrome of one CMS family:
WordPress with the Newspaper theme, classic WordPress, Blogger, a news-site
theme with breadcrumbs and share bars, and Wix. The chrome is what newswire's
extractor has to strip; the phrases are listed per article in ``articles.json``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from importlib import resources

READER_COMMENTS = [
    ("Hamid", "Great analysis, thank you for sharing this with your readers."),
    ("Lucia", "Cooperation between the two countries is the only way forward, in my humble opinion."),
]
RELATED_TITLES = [
    "Five things to know about the Sahel this week",
    "Tourism numbers hit a new record in Marrakech",
]
# Chrome this site adds beyond the gold annotations; none of it may reach the article text.
EXTRA_CHROME = [
    READER_COMMENTS[0][1],
    READER_COMMENTS[1][1],
    RELATED_TITLES[0],
    "Share on Facebook",
    "Subscribe to our newsletter",
    "We use cookies to improve your experience",
]


@dataclass(frozen=True)
class SampleArticle:
    id: str
    slug: str
    template: str
    section: str
    sitename: str
    title: str
    byline: str
    published_at: str
    blocks: list[dict[str, str]]
    chrome: list[str]
    must_keep: list[str]

    @property
    def path(self) -> str:
        return f"/{self.slug}" if self.slug.endswith(".html") else f"/{self.slug}/"

    @property
    def all_chrome(self) -> list[str]:
        return [*self.chrome, *EXTRA_CHROME]


def load_articles() -> list[SampleArticle]:
    data = json.loads(
        resources.files("services.demo").joinpath("site/articles.json").read_text(encoding="utf-8")
    )
    return [SampleArticle(**a) for a in data["articles"]]


def _body(article: SampleArticle) -> str:
    out = []
    for block in article.blocks:
        text = escape(block["text"])
        if block["kind"] == "h2":
            out.append(f"<h2>{text}</h2>")
        elif block["kind"] == "caption":
            out.append(
                f'<figure class="wp-caption"><img src="/img/photo.jpg" alt=""><figcaption>{text}</figcaption></figure>'
            )
        else:
            out.append(f"<p>{text}</p>")
    return "\n".join(out)


def _comments() -> str:
    items = "".join(
        f'<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">{escape(n)}</b>'
        f'<time datetime="2024-01-01T10:00:00Z">January 1, 2024</time></footer>'
        f'<div class="comment-content"><p>{escape(t)}</p></div><a class="comment-reply-link" href="#respond">Reply</a>'
        f"</article></li>"
        for n, t in READER_COMMENTS
    )
    return f'<div id="comments" class="comments-area"><h2 class="comments-title">2 comments</h2><ol class="comment-list">{items}</ol></div>'


def _related() -> str:
    items = "".join(f'<li><a href="/related/{i}/">{escape(t)}</a></li>' for i, t in enumerate(RELATED_TITLES))
    return f'<section class="related-posts"><h3>Related posts</h3><ul>{items}</ul></section>'


def _share() -> str:
    return (
        '<div class="share-bar"><span>Share:</span><a href="https://facebook.example/share">Share on Facebook</a>'
        '<a href="https://twitter.example/share">Tweet</a><a href="mailto:?">Email</a></div>'
    )


def _cookie_and_newsletter() -> str:
    return (
        '<div id="cookie-notice" class="cookie-banner">We use cookies to improve your experience. <button>Accept</button></div>'
        '<aside class="newsletter widget"><h4>Subscribe to our newsletter</h4><form><input type="email"></form></aside>'
    )


def _head(article: SampleArticle, base_url: str, extra: str = "") -> str:
    url = base_url + article.path
    return (
        f'<head><meta charset="utf-8"><title>{escape(article.title)} | {escape(article.sitename)}</title>'
        f'<link rel="canonical" href="{escape(url)}"><meta property="og:url" content="{escape(url)}">'
        f'<meta property="og:title" content="{escape(article.title)}">'
        f'<meta property="og:site_name" content="{escape(article.sitename)}">'
        f'<meta property="article:published_time" content="{article.published_at}T09:30:00+00:00">'
        f'<meta name="author" content="{escape(article.byline)}">{extra}</head>'
    )


def _json_ld(article: SampleArticle) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": article.title,
        "datePublished": f"{article.published_at}T09:30:00+00:00",
        "author": {"@type": "Person", "name": article.byline},
        "publisher": {"@type": "Organization", "name": article.sitename},
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def _newspaper(a: SampleArticle, base: str) -> str:
    chrome = a.chrome  # "HomePolitics" is what the Newspaper theme's breadcrumb reads as text
    return f"""<!DOCTYPE html><html lang="en">{_head(a, base, _json_ld(a))}<body class="td-theme">
{_cookie_and_newsletter()}
<div class="td-header"><a href="/">{escape(a.sitename)}</a><nav class="td-menu"><a href="/">Home</a><a href="/politics/">Politics</a></nav></div>
<div class="tdb-breadcrumbs"><a href="/">Home</a><a href="/politics/">{escape(a.section)}</a><span class="tdb-bred-no-url-last">{escape(a.title)}</span></div>
<article class="td-post-content">
<h1 class="tdb-title-text">{escape(a.title)}</h1>
<div class="td-post-author-name">By <a href="/author/">{escape(a.byline)}</a></div>
<div class="td-post-content tagdiv-type">{_body(a)}</div>
</article>
{_share()}{_related()}
{_comments()}
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">LEAVE A REPLY</h3>
<form id="commentform" class="comment-form"><div class="comment-form-input-wrap td-form-comment">
<textarea placeholder="Comment:" name="comment"></textarea><div class="td-warning-comment">{escape(chrome[1])}</div></div>
<div class="comment-form-input-wrap td-form-author"><input placeholder="Name:*" name="author"><div class="td-warning-author">{escape(chrome[2])}</div></div>
<input type="submit" value="Post Comment"></form></div>
<footer class="td-footer">© {escape(a.sitename)}</footer></body></html>"""


def _blogger(a: SampleArticle, base: str) -> str:
    return f"""<!DOCTYPE html><html lang="en">{_head(a, base)}<body class="blogger">
<div class="header"><h1 class="title"><a href="/">{escape(a.sitename)}</a></h1></div>
<div class="date-outer"><h2 class="date-header"><span>Wednesday, October 07, 2015</span></h2>
<div class="post hentry"><h3 class="post-title entry-title">{escape(a.title)}</h3>
<div class="post-body entry-content">{_body(a)}</div>
<div class="post-footer"><div class="post-footer-line"><span class="post-author vcard">Posted by {escape(a.byline)}</span>
<abbr class="published" title="{a.published_at}T09:30:00+01:00">9:30 AM</abbr>
<span class="post-comment-link"><a class="comment-link" href="#comments">No comments:</a></span>
<div class="post-share-buttons"><a class="share-button" href="#">Share to Twitter</a><a class="share-button" href="#">Share on Facebook</a></div>
<div class="print-friendly"><a href="https://www.printfriendly.example/print">Print Friendly and PDF</a></div>
</div></div></div></div>
<div class="comments" id="comments"><h4>No comments:</h4><p class="comment-footer"><a href="#">Post a Comment</a></p></div>
{_related()}{_cookie_and_newsletter()}
<div class="blog-pager"><a class="blog-pager-older-link" href="/">Older Post</a><a href="/">Home</a></div>
</body></html>"""


def _wordpress(a: SampleArticle, base: str) -> str:
    return f"""<!DOCTYPE html><html lang="en-US">{_head(a, base, _json_ld(a))}<body class="single single-post">
<header id="masthead" class="site-header"><p class="site-title"><a href="/">{escape(a.sitename)}</a></p>
<nav class="main-navigation"><ul><li><a href="/">Home</a></li><li><a href="/opinion/">{escape(a.section)}</a></li></ul></nav></header>
<main id="main" class="site-main"><article class="post type-post hentry">
<header class="entry-header"><h1 class="entry-title">{escape(a.title)}</h1>
<div class="entry-meta">By <span class="author vcard">{escape(a.byline)}</span></div></header>
<div class="entry-content">{_body(a)}</div>
<footer class="entry-footer">{_share()}</footer></article>
{_related()}
{_comments()}
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">{escape(a.chrome[0])}</h3>
<form id="commentform" class="comment-form" method="post" action="/wp-comments-post.php">
<p class="comment-notes"><span id="email-notes">{escape(a.chrome[1])}.</span> <span class="required-field-message">{escape(a.chrome[2])} <span class="required">*</span></span></p>
<p class="comment-form-comment"><label for="comment">Comment</label><textarea id="comment" name="comment"></textarea></p>
<p class="form-submit"><input type="submit" value="Post Comment"></p></form></div>
</main>{_cookie_and_newsletter()}<footer class="site-footer">Powered by WordPress</footer></body></html>"""


def _mwn(a: SampleArticle, base: str) -> str:
    crumbs = '<a href="/">Home</a> &gt; <a href="/global-affairs/">Global Affairs</a> &gt; <a href="/africa/">Africa</a>'
    share = '<div class="social-share"><h4>Social media sharing</h4><a href="#">Share on Facebook</a><a href="#">Tweet</a></div>'
    return f"""<!DOCTYPE html><html lang="en">{_head(a, base)}<body>
<header class="site-header"><a href="/">{escape(a.sitename)}</a></header>
<div class="breadcrumbs"><span class="you-are-here">You are here</span><br>{crumbs} &gt; {escape(a.title)}</div>
<article class="post"><h1 class="entry-title">{escape(a.title)}</h1>
{share}
<div class="post-meta"><span class="byline">By <a rel="author" href="/author/">{escape(a.byline)}</a></span>
<time class="entry-date published" datetime="{a.published_at}T14:02:00+00:00">{a.published_at}</time></div>
<div class="entry-content">{_body(a)}</div>
{share}</article>
{_related()}
{_comments()}
<div id="respond" class="comment-respond"><h3 id="reply-title" class="comment-reply-title">Leave a Reply</h3>
<form id="commentform" class="comment-form"><textarea name="comment"></textarea><input type="submit" value="Post Comment"></form>
<p class="akismet_comment_form_privacy_notice">This site uses Akismet to reduce spam. <a href="https://akismet.example/privacy/">Learn how your comment data is processed</a>.</p></div>
{_cookie_and_newsletter()}</body></html>"""


def _wix(a: SampleArticle, base: str) -> str:
    return f"""<!DOCTYPE html><html lang="en">{_head(a, base, _json_ld(a))}<body>
<div id="SITE_CONTAINER"><a id="top" class="skip-anchor" href="#top">top of page</a>
<header id="SITE_HEADER"><a href="/">{escape(a.sitename)}</a><nav><a href="/">Home</a><a href="/blog">News</a></nav></header>
<main id="PAGES_CONTAINER"><div class="blog-post-page">
<h1 class="blog-post-title">{escape(a.title)}</h1>
<div class="post-metadata"><span class="post-author">{escape(a.byline)}</span><span class="post-date">{a.published_at}</span></div>
<div class="post-content" data-hook="post-description">{_body(a)}</div>
{_share()}</div>
<section class="recent-posts"><h2>Top Stories</h2><ul><li><a href="/post/a">{escape(RELATED_TITLES[0])}</a></li><li><a href="/post/b">{escape(RELATED_TITLES[1])}</a></li></ul></section>
{_comments()}</main>
{_cookie_and_newsletter()}<a id="bottom" class="skip-anchor" href="#top">bottom of page</a></div></body></html>"""


TEMPLATES: dict[str, Callable[[SampleArticle, str], str]] = {
    "newspaper": _newspaper,
    "blogger": _blogger,
    "wordpress": _wordpress,
    "mwn": _mwn,
    "wix": _wix,
}


def render_article(article: SampleArticle, base_url: str) -> str:
    return TEMPLATES[article.template](article, base_url)


def render_rss(articles: list[SampleArticle], base_url: str) -> str:
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>{escape(base_url + a.path)}?utm_source=rss&amp;utm_medium=feed</link>"
        f'<guid isPermaLink="false">{a.id}</guid><pubDate>{_rfc822(a.published_at)}</pubDate></item>'
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Sample News</title>'
        f"<link>{escape(base_url)}/</link><description>newswire sample site</description>{items}</channel></rss>"
    )


def render_atom(articles: list[SampleArticle], base_url: str) -> str:
    entries = "".join(
        f'<entry><title>{escape(a.title)}</title><link href="{escape(base_url + a.path)}#comments"/>'
        f"<id>urn:newswire-sample:{a.id}</id><updated>{a.published_at}T09:30:00Z</updated></entry>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Sample News</title>'
        f'<id>urn:newswire-sample</id><updated>2024-04-10T09:30:00Z</updated><link href="{escape(base_url)}/"/>{entries}</feed>'
    )


def render_sitemap(articles: list[SampleArticle], base_url: str) -> str:
    urls = "".join(
        f"<url><loc>{escape(base_url + a.path)}</loc><lastmod>{a.published_at}</lastmod></url>"
        for a in articles
    )
    return f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def render_robots(base_url: str) -> str:
    return f"User-agent: *\nDisallow: /wp-admin/\nCrawl-delay: 1\nSitemap: {base_url}/sitemap.xml\n"


def render_index(articles: list[SampleArticle], base_url: str) -> str:
    links = "".join(f'<li><a href="{escape(a.path)}">{escape(a.title)}</a></li>' for a in articles)
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>Sample News</title>'
        '<link rel="alternate" type="application/rss+xml" href="/feed.rss">'
        '<link rel="alternate" type="application/atom+xml" href="/feed.atom"></head>'
        f"<body><h1>Sample News</h1><ul>{links}</ul></body></html>"
    )


def _rfc822(day: str) -> str:
    from datetime import datetime
    from email.utils import format_datetime

    return format_datetime(datetime.fromisoformat(f"{day}T09:30:00+00:00"))


def site_routes(base_url: str) -> dict[str, tuple[str, str]]:
    """Path -> (content type, body) for the whole site."""
    articles = load_articles()
    routes: dict[str, tuple[str, str]] = {
        "/": ("text/html; charset=utf-8", render_index(articles, base_url)),
        "/feed.rss": ("application/rss+xml; charset=utf-8", render_rss(articles, base_url)),
        "/feed.atom": ("application/atom+xml; charset=utf-8", render_atom(articles, base_url)),
        "/sitemap.xml": ("application/xml; charset=utf-8", render_sitemap(articles, base_url)),
        "/robots.txt": ("text/plain; charset=utf-8", render_robots(base_url)),
    }
    for a in articles:
        routes[a.path] = ("text/html; charset=utf-8", render_article(a, base_url))
    return routes


__all__ = ["EXTRA_CHROME", "SampleArticle", "load_articles", "render_article", "site_routes"]
