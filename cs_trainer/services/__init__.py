"""Use cases shared by the GUI and the command line.

Each function takes the :class:`~cs_trainer.store.database.Database`, opens a
short session for one user action, and returns plain data objects, so callers
never hold ORM rows.
"""

# Every write through a service checks that the names a PDF prints can be printed.
from cs_trainer.services import printable_text as _printable_text  # noqa: F401
