"""The editorial workflow: one table of moves, one permission policy, and the functions that change
an article's state, revisions, warning decisions and tags.

- ``moves``: the table (states, permission, who hears of each move);
- ``permissions``: ``can(user, move, article)``, who sees and edits what, and email recipients;
- ``transitions``: ``perform`` and friends, under a row lock, writing the record of decisions;
- ``revisions``, ``warning_decisions``, ``tags``, ``corrections``: the other decisions editors make;
- ``images``: no graphic picture shown without a warning, and library pictures changed on record.

Callers import from here: ``from articles import workflow``.
"""

from articles.workflow.corrections import add_correction, check_correction, withdraw_correction
from articles.workflow.errors import WarningsUndecided, WorkflowError
from articles.workflow.images import change_picture, check_picture_change
from articles.workflow.moves import ACTIONS, MOVES, Action, Audience, Move
from articles.workflow.permissions import can, can_edit, can_publish, can_view, is_editor, is_member, recipients, require
from articles.workflow.record import record
from articles.workflow.revisions import (
    approve_revision,
    autosave_revision,
    content_of,
    keep_sent_back,
    propose_revision,
    reject_revision,
    revert_to,
    sent_back_version,
    snapshot_live,
)
from articles.workflow.tags import merge_tags
from articles.workflow.transitions import (
    allowed_transitions,
    blocker,
    check,
    decide_import,
    perform,
    perform_many,
    place_import,
    record_import,
)
from articles.workflow.warning_decisions import decide_warnings, warning_changes

__all__ = [
    "ACTIONS", "Action", "MOVES", "Audience", "Move", "require", "WarningsUndecided", "WorkflowError", "add_correction", "allowed_transitions",
    "approve_revision", "autosave_revision", "blocker", "can", "can_edit", "change_picture", "check_correction",
    "check_picture_change", "withdraw_correction",
    "can_publish", "can_view", "check", "content_of", "decide_import", "decide_warnings", "is_editor", "is_member", "merge_tags",
    "keep_sent_back", "perform", "perform_many", "place_import", "propose_revision", "recipients", "record", "record_import",
    "reject_revision", "revert_to", "sent_back_version", "snapshot_live", "warning_changes",
]
