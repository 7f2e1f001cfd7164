"""Boilerplate removal for Indonesian news article bodies (rules in `rules`, code in `clean`)."""

from crawler.cleaning.clean import CleanedBody, clean_body, clean_text, drop_embedded_posts

__all__ = ["CleanedBody", "clean_body", "clean_text", "drop_embedded_posts"]
