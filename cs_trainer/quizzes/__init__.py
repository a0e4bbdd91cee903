"""Instruments made of items: schemas, loading, validation and scoring."""
