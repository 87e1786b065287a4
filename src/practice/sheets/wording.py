"""Client-facing words the renderers add around a template's own text (en, es), and
the therapist's short dates on the prep summary and the client record ("Tue 4 Mar").

Dates are spelled out here, without the operating system's locale, so a sheet
printed on any computer reads the same.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from practice.domain.vocabulary import Language

DAY_NAMES: dict[Language, tuple[str, ...]] = {
    Language.EN: ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    Language.ES: ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
}
MONTH_NAMES: dict[Language, tuple[str, ...]] = {
    Language.EN: (
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ),
    Language.ES: (
        "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre",
    ),
}  # fmt: skip

LABELS: dict[str, dict[Language, str]] = {
    "for": {Language.EN: "For {name}", Language.ES: "Para {name}"},
    "name_blank": {Language.EN: "Name:", Language.ES: "Nombre:"},
    "week_blank": {Language.EN: "Week of:", Language.ES: "Semana del:"},
    "why": {Language.EN: "Why this helps you", Language.ES: "Por qué te ayuda"},
    "what_to_do": {Language.EN: "What to do", Language.ES: "Qué hacer"},
    "entry": {Language.EN: "Entry {n}", Language.ES: "Registro {n}"},
    "page": {Language.EN: "Page {i} of {n}", Language.ES: "Página {i} de {n}"},
    "code": {Language.EN: "Code {code}", Language.ES: "Código {code}"},
    "bring_on": {
        Language.EN: "Bring this to your session on {date}.",
        Language.ES: "Trae esta hoja a tu sesión del {date}.",
    },
    "bring_next": {
        Language.EN: "Bring this to your next session.",
        Language.ES: "Trae esta hoja a tu próxima sesión.",
    },
    "from_therapist": {Language.EN: "From your therapist", Language.ES: "De tu terapeuta"},
    "blank_page": {
        Language.EN: "This page is left blank.",
        Language.ES: "Página en blanco a propósito.",
    },
    "continued": {
        Language.EN: "{heading} (continued)",
        Language.ES: "{heading} (continuación)",
    },
    "morning": {Language.EN: "Morning", Language.ES: "Mañana"},
    "afternoon": {Language.EN: "Afternoon", Language.ES: "Tarde"},
    "evening": {Language.EN: "Evening", Language.ES: "Noche"},
    "hour": {Language.EN: "Time", Language.ES: "Hora"},
}


def label(key: str, language: Language, **values: object) -> str:
    return LABELS[key][language].format(**values)


def day_name(d: date, language: Language) -> str:
    return DAY_NAMES[language][d.weekday()]


def month_name(d: date, language: Language) -> str:
    return MONTH_NAMES[language][d.month - 1]


def short_date(d: date, *, year: bool = False) -> str:
    """ "3 Mar", or "3 Mar 2025" with the year (English, for the therapist)."""
    text = f"{d.day} {MONTH_NAMES[Language.EN][d.month - 1][:3]}"
    return f"{text} {d.year}" if year else text


def day_text(d: date) -> str:
    """ "Tue 4 Mar" (English, for the therapist)."""
    return f"{DAY_NAMES[Language.EN][d.weekday()][:3]} {short_date(d)}"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def long_date(d: date, language: Language, *, capital: bool = False) -> str:
    """ "Tuesday 11 March" / "martes 11 de marzo"."""
    if language is Language.ES:
        text = f"{day_name(d, language)} {d.day} de {month_name(d, language)}"
        return _cap(text) if capital else text
    return f"{day_name(d, language)} {d.day} {month_name(d, language)}"


def week_range(start: date, language: Language, end: date | None = None) -> str:
    """ "Week of 3–9 March" / "Semana del 3 al 9 de marzo" for 7 days (``end`` None:
    start + 6); other spans "3–5 March" / "Del 3 al 5 de marzo"; one day its date."""
    end = end or start + timedelta(days=6)
    if end == start:
        return long_date(start, language, capital=True)
    week = (end - start).days == 6
    if language is Language.ES:
        if start.year != end.year:
            first = f"{start.day} de {month_name(start, language)} de {start.year}"
            last = f"{end.day} de {month_name(end, language)} de {end.year}"
        elif start.month != end.month:
            first = f"{start.day} de {month_name(start, language)}"
            last = f"{end.day} de {month_name(end, language)}"
        else:
            first, last = str(start.day), f"{end.day} de {month_name(end, language)}"
        return f"Semana del {first} al {last}" if week else f"Del {first} al {last}"
    if start.year != end.year:
        span = (
            f"{start.day} {month_name(start, language)} {start.year} – "
            f"{end.day} {month_name(end, language)} {end.year}"
        )
    elif start.month != end.month:
        span = f"{start.day} {month_name(start, language)} – {end.day} {month_name(end, language)}"
    else:
        span = f"{start.day}–{end.day} {month_name(end, language)}"
    return f"Week of {span}" if week else span


def clock_time(t: time, language: Language) -> str:
    """ "8:30 pm" (English) / "20:30" (Spanish)."""
    if language is Language.ES:
        return f"{t.hour}:{t.minute:02d}"
    hour = t.hour % 12 or 12
    return f"{hour}:{t.minute:02d} {'am' if t.hour < 12 else 'pm'}"


def week_days(start: date | None, count: int = 7) -> list[tuple[int, date | None]]:
    """The sheet's days: (weekday, date) from ``start``, or Monday onwards undated."""
    if start is None:
        return [(i % 7, None) for i in range(count)]
    days = [start + timedelta(days=i) for i in range(count)]
    return [(d.weekday(), d) for d in days]


def short_day(weekday: int, d: date | None, language: Language) -> str:
    """ "Thu 10 Dec" / "jue 10 dic"; just "Thu" / "jue" without a date."""
    name = DAY_NAMES[language][weekday][:3]
    if d is None:
        return name
    return f"{name} {d.day} {MONTH_NAMES[language][d.month - 1][:3]}"


def hour_label(hour: int, language: Language) -> str:
    """The start of an hour row: "6 am", "12 pm" (English) / "6:00", "13:00" (Spanish)."""
    if language is Language.ES:
        return f"{hour}:00"
    return f"{hour % 12 or 12} {'am' if hour % 24 < 12 else 'pm'}"


def day_heading(weekday: int, d: date | None, language: Language) -> str:
    """ "Monday 3 March" / "Lunes 3 de marzo"; just the day name without a date."""
    if d is not None:
        return long_date(d, language, capital=True)
    return _cap(DAY_NAMES[language][weekday])
