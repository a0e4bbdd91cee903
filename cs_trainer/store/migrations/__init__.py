"""Alembic migration environment; scripts live in ``versions/``."""
