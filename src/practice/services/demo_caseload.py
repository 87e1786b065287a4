"""The rest of the demo caseload: ten fictional clients around the four story clients.

Between them: a pictorial-level client whose sister reads the sheet aloud, a
large-print older client, a young adult who doubts the therapist's age, a discharged
client whose homework was completed, a paused client, one who dropped out, and
everyday cases. See ``demo_story`` for the notation. All names are invented.
"""

from __future__ import annotations

from datetime import date, time

from practice.domain.vocabulary import ClientStatus, Frequency, NoteFormat
from practice.services.clients import ClientInput
from practice.services.demo_story import (
    COMPLETED,
    DROPPED,
    EN,
    ES,
    REPLACED,
    B,
    Ch,
    E,
    Homework,
    K,
    Lv,
    Md,
    Obs,
    S,
    St,
    Story,
    T,
    born,
    fake_phone,
)


def other_clients(today: date) -> list[Story]:
    return [
        _carer_reads(today),
        _large_print(today),
        _doubts_age(today),
        _discharged(today),
        _paused(today),
        _voice_memos(today),
        _audio_carer(today),
        _fortnightly(today),
        _pictorial_other(today),
        _dropped_out(today),
    ]


def _carer_reads(today: date) -> Story:
    return Story(
        role="carer_reads",
        profile=ClientInput(
            first_name="Wendell", last_name="Pryor", birth_date=born(today, 34, 3, 9),
            phone=fake_phone(12), language=EN, literacy_level=Lv.PICTORIAL,
            preferred_modality=Md.PAPER, reminder_channel=Ch.CARD, stage_of_change=St.ACTION,
            notes="Learning disability. Lives with his sister Gail, who reads the sheet aloud "
            "each evening. Pictorial sheets only.",
        ),  # fmt: skip
        weekday=2, start=time(9, 30), note_format=NoteFormat.FREE,
        weeks="i2334c34344434",
        pool=(B.FORGOT, B.LOST_SHEET),
        topics=(
            "Talked about the walk to the shop he now does on his own.",
            "Described helping his sister in the garden; smiled talking about it.",
            "Spoke about missing his friends from the day centre.",
            "Looked through photos of his week on his phone together.",
        ),
        events={
            0: E(stage=St.PREPARATION, homework=Homework(
                    T.ACTIVITY_SCHEDULE, Lv.PICTORIAL, Md.PAPER, reminder=Ch.CARD, card=True),
                 say="Intake with his sister Gail present. Low mood since the day centre closed; "
                 "spends most days indoors. Gail will read the sheet aloud each evening."),
            1: E(barriers=(B.FORGOT,), strategies=(S.EXTERNAL_AIDS,),
                 say="Gail now reads the sheet aloud after dinner; picture card on the fridge."),
            6: E(stage=St.ACTION),
        },
    )  # fmt: skip


def _large_print(today: date) -> Story:
    return Story(
        role="large_print",
        profile=ClientInput(
            first_name="Consuelo", last_name="Arriaga", birth_date=born(today, 78, 6, 30),
            phone=fake_phone(27), language=ES, literacy_level=Lv.PLAIN, large_print=True,
            preferred_modality=Md.PAPER, reminder_channel=Ch.PHONE_CALL,
            reminder_time=time(10, 0), stage_of_change=St.MAINTENANCE,
            notes="Degeneración macular: solo letra grande. Prefiere una llamada a los mensajes.",
        ),  # fmt: skip
        weekday=1, start=time(11, 30), note_format=NoteFormat.FREE,
        weeks="i23c3444n434344",
        pool=(B.MATERIAL_UNSUITABLE, B.FORGOT),
        topics=(
            "Hablamos de las tardes desde que murió su marido.",
            "Contó su nueva rutina: se levanta a la misma hora cada día y pasea después del "
            "desayuno.",
            "Habló de la visita de sus nietos el fin de semana.",
            "Hablamos de su preocupación por la vista y por leer menos.",
        ),
        events={
            0: E(stage=St.ACTION, homework=Homework(
                    T.SLEEP_DIARY, Lv.PLAIN, Md.PAPER, reminder=Ch.PHONE_CALL,
                    reminder_time=time(10, 0)),
                 say="Primera entrevista. Duerme mal desde que murió su marido el año pasado; "
                 "echa siestas por la tarde y se desvela desde las tres. Lúcida y con buen "
                 "humor; ve poco."),
            1: E(barriers=(B.MATERIAL_UNSUITABLE,), strategies=(S.ADAPT_MATERIAL,),
                 close=REPLACED, close_reason="Reimpreso en letra grande; con la letra normal "
                 "no alcanzaba a leerlo.", homework=Homework(
                     T.SLEEP_DIARY, Lv.PLAIN, Md.PAPER, large_print=True,
                     reminder=Ch.PHONE_CALL, reminder_time=time(10, 0)),
                 say="No podía leer la letra pequeña; reimprimimos el diario en letra grande y "
                 "lo repasamos en sesión."),
            8: E(reason="Se le olvidó el día; llamó por la tarde para disculparse."),
            12: E(stage=St.MAINTENANCE,
                  say="Duerme seis horas casi todas las noches y ya no echa siesta. Acordamos "
                  "seguir con el diario dos semanas más para prevenir recaídas."),
        },
    )  # fmt: skip


def _doubts_age(today: date) -> Story:
    return Story(
        role="doubts_age",
        profile=ClientInput(
            first_name="Kyle", last_name="Brannigan", birth_date=born(today, 19, 8, 14),
            email="kyle.b@example.com", phone=fake_phone(33), language=EN,
            literacy_level=Lv.STANDARD, preferred_modality=Md.APP, reminder_channel=Ch.TEXT,
            reminder_time=time(22, 0), stage_of_change=St.CONTEMPLATION,
        ),  # fmt: skip
        weekday=4, start=time(15, 0), note_format=NoteFormat.DAP,
        weeks="i10n1c212",
        pool=(B.FORGOT, B.DIDNT_SEE_POINT, B.PRIVACY_WORRY),
        topics=(
            "Talked about college deadlines and a group project going badly.",
            "Described evenings gaming and smoking with two friends.",
            "Spoke about arguments with his mother over money.",
            "Discussed the panic in class and what he fears others saw.",
        ),
        events={
            0: E(stage=St.PRECONTEMPLATION, homework=Homework(
                    T.URGE_LOG, Lv.STANDARD, Md.APP, Frequency.EACH_TIME, reminder=Ch.TEXT,
                    reminder_time=time(22, 0), value=False),
                 obs=(Obs(K.DOUBTS_AGE, "Asked how old I am; said I am basically his age and "
                          "cannot know what it is like.", raise_next=True),),
                 say="Intake. Referred by his college after a panic episode in class. Smokes "
                 "cannabis most evenings; says it is not the problem."),
            1: E(obs=(Obs(K.MINIMAL_DISCLOSURE, "One-word answers for most of the session."),),
                 say="Raised his question about my age openly and asked what he thinks I might "
                 "miss. Agreed he will tell me when I get something wrong."),
            2: E(barriers=(B.DIDNT_SEE_POINT,), strategies=(S.EMPHASISE_VALUE,)),
            4: E(barriers=(B.FORGOT,), strategies=(S.EXTERNAL_AIDS,),
                 say="Set the app's own reminder for 22:00 together."),
            6: E(stage=St.CONTEMPLATION,
                 say="First time he linked the panic in class with smoking the night before."),
            8: E(obs=(Obs(K.DOUBTS_AGE, "Again asked whether someone my age can help; said his "
                          "mother's therapist actually has kids.", raise_next=True),),
                 psy="He tests me on age most sessions and I notice I get defensive. Next time "
                 "ask directly which skills he thinks I lack, and name what a younger "
                 "therapist may offer."),
        },
    )  # fmt: skip


def _discharged(today: date) -> Story:
    return Story(
        role="discharged",
        profile=ClientInput(
            first_name="Imogen", last_name="Hartley", birth_date=born(today, 31, 2, 11),
            email="imogen.hartley@example.org", phone=fake_phone(45), language=EN,
            literacy_level=Lv.STANDARD, preferred_modality=Md.FILLABLE_PDF,
            reminder_channel=Ch.EMAIL, reminder_time=time(20, 0), stage_of_change=St.MAINTENANCE,
        ),  # fmt: skip
        weekday=2, start=time(12, 0), note_format=NoteFormat.SOAP,
        weeks="i3444c3444344434", status=ClientStatus.DISCHARGED, ended_weeks_ago=5,
        pool=(B.AVOIDANCE_SYMPTOMS, B.NO_TIME),
        topics=(
            "Talked about a work trip she now plans to drive to herself.",
            "Described a panic attack at the supermarket and riding it out.",
            "Spoke about her fear of fainting at the wheel.",
            "Discussed her partner's offer to drive and why she said no.",
        ),
        events={
            0: E(stage=St.ACTION, homework=Homework(
                    T.PANIC_DIARY, Lv.STANDARD, Md.PAPER, Frequency.EACH_TIME),
                 say="Intake. Panic attacks for two years, mostly when driving on motorways; "
                 "now avoids driving further than town."),
            6: E(close=COMPLETED, close_reason="Panic diary kept for six weeks; the pattern is "
                 "clear. Moving on to exposure.", homework=Homework(
                     T.EXPOSURE_RECORD, Lv.STANDARD, Md.FILLABLE_PDF, Frequency.PER_WEEK, 4,
                     reminder=Ch.EMAIL, reminder_time=time(20, 0)),
                 say="Built an exposure ladder together, from a short dual carriageway to the "
                 "motorway at rush hour."),
            12: E(stage=St.MAINTENANCE),
            15: E(close=COMPLETED, close_reason="Exposure ladder completed; discharged with a "
                  "relapse-prevention plan.",
                  say="Final session. Drove on the motorway alone twice this week.",
                  plan="Discharged. Relapse-prevention plan given; she may refer herself back."),
        },
    )  # fmt: skip


def _paused(today: date) -> Story:
    return Story(
        role="paused",
        profile=ClientInput(
            first_name="Esteban", last_name="Carrizo", birth_date=born(today, 45, 10, 19),
            phone=fake_phone(51), language=ES, literacy_level=Lv.STANDARD,
            preferred_modality=Md.APP, stage_of_change=St.PREPARATION,
            notes="En pausa mientras trabaja en el extranjero; llamarlo cuando vuelva.",
        ),  # fmt: skip
        weekday=0, start=time(18, 0), note_format=NoteFormat.BIRP,
        weeks="i23323c", status=ClientStatus.PAUSED, ended_weeks_ago=4,
        pool=(B.NO_TIME, B.CHAOTIC_WEEK),
        topics=(
            "Hablamos de los turnos rotativos y de fines de semana que nunca son descanso.",
            "Contó que dejó el café después del mediodía.",
            "Habló de su preocupación por las pastillas para dormir.",
        ),
        events={
            0: E(stage=St.PREPARATION,
                 homework=Homework(T.SLEEP_DIARY, Lv.STANDARD, Md.APP),
                 say="Primera entrevista. Insomnio desde que pasó al turno de noche en el "
                 "puerto; toma pastillas para dormir los fines de semana."),
            6: E(reason="Trabaja dos meses en el extranjero; pidió hacer una pausa y retomar "
                 "a la vuelta."),
        },
    )  # fmt: skip


def _voice_memos(today: date) -> Story:
    return Story(
        role="unfinished_paperwork",
        profile=ClientInput(
            first_name="Lorna", last_name="Keswick", birth_date=born(today, 44, 4, 2),
            email="lorna.keswick@example.com", phone=fake_phone(64), language=EN,
            literacy_level=Lv.PLAIN, preferred_modality=Md.AUDIO, reminder_channel=Ch.EMAIL,
            reminder_time=time(19, 30), stage_of_change=St.ACTION,
        ),  # fmt: skip
        weekday=3, start=time(9, 0), note_format=NoteFormat.DAP,
        weeks="i2233343c3i",  # the last session's review and note not finished yet
        pool=(B.NO_TIME, B.AVOIDANCE_SYMPTOMS),
        topics=(
            "Talked about mornings getting her son to school.",
            "Described an argument over his phone and stopping herself halfway.",
            "Spoke about her own father's temper.",
            "Discussed what calms her down fastest.",
        ),
        events={
            0: E(stage=St.PREPARATION, homework=Homework(
                    T.ABC_RECORD, Lv.PLAIN, Md.AUDIO, Frequency.EACH_TIME, reminder=Ch.EMAIL,
                    reminder_time=time(19, 30)),
                 say="Intake. Angry outbursts at her teenage son, then hours of guilt. Writing "
                 "makes her anxious, so she will record voice memos instead."),
            3: E(stage=St.ACTION),
            10: E(unsigned=True, say="Listened to two voice memos she recorded after "
                  "near-outbursts; she walked out of the room both times."),
        },
    )  # fmt: skip


def _audio_carer(today: date) -> Story:
    return Story(
        role="voice_recordings",
        profile=ClientInput(
            first_name="Inés", last_name="Villaseñor", birth_date=born(today, 52, 12, 8),
            phone=fake_phone(79), language=ES, literacy_level=Lv.EASY,
            preferred_modality=Md.AUDIO, reminder_channel=Ch.TEXT, reminder_time=time(20, 0),
            stage_of_change=St.ACTION,
        ),  # fmt: skip
        weekday=4, start=time(10, 30), note_format=NoteFormat.FREE,
        weeks="i12c2334",
        pool=(B.WRITING_HARD, B.PRIVACY_WORRY, B.NO_TIME),
        topics=(
            "Hablamos de las citas en el hospital y de tanta espera.",
            "Contó que su hija la ayuda más los fines de semana.",
            "Habló de los dolores de cabeza y de las noches en que empeoran.",
            "Hablamos de tener tiempo para ella: un paseo con una vecina.",
        ),
        events={
            0: E(stage=St.PREPARATION, homework=Homework(
                    T.MY_WEEK, Lv.EASY, Md.PAPER, Frequency.PER_WEEK, 3),
                 say="Primera entrevista. Preocupación y dolores de cabeza desde que su marido "
                 "enfermó; lo cuida en casa."),
            2: E(barriers=(B.WRITING_HARD, B.PRIVACY_WORRY), strategies=(S.OTHER_MODALITY,),
                 close=REPLACED, close_reason="Cambiamos el papel por grabaciones de voz: "
                 "escribir le cuesta y le preocupaba que su marido lo leyera.", homework=Homework(
                     T.MY_WEEK, Lv.EASY, Md.AUDIO, Frequency.PER_WEEK, 3, reminder=Ch.TEXT,
                     reminder_time=time(20, 0)),
                 say="Probamos una grabación de voz en sesión; le gustó contarlo hablando."),
            5: E(stage=St.ACTION),
        },
    )  # fmt: skip


def _fortnightly(today: date) -> Story:
    return Story(
        role="fortnightly",
        profile=ClientInput(
            first_name="Gareth", last_name="Pennock", birth_date=born(today, 58, 7, 21),
            email="gpennock@example.net", language=EN, literacy_level=Lv.STANDARD,
            preferred_modality=Md.FILLABLE_PDF, stage_of_change=St.MAINTENANCE,
        ),  # fmt: skip
        weekday=0, start=time(14, 0), note_format=NoteFormat.SOAP, interval_days=14,
        weeks="i34434443443",
        pool=(B.NO_TIME,),
        topics=(
            "Talked about retirement plans and losing the structure of work.",
            "Described a low weekend and catching the thoughts early.",
            "Spoke about his allotment and the neighbours there.",
            "Discussed the anniversary of his brother's death.",
        ),
        events={
            0: E(stage=St.ACTION,
                 homework=Homework(T.THOUGHT_RECORD, Lv.STANDARD, Md.FILLABLE_PDF),
                 say="Intake, fortnightly by his choice. Third episode of depression; knows CBT "
                 "from before and wants a refresher."),
            7: E(stage=St.MAINTENANCE, close=COMPLETED, close_reason="Thought records done well "
                 "for three months; moving to a shorter maintenance log.", homework=Homework(
                     T.MOOD_LOG, Lv.STANDARD, Md.FILLABLE_PDF, Frequency.PER_WEEK, 3),
                 say="Mood steady for six weeks. Agreed a shorter log and his early warning "
                 "signs."),
        },
    )  # fmt: skip


def _pictorial_other(today: date) -> Story:
    return Story(
        role="pictorial_photo",
        profile=ClientInput(
            first_name="Amparo", last_name="Soler", birth_date=born(today, 67, 1, 15),
            phone=fake_phone(92), language=ES, literacy_level=Lv.PICTORIAL,
            preferred_modality=Md.OTHER, stage_of_change=St.PREPARATION,
            notes="Lee poco; su hija le lee la hoja y manda una foto de ella.",
        ),  # fmt: skip
        weekday=2, start=time(11, 0), note_format=NoteFormat.FREE,
        weeks="i2c233",
        pool=(B.FORGOT, B.MATERIAL_UNSUITABLE),
        topics=(
            "Hablamos de la soledad desde que su amiga se mudó.",
            "Contó cómo fue al mercado con su hija.",
            "Habló del pueblo donde se crio.",
        ),
        events={
            0: E(stage=St.CONTEMPLATION, homework=Homework(
                    T.MY_WEEK, Lv.PICTORIAL, Md.OTHER, Frequency.PER_WEEK, 3),
                 say="Primera entrevista, con su hija, que le leerá la hoja en voz alta y "
                 "mandará por mensaje una foto de lo que marque."),
            4: E(stage=St.PREPARATION),
        },
    )  # fmt: skip


def _dropped_out(today: date) -> Story:
    return Story(
        role="dropped_out",
        profile=ClientInput(
            first_name="Travis", last_name="Mulqueen", birth_date=born(today, 29, 5, 27),
            phone=fake_phone(18), language=EN, literacy_level=Lv.EASY,
            preferred_modality=Md.PAPER, stage_of_change=St.PRECONTEMPLATION,
        ),  # fmt: skip
        weekday=1, start=time(17, 0), note_format=NoteFormat.BIRP,
        weeks="i10nn", status=ClientStatus.DISCHARGED, ended_weeks_ago=6,
        pool=(B.DIDNT_SEE_POINT, B.FORGOT),
        topics=(
            "Talked about his job on the building site.",
            "Described weekends at the pub with his brothers.",
        ),
        events={
            0: E(stage=St.PRECONTEMPLATION, homework=Homework(
                    T.URGE_LOG, Lv.EASY, Md.PAPER, Frequency.EACH_TIME),
                 obs=(Obs(K.THERAPY_WONT_HELP, "Said he only came because he has to."),),
                 say="Intake. Sent by probation for drinking; says he drinks no more than his "
                 "mates."),
            2: E(barriers=(B.DIDNT_SEE_POINT,)),
            4: E(close=DROPPED, close_reason="Stopped attending after two no-shows; discharged "
                 "after a letter went unanswered."),
        },
    )  # fmt: skip
