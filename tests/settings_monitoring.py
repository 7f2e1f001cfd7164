"""The test settings with monitoring on, as settings/base.py will have it once
settings/monitoring.py is merged into it (its docstring lists the entries below)."""

from settings.monitoring import *  # noqa: F403
from settings.test import *  # noqa: F403
from settings.test import EXTENSIONS, ITEM_PIPELINES

EXTENSIONS = {**EXTENSIONS, "spidermon.contrib.scrapy.extensions.Spidermon": 400}
ITEM_PIPELINES = {**ITEM_PIPELINES, "crawler.monitoring.schema.ArticleValidationPipeline": 800}
