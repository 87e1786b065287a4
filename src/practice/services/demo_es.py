"""The demo's free text for its Spanish-speaking clients, in Spanish: the lines of the
session notes, plans, homework reviews and observations (``demo_data`` has the English).
Every table has the same keys and the same number of lines as its English one, so the
demo draws the same choices whatever the language (fictional, as all of the demo)."""

from __future__ import annotations

from practice.domain.vocabulary import (
    Barrier,
    Frequency,
    StageOfChange,
    Strategy,
    TemplateKey,
)

T = TemplateKey

RECORD_NOUN: dict[TemplateKey, str] = {
    T.THOUGHT_RECORD: "el registro de pensamientos",
    T.ABC_RECORD: "el registro ABC",
    T.MOOD_LOG: "el registro de ánimo",
    T.ACTIVITY_SCHEDULE: "la agenda de actividades",
    T.SLEEP_DIARY: "el diario de sueño",
    T.PANIC_DIARY: "el diario de pánico",
    T.URGE_LOG: "el registro de impulsos",
    T.EXPOSURE_RECORD: "el registro de exposición",
    T.MY_WEEK: "el registro «mi semana»",
}

HOMEWORK_LINES: dict[int, tuple[str, ...]] = {
    0: (
        "No trajo {what}; sin empezar esta semana.",
        "Ninguna anotación en {what} esta semana.",
        "No intentó {what}; vimos en sesión qué se lo impidió.",
    ),
    1: (
        "Empezó {what} el primer día y no siguió.",
        "Una sola anotación en {what}.",
        "Trajo {what} con una o dos anotaciones al principio de la semana.",
    ),
    2: (
        "{What}, a medias; anotaciones más o menos un día sí y otro no.",
        "Trajo {what} con la mitad de las anotaciones acordadas.",
        "{What}: la mitad, el fin de semana vacío.",
    ),
    3: (
        "{What}: casi todo; faltan un par de días.",
        "Trajo {what} con casi todos los días; anotaciones concretas y útiles.",
        "{What}, casi todos los días; lo usamos para ordenar la sesión.",
    ),
    4: (
        "{What}: todo, cada anotación como se acordó.",
        "Todos los días anotados en {what}, con buen detalle.",
        "{What}: todo hecho, y trajo la hoja sin que se le pidiera.",
    ),
}

BARRIER_LINES: dict[Barrier, tuple[str, ...]] = {
    Barrier.DIDNT_UNDERSTAND: (
        "No sabía qué escribir en las casillas.",
        "Había entendido mal lo que pedía la hoja.",
    ),
    Barrier.FORGOT: (
        "Dice que se le olvidó casi todas las noches.",
        "Se acordó la misma mañana de la sesión.",
    ),
    Barrier.NO_TIME: (
        "Cuenta que no tuvo tiempo los días de trabajo.",
        "Los turnos largos no le dejaron tiempo para sentarse.",
    ),
    Barrier.WRITING_HARD: (
        "Escribir le resulta lento y le da vergüenza.",
        "Sentarse a escribir le provoca tensión.",
    ),
    Barrier.MATERIAL_UNSUITABLE: (
        "La hoja no le servía: letra muy pequeña y casillas muy estrechas.",
        "El formato no encajaba con cómo es de verdad su semana.",
    ),
    Barrier.DIDNT_SEE_POINT: (
        "No veía para qué servía el registro.",
        "Se preguntó por qué anotar las cosas iba a cambiar algo.",
    ),
    Barrier.AVOIDANCE_SYMPTOMS: (
        "Poner los sentimientos en papel era demasiado en los días malos.",
        "Con poca energía casi todas las noches; evitó mirar la semana.",
    ),
    Barrier.LOST_SHEET: ("La hoja se perdió a mitad de semana.", "Dejó la hoja en el trabajo."),
    Barrier.PRIVACY_WORRY: (
        "Le preocupaba que alguien en casa lo leyera.",
        "Le incomoda dejar el registro donde la familia pudiera verlo.",
    ),
    Barrier.CHAOTIC_WEEK: (
        "Una semana caótica, sin rutina.",
        "Un revuelo familiar se llevó la semana.",
    ),
    Barrier.OTHER: ("Esta semana surgió otro obstáculo.",),
}

STRATEGY_LINES: dict[Strategy, tuple[str, ...]] = {
    Strategy.RE_EXPLAIN: (
        "Repasamos la tarea paso a paso y le pedí que me la explicara con sus palabras.",
        "Volví a explicar la hoja con un ejemplo de esta semana; la explicó bien.",
    ),
    Strategy.EMPHASISE_VALUE: (
        "Relacionamos el registro con su propia meta, no con la terapia.",
        "Hablamos de lo que el registro le aporta en su vida, no en la terapia.",
    ),
    Strategy.MOTIVATING_ASK: (
        "Le pregunté qué haría que la tarea valiera la pena, en vez de ponerla como obligación.",
        "Planteamos el registro de la semana como un experimento compartido; eligió los días.",
    ),
    Strategy.ADAPT_MATERIAL: (
        "Cambiamos a una hoja más sencilla, con dibujos y casillas para marcar.",
        "Adaptamos el material a un nivel que le va bien; lo probamos en sesión.",
    ),
    Strategy.OTHER_MODALITY: (
        "Acordamos otra forma de registrar que encaja mejor con su día.",
        "Pasamos el registro del papel a una forma que ya usa.",
    ),
    Strategy.EXTERNAL_AIDS: (
        "Programamos un recordatorio en sesión, a una hora que le viene bien.",
        "Acordamos un recordatorio a una hora fija, en un sitio donde lo vea.",
    ),
    Strategy.TALK_OPENLY: (
        "Hablamos abiertamente de los registros sin terminar y de lo que significan para "
        "nuestro trabajo; sin culpas.",
        "Saqué con franqueza el patrón de registros que faltan; cada quien nombró su parte.",
    ),
    Strategy.CHANGE_OR_DROP: (
        "Cambiamos la tarea por algo más pequeño que cabe en su semana.",
        "Dejamos el registro completo; acordamos una tarea más ligera hacia la misma meta.",
    ),
    Strategy.CONDITIONAL_SESSIONS: (
        "Acordamos probar sesiones condicionadas: una llamada el día antes sobre el "
        "registro, y la sesión se cancela si no está hecho.",
    ),
}

STAGE_LINES: dict[StageOfChange, tuple[str, ...]] = {
    StageOfChange.PRECONTEMPLATION: (
        "Precontemplación: todavía no ve un problema; me limité a ampliar la conciencia, "
        "sin presionar.",
        "Sigue en precontemplación; le devolví los costos que mencionó, sin discutir.",
    ),
    StageOfChange.CONTEMPLATION: (
        "Contemplación: ambivalente, sopesa razones a favor y en contra del cambio.",
        "La ambivalencia, más clara hoy; algo de discurso de cambio: quiere que las cosas "
        "sean distintas.",
    ),
    StageOfChange.PREPARATION: (
        "Preparación: con ganas de probar pasos pequeños; ayudé a elegir uno.",
        "Avanza hacia la acción; acordamos un paso pequeño y concreto.",
    ),
    StageOfChange.ACTION: (
        "Acción: trabaja en los pasos acordados; le di comentarios sobre el registro.",
        "Hay compromiso con el cambio; el progreso es constante.",
    ),
    StageOfChange.MAINTENANCE: (
        "Mantenimiento: los logros se sostienen; foco en prevenir recaídas.",
        "Estable; repasamos las señales de alerta y qué hacer con ellas.",
    ),
    StageOfChange.RELAPSE: (
        "Recaída: de vuelta a los patrones de antes; retomamos sin desanimarnos.",
        "Retrocedió; normalicé el tropiezo y volvimos al registro.",
    ),
}

PRESENTATION_LINES: tuple[str, ...] = (
    "Llegó puntual; buena participación, el ánimo parecía bajo.",
    "Calma, buen contacto visual, afecto reactivo.",
    "Cansancio; respuestas breves al principio, más calidez después.",
    "Más ánimo que la semana pasada; habló con soltura.",
    "Tensión al principio; se calmó después de revisar la tarea.",
    "Puntual y con ganas de hablar; algo de llanto al contar la semana.",
)

INTERVENTION_LINES: tuple[str, ...] = (
    "Revisamos el registro de la semana y trabajamos una anotación en sesión.",
    "Reestructuración cognitiva con un ejemplo de la semana.",
    "Planificamos actividades para la semana, con horas y lugares.",
    "Psicoeducación sobre el círculo de la evitación y el ánimo.",
    "Resolución de problemas con la dificultad más urgente de la semana.",
)

INTAKE_INTERVENTION = (
    "Entrevista de evaluación; compartí una primera formulación y acordamos metas."
)

RESPONSE_LINES: tuple[str, ...] = (
    "Participó bien y al final pudo nombrar otra forma de verlo.",
    "Buena receptividad; anotó el plan.",
    "Algo de resistencia al principio; luego aceptó probar.",
    "Respondió con alivio; dijo que tenía sentido.",
    "Con cautela, pero con disposición a darle una semana.",
)

PLAN_LINES: tuple[str, ...] = (
    "Revisar {what} la próxima sesión.",
    "Seguir con {what}; empezar la próxima sesión con la revisión.",
    "Mantener {what}; mirar en sesión el día más difícil la próxima vez.",
    "Seguir con {what} y ver qué ayudó en los días mejores.",
)

PLAN_NO_TASK = "Revisar cómo va y acordar el siguiente paso."
PLAN_START = "Empezar {what}, {often}; revisar en la próxima sesión cómo fue."

REVIEW_NOTES: dict[int, tuple[str | None, ...]] = {
    0: ("Nada anotado.", "No trajo la hoja.", None),
    1: ("Una sola anotación.", None, "Empezó y lo dejó."),
    2: ("Más o menos la mitad.", None, "Solo entre semana."),
    3: ("Casi todos los días.", None, "Buen detalle en lo que anotó."),
    4: ("Todas las anotaciones.", None, "Completo y pensado."),
}

NOT_DONE_OBSERVATIONS: tuple[str, ...] = (
    "Otra semana sin hacer la tarea.",
    "No trajo el registro; cambió de tema cuando le pregunté.",
    "El registro, sin empezar.",
)

MISSED_OBSERVATIONS: tuple[str, ...] = (
    "Faltó a la última cita sin avisar.",
    "No vino a la última cita y no llamó.",
)

CANCEL_REASONS: tuple[str, ...] = (
    "Enfermedad; llamó el día antes.",
    "No tuvo con quién dejar a los niños.",
    "Le cambiaron el turno de trabajo a última hora.",
    "Un compromiso familiar.",
)


def how_often(frequency: Frequency, times_per_week: int | None) -> str:
    if frequency is Frequency.PER_WEEK:
        return f"{times_per_week} veces por semana"
    if frequency is Frequency.EACH_TIME:
        return "cada vez que pase"
    return "cada día"


HOLIDAY_REASON = "La terapeuta está de licencia (semana de formación)."
