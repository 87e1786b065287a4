"""Reminder texts (warm, short, readable) and the reminder log (idempotent, audited)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, time

import pytest
import textstat
from _loop import assigned, new_client

from practice.db.engine import Database
from practice.domain.vocabulary import (
    ClientStatus,
    Frequency,
    Language,
    LiteracyLevel,
    ReminderChannel,
)
from practice.services import audit, clients, reminders
from practice.services.errors import NotFoundError
from practice.services.reminders import is_due, reminder_text
from practice.sheets.templates import TemplateLibrary, load_templates

EN, ES = Language.EN, Language.ES
L = LiteracyLevel
ON = date(2025, 3, 12)  # Wednesday
TUESDAY = datetime(2025, 3, 18, 10, 0).astimezone()
MAX_GRADE_EN = {L.STANDARD: 8, L.PLAIN: 6, L.EASY: 4, L.PICTORIAL: 3}
MIN_INFLESZ_ES = {L.STANDARD: 55, L.PLAIN: 65, L.EASY: 75, L.PICTORIAL: 80}


@pytest.fixture(autouse=True)
def _english_afterwards() -> Iterator[None]:
    yield
    textstat.set_lang("en_US")


def test_the_texts_read_warmly_in_both_languages() -> None:
    why_en = "It helps you see how your week goes."
    why_es = "Te ayuda a ver cómo va tu semana."
    assert reminder_text(EN, L.PLAIN, "Mari", "Mood log", why_en, TUESDAY, on=ON) == (
        "Hi Mari! A little reminder to fill in your mood log today. It helps you see how "
        "your week goes. See you on Tuesday."
    )
    assert reminder_text(ES, L.PLAIN, "Mari", "Registro del ánimo", why_es, TUESDAY, on=ON) == (
        "¡Hola, Mari! Un recordatorio para completar hoy tu registro del ánimo. Te ayuda a ver "
        "cómo va tu semana. ¡Nos vemos el martes!"
    )
    assert reminder_text(EN, L.EASY, "Mari", "Mood log", why_en, TUESDAY, on=ON) == (
        "Hi Mari! Please fill in your mood log today. See you on Tuesday!"
    )
    pictorial = reminder_text(ES, L.PICTORIAL, "Mari", "Registro del ánimo", why_es, TUESDAY, on=ON)
    assert pictorial == "¡Hola, Mari! Es hora de tu registro del ánimo. ¡Nos vemos el martes!"


def test_when_acronyms_own_words_and_no_name() -> None:
    tomorrow = datetime(2025, 3, 13, 9).astimezone()
    far = datetime(2025, 3, 25, 9).astimezone()
    assert reminder_text(EN, L.EASY, "Sam", "ABC record", None, tomorrow, on=ON).endswith(
        "your ABC record today. See you tomorrow!"
    )
    assert reminder_text(ES, L.EASY, "Sam", "Mi semana", None, far, on=ON) == (
        "¡Hola, Sam! Completa hoy tu hoja «Mi semana». ¡Nos vemos el martes 25 de marzo!"
    )
    own = reminder_text(EN, L.PLAIN, None, "Sleep diary", "It shows me when I sleep.", None, on=ON)
    assert own == (
        "Hi! A little reminder to fill in your sleep diary today. Remember, in your own words: "
        "“It shows me when I sleep.”"
    )
    assert reminder_text(
        ES, L.STANDARD, "Lu", "Diario de sueño", "Me ayuda a dormir.", date(2025, 3, 12), on=ON
    ).endswith(  # fmt: skip
        "Recuerda, con tus palabras: «Me ayuda a dormir». ¡Nos vemos hoy!"
    )


@pytest.fixture(scope="module")
def library() -> TemplateLibrary:
    return load_templates()


@pytest.mark.parametrize("level", list(LiteracyLevel))
def test_readability_of_every_template(library: TemplateLibrary, level: LiteracyLevel) -> None:
    checked = 0
    for key in library.keys():  # noqa: SIM118 (a library, not a dict)
        for language, name in ((EN, "Sam"), (ES, "Mari")):
            sheet = library.get(key).text(level, language)
            text = reminder_text(
                language, level, name, sheet.title, sheet.why_it_helps, TUESDAY, on=ON
            )
            if language is EN:
                textstat.set_lang("en_US")
                grade = textstat.flesch_kincaid_grade(text)
                assert grade <= MAX_GRADE_EN[level], (grade, text)
            else:
                textstat.set_lang("es")
                score = textstat.szigriszt_pazos(text)
                assert score >= MIN_INFLESZ_ES[level], (score, text)
            checked += 1
            if level in (L.EASY, L.PICTORIAL):
                assert len(text) <= 90, text
    assert checked == 18


@pytest.mark.parametrize(
    ("channel", "frequency", "times", "due_offsets"),
    [
        (ReminderChannel.TEXT, Frequency.DAILY, None, [0, 1, 2, 3, 4, 5, 6, 7]),
        (ReminderChannel.EMAIL, Frequency.EACH_TIME, None, [0, 1, 2, 3, 4, 5, 6, 7]),
        (ReminderChannel.TEXT, Frequency.PER_WEEK, 3, [0, 2, 4, 7]),
        (ReminderChannel.TEXT, Frequency.PER_WEEK, 1, [0, 7]),
        (ReminderChannel.PHONE_CALL, Frequency.DAILY, None, [2]),
        (ReminderChannel.ALARM, Frequency.DAILY, None, []),
        (ReminderChannel.CARD, Frequency.DAILY, None, []),
        (ReminderChannel.NONE, Frequency.DAILY, None, []),
    ],
)
def test_is_due(
    channel: ReminderChannel, frequency: Frequency, times: int | None, due_offsets: list[int]
) -> None:
    start = date(2025, 3, 4)
    days = [start.toordinal() + n for n in range(-1, 8)]
    due = [d - start.toordinal() for d in days
           if is_due(channel, frequency, times, start, date.fromordinal(d))]  # fmt: skip
    assert due == due_offsets


def test_due_on_and_mark_sent(db: Database) -> None:
    with db.session() as s:
        c = new_client(s, "Mari", "Ejemplo", language=ES, phone="+1 202 555 0100")
        a = assigned(s, c, None, title="Registro del ánimo", language=ES, level=L.EASY,
                     reminder_channel=ReminderChannel.TEXT, reminder_time=time(20, 30),
                     start_date=date(2025, 3, 10))  # fmt: skip
        assigned(s, c, None, title="Silent", start_date=date(2025, 3, 10))  # no reminder
        later = assigned(s, c, None, title="Later", reminder_channel=ReminderChannel.TEXT,
                         start_date=date(2025, 3, 13))  # fmt: skip
        due = reminders.due_on(s, ON)
        assert [(r.assignment.id, r.sent) for r in due] == [(a, False)]
        r = due[0]
        assert (
            r.client.preferred_name == "Mari" and r.client.contact(r.channel) == "+1 202 555 0100"
        )
        assert r.at is not None and r.at.astimezone().time() == time(20, 30)
        assert r.text == "¡Hola, Mari! Completa hoy tu registro del ánimo."
        first = reminders.mark_sent(s, a, ON, now=datetime(2025, 3, 12, 19, tzinfo=UTC))
        again = reminders.mark_sent(s, a, ON)
        assert again == first and first.sent_at == datetime(2025, 3, 12, 19, tzinfo=UTC)
        assert [x.sent for x in reminders.due_on(s, ON)] == [True]
        assert reminders.due_on(s, date(2025, 3, 13))[0].sent is False  # the next day
        assert {x.assignment.id for x in reminders.due_on(s, date(2025, 3, 13))} == {a, later}
        events = audit.list_events(s, entity="reminder_log")
        assert [e.action for e in events] == ["sent"]  # once: the second tick changed nothing
        assert "Mari" not in events[0].summary
        undone = reminders.unmark_sent(s, a, ON)
        assert undone is not None and undone.sent_at is None
        assert reminders.unmark_sent(s, a, ON) is None
        assert [x.sent for x in reminders.due_on(s, ON)] == [False]
        clients.set_status(s, c, ClientStatus.PAUSED)
        assert reminders.due_on(s, ON) == []  # only active clients get reminders
        with pytest.raises(NotFoundError):
            reminders.mark_sent(s, 999, ON)


SHEET_NAME = {
    # the sheet named as a kind of sheet ("your thought record") or by its quoted name
    EN: re.compile(r"your ([a-zA-Z ]+ (record|log|diary|schedule)|“(?P<en>[^”]+)” sheet)\b"),
    ES: re.compile(r"tu ((registro|diario) [^.!]+|hoja «(?P<es>[^»]+)»)"),
}


@pytest.mark.parametrize("level", list(LiteracyLevel))
@pytest.mark.parametrize("language", [EN, ES])
def test_every_reminder_reads_as_a_sentence_naming_its_sheet(
    library: TemplateLibrary, level: LiteracyLevel, language: Language
) -> None:
    # Given every template's client-facing title at this level and language
    for key in library.keys():  # noqa: SIM118 (a library, not a dict)
        title = library.get(key).text(level, language).title
        # When its reminder is written
        text = reminder_text(language, level, "Lorna", title, None, TUESDAY, on=ON)
        # Then every sentence starts with a capital and ends with a full stop or "!"
        sentences = re.split(r"(?<=[.!])\s+", text)
        assert all(re.match(r"^[¡¿]?[A-ZÁÉÍÓÚÑ]", s) and s[-1] in ".!" for s in sentences), text
        # And the sheet is named as a sheet: "your what happened" never reads
        named = SHEET_NAME[language].search(text)
        assert named is not None, text
        quoted = named.group("en" if language is EN else "es")
        if quoted is not None:
            assert quoted == title, text  # its name as printed on the sheet
        else:
            assert named.group(0).casefold().endswith(title.casefold()), text


def test_a_title_that_is_not_a_noun_names_the_sheet_by_its_quoted_title() -> None:
    assert reminder_text(EN, L.PICTORIAL, "Lorna", "What happened", None, None, on=ON) == (
        "Hi Lorna! Time for your “What happened” sheet."
    )
    assert reminder_text(ES, L.EASY, "Lorna", "Lo que pasó", None, None, on=ON) == (
        "¡Hola, Lorna! Completa hoy tu hoja «Lo que pasó»."
    )
