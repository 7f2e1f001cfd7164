"""How a site's `parser` option becomes the parser of one page: the one factory (make_parser).

A parser spec (crawler/site.py: Site.parser) is one of
- None: the profile whose fingerprint the page carries (crawler/themes/detect.py), else the
  fallback extractor;
- a theme name of THEMES: that profile; the fallback extractor where it finds no body;
- an ArticleParser subclass: a theme profile or a site's own parser, used as it is;
- a VersionedParser: versions by date, as fundus's publisher parsers; the version valid on the
  day a page was fetched reads it.

A theme profile with several page templates (tagDiv: classic and Composer) declares them as
`templates = ((probe_css, TemplateClass), ..., (None, DefaultTemplate))`; the factory probes the
page and builds the class `Profile[Template]`, a subclass of both, so that what the profile (or
a site's subclass of it) declares wins and every other selector comes from the template. One
parse and one walk serve the probe, the detection and the fields (crawler/themes/page.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from functools import cache

from scrapy.http import TextResponse

from crawler.dates import WIB
from crawler.themes.base import ArticleParser
from crawler.themes.detect import FINGERPRINTS, detect_theme
from crawler.themes.fallback import FallbackParser
from crawler.themes.jnews import JNewsParser
from crawler.themes.page import Lead, Page, leads_of
from crawler.themes.tagdiv import TagDivParser
from crawler.themes.wordpress import WordPressParser

# Profile names, as a site's `theme` (sites file) or `parser` (site file) names them.
THEMES: dict[str, type[ArticleParser]] = {
    "tagdiv": TagDivParser,
    "jnews": JNewsParser,
    "wordpress": WordPressParser,
    "fallback": FallbackParser,
}


class VersionedParser:
    """A site's parser in versions by date (fundus: a publisher parser's nested versions, each
    with VALID_UNTIL). Each version is a nested ArticleParser subclass whose `valid_until` is
    the last day, in the site's time zone, of the pages it reads; the newest sets none (it reads
    everything after). A live crawl uses the version valid today; `scrapy reparse` the one
    valid on the day each stored page was fetched. Two versions valid until the same day (two
    without a day included) are refused when the site is loaded.

        class RadarTangsel(VersionedParser):
            class Classic(TagDivParser):
                valid_until = date(2024, 3, 31)
                title = ("h1.old-title",)

            class Composer(TagDivParser):
                pass
    """

    @classmethod
    def versions(cls) -> list[type[ArticleParser]]:
        """The versions, oldest first (the newest, without a day, last)."""
        found = [
            value
            for value in vars(cls).values()
            if isinstance(value, type) and issubclass(value, ArticleParser)
        ]
        return sorted(found, key=_version_order)

    @classmethod
    def version_for(cls, day: date) -> type[ArticleParser]:
        """The version that reads a page fetched on `day`."""
        versions = cls.versions()
        for version in versions:
            if version.valid_until is None or day <= version.valid_until:
                return version
        return versions[-1]  # every version expired: the newest still reads the site

    @classmethod
    def check(cls) -> None:
        """Refuse a versioned parser without versions, or with two valid until the same day."""
        versions = cls.versions()
        if not versions:
            raise ValueError(f"{cls.__name__} declares no versions (nested ArticleParser classes)")
        for older, newer in zip(versions, versions[1:], strict=False):
            if older.valid_until == newer.valid_until:
                until = older.valid_until or "no day (the newest)"
                raise ValueError(
                    f"{cls.__name__}: versions {older.__name__} and {newer.__name__} are both "
                    f"valid until {until}; each version needs a day of its own"
                )


def _version_order(version: type[ArticleParser]) -> tuple[bool, date]:
    return (version.valid_until is None, version.valid_until or date.max)


ParserSpec = None | str | type[ArticleParser] | type[VersionedParser]


def check_parser_spec(spec: ParserSpec) -> None:
    """Raise ValueError, saying why, for anything make_parser cannot use."""
    if spec is None:
        return
    if isinstance(spec, str):
        if spec not in THEMES:
            raise ValueError(f"theme must be one of {sorted(THEMES)}, not {spec!r}")
        return
    if isinstance(spec, type) and issubclass(spec, VersionedParser):
        spec.check()
        return
    if isinstance(spec, type) and issubclass(spec, ArticleParser):
        return
    raise ValueError(
        f"parser must be None, a theme name, an ArticleParser or a VersionedParser, not {spec!r}"
    )


def make_parser(
    spec: ParserSpec,
    response: TextResponse,
    base_url: str | None = None,
    *,
    fetched_at: datetime | None = None,
    zone: tzinfo = WIB,
) -> ArticleParser:
    """The parser of one page for a site whose parser option is `spec`. `fetched_at`: when the
    page was fetched (None: now, a live crawl), which picks a VersionedParser's version by its
    day in `zone`, the site's time zone."""
    if spec is None or isinstance(spec, str):
        page = Page.of(response, detection_leads())
        profile = THEMES.get(spec or detect_theme(page) or "fallback", FallbackParser)
        parser = build_parser(profile, response, base_url, page)
        if isinstance(parser, FallbackParser) or parser.get_body_html() is not None:
            return parser
        return FallbackParser(response, base_url, page)
    if issubclass(spec, VersionedParser):
        when = fetched_at or datetime.now(UTC)
        if when.tzinfo is None:  # a store read without tz_aware: its datetimes are UTC
            when = when.replace(tzinfo=UTC)
        spec = spec.version_for(when.astimezone(zone).date())
    return build_parser(spec, response, base_url)


def extraction_of(spec: ParserSpec, parser: ArticleParser) -> str:
    """Which path extracted a page (the item's `extraction`): the site's own parser ("site"),
    a theme profile ("theme"), or the fallback extractor ("fallback")."""
    if isinstance(parser, FallbackParser):
        return "fallback"
    return "theme" if spec is None or isinstance(spec, str) else "site"


def build_parser(
    profile: type[ArticleParser],
    response: TextResponse,
    base_url: str | None = None,
    page: Page | None = None,
) -> ArticleParser:
    """`profile` reading the page, in the template the page is in if it declares templates."""
    if not profile.templates:
        return profile(response, base_url, page)
    page = page or Page.of(response, family_leads(profile))
    for probe, template in profile.templates:
        if probe is None or page.matches(probe):
            return templated(profile, template)(response, base_url, page)
    return templated(profile, profile.templates[-1][1])(response, base_url, page)


@cache
def templated(profile: type[ArticleParser], template: type[ArticleParser]) -> type[ArticleParser]:
    """`profile` in one of its templates: the profile's own selectors (a site's subclass
    included) before the template's."""
    return type(f"{profile.__name__}[{template.__name__}]", (profile, template), {"templates": ()})


@cache
def family_leads(profile: type[ArticleParser]) -> frozenset[Lead]:
    """The leads of a profile in every template it has, and of the probes that choose one."""
    if not profile.templates:
        return profile.leads()
    probes = leads_of(probe for probe, _ in profile.templates if probe)
    templates = (templated(profile, template) for _, template in profile.templates)
    return probes.union(*(template.leads() for template in templates))


@cache
def detection_leads() -> frozenset[Lead]:
    """The fingerprints' leads and every profile's: detection and then the profile's fields
    share one parse and one walk."""
    profiles = frozenset().union(*(family_leads(profile) for profile in THEMES.values()))
    return profiles | leads_of(fingerprint for _, fingerprint in FINGERPRINTS)
