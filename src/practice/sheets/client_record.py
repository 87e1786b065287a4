"""One client's whole record as a PDF, from ``services.export.export_client``'s record.

The renderer takes the typed record (``domain.record_model``), not the database.
A4, for the therapist (English): a running header "Confidential clinical record"
with the client's name and the export date on every page, "page x of y" in the
footer. The profile comes first, then the outcome measures newest first (date,
measure, total and band, a prorated total marked, PHQ-9 item 9 when above 0 with its
risk alert's state, the first-to-last change) and the current personal goals with
their latest ratings, then the sessions newest first (each
note as signed, then every amendment with its date, reason and the sections it
changed; resistance observations; day-before calls), the homework with its reviews,
and the conditional-session periods with their calls. Psychotherapy notes appear only
when the record holds them, each under "Psychotherapy notes (private)".

Text is drawn as the therapist typed it; characters a PDF cannot hold (NUL, lone
surrogates, other control characters) are replaced or dropped, never a crash.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph
from reportlab.platypus.flowables import HRFlowable

from practice.domain.measures import (
    QUESTIONNAIRES,
    RISK_ITEM,
    Instrument,
    MeasureKind,
    MeasureSource,
    summary,
)
from practice.domain.record_model import (
    AppointmentRecord,
    AssignmentRecord,
    ClientRecord,
    MeasureRecord,
    ReviewRecord,
    SessionNoteRecord,
)
from practice.domain.vocabulary import (
    AppointmentStatus,
    Barrier,
    StageOfChange,
    Strategy,
)
from practice.sheets import glyphs
from practice.sheets.fonts import FallbackCanvas, FontSet, register_fonts
from practice.sheets.record_text import (
    call_text,
    client_name,
    date_text,
    fit,
    label,
    moment,
    observation_text,
    profile_rows,
    reminders_text,
    review_summary,
    safe,
    sheet_text,
    sort_key,
    when_text,
)
from practice.sheets.styles import ACCENT, BORDER, INK, MUTED

PAGE_W, PAGE_H = A4
MARGIN = 16 * mm
HEADER = 9 * mm  # the running header's band above the text
FOOTER = 9 * mm  # the footer's band below it
TITLE, HEADING, SUBHEADING, BODY, SMALL = 17.0, 13.0, 10.5, 9.5, 7.5
INDENT = 5 * mm
HANG = 4 * mm  # wrapped lines of an item sit in under its label
PRIVATE: Color = HexColor("#7a3b00")
CONFIDENTIAL = "Confidential clinical record"
PRIVATE_HEADING = "Psychotherapy notes (private)"
MEASURES_HEADING = "Outcome measures, newest first"
SOURCE_WORDS = {
    MeasureSource.SESSION: "in session",
    MeasureSource.PAPER: "paper form",
    MeasureSource.FILLABLE: "fillable PDF",
}


def build_styles(fonts: FontSet) -> dict[str, ParagraphStyle]:
    """The one stylesheet of the record."""
    body = ParagraphStyle(
        "body", fontName=fonts.regular, fontSize=BODY, leading=BODY * 1.35, textColor=INK
    )

    def style(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=body, **kw)

    return {
        "body": body,
        "title": style("title", fontName=fonts.bold, fontSize=TITLE, leading=TITLE * 1.25),
        "meta": style("meta", textColor=MUTED, fontSize=SMALL + 1, leading=(SMALL + 1) * 1.4),
        "h1": style("h1", fontName=fonts.bold, fontSize=HEADING, leading=HEADING * 1.3,
                    textColor=ACCENT, spaceBefore=12, spaceAfter=3, keepWithNext=1),
        "h2": style("h2", fontName=fonts.bold, fontSize=SUBHEADING, leading=SUBHEADING * 1.3,
                    spaceBefore=9, spaceAfter=1, keepWithNext=1),
        "h3": style("h3", fontName=fonts.bold, leftIndent=INDENT, spaceBefore=4, keepWithNext=1),
        "item": style("item", leftIndent=INDENT + HANG, firstLineIndent=-HANG, spaceAfter=1.5),
        "deep": style("deep", leftIndent=2 * INDENT + HANG, firstLineIndent=-HANG,
                      spaceAfter=1.5),
        "private_h": style("private_h", fontName=fonts.bold, leftIndent=INDENT, spaceBefore=4,
                           textColor=PRIVATE, keepWithNext=1),
        "private": style("private", leftIndent=INDENT, borderColor=PRIVATE, borderWidth=0.8,
                         borderPadding=(3, 4, 4, 4), spaceBefore=3, spaceAfter=5),
    }  # fmt: skip


# ---- the document ---------------------------------------------------------------


def _canvas_class(furniture: Callable[[Canvas, int, int], None]) -> type[Canvas]:
    """A canvas that holds its pages back until the end, to print "page x of y"."""

    class RecordCanvas(FallbackCanvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            for number, state in enumerate(self._pages, 1):
                self.__dict__.update(state)
                furniture(self, number, len(self._pages))
                FallbackCanvas.showPage(self)
            FallbackCanvas.save(self)

    return RecordCanvas


class ClientRecordPdf:
    """Renders one client's record; ``generate()`` returns the PDF bytes."""

    def __init__(self, record: ClientRecord) -> None:
        self.record = record
        self.client = record.client
        self.fonts = register_fonts()
        self.width = PAGE_W - 2 * MARGIN
        self.styles = build_styles(self.fonts)
        self.name = client_name(self.client)
        exported = moment(record.exported_at)
        self.exported = when_text(record.exported_at) if exported else "date unknown"
        self.private_included = record.psychotherapy_notes_included
        self.sessions_at = {a.id: a.starts_at for a in record.appointments}

    def generate(self) -> bytes:
        buf = io.BytesIO()
        doc = BaseDocTemplate(
            buf, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN,
            topMargin=MARGIN + HEADER, bottomMargin=MARGIN + FOOTER,
            title=f"Client record — {self.name}", subject=CONFIDENTIAL, author="Practice",
            creator="Practice", pageCompression=1,
            initialFontName=self.fonts.regular, initialFontSize=12, initialLeading=14,
        )  # fmt: skip
        frame = Frame(MARGIN, MARGIN + FOOTER, PAGE_W - 2 * MARGIN,
                      PAGE_H - 2 * MARGIN - HEADER - FOOTER, id="text",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)  # fmt: skip
        doc.addPageTemplates([PageTemplate(id="record", frames=[frame])])
        doc.build(self.story(), canvasmaker=_canvas_class(self._furniture))
        return buf.getvalue()

    def _furniture(self, c: Canvas, number: int, total: int) -> None:
        top, right = PAGE_H - MARGIN, PAGE_W - MARGIN
        c.setFillColor(INK)
        c.setFont(self.fonts.bold, SMALL + 1.5)
        c.drawString(MARGIN, top - SMALL, CONFIDENTIAL)
        c.setFont(self.fonts.regular, SMALL + 0.5)
        c.setFillColor(MUTED)
        size, room = SMALL + 0.5, self.width * 0.62
        c.drawRightString(right, top - SMALL, fit(f"{self.name} · exported {self.exported}",
                                                   self.fonts.regular, size, room))  # fmt: skip
        c.setStrokeColor(BORDER)
        c.setLineWidth(0.5)
        c.line(MARGIN, top - HEADER + 3 * mm, right, top - HEADER + 3 * mm)
        c.line(MARGIN, MARGIN + 4 * mm, right, MARGIN + 4 * mm)
        private = "included" if self.private_included else "left out"
        c.drawString(MARGIN, MARGIN, f"Practice · client record · psychotherapy notes {private}")
        c.drawRightString(right, MARGIN, f"Page {number} of {total}")

    # ---- building blocks -----------------------------------------------------------

    def _p(self, markup: str, style: str = "body") -> Paragraph:
        chosen = self.styles[style]
        return Paragraph(glyphs.markup(markup, chosen.fontName), chosen)

    def _text(self, text: object, style: str = "body") -> Paragraph:
        return self._p(safe(text), style)

    def _field(self, name: str, text: object, style: str = "item") -> Paragraph:
        return self._p(f"<b>{escape(name)}:</b> {safe(text)}", style)

    def story(self) -> list[Flowable]:
        out: list[Flowable] = [self._text(self.name, "title")]
        private = (
            "psychotherapy notes included" if self.private_included
            else "psychotherapy notes left out"
        )  # fmt: skip
        out.append(self._text(f"Client record exported {self.exported}; {private}.", "meta"))
        out.append(HRFlowable(width="100%", thickness=0.6, color=BORDER, spaceBefore=4))
        out += self._profile()
        out += self._measures()
        out += self._sessions()
        out += self._homework()
        out += self._conditioning()
        return out

    # ---- profile ---------------------------------------------------------------------

    def _profile(self) -> list[Flowable]:
        rows = profile_rows(self.client)
        return [self._p("Profile", "h1"), *(self._field(n, v) for n, v in rows)]

    # ---- outcome measures -------------------------------------------------------------

    def _measures(self) -> list[Flowable]:
        measures = sorted(self.record.measures, key=lambda m: (m.taken_on, m.id), reverse=True)
        goals = sorted(
            (g for g in self.record.goals if g.retired_on is None), key=lambda g: g.position
        )
        if not measures and not goals:
            return []
        out: list[Flowable] = [self._p(MEASURES_HEADING, "h1")]
        for instrument in Instrument:
            scored = [m for m in reversed(measures) if m.kind == instrument.value]
            totals = [(m.taken_on, m.total) for m in scored if m.total is not None]
            if len(totals) >= 2:
                (first_on, first), (last_on, last) = totals[0], totals[-1]
                weeks = (date.fromisoformat(last_on) - date.fromisoformat(first_on)).days // 7
                line = summary(instrument, first, last, weeks)
                out.append(self._text(f"{line} (n = {len(totals)}).", "meta"))
        for measure in measures:
            out += self._measure(measure)
        if goals:
            out.append(self._p("Current personal goals", "h2"))
        latest: dict[int, tuple[str, int]] = {}
        for measure in reversed(measures):  # oldest first: the newest rating stays
            for rating in measure.ratings:
                latest[rating.goal_id] = (measure.taken_on, rating.rating)
        for goal in goals:
            end = "10 is best" if goal.higher_is_better else "0 is best"
            rated = latest.get(goal.id)
            words = (
                f"latest {rated[1]} of 10 on {date_text(rated[0])}" if rated else "not rated yet"
            )
            out.append(self._p(
                f"<b>{goal.position}. {safe(goal.text)}</b> ({end}): {safe(words)}", "item"
            ))  # fmt: skip
        return out

    def _measure(self, measure: MeasureRecord) -> list[Flowable]:
        kind = MeasureKind(measure.kind) if measure.kind in set(MeasureKind) else None
        source = SOURCE_WORDS.get(measure.source, measure.source)  # type: ignore[call-overload]
        parts: list[str] = []
        if kind is not None and kind.instrument is not None:
            form = QUESTIONNAIRES[kind.instrument]
            if measure.total is None:
                parts.append("no total (too many questions unanswered)")
            else:
                band = form.band(measure.total).name if 0 <= measure.total <= form.maximum else ""
                prorated = " (prorated)" if measure.prorated else ""
                parts.append(f"{measure.total}{prorated}, {band}")
            answers = measure.answers or ()
            item9 = answers[RISK_ITEM - 1] if len(answers) >= RISK_ITEM else None
            if kind is MeasureKind.PHQ9 and item9:
                parts.append(f"item 9: {item9}")
            name = form.name
        elif kind is MeasureKind.GOALS:
            positions = {g.id: g.position for g in self.record.goals}
            ratings = sorted(measure.ratings, key=lambda r: positions.get(r.goal_id, 9))
            parts.append(", ".join(
                f"goal {positions.get(r.goal_id, '?')}: {r.rating}/10" for r in ratings
            ))  # fmt: skip
            name = "Personal goals"
        else:
            name = measure.kind
        alert = measure.risk_alert
        if alert is not None:
            if alert.acknowledged_at:
                flag = "; marked cannot postpone" if alert.flag_set else ""
                parts.append(f"risk alert acknowledged {when_text(alert.acknowledged_at)}{flag}")
            else:
                parts.append("risk alert open, not yet acknowledged")
        line = " · ".join([name, *parts, source])
        out = [self._p(f"<b>{safe(date_text(measure.taken_on))}:</b> {safe(line)}", "item")]
        if alert is not None and alert.action_note:
            out.append(self._field("What was done", alert.action_note, "deep"))
        return out

    # ---- sessions --------------------------------------------------------------------

    def _sessions(self) -> list[Flowable]:
        appointments = sorted(
            self.record.appointments, key=lambda a: sort_key(a.starts_at), reverse=True
        )
        attended = sum(1 for a in appointments if a.status == "attended")
        out: list[Flowable] = [
            self._p("Sessions, newest first", "h1"),
            self._text(f"{len(appointments)} appointments, {attended} attended.", "meta"),
        ]
        for appt in appointments:
            out += self._appointment(appt)
        return out

    def _appointment(self, appt: AppointmentRecord) -> list[Flowable]:
        status = label(AppointmentStatus, appt.status)
        heading = (
            f"{when_text(appt.starts_at, weekday=True)} · {appt.duration_minutes} min · {status}"
        )
        out: list[Flowable] = [self._text(heading, "h2")]
        if appt.status_reason:
            out.append(self._field("Reason", appt.status_reason))
        for check in appt.day_before_checks:
            out.append(self._field("Day-before call", call_text(check)))
        if appt.session_note:
            out += self._note(appt.session_note)
        private = appt.psychotherapy_note
        if private:
            day = when_text(appt.starts_at, weekday=True)
            out.append(self._p(f"{PRIVATE_HEADING} — session of {safe(day)}", "private_h"))
            out.append(self._text(private.text or "", "private"))
        return out

    def _note(self, note: SessionNoteRecord) -> list[Flowable]:
        kind = note.format.upper()
        signed = note.signed_at
        state = f"signed {when_text(signed)}" if signed else "not signed"
        out: list[Flowable] = [self._text(f"{kind} note, {state}", "h3")]
        sections: dict[str, str] = dict(note.sections)
        out += self._sections_of(sections, note.plan, "item")
        if note.stage_of_change:
            out.append(self._field("Stage of change", label(StageOfChange, note.stage_of_change)))
        current, plan = dict(sections), note.plan
        for number, amendment in enumerate(note.amendments, 1):
            changed = {k: v for k, v in amendment.sections.items() if current.get(k) != v}
            new_plan = amendment.plan
            plan_changed = new_plan is not None and new_plan != plan
            head = f"Amendment {number}, {when_text(amendment.created_at)}"
            out.append(self._text(head, "h3"))
            out.append(self._field("Reason", amendment.reason or "", "deep"))
            out += self._sections_of(changed, new_plan if plan_changed else None, "deep")
            if not changed and not plan_changed:
                out.append(self._text("No text changed.", "deep"))
            current.update(changed)
            plan = new_plan if plan_changed else plan
        amended_by = {a.id: n for n, a in enumerate(note.amendments, 1)}
        for obs in note.resistance_observations:
            out.append(self._field("Resistance", observation_text(obs, amended_by)))
        return out

    def _sections_of(self, sections: Mapping[str, Any], plan: object, style: str) -> list[Flowable]:
        out = [self._field(name, text or "—", style) for name, text in sections.items()]
        if plan is not None and str(plan) != str(sections.get("Plan", "")):
            out.append(self._field("Plan", plan or "—", style))
        return out

    # ---- homework --------------------------------------------------------------------

    def _homework(self) -> list[Flowable]:
        assignments = sorted(
            self.record.homework_assignments, key=lambda a: (a.start_date, a.id), reverse=True
        )
        codes = {a.id: a.code for a in assignments}
        out: list[Flowable] = [self._p("Homework, newest first", "h1")]
        if not assignments:
            out.append(self._text("No homework assigned."))
        for hw in assignments:
            out += self._assignment(hw, codes)
        return out

    def _assignment(self, hw: AssignmentRecord, codes: Mapping[int, str]) -> list[Flowable]:
        out: list[Flowable] = [self._text(f"{hw.code} · {hw.title}", "h2")]
        out.append(self._field("Sheet", sheet_text(hw)))
        if hw.replaces_id is not None and hw.replaces_id in codes:
            out.append(self._field("Replaces", codes[hw.replaces_id]))
        status = hw.status.replace("_", " ").capitalize()
        reason = f": {hw.status_reason}" if hw.status_reason else ""
        out.append(self._field("Status", status + reason))
        for name, text in (
            ("Target", hw.target),
            ("Instructions", hw.instructions),
            ("Why it helps", hw.rationale),
        ):
            if text:
                out.append(self._field(name, text))
        out.append(self._field("Reminders", reminders_text(hw)))
        done = [name for flag, name in (
            (hw.value_discussed, "value discussed"), (hw.teach_back_done, "teach-back done"),
            (hw.alarm_set_in_session, "alarm set"), (hw.reminder_card_printed, "card printed"),
        ) if flag]  # fmt: skip
        if done:
            out.append(self._field("In session", ", ".join(done)))
        reviews = sorted(hw.reviews, key=self._review_key, reverse=True)
        if not reviews:
            out.append(self._text("Not reviewed yet.", "item"))
        for review in reviews:
            out += self._review(review)
        return out

    def _review_at(self, review: ReviewRecord) -> str:
        """When the review was made: its session's start, else when it was written."""
        return self.sessions_at.get(review.appointment_id) or review.created_at

    def _review_key(self, review: ReviewRecord) -> float:
        return sort_key(self._review_at(review))

    def _review(self, review: ReviewRecord) -> list[Flowable]:
        at = self._review_at(review)
        out: list[Flowable] = [
            self._p(f"<b>Review {safe(date_text(at))}:</b> {safe(review_summary(review))}", "item")
        ]
        barriers = [label(Barrier, b) for b in review.barriers]
        strategies = [label(Strategy, s) for s in review.strategies]
        if barriers:
            out.append(self._field("Barriers", ", ".join(barriers), "deep"))
        if strategies:
            out.append(self._field("Strategies", ", ".join(strategies), "deep"))
        if review.note:
            out.append(self._field("Note", review.note, "deep"))
        for answer in review.sheet_answers:  # the client's own words, from the returned sheet
            where = f"{'Day' if answer.block.startswith('d') else 'Entry'} {answer.block[1:]}"
            flag = f" (flagged: {answer.problem})" if answer.problem else ""
            head = f"{where}, {answer.label}" + ("" if answer.label.endswith("?") else ":")
            out.append(self._p(f"<b>{escape(head)}</b> {safe(answer.value + flag)}", "deep"))
        return out

    # ---- conditional sessions ---------------------------------------------------------

    def _conditioning(self) -> list[Flowable]:
        periods = self.record.conditioning_periods
        calls = [
            (appt.starts_at, check)
            for appt in self.record.appointments
            for check in appt.day_before_checks
        ]
        if not periods and not calls:
            return []
        out: list[Flowable] = [self._p("Conditional sessions and day-before calls", "h1")]
        for period in sorted(periods, key=lambda p: p.starts_on, reverse=True):
            span = f"From {date_text(period.starts_on)}"
            span += f" to {date_text(period.ends_on)}" if period.ends_on else ", open"
            out.append(self._text(f"{span} (agreed {date_text(period.agreed_on)})", "h2"))
            out.append(self._field("Reason", period.reason or ""))
            if period.override_reason:
                out.append(self._field("Why despite cannot-postpone", period.override_reason))
        if calls:
            out.append(self._p("Day-before calls, newest first", "h3"))
        for starts_at, check in sorted(calls, key=lambda c: sort_key(c[1].called_at), reverse=True):
            out.append(self._field(f"Session {when_text(starts_at, weekday=True)}",
                                   call_text(check)))  # fmt: skip
        return out
