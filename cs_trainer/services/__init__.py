"""Use cases shared by the GUI and the command line.

Each function takes the :class:`~cs_trainer.store.database.Database`, opens a
short session for one user action, and returns plain data objects, so callers
never hold ORM rows.
"""
