"""The adherence strip as plain values: one :class:`WeekCell` per week, its kinds, marks
and colours, and the short date words shared by the prep view, the prep PDF and the CLI.

``practice.services.adherence`` builds the cells from a client's history (the kinds and
their order are explained there); the GUI and ``practice.sheets`` only read them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


class CellKind(StrEnum):
    REVIEW = "review"
    NOT_REVIEWED = "not_reviewed"
    NO_HOMEWORK = "no_homework"
    CANCELLED_NO_SELF_RECORD = "cancelled_no_self_record"
    NO_SHOW = "no_show"
    CANCELLED = "cancelled"
    NO_SESSION = "no_session"

    @property
    def label(self) -> str:
        return CELL_LABELS[self]


CELL_LABELS: dict[CellKind, str] = {
    CellKind.REVIEW: "completion 0-4",
    CellKind.NOT_REVIEWED: "homework not reviewed",
    CellKind.NO_HOMEWORK: "no homework set",
    CellKind.CANCELLED_NO_SELF_RECORD: "cancelled, self-record not done",
    CellKind.NO_SHOW: "no-show",
    CellKind.CANCELLED: "cancelled",
    CellKind.NO_SESSION: "no session",
}
# The text mark of each kind (REVIEW cells show their completion digit instead).
CELL_MARKS: dict[CellKind, str] = {
    CellKind.NOT_REVIEWED: "?",
    CellKind.NO_HOMEWORK: "–",
    CellKind.CANCELLED_NO_SELF_RECORD: "C!",
    CellKind.NO_SHOW: "NS",
    CellKind.CANCELLED: "C",
    CellKind.NO_SESSION: "",
}
# Fill and ink colours (hex) shared by the GUI and the PDF. Completion runs from a
# pale yellow (0) to a deep blue (4) (ColorBrewer YlGnBu, readable in greyscale);
# the marks carry the meaning for readers who cannot tell the colours apart.
COMPLETION_FILL = ("#ffffcc", "#c7e9b4", "#7fcdbb", "#41b6c4", "#225ea8")
COMPLETION_INK = ("#1b1b1b", "#1b1b1b", "#1b1b1b", "#1b1b1b", "#ffffff")
KIND_FILL: dict[CellKind, str] = {
    CellKind.NOT_REVIEWED: "#ffffff",
    CellKind.NO_HOMEWORK: "#e4e4e4",
    CellKind.CANCELLED_NO_SELF_RECORD: "#f4a582",
    CellKind.NO_SHOW: "#9e9e9e",
    CellKind.CANCELLED: "#d0d0d0",
    CellKind.NO_SESSION: "#ffffff",
}
CONDITIONAL_COLOUR = "#b35806"  # the bar under weeks with conditional sessions on


# ---- the cells ------------------------------------------------------------------


@dataclass(frozen=True)
class WeekCell:
    """One week of the adherence strip (the kinds: ``practice.services.adherence``)."""

    week_start: date  # the Monday
    kind: CellKind
    completion: int | None  # REVIEW: the week's mean completion, rounded half up
    mark: str  # "0".."4", "–", "?", "NS", "C", "C!" or "" (no session)
    tooltip: str
    appointment_ids: tuple[int, ...]  # the week's appointments, in time order
    conditional: bool = False  # conditional sessions were on during the week
    current: bool = False  # the week holding "today"

    @property
    def label(self) -> str:
        """ "3 Mar" """
        return short_date(self.week_start)

    @property
    def fill(self) -> str:
        if self.kind is CellKind.REVIEW and self.completion is not None:
            return COMPLETION_FILL[self.completion]
        return KIND_FILL[self.kind]

    @property
    def ink(self) -> str:
        if self.kind is CellKind.REVIEW and self.completion is not None:
            return COMPLETION_INK[self.completion]
        return "#1b1b1b"


# ---- days in words----------------------------------------------------------------


def monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def short_date(d: date, *, year: bool = False) -> str:
    text = f"{d.day} {MONTHS[d.month - 1]}"
    return f"{text} {d.year}" if year else text


def day_text(d: date) -> str:
    """ "Tue 4 Mar" """
    return f"{WEEKDAYS[d.weekday()]} {short_date(d)}"
