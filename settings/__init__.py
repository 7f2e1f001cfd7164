"""Scrapy settings modules: `base` holds every default; the others override a few."""
