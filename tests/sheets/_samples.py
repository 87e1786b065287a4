"""Sample sheet texts for the renderer tests (until and besides the TOML templates).

A thought record at each level in English and Spanish, and a long daily log for
large-print pagination. The Spanish carries ñ, ¿, ¡ and accents on purpose.
"""

from __future__ import annotations

from practice.domain.vocabulary import Language, LiteracyLevel
from practice.sheets.model import FieldKind, Layout, SheetField, SheetText

EN, ES = Language.EN, Language.ES
STANDARD, PLAIN, EASY, PICTORIAL = (
    LiteracyLevel.STANDARD,
    LiteracyLevel.PLAIN,
    LiteracyLevel.EASY,
    LiteracyLevel.PICTORIAL,
)
K = FieldKind


def _f(key: str, label: str, kind: FieldKind, hint: str = "", **kw: object) -> SheetField:
    return SheetField(key=key, label=label, kind=kind, hint=hint, **kw)  # type: ignore[arg-type]


_STANDARD = {
    EN: dict(
        title="Thought record",
        main_message="When your mood drops, write down the moment and the thought behind it.",
        instructions=(
            "When you notice a strong feeling, stop and fill in one entry.",
            "Write what happened, what you felt and what went through your mind.",
            "Rate how strong the feeling was and how much you believed the thought.",
            "Look for evidence for and against the thought, then write a fairer one.",
        ),
        why_it_helps=(
            "Putting thoughts on paper helps you see them clearly. Over time you learn "
            "which thoughts pull your mood down, and how to answer them."
        ),
        fields=(
            _f("situation", "Situation", K.TEXT, "Where were you? What happened?", lines=2),
            _f("emotion", "Emotions", K.SHORT_TEXT, "Sad, anxious, angry, ashamed…"),
            _f("intensity", "How strong (0–100)", K.RATING),
            _f("thought", "Automatic thought", K.TEXT, "What went through your mind?", lines=2),
            _f("belief", "How much you believed it", K.RATING),
            _f("evidence_for", "Evidence for", K.TEXT, lines=2),
            _f("evidence_against", "Evidence against", K.TEXT, lines=2),
            _f("alternative", "Alternative thought", K.TEXT, lines=2),
            _f("rerate", "Emotion now (0–100)", K.RATING),
        ),
    ),
    ES: dict(
        title="Registro de pensamientos",
        main_message="Cuando tu ánimo baje, apunta el momento y el pensamiento que lo acompañó.",
        instructions=(
            "¿Notas una emoción fuerte? Para y rellena un registro.",
            "Escribe qué pasó, qué sentiste y qué se te pasó por la cabeza.",
            "Puntúa la emoción y cuánto te creíste el pensamiento.",
            "Busca pruebas a favor y en contra, y escribe un pensamiento más justo. ¡Ánimo!",
        ),
        why_it_helps=(
            "Poner los pensamientos en papel te ayuda a verlos con claridad. Con el tiempo "
            "aprendes qué pensamientos te bajan el ánimo y cómo responderles."
        ),
        fields=(
            _f("situation", "Situación", K.TEXT, "¿Dónde estabas? ¿Qué pasó?", lines=2),
            _f("emotion", "Emociones", K.SHORT_TEXT, "Tristeza, miedo, enfado, vergüenza…"),
            _f("intensity", "Intensidad (0–100)", K.RATING),
            _f("thought", "Pensamiento automático", K.TEXT, "¿Qué pensaste?", lines=2),
            _f("belief", "Cuánto te lo creíste", K.RATING),
            _f("evidence_for", "Pruebas a favor", K.TEXT, lines=2),
            _f("evidence_against", "Pruebas en contra", K.TEXT, lines=2),
            _f("alternative", "Pensamiento alternativo", K.TEXT, lines=2),
            _f("rerate", "Emoción ahora (0–100)", K.RATING),
        ),
    ),
}

_PLAIN = {
    EN: dict(
        title="Thought record",
        main_message="Write down one hard moment each day.",
        instructions=(
            "When you feel upset, fill in one box.",
            "Write what happened and what you thought.",
            "Tick how you felt and how strong it was.",
        ),
        why_it_helps="It helps you spot the thoughts that make you feel bad.",
        fields=(
            _f("happened", "What happened?", K.TEXT, lines=2, pictogram="speech"),
            _f(
                "feeling",
                "How did you feel?",
                K.CHECKBOXES,
                options=("Sad", "Worried", "Angry", "Ashamed", "Other"),
            ),  # fmt: skip
            _f("strength", "How strong was it?", K.RATING),
            _f("thought", "What did you think?", K.TEXT, lines=2, pictogram="thought"),
            _f("other_view", "Another way to see it", K.TEXT, lines=2),
        ),
    ),
    ES: dict(
        title="Registro de pensamientos",
        main_message="Apunta un momento difícil cada día.",
        instructions=(
            "Cuando te sientas mal, rellena un cuadro.",
            "Escribe qué pasó y qué pensaste.",
            "Marca qué sentiste y con qué fuerza.",
        ),
        why_it_helps="Te ayuda a ver los pensamientos que te hacen sentir mal. ¡Tú puedes!",
        fields=(
            _f("happened", "¿Qué pasó?", K.TEXT, lines=2, pictogram="speech"),
            _f(
                "feeling",
                "¿Qué sentiste?",
                K.CHECKBOXES,
                options=("Tristeza", "Preocupación", "Enfado", "Vergüenza", "Otra"),
            ),  # fmt: skip
            _f("strength", "¿Con qué fuerza?", K.RATING),
            _f("thought", "¿Qué pensaste?", K.TEXT, lines=2, pictogram="thought"),
            _f("other_view", "Otra forma de verlo", K.TEXT, lines=2),
        ),
    ),
}

_EASY = {
    EN: dict(
        title="My feelings",
        main_message="Each day, mark how you felt.",
        instructions=(
            "Each day, look at this page.",
            "Tick the face that fits your day.",
            "Write one word about what happened.",
            "Bring this page to your session.",
        ),
        instruction_pictograms=("calendar", "check", "pen", "door"),
        why_it_helps="You and I can see your good and bad days.",
        fields=(
            _f("feeling", "How did you feel today?", K.RATING, pictogram="heart"),
            _f("word", "One word about today", K.SHORT_TEXT, pictogram="pen"),
            _f("talked", "I talked to someone", K.TICK, pictogram="speech"),
        ),
        layout=Layout.DAILY,
    ),
    ES: dict(
        title="Mis emociones",
        main_message="Cada día, marca cómo te sentiste.",
        instructions=(
            "Cada día, mira esta hoja.",
            "Marca la cara de tu día.",
            "Escribe una palabra sobre lo que pasó.",
            "Trae esta hoja a tu sesión.",
        ),
        instruction_pictograms=("calendar", "check", "pen", "door"),
        why_it_helps="Así vemos juntos tus días buenos y malos. ¡Ánimo!",
        fields=(
            _f("feeling", "¿Cómo te sentiste hoy?", K.RATING, pictogram="heart"),
            _f("word", "Una palabra del día", K.SHORT_TEXT, pictogram="pen"),
            _f("talked", "Hablé con alguien", K.TICK, pictogram="speech"),
        ),
        layout=Layout.DAILY,
    ),
}

_PICTORIAL = {
    EN: dict(
        title="My day",
        main_message="Each night, tick your day.",
        instructions=("Each night, look at this page.", "Tick the boxes."),
        instruction_pictograms=("moon", "check"),
        why_it_helps="We will look at it together.",
        fields=(
            _f("feeling", "How I felt", K.RATING, pictogram="heart"),
            _f("upset", "Something upset me", K.TICK, pictogram="lightning"),
            _f("walk", "I went out", K.TICK, pictogram="walk"),
        ),
        layout=Layout.DAILY,
    ),
    ES: dict(
        title="Mi día",
        main_message="Cada noche, marca tu día.",
        instructions=("Cada noche, mira esta hoja.", "Marca las casillas."),
        instruction_pictograms=("moon", "check"),
        why_it_helps="La miramos juntos. ¡Bien hecho!",
        fields=(
            _f("feeling", "Cómo me sentí", K.RATING, pictogram="heart"),
            _f("upset", "Algo me molestó", K.TICK, pictogram="lightning"),
            _f("walk", "Salí a la calle", K.TICK, pictogram="walk"),
        ),
        layout=Layout.DAILY,
    ),
}

_BY_LEVEL = {STANDARD: _STANDARD, PLAIN: _PLAIN, EASY: _EASY, PICTORIAL: _PICTORIAL}


def thought_record(level: LiteracyLevel, language: Language = EN) -> SheetText:
    data = dict(_BY_LEVEL[level][language])
    return SheetText(template="thought_record", level=level, language=language, **data)  # type: ignore[arg-type]


def long_daily_log(level: LiteracyLevel = PLAIN, language: Language = EN) -> SheetText:
    """A daily sleep-diary-like log with many fields: long enough to need pages."""
    fields = (
        _f("bed", "Time you went to bed", K.TIME),
        _f("asleep", "Minutes to fall asleep", K.NUMBER),
        _f("woke", "Times you woke up", K.NUMBER),
        _f("up", "Time you got up", K.TIME),
        _f("quality", "How well did you sleep?", K.RATING),
        _f("rested", "I felt rested", K.TICK),
        _f("notes", "Anything else", K.TEXT, lines=2),
    )
    return SheetText(
        template="sleep_diary",
        level=level,
        language=language,
        title="Sleep diary",
        main_message="Each morning, write down how you slept.",
        instructions=("Fill this in each morning, soon after you get up.",),
        why_it_helps="It shows us your sleep pattern so we can plan changes together.",
        fields=fields,
        layout=Layout.DAILY,
    )
