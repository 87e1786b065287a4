"""The one pictogram vocabulary: each picture keyed by the concept it stands for.

Templates name a concept (``pictogram = "feel_scared"``) for instructions, fields
and options; the same concept has the same picture on every sheet and in both
languages. Each entry gives what the picture means, in English and Spanish, for
the printed vocabulary the therapist goes through with the client (teach-back).
"""

from __future__ import annotations

from dataclasses import dataclass

from practice.domain.vocabulary import Language


@dataclass(frozen=True)
class Concept:
    """One pictogram: its key and what it means in each language."""

    key: str
    en: str
    es: str

    def meaning(self, language: Language) -> str:
        return self.es if language is Language.ES else self.en


def _concepts(rows: str) -> dict[str, Concept]:
    found: dict[str, Concept] = {}
    for row in rows.strip().splitlines():
        key, en, es = (part.strip() for part in row.split("|"))
        found[key] = Concept(key, en, es)
    return found


# key | English meaning | Spanish meaning
CONCEPTS: dict[str, Concept] = _concepts(
    """
    calendar | a day, the date | un día, la fecha
    clock | the time | la hora
    sun | the day, daytime | el día
    moon | the night | la noche
    bed | bed, sleep | la cama, dormir
    house | at home | en casa
    people | with other people | con otras personas
    phone | a phone call, a reminder | una llamada, un aviso
    alarm | a phone alarm that rings | una alarma del teléfono que suena
    text_message | a text message | un mensaje de texto
    email | an e-mail | un correo electrónico
    pen | write a few words | escribe unas palabras
    heart | feelings | los sentimientos
    helps | why this helps you | por qué te ayuda
    thought | a thought | un pensamiento
    face_very_happy | very good | muy bien
    face_happy | good | bien
    face_ok | so-so | más o menos
    face_sad | bad | mal
    face_very_sad | very bad | muy mal
    lightning | a sudden fright, panic | un susto de repente, pánico
    walk | a walk, moving about | un paseo, moverse
    food | a meal | una comida
    cup | a drink | una bebida
    speech | saying or asking something | decir o preguntar algo
    star | something I am proud of | algo que me enorgullece
    check | tick the box | marca la casilla
    book | reading | leer
    breath | breathing | la respiración
    wave | a feeling that rises and falls | una sensación que sube y baja
    door | bring this sheet to your next session | trae esta hoja a tu próxima sesión
    work | at work | en el trabajo
    outside | out, away from home | fuera de casa
    family | with family | con la familia
    friends | with friends | con amistades
    alone | alone | sin nadie
    feel_sad | sad | triste
    feel_scared | scared | con miedo
    feel_angry | angry | con enojo
    feel_ashamed | ashamed | con vergüenza
    feel_guilty | guilty | con culpa
    feel_worried | worried | con preocupación
    feel_calm | calm | con calma
    feel_tired | tired | con cansancio
    feel_bored | bored | con aburrimiento
    feel_relieved | relieved | con alivio
    feel_sorry | sorry, regret | con arrepentimiento
    thought_cant | "I can't do it" | «No puedo»
    thought_goes_wrong | "It will go wrong" | «Va a salir mal»
    thought_my_fault | "It is my fault" | «Es mi culpa»
    thought_nobody_likes | "Nobody likes me" | «No le caigo bien a nadie»
    thought_other | another thought | otro pensamiento
    kind_words | something kind to myself | algo amable para mí
    better | better | mejor
    worse | worse | peor
    same | the same | igual
    as_expected | as I expected | como lo esperaba
    got_dressed | got up and dressed | me levanté y me vestí
    chore | a job at home | una tarea de la casa
    fun | something I enjoy | algo que disfruto
    called | called someone | llamé a alguien
    morning | morning | la mañana
    afternoon | afternoon | la tarde
    evening | evening | la noche (al final del día)
    into_bed | got into bed | me metí en la cama
    lights_out | lights out, tried to sleep | apagué la luz para dormir
    fall_asleep | time to fall asleep | cuánto tardé en dormirme
    woke_night | woke in the night | me desperté por la noche
    awake_time | time awake in the night | tiempo sin dormir por la noche
    woke_up | woke up for the day | me desperté para empezar el día
    out_of_bed | got out of bed | me levanté de la cama
    nap | a nap in the day | una siesta
    sleep_quality | how well I slept | cómo dormí
    slept_through | slept all night, did not wake | dormí toda la noche
    heart_racing | heart racing or pounding | el corazón late muy fuerte o muy rápido
    sweating | sweating | sudor
    trembling | trembling or shaking | temblor
    short_breath | short of breath | me falta el aire
    choking | a choking feeling | sensación de ahogo
    chest_pain | chest pain or tightness | dolor o presión en el pecho
    nausea | sick in the stomach | malestar en el estómago
    dizzy | dizzy or faint | mareo
    chills_heat | chills or hot flushes | escalofríos o calor
    numb_tingling | numbness or tingling | hormigueo o adormecimiento
    unreal | things feel unreal | todo parece irreal
    losing_control | afraid of losing control | miedo a perder el control
    fear_dying | afraid of dying | miedo a morir
    doctor | see a doctor | ve al médico
    out_of_blue | out of the blue | sin aviso
    expected | I expected it | lo esperaba
    practice | the practice we planned | la práctica que planeamos
    fear_prediction | what I fear will happen | lo que temo que pase
    how_likely | how likely it seems | qué tan probable parece
    fear_level | how strong the fear is | qué tan fuerte es el miedo
    what_happened | what really happened | lo que pasó de verdad
    trigger | what came before | lo que pasó antes
    action | what I did | lo que hice
    result | what came after | lo que pasó después
    urge | an urge, a craving | unas ganas fuertes
    gave_in | I acted on it | lo hice
    rode_it_out | I waited and it passed | esperé y se me pasó
    few_times | a few times | unas pocas veces
    many_times | many times | muchas veces
    left_place | I left, got away | me fui, me alejé
    feeling_strength | how strong the feeling is | qué tan fuerte es lo que siento
    """
)

PICTOGRAMS: frozenset[str] = frozenset(CONCEPTS)

__all__ = ["CONCEPTS", "PICTOGRAMS", "Concept"]
