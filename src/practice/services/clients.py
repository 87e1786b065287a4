"""Client records: create, edit, change status, search."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time

from sqlalchemy import Subquery, func, select
from sqlalchemy.orm import Session

from practice.db.models import Appointment, Client
from practice.domain.text import (
    EMAIL_RE,
    PHONE_RE,
    clean,
    fold,
    has_control,
    search_key,
    text_problem,
)
from practice.domain.vocabulary import (
    AppointmentStatus,
    ClientStatus,
    Language,
    LiteracyLevel,
    Modality,
    ReminderChannel,
    StageOfChange,
)
from practice.services import audit, versions
from practice.services.errors import NotFoundError, ValidationError
from practice.text import QT_TRANSLATE_NOOP

NAME_MAX = 100
NOTES_MAX = 20_000
ADDRESS_MAX = 500
EMERGENCY_CONTACT_MAX = 300
PRESENTING_PROBLEM_MAX = 2000


@dataclass(frozen=True)
class ClientInput:
    """Every editable profile field, as the form or the CSV import gives them."""

    first_name: str
    last_name: str
    preferred_name: str | None = None
    birth_date: date | None = None
    email: str | None = None
    phone: str | None = None
    language: Language = Language.EN
    literacy_level: LiteracyLevel = LiteracyLevel.PLAIN
    large_print: bool = False
    preferred_modality: Modality = Modality.PAPER
    reminder_channel: ReminderChannel = ReminderChannel.NONE
    reminder_time: time | None = None
    stage_of_change: StageOfChange | None = None
    cannot_postpone: bool = False
    cannot_postpone_reason: str | None = None
    started_on: date | None = None
    notes: str | None = None
    address: str | None = None
    emergency_contact: str | None = None
    presenting_problem: str | None = None  # private: never logged


@dataclass(frozen=True)
class ClientView(ClientInput):
    id: int = 0
    status: ClientStatus = ClientStatus.ACTIVE
    ended_on: date | None = None
    next_appointment: datetime | None = None
    version: int | None = None  # pass it back when saving (``practice.services.versions``)

    @property
    def display_name(self) -> str:
        return display_name(self.first_name, self.last_name, self.preferred_name)


@dataclass(frozen=True)
class ClientRow:
    """One line of the client list."""

    id: int
    name: str
    sort_name: str
    status: ClientStatus
    next_appointment: datetime | None
    literacy_level: LiteracyLevel
    language: Language
    cannot_postpone: bool = False  # the risk flag, shown with the name in the list
    cannot_postpone_reason: str | None = None


def display_name(first: str, last: str, preferred: str | None) -> str:
    if preferred and preferred != first:
        return f"{last}, {first} ({preferred})"
    return f"{last}, {first}"


_INPUT_FIELDS = tuple(f.name for f in fields(ClientInput))


def validate(data: ClientInput, *, today: date | None = None) -> dict[str, str]:
    """Field name -> message for every problem; empty when the input can be saved."""
    today = today or date.today()
    errors: dict[str, str] = {}
    first, last = clean(data.first_name), clean(data.last_name)
    if not first:
        errors["first_name"] = QT_TRANSLATE_NOOP("clients", "First name is required.")
    if not last:
        errors["last_name"] = QT_TRANSLATE_NOOP("clients", "Last name is required.")
    limits = {
        "first_name": NAME_MAX,
        "last_name": NAME_MAX,
        "preferred_name": NAME_MAX,
        "email": 254,
        "phone": 40,
        "cannot_postpone_reason": 2000,
        "notes": NOTES_MAX,
        "address": ADDRESS_MAX,
        "emergency_contact": EMERGENCY_CONTACT_MAX,
        "presenting_problem": PRESENTING_PROBLEM_MAX,
    }
    for name, limit in limits.items():
        value = getattr(data, name)
        problem = text_problem(value, limit)
        if problem and name not in errors and len(value) > limit and name in TOO_LONG:
            # one whole sentence per field, so each translation agrees with its field
            errors[name] = TOO_LONG[name].format(count=len(value), max_length=limit)
        elif problem and name not in errors:
            errors[name] = QT_TRANSLATE_NOOP("clients", "{label} {problem}.").format(
                label=_label(name), problem=problem
            )
    for name in ONE_LINE_FIELDS:
        value = clean(getattr(data, name)) or ""  # blank space around it is dropped anyway
        if name not in errors and has_control(value):
            errors[name] = CONTROL_MESSAGES[name]
    email = clean(data.email)
    if email and "email" not in errors and not EMAIL_RE.match(email):
        errors["email"] = QT_TRANSLATE_NOOP("clients", "E-mail should look like name@example.org.")
    phone = clean(data.phone)
    if phone and "phone" not in errors and not PHONE_RE.match(phone):
        errors["phone"] = QT_TRANSLATE_NOOP(
            "clients", "Phone may hold digits, spaces, + ( ) - . / only (6 to 30 characters)."
        )
    if data.birth_date and data.birth_date > today:
        errors["birth_date"] = QT_TRANSLATE_NOOP("clients", "Birth date cannot be in the future.")
    if data.birth_date and data.birth_date.year < 1900:
        errors["birth_date"] = QT_TRANSLATE_NOOP(
            "clients", "Birth date is before 1900; please check it."
        )
    return errors


# Each field as its message names it ("First name is too long ...").
_LABELS = {
    "first_name": QT_TRANSLATE_NOOP("clients", "First name"),
    "last_name": QT_TRANSLATE_NOOP("clients", "Last name"),
    "preferred_name": QT_TRANSLATE_NOOP("clients", "Preferred name"),
    "email": QT_TRANSLATE_NOOP("clients", "Email"),
    "phone": QT_TRANSLATE_NOOP("clients", "Phone"),
    "cannot_postpone_reason": QT_TRANSLATE_NOOP("clients", "Cannot postpone reason"),
    "notes": QT_TRANSLATE_NOOP("clients", "Notes"),
    "address": QT_TRANSLATE_NOOP("clients", "Address"),
    "emergency_contact": QT_TRANSLATE_NOOP("clients", "Emergency contact"),
    "presenting_problem": QT_TRANSLATE_NOOP("clients", "Diagnosis or presenting problem"),
}
# Typed on one line: a control character (a bell, an escape, a tab) or a direction
# code (U+202E) is never meant.
ONE_LINE_FIELDS = (
    "first_name",
    "last_name",
    "preferred_name",
    "email",
    "phone",
    "emergency_contact",
)
TOO_LONG = {
    "first_name": QT_TRANSLATE_NOOP(
        "clients", "First name is too long ({count} characters; at most {max_length})."
    ),
    "last_name": QT_TRANSLATE_NOOP(
        "clients", "Last name is too long ({count} characters; at most {max_length})."
    ),
    "preferred_name": QT_TRANSLATE_NOOP(
        "clients", "Preferred name is too long ({count} characters; at most {max_length})."
    ),
    "email": QT_TRANSLATE_NOOP(
        "clients", "Email is too long ({count} characters; at most {max_length})."
    ),
    "phone": QT_TRANSLATE_NOOP(
        "clients", "Phone is too long ({count} characters; at most {max_length})."
    ),
    "cannot_postpone_reason": QT_TRANSLATE_NOOP(
        "clients", "Cannot postpone reason is too long ({count} characters; at most {max_length})."
    ),
    "notes": QT_TRANSLATE_NOOP(
        "clients", "Notes is too long ({count} characters; at most {max_length})."
    ),
    "address": QT_TRANSLATE_NOOP(
        "clients", "Address is too long ({count} characters; at most {max_length})."
    ),
    "emergency_contact": QT_TRANSLATE_NOOP(
        "clients", "Emergency contact is too long ({count} characters; at most {max_length})."
    ),
    "presenting_problem": QT_TRANSLATE_NOOP(
        "clients",
        "Diagnosis or presenting problem is too long ({count} characters; at most {max_length}).",
    ),
}
# One whole sentence per field (not a label + a fixed verb), so each translation can
# agree with its own field: "Los apellidos tienen…", "El teléfono tiene…".
CONTROL_MESSAGES = {
    "first_name": QT_TRANSLATE_NOOP(
        "clients", "First name holds an invisible control character; type it again."
    ),
    "last_name": QT_TRANSLATE_NOOP(
        "clients", "Last name holds an invisible control character; type it again."
    ),
    "preferred_name": QT_TRANSLATE_NOOP(
        "clients", "Preferred name holds an invisible control character; type it again."
    ),
    "email": QT_TRANSLATE_NOOP(
        "clients", "Email holds an invisible control character; type it again."
    ),
    "phone": QT_TRANSLATE_NOOP(
        "clients", "Phone holds an invisible control character; type it again."
    ),
    "emergency_contact": QT_TRANSLATE_NOOP(
        "clients", "Emergency contact holds an invisible control character; type it again."
    ),
}


def _label(name: str) -> str:
    return _LABELS.get(name, name.replace("_", " ").capitalize())


def _normalised(data: ClientInput) -> dict[str, object]:
    values = {name: getattr(data, name) for name in _INPUT_FIELDS}
    for name, value in values.items():
        if isinstance(value, str):
            values[name] = clean(value)
    return values


def _keys(first: str, last: str, preferred: str | None, birth: date | None) -> tuple[str, str]:
    sort_name = search_key(f"{last} {first} {preferred or ''}")
    identity = fold(f"{first} {last}") + "|" + (birth.isoformat() if birth else "")
    return sort_name, identity


def create(db: Session, data: ClientInput) -> ClientView:
    """Add a client; raises ValidationError listing every field problem."""
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    values = _normalised(data)
    client = Client(**values)
    client.sort_name, client.identity_key = _keys(
        client.first_name, client.last_name, client.preferred_name, client.birth_date
    )
    client.started_on = client.started_on or date.today()
    db.add(client)
    db.flush()
    audit.record(db, "client", client.id, "create", f"client {client.id} created")
    return _view(db, client)


def update(
    db: Session, client_id: int, data: ClientInput, *, version: int | None = None
) -> ClientView:
    """Save the profile (``version``: as loaded; refused when it changed meanwhile, see
    ``practice.services.versions``)."""
    errors = validate(data)
    if errors:
        raise ValidationError(errors)
    client = _load(db, client_id)
    versions.check(client, version)
    changed = []
    for name, value in _normalised(data).items():
        if name == "started_on" and value is None:
            continue  # "client since" is kept unless a new date is given
        if getattr(client, name) != value:
            setattr(client, name, value)
            changed.append(name)
    if changed:
        client.sort_name, client.identity_key = _keys(
            client.first_name, client.last_name, client.preferred_name, client.birth_date
        )
        versions.flush(db, client)
        audit.record(db, "client", client.id, "update", f"fields changed: {', '.join(changed)}")
    return _view(db, client)


def set_status(
    db: Session,
    client_id: int,
    status: ClientStatus,
    *,
    on: date | None = None,
    version: int | None = None,
) -> ClientView:
    """Pause, resume or discharge a client (``version``: as loaded)."""
    client = _load(db, client_id)
    versions.check(client, version)
    if client.status == status:
        return _view(db, client)
    old = client.status
    client.status = status
    client.ended_on = (on or date.today()) if status == ClientStatus.DISCHARGED else None
    versions.flush(db, client)
    audit.record(db, "client", client.id, "status", f"{old.value} -> {status.value}")
    return _view(db, client)


def get(db: Session, client_id: int) -> ClientView:
    return _view(db, _load(db, client_id))


def find_duplicates(db: Session, data: ClientInput) -> list[ClientRow]:
    """Clients with the same case-folded name and birth date."""
    _, identity = _keys(data.first_name, data.last_name, None, data.birth_date)
    ids = db.scalars(select(Client.id).where(Client.identity_key == identity)).all()
    return [row for row in list_rows(db) if row.id in set(ids)]


def _next_appointments() -> Subquery:
    now = datetime.now(UTC)
    return (
        select(Appointment.client_id, func.min(Appointment.starts_at).label("next_at"))
        .where(Appointment.status == AppointmentStatus.SCHEDULED, Appointment.starts_at >= now)
        .group_by(Appointment.client_id)
        .subquery()
    )


def list_rows(
    db: Session, *, text: str = "", status: ClientStatus | None = None
) -> list[ClientRow]:
    """Clients ordered by name, optionally narrowed by a search text and a status."""
    nxt = _next_appointments()
    query = (
        select(
            Client.id,
            Client.first_name,
            Client.last_name,
            Client.preferred_name,
            Client.sort_name,
            Client.status,
            Client.literacy_level,
            Client.language,
            Client.cannot_postpone,
            Client.cannot_postpone_reason,
            nxt.c.next_at,
        )
        .outerjoin(nxt, nxt.c.client_id == Client.id)
        .order_by(Client.sort_name, Client.id)
    )
    if status is not None:
        query = query.where(Client.status == status)
    for word in search_key(text).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = query.where(Client.sort_name.like(f"%{escaped}%", escape="\\"))
    rows = []
    for r in db.execute(query):
        rows.append(
            ClientRow(
                id=r.id,
                name=display_name(r.first_name, r.last_name, r.preferred_name),
                sort_name=r.sort_name,
                status=r.status,
                next_appointment=r.next_at,
                literacy_level=r.literacy_level,
                language=r.language,
                cannot_postpone=r.cannot_postpone,
                cannot_postpone_reason=r.cannot_postpone_reason,
            )
        )
    return rows


def _load(db: Session, client_id: int) -> Client:
    client = db.get(Client, client_id)
    if client is None:
        raise NotFoundError(
            QT_TRANSLATE_NOOP("clients", "There is no client with id {client_id}.").format(
                client_id=client_id
            )
        )
    return client


def _view(db: Session, client: Client) -> ClientView:
    now = datetime.now(UTC)
    next_at = db.scalar(
        select(func.min(Appointment.starts_at)).where(
            Appointment.client_id == client.id,
            Appointment.status == AppointmentStatus.SCHEDULED,
            Appointment.starts_at >= now,
        )
    )
    values = {name: getattr(client, name) for name in _INPUT_FIELDS}
    return ClientView(
        **values,
        id=client.id,
        status=client.status,
        ended_on=client.ended_on,
        next_appointment=next_at,
        version=client.version,
    )
