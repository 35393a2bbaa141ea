"""Data classes, JSON Schemas, text decoding, slugs and collation: the vocabulary of every layer.

Imports nothing else of the package."""
