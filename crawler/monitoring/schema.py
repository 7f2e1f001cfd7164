"""The JSON Schema of an article as users get it, and Spidermon's validation pipeline on it.

The schema describes the exported form of crawler/items.py's ArticleItem: every field of
EXPORT_FIELDS, datetimes as ISO 8601 strings with their offset (the fields' own serializers,
as in feed exports), a field without value (None) left out. A test (tests/test_monitoring.py)
keeps the two in step: a field added to the item and not here, or the other way round, fails.

What validation does with an item (decided here, documented in docs/monitoring.md):
- every error is counted in Spidermon's stats (`spidermon/validation/fields/errors/<message>/
  <field>`, `spidermon/validation/items/errors`), and the ItemValidationMonitor marks the run
  degraded past SPIDERMON_MAX_ITEM_VALIDATION_ERRORS;
- an item is stored all the same (a wrong type in one field is no reason to lose an article),
  unless a REQUIRED field is missing: such an item is dropped and counted under
  `articles/dropped/missing_required` (and Spidermon's `spidermon/validation/items/dropped`).
  crawler.pipelines.ValidationPipeline drops an item without title or body first, so in
  practice this catches a bug upstream, never a page.
"""

from __future__ import annotations

from typing import Any

from itemadapter import ItemAdapter
from scrapy.exceptions import DropItem
from spidermon.contrib.scrapy.pipelines import ItemValidationPipeline
from spidermon.contrib.validation import JSONSchemaValidator
from spidermon.contrib.validation.messages import MISSING_REQUIRED_FIELD

from crawler.items import EXPORT_FIELDS, ArticleItem

# One type per field: a field whose value is None is left out of the exported form (no value
# is no value), so that Spidermon names each error by its type ("invalid_int/view_count";
# it leaves a union type's message untranslated, the offending value in the stats key).
_TEXT = {"type": "string"}
_DATETIME = {"type": "string", "format": "date-time"}
_COUNT = {"type": "integer", "minimum": 0}
_NAMES = {"type": "array", "items": {"type": "string", "minLength": 1}}

ARTICLE_SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "ArticleItem, as exported (crawler/items.py)",
    "type": "object",
    "properties": {
        "url": {"type": "string", "format": "uri", "pattern": "^https?://"},
        "site": {"type": "string", "minLength": 1},
        "title": {"type": "string", "minLength": 1},
        "subtitle": _TEXT,
        "published_at": _DATETIME,
        "published_at_raw": _TEXT,
        "modified_at": _DATETIME,
        "authors": _NAMES,
        "category": _TEXT,
        "tags": _NAMES,
        "image_url": {"type": "string", "format": "uri"},
        "image_caption": _TEXT,
        "comment_count": _COUNT,
        "view_count": _COUNT,
        "language": _TEXT,
        "body": {"type": "string", "minLength": 1},
        "body_html": _TEXT,
        "word_count": {"type": "integer", "minimum": 0},
        "content_hash": {"type": "string", "pattern": "^[0-9a-f]{64}$"},
        "pages": {"type": "integer", "minimum": 1},
        "complete": {"type": "boolean"},
        "missing_pages": {"type": "array", "items": {"type": "integer", "minimum": 2}},
        "extraction": _TEXT,
        "fetched_at": _DATETIME,
    },
    # What makes an article at all; an item without one of them is dropped (see above).
    "required": ["url", "site", "title", "body"],
    "additionalProperties": False,
}


def exported_form(item: dict[str, Any]) -> dict[str, Any]:
    """`item` as feed exports write it (the exported fields, each through its serializer), less
    the fields that hold None."""
    form = {}
    for name in EXPORT_FIELDS:
        if item.get(name) is not None:
            serializer = ArticleItem.fields[name].get("serializer")
            form[name] = serializer(item[name]) if serializer else item[name]
    return form


class ExportedFormValidator(JSONSchemaValidator):
    """Spidermon's JSON Schema validator, on the exported form of the item: JSON Schema has no
    datetime type, and the raw pages (bytes) are no article field."""

    def _validate(self, data: dict[str, Any], strict: bool = False) -> None:
        super()._validate(exported_form(data), strict)


class ArticleValidationPipeline(ItemValidationPipeline):
    """Spidermon's ItemValidationPipeline (SPIDERMON_VALIDATION_SCHEMAS), validating the exported
    form, counting every error, and dropping only an item that misses a required field."""

    def __init__(self, validators: dict, stats: Any, **options: Any) -> None:
        # Spidermon drops on any error when asked to; _drop_item narrows that to a missing
        # required field, so dropping is always on and SPIDERMON_VALIDATION_DROP_ITEMS_WITH_ERRORS
        # has no say.
        options["drop_items_with_errors"] = True
        super().__init__(validators, stats, **options)

    @classmethod
    def _load_jsonschema_validator(cls, schema: Any) -> JSONSchemaValidator:
        validator = super()._load_jsonschema_validator(schema)
        return ExportedFormValidator(validator._schema)

    def _drop_item(self, item: Any, errors: dict[str, list[str]]) -> None:
        missing = sorted(
            field for field, messages in errors.items() if MISSING_REQUIRED_FIELD in messages
        )
        if not missing:
            return
        self.stats.add_dropped_item()
        self.stats.stats.inc_value("articles/dropped/missing_required")
        url = ItemAdapter(item).get("url")
        raise DropItem(f"missing required field {', '.join(missing)}: {url}")
