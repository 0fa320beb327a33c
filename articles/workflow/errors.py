"""The one error every workflow function raises."""


class WorkflowError(Exception):
    """A move that is not allowed; nothing was changed. The message says why, for the person who tried."""


class WarningsUndecided(WorkflowError):
    """Publishing refused because no editor has decided the article's content warnings yet."""
