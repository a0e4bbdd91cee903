"""Problems the user can understand and fix, as opposed to bugs.

Anything raised as a :class:`UserError` is shown as one plain sentence (a
line on stderr, a message box in the GUI) and never as a traceback. Every
other exception is a bug and reaches the crash report.
"""


class UserError(Exception):
    """A known problem caused by input or environment, with a readable message."""


class NotFoundError(UserError):
    """A record named by the user (candidate ID, attempt ID) does not exist."""


class InvalidAnswersError(UserError):
    """Answers that cannot be scored: out of range, missing, unknown or not integers."""


class ConsentMissingError(UserError):
    """Personal data was about to be stored without the person's recorded consent."""


class ContentError(UserError):
    """A content file (instrument, bank, scenario) is malformed; the message names file:line."""


class DatabaseProblemError(UserError):
    """The database cannot be opened or is not a cs_trainer database; it is left untouched."""


class Interrupted(Exception):
    """The user cancelled; not an error to show.

    Raised by slow work (a batch export) when it sees its cancel flag between two
    steps. Deliberately not a :class:`UserError`: the GUI's error display and the
    command line treat it as a quiet stop, and whatever the work had finished stays
    complete (each file is written atomically).
    """
