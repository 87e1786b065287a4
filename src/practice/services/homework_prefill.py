"""Prefill a new assignment from the client's profile, next appointment and template.

The template texts come from ``practice.sheets.templates`` (title, instruction text,
"why this helps you" at the client's level and language). When the library, the
template or that level and language is missing, the title falls back to the key's
humanised name and the texts stay empty for the therapist to write.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, time

from sqlalchemy.orm import Session

from practice.db.models import Client
from practice.domain.inputs import AssignmentInput
from practice.domain.vocabulary import Language, LiteracyLevel
from practice.services.appointments import next_appointment
from practice.services.errors import NotFoundError
from practice.sheets.templates import TemplateLibrary
from practice.text import QT_TRANSLATE_NOOP

MORNING_TIME = time(8, 0)
NOON = time(12, 0)


def humanised(template_key: str) -> str:
    """``"thought_record"`` -> ``"Thought record"``."""
    words = template_key.replace("_", " ").replace("-", " ").split()
    return " ".join(words).capitalize() if words else template_key


def template_texts(
    template_key: str,
    level: LiteracyLevel,
    language: Language,
    templates: TemplateLibrary,
) -> tuple[str, str | None, str | None]:
    """Title, instructions and rationale from the template library.

    Falls back to the key's humanised name (and no texts) when the template or that
    level and language is not available.
    """
    try:
        text = templates.get(template_key).text(level, language)
    except KeyError:
        return humanised(template_key), None, None
    return text.title, text.instruction_text or None, text.why_it_helps or None


def defaults_for(
    db: Session,
    client_id: int,
    template_key: str,
    *,
    templates: TemplateLibrary,
    today: date | None = None,
) -> AssignmentInput:
    """An assignment prefilled from the client's profile, next appointment and template."""
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("homework_prefill", "There is no client with id {client_id}.").format(
                client_id=client_id
            )
        )
    nxt = next_appointment(db, client.id)
    title, instructions, rationale = template_texts(
        template_key, client.literacy_level, client.language, templates
    )
    return AssignmentInput(
        template_key=template_key,
        title=title,
        level=client.literacy_level,
        language=client.language,
        instructions=instructions,
        rationale=rationale,
        large_print=client.large_print,
        modality=client.preferred_modality,
        start_date=today or date.today(),
        due_date=nxt.local_day if nxt else None,
        reminder_channel=client.reminder_channel,
        reminder_time=reminder_time_for(template_key, client.reminder_time, templates),
    )


def reminder_time_for(
    template_key: str, usual: time | None, templates: TemplateLibrary
) -> time | None:
    """The client's usual reminder time, but a morning one (08:00) for a sheet filled
    in each morning (``days = "mornings"``, the sleep diary) when theirs is later."""
    try:
        mornings = getattr(templates.get(template_key), "days", "days") == "mornings"
    except KeyError:
        mornings = False
    if mornings and (usual is None or usual >= NOON):
        return MORNING_TIME
    return usual


def with_template_texts(data: AssignmentInput, *, templates: TemplateLibrary) -> AssignmentInput:
    """``data`` with title, instructions and rationale taken again from its template at
    its (possibly changed) level and language: for when the therapist overrides them."""
    title, instructions, rationale = template_texts(
        data.template_key, data.level, data.language, templates
    )
    return replace(data, title=title, instructions=instructions, rationale=rationale)
