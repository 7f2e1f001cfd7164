"""Scrapy crawler for Indonesian regional news sites.

Data flows one way: discover (spiders) -> fetch -> extract (themes) -> clean (cleaning)
-> validate (pipelines) -> store (store).
"""
