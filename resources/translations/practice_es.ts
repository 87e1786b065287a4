<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Practice</source>
        <translation>Acerca de Practice</translation>
    </message>
    <message>
        <source>&lt;b&gt;Practice {version}&lt;/b&gt;&lt;br&gt;Client records, session notes and homework for therapists.</source>
        <translation>&lt;b&gt;Practice {version}&lt;/b&gt;&lt;br&gt;Expedientes, notas de sesión y tareas para terapeutas.</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Archivo de registro</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>Base de datos</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>Copy for support</source>
        <translation>Copiar para soporte</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>AdherenceStrip</name>
    <message>
        <source>no homework set</source>
        <translation>sin tarea asignada</translation>
    </message>
    <message>
        <source>homework not reviewed</source>
        <translation>tarea sin revisar</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>sin asistencia</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>cancelled, self-record not done</source>
        <translation>cancelada, sin autorregistro</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>sin sesión</translation>
    </message>
    <message>
        <source>Left and Right arrows move from week to week.</source>
        <translation>Las flechas izquierda y derecha pasan de una semana a otra.</translation>
    </message>
    <message>
        <source>Weekly homework: {marks}</source>
        <translation>Tareas por semana: {marks}</translation>
    </message>
    <message>
        <source>Weekly homework: no weeks yet</source>
        <translation>Tareas por semana: todavía no hay semanas</translation>
    </message>
    <message>
        <source>Weekly homework: {week}</source>
        <translation>Tareas por semana: {week}</translation>
    </message>
    <message>
        <source>NS</source>
        <translation>NA</translation>
    </message>
    <message>
        <source>completion (0 {none} … 4 {all})</source>
        <translation>cumplimiento (0 {none} … 4 {all})</translation>
    </message>
    <message>
        <source>conditional sessions on</source>
        <translation>sesiones condicionales activas</translation>
    </message>
    <message>
        <source>&lt;b&gt;▢&lt;/b&gt; bold frame: this week</source>
        <translation>&lt;b&gt;▢&lt;/b&gt; marco grueso: esta semana</translation>
    </message>
</context>
<context>
    <name>AgendaPage</name>
    <message>
        <source>Mon</source>
        <translation>lun</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>mar</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>mié</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>jue</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>vie</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>sáb</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>dom</translation>
    </message>
    <message>
        <source>Week of {week}</source>
        <translation>Semana del {week}</translation>
    </message>
    <message>
        <source>⚠ overlaps {time} {name}</source>
        <translation>⚠ se superpone con {time} {name}</translation>
    </message>
    <message>
        <source>⚠ Cannot postpone treatment</source>
        <translation>⚠ No puede posponer el tratamiento</translation>
    </message>
    <message>
        <source>{count} appointment this week, {scheduled} scheduled</source>
        <translation>{count} cita esta semana, {scheduled} programadas</translation>
    </message>
    <message>
        <source>{count} appointments this week, {scheduled} scheduled</source>
        <translation>{count} citas esta semana, {scheduled} programadas</translation>
    </message>
    <message>
        <source>, {count} cancelled</source>
        <translation>, {count} canceladas</translation>
    </message>
    <message>
        <source>◀ Previous week</source>
        <translation>◀ Semana anterior</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Esta semana</translation>
    </message>
    <message>
        <source>Next week ▶</source>
        <translation>Semana siguiente ▶</translation>
    </message>
    <message>
        <source>New appointment…</source>
        <translation>Nueva cita…</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Mover…</translation>
    </message>
    <message>
        <source>Skip this date</source>
        <translation>Saltar esta fecha</translation>
    </message>
    <message>
        <source>Undo no-show / cancellation</source>
        <translation>Deshacer inasistencia / cancelación</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Abrir cliente</translation>
    </message>
    <message>
        <source>Or double-click a free hour in a day</source>
        <translation>O haz doble clic en una hora libre de un día</translation>
    </message>
    <message>
        <source>&lt;b&gt;{day}&lt;/b&gt;  · today</source>
        <translation>&lt;b&gt;{day}&lt;/b&gt;  · hoy</translation>
    </message>
    <message>
        <source>{status}: {reason}</source>
        <translation>{status}: {reason}</translation>
    </message>
    <message>
        <source>{name}
{when}, {minutes} min
{status}</source>
        <translation>{name}
{when}, {minutes} min
{status}</translation>
    </message>
    <message>
        <source>Part of a repeating series</source>
        <translation>Parte de una serie que se repite</translation>
    </message>
    <message>
        <source>⚠ Overlaps {name}, {start}–{end}</source>
        <translation>⚠ Se superpone con {name}, {start}–{end}</translation>
    </message>
    <message>
        <source>{time}  free</source>
        <translation>{time}  libre</translation>
    </message>
    <message>
        <source>Double-click to book {day} at {time}</source>
        <translation>Doble clic para reservar el {day} a las {time}</translation>
    </message>
    <message>
        <source>Choose an appointment in the week first.</source>
        <translation>Primero elige una cita de la semana.</translation>
    </message>
    <message>
        <source>Another day or time, or change its length</source>
        <translation>Otro día u hora, o cambia su duración</translation>
    </message>
    <message>
        <source>Skip this date; the rest of the series stays</source>
        <translation>Saltar esta fecha; el resto de la serie se mantiene</translation>
    </message>
    <message>
        <source>Put this appointment back to scheduled</source>
        <translation>Volver a poner esta cita como programada</translation>
    </message>
    <message>
        <source>Moved: {name}, {when} ({count} appointments).</source>
        <translation>Movida: {name}, {when} ({count} citas).</translation>
    </message>
    <message>
        <source>Booked: {name}, {when} ({count} appointments).</source>
        <translation>Reservada: {name}, {when} ({count} citas).</translation>
    </message>
    <message>
        <source>Moved: {name}, {when}.</source>
        <translation>Movida: {name}, {when}.</translation>
    </message>
    <message>
        <source>Booked: {name}, {when}.</source>
        <translation>Reservada: {name}, {when}.</translation>
    </message>
    <message>
        <source>This date was not skipped</source>
        <translation>No se saltó esta fecha</translation>
    </message>
    <message>
        <source>Skipped {day} for {name}.</source>
        <translation>Se saltó el {day} de {name}.</translation>
    </message>
    <message>
        <source>Could not undo</source>
        <translation>No se pudo deshacer</translation>
    </message>
    <message>
        <source>{name}, {when} is scheduled again.</source>
        <translation>{name}, {when} vuelve a estar programada.</translation>
    </message>
</context>
<context>
    <name>AmendNoteDialog</name>
    <message>
        <source>Amend the note of {day}</source>
        <translation>Enmendar la nota del {day}</translation>
    </message>
    <message>
        <source>The signed note stays exactly as it was signed. What you change here is added beside it as an amendment, with the date and your reason.</source>
        <translation>La nota firmada queda tal como la firmaste. Lo que cambies aquí se agrega junto a ella como enmienda, con la fecha y tu motivo.</translation>
    </message>
    <message>
        <source>Plan for next time</source>
        <translation>Plan para la próxima vez</translation>
    </message>
    <message>
        <source>Why the note is amended (required)</source>
        <translation>Por qué enmiendas la nota (obligatorio)</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Motivo *</translation>
    </message>
    <message>
        <source>Add amendment</source>
        <translation>Agregar enmienda</translation>
    </message>
    <message>
        <source>The note was not amended</source>
        <translation>La nota no se enmendó</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
    </message>
</context>
<context>
    <name>AnswerRow</name>
    <message>
        <source>Clear</source>
        <translation>Borrar</translation>
    </message>
    <message>
        <source>Leave this question unanswered</source>
        <translation>Dejar esta pregunta sin responder</translation>
    </message>
    <message>
        <source>Clear the answer to question {number}</source>
        <translation>Borrar la respuesta a la pregunta {number}</translation>
    </message>
    <message>
        <source>Clear this answer</source>
        <translation>Borrar esta respuesta</translation>
    </message>
    <message>
        <source>Question {number}: {answer}</source>
        <translation>Pregunta {number}: {answer}</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Practice cannot open this database</source>
        <translation>Practice no puede abrir esta base de datos</translation>
    </message>
    <message>
        <source>The daily backup FAILED — see the message.</source>
        <translation>La copia de seguridad diaria FALLÓ: mira el mensaje.</translation>
    </message>
    <message>
        <source>The manual backup FAILED — see the message.</source>
        <translation>La copia de seguridad que pediste FALLÓ: mira el mensaje.</translation>
    </message>
    <message>
        <source>The exit backup FAILED — see the message.</source>
        <translation>La copia de seguridad al cerrar FALLÓ: mira el mensaje.</translation>
    </message>
    <message>
        <source>The backup FAILED — see the message.</source>
        <translation>La copia de seguridad FALLÓ: mira el mensaje.</translation>
    </message>
    <message>
        <source>A practice on a server is protected by the server: its disk encryption and its passwords. Encryption here is for a practice file.</source>
        <translation>Una consulta en un servidor la protege el servidor: el cifrado de su disco y sus contraseñas. El cifrado de aquí es para un archivo de consulta.</translation>
    </message>
    <message>
        <source> — on {server}</source>
        <translation> — en el servidor {server}</translation>
    </message>
    <message>
        <source>The backup could not be restored</source>
        <translation>No se pudo restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>Restored the backup of {when}; the previous file is kept as {name}.</source>
        <translation>Se restauró la copia del {when}; el archivo anterior se guarda como {name}.</translation>
    </message>
    <message>
        <source>Restored the backup of {when}.</source>
        <translation>Se restauró la copia del {when}.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>A session window is open. Finish or close it, then connect to the server.</source>
        <translation>Hay una ventana de sesión abierta. Termínala o ciérrala y después conéctate al servidor.</translation>
    </message>
    <message>
        <source>Warning: the database is in a risky place (see the message).</source>
        <translation>Atención: la base de datos está en un lugar riesgoso (mira el mensaje).</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Haciendo copia de seguridad…</translation>
    </message>
    <message>
        <source>Backed up and verified at {time}: {name}</source>
        <translation>Copia hecha y verificada a las {time}: {name}</translation>
    </message>
    <message>
        <source>Finish the open session first</source>
        <translation>Primero termina la sesión abierta</translation>
    </message>
    <message>
        <source>A session window is open. Finish or close it, then restore the backup.</source>
        <translation>Hay una ventana de sesión abierta. Termínala o ciérrala y luego restaura la copia.</translation>
    </message>
    <message>
        <source>This backup is of another practice</source>
        <translation>Esta copia es de otra consulta</translation>
    </message>
    <message>
        <source>{problem}

Restore it anyway? The current file is kept aside.</source>
        <translation>{problem}

¿Restaurarla de todos modos? El archivo actual se guarda aparte.</translation>
    </message>
    <message>
        <source>The backup was not restored</source>
        <translation>La copia de seguridad no se restauró</translation>
    </message>
    <message>
        <source>Restored {source}; the previous file is kept as {name}.</source>
        <translation>Se restauró {source}; el archivo anterior se guarda como {name}.</translation>
    </message>
    <message>
        <source>Restored {source}.</source>
        <translation>Se restauró {source}.</translation>
    </message>
</context>
<context>
    <name>AppMenus</name>
    <message>
        <source>&amp;Preferences…</source>
        <translation>&amp;Preferencias…</translation>
    </message>
    <message>
        <source>Practice &amp;help</source>
        <translation>A&amp;yuda de Practice</translation>
    </message>
    <message>
        <source>{name} — {app}</source>
        <translation>{name} — {app}</translation>
    </message>
    <message>
        <source>Practice help</source>
        <translation>Ayuda de Practice</translation>
    </message>
    <message>
        <source>The help is not installed with this copy of Practice. Everything else works; to get the help back, install Practice again.</source>
        <translation>La ayuda no está instalada en esta copia de Practice. Todo lo demás funciona; para recuperar la ayuda, vuelve a instalar Practice.</translation>
    </message>
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Mondays</source>
        <translation>los lunes</translation>
    </message>
    <message>
        <source>Tuesdays</source>
        <translation>los martes</translation>
    </message>
    <message>
        <source>Wednesdays</source>
        <translation>los miércoles</translation>
    </message>
    <message>
        <source>Thursdays</source>
        <translation>los jueves</translation>
    </message>
    <message>
        <source>Fridays</source>
        <translation>los viernes</translation>
    </message>
    <message>
        <source>Saturdays</source>
        <translation>los sábados</translation>
    </message>
    <message>
        <source>Sundays</source>
        <translation>los domingos</translation>
    </message>
    <message>
        <source>Move appointment</source>
        <translation>Mover cita</translation>
    </message>
    <message>
        <source>New appointment</source>
        <translation>Nueva cita</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Repetir</translation>
    </message>
    <message>
        <source>every </source>
        <translation>cada </translation>
    </message>
    <message>
        <source> week(s)</source>
        <translation> semana(s)</translation>
    </message>
    <message>
        <source>Repeat every how many weeks</source>
        <translation>Repetir cada cuántas semanas</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Repetir hasta</translation>
    </message>
    <message>
        <source>Untick a date to skip it</source>
        <translation>Desmarca una fecha para saltarla</translation>
    </message>
    <message>
        <source>Dates of the series</source>
        <translation>Fechas de la serie</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Dates (untick one to skip it):</source>
        <translation>Fechas (desmarca una para saltarla):</translation>
    </message>
    <message>
        <source>Only this appointment</source>
        <translation>Solo esta cita</translation>
    </message>
    <message>
        <source>This and the following ones</source>
        <translation>Esta y las siguientes</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>Empieza</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Termina</translation>
    </message>
    <message>
        <source>this appointment</source>
        <translation>esta cita</translation>
    </message>
    <message>
        <source>For: {name}</source>
        <translation>Para: {name}</translation>
    </message>
    <message>
        <source>{title} — {name}</source>
        <translation>{title} — {name}</translation>
    </message>
    <message>
        <source>This and the following ones ({count} appointments)</source>
        <translation>Esta y las siguientes ({count} citas)</translation>
    </message>
    <message>
        <source>Choose a client…</source>
        <translation>Elige un cliente…</translation>
    </message>
    <message>
        <source>Choose the client; their usual day and time is suggested.</source>
        <translation>Elige el cliente; se sugiere su día y hora de siempre.</translation>
    </message>
    <message>
        <source>No earlier appointments to suggest a usual day and time.</source>
        <translation>No hay citas anteriores para sugerir un día y una hora.</translation>
    </message>
    <message>
        <source>Usually {days} at {time}, {minutes} min.</source>
        <translation>Suele venir {days} a las {time}, {minutes} min.</translation>
    </message>
    <message>
        <source>The appointment must end after it starts.</source>
        <translation>La cita tiene que terminar después de empezar.</translation>
    </message>
    <message>
        <source>Choose the client for this appointment.</source>
        <translation>Elige el cliente de esta cita.</translation>
    </message>
    <message>
        <source>The appointment was not saved</source>
        <translation>La cita no se guardó</translation>
    </message>
    <message>
        <source>Saved, with a warning</source>
        <translation>Guardada, con un aviso</translation>
    </message>
    <message>
        <source>This time is taken</source>
        <translation>Este horario está ocupado</translation>
    </message>
    <message>
        <source>…and {count} more</source>
        <translation>…y {count} más</translation>
    </message>
    <message>
        <source>This time overlaps another appointment:

{times}</source>
        <translation>Este horario se superpone con otra cita:

{times}</translation>
    </message>
    <message>
        <source>Book it anyway, or choose another time?</source>
        <translation>¿Reservarla de todos modos o elegir otro horario?</translation>
    </message>
    <message>
        <source>Book anyway</source>
        <translation>Reservar de todos modos</translation>
    </message>
    <message>
        <source>Choose another time</source>
        <translation>Elegir otro horario</translation>
    </message>
</context>
<context>
    <name>AppointmentTableModel</name>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>{minutes} min</source>
        <translation>{minutes} min</translation>
    </message>
    <message>
        <source>{format} (signed)</source>
        <translation>{format} (firmada)</translation>
    </message>
    <message>
        <source>{format} (draft)</source>
        <translation>{format} (borrador)</translation>
    </message>
</context>
<context>
    <name>AppointmentTree</name>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>done</source>
        <translation>hecho</translation>
    </message>
    <message>
        <source>partly done</source>
        <translation>hecho en parte</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>no hecho</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>no contestó</translation>
    </message>
    <message>
        <source>kept</source>
        <translation>se mantiene</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelada</translation>
    </message>
    <message>
        <source>to be moved</source>
        <translation>por mover</translation>
    </message>
    <message>
        <source>session started</source>
        <translation>sesión empezada</translation>
    </message>
    <message>
        <source>note written</source>
        <translation>nota escrita</translation>
    </message>
    <message>
        <source>note not signed yet</source>
        <translation>nota aún sin firmar</translation>
    </message>
    <message>
        <source>prep ready</source>
        <translation>preparación lista</translation>
    </message>
    <message>
        <source>first session</source>
        <translation>primera sesión</translation>
    </message>
    <message>
        <source>⚠ cannot postpone treatment</source>
        <translation>⚠ no puede posponer el tratamiento</translation>
    </message>
    <message>
        <source>call: {outcome}, {decision}</source>
        <translation>llamada: {outcome}, {decision}</translation>
    </message>
    <message>
        <source>conditional: call due today</source>
        <translation>condicional: llamar hoy</translation>
    </message>
    <message>
        <source>conditional sessions</source>
        <translation>sesiones condicionales</translation>
    </message>
    <message>
        <source>Today — {day}</source>
        <translation>Hoy — {day}</translation>
    </message>
    <message>
        <source>Tomorrow — {day}</source>
        <translation>Mañana — {day}</translation>
    </message>
    <message>
        <source>No appointments</source>
        <translation>Sin citas</translation>
    </message>
    <message>
        <source>⚠ Overlaps {name}, {start}–{end}</source>
        <translation>⚠ Se superpone con {name}, {start}–{end}</translation>
    </message>
</context>
<context>
    <name>AssignStep</name>
    <message>
        <source>Assign homework</source>
        <translation>Asignar tarea</translation>
    </message>
    <message>
        <source>Add homework  (Alt+A)</source>
        <translation>Agregar tarea  (Alt+A)</translation>
    </message>
    <message>
        <source>No new homework yet. Add one, or go on to Done to finish without setting any.</source>
        <translation>Todavía no hay tarea nueva. Agrega una, o sigue a Listo para terminar sin asignar ninguna.</translation>
    </message>
    <message>
        <source>Next homework</source>
        <translation>Próxima tarea</translation>
    </message>
    <message>
        <source>Level, language, large print and way to record come from the client's profile; change them here for this task. The due date is the next appointment.</source>
        <translation>El nivel, el idioma, la letra grande y la forma de registrar vienen del perfil del cliente; cámbialos aquí para esta tarea. La fecha de entrega es la próxima cita.</translation>
    </message>
    <message>
        <source>Stage of change: &lt;b&gt;{stage}&lt;/b&gt;. Homework that fits: {fits}</source>
        <translation>Etapa de cambio: &lt;b&gt;{stage}&lt;/b&gt;. Tareas que encajan: {fits}</translation>
    </message>
    <message>
        <source>New homework {number}</source>
        <translation>Tarea nueva {number}</translation>
    </message>
    <message>
        <source>Replaces the running {title} (code {code}).</source>
        <translation>Reemplaza la tarea en curso {title} (código {code}).</translation>
    </message>
    <message>
        <source>Runs beside the running {title} (code {code}).</source>
        <translation>Va junto a la tarea en curso {title} (código {code}).</translation>
    </message>
</context>
<context>
    <name>AssignmentCard</name>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Do not set this homework</source>
        <translation>No asignar esta tarea</translation>
    </message>
</context>
<context>
    <name>AssignmentDialog</name>
    <message>
        <source>Homework</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Assign homework to {name}</source>
        <translation>Asignar tarea a {name}</translation>
    </message>
    <message>
        <source>Assign homework</source>
        <translation>Asignar tarea</translation>
    </message>
    <message>
        <source>Change “{title}” into another task</source>
        <translation>Cambiar «{title}» por otra tarea</translation>
    </message>
    <message>
        <source>The new task replaces &lt;b&gt;{title}&lt;/b&gt; (code {code}); the old one is kept, marked replaced, and links to the new one.</source>
        <translation>La nueva tarea reemplaza a &lt;b&gt;{title}&lt;/b&gt; (código {code}); la anterior se conserva, marcada como reemplazada y enlazada a la nueva.</translation>
    </message>
    <message>
        <source>Homework details</source>
        <translation>Detalles de la tarea</translation>
    </message>
    <message>
        <source>Why the task is changed (required)</source>
        <translation>Por qué cambias la tarea (obligatorio)</translation>
    </message>
    <message>
        <source>Reason for the change *</source>
        <translation>Motivo del cambio *</translation>
    </message>
    <message>
        <source>Change task</source>
        <translation>Cambiar tarea</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Dejarlo así</translation>
    </message>
    <message>
        <source>The homework is saved; close with the text as it is.</source>
        <translation>La tarea está guardada; cierra con el texto tal como está.</translation>
    </message>
    <message>
        <source>this homework</source>
        <translation>esta tarea</translation>
    </message>
    <message>
        <source>Please give a reason for the change.</source>
        <translation>Escribe el motivo del cambio.</translation>
    </message>
    <message>
        <source>The homework was not saved</source>
        <translation>La tarea no se guardó</translation>
    </message>
    <message>
        <source>Saved with your text. You can keep it, or save a simpler version.
{check}</source>
        <translation>Se guardó con tu texto. Puedes dejarlo así o guardar una versión más sencilla.
{check}</translation>
    </message>
    <message>
        <source>Save the new text</source>
        <translation>Guardar el texto nuevo</translation>
    </message>
    <message>
        <source>Please correct the fields marked in red; nothing was saved.</source>
        <translation>Corrige los campos marcados en rojo; no se guardó nada.</translation>
    </message>
</context>
<context>
    <name>AssignmentForm</name>
    <message>
        <source>Reminder time</source>
        <translation>Hora del recordatorio</translation>
    </message>
    <message>
        <source>Some of your own templates could not be loaded; the others can be used:</source>
        <translation>Algunas de tus plantillas no se pudieron cargar; las demás se pueden usar:</translation>
    </message>
    <message>
        <source>… and {count} more (`practice sheet --list` lists them all).</source>
        <translation>… y {count} más (`practice sheet --list` las muestra todas).</translation>
    </message>
    <message>
        <source>Large print (18 pt and up)</source>
        <translation>Letra grande (18 pt o más)</translation>
    </message>
    <message>
        <source> times a week</source>
        <translation> veces por semana</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Sin fecha de entrega</translation>
    </message>
    <message>
        <source>Alarm set together in session</source>
        <translation>Alarma puesta juntos en la sesión</translation>
    </message>
    <message>
        <source>Reminder card printed</source>
        <translation>Tarjeta recordatoria impresa</translation>
    </message>
    <message>
        <source>e.g. Shouting at my son</source>
        <translation>p. ej., Gritarle a mi hijo</translation>
    </message>
    <message>
        <source>Printed at the top of the sheet, after the template's label</source>
        <translation>Se imprime arriba en la hoja, después de la etiqueta de la plantilla</translation>
    </message>
    <message>
        <source>Target behavior</source>
        <translation>Conducta objetivo</translation>
    </message>
    <message>
        <source>What the client does, in their words</source>
        <translation>Lo que hace el cliente, con sus palabras</translation>
    </message>
    <message>
        <source>Why this helps you, for the client</source>
        <translation>Por qué te ayuda, para el cliente</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>Why this helps you</source>
        <translation>Por qué te ayuda</translation>
    </message>
    <message>
        <source>Use the template's text</source>
        <translation>Usar el texto de la plantilla</translation>
    </message>
    <message>
        <source>Take title, instructions and 'why this helps you' again from the template</source>
        <translation>Tomar de nuevo de la plantilla el título, las instrucciones y «por qué te ayuda»</translation>
    </message>
    <message>
        <source>Teach-back done: the client said the task in their own words</source>
        <translation>Explicación de vuelta: el cliente explicó la tarea con sus palabras</translation>
    </message>
    <message>
        <source>Value discussed: what the task does for the client</source>
        <translation>Valor hablado: para qué le sirve la tarea al cliente</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Título *</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Way to record</source>
        <translation>Forma de registrar</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Due (bring it on)</source>
        <translation>Entrega (traerla el)</translation>
    </message>
    <message>
        <source>at</source>
        <translation>a las</translation>
    </message>
    <message>
        <source>Reminder plan</source>
        <translation>Plan de recordatorios</translation>
    </message>
    <message>
        <source>Remind by</source>
        <translation>Recordar por</translation>
    </message>
    <message>
        <source>For the client (printed on the sheet)</source>
        <translation>Para el cliente (impreso en la hoja)</translation>
    </message>
    <message>
        <source>In session</source>
        <translation>En la sesión</translation>
    </message>
    <message>
        <source>Texts follow the template at this level and language.</source>
        <translation>Los textos siguen la plantilla en este nivel e idioma.</translation>
    </message>
    <message>
        <source>title</source>
        <translation>título</translation>
    </message>
    <message>
        <source>instructions</source>
        <translation>instrucciones</translation>
    </message>
    <message>
        <source>why</source>
        <translation>por qué</translation>
    </message>
    <message>
        <source>Your edits are kept when the template, level or language changes: {fields}.</source>
        <translation>Tus cambios se conservan si cambias la plantilla, el nivel o el idioma: {fields}.</translation>
    </message>
    <message>
        <source>Write the reminder time as HH:MM (24-hour).</source>
        <translation>Escribe la hora del recordatorio como HH:MM (24 horas).</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Amend</source>
        <translation>Enmendar</translation>
    </message>
    <message>
        <source>Assign</source>
        <translation>Asignar</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Copia de seguridad</translation>
    </message>
    <message>
        <source>Call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>Cancel refused</source>
        <translation>Cancelación rechazada</translation>
    </message>
    <message>
        <source>Cancel under override</source>
        <translation>Cancelación con excepción</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Completar</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Crear</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <source>Drop</source>
        <translation>Abandonar</translation>
    </message>
    <message>
        <source>Encrypt</source>
        <translation>Cifrar</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Terminar</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Export all</source>
        <translation>Exportar todo</translation>
    </message>
    <message>
        <source>Failure</source>
        <translation>Fallo</translation>
    </message>
    <message>
        <source>Import filled</source>
        <translation>Importar hoja completada</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Cannot postpone</source>
        <translation>No puede posponer</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Conservar ambas</translation>
    </message>
    <message>
        <source>Lock taken over</source>
        <translation>Control tomado</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>Mover</translation>
    </message>
    <message>
        <source>Move following</source>
        <translation>Mover las siguientes</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Open notes</source>
        <translation>Abrir notas</translation>
    </message>
    <message>
        <source>Raised</source>
        <translation>Planteado</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Reminder card</source>
        <translation>Tarjeta recordatoria</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Reschedule</source>
        <translation>Reprogramar</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Tomar el control</translation>
    </message>
    <message>
        <source>Risk override</source>
        <translation>Excepción por riesgo</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Programar</translation>
    </message>
    <message>
        <source>Seed demo</source>
        <translation>Datos de demostración</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Enviado</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Firmar</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Saltar</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Etapa</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Unraised</source>
        <translation>Sin plantear</translation>
    </message>
    <message>
        <source>Unsent</source>
        <translation>Sin enviar</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Every change to your records, backup, restore and export, in order. Events name records by number, never by a client's name. They cannot be edited or deleted, and each is chained to the one before, so a change made outside Practice shows up when you verify the chain.</source>
        <translation>Cada cambio en tus registros, copia de seguridad, restauración y exportación, en orden. Los eventos nombran los registros por número, nunca por el nombre de un cliente. No se pueden editar ni borrar, y cada uno está encadenado al anterior, así que un cambio hecho fuera de Practice aparece al verificar la cadena.</translation>
    </message>
    <message>
        <source>Search in what happened</source>
        <translation>Buscar en lo que pasó</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Quitar filtros</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Abrir cliente</translation>
    </message>
    <message>
        <source>Open the client this record belongs to</source>
        <translation>Abrir el cliente al que pertenece este registro</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Verificar cadena</translation>
    </message>
    <message>
        <source>any day</source>
        <translation>cualquier día</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Todos los registros</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>Todas las acciones</translation>
    </message>
    <message numerus="yes">
        <source>Events shown: {shown} of %n</source>
        <translation><numerusform>Eventos mostrados: {shown} de %n</numerusform><numerusform>Eventos mostrados: {shown} de %n</numerusform></translation>
    </message>
    <message>
        <source>{shown} (the newest {page}; narrow the filters to see older ones)</source>
        <translation>{shown} (los {page} más recientes; ajusta los filtros para ver los anteriores)</translation>
    </message>
    <message>
        <source>This event is not about one client's record.</source>
        <translation>Este evento no trata del registro de un cliente.</translation>
    </message>
    <message numerus="yes">
        <source>✓ Chain verified: every event is intact, none changed or missing (events checked: %n, at {time}).</source>
        <translation><numerusform>✓ Cadena verificada: todos los eventos están intactos, ninguno cambiado ni faltante (%n evento revisado, a las {time}).</numerusform><numerusform>✓ Cadena verificada: todos los eventos están intactos, ninguno cambiado ni faltante (%n eventos revisados, a las {time}).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>✗ The audit trail was changed outside Practice (problems found: %n): {listed}</source>
        <translation><numerusform>✗ El registro de auditoría se cambió fuera de Practice (%n problema): {listed}</numerusform><numerusform>✗ El registro de auditoría se cambió fuera de Practice (%n problemas): {listed}</numerusform></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
</context>
<context>
    <name>AuditTableModel</name>
    <message>
        <source>When</source>
        <translation>Cuándo</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>N.º</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Qué pasó</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Computadora</translation>
    </message>
    <message>
        <source>Database user</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>{details}

As recorded: {summary}</source>
        <translation>{details}

Tal como se registró: {summary}</translation>
    </message>
    <message>
        <source>The details as they were recorded at the time: the trail is never rewritten, so older entries may be in English.</source>
        <translation>Los detalles tal como se registraron en su momento: el registro nunca se reescribe, así que las entradas antiguas pueden estar en inglés.</translation>
    </message>
    <message>
        <source>The computer, and the database user it signed in as, that wrote the event (empty for events recorded before computers were recorded).</source>
        <translation>La computadora que registró el evento, y el usuario de la base de datos con que entró (vacío en los eventos de antes de que se registraran las computadoras).</translation>
    </message>
</context>
<context>
    <name>AutoLock</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation><numerusform>%n minuto</numerusform><numerusform>%n minutos</numerusform></translation>
    </message>
    <message>
        <source>{minutes} minutes</source>
        <translation>{minutes} minutos</translation>
    </message>
    <message>
        <source>It locked itself after {minutes} without use, to keep client records private.</source>
        <translation>Se bloqueó solo tras {minutes} sin uso, para mantener privados los expedientes de tus clientes.</translation>
    </message>
    <message>
        <source>Client records are hidden.</source>
        <translation>Los expedientes de los clientes están ocultos.</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Taken</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Verificación</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Tamaño</translation>
    </message>
    <message>
        <source>Backed up by you</source>
        <translation>Hecha por ti</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>When Practice closed</source>
        <translation>Al cerrar Practice</translation>
    </message>
    <message>
        <source>Before an upgrade</source>
        <translation>Antes de una actualización</translation>
    </message>
    <message>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificada</translation>
    </message>
    <message>
        <source>FAILED — not usable</source>
        <translation>FALLÓ — no se puede usar</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
    <message>
        <source>Backups of {name}</source>
        <translation>Copias de seguridad de {name}</translation>
    </message>
    <message>
        <source>Practice backs up when it starts (once a day), every time it closes, and before it upgrades the file. Each backup is checked right after it is written. Older backups are thinned out: one a day for 14 days, one a week for 8 weeks, one a month for 12 months.</source>
        <translation>Practice hace una copia al iniciarse (una vez al día), cada vez que se cierra y antes de actualizar el archivo. Cada copia se comprueba justo después de escribirla. Las copias antiguas se van reduciendo: una al día durante 14 días, una a la semana durante 8 semanas y una al mes durante 12 meses.</translation>
    </message>
    <message>
        <source>Each backup of the practice on the server is a copy of its whole database, kept on this computer and checked right after it is written. Older backups are thinned out: one a day for 14 days, one a week for 8 weeks, one a month for 12 months.</source>
        <translation>Cada copia de seguridad de la consulta en el servidor es una copia de toda su base de datos, guardada en esta computadora y revisada justo después de escribirse. Las copias antiguas se van reduciendo: una por día durante 14 días, una por semana durante 8 semanas y una por mes durante 12 meses.</translation>
    </message>
    <message>
        <source>Change folder…</source>
        <translation>Cambiar carpeta…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>There are no backups of this database in this folder yet.</source>
        <translation>Todavía no hay copias de esta base de datos en esta carpeta.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Restaurar…</translation>
    </message>
    <message>
        <source>Restore another file…</source>
        <translation>Restaurar otro archivo…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>{database} on {server}</source>
        <translation>{database} en {server}</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>esta computadora</translation>
    </message>
    <message>
        <source>Folder: {path}</source>
        <translation>Carpeta: {path}</translation>
    </message>
    <message>
        <source>the backup of {time} ({kind})</source>
        <translation>la copia del {time} ({kind})</translation>
    </message>
    <message>
        <source>Restore from a backup file</source>
        <translation>Restaurar desde un archivo de copia de seguridad</translation>
    </message>
    <message>
        <source>Practice backups (*.sqlite3)</source>
        <translation>Copias de seguridad de Practice (*.sqlite3)</translation>
    </message>
    <message>
        <source>Practice server backups (*.pgdump)</source>
        <translation>Copias de seguridad de Practice en un servidor (*.pgdump)</translation>
    </message>
    <message>
        <source>that backup was taken</source>
        <translation>que se hizo esa copia</translation>
    </message>
    <message>
        <source>&lt;time&gt;</source>
        <translation>&lt;hora&gt;</translation>
    </message>
    <message>
        <source>Restore {what}?

The backup is restored into a new database on the server and checked first. The practice's current database is not deleted: it is kept on the server as {kept_name}.

Practice must be closed on the other computers first. Changes made after {since} are not in the backup. Practice reopens with the restored data.</source>
        <translation>¿Restaurar {what}?

La copia se restaura primero en una base de datos nueva del servidor y se revisa. La base de datos actual de la consulta no se borra: se guarda en el servidor como {kept_name}.

Antes, cierra Practice en las demás computadoras. Los cambios hechos después de {since} no están en la copia. Practice vuelve a abrirse con los datos restaurados.</translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation>¿Restaurar esta copia?</translation>
    </message>
    <message>
        <source>Restore {what}?

The current database file is not deleted: it is kept aside as {kept_name} in {folder}.

Changes made after {since} are not in the backup. Practice reopens with the restored data.</source>
        <translation>¿Restaurar {what}?

El archivo actual de la base de datos no se borra: se guarda aparte como {kept_name} en {folder}.

Los cambios hechos después de {since} no están en la copia. Practice se vuelve a abrir con los datos restaurados.</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
</context>
<context>
    <name>CallDialog</name>
    <message>
        <source>Done</source>
        <translation>Hecho</translation>
    </message>
    <message>
        <source>Partly done</source>
        <translation>Hecho en parte</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>No hecho</translation>
    </message>
    <message>
        <source>Not reached</source>
        <translation>No contestó</translation>
    </message>
    <message>
        <source>Keep the session</source>
        <translation>Mantener la sesión</translation>
    </message>
    <message>
        <source>Cancel the session (self-record not done)</source>
        <translation>Cancelar la sesión (autorregistro no hecho)</translation>
    </message>
    <message>
        <source>Move the session</source>
        <translation>Mover la sesión</translation>
    </message>
    <message>
        <source>Day-before call — {name}</source>
        <translation>Llamada del día anterior — {name}</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>«{title}»</translation>
    </message>
    <message>
        <source>the self-record</source>
        <translation>el autorregistro</translation>
    </message>
    <message>
        <source>no phone number on file</source>
        <translation>sin teléfono registrado</translation>
    </message>
    <message>
        <source>&lt;b&gt;Phone:&lt;/b&gt; &lt;span style='font-size:12pt;'&gt;{phone}&lt;/span&gt;&lt;br&gt;&lt;b&gt;Session:&lt;/b&gt; {when}&lt;br&gt;Ask {name} whether {what} is done.</source>
        <translation>&lt;b&gt;Teléfono:&lt;/b&gt; &lt;span style='font-size:12pt;'&gt;{phone}&lt;/span&gt;&lt;br&gt;&lt;b&gt;Sesión:&lt;/b&gt; {when}&lt;br&gt;Pregúntale a {name} si hizo {what}.</translation>
    </message>
    <message>
        <source>Conditional sessions are on under an override; consulted: {consulted}. A cancellation asks you again.</source>
        <translation>Las sesiones condicionales están activas por una excepción; se consultó a: {consulted}. Si cancelas, se te vuelve a preguntar.</translation>
    </message>
    <message>
        <source>No override naming who was consulted is active, so this session cannot be cancelled for a missing self-record: keep it or move it.</source>
        <translation>No hay una excepción activa que diga a quién se consultó, así que esta sesión no se puede cancelar por falta de autorregistro: mantenla o muévela.</translation>
    </message>
    <message>
        <source>Was the self-record done?</source>
        <translation>¿Hizo el autorregistro?</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Choose the new time now</source>
        <translation>Elegir el nuevo horario ahora</translation>
    </message>
    <message>
        <source>Note (optional): what was said.</source>
        <translation>Nota (opcional): lo que se habló.</translation>
    </message>
    <message>
        <source>Log call</source>
        <translation>Registrar llamada</translation>
    </message>
    <message>
        <source>this call</source>
        <translation>esta llamada</translation>
    </message>
    <message>
        <source>The self-record was done: keep the session or move it.</source>
        <translation>El autorregistro está hecho: mantén la sesión o muévela.</translation>
    </message>
    <message>
        <source>Overridden after consulting {consulted}.</source>
        <translation>Excepción tras consultar a {consulted}.</translation>
    </message>
    <message>
        <source>Cancel the session?</source>
        <translation>¿Cancelar la sesión?</translation>
    </message>
    <message>
        <source>{name}: the session of {when} will be cancelled and marked “Cancelled — self-record not done”. It shows in the client's history strip.

Cancel the session?</source>
        <translation>{name}: la sesión del {when} se cancelará y se marcará como «Cancelada: autorregistro no hecho». Se verá en la franja de historial del cliente.

¿Cancelar la sesión?</translation>
    </message>
    <message>
        <source>The call was not logged</source>
        <translation>La llamada no se registró</translation>
    </message>
</context>
<context>
    <name>CallRow</name>
    <message>
        <source>“{title}”</source>
        <translation>«{title}»</translation>
    </message>
    <message>
        <source>the self-record</source>
        <translation>el autorregistro</translation>
    </message>
    <message>
        <source>no phone number on file</source>
        <translation>sin teléfono registrado</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; · ☎ &lt;b&gt;{phone}&lt;/b&gt;&lt;br&gt;Session {day} at {time}. Ask whether {what} is done.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; · ☎ &lt;b&gt;{phone}&lt;/b&gt;&lt;br&gt;Sesión el {day} a las {time}. Pregunta si hizo {what}.</translation>
    </message>
    <message>
        <source>Log call…</source>
        <translation>Registrar llamada…</translation>
    </message>
    <message>
        <source>The day-before call to {name}</source>
        <translation>La llamada del día anterior a {name}</translation>
    </message>
</context>
<context>
    <name>ClientExportDialog</name>
    <message>
        <source>Export this client's record</source>
        <translation>Exportar el expediente de este cliente</translation>
    </message>
    <message>
        <source>The whole record: profile, sessions with their notes and amendments, homework with its reviews, conditional sessions and calls. PDF to read or print; JSON for another program.</source>
        <translation>El expediente completo: perfil, sesiones con sus notas y enmiendas, tareas con sus revisiones, sesiones condicionales y llamadas. PDF para leer o imprimir; JSON para otro programa.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save as JSON…</source>
        <translation>Guardar como JSON…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>{last_name} {first_name} record</source>
        <translation>Expediente {last_name} {first_name}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>Archivos JSON (*.json)</translation>
    </message>
    <message>
        <source>Save the record as PDF</source>
        <translation>Guardar el expediente como PDF</translation>
    </message>
    <message>
        <source>Save the record as JSON</source>
        <translation>Guardar el expediente como JSON</translation>
    </message>
    <message>
        <source>Saved {path} ({kind}, with psychotherapy notes).</source>
        <translation>Guardado en {path} ({kind}, con notas de psicoterapia).</translation>
    </message>
    <message>
        <source>Saved {path} ({kind}, without psychotherapy notes).</source>
        <translation>Guardado en {path} ({kind}, sin notas de psicoterapia).</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>printed on sheets, e.g. Mari</source>
        <translation>se imprime en las hojas, p. ej., Mari</translation>
    </message>
    <message>
        <source>e.g. 4 Mar 1980 (leave empty if not known)</source>
        <translation>p. ej., 4 mar 1980 (déjalo vacío si no se sabe)</translation>
    </message>
    <message>
        <source>name@example.org</source>
        <translation>nombre@ejemplo.org</translation>
    </message>
    <message>
        <source>Street, town, postcode</source>
        <translation>Calle, ciudad, código postal</translation>
    </message>
    <message>
        <source>Name, relation, phone</source>
        <translation>Nombre, parentesco, teléfono</translation>
    </message>
    <message>
        <source>e.g. 4 Mar 2025 (today if empty)</source>
        <translation>p. ej., 4 mar 2025 (hoy si está vacío)</translation>
    </message>
    <message>
        <source>Pick the birth date on a calendar</source>
        <translation>Elegir la fecha de nacimiento en un calendario</translation>
    </message>
    <message>
        <source>Pick the date of the first session on a calendar</source>
        <translation>Elegir la fecha de la primera sesión en un calendario</translation>
    </message>
    <message>
        <source>Large print (18 pt and up)</source>
        <translation>Letra grande (18 pt o más)</translation>
    </message>
    <message>
        <source>Not assessed yet</source>
        <translation>Aún sin evaluar</translation>
    </message>
    <message>
        <source>Cannot postpone treatment (risk, crisis, severity)</source>
        <translation>No puede posponer tratamiento (riesgo, crisis, gravedad)</translation>
    </message>
    <message>
        <source>Why treatment cannot be postponed</source>
        <translation>Por qué no se puede posponer el tratamiento</translation>
    </message>
    <message>
        <source>Optional. Private: kept out of logs</source>
        <translation>Opcional. Privado: fuera del registro técnico</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Persona</translation>
    </message>
    <message>
        <source>First name *</source>
        <translation>Nombre *</translation>
    </message>
    <message>
        <source>Last name *</source>
        <translation>Apellidos *</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Client since</source>
        <translation>Cliente desde</translation>
    </message>
    <message>
        <source>Sheets and reminders</source>
        <translation>Hojas y recordatorios</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Literacy level</source>
        <translation>Nivel de lectura</translation>
    </message>
    <message>
        <source>Preferred way to record</source>
        <translation>Forma de registrar preferida</translation>
    </message>
    <message>
        <source>Reminders by</source>
        <translation>Recordatorios por</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Hora del recordatorio</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>Atención</translation>
    </message>
    <message>
        <source>Diagnosis or
presenting problem</source>
        <translation>Diagnóstico o
motivo de consulta</translation>
    </message>
    <message>
        <source>Stage of change</source>
        <translation>Etapa de cambio</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Deshacer cambios</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausar</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <source>Discharge…</source>
        <translation>Dar de alta…</translation>
    </message>
    <message>
        <source>Client profile</source>
        <translation>Perfil del cliente</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;{status}&lt;/b&gt; since {day}</source>
        <translation>Estado: &lt;b&gt;{status}&lt;/b&gt; desde el {day}</translation>
    </message>
    <message>
        <source>Status: &lt;b&gt;{status}&lt;/b&gt;</source>
        <translation>Estado: &lt;b&gt;{status}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>the new client's profile</source>
        <translation>el perfil del nuevo cliente</translation>
    </message>
    <message>
        <source>the profile of {name}</source>
        <translation>el perfil de {name}</translation>
    </message>
    <message>
        <source>Stance: {stance} Homework: {homework}</source>
        <translation>Postura: {stance} Tareas que encajan: {homework}</translation>
    </message>
    <message>
        <source>Please write the birth date as a day like 4 Mar 1980 (or YYYY-MM-DD).</source>
        <translation>Escribe la fecha de nacimiento como un día, por ejemplo 4 mar 1980 (o AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Please write the first session's date as a day like 4 Mar 2025 (or YYYY-MM-DD).</source>
        <translation>Escribe la fecha de la primera sesión como un día, por ejemplo 4 mar 2025 (o AAAA-MM-DD).</translation>
    </message>
    <message>
        <source>Please write the reminder time as HH:MM (24-hour).</source>
        <translation>Escribe la hora del recordatorio como HH:MM (24 horas).</translation>
    </message>
    <message>
        <source>Say briefly why treatment cannot be postponed.</source>
        <translation>Explica brevemente por qué no se puede posponer el tratamiento.</translation>
    </message>
    <message>
        <source>The client was not saved</source>
        <translation>El cliente no se guardó</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>Motivo de consulta</translation>
    </message>
    <message>
        <source>Please correct the fields marked above; nothing was saved.</source>
        <translation>Corrige los campos marcados arriba; no se guardó nada.</translation>
    </message>
    <message>
        <source>The status was not changed</source>
        <translation>El estado no se cambió</translation>
    </message>
    <message>
        <source>Discharge client</source>
        <translation>Dar de alta</translation>
    </message>
    <message>
        <source>Discharge {name}? Their records stay; you can resume later.</source>
        <translation>¿Dar de alta a {name}? Su expediente se conserva; puedes reanudar más adelante.</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <source>Active</source>
        <translation>Activos</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>De alta</translation>
    </message>
    <message>
        <source>All clients</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>Search clients  (Ctrl+F)</source>
        <translation>Buscar cliente  (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>New client</source>
        <translation>Nuevo cliente</translation>
    </message>
    <message>
        <source>New client (Ctrl+N)</source>
        <translation>Nuevo cliente (Ctrl+N)</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>{shown} of {total} client</source>
        <translation>{shown} de {total} cliente</translation>
    </message>
    <message>
        <source>{shown} of {total} clients</source>
        <translation>{shown} de {total} clientes</translation>
    </message>
</context>
<context>
    <name>ClientSessionsTab</name>
    <message>
        <source>attitude</source>
        <translation>actitud</translation>
    </message>
    <message>
        <source>behavior</source>
        <translation>conducta</translation>
    </message>
    <message>
        <source>cognition</source>
        <translation>cognición</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Stage of change:&lt;/b&gt; {stage}. &lt;i&gt;{stance}&lt;/i&gt;&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Etapa de cambio:&lt;/b&gt; {stage}. &lt;i&gt;{stance}&lt;/i&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>raise next session</source>
        <translation>plantearlo en la próxima sesión</translation>
    </message>
    <message>
        <source>Resistance observed</source>
        <translation>Resistencia observada</translation>
    </message>
    <message>
        <source>Signed {moment}</source>
        <translation>Firmada el {moment}</translation>
    </message>
    <message>
        <source>Draft — not signed yet</source>
        <translation>Borrador — aún sin firmar</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;{section}&lt;/b&gt; (amended)&lt;br&gt;{text}&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;{section}&lt;/b&gt; (enmendado)&lt;br&gt;{text}&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Amendment {moment}&lt;/b&gt;: {reason}</source>
        <translation>&lt;b&gt;Enmienda del {moment}&lt;/b&gt;: {reason}</translation>
    </message>
    <message>
        <source>Choose a session first.</source>
        <translation>Primero elige una sesión.</translation>
    </message>
    <message>
        <source>This session has no note yet; write it with Start session.</source>
        <translation>Esta sesión aún no tiene nota; escríbela con Empezar sesión.</translation>
    </message>
    <message>
        <source>Signed already on {day}; use Amend… to change it.</source>
        <translation>Ya se firmó el {day}; usa Enmendar… para cambiarla.</translation>
    </message>
    <message>
        <source>Signed already; use Amend… to change it.</source>
        <translation>Ya está firmada; usa Enmendar… para cambiarla.</translation>
    </message>
    <message>
        <source>The note is empty; write it before signing.</source>
        <translation>La nota está vacía; escríbela antes de firmar.</translation>
    </message>
    <message>
        <source>Not signed yet: change it with Start session, or sign it first.</source>
        <translation>Aún sin firmar: cámbiala con Empezar sesión, o fírmala primero.</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Session note</source>
        <translation>Nota de la sesión</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Programar…</translation>
    </message>
    <message>
        <source>Reschedule…</source>
        <translation>Reprogramar…</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Empezar sesión</translation>
    </message>
    <message>
        <source>Review homework, write the note, assign the next task</source>
        <translation>Revisar la tarea, escribir la nota, asignar la siguiente tarea</translation>
    </message>
    <message>
        <source>Sign note</source>
        <translation>Firmar nota</translation>
    </message>
    <message>
        <source>Amend…</source>
        <translation>Enmendar…</translation>
    </message>
    <message>
        <source>Mark as:</source>
        <translation>Marcar como:</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistió</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No asistió</translation>
    </message>
    <message>
        <source>Cancelled by client</source>
        <translation>Cancelada por el cliente</translation>
    </message>
    <message>
        <source>Cancelled by me</source>
        <translation>Cancelada por mí</translation>
    </message>
    <message>
        <source>Choose an appointment.</source>
        <translation>Elige una cita.</translation>
    </message>
    <message>
        <source>{status}: {reason}. No note.</source>
        <translation>{status}: {reason}. Sin nota.</translation>
    </message>
    <message>
        <source>{status}. No note.</source>
        <translation>{status}. Sin nota.</translation>
    </message>
    <message>
        <source>Sign and lock this note; later changes are amendments</source>
        <translation>Firmar y bloquear esta nota; los cambios posteriores serán enmiendas</translation>
    </message>
    <message>
        <source>Add an amendment; the signed note stays as it is</source>
        <translation>Agregar una enmienda; la nota firmada queda como está</translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation>Motivo (opcional):</translation>
    </message>
    <message>
        <source>Cannot change this appointment</source>
        <translation>No se puede cambiar esta cita</translation>
    </message>
    <message>
        <source>Sign the note</source>
        <translation>Firmar la nota</translation>
    </message>
    <message>
        <source>Sign the note of {day}? It is then locked: later changes are added as amendments beside it.</source>
        <translation>¿Firmar la nota del {day}? Después queda bloqueada: los cambios posteriores se agregan como enmiendas a su lado.</translation>
    </message>
    <message>
        <source>The note was not signed</source>
        <translation>La nota no se firmó</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Next appointment</source>
        <translation>Próxima cita</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Lang.</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>ClientWorkspace</name>
    <message>
        <source>Profile</source>
        <translation>Perfil</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Tareas</translation>
    </message>
    <message>
        <source>Goals</source>
        <translation>Metas</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Medidas</translation>
    </message>
    <message>
        <source>Prep</source>
        <translation>Preparación</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Client record</source>
        <translation>Expediente del cliente</translation>
    </message>
</context>
<context>
    <name>ConditionalDialog</name>
    <message>
        <source>The last step of the ladder: the day before each session you phone the client and ask whether the self-record is done; if it is not, the session is cancelled. Use it only when the other steps have been tried, and only as agreed with the client.</source>
        <translation>El último paso de la escalera: el día antes de cada sesión llamas al cliente y le preguntas si hizo el autorregistro; si no lo hizo, la sesión se cancela. Úsalo solo cuando ya se probaron los otros pasos, y solo como lo acordaste con el cliente.</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>sin registrar</translation>
    </message>
    <message>
        <source>Conditional sessions — {name}</source>
        <translation>Sesiones condicionales — {name}</translation>
    </message>
    <message>
        <source>the conditional sessions form</source>
        <translation>el formulario de sesiones condicionales</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conditional sessions are on since {day}&lt;/b&gt; (agreed with the client on {agreed}).</source>
        <translation>&lt;b&gt;Las sesiones condicionales están activas desde el {day}&lt;/b&gt; (acordado con el cliente el {agreed}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Conditional sessions are on from {day}&lt;/b&gt; (agreed with the client on {agreed}).</source>
        <translation>&lt;b&gt;Las sesiones condicionales se activan a partir del {day}&lt;/b&gt; (acordado con el cliente el {agreed}).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Reason:&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;Motivo:&lt;/b&gt; {reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Override (cannot postpone):&lt;/b&gt; {reason}</source>
        <translation>&lt;b&gt;Excepción (no puede posponer):&lt;/b&gt; {reason}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Consulted:&lt;/b&gt; {who}</source>
        <translation>&lt;b&gt;Consultado:&lt;/b&gt; {who}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Consulted:&lt;/b&gt; not recorded — a missing self-record does not cancel this client's sessions until conditional sessions are turned on again with who was consulted.</source>
        <translation>&lt;b&gt;Consultado:&lt;/b&gt; sin registrar — la falta de autorregistro no cancela las sesiones de este cliente hasta que las sesiones condicionales se activen de nuevo indicando a quién se consultó.</translation>
    </message>
    <message>
        <source>Ending them takes effect today: Today stops listing the day-before call for {name}, and the history strip shows where they ended.</source>
        <translation>Terminarlas tiene efecto hoy: Hoy deja de mostrar la llamada del día anterior para {name}, y la franja del historial muestra dónde terminaron.</translation>
    </message>
    <message>
        <source>End conditional sessions</source>
        <translation>Terminar sesiones condicionales</translation>
    </message>
    <message>
        <source>What has been tried ({tried} of the {count} steps before this one)</source>
        <translation>Lo que se ha probado ({tried} de los {count} pasos anteriores a este)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Refused unless overridden.&lt;/b&gt; Conditional sessions could cancel sessions {name} needs. They are turned on only with a written reason for the override, the name of who you consulted, and a second confirmation.</source>
        <translation>&lt;b&gt;Rechazado salvo excepción.&lt;/b&gt; Las sesiones condicionales podrían cancelar sesiones que {name} necesita. Solo se activan con un motivo escrito para la excepción, el nombre de a quién consultaste y una segunda confirmación.</translation>
    </message>
    <message>
        <source>Why conditional sessions are right for this client despite the risk, and how the risk is managed.</source>
        <translation>Por qué las sesiones condicionales son adecuadas para este cliente a pesar del riesgo, y cómo se maneja el riesgo.</translation>
    </message>
    <message>
        <source>Override reason
(required)</source>
        <translation>Motivo de la excepción
(obligatorio)</translation>
    </message>
    <message>
        <source>Name and role, e.g. Dr A. Ruiz, clinical supervisor</source>
        <translation>Nombre y función, p. ej., Dra. A. Ruiz, supervisora clínica</translation>
    </message>
    <message>
        <source>Who was consulted</source>
        <translation>A quién se consultó</translation>
    </message>
    <message>
        <source>Who was consulted
(required)</source>
        <translation>A quién se consultó
(obligatorio)</translation>
    </message>
    <message>
        <source>Why they are needed now, and what was agreed with the client.</source>
        <translation>Por qué se necesitan ahora y qué se acordó con el cliente.</translation>
    </message>
    <message>
        <source>Reason and agreement</source>
        <translation>Motivo y acuerdo</translation>
    </message>
    <message>
        <source>Agreed with the client on</source>
        <translation>Acordado con el cliente el</translation>
    </message>
    <message>
        <source>Turn conditional sessions on</source>
        <translation>Activar sesiones condicionales</translation>
    </message>
    <message>
        <source>Turn conditional sessions on despite the risk?</source>
        <translation>¿Activar sesiones condicionales a pesar del riesgo?</translation>
    </message>
    <message>
        <source>{risk}

With conditional sessions on, a missing self-record cancels {name}'s session. A client who cannot postpone treatment may then go without a session they need.</source>
        <translation>{risk}

Con las sesiones condicionales activas, la falta de autorregistro cancela la sesión de {name}. Un cliente que no puede posponer el tratamiento podría quedarse sin una sesión que necesita.</translation>
    </message>
    <message>
        <source>Consulted: {who}.
Turn conditional sessions on anyway?</source>
        <translation>Consultado: {who}.
¿Activar sesiones condicionales de todos modos?</translation>
    </message>
    <message>
        <source>Turn on despite the risk</source>
        <translation>Activar a pesar del riesgo</translation>
    </message>
    <message numerus="yes">
        <source>Characters still needed for the override reason: %n.</source>
        <translation><numerusform>Al motivo de la excepción le falta %n carácter.</numerusform><numerusform>Al motivo de la excepción le faltan %n caracteres.</numerusform></translation>
    </message>
    <message>
        <source>A written override reason is required first.</source>
        <translation>Primero se necesita un motivo escrito para la excepción.</translation>
    </message>
    <message>
        <source>Say who was consulted first.</source>
        <translation>Primero indica a quién consultaste.</translation>
    </message>
    <message>
        <source>Write the reason and what was agreed first.</source>
        <translation>Primero escribe el motivo y lo que se acordó.</translation>
    </message>
    <message>
        <source>Conditional sessions were not changed</source>
        <translation>Las sesiones condicionales no se cambiaron</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Practice hit an unexpected problem</source>
        <translation>Practice encontró un problema inesperado</translation>
    </message>
    <message>
        <source>The details are in the log file {path}.</source>
        <translation>Los detalles están en el archivo de registro {path}.</translation>
    </message>
    <message>
        <source>The details could not be written to the log file.</source>
        <translation>No se pudieron escribir los detalles en el archivo de registro.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}.&lt;/b&gt;&lt;br&gt;&lt;br&gt;What you saved before is safe; the action that failed may not have been saved. If it happens again, please send the details to support (they hold no client data).&lt;br&gt;&lt;br&gt;{where}</source>
        <translation>&lt;b&gt;{title}.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Lo que guardaste antes está a salvo; es posible que la acción que falló no se haya guardado. Si vuelve a pasar, envía los detalles a soporte (no contienen datos de clientes).&lt;br&gt;&lt;br&gt;{where}</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Copiar detalles</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiado</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>Import &amp;clients from CSV…</source>
        <translation>Importar &amp;clientes desde CSV…</translation>
    </message>
    <message>
        <source>Export this client's &amp;record…</source>
        <translation>Exportar el &amp;expediente de este cliente…</translation>
    </message>
    <message>
        <source>&amp;Export everything…</source>
        <translation>Exportar &amp;todo…</translation>
    </message>
</context>
<context>
    <name>DayPicker</name>
    <message>
        <source>Calendar…</source>
        <translation>Calendario…</translation>
    </message>
</context>
<context>
    <name>DoneStep</name>
    <message numerus="yes">
        <source>&lt;p&gt;Private psychotherapy note: %n word(s), kept apart.&lt;/p&gt;</source>
        <translation><numerusform>&lt;p&gt;Nota privada de psicoterapia: %n palabra, guardada aparte.&lt;/p&gt;</numerusform><numerusform>&lt;p&gt;Nota privada de psicoterapia: %n palabras, guardada aparte.&lt;/p&gt;</numerusform></translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>{title}: not reviewed this session (nothing is saved for it).</source>
        <translation>{title}: no se revisa en esta sesión (no se guarda nada de ella).</translation>
    </message>
    <message>
        <source>completion {value} ({words})</source>
        <translation>cumplimiento {value} ({words})</translation>
    </message>
    <message>
        <source>&lt;span style='color:{danger}'&gt;completion not chosen&lt;/span&gt;</source>
        <translation>&lt;span style='color:{danger}'&gt;falta elegir el cumplimiento&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;span style='color:{danger}'&gt;brought the record: not chosen&lt;/span&gt;</source>
        <translation>&lt;span style='color:{danger}'&gt;trajo el registro: falta elegir&lt;/span&gt;</translation>
    </message>
    <message>
        <source>brought</source>
        <translation>lo trajo</translation>
    </message>
    <message>
        <source>not brought</source>
        <translation>no lo trajo</translation>
    </message>
    <message>
        <source>client's rating {value}</source>
        <translation>valoración del cliente {value}</translation>
    </message>
    <message>
        <source>quality {value}</source>
        <translation>calidad {value}</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) recorded</source>
        <translation><numerusform>%n día registrado</numerusform><numerusform>%n días registrados</numerusform></translation>
    </message>
    <message>
        <source>Barriers: {barriers}.</source>
        <translation>Obstáculos: {barriers}.</translation>
    </message>
    <message>
        <source>Ladder now: {steps}.</source>
        <translation>Escalera ahora: {steps}.</translation>
    </message>
    <message>
        <source>{level}, large print</source>
        <translation>{level}, letra grande</translation>
    </message>
    <message>
        <source>due {day}</source>
        <translation>para el {day}</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>sin fecha de entrega</translation>
    </message>
    <message>
        <source>reminder: {channel} at {time}</source>
        <translation>recordatorio: {channel} a las {time}</translation>
    </message>
    <message>
        <source>reminder: {channel}</source>
        <translation>recordatorio: {channel}</translation>
    </message>
    <message>
        <source>teach-back done</source>
        <translation>lo explicó con sus palabras</translation>
    </message>
    <message>
        <source>value discussed</source>
        <translation>hablaron de para qué le sirve</translation>
    </message>
    <message>
        <source>alarm set</source>
        <translation>alarma puesta</translation>
    </message>
    <message>
        <source>card printed</source>
        <translation>tarjeta impresa</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(sin título)</translation>
    </message>
    <message>
        <source>&lt;p&gt;The appointment will be marked &lt;b&gt;attended&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La cita quedará marcada como &lt;b&gt;asistida&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Homework reviewed&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Tareas revisadas&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;No homework to review.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No hay tareas para revisar.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Session note&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Nota de la sesión&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The note was signed before; it stays as it is.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La nota ya estaba firmada; queda como está.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Free text note</source>
        <translation>Nota de texto libre</translation>
    </message>
    <message>
        <source>{format} note</source>
        <translation>Nota {format}</translation>
    </message>
    <message>
        <source>&lt;p&gt;{format}: no text yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;{format}: todavía sin texto.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The note will be signed and locked.&lt;/p&gt;</source>
        <translation>&lt;p&gt;La nota quedará firmada y bloqueada.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The note will be kept as a draft (not signed).&lt;/p&gt;</source>
        <translation>&lt;p&gt;La nota quedará como borrador (sin firmar).&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Stage and resistance&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Etapa y resistencia&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Stage of change: &lt;b&gt;{stage}&lt;/b&gt;.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Etapa de cambio: &lt;b&gt;{stage}&lt;/b&gt;.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>sin evaluar</translation>
    </message>
    <message>
        <source>&lt;p&gt;No resistance recorded.&lt;/p&gt;</source>
        <translation>&lt;p&gt;No se registró resistencia.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Raised today (from last time):&lt;/p&gt;</source>
        <translation>&lt;p&gt;Planteado hoy (de la vez pasada):&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;New homework&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Tareas nuevas&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;None.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Ninguna.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>attitude</source>
        <translation>actitud</translation>
    </message>
    <message>
        <source>behavior</source>
        <translation>conducta</translation>
    </message>
    <message>
        <source>cognition</source>
        <translation>cognición</translation>
    </message>
    <message>
        <source> — &lt;b&gt;raise next session&lt;/b&gt;</source>
        <translation> — &lt;b&gt;plantearlo en la próxima sesión&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>What will be saved</source>
        <translation>Lo que se va a guardar</translation>
    </message>
    <message>
        <source>Finish session (Ctrl+Enter) writes all of this at once. If anything is invalid, nothing is saved and you are taken to the field to fix.</source>
        <translation>Terminar sesión (Ctrl+Enter) guarda todo esto de una vez. Si algo no es válido, no se guarda nada y te llevamos al campo que hay que corregir.</translation>
    </message>
    <message>
        <source>New homework</source>
        <translation>Tareas nuevas</translation>
    </message>
    <message>
        <source>Paper size of the sheets printed and saved here</source>
        <translation>Tamaño del papel de las hojas que imprimes y guardas aquí</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>Papel:</translation>
    </message>
    <message>
        <source>Give the client the sheet, the reminder card and the alarm before they leave.</source>
        <translation>Entrégale al cliente la hoja, la tarjeta recordatoria y la alarma antes de que se vaya.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Fix these before finishing:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Corrige esto antes de terminar:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Saved — hand over the homework</source>
        <translation>Guardado — entrega la tarea</translation>
    </message>
    <message>
        <source>The session is saved. Print or save the new homework now; later it is on the client's Homework tab (Sheet…). Close the panel when you are done.</source>
        <translation>La sesión está guardada. Imprime o guarda ahora la tarea nueva; después la encuentras en la pestaña Tareas del cliente (Hoja…). Cierra el panel cuando termines.</translation>
    </message>
</context>
<context>
    <name>EditMenu</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <source>Select &amp;all</source>
        <translation>Seleccionar t&amp;odo</translation>
    </message>
</context>
<context>
    <name>ExportAllDialog</name>
    <message>
        <source>Export everything</source>
        <translation>Exportar todo</translation>
    </message>
    <message>
        <source>Every table of the practice as CSV and JSON files, with a README.txt that describes every column. Choose an empty folder; if it is not empty, a new folder is made inside it.</source>
        <translation>Todas las tablas de la consulta como archivos CSV y JSON, con un README.txt que describe cada columna. Elige una carpeta vacía; si no está vacía, se crea una carpeta nueva dentro.</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Elegir carpeta…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Export to:</source>
        <translation>Exportar a:</translation>
    </message>
    <message>
        <source>Choose a folder for the export</source>
        <translation>Elige una carpeta para la exportación</translation>
    </message>
    <message>
        <source>Practice export {time}</source>
        <translation>Exportación de Practice {time}</translation>
    </message>
    <message>
        <source>{folder} is not empty, so the export goes into a new folder inside it.</source>
        <translation>{folder} no está vacía, así que la exportación va a una carpeta nueva dentro de ella.</translation>
    </message>
    <message>
        <source>Psychotherapy notes included.</source>
        <translation>Notas de psicoterapia incluidas.</translation>
    </message>
    <message>
        <source>Psychotherapy notes left out.</source>
        <translation>Notas de psicoterapia excluidas.</translation>
    </message>
    <message>
        <source>Exported {rows} from {tables} ({files}) to {folder}. {notes} README.txt there describes every column.</source>
        <translation>Se exportaron {rows} de {tables} ({files}) a {folder}. {notes} El README.txt de esa carpeta describe cada columna.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>%n fila</numerusform><numerusform>%n filas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n table(s)</source>
        <translation><numerusform>%n tabla</numerusform><numerusform>%n tablas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n file(s)</source>
        <translation><numerusform>%n archivo</numerusform><numerusform>%n archivos</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportDialogs</name>
    <message>
        <source>Include psychotherapy notes</source>
        <translation>Incluir notas de psicoterapia</translation>
    </message>
    <message>
        <source>Psychotherapy notes are your private process notes. They are left out unless you tick the box; anyone who opens the files can read what is in them.</source>
        <translation>Las notas de psicoterapia son tus notas privadas del proceso. Quedan fuera salvo que marques la casilla; cualquiera que abra los archivos puede leer lo que contienen.</translation>
    </message>
    <message>
        <source>{name} could not be written in {folder} ({problem}); nothing was saved.</source>
        <translation>No se pudo escribir {name} en {folder} ({problem}); no se guardó nada.</translation>
    </message>
</context>
<context>
    <name>FilledImportDialog</name>
    <message>
        <source>Import a filled sheet</source>
        <translation>Importar una hoja completada</translation>
    </message>
    <message>
        <source>Choose PDF…</source>
        <translation>Elegir PDF…</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Todavía no has elegido ningún archivo.</translation>
    </message>
    <message>
        <source>Brought the record</source>
        <translation>Trajo el registro</translation>
    </message>
    <message>
        <source>Review to write (suggested from the sheet; change what is wrong)</source>
        <translation>Revisión que se escribirá (sugerida a partir de la hoja; cambia lo que no esté bien)</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <source>Days recorded</source>
        <translation>Días registrados</translation>
    </message>
    <message>
        <source>What changes</source>
        <translation>Qué cambia</translation>
    </message>
    <message>
        <source>In that review now</source>
        <translation>En esa revisión ahora</translation>
    </message>
    <message>
        <source>After importing</source>
        <translation>Después de importar</translation>
    </message>
    <message>
        <source>Replace that review with the sheet's figures and answers</source>
        <translation>Reemplazar esa revisión con las cifras y respuestas de la hoja</translation>
    </message>
    <message>
        <source>This session already reviewed this homework</source>
        <translation>Esta sesión ya revisó esta tarea</translation>
    </message>
    <message>
        <source>Confirm and write the review</source>
        <translation>Confirmar y escribir la revisión</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose the filled sheet</source>
        <translation>Elige la hoja completada</translation>
    </message>
    <message>
        <source>PDF files (*.pdf);;All files (*)</source>
        <translation>Archivos PDF (*.pdf);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Choose the session where the sheet came back…</source>
        <translation>Elige la sesión en la que volvió la hoja…</translation>
    </message>
    <message>
        <source>There is no attended session of this client after the homework was set. Mark the session where the sheet was brought as attended, then import it.</source>
        <translation>No hay ninguna sesión asistida de este cliente posterior a la asignación de la tarea. Marca como «Asistida» la sesión en la que trajo la hoja y luego impórtala.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question 9 was answered {answer}.&lt;/b&gt; Recording this form raises a risk alert to acknowledge with what was done.</source>
        <translation>&lt;b&gt;La pregunta 9 se respondió con {answer}.&lt;/b&gt; Al registrar este formulario se abre una alerta de riesgo que deberás atender, anotando lo que hiciste.</translation>
    </message>
    <message>
        <source>Record the measure</source>
        <translation>Registrar la medida</translation>
    </message>
    <message>
        <source>Personal goals</source>
        <translation>Metas personales</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Formulario</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>Respondido el</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>{number}: {answer}</source>
        <translation>{number}: {answer}</translation>
    </message>
    <message>
        <source>no total: too many questions unanswered</source>
        <translation>sin total: demasiadas preguntas sin responder</translation>
    </message>
    <message>
        <source>{total} ({band})</source>
        <translation>{total} ({band})</translation>
    </message>
    <message>
        <source>{total}, prorated for the unanswered questions</source>
        <translation>{total}, prorrateado por las preguntas sin responder</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>&lt;p style='color:{muted}'&gt;Choose the PDF the client sent back. Only fillable sheets printed by Practice can be read.&lt;/p&gt;</source>
        <translation>&lt;p style='color:{muted}'&gt;Elige el PDF que te devolvió el cliente. Solo se pueden leer las hojas rellenables impresas por Practice.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt; {problem}</source>
        <translation>&lt;b&gt;No se importó nada.&lt;/b&gt; {problem}</translation>
    </message>
    <message>
        <source>{days} of {expected} expected</source>
        <translation>{days} de {expected} previstos</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>code {code}</source>
        <translation>código {code}</translation>
    </message>
    <message>
        <source>(scale 0–{top})</source>
        <translation>(escala 0–{top})</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Sheet</source>
        <translation>Hoja</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>Puntuaciones</translation>
    </message>
    <message numerus="yes">
        <source>(%n flagged: check with the client)</source>
        <translation><numerusform>(%n marcada: compruébala con el cliente)</numerusform><numerusform>(%n marcadas: compruébalas con el cliente)</numerusform></translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Respuestas</translation>
    </message>
    <message>
        <source>{days} of {expected} expected days or entries recorded</source>
        <translation>{days} de {expected} días o entradas previstos registrados</translation>
    </message>
    <message numerus="yes">
        <source>%n entries recorded, done each time it happens</source>
        <translation><numerusform>%n entrada registrada, se hace cada vez que ocurre</numerusform><numerusform>%n entradas registradas, se hace cada vez que ocurre</numerusform></translation>
    </message>
    <message>
        <source>Suggested {value} ({anchor}): {basis}.</source>
        <translation>Sugerido {value} ({anchor}): {basis}.</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>No folder chosen yet</source>
        <translation>Todavía no has elegido ninguna carpeta</translation>
    </message>
    <message>
        <source>Click, or use Choose folder…, to pick where the export goes</source>
        <translation>Haz clic, o usa Elegir carpeta…, para escoger adónde va la exportación</translation>
    </message>
</context>
<context>
    <name>FolderPathDialog</name>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>This computer has no file manager that Practice can open. The folder is here; you can copy its path and open it yourself:</source>
        <translation>Esta computadora no tiene un administrador de archivos que Practice pueda abrir. La carpeta está aquí; puedes copiar su ruta y abrirla tú:</translation>
    </message>
    <message>
        <source>Folder path</source>
        <translation>Ruta de la carpeta</translation>
    </message>
    <message>
        <source>Copy path</source>
        <translation>Copiar ruta</translation>
    </message>
    <message>
        <source>Copied.</source>
        <translation>Copiada.</translation>
    </message>
</context>
<context>
    <name>GoalRow</name>
    <message>
        <source>0 to 10 — higher is better</source>
        <translation>0 a 10 — más alto es mejor</translation>
    </message>
    <message>
        <source>0 to 10 — lower is better</source>
        <translation>0 a 10 — más bajo es mejor</translation>
    </message>
    <message>
        <source>Not rated</source>
        <translation>Sin calificar</translation>
    </message>
    <message>
        <source>Rating of goal {number}</source>
        <translation>Calificación de la meta {number}</translation>
    </message>
</context>
<context>
    <name>GoalsTab</name>
    <message>
        <source>For example: sleep through the night</source>
        <translation>Por ejemplo: dormir toda la noche</translation>
    </message>
    <message>
        <source>Goal {number}</source>
        <translation>Meta {number}</translation>
    </message>
    <message>
        <source>Higher is better</source>
        <translation>Más alto es mejor</translation>
    </message>
    <message>
        <source>Lower is better</source>
        <translation>Más bajo es mejor</translation>
    </message>
    <message>
        <source>Which end is better for goal {number}</source>
        <translation>Qué extremo es mejor en la meta {number}</translation>
    </message>
    <message>
        <source>Save goals</source>
        <translation>Guardar metas</translation>
    </message>
    <message>
        <source>Personal goals</source>
        <translation>Metas personales</translation>
    </message>
    <message>
        <source>Up to three goals or problems in the client's own words. Each is rated from 0 to 10 in the session panel's Measures step; say which end is better.</source>
        <translation>Hasta tres metas o problemas con las palabras del cliente. Cada una se califica de 0 a 10 en el paso Medidas del panel de sesión; indica qué extremo es mejor.</translation>
    </message>
    <message>
        <source>the goals</source>
        <translation>las metas</translation>
    </message>
    <message>
        <source>{count} of {limit} characters</source>
        <translation>{count} de {limit} caracteres</translation>
    </message>
    <message>
        <source>Goals saved.</source>
        <translation>Metas guardadas.</translation>
    </message>
</context>
<context>
    <name>HandoverRow</name>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt;  ·  code {code}</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt;  ·  código {code}</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>Vista previa…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save sheet…</source>
        <translation>Guardar hoja…</translation>
    </message>
    <message>
        <source>Save reminder card…</source>
        <translation>Guardar tarjeta…</translation>
    </message>
    <message>
        <source>Save phone alarm…</source>
        <translation>Guardar alarma…</translation>
    </message>
    <message>
        <source>See the sheet; print or save it from there too</source>
        <translation>Mira la hoja; también puedes imprimirla o guardarla desde ahí</translation>
    </message>
    <message>
        <source>A small card for the fridge or wallet (marked printed)</source>
        <translation>La tarjeta recordatoria: pequeña, para el refrigerador o la billetera (queda marcada como impresa)</translation>
    </message>
    <message>
        <source>A calendar file (.ics) the client opens on the phone</source>
        <translation>La alarma del teléfono: un archivo de calendario (.ics) que el cliente abre en su teléfono</translation>
    </message>
    <message>
        <source>Sheet — {title}</source>
        <translation>Hoja — {title}</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Practice help</source>
        <translation>Ayuda de Practice</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>Menú</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>HomeworkTab</name>
    <message>
        <source>Homework</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Asignada</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Last review</source>
        <translation>Última revisión</translation>
    </message>
    <message>
        <source>Assign…</source>
        <translation>Asignar…</translation>
    </message>
    <message>
        <source>Change into another task…</source>
        <translation>Cambiar por otra tarea…</translation>
    </message>
    <message>
        <source>Drop…</source>
        <translation>Abandonar…</translation>
    </message>
    <message>
        <source>Mark completed</source>
        <translation>Marcar como completada</translation>
    </message>
    <message>
        <source>Sheet…</source>
        <translation>Hoja…</translation>
    </message>
    <message>
        <source>Import a filled sheet…</source>
        <translation>Importar una hoja completada…</translation>
    </message>
    <message>
        <source>Enter a returned form…</source>
        <translation>Anotar un formulario devuelto…</translation>
    </message>
    <message>
        <source>A paper PHQ-9, GAD-7 or goals form the client brought back, by its code</source>
        <translation>Un PHQ-9, GAD-7 o formulario de metas en papel que el cliente trajo de vuelta, por su código</translation>
    </message>
    <message>
        <source>Homework details</source>
        <translation>Detalles de la tarea</translation>
    </message>
    <message>
        <source>large</source>
        <translation>letra grande</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>todavía ninguna</translation>
    </message>
    <message>
        <source>&lt;b&gt;{title}&lt;/b&gt; in the session of {day} (&lt;a href='session:{id}'&gt;review it there&lt;/a&gt;)</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; en la sesión del {day} (&lt;a href='session:{id}'&gt;revísala ahí&lt;/a&gt;)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Not yet reviewed:&lt;/b&gt; {items}</source>
        <translation>&lt;b&gt;Todavía sin revisar:&lt;/b&gt; {items}</translation>
    </message>
    <message>
        <source>No homework yet.</source>
        <translation>Todavía no hay tareas.</translation>
    </message>
    <message>
        <source>Choose an assignment.</source>
        <translation>Elige una tarea.</translation>
    </message>
    <message>
        <source>Drop homework</source>
        <translation>Abandonar la tarea</translation>
    </message>
    <message>
        <source>Why is “{title}” dropped? (required)</source>
        <translation>¿Por qué se abandona «{title}»? (obligatorio)</translation>
    </message>
    <message>
        <source>Not dropped</source>
        <translation>No se abandonó</translation>
    </message>
    <message>
        <source>Please give a reason for dropping it.</source>
        <translation>Escribe un motivo para abandonarla.</translation>
    </message>
    <message>
        <source>Mark “{title}” completed? It stays in the history; no more sheets are expected for it.</source>
        <translation>¿Marcar «{title}» como completada? Queda en el historial; ya no se esperan más hojas de ella.</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>No se cambió nada</translation>
    </message>
</context>
<context>
    <name>ImportClientsDialog</name>
    <message>
        <source>OK</source>
        <translation>Correcta</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Error</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicada</translation>
    </message>
    <message>
        <source>Skipped (duplicate)</source>
        <translation>Omitida (duplicada)</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Apellidos</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>Nombre preferido</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Teléfono</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Literacy level</source>
        <translation>Nivel de lectura</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Preferred modality</source>
        <translation>Modalidad preferida</translation>
    </message>
    <message>
        <source>Reminder channel</source>
        <translation>Canal de recordatorio</translation>
    </message>
    <message>
        <source>Reminder time</source>
        <translation>Hora del recordatorio</translation>
    </message>
    <message>
        <source>Cannot postpone</source>
        <translation>No puede posponer</translation>
    </message>
    <message>
        <source>Cannot postpone reason</source>
        <translation>Motivo por el que no puede posponer</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>Contacto de emergencia</translation>
    </message>
    <message>
        <source>Presenting problem</source>
        <translation>Motivo de consulta</translation>
    </message>
    <message>
        <source>Import clients from CSV</source>
        <translation>Importar clientes desde CSV</translation>
    </message>
    <message>
        <source>Choose CSV file…</source>
        <translation>Elegir archivo CSV…</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Ningún archivo elegido</translation>
    </message>
    <message>
        <source>A header row naming the columns (&lt;b&gt;first_name&lt;/b&gt; and &lt;b&gt;last_name&lt;/b&gt; are required), then one client a row. Dates YYYY-MM-DD, times HH:MM. Nothing is written until you press Import, and nothing at all while any row has an error.</source>
        <translation>Una fila de encabezado con los nombres de las columnas (&lt;b&gt;first_name&lt;/b&gt; y &lt;b&gt;last_name&lt;/b&gt; son obligatorias) y después un cliente por fila. Fechas AAAA-MM-DD, horas HH:MM. No se escribe nada hasta que presiones Importar, y nada en absoluto mientras alguna fila tenga un error.</translation>
    </message>
    <message>
        <source>Columns: {names}</source>
        <translation>Columnas: {names}</translation>
    </message>
    <message>
        <source>Rows of the file</source>
        <translation>Filas del archivo</translation>
    </message>
    <message>
        <source>Skip duplicates (import the other rows)</source>
        <translation>Omitir duplicados (importar las demás filas)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importar</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Choose a clients CSV file</source>
        <translation>Elige un archivo CSV de clientes</translation>
    </message>
    <message>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation>Archivos CSV (*.csv *.txt);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>{name} is too large for a clients file (over 20 MB).</source>
        <translation>{name} es demasiado grande para un archivo de clientes (más de 20 MB).</translation>
    </message>
    <message>
        <source>{name} could not be read ({problem}).</source>
        <translation>No se pudo leer {name} ({problem}).</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation><numerusform>%n fila</numerusform><numerusform>%n filas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n ok</source>
        <translation><numerusform>%n correcta</numerusform><numerusform>%n correctas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n with errors</source>
        <translation><numerusform>%n con errores</numerusform><numerusform>%n con errores</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s)</source>
        <translation><numerusform>%n duplicada</numerusform><numerusform>%n duplicadas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Import %n client(s)</source>
        <translation><numerusform>Importar %n cliente</numerusform><numerusform>Importar %n clientes</numerusform></translation>
    </message>
    <message>
        <source>Nothing can be imported from this file.</source>
        <translation>No se puede importar nada de este archivo.</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors (marked in red). Correct the file and choose it again: nothing is imported while any row has an error.</source>
        <translation><numerusform>%n fila con errores (marcada en rojo). Corrige el archivo y vuelve a elegirlo: no se importa nada mientras alguna fila tenga un error.</numerusform><numerusform>%n filas con errores (marcadas en rojo). Corrige el archivo y vuelve a elegirlo: no se importa nada mientras alguna fila tenga un error.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with the same name and birth date as a client already here or an earlier row. Tick “Skip duplicates” to import the others.</source>
        <translation><numerusform>%n fila con el mismo nombre y fecha de nacimiento que un cliente que ya está aquí o que una fila anterior. Marca «Omitir duplicados» para importar las demás.</numerusform><numerusform>%n filas con el mismo nombre y fecha de nacimiento que un cliente que ya está aquí o que una fila anterior. Marca «Omitir duplicados» para importar las demás.</numerusform></translation>
    </message>
    <message>
        <source>Every row is a duplicate: there is nothing to import.</source>
        <translation>Todas las filas están duplicadas: no hay nada que importar.</translation>
    </message>
    <message>
        <source>Ready: {clients} will be added; {rows} skipped.</source>
        <translation>Listo: se agregarán {clients}; se omitirán {rows}.</translation>
    </message>
    <message>
        <source>Ready: {clients} will be added.</source>
        <translation>Listo: se agregarán {clients}.</translation>
    </message>
    <message>
        <source>Added {clients}; skipped {rows}.</source>
        <translation>Se agregaron {clients}; se omitieron {rows}.</translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate row(s)</source>
        <translation><numerusform>%n fila duplicada</numerusform><numerusform>%n filas duplicadas</numerusform></translation>
    </message>
    <message>
        <source>Added {clients}.</source>
        <translation>Se agregaron {clients}.</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Importado</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Nothing was imported.
{problem}</source>
        <translation>No se importó nada.
{problem}</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation><numerusform>%n cliente</numerusform><numerusform>%n clientes</numerusform></translation>
    </message>
</context>
<context>
    <name>ImportPreviewModel</name>
    <message>
        <source>{column}: {message}</source>
        <translation>{column}: {message}</translation>
    </message>
    <message>
        <source>Same name and birth date as {name}, already here.</source>
        <translation>Mismo nombre y fecha de nacimiento que {name}, que ya está aquí.</translation>
    </message>
    <message>
        <source>a client</source>
        <translation>un cliente</translation>
    </message>
    <message>
        <source>Same name and birth date as line {line}.</source>
        <translation>Mismo nombre y fecha de nacimiento que la línea {line}.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Línea</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
</context>
<context>
    <name>KeyMenus</name>
    <message>
        <source>&amp;New appointment…</source>
        <translation>&amp;Nueva cita…</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>Choose a client first, then press {keys} to schedule their appointment.</source>
        <translation>Primero elige un cliente y luego presiona {keys} para programar su cita.</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Practice is locked</source>
        <translation>Practice está bloqueado</translation>
    </message>
    <message>
        <source>Type the passphrase to go on.</source>
        <translation>Escribe la frase de contraseña para continuar.</translation>
    </message>
    <message>
        <source>Click Unlock to go on. (With a passphrase, set in File → Security settings, unlocking would take it.)</source>
        <translation>Haz clic en Desbloquear para continuar. (Con una frase de contraseña, que se define en Archivo → Ajustes de seguridad, desbloquear la pediría).</translation>
    </message>
    <message>
        <source>{reason} {how}</source>
        <translation>{reason} {how}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Practice{suffix}</source>
        <translation>Practice{suffix}</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>What works</source>
        <translation>Qué funciona</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Print this week's sheets…</source>
        <translation>Im&amp;primir las hojas de esta semana…</translation>
    </message>
    <message>
        <source>&amp;Import a filled sheet…</source>
        <translation>&amp;Importar una hoja completada…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>&amp;Hacer copia de seguridad ahora</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Restaurar desde una copia de seguridad…</translation>
    </message>
    <message>
        <source>Backups &amp;folder</source>
        <translation>Carpeta de c&amp;opias de seguridad</translation>
    </message>
    <message>
        <source>&amp;Security settings…</source>
        <translation>Ajustes de se&amp;guridad…</translation>
    </message>
    <message>
        <source>&amp;Lock now</source>
        <translation>&amp;Bloquear ahora</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>&amp;About Practice</source>
        <translation>&amp;Acerca de Practice</translation>
    </message>
    <message>
        <source>The session cannot be started</source>
        <translation>No se puede empezar la sesión</translation>
    </message>
</context>
<context>
    <name>MeasureChart</name>
    <message>
        <source>Measure scores</source>
        <translation>Puntajes de los cuestionarios</translation>
    </message>
    <message>
        <source>{name}: {scores}.</source>
        <translation>{name}: {scores}.</translation>
    </message>
    <message>
        <source>{goal}, {text}</source>
        <translation>{goal}, {text}</translation>
    </message>
    <message>
        <source>{total} on {day}</source>
        <translation>{total} el {day}</translation>
    </message>
    <message>
        <source>0–{maximum}; higher is more severe</source>
        <translation>0–{maximum}; más alto es más grave</translation>
    </message>
    <message>
        <source>0–{maximum}; higher is better</source>
        <translation>0–{maximum}; más alto es mejor</translation>
    </message>
    <message>
        <source>0–{maximum}; lower is better</source>
        <translation>0–{maximum}; más bajo es mejor</translation>
    </message>
    <message>
        <source>Goal {number}</source>
        <translation>Meta {number}</translation>
    </message>
</context>
<context>
    <name>MeasureEntryDialog</name>
    <message>
        <source>Enter a returned form</source>
        <translation>Anotar un formulario devuelto</translation>
    </message>
    <message>
        <source>The code printed on the form</source>
        <translation>El código impreso en el formulario</translation>
    </message>
    <message>
        <source>Form code</source>
        <translation>Código del formulario</translation>
    </message>
    <message>
        <source>Find the form</source>
        <translation>Buscar el formulario</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Day the form was filled in</source>
        <translation>Día en que se llenó el formulario</translation>
    </message>
    <message>
        <source>Record the measure</source>
        <translation>Registrar la medida</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Filled in on</source>
        <translation>Llenado el</translation>
    </message>
    <message>
        <source>This form (code {code}) was printed for another client. Open that client to enter it.</source>
        <translation>Este formulario (código {code}) se imprimió para otro cliente. Abre ese cliente para anotarlo.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Nothing was recorded.&lt;/b&gt; {problem}</source>
        <translation>&lt;b&gt;No se registró nada.&lt;/b&gt; {problem}</translation>
    </message>
    <message>
        <source>&lt;b&gt;Personal goals&lt;/b&gt;, code {code}</source>
        <translation>&lt;b&gt;Metas personales&lt;/b&gt;, código {code}</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin calificar</translation>
    </message>
    <message>
        <source>Goal {number}</source>
        <translation>Meta {number}</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>más alto es mejor</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>más bajo es mejor</translation>
    </message>
    <message>
        <source>{number}. {goal} ({better})</source>
        <translation>{number}. {goal} ({better})</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt;, code {code}: tick what the client ticked.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt;, código {code}: marca lo que marcó el cliente.</translation>
    </message>
    <message>
        <source>Total: tick the answers to see it.</source>
        <translation>Total: marca las respuestas para verlo.</translation>
    </message>
    <message numerus="yes">
        <source>No total: too many unanswered to score (%n question(s) unanswered)</source>
        <translation><numerusform>Sin total: demasiadas sin responder para puntuar (%n pregunta sin responder)</numerusform><numerusform>Sin total: demasiadas sin responder para puntuar (%n preguntas sin responder)</numerusform></translation>
    </message>
    <message>
        <source>Total {total} of {maximum} · {band}</source>
        <translation>Total {total} de {maximum} · {band}</translation>
    </message>
    <message numerus="yes">
        <source>(prorated for %n unanswered)</source>
        <translation><numerusform>(prorrateado por %n sin responder)</numerusform><numerusform>(prorrateado por %n sin responder)</numerusform></translation>
    </message>
    <message>
        <source>&lt;b&gt;Question 9 was answered {answer}.&lt;/b&gt; Recording this form raises a risk alert to acknowledge with what was done.</source>
        <translation>&lt;b&gt;La pregunta 9 se respondió con {answer}.&lt;/b&gt; Al registrar este formulario se abre una alerta de riesgo que deberás atender, anotando lo que hiciste.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Question 9 is not answered: ask the client about it.&lt;/b&gt; If it was really left blank, the form is recorded with question 9 not answered, and the Measures tab says so.</source>
        <translation>&lt;b&gt;La pregunta 9 no está respondida: pregúntale al cliente por ella.&lt;/b&gt; Si de verdad quedó en blanco, el formulario se anota con la pregunta 9 sin responder, y la pestaña Medidas lo dice.</translation>
    </message>
</context>
<context>
    <name>MeasurePrintDialog</name>
    <message>
        <source>Print a form</source>
        <translation>Imprimir un formulario</translation>
    </message>
    <message>
        <source>Personal goals (rated 0 to 10)</source>
        <translation>Metas personales (calificadas de 0 a 10)</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>Idioma del formulario</translation>
    </message>
    <message>
        <source>Large print</source>
        <translation>Letra grande</translation>
    </message>
    <message>
        <source>Fillable PDF (the client types into it on a phone or PC)</source>
        <translation>PDF rellenable (el cliente escribe en él desde el teléfono o la computadora)</translation>
    </message>
    <message>
        <source>The form carries a code: when the client brings it back, use “Enter a returned form…” with that code.</source>
        <translation>El formulario lleva un código: cuando el cliente lo traiga de vuelta, usa «Anotar un formulario devuelto…» con ese código.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Show the form</source>
        <translation>Mostrar el formulario</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>{measure} — {name}</source>
        <translation>{measure} — {name}</translation>
    </message>
    <message>
        <source>Save the form as PDF</source>
        <translation>Guardar el formulario como PDF</translation>
    </message>
</context>
<context>
    <name>MeasuresStep</name>
    <message numerus="yes">
        <source>{name}: no total (%n question(s) unanswered)</source>
        <translation><numerusform>{name}: sin total (%n pregunta sin responder)</numerusform><numerusform>{name}: sin total (%n preguntas sin responder)</numerusform></translation>
    </message>
    <message>
        <source>{name}: {total} of {maximum}, {band} (prorated)</source>
        <translation>{name}: {total} de {maximum}, {band} (prorrateado)</translation>
    </message>
    <message>
        <source>{name}: {total} of {maximum}, {band}</source>
        <translation>{name}: {total} de {maximum}, {band}</translation>
    </message>
    <message>
        <source>recorded already, with the risk alert</source>
        <translation>ya guardado, con la alerta de riesgo</translation>
    </message>
    <message>
        <source>A goal: {rating} of {maximum}</source>
        <translation>Una meta: {rating} de {maximum}</translation>
    </message>
    <message>
        <source>Goal {number}: {rating} of {maximum} ({goal})</source>
        <translation>Meta {number}: {rating} de {maximum} ({goal})</translation>
    </message>
    <message>
        <source>Measures</source>
        <translation>Medidas</translation>
    </message>
    <message numerus="yes">
        <source>Too many unanswered: %n question(s) left — ask about questions {numbers}</source>
        <translation><numerusform>Demasiadas preguntas sin responder: queda %n — pregunta por las preguntas {numbers}</numerusform><numerusform>Demasiadas preguntas sin responder: quedan %n — pregunta por las preguntas {numbers}</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>(prorated: %n question(s) unanswered — {numbers})</source>
        <translation><numerusform>(prorrateado: %n pregunta sin responder — {numbers})</numerusform><numerusform>(prorrateado: %n preguntas sin responder — {numbers})</numerusform></translation>
    </message>
    <message>
        <source>Personal goals</source>
        <translation>Metas personales</translation>
    </message>
    <message>
        <source>No personal goals yet: name them in the client's Goals tab.</source>
        <translation>Todavía no hay metas personales: escríbelas en la pestaña Metas del cliente.</translation>
    </message>
    <message>
        <source>A risk alert is open: acknowledge it with what was done.</source>
        <translation>Hay una alerta de riesgo abierta: atiéndela anotando lo que se hizo.</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Atender…</translation>
    </message>
    <message>
        <source>Optional. Read each question to the client as written and tick their answer; leave a question unticked when it was not answered.</source>
        <translation>Opcional. Lee cada pregunta tal como está escrita y marca la respuesta; deja sin marcar la pregunta que no se respondió.</translation>
    </message>
    <message>
        <source>Measures are taken in the session itself, with the client.</source>
        <translation>Las medidas se toman en la sesión misma, con el cliente.</translation>
    </message>
</context>
<context>
    <name>MeasuresTab</name>
    <message>
        <source>In a session</source>
        <translation>En una sesión</translation>
    </message>
    <message>
        <source>Paper form</source>
        <translation>Formulario en papel</translation>
    </message>
    <message>
        <source>Fillable PDF</source>
        <translation>PDF rellenable</translation>
    </message>
    <message>
        <source>Goal ratings</source>
        <translation>Puntuación de metas</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Medida</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>Band</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Ingresada</translation>
    </message>
    <message>
        <source>Risk alert</source>
        <translation>Alerta de riesgo</translation>
    </message>
    <message>
        <source>Measures entered</source>
        <translation>Medidas ingresadas</translation>
    </message>
    <message>
        <source>No measure has been entered for this client yet.</source>
        <translation>Todavía no se ha ingresado ninguna medida para esta persona.</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Eliminar…</translation>
    </message>
    <message>
        <source>Delete the chosen measure, entered by mistake</source>
        <translation>Eliminar la medida elegida, ingresada por error</translation>
    </message>
    <message>
        <source>Print a form…</source>
        <translation>Imprimir un formulario…</translation>
    </message>
    <message>
        <source>A PHQ-9, GAD-7 or goals form to give the client, on paper or fillable</source>
        <translation>Un PHQ-9, GAD-7 o formulario de metas para darle al cliente, en papel o rellenable</translation>
    </message>
    <message>
        <source>Enter a returned form…</source>
        <translation>Anotar un formulario devuelto…</translation>
    </message>
    <message>
        <source>A paper PHQ-9, GAD-7 or goals form the client brought back, by its code</source>
        <translation>Un PHQ-9, GAD-7 o formulario de metas en papel que el cliente trajo de vuelta, por su código</translation>
    </message>
    <message>
        <source>Every PHQ-9, GAD-7 and goal rating entered for this client, newest first. Delete one that was entered by mistake; the audit trail keeps a line that it was removed.</source>
        <translation>Cada PHQ-9, GAD-7 y puntuación de metas ingresados para esta persona, del más reciente al más antiguo. Elimina la que se haya ingresado por error; el registro de auditoría guarda una línea que dice que se eliminó.</translation>
    </message>
    <message>
        <source>not scored (too many unanswered)</source>
        <translation>sin puntuar (demasiadas sin responder)</translation>
    </message>
    <message>
        <source>{total} (prorated)</source>
        <translation>{total} (prorrateado)</translation>
    </message>
    <message>
        <source>Question 9 not answered: ask about it</source>
        <translation>Pregunta 9 sin responder: pregunta por ella</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abierta</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Atendida</translation>
    </message>
    <message>
        <source>{state} · raised with {then}; now {now}</source>
        <translation>{state} · se abrió con {then}; ahora {now}</translation>
    </message>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>the goal ratings of {day}</source>
        <translation>las puntuaciones de metas del {day}</translation>
    </message>
    <message>
        <source>the {name} of {day}</source>
        <translation>el {name} del {day}</translation>
    </message>
    <message>
        <source>Measure kept</source>
        <translation>Medida conservada</translation>
    </message>
    <message>
        <source>{what} raised a risk alert that has been acknowledged. The alert and what was done are a safety record, so this measure is kept.</source>
        <translation>{what} generó una alerta de riesgo que ya fue atendida. La alerta y lo que se hizo son un registro de seguridad, así que esta medida se conserva.</translation>
    </message>
    <message>
        <source>Delete {what}? It leaves the charts, the prep view and the reports. The audit trail keeps a line that it was removed.</source>
        <translation>¿Eliminar {what}? Sale de los gráficos, de la preparación y de los informes. El registro de auditoría guarda una línea que dice que se eliminó.</translation>
    </message>
    <message>
        <source>It raised a risk alert (question 9) that is still open: the alert is deleted with it, and the audit trail says so. If the answer was really given, keep the measure and acknowledge the alert instead.</source>
        <translation>Generó una alerta de riesgo (pregunta 9) que sigue abierta: la alerta se elimina con ella, y el registro de auditoría lo dice. Si la respuesta se dio de verdad, conserva la medida y atiende la alerta.</translation>
    </message>
    <message>
        <source>Delete measure</source>
        <translation>Eliminar medida</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Eliminar</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Conservarla</translation>
    </message>
</context>
<context>
    <name>MissingRow</name>
    <message>
        <source>{day} · &lt;b&gt;{name}&lt;/b&gt; — {title} ({code})</source>
        <translation>{day} · &lt;b&gt;{name}&lt;/b&gt; — {title} ({code})</translation>
    </message>
    <message>
        <source>Review in session</source>
        <translation>Revisar en sesión</translation>
    </message>
    <message>
        <source>Open the session panel of that session</source>
        <translation>Abrir el panel de esa sesión</translation>
    </message>
    <message>
        <source>Homework tab</source>
        <translation>Pestaña Tareas</translation>
    </message>
    <message>
        <source>{title} of {name}, not reviewed</source>
        <translation>{title} de {name}, sin revisar</translation>
    </message>
</context>
<context>
    <name>NoteStep</name>
    <message>
        <source>Free text</source>
        <translation>Texto libre</translation>
    </message>
    <message>
        <source>Session note</source>
        <translation>Nota de la sesión</translation>
    </message>
    <message>
        <source>This note is signed: its text is locked here. Changes to a signed note are amendments, kept beside the original.</source>
        <translation>Esta nota está firmada: aquí su texto está bloqueado. Los cambios a una nota firmada son enmiendas, que se guardan junto al original.</translation>
    </message>
    <message>
        <source>e.g. ask how the new sheet went</source>
        <translation>p. ej., preguntar cómo le fue con la hoja nueva</translation>
    </message>
    <message>
        <source>Private psychotherapy note</source>
        <translation>Nota privada de psicoterapia</translation>
    </message>
    <message>
        <source>Private: kept apart from the session record, left out of exports, never locked by signing.</source>
        <translation>Privada: se guarda aparte del registro de la sesión, no sale en las exportaciones y nunca se bloquea al firmar.</translation>
    </message>
    <message>
        <source>Your own process notes (optional)</source>
        <translation>Tus propias notas de proceso (opcional)</translation>
    </message>
    <message>
        <source>Sign and lock the note when the session is finished</source>
        <translation>Firmar y bloquear la nota al terminar la sesión</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formato</translation>
    </message>
    <message>
        <source>{name} section</source>
        <translation>Sección {name}</translation>
    </message>
    <message>
        <source>Not in this format, so not saved unless you switch back: {sections}</source>
        <translation>No está en este formato, así que no se guarda a menos que vuelvas a cambiarlo: {sections}</translation>
    </message>
</context>
<context>
    <name>PassphrasePanel</name>
    <message>
        <source>Wrong passphrase. Try again.</source>
        <translation>La frase de contraseña no es correcta. Inténtalo de nuevo.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frase de contraseña</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>Use the recovery key…</source>
        <translation>Usar la clave de recuperación…</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Choose a folder for the backups.</source>
        <translation>Elige una carpeta para las copias de seguridad.</translation>
    </message>
    <message>
        <source>The folder's name has a line break or a hidden character. Type it again.</source>
        <translation>El nombre de la carpeta tiene un salto de línea o un carácter oculto. Escríbelo de nuevo.</translation>
    </message>
    <message>
        <source>Give the whole path of the folder, from the top.</source>
        <translation>Escribe la ruta completa de la carpeta, desde el principio.</translation>
    </message>
    <message>
        <source>This is the folder of the practice file itself. Choose another one for the backups.</source>
        <translation>Esta es la carpeta del archivo de la consulta. Elige otra para las copias de seguridad.</translation>
    </message>
    <message>
        <source>This is the folder of Practice's log. Choose another one for the backups.</source>
        <translation>Esta es la carpeta del registro de Practice. Elige otra para las copias de seguridad.</translation>
    </message>
    <message>
        <source>Practice cannot write in this folder. Choose one you can save files in.</source>
        <translation>Practice no puede escribir en esta carpeta. Elige una en la que puedas guardar archivos.</translation>
    </message>
    <message>
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <source>your preferences</source>
        <translation>tus preferencias</translation>
    </message>
    <message>
        <source>Language and colours</source>
        <translation>Idioma y colores</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>A new language applies the next time you start Practice.</source>
        <translation>El nuevo idioma se aplica la próxima vez que abras Practice.</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Como el sistema</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Claro</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Oscuro</translation>
    </message>
    <message>
        <source>High contrast</source>
        <translation>Alto contraste</translation>
    </message>
    <message>
        <source>Colours</source>
        <translation>Colores</translation>
    </message>
    <message>
        <source>Sheets and new homework</source>
        <translation>Hojas y tareas nuevas</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Tamaño del papel</translation>
    </message>
    <message>
        <source>HH:MM</source>
        <translation>HH:MM</translation>
    </message>
    <message>
        <source>at</source>
        <translation>a las</translation>
    </message>
    <message>
        <source>Remind by</source>
        <translation>Recordar por</translation>
    </message>
    <message>
        <source>New homework starts with this reminder when the client has none of their own.</source>
        <translation>Las tareas nuevas empiezan con este recordatorio cuando el cliente no tiene uno propio.</translation>
    </message>
    <message>
        <source>Backups and locking</source>
        <translation>Copias de seguridad y bloqueo</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Buscar…</translation>
    </message>
    <message>
        <source>Backups folder</source>
        <translation>Carpeta de copias de seguridad</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Bloquear tras</translation>
    </message>
    <message>
        <source>For support</source>
        <translation>Para soporte</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Abrir carpeta</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Archivo de registro</translation>
    </message>
    <message>
        <source>Write the reminder time as HH:MM (24-hour).</source>
        <translation>Escribe la hora del recordatorio como HH:MM (24 horas).</translation>
    </message>
</context>
<context>
    <name>PrepPage</name>
    <message>
        <source>Last 12 weeks</source>
        <translation>Últimas 12 semanas</translation>
    </message>
    <message>
        <source>Last 26 weeks</source>
        <translation>Últimas 26 semanas</translation>
    </message>
    <message>
        <source>Last 52 weeks</source>
        <translation>Últimas 52 semanas</translation>
    </message>
    <message>
        <source>All weeks</source>
        <translation>Todas las semanas</translation>
    </message>
    <message>
        <source>Choose a client to prepare their next session.</source>
        <translation>Elige un cliente para preparar su próxima sesión.</translation>
    </message>
    <message>
        <source>Session prep</source>
        <translation>Preparación de la sesión</translation>
    </message>
    <message>
        <source>SUGGESTED NEXT STEP</source>
        <translation>PRÓXIMO PASO SUGERIDO</translation>
    </message>
    <message>
        <source>Completion per review</source>
        <translation>Cumplimiento por revisión</translation>
    </message>
    <message>
        <source>No homework reviewed yet.</source>
        <translation>Aún no se ha revisado ninguna tarea.</translation>
    </message>
    <message>
        <source>Barriers (most recent first)</source>
        <translation>Obstáculos (los más recientes primero)</translation>
    </message>
    <message>
        <source>Strategies tried, and what followed</source>
        <translation>Estrategias probadas y lo que siguió</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>Agenda</translation>
    </message>
    <message>
        <source>Last session note</source>
        <translation>Nota de la última sesión</translation>
    </message>
    <message>
        <source>The client's own records (returned fillable sheets)</source>
        <translation>Los registros del propio cliente (hojas rellenables devueltas)</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Empezar sesión</translation>
    </message>
    <message>
        <source>Print summary…</source>
        <translation>Imprimir resumen…</translation>
    </message>
    <message>
        <source>Conditional sessions…</source>
        <translation>Sesiones condicionales…</translation>
    </message>
    <message>
        <source>⚠ Cannot postpone treatment</source>
        <translation>⚠ No puede posponer el tratamiento</translation>
    </message>
    <message>
        <source>Homework week by week</source>
        <translation>Tareas semana a semana</translation>
    </message>
    <message>
        <source>Marked 'cannot postpone treatment'.</source>
        <translation>Marcado como «no puede posponer el tratamiento».</translation>
    </message>
    <message>
        <source>No reason recorded.</source>
        <translation>No se registró el motivo.</translation>
    </message>
    <message>
        <source>Why: {why}</source>
        <translation>Por qué: {why}</translation>
    </message>
    <message>
        <source>Conditional sessions on since {day}</source>
        <translation>Sesiones condicionales activas desde el {day}</translation>
    </message>
    <message>
        <source>Conditional sessions on from {day}</source>
        <translation>Sesiones condicionales activas a partir del {day}</translation>
    </message>
    <message>
        <source>No session is scheduled.</source>
        <translation>No hay ninguna sesión programada.</translation>
    </message>
    <message>
        <source>Completion per review — all {count} since {day}</source>
        <translation>Cumplimiento por revisión — todas las {count} desde el {day}</translation>
    </message>
    <message>
        <source>The last PHQ-9 ({day}): question 9 not answered; ask about it.</source>
        <translation>El último PHQ-9 ({day}): pregunta 9 sin responder; pregunta por ella.</translation>
    </message>
    <message>
        <source>Prep summary — {name}</source>
        <translation>Resumen de preparación — {name}</translation>
    </message>
    <message>
        <source>Save the session preparation as PDF</source>
        <translation>Guardar la preparación de la sesión como PDF</translation>
    </message>
    <message>
        <source>Conditional sessions</source>
        <translation>Sesiones condicionales</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>File Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <source>Drive</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>Acceso directo</translation>
    </message>
    <message>
        <source>Alias</source>
        <translation>Alias</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nombre del archivo:</translation>
    </message>
</context>
<context>
    <name>QPageSetupWidget</name>
    <message>
        <source>Page &amp;order:</source>
        <translation>&amp;Orden de las páginas:</translation>
    </message>
    <message>
        <source>Pages &amp;per sheet:</source>
        <translation>Páginas &amp;por hoja:</translation>
    </message>
</context>
<context>
    <name>QPrintDialog</name>
    <message>
        <source>Invalid Pages Definition</source>
        <translation>Páginas no válidas</translation>
    </message>
    <message>
        <source>%1 does not follow the correct syntax. Please use ',' to separate ranges and pages, '-' to define ranges and make sure ranges do not intersect with each other.</source>
        <translation>%1 no está bien escrito. Usa ',' para separar páginas y rangos, '-' para indicar un rango, y revisa que los rangos no se superpongan.</translation>
    </message>
    <message>
        <source>Duplex Settings Conflicts</source>
        <translation>Opciones de doble cara en conflicto</translation>
    </message>
    <message>
        <source>There are conflicts in duplex settings. Do you want to fix them?</source>
        <translation>Hay opciones de impresión a doble cara en conflicto. ¿Quieres corregirlas?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesDialog</name>
    <message>
        <source>Advanced Option Conflicts</source>
        <translation>Opciones avanzadas en conflicto</translation>
    </message>
    <message>
        <source>Page Setup Conflicts</source>
        <translation>Opciones de página en conflicto</translation>
    </message>
    <message>
        <source>There are conflicts in page setup options. Do you want to fix them?</source>
        <translation>Hay opciones de página en conflicto. ¿Quieres corregirlas?</translation>
    </message>
    <message>
        <source>There are conflicts in some advanced options. Do you want to fix them?</source>
        <translation>Hay opciones avanzadas en conflicto. ¿Quieres corregirlas?</translation>
    </message>
</context>
<context>
    <name>QPrintPropertiesWidget</name>
    <message>
        <source>Advanced</source>
        <translation>Avanzado</translation>
    </message>
    <message>
        <source>There are conflicts in some options. Please fix them.</source>
        <translation>Algunas opciones están en conflicto. Corrígelas, por favor.</translation>
    </message>
</context>
<context>
    <name>QPrintSettingsOutput</name>
    <message>
        <source>Double Sided Printing</source>
        <translation>Impresión a doble cara</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Long side binding</source>
        <translation>Encuadernado por el lado largo</translation>
    </message>
    <message>
        <source>Short side binding</source>
        <translation>Encuadernado por el lado corto</translation>
    </message>
    <message>
        <source>Page &amp;Set:</source>
        <translation>&amp;Juego de páginas:</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
    <message>
        <source>Specify pages or ranges separated by commas. Ranges are specified by two numbers separated by a hyphen. E.g: 3,5-7,9 prints pages 3, 5, 6, 7 and 9.</source>
        <translation>Escribe páginas o rangos separados por comas. Un rango son dos números unidos por un guion. Por ejemplo: 3,5-7,9 imprime las páginas 3, 5, 6, 7 y 9.</translation>
    </message>
</context>
<context>
    <name>QuestionnaireBox</name>
    <message>
        <source>{name} score</source>
        <translation>Puntaje del {name}</translation>
    </message>
    <message>
        <source>Recorded at once with the risk alert. You can still answer the other questions or correct one: the same PHQ-9 is updated.</source>
        <translation>Se registró de inmediato con la alerta de riesgo. Aún puedes responder las otras preguntas o corregir una: se actualiza el mismo PHQ-9.</translation>
    </message>
    <message>
        <source>Not taken in this session.</source>
        <translation>No se tomó en esta sesión.</translation>
    </message>
    <message>
        <source>Total {total} of {maximum} · {band}</source>
        <translation>Total {total} de {maximum} · {band}</translation>
    </message>
    <message>
        <source>Item 9 not answered: ask</source>
        <translation>Pregunta 9 sin responder: pregúntala</translation>
    </message>
    <message>
        <source>Item 9 answered above 0: a risk alert was raised.</source>
        <translation>Pregunta 9 respondida por encima de 0: se abrió una alerta de riesgo.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Use the recovery key</source>
        <translation>Usar la clave de recuperación</translation>
    </message>
    <message>
        <source>Type the recovery key from the page you printed or saved when encryption was turned on (capital or small letters, with or without dashes), then choose a new passphrase.</source>
        <translation>Escribe la clave de recuperación de la página que imprimiste o guardaste al activar el cifrado (en mayúsculas o minúsculas, con o sin guiones) y luego elige una frase de contraseña nueva.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Clave de recuperación</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repite la frase de contraseña nueva</translation>
    </message>
    <message>
        <source>Unlock and set passphrase</source>
        <translation>Desbloquear y establecer la frase de contraseña</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Las dos frases de contraseña nuevas no coinciden.</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Your recovery key</source>
        <translation>Tu clave de recuperación</translation>
    </message>
    <message>
        <source>&lt;b&gt;Keep this key somewhere safe, away from this computer.&lt;/b&gt;&lt;br&gt;It opens your records if the passphrase is forgotten or the key file is lost — without either, nobody can read them, not even you. Practice shows it again each time it is unlocked until you tick the box below.</source>
        <translation>&lt;b&gt;Guarda esta clave en un lugar seguro, lejos de esta computadora.&lt;/b&gt;&lt;br&gt;Abre tus expedientes si se olvida la frase de contraseña o se pierde el archivo de clave; sin ninguna de las dos, nadie puede leerlos, ni siquiera tú. Practice te la vuelve a mostrar cada vez que se desbloquea hasta que marques la casilla de abajo.</translation>
    </message>
    <message>
        <source>Save as PDF to print…</source>
        <translation>Guardar como PDF para imprimir…</translation>
    </message>
    <message>
        <source>I have printed or written down the recovery key</source>
        <translation>He impreso o anotado la clave de recuperación</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Listo</translation>
    </message>
    <message>
        <source>Could not record that the key is kept: {problem}</source>
        <translation>No se pudo registrar que la clave está guardada: {problem}</translation>
    </message>
    <message>
        <source>Save the recovery key</source>
        <translation>Guardar la clave de recuperación</translation>
    </message>
    <message>
        <source>Practice recovery key.pdf</source>
        <translation>Clave de recuperación de Practice.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Could not save {name}: {problem}</source>
        <translation>No se pudo guardar {name}: {problem}</translation>
    </message>
    <message>
        <source>Saved to {path}. Print it, then keep the paper safe and delete the file.</source>
        <translation>Guardada en {path}. Imprímela, guarda el papel en un lugar seguro y borra el archivo.</translation>
    </message>
</context>
<context>
    <name>ReminderDueCard</name>
    <message>
        <source>any time</source>
        <translation>a cualquier hora</translation>
    </message>
    <message>
        <source>no contact on file</source>
        <translation>sin contacto registrado</translation>
    </message>
    <message>
        <source>&lt;b&gt;{when} · {name}&lt;/b&gt;&lt;br&gt;&lt;span style="{style}"&gt;{channel} to {contact} · {title} ({code})&lt;/span&gt;</source>
        <translation>&lt;b&gt;{when} · {name}&lt;/b&gt;&lt;br&gt;&lt;span style="{style}"&gt;{channel} a {contact} · {title} ({code})&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Reminder text for {name}</source>
        <translation>Texto del recordatorio para {name}</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Copiar texto</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Deshacer</translation>
    </message>
    <message>
        <source>Mark sent</source>
        <translation>Marcar como enviado</translation>
    </message>
    <message>
        <source>✓ Sent at {time}</source>
        <translation>✓ Enviado a las {time}</translation>
    </message>
    <message>
        <source>✓ Sent</source>
        <translation>✓ Enviado</translation>
    </message>
    <message>
        <source>Mark this reminder as not sent</source>
        <translation>Marcar este recordatorio como no enviado</translation>
    </message>
    <message>
        <source>The reminder to {name}</source>
        <translation>El recordatorio para {name}</translation>
    </message>
</context>
<context>
    <name>ResistanceStep</name>
    <message>
        <source>Attitude</source>
        <translation>Actitud</translation>
    </message>
    <message>
        <source>Cognition</source>
        <translation>Cognición</translation>
    </message>
    <message>
        <source>{kind}: “{said}”  (flagged {when})</source>
        <translation>{kind}: «{said}»  (marcado el {when})</translation>
    </message>
    <message>
        <source>{kind}  (flagged {when})</source>
        <translation>{kind}  (marcado el {when})</translation>
    </message>
    <message>
        <source>Resistance and stage</source>
        <translation>Resistencia y etapa</translation>
    </message>
    <message>
        <source>Not assessed this session</source>
        <translation>Sin evaluar en esta sesión</translation>
    </message>
    <message>
        <source>Stage of change</source>
        <translation>Etapa de cambio</translation>
    </message>
    <message>
        <source>Last recorded: {stage}</source>
        <translation>Último registro: {stage}</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message>
        <source>Flagged last time: raise openly today</source>
        <translation>Marcado la vez pasada: plantéalo abiertamente hoy</translation>
    </message>
    <message>
        <source>Tick when you have raised it in this session</source>
        <translation>Márcalo cuando lo hayas planteado en esta sesión</translation>
    </message>
    <message>
        <source>Tick each one once you have raised it.</source>
        <translation>Marca cada uno cuando lo hayas planteado.</translation>
    </message>
    <message>
        <source>Raise openly next session</source>
        <translation>Plantearlo la próxima sesión</translation>
    </message>
    <message>
        <source>What was said or done (optional)</source>
        <translation>Qué se dijo o se hizo (opcional)</translation>
    </message>
    <message>
        <source>The note is signed, so stage and observations are locked here (add them with an amendment).</source>
        <translation>La nota está firmada, así que la etapa y las observaciones están bloqueadas aquí (agrégalas con una enmienda).</translation>
    </message>
    <message>
        <source>Resistance and stage of change</source>
        <translation>Resistencia y etapa de cambio</translation>
    </message>
    <message>
        <source>Resistance observed in this session (tick what you saw; it is yours to work with, not a verdict on the client):</source>
        <translation>Resistencia observada en esta sesión (marca lo que viste; es material para tu trabajo, no un juicio sobre el cliente):</translation>
    </message>
    <message>
        <source>&lt;b&gt;Stance:&lt;/b&gt; {stance}&lt;br&gt;&lt;b&gt;Homework that fits:&lt;/b&gt; {fits}</source>
        <translation>&lt;b&gt;Postura:&lt;/b&gt; {stance}&lt;br&gt;&lt;b&gt;Tareas que encajan:&lt;/b&gt; {fits}</translation>
    </message>
    <message>
        <source>Choose the stage to see the recommended stance.</source>
        <translation>Elige la etapa para ver la postura recomendada.</translation>
    </message>
</context>
<context>
    <name>ReviewForm</name>
    <message>
        <source>Assignment {number}</source>
        <translation>Tarea {number}</translation>
    </message>
    <message>
        <source>Not reviewed this session</source>
        <translation>No se revisa en esta sesión</translation>
    </message>
    <message>
        <source>Nothing is written for this assignment when the session finishes</source>
        <translation>No se guarda nada de esta tarea al terminar la sesión</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>no se preguntó</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin valorar</translation>
    </message>
    <message>
        <source>not counted</source>
        <translation>sin contar</translation>
    </message>
    <message>
        <source>Days recorded</source>
        <translation>Días registrados</translation>
    </message>
    <message>
        <source>Brought the record *</source>
        <translation>Trajo el registro *</translation>
    </message>
    <message>
        <source>Completion *</source>
        <translation>Cumplimiento *</translation>
    </message>
    <message>
        <source>Client's own rating</source>
        <translation>Valoración del cliente</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>Obstáculos</translation>
    </message>
    <message>
        <source>Strategies applied now (the ladder)</source>
        <translation>Estrategias que aplicas ahora (la escalera)</translation>
    </message>
    <message>
        <source>What the client said about it (optional)</source>
        <translation>Qué dijo el cliente sobre la tarea (opcional)</translation>
    </message>
    <message>
        <source>Note on this homework</source>
        <translation>Nota sobre esta tarea</translation>
    </message>
    <message numerus="yes">
        <source>The client's sheet (fillable PDF): %n answer(s)</source>
        <translation><numerusform>La hoja del cliente (PDF rellenable): %n respuesta</numerusform><numerusform>La hoja del cliente (PDF rellenable): %n respuestas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>{answers}, &lt;span style='color:{ink}'&gt;%n flagged&lt;/span&gt;</source>
        <translation><numerusform>{answers}, &lt;span style='color:{ink}'&gt;%n marcada&lt;/span&gt;</numerusform><numerusform>{answers}, &lt;span style='color:{ink}'&gt;%n marcadas&lt;/span&gt;</numerusform></translation>
    </message>
</context>
<context>
    <name>ReviewStep</name>
    <message>
        <source>Review homework</source>
        <translation>Revisar tareas</translation>
    </message>
    <message>
        <source>How did the homework go?</source>
        <translation>¿Cómo le fue con la tarea?</translation>
    </message>
    <message>
        <source>For each active assignment: did the client bring it, how much was done, what got in the way, and which ladder steps you apply now.</source>
        <translation>Para cada tarea activa: si el cliente la trajo, cuánto hizo, qué se interpuso y qué pasos de la escalera aplicas ahora.</translation>
    </message>
    <message>
        <source>Plan from last time: {plan}</source>
        <translation>Plan de la vez pasada: {plan}</translation>
    </message>
    <message>
        <source>No active homework to review in this session.</source>
        <translation>No hay tareas activas para revisar en esta sesión.</translation>
    </message>
</context>
<context>
    <name>RiskAlertDialog</name>
    <message>
        <source>not answered</source>
        <translation>sin responder</translation>
    </message>
    <message>
        <source>question 9 was {then} when the alert was raised; now {now}</source>
        <translation>la pregunta 9 era {then} cuando se abrió la alerta; ahora es {now}</translation>
    </message>
    <message>
        <source>Risk alert — {name}</source>
        <translation>Alerta de riesgo — {name}</translation>
    </message>
    <message>
        <source>Risk alert: PHQ-9 question 9</source>
        <translation>Alerta de riesgo: pregunta 9 del PHQ-9</translation>
    </message>
    <message>
        <source>{name} answered question 9 on {day}:</source>
        <translation>{name} respondió la pregunta 9 el {day}:</translation>
    </message>
    <message>
        <source>Answer: {answer}</source>
        <translation>Respuesta: {answer}</translation>
    </message>
    <message>
        <source>The measure was changed since: {change}.</source>
        <translation>La medida se cambió después: {change}.</translation>
    </message>
    <message>
        <source>Before going on, ask about it and act as your safety plan says. Then write what was done (required):</source>
        <translation>Antes de seguir, pregunta al respecto y actúa según tu plan de seguridad. Luego escribe lo que se hizo (obligatorio):</translation>
    </message>
    <message>
        <source>For example: asked about plans and means; safety plan reviewed; …</source>
        <translation>Por ejemplo: pregunté por planes y medios; repasamos el plan de seguridad; …</translation>
    </message>
    <message>
        <source>What was done</source>
        <translation>Lo que se hizo</translation>
    </message>
    <message>
        <source>Mark {name} as 'cannot postpone treatment'</source>
        <translation>Marcar a {name} como «no puede posponer el tratamiento»</translation>
    </message>
    <message>
        <source>{name} is already marked 'cannot postpone treatment'</source>
        <translation>{name} ya está marcado(a) como «no puede posponer el tratamiento»</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Atender</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>The alert stays open on Today and the prep view.</source>
        <translation>La alerta sigue abierta en Hoy y en la preparación.</translation>
    </message>
    <message>
        <source>Write what was done about the answer to question 9.</source>
        <translation>Escribe lo que se hizo ante la respuesta a la pregunta 9.</translation>
    </message>
    <message>
        <source>Risk alert on {day} (PHQ-9 question 9)</source>
        <translation>Alerta de riesgo del {day} (PHQ-9, pregunta 9)</translation>
    </message>
    <message>
        <source>{name} · {day} · PHQ-9 question 9: {answer}</source>
        <translation>{name} · {day} · pregunta 9 del PHQ-9: {answer}</translation>
    </message>
    <message>
        <source>Open risk alert · {day} · PHQ-9 question 9: {answer}</source>
        <translation>Alerta de riesgo abierta · {day} · pregunta 9 del PHQ-9: {answer}</translation>
    </message>
    <message>
        <source>{line} ({change})</source>
        <translation>{line} ({change})</translation>
    </message>
    <message>
        <source>Acknowledge…</source>
        <translation>Atender…</translation>
    </message>
    <message>
        <source>Acknowledge the risk alert of {name}</source>
        <translation>Atender la alerta de riesgo de {name}</translation>
    </message>
    <message>
        <source>Open risk alerts</source>
        <translation>Alertas de riesgo abiertas</translation>
    </message>
</context>
<context>
    <name>RiskFlag</name>
    <message>
        <source>no reason recorded</source>
        <translation>sin motivo registrado</translation>
    </message>
    <message>
        <source>⚠ {name} cannot postpone treatment: {reason}</source>
        <translation>⚠ {name} no puede posponer el tratamiento: {reason}</translation>
    </message>
    <message>
        <source>⚠ Cannot postpone treatment: {reason}</source>
        <translation>⚠ No puede posponer el tratamiento: {reason}</translation>
    </message>
</context>
<context>
    <name>RunningQuestion</name>
    <message>
        <source>This homework is already running</source>
        <translation>Esta tarea ya está en curso</translation>
    </message>
    <message>
        <source>Replace the running {title} (since {day})?</source>
        <translation>¿Reemplazar la tarea en curso {title} (desde el {day})?</translation>
    </message>
    <message>
        <source>Replace the running {title}?</source>
        <translation>¿Reemplazar la tarea en curso {title}?</translation>
    </message>
    <message>
        <source>Replace stops the running one and its reminders; it stays in the history, marked replaced. Keep both leaves two of this homework active, each with its own sheet and reminders.</source>
        <translation>Reemplazar detiene la que está en curso y sus recordatorios; queda en el historial, marcada como reemplazada. Mantener ambas deja dos de esta tarea activas, cada una con su hoja y sus recordatorios.</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Reemplazar</translation>
    </message>
    <message>
        <source>Keep both</source>
        <translation>Mantener ambas</translation>
    </message>
</context>
<context>
    <name>SecuritySettingsDialog</name>
    <message>
        <source>{folder}: folder not found; plain backups in it stay readable</source>
        <translation>{folder}: no se encontró la carpeta; las copias sin cifrar que contenga siguen siendo legibles</translation>
    </message>
    <message>
        <source>These copies could not be encrypted and are still readable:
{lines}</source>
        <translation>Estas copias no se pudieron cifrar y todavía se pueden leer:
{lines}</translation>
    </message>
    <message numerus="yes">
        <source>%n unfinished plain backup(s) deleted.</source>
        <translation><numerusform>Se borró %n copia sin cifrar sin terminar.</numerusform><numerusform>Se borraron %n copias sin cifrar sin terminar.</numerusform></translation>
    </message>
    <message>
        <source>Encryption</source>
        <translation>Cifrado</translation>
    </message>
    <message>
        <source>Security settings</source>
        <translation>Ajustes de seguridad</translation>
    </message>
    <message>
        <source>the passphrase fields</source>
        <translation>los campos de la frase de contraseña</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Frase de contraseña actual</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Frase de contraseña nueva</translation>
    </message>
    <message>
        <source>New passphrase again</source>
        <translation>Repite la frase de contraseña nueva</translation>
    </message>
    <message>
        <source>&lt;b&gt;This practice is encrypted.&lt;/b&gt; Its database, the database's journal and its backups can be read only with the passphrase or the recovery key.</source>
        <translation>&lt;b&gt;Esta consulta está cifrada.&lt;/b&gt; Su base de datos, el diario de la base de datos y sus copias de seguridad solo se pueden leer con la frase de contraseña o con la clave de recuperación.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Cambiar la frase de contraseña</translation>
    </message>
    <message>
        <source>The recovery key stays the same.</source>
        <translation>La clave de recuperación sigue siendo la misma.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This practice is not encrypted.&lt;/b&gt; Anyone who can open its files (a lost laptop, a copied backup) can read every record.</source>
        <translation>&lt;b&gt;Esta consulta no está cifrada.&lt;/b&gt; Cualquiera que pueda abrir sus archivos (una laptop perdida, una copia de seguridad copiada) puede leer todos los expedientes.</translation>
    </message>
    <message>
        <source>Turn on encryption…</source>
        <translation>Activar el cifrado…</translation>
    </message>
    <message>
        <source>At least {count} characters; a few unrelated words are easy to remember and hard to guess. Older copies and backups of this practice are encrypted too. You will get a recovery key to print.</source>
        <translation>Al menos {count} caracteres; unas cuantas palabras sin relación entre sí son fáciles de recordar y difíciles de adivinar. Las copias anteriores y las copias de seguridad de esta consulta también se cifran. Recibirás una clave de recuperación para imprimir.</translation>
    </message>
    <message>
        <source>The two new passphrases differ.</source>
        <translation>Las dos frases de contraseña nuevas no coinciden.</translation>
    </message>
    <message>
        <source>The current passphrase is wrong; nothing was changed.</source>
        <translation>La frase de contraseña actual no es correcta; no se cambió nada.</translation>
    </message>
    <message>
        <source>The passphrase was changed.</source>
        <translation>Se cambió la frase de contraseña.</translation>
    </message>
    <message>
        <source>Encryption was not turned on: {problem}</source>
        <translation>No se activó el cifrado: {problem}</translation>
    </message>
    <message>
        <source>Encryption is on.</source>
        <translation>El cifrado está activado.</translation>
    </message>
    <message>
        <source>Auto-lock</source>
        <translation>Bloqueo automático</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Lock after</source>
        <translation>Bloquear tras</translation>
    </message>
    <message>
        <source>After this long without typing or clicking, the window hides all client data and closes the database until it is unlocked.</source>
        <translation>Tras este tiempo sin escribir ni hacer clic, la ventana oculta todos los datos de los clientes y cierra la base de datos hasta que se desbloquee.</translation>
    </message>
</context>
<context>
    <name>ServerBackups</name>
    <message>
        <source>The backup was not restored</source>
        <translation>La copia de seguridad no se restauró</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copia de seguridad restaurada</translation>
    </message>
    <message>
        <source>Restored {source}. The database you were using before is not deleted: it is kept on the server as {name}.</source>
        <translation>Se restauró {source}. La base de datos que usabas antes no se borra: se guarda en el servidor como {name}.</translation>
    </message>
    <message>
        <source>This backup is of another practice</source>
        <translation>Esta copia es de otra consulta</translation>
    </message>
    <message>
        <source>{problem}

Restore it anyway? The database you are using now is kept on the server.</source>
        <translation>{problem}

¿Restaurarla de todos modos? La base de datos que usas ahora se guarda en el servidor.</translation>
    </message>
    <message numerus="yes">
        <source>Earlier copies of this practice kept on the server: %n. Practice never deletes them; once you are sure you no longer need one, your server administrator can remove it (DROP DATABASE).</source>
        <translation><numerusform>Copias anteriores de esta consulta guardadas en el servidor: %n. Practice nunca las borra; cuando tengas la certeza de que ya no necesitas una, quien administra tu servidor puede quitarla (DROP DATABASE).</numerusform><numerusform>Copias anteriores de esta consulta guardadas en el servidor: %n. Practice nunca las borra; cuando tengas la certeza de que ya no necesitas una, quien administra tu servidor puede quitarla (DROP DATABASE).</numerusform></translation>
    </message>
</context>
<context>
    <name>ServerConnectDialog</name>
    <message>
        <source>Connect to a practice server</source>
        <translation>Conectarte a un servidor de la consulta</translation>
    </message>
    <message>
        <source>Open a practice kept on a PostgreSQL server, shared by your computers or your group. Whoever set up the server can tell you these.</source>
        <translation>Abre una consulta guardada en un servidor PostgreSQL, compartida por tus computadoras o tu grupo. Quien configuró el servidor puede darte estos datos.</translation>
    </message>
    <message>
        <source>leave empty to use your .pgpass file</source>
        <translation>déjalo vacío para usar tu archivo .pgpass</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>&amp;Servidor:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Puerto:</translation>
    </message>
    <message>
        <source>&amp;Database name:</source>
        <translation>Nombre de la &amp;base de datos:</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>Nombre de &amp;usuario:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>Con&amp;traseña:</translation>
    </message>
    <message>
        <source>The password is kept only while Practice runs; it is never saved. A server on another computer must use TLS with a verified certificate.</source>
        <translation>La contraseña se guarda solo mientras Practice está abierto; nunca se almacena. Un servidor en otra computadora debe usar TLS con un certificado verificado.</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Mostrar detalles</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>&amp;Conectar</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Ocultar detalles</translation>
    </message>
    <message>
        <source>Type the server's host name or address.</source>
        <translation>Escribe el nombre o la dirección del servidor.</translation>
    </message>
    <message>
        <source>The host name cannot hold spaces or / @ ? #.</source>
        <translation>El nombre del servidor no puede tener espacios ni / @ ? #.</translation>
    </message>
    <message>
        <source>The port is a number from 1 to 65535 (usually 5432).</source>
        <translation>El puerto es un número del 1 al 65535 (normalmente 5432).</translation>
    </message>
    <message>
        <source>Type the name of the practice's database.</source>
        <translation>Escribe el nombre de la base de datos de la consulta.</translation>
    </message>
    <message>
        <source>Type your user name on the server.</source>
        <translation>Escribe tu nombre de usuario en el servidor.</translation>
    </message>
    <message>
        <source>{problem} Type it in the Password field, then Connect.</source>
        <translation>{problem} Escríbela en el campo Contraseña y luego elige Conectar.</translation>
    </message>
    <message>
        <source>The database is empty; nothing was set up.</source>
        <translation>La base de datos está vacía; no se configuró nada.</translation>
    </message>
</context>
<context>
    <name>ServerMenus</name>
    <message>
        <source>Connect to a practice ser&amp;ver…</source>
        <translation>Conectarte a un ser&amp;vidor de la consulta…</translation>
    </message>
    <message>
        <source>Recen&amp;t practice servers</source>
        <translation>Servi&amp;dores recientes de la consulta</translation>
    </message>
    <message>
        <source>&amp;Open the practice file on this computer</source>
        <translation>Abrir el archivo de la consulta en esta co&amp;mputadora</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>Ninguno todavía</translation>
    </message>
</context>
<context>
    <name>SessionPanel</name>
    <message numerus="yes">
        <source>%n thing(s) to fix</source>
        <translation><numerusform>%n cosa por corregir</numerusform><numerusform>%n cosas por corregir</numerusform></translation>
    </message>
    <message>
        <source>Preparation — this appointment is on {when}; you can finish it from then</source>
        <translation>Preparación — esta cita es el {when}; podrás terminarla a partir de ese día</translation>
    </message>
    <message>
        <source>Prepare this session?</source>
        <translation>¿Preparar esta sesión?</translation>
    </message>
    <message>
        <source>This appointment is on {when}.

What you enter now is kept as a preparation draft. You can finish the session from that day, not before.</source>
        <translation>Esta cita es el {when}.

Lo que escribas ahora se guarda como borrador de preparación. Podrás terminar la sesión a partir de ese día, no antes.</translation>
    </message>
    <message>
        <source>The draft was not taken over</source>
        <translation>No se tomó el borrador</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>code {code} · {level}, {language} · {way} · set {set}, bring by {due}</source>
        <translation>código {code} · {level}, {language} · {way} · asignada {set}, traer para el {due}</translation>
    </message>
    <message>
        <source>code {code} · {level}, {language} · {way} · set {set}</source>
        <translation>código {code} · {level}, {language} · {way} · asignada {set}</translation>
    </message>
    <message>
        <source>Session with {name}, {when}</source>
        <translation>Sesión con {name}, {when}</translation>
    </message>
    <message>
        <source>Read-only: this draft is being written on {computer}</source>
        <translation>Solo lectura: este borrador se está escribiendo en {computer}</translation>
    </message>
    <message>
        <source>Session with {name}</source>
        <translation>Sesión con {name}</translation>
    </message>
    <message>
        <source>Resumed: the draft you left earlier</source>
        <translation>Retomado: el borrador que dejaste antes</translation>
    </message>
    <message>
        <source>Taken over from {computer}: the draft saved there</source>
        <translation>Tomado de {computer}: el borrador guardado allí</translation>
    </message>
    <message>
        <source>Taken over from {computer}: the draft saved there at {time}</source>
        <translation>Tomado de {computer}: el borrador guardado allí a las {time}</translation>
    </message>
    <message>
        <source>Taken over from {computer}: the draft saved there on {when}</source>
        <translation>Tomado de {computer}: el borrador guardado allí el {when}</translation>
    </message>
    <message>
        <source>Session steps</source>
        <translation>Pasos de la sesión</translation>
    </message>
    <message>
        <source>Ctrl+Enter  next
Alt+B  back
Ctrl+1…6  go to step
Ctrl+S  save draft
Esc  close (draft kept)</source>
        <translation>Ctrl+Enter  siguiente
Alt+B  atrás
Ctrl+1…6  ir al paso
Ctrl+S  guardar borrador
Esc  cerrar (se conserva el borrador)</translation>
    </message>
    <message>
        <source>Discard draft…</source>
        <translation>Descartar borrador…</translation>
    </message>
    <message>
        <source>Save draft  (Ctrl+S)</source>
        <translation>Guardar borrador  (Ctrl+S)</translation>
    </message>
    <message>
        <source>Back  (Alt+B)</source>
        <translation>Atrás  (Alt+B)</translation>
    </message>
    <message>
        <source>Finish session  (Ctrl+Enter)</source>
        <translation>Terminar sesión  (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Next  (Alt+N)</source>
        <translation>Siguiente  (Alt+N)</translation>
    </message>
    <message>
        <source>Choose Yes or No for “Brought the record” on each assignment before going on (or tick “Not reviewed this session”).</source>
        <translation>Elige Sí o No en «Trajo el registro» para cada tarea antes de seguir (o marca «No se revisa en esta sesión»).</translation>
    </message>
    <message>
        <source>The draft could not be saved: {message}</source>
        <translation>No se pudo guardar el borrador: {message}</translation>
    </message>
    <message>
        <source>Draft saved at {time}.</source>
        <translation>Borrador guardado a las {time}.</translation>
    </message>
    <message>
        <source>The draft was not saved: it is being written on {computer}.</source>
        <translation>No se guardó el borrador: se está escribiendo en {computer}.</translation>
    </message>
    <message>
        <source>Discard this session's draft</source>
        <translation>Descartar el borrador de esta sesión</translation>
    </message>
    <message>
        <source>Throw away everything entered in this panel? Nothing from it has been saved to the record yet.</source>
        <translation>¿Descartar todo lo que escribiste en este panel? Nada de esto se ha guardado todavía en el expediente.</translation>
    </message>
    <message>
        <source>The draft was not discarded</source>
        <translation>No se descartó el borrador</translation>
    </message>
    <message>
        <source>Not yet: this is a preparation</source>
        <translation>Todavía no: esto es una preparación</translation>
    </message>
    <message>
        <source>The session could not be saved</source>
        <translation>No se pudo guardar la sesión</translation>
    </message>
    <message>
        <source>Reloaded what changed on {computer}. Check it, then finish again.</source>
        <translation>Se volvió a cargar lo que cambió en {computer}. Revísalo y vuelve a terminar.</translation>
    </message>
    <message>
        <source>Not finished: something in this session changed on {computer}.</source>
        <translation>Sin terminar: algo de esta sesión cambió en {computer}.</translation>
    </message>
    <message>
        <source>The session could not be reloaded</source>
        <translation>No se pudo volver a cargar la sesión</translation>
    </message>
    <message>
        <source>The PHQ-9 could not be updated</source>
        <translation>No se pudo actualizar el PHQ-9</translation>
    </message>
    <message>
        <source>The PHQ-9 could not be recorded</source>
        <translation>No se pudo guardar el PHQ-9</translation>
    </message>
    <message>
        <source>The PHQ-9 is recorded and a risk alert raised.</source>
        <translation>El PHQ-9 quedó guardado y se abrió una alerta de riesgo.</translation>
    </message>
    <message>
        <source>Risk alert acknowledged.</source>
        <translation>Alerta de riesgo atendida.</translation>
    </message>
    <message>
        <source>Finish without a note?</source>
        <translation>¿Terminar sin nota?</translation>
    </message>
    <message>
        <source>The session note is empty. Finish without a note?

Choose No to go back and write it.</source>
        <translation>La nota de la sesión está vacía. ¿Terminar sin nota?

Elige No para volver y escribirla.</translation>
    </message>
    <message>
        <source>Not finished: write the note, then finish.</source>
        <translation>Sin terminar: escribe la nota y después termina.</translation>
    </message>
    <message>
        <source>Nothing was saved: choose what to do with the running homework.</source>
        <translation>No se guardó nada: elige qué hacer con la tarea en curso.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>The session is saved.</source>
        <translation>La sesión está guardada.</translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved: %n thing(s) to fix, marked in red.</source>
        <translation><numerusform>No se guardó nada: hay %n cosa por corregir, marcada en rojo.</numerusform><numerusform>No se guardó nada: hay %n cosas por corregir, marcadas en rojo.</numerusform></translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>tarea</translation>
    </message>
    <message>
        <source>The draft was not saved</source>
        <translation>No se guardó el borrador</translation>
    </message>
    <message>
        <source>Close anyway? What you entered since the draft was last saved is lost; Cancel keeps the panel open so you can copy it.</source>
        <translation>¿Cerrar de todos modos? Se pierde lo que escribiste desde la última vez que se guardó el borrador; Cancelar deja el panel abierto para que puedas copiarlo.</translation>
    </message>
</context>
<context>
    <name>SheetPreview</name>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>US Letter</source>
        <translation>Carta (EE. UU.)</translation>
    </message>
    <message>
        <source>Sheet preview</source>
        <translation>Vista previa de la hoja</translation>
    </message>
    <message>
        <source>Fillable form (the client types into it on a phone or PC)</source>
        <translation>Formulario rellenable (el cliente escribe en él desde el teléfono o la computadora)</translation>
    </message>
    <message>
        <source>Paper size of the sheet (printed and saved)</source>
        <translation>Tamaño de papel de la hoja (al imprimir y al guardar)</translation>
    </message>
    <message>
        <source>What the phone shows when the alarm rings, also on a locked screen: keep it neutral.</source>
        <translation>Lo que muestra el teléfono cuando suena la alarma, también con la pantalla bloqueada: que sea neutro.</translation>
    </message>
    <message>
        <source>Alarm title:</source>
        <translation>Título de la alarma:</translation>
    </message>
    <message>
        <source>◀ Previous page</source>
        <translation>◀ Página anterior</translation>
    </message>
    <message>
        <source>Next page ▶</source>
        <translation>Página siguiente ▶</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>Ajustar al ancho</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save reminder card…</source>
        <translation>Guardar tarjeta recordatoria…</translation>
    </message>
    <message>
        <source>Save phone alarm (.ics)…</source>
        <translation>Guardar alarma del teléfono (.ics)…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>There is no sheet to show.</source>
        <translation>No hay ninguna hoja que mostrar.</translation>
    </message>
    <message>
        <source>Not available: {reason}</source>
        <translation>No disponible: {reason}</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Página {page} de {pages}</translation>
    </message>
    <message>
        <source>No pages</source>
        <translation>Sin páginas</translation>
    </message>
    <message>
        <source>There is no sheet to print.</source>
        <translation>No hay ninguna hoja que imprimir.</translation>
    </message>
    <message>
        <source>Print sheet</source>
        <translation>Imprimir la hoja</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Enviada a la impresora.</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>No se pudo poner en marcha la impresora.</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>No se guardó: {problem}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
    <message>
        <source>There is no sheet to save.</source>
        <translation>No hay ninguna hoja que guardar.</translation>
    </message>
    <message>
        <source>Save sheet as PDF</source>
        <translation>Guardar la hoja como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save reminder card</source>
        <translation>Guardar la tarjeta recordatoria</translation>
    </message>
    <message>
        <source>Save phone alarm</source>
        <translation>Guardar la alarma del teléfono</translation>
    </message>
    <message>
        <source>Calendar files (*.ics)</source>
        <translation>Archivos de calendario (*.ics)</translation>
    </message>
    <message>
        <source>No sheet</source>
        <translation>No hay hoja</translation>
    </message>
    <message>
        <source>Sheets — {name}</source>
        <translation>Hojas — {name}</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>The day before</source>
        <translation>El día anterior</translation>
    </message>
    <message>
        <source>The day after</source>
        <translation>El día siguiente</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Day shown</source>
        <translation>Día que se muestra</translation>
    </message>
    <message>
        <source>Appointments of the day</source>
        <translation>Citas del día</translation>
    </message>
    <message>
        <source>Open prep</source>
        <translation>Abrir preparación</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Empezar sesión</translation>
    </message>
    <message>
        <source>Day-before calls</source>
        <translation>Llamadas del día anterior</translation>
    </message>
    <message>
        <source>Reviews missing</source>
        <translation>Revisiones pendientes</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>Citas</translation>
    </message>
    <message>
        <source>Reminders to send today</source>
        <translation>Recordatorios por enviar hoy</translation>
    </message>
    <message>
        <source>The day's sessions</source>
        <translation>Sesiones del día</translation>
    </message>
    <message>
        <source>Today — {day}</source>
        <translation>Hoy — {day}</translation>
    </message>
    <message>
        <source>Risk alert acknowledged.</source>
        <translation>Alerta de riesgo atendida.</translation>
    </message>
    <message>
        <source>{count} appointment today</source>
        <translation>{count} cita hoy</translation>
    </message>
    <message>
        <source>{count} appointments today</source>
        <translation>{count} citas hoy</translation>
    </message>
    <message>
        <source>{count} tomorrow</source>
        <translation>{count} mañana</translation>
    </message>
    <message>
        <source>{count} appointment on {day}</source>
        <translation>{count} cita el {day}</translation>
    </message>
    <message>
        <source>{count} appointments on {day}</source>
        <translation>{count} citas el {day}</translation>
    </message>
    <message>
        <source>{count} on {day}</source>
        <translation>{count} el {day}</translation>
    </message>
    <message>
        <source>{count} reminder to send</source>
        <translation>{count} recordatorio por enviar</translation>
    </message>
    <message>
        <source>{count} reminders to send</source>
        <translation>{count} recordatorios por enviar</translation>
    </message>
    <message>
        <source>{count} call to make</source>
        <translation>{count} llamada por hacer</translation>
    </message>
    <message>
        <source>{count} calls to make</source>
        <translation>{count} llamadas por hacer</translation>
    </message>
    <message>
        <source>{count} review missing</source>
        <translation>{count} revisión pendiente</translation>
    </message>
    <message>
        <source>{count} reviews missing</source>
        <translation>{count} revisiones pendientes</translation>
    </message>
    <message>
        <source>Day-before calls ({count})</source>
        <translation>Llamadas del día anterior ({count})</translation>
    </message>
    <message>
        <source>No calls to make today.</source>
        <translation>Hoy no hay llamadas por hacer.</translation>
    </message>
    <message>
        <source>No calls to make on this day.</source>
        <translation>Este día no hay llamadas por hacer.</translation>
    </message>
    <message>
        <source>Reviews missing ({count}, attended in the last {days} days)</source>
        <translation>Revisiones pendientes ({count}, de sesiones asistidas en los últimos {days} días)</translation>
    </message>
    <message>
        <source>Every attended session has its review.</source>
        <translation>Todas las sesiones atendidas tienen su revisión.</translation>
    </message>
    <message>
        <source>Reminders to send ({sent} of {count})</source>
        <translation>Recordatorios por enviar (faltan {sent} de {count})</translation>
    </message>
    <message>
        <source>Reminders to send</source>
        <translation>Recordatorios por enviar</translation>
    </message>
    <message>
        <source>No reminders due on this day.</source>
        <translation>No hay recordatorios para este día.</translation>
    </message>
    <message>
        <source>Resume session</source>
        <translation>Retomar sesión</translation>
    </message>
    <message>
        <source>Copied the reminder for {name}.</source>
        <translation>Se copió el recordatorio para {name}.</translation>
    </message>
    <message>
        <source>Marked the reminder for {name} not sent.</source>
        <translation>El recordatorio para {name} quedó como no enviado.</translation>
    </message>
    <message>
        <source>Marked the reminder for {name} sent.</source>
        <translation>El recordatorio para {name} quedó como enviado.</translation>
    </message>
    <message>
        <source>{name}: session cancelled — self-record not done.</source>
        <translation>{name}: sesión cancelada — autorregistro no hecho.</translation>
    </message>
    <message>
        <source>{name}: call logged. Move the session in the Agenda.</source>
        <translation>{name}: llamada registrada. Mueve la sesión en la Agenda.</translation>
    </message>
    <message>
        <source>{name}: call logged.</source>
        <translation>{name}: llamada registrada.</translation>
    </message>
    <message>
        <source>Book another time?</source>
        <translation>¿Reservar otro horario?</translation>
    </message>
    <message>
        <source>Book another time for {name}?

Their usual day and time is proposed.</source>
        <translation>¿Reservar otro horario para {name}?

Se propone su día y hora de siempre.</translation>
    </message>
    <message>
        <source>Booked: {name}, {when}.</source>
        <translation>Reservada: {name}, {when}.</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Completion (your rating)</source>
        <translation>Cumplimiento (tu valoración)</translation>
    </message>
    <message>
        <source>Client's own rating</source>
        <translation>Valoración del cliente</translation>
    </message>
</context>
<context>
    <name>UnlockDialog</name>
    <message>
        <source>Unlock Practice</source>
        <translation>Desbloquear Practice</translation>
    </message>
    <message>
        <source>This practice is encrypted</source>
        <translation>Esta consulta está cifrada</translation>
    </message>
    <message>
        <source>Type the passphrase to open &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>Escribe la frase de contraseña para abrir &lt;b&gt;{name}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Practice cannot unlock &lt;b&gt;{name}&lt;/b&gt; with a passphrase.</source>
        <translation>Practice no puede desbloquear &lt;b&gt;{name}&lt;/b&gt; con una frase de contraseña.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Practice cannot read {name}: it is not a plain database, and it has no key file ({key_file}), here or in the backup folders. If the practice is encrypted, its recovery key opens it and sets a new passphrase. Otherwise the file is damaged.</source>
        <translation>Practice no puede leer {name}: no es una base de datos sin cifrar y no tiene archivo de clave ({key_file}), ni aquí ni en las carpetas de copias. Si la consulta está cifrada, su clave de recuperación la abre y establece una frase de contraseña nueva. Si no, el archivo está dañado.</translation>
    </message>
    <message>
        <source>It is not encrypted</source>
        <translation>No está cifrada</translation>
    </message>
</context>
<context>
    <name>UpdateWatch</name>
    <message>
        <source>Practice was updated</source>
        <translation>Practice se actualizó</translation>
    </message>
    <message>
        <source>A new version of Practice was installed while it was open. Restart it to go on: until then some windows may not open.</source>
        <translation>Se instaló una versión nueva de Practice mientras estaba abierto. Reinícialo para seguir: hasta entonces, algunas ventanas podrían no abrirse.</translation>
    </message>
    <message>
        <source>Your work so far is kept: restarting closes Practice as usual first.</source>
        <translation>Lo que has hecho hasta ahora se conserva: al reiniciar, Practice primero se cierra como siempre.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>&amp;Reiniciar ahora</translation>
    </message>
    <message>
        <source>&amp;Later</source>
        <translation>&amp;Más tarde</translation>
    </message>
</context>
<context>
    <name>WeekSheetsDialog</name>
    <message numerus="yes">
        <source>%n sheet(s)</source>
        <translation><numerusform>%n hoja</numerusform><numerusform>%n hojas</numerusform></translation>
    </message>
    <message>
        <source>Print this week's sheets</source>
        <translation>Imprimir las hojas de esta semana</translation>
    </message>
    <message>
        <source>Sheets to print</source>
        <translation>Hojas para imprimir</translation>
    </message>
    <message>
        <source>Preview and print…</source>
        <translation>Vista previa e impresión…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>One sheet for every active homework of the clients who have an appointment in these days, each dated from that appointment to the next. Each sheet starts on a new sheet of paper when printed on both sides.</source>
        <translation>Una hoja por cada tarea activa de los clientes que tienen cita en estos días, cada una con fechas desde esa cita hasta la siguiente. Al imprimir a doble cara, cada hoja empieza en un papel nuevo.</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Papel</translation>
    </message>
    <message>
        <source>The last day comes before the first day.</source>
        <translation>El último día es anterior al primero.</translation>
    </message>
    <message>
        <source>{sheets} for {clients}</source>
        <translation>{sheets} para {clients}</translation>
    </message>
    <message numerus="yes">
        <source>%n client(s)</source>
        <translation><numerusform>%n cliente</numerusform><numerusform>%n clientes</numerusform></translation>
    </message>
    <message>
        <source>{sheets} · {first} – {last}</source>
        <translation>{sheets} · {first} – {last}</translation>
    </message>
    <message>
        <source>This week's sheets</source>
        <translation>Las hojas de esta semana</translation>
    </message>
</context>
<context>
    <name>WhatWorksPage</name>
    <message>
        <source>What works: steps and changes of material</source>
        <translation>Qué funciona: pasos y cambios de material</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualizar</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Guardar como PDF…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Not saved: {problem}</source>
        <translation>No se guardó: {problem}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Guardado en {path}</translation>
    </message>
</context>
<context>
    <name>actions</name>
    <message>
        <source>The input could not be saved.</source>
        <translation>No se pudo guardar lo que escribiste.</translation>
    </message>
</context>
<context>
    <name>adherence_text</name>
    <message>
        <source>session kept</source>
        <translation>la sesión se mantiene</translation>
    </message>
    <message>
        <source>session cancelled</source>
        <translation>sesión cancelada</translation>
    </message>
    <message>
        <source>session to be moved</source>
        <translation>hay que cambiar la sesión</translation>
    </message>
    <message>
        <source>done</source>
        <translation>la hizo</translation>
    </message>
    <message>
        <source>partly</source>
        <translation>en parte</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>no la hizo</translation>
    </message>
    <message>
        <source>not reached</source>
        <translation>no se le pudo localizar</translation>
    </message>
    <message>
        <source>Week of {day}: {what}</source>
        <translation>Semana del {day}: {what}</translation>
    </message>
    <message>
        <source>Day-before call for {day}: {outcome}, {decision}</source>
        <translation>Llamada del día anterior por el {day}: {outcome}, {decision}</translation>
    </message>
    <message>
        <source>Conditional sessions on</source>
        <translation>Sesiones condicionales activas</translation>
    </message>
    <message>
        <source>completion {value} ({words}) — {reviews}</source>
        <translation>cumplimiento {value} ({words}) — {reviews}</translation>
    </message>
    <message>
        <source>no session</source>
        <translation>sin sesión</translation>
    </message>
    <message>
        <source>session on {day}; the homework ({titles}) was not reviewed</source>
        <translation>sesión el {day}; la tarea ({titles}) no se revisó</translation>
    </message>
    <message>
        <source>session on {day}; no homework was open</source>
        <translation>sesión el {day}; no había tareas abiertas</translation>
    </message>
    <message>
        <source>next session on {day}</source>
        <translation>próxima sesión el {day}</translation>
    </message>
    <message>
        <source>the session on {day} is not marked yet</source>
        <translation>la sesión del {day} todavía no está marcada</translation>
    </message>
    <message>
        <source>barriers: {list}</source>
        <translation>obstáculos: {list}</translation>
    </message>
    <message>
        <source>tried: {list}</source>
        <translation>se probó: {list}</translation>
    </message>
    <message>
        <source>client's own rating {list}</source>
        <translation>valoración del cliente {list}</translation>
    </message>
    <message>
        <source>record not brought</source>
        <translation>no trajo el registro</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>This copy of Practice is damaged</source>
        <translation>Esta copia de Practice está dañada</translation>
    </message>
    <message>
        <source> — demo practice (fictional data)</source>
        <translation> — consulta de demostración (datos ficticios)</translation>
    </message>
</context>
<context>
    <name>appointments</name>
    <message>
        <source>Start time is required.</source>
        <translation>Falta la hora de inicio.</translation>
    </message>
    <message>
        <source>Start time must carry a time zone.</source>
        <translation>La hora de inicio debe llevar zona horaria.</translation>
    </message>
    <message>
        <source>Duration is required.</source>
        <translation>Falta la duración.</translation>
    </message>
    <message>
        <source>The appointment must end after it starts (duration must be more than 0 minutes).</source>
        <translation>La cita debe terminar después de empezar (la duración debe ser de más de 0 minutos).</translation>
    </message>
    <message>
        <source>Duration is too long ({duration_minutes} minutes; at most {max_duration_minutes}).</source>
        <translation>La duración es demasiado larga ({duration_minutes} minutos; como máximo {max_duration_minutes}).</translation>
    </message>
    <message>
        <source>This client is {status}.</source>
        <translation>Este cliente está {status}.</translation>
    </message>
    <message>
        <source>'Cancelled — self-record not done' is set only by the conditional-session flow (the day-before call).</source>
        <translation>«Cancelada: autorregistro no hecho» solo lo marca el flujo de sesiones condicionales (la llamada del día anterior).</translation>
    </message>
    <message>
        <source>This appointment was cancelled by the conditional-session flow; schedule a new appointment instead of changing it.</source>
        <translation>Esta cita se canceló en el flujo de sesiones condicionales; programa una cita nueva en lugar de cambiarla.</translation>
    </message>
    <message>
        <source>Reason {problem}.</source>
        <translation>El motivo {problem}.</translation>
    </message>
    <message>
        <source>This appointment is on {local_date}; it cannot be marked {label} before that day.</source>
        <translation>Esta cita es el {local_date}; no se puede marcar como {label} antes de ese día.</translation>
    </message>
    <message>
        <source>This session has a note or homework reviews, so it took place; it cannot be marked otherwise.</source>
        <translation>Esta sesión tiene una nota o revisiones de tareas, así que se realizó; no se puede marcar de otra forma.</translation>
    </message>
    <message>
        <source>This time is now taken by {client_name} ({span}), so it cannot go back to scheduled. Move or cancel that appointment first, or schedule a new one.</source>
        <translation>Este horario ya lo ocupa {client_name} ({span}), así que no puede volver a programada. Primero mueve o cancela esa cita, o programa una nueva.</translation>
    </message>
    <message>
        <source>This appointment is marked {status}. Undo that first to move it, or schedule a new appointment.</source>
        <translation>Esta cita está marcada como {status}. Deshaz eso primero para moverla, o programa una cita nueva.</translation>
    </message>
    <message>
        <source>This appointment is {status}, so it cannot be moved. Schedule a new appointment instead.</source>
        <translation>Esta cita está {status}, así que no se puede mover. Programa una cita nueva en su lugar.</translation>
    </message>
    <message>
        <source>This appointment is scheduled; there is no no-show or cancellation to undo.</source>
        <translation>Esta cita está programada; no hay inasistencia ni cancelación que deshacer.</translation>
    </message>
    <message>
        <source>This session was cancelled after the day-before call (self-record not done). Schedule a new appointment instead.</source>
        <translation>Esta sesión se canceló tras la llamada del día anterior (autorregistro no hecho). Programa una cita nueva en su lugar.</translation>
    </message>
    <message>
        <source>This session took place; there is no no-show or cancellation to undo.</source>
        <translation>Esta sesión se realizó; no hay inasistencia ni cancelación que deshacer.</translation>
    </message>
    <message>
        <source>This appointment is already {label}.</source>
        <translation>Esta cita ya está {label}.</translation>
    </message>
    <message>
        <source>This appointment is still to come; it cannot be marked {label} yet.</source>
        <translation>Esta cita todavía no llega; aún no se puede marcar como {label}.</translation>
    </message>
    <message>
        <source>This session has a note, so it took place; it cannot be marked otherwise.</source>
        <translation>Esta sesión tiene una nota, así que se realizó; no se puede marcar de otra forma.</translation>
    </message>
    <message>
        <source>Only a date of a repeating series can be skipped; cancel a one-off instead.</source>
        <translation>Solo se puede saltar una fecha de una serie que se repite; cancela la cita suelta en su lugar.</translation>
    </message>
    <message>
        <source>This date is already {status}.</source>
        <translation>Esta fecha ya está {status}.</translation>
    </message>
    <message>
        <source>This session has a note, so the date cannot be skipped.</source>
        <translation>Esta sesión tiene una nota, así que no se puede saltar la fecha.</translation>
    </message>
    <message>
        <source>{day} {year} is outside the calendar: choose a date between 1 Jan {year2} and 31 Dec {year3}.</source>
        <translation>{day} {year} está fuera del calendario: elige una fecha entre el 1 ene {year2} y el 31 dic {year3}.</translation>
    </message>
    <message>
        <source>A reason is required for this cancellation.</source>
        <translation>Esta cancelación necesita un motivo.</translation>
    </message>
    <message>
        <source>Only a scheduled appointment can be cancelled; this one is {status}.</source>
        <translation>Solo se puede cancelar una cita programada; esta está {status}.</translation>
    </message>
    <message>
        <source>Not cancelled: this client is marked “cannot postpone treatment”. A missing self-record cancels their session only while conditional sessions are on with an override that names who was consulted. Keep the session or move it.</source>
        <translation>No se canceló: este cliente está marcado como «no puede posponer el tratamiento». Un autorregistro que falta cancela su sesión solo si las sesiones condicionales están activas con una excepción que dice a quién consultaste. Mantén la sesión o muévela.</translation>
    </message>
    <message>
        <source>The last day comes before the first day.</source>
        <translation>El último día es anterior al primero.</translation>
    </message>
    <message>
        <source>another appointment of this client</source>
        <translation>otra cita de este cliente</translation>
    </message>
    <message>
        <source>Overlaps with {who} on {when} ({minutes} min).</source>
        <translation>Se superpone con {who} el {when} ({minutes} min).</translation>
    </message>
    <message>
        <source>This time overlaps {client_name}'s appointment ({span}).</source>
        <translation>Este horario se superpone con la cita de {client_name} ({span}).</translation>
    </message>
    <message>
        <source>There is no client with id {client_id}.</source>
        <translation>No hay ningún cliente con el id {client_id}.</translation>
    </message>
    <message>
        <source>There is no appointment with id {appointment_id}.</source>
        <translation>No hay ninguna cita con el id {appointment_id}.</translation>
    </message>
</context>
<context>
    <name>assignment_status</name>
    <message>
        <source>active</source>
        <translation>activa</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>reemplazada</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>abandonada</translation>
    </message>
</context>
<context>
    <name>audit_words</name>
    <message>
        <source>Thought record</source>
        <translation>Registro de pensamientos</translation>
    </message>
    <message>
        <source>ABC record</source>
        <translation>Registro ABC</translation>
    </message>
    <message>
        <source>Mood log</source>
        <translation>Registro del ánimo</translation>
    </message>
    <message>
        <source>Activity schedule</source>
        <translation>Agenda de actividades</translation>
    </message>
    <message>
        <source>Sleep diary</source>
        <translation>Diario de sueño</translation>
    </message>
    <message>
        <source>Panic diary</source>
        <translation>Diario de pánico</translation>
    </message>
    <message>
        <source>Urge log</source>
        <translation>Registro de impulsos</translation>
    </message>
    <message>
        <source>Exposure record</source>
        <translation>Registro de exposición</translation>
    </message>
    <message>
        <source>My week</source>
        <translation>Mi semana</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Cliente</translation>
    </message>
    <message>
        <source>Appointment</source>
        <translation>Cita</translation>
    </message>
    <message>
        <source>Repeating appointments</source>
        <translation>Citas que se repiten</translation>
    </message>
    <message>
        <source>Session note</source>
        <translation>Nota de sesión</translation>
    </message>
    <message>
        <source>Private note</source>
        <translation>Nota privada</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observación</translation>
    </message>
    <message>
        <source>Homework</source>
        <translation>Tarea</translation>
    </message>
    <message>
        <source>Homework review</source>
        <translation>Revisión de tarea</translation>
    </message>
    <message>
        <source>Strategy tried in a review</source>
        <translation>Estrategia probada en una revisión</translation>
    </message>
    <message>
        <source>Barrier noted in a review</source>
        <translation>Obstáculo anotado en una revisión</translation>
    </message>
    <message>
        <source>Note amendment</source>
        <translation>Enmienda de nota</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Conditional sessions</source>
        <translation>Sesiones condicionales</translation>
    </message>
    <message>
        <source>Day-before call</source>
        <translation>Llamada del día anterior</translation>
    </message>
    <message>
        <source>Session draft</source>
        <translation>Borrador de sesión</translation>
    </message>
    <message>
        <source>Practice file</source>
        <translation>Archivo de la consulta</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloqueo</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportación</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importación</translation>
    </message>
    <message>
        <source>Practice</source>
        <translation>Consulta</translation>
    </message>
    <message>
        <source>Outcome measure</source>
        <translation>Medida de resultados</translation>
    </message>
    <message>
        <source>Risk alert</source>
        <translation>Alerta de riesgo</translation>
    </message>
    <message>
        <source>Measure form</source>
        <translation>Formulario de medida</translation>
    </message>
    <message>
        <source>Client added</source>
        <translation>Cliente agregado</translation>
    </message>
    <message>
        <source>Personal goals set</source>
        <translation>Metas personales definidas</translation>
    </message>
    <message>
        <source>Marked as cannot postpone treatment</source>
        <translation>Marcado como «no puede posponer el tratamiento»</translation>
    </message>
    <message>
        <source>Outcome measure recorded</source>
        <translation>Medida de resultados registrada</translation>
    </message>
    <message>
        <source>Measure form printed</source>
        <translation>Formulario de medida impreso</translation>
    </message>
    <message>
        <source>Outcome measure removed</source>
        <translation>Medida de resultados eliminada</translation>
    </message>
    <message>
        <source>Outcome measure answers changed</source>
        <translation>Respuestas de la medida de resultados cambiadas</translation>
    </message>
    <message>
        <source>Risk alert raised (PHQ-9 question 9)</source>
        <translation>Alerta de riesgo (pregunta 9 del PHQ-9)</translation>
    </message>
    <message>
        <source>Risk alert acknowledged</source>
        <translation>Alerta de riesgo atendida</translation>
    </message>
    <message>
        <source>Risk alert raised again: a higher answer to question 9</source>
        <translation>Alerta de riesgo elevada de nuevo: una respuesta más alta a la pregunta 9</translation>
    </message>
    <message>
        <source>Open risk alert removed with its measure</source>
        <translation>Alerta de riesgo abierta eliminada con su medida</translation>
    </message>
    <message>
        <source>Client details changed</source>
        <translation>Datos del cliente cambiados</translation>
    </message>
    <message>
        <source>Client status changed</source>
        <translation>Estado del cliente cambiado</translation>
    </message>
    <message>
        <source>Stage of change updated</source>
        <translation>Etapa de cambio actualizada</translation>
    </message>
    <message>
        <source>Client record exported</source>
        <translation>Expediente del cliente exportado</translation>
    </message>
    <message>
        <source>Client's sessions and notes opened</source>
        <translation>Sesiones y notas del cliente abiertas</translation>
    </message>
    <message>
        <source>Appointment booked</source>
        <translation>Cita programada</translation>
    </message>
    <message>
        <source>Appointment moved</source>
        <translation>Cita movida</translation>
    </message>
    <message>
        <source>Reason for the appointment's status changed</source>
        <translation>Motivo del estado de la cita cambiado</translation>
    </message>
    <message>
        <source>Appointment status changed</source>
        <translation>Estado de la cita cambiado</translation>
    </message>
    <message>
        <source>Session note written</source>
        <translation>Nota de sesión escrita</translation>
    </message>
    <message>
        <source>Session note changed</source>
        <translation>Nota de sesión cambiada</translation>
    </message>
    <message>
        <source>Session note signed</source>
        <translation>Nota de sesión firmada</translation>
    </message>
    <message>
        <source>Signed session note amended</source>
        <translation>Nota de sesión firmada enmendada</translation>
    </message>
    <message>
        <source>Private note written</source>
        <translation>Nota privada escrita</translation>
    </message>
    <message>
        <source>Private note changed</source>
        <translation>Nota privada cambiada</translation>
    </message>
    <message>
        <source>Private note removed</source>
        <translation>Nota privada eliminada</translation>
    </message>
    <message>
        <source>Observation added to a note</source>
        <translation>Observación agregada a una nota</translation>
    </message>
    <message>
        <source>Observation changed</source>
        <translation>Observación cambiada</translation>
    </message>
    <message>
        <source>Observation removed</source>
        <translation>Observación eliminada</translation>
    </message>
    <message>
        <source>Observation raised with the client</source>
        <translation>Observación planteada con el cliente</translation>
    </message>
    <message>
        <source>Observation no longer marked as raised</source>
        <translation>Observación ya no marcada como planteada</translation>
    </message>
    <message>
        <source>Homework set</source>
        <translation>Tarea asignada</translation>
    </message>
    <message>
        <source>Homework changed</source>
        <translation>Tarea cambiada</translation>
    </message>
    <message>
        <source>Homework replaced</source>
        <translation>Tarea reemplazada</translation>
    </message>
    <message>
        <source>Homework dropped</source>
        <translation>Tarea abandonada</translation>
    </message>
    <message>
        <source>Homework completed</source>
        <translation>Tarea completada</translation>
    </message>
    <message>
        <source>Reminder card printed</source>
        <translation>Tarjeta recordatoria impresa</translation>
    </message>
    <message>
        <source>Homework reviewed</source>
        <translation>Tarea revisada</translation>
    </message>
    <message>
        <source>Homework review changed</source>
        <translation>Revisión de tarea cambiada</translation>
    </message>
    <message>
        <source>Filled-in sheet imported into a review</source>
        <translation>Hoja completada importada en una revisión</translation>
    </message>
    <message>
        <source>Reminder sent</source>
        <translation>Recordatorio enviado</translation>
    </message>
    <message>
        <source>Reminder marked as not sent</source>
        <translation>Recordatorio marcado como no enviado</translation>
    </message>
    <message>
        <source>Conditional sessions turned on</source>
        <translation>Sesiones condicionales activadas</translation>
    </message>
    <message>
        <source>Conditional sessions ended</source>
        <translation>Sesiones condicionales terminadas</translation>
    </message>
    <message>
        <source>Day-before call recorded</source>
        <translation>Llamada del día anterior registrada</translation>
    </message>
    <message>
        <source>Unfinished session discarded</source>
        <translation>Sesión sin terminar descartada</translation>
    </message>
    <message>
        <source>Unfinished session taken over from another computer</source>
        <translation>Sesión sin terminar retomada desde otra computadora</translation>
    </message>
    <message>
        <source>Unfinished session moved to the next appointment</source>
        <translation>Sesión sin terminar movida a la próxima cita</translation>
    </message>
    <message>
        <source>Cancellation refused: the client cannot postpone treatment</source>
        <translation>Cancelación rechazada: el cliente no puede posponer el tratamiento</translation>
    </message>
    <message>
        <source>Appointment cancelled under the cannot-postpone override</source>
        <translation>Cita cancelada con la excepción de «no puede posponer»</translation>
    </message>
    <message>
        <source>Appointment back to scheduled</source>
        <translation>Cita de nuevo programada</translation>
    </message>
    <message>
        <source>Date skipped in a repeating series</source>
        <translation>Fecha saltada en una serie que se repite</translation>
    </message>
    <message>
        <source>Weekly appointments booked</source>
        <translation>Citas semanales programadas</translation>
    </message>
    <message>
        <source>This and the following appointments moved</source>
        <translation>Esta cita y las siguientes movidas</translation>
    </message>
    <message>
        <source>Conditional sessions turned on for a client who cannot postpone treatment</source>
        <translation>Sesiones condicionales activadas para un cliente que no puede posponer el tratamiento</translation>
    </message>
    <message>
        <source>Same homework set again beside the running one</source>
        <translation>La misma tarea asignada otra vez junto a la que está en curso</translation>
    </message>
    <message>
        <source>Backup made</source>
        <translation>Copia de seguridad hecha</translation>
    </message>
    <message>
        <source>Restored from a backup</source>
        <translation>Restaurado desde una copia de seguridad</translation>
    </message>
    <message>
        <source>Took over the practice from another copy of Practice</source>
        <translation>Se tomó la consulta de otra copia de Practice</translation>
    </message>
    <message>
        <source>Encryption turned on</source>
        <translation>Cifrado activado</translation>
    </message>
    <message>
        <source>Unlock failed</source>
        <translation>Desbloqueo fallido</translation>
    </message>
    <message>
        <source>Everything exported</source>
        <translation>Todo exportado</translation>
    </message>
    <message>
        <source>Clients imported from a CSV file</source>
        <translation>Clientes importados de un archivo CSV</translation>
    </message>
    <message>
        <source>Demo practice created</source>
        <translation>Consulta de demostración creada</translation>
    </message>
    <message>
        <source>Appointment attended</source>
        <translation>Cita asistida</translation>
    </message>
    <message>
        <source>Appointment missed (no-show)</source>
        <translation>Cita perdida (inasistencia)</translation>
    </message>
    <message>
        <source>Appointment cancelled by the client</source>
        <translation>Cita cancelada por el cliente</translation>
    </message>
    <message>
        <source>Appointment cancelled by you</source>
        <translation>Cita cancelada por ti</translation>
    </message>
    <message>
        <source>Appointment cancelled: self-record not done</source>
        <translation>Cita cancelada: autorregistro no hecho</translation>
    </message>
    <message>
        <source>Demo data added</source>
        <translation>Datos de demostración agregados</translation>
    </message>
    <message>
        <source>{record}: {action}</source>
        <translation>{record}: {action}</translation>
    </message>
    <message>
        <source>{sentence} — {details}</source>
        <translation>{sentence} — {details}</translation>
    </message>
</context>
<context>
    <name>backup</name>
    <message>
        <source>There is no database at {db_path}.</source>
        <translation>No hay ninguna base de datos en {db_path}.</translation>
    </message>
    <message>
        <source>Could not back up {db_path}: there is a file named {name} in {parent}, where the backup folder should be. Move or rename that file, or choose another backup folder.</source>
        <translation>No se pudo hacer la copia de seguridad de {db_path}: hay un archivo llamado {name} en {parent}, donde debería estar la carpeta de copias. Mueve o cambia el nombre de ese archivo, o elige otra carpeta de copias.</translation>
    </message>
    <message>
        <source>Could not back up {db_path} to {folder}: {exc}</source>
        <translation>No se pudo hacer la copia de seguridad de {db_path} en {folder}: {exc}</translation>
    </message>
</context>
<context>
    <name>client_csv</name>
    <message>
        <source>This looks like a spreadsheet workbook (.xlsx), not a CSV file; save it as “CSV UTF-8” and import that.</source>
        <translation>Esto parece un libro de hoja de cálculo (.xlsx), no un archivo CSV; guárdalo como «CSV UTF-8» e importa ese.</translation>
    </message>
    <message>
        <source>The file is UTF-16 text; save it as “CSV UTF-8” and import that.</source>
        <translation>El archivo es texto UTF-16; guárdalo como «CSV UTF-8» e importa ese.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (byte 0x{value} on line {line}); save it as “CSV UTF-8” and import that.</source>
        <translation>El archivo no es texto UTF-8 (byte 0x{value} en la línea {line}); guárdalo como «CSV UTF-8» e importa ese.</translation>
    </message>
    <message>
        <source>line {value}: the file is not valid CSV: {reason}.</source>
        <translation>línea {value}: el archivo no es un CSV válido: {reason}.</translation>
    </message>
    <message>
        <source>line {line_no}: the first line must be a header naming the columns, e.g. first_name,last_name,birth_date.</source>
        <translation>línea {line_no}: la primera línea debe ser un encabezado con los nombres de las columnas, p. ej. first_name,last_name,birth_date.</translation>
    </message>
    <message>
        <source>The header names a column twice: {twice}.</source>
        <translation>El encabezado nombra una columna dos veces: {twice}.</translation>
    </message>
    <message>
        <source>Required column missing: {columns}.</source>
        <translation>Falta una columna obligatoria: {columns}.</translation>
    </message>
    <message>
        <source>Unknown column: {unknown}. Columns Practice reads: {known}.</source>
        <translation>Columna desconocida: {unknown}. Columnas que lee Practice: {known}.</translation>
    </message>
    <message>
        <source>Unknown columns: {unknown}. Columns Practice reads: {known}.</source>
        <translation>Columnas desconocidas: {unknown}. Columnas que lee Practice: {known}.</translation>
    </message>
    <message>
        <source>{first} {second}</source>
        <translation>{first} {second}</translation>
    </message>
    <message>
        <source>{shown} is not a date as YYYY-MM-DD (e.g. 1984-03-25).</source>
        <translation>{shown} no es una fecha con la forma AAAA-MM-DD (p. ej. 1984-03-25).</translation>
    </message>
    <message>
        <source>{shown} is not a real date.</source>
        <translation>{shown} no es una fecha real.</translation>
    </message>
    <message>
        <source>{shown} is not a clock time as HH:MM, 24-hour (e.g. 19:30).</source>
        <translation>{shown} no es una hora con la forma HH:MM, de 24 horas (p. ej. 19:30).</translation>
    </message>
    <message>
        <source>{shown} is not yes or no; use yes/no, true/false or 1/0.</source>
        <translation>{shown} no es sí o no; usa yes/no, true/false o 1/0.</translation>
    </message>
    <message>
        <source>{shown} is not one of: {allowed}.</source>
        <translation>{shown} no es ninguno de estos: {allowed}.</translation>
    </message>
</context>
<context>
    <name>clients</name>
    <message>
        <source>First name is required.</source>
        <translation>Falta el nombre.</translation>
    </message>
    <message>
        <source>Last name is required.</source>
        <translation>Faltan los apellidos.</translation>
    </message>
    <message>
        <source>{label} {problem}.</source>
        <translation>{label} {problem}.</translation>
    </message>
    <message>
        <source>E-mail should look like name@example.org.</source>
        <translation>El correo debe tener la forma nombre@ejemplo.org.</translation>
    </message>
    <message>
        <source>Phone may hold digits, spaces, + ( ) - . / only (6 to 30 characters).</source>
        <translation>El teléfono solo puede tener dígitos, espacios, + ( ) - . / (de 6 a 30 caracteres).</translation>
    </message>
    <message>
        <source>Birth date cannot be in the future.</source>
        <translation>La fecha de nacimiento no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>Birth date is before 1900; please check it.</source>
        <translation>La fecha de nacimiento es anterior a 1900; revísala, por favor.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>El nombre</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Los apellidos</translation>
    </message>
    <message>
        <source>Preferred name</source>
        <translation>El nombre preferido</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>El correo</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>El teléfono</translation>
    </message>
    <message>
        <source>Cannot postpone reason</source>
        <translation>El motivo de no poder posponer</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Las notas</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>La dirección</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>El contacto de emergencia</translation>
    </message>
    <message>
        <source>Diagnosis or presenting problem</source>
        <translation>El diagnóstico o motivo de consulta</translation>
    </message>
    <message>
        <source>First name is too long ({count} characters; at most {max_length}).</source>
        <translation>El nombre es demasiado largo ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Last name is too long ({count} characters; at most {max_length}).</source>
        <translation>Los apellidos son demasiado largos ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Preferred name is too long ({count} characters; at most {max_length}).</source>
        <translation>El nombre preferido es demasiado largo ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Email is too long ({count} characters; at most {max_length}).</source>
        <translation>El correo es demasiado largo ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Phone is too long ({count} characters; at most {max_length}).</source>
        <translation>El teléfono es demasiado largo ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Cannot postpone reason is too long ({count} characters; at most {max_length}).</source>
        <translation>El motivo para no posponer es demasiado largo ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Notes is too long ({count} characters; at most {max_length}).</source>
        <translation>Las notas son demasiado largas ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Address is too long ({count} characters; at most {max_length}).</source>
        <translation>La dirección es demasiado larga ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Emergency contact is too long ({count} characters; at most {max_length}).</source>
        <translation>El contacto de emergencia es demasiado largo ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>Diagnosis or presenting problem is too long ({count} characters; at most {max_length}).</source>
        <translation>El diagnóstico o motivo de consulta es demasiado largo ({count} caracteres; como máximo {max_length}).</translation>
    </message>
    <message>
        <source>First name holds an invisible control character; type it again.</source>
        <translation>El nombre tiene un carácter de control invisible; escríbelo de nuevo.</translation>
    </message>
    <message>
        <source>Last name holds an invisible control character; type it again.</source>
        <translation>Los apellidos tienen un carácter de control invisible; escríbelos de nuevo.</translation>
    </message>
    <message>
        <source>Preferred name holds an invisible control character; type it again.</source>
        <translation>El nombre preferido tiene un carácter de control invisible; escríbelo de nuevo.</translation>
    </message>
    <message>
        <source>Email holds an invisible control character; type it again.</source>
        <translation>El correo tiene un carácter de control invisible; escríbelo de nuevo.</translation>
    </message>
    <message>
        <source>Phone holds an invisible control character; type it again.</source>
        <translation>El teléfono tiene un carácter de control invisible; escríbelo de nuevo.</translation>
    </message>
    <message>
        <source>Emergency contact holds an invisible control character; type it again.</source>
        <translation>El contacto de emergencia tiene un carácter de control invisible; escríbelo de nuevo.</translation>
    </message>
    <message>
        <source>There is no client with id {client_id}.</source>
        <translation>No hay ningún cliente con el id {client_id}.</translation>
    </message>
</context>
<context>
    <name>conditional</name>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>Only {count} ladder step recorded (tried: {done}). Conditional sessions are a last resort: try at least {least} other steps first.</source>
        <translation>Solo hay {count} paso de la escalera registrado (probado: {done}). Las sesiones condicionales son el último recurso: prueba primero al menos {least} pasos más.</translation>
    </message>
    <message>
        <source>Only {count} ladder steps recorded (tried: {done}). Conditional sessions are a last resort: try at least {least} other steps first.</source>
        <translation>Solo hay {count} pasos de la escalera registrados (probados: {done}). Las sesiones condicionales son el último recurso: prueba primero al menos {least} pasos más.</translation>
    </message>
    <message>
        <source>The client is in precontemplation: cancelling sessions would be pushing someone who is not yet considering change.</source>
        <translation>El cliente está en precontemplación: cancelar sesiones sería presionar a alguien que todavía no piensa en cambiar.</translation>
    </message>
    <message>
        <source>This client is {status}.</source>
        <translation>Este cliente está {status}.</translation>
    </message>
    <message>
        <source>This client is marked 'cannot postpone treatment'. Conditional sessions need a written override reason, who was consulted, and a second confirmation.</source>
        <translation>Este cliente está marcado como «no puede posponer el tratamiento». Las sesiones condicionales necesitan un motivo escrito para la excepción, a quién consultaste y una segunda confirmación.</translation>
    </message>
    <message>
        <source>Write why conditional sessions are needed and what was agreed.</source>
        <translation>Escribe por qué hacen falta las sesiones condicionales y qué se acordó.</translation>
    </message>
    <message>
        <source>Reason {problem}.</source>
        <translation>El motivo {problem}.</translation>
    </message>
    <message>
        <source>This client is marked 'cannot postpone treatment': conditional sessions could cancel sessions they need. To go ahead anyway, write the reason for the override (at least {override_min} characters).</source>
        <translation>Este cliente está marcado como «no puede posponer el tratamiento»: las sesiones condicionales podrían cancelar sesiones que necesita. Para seguir de todos modos, escribe el motivo de la excepción (al menos {override_min} caracteres).</translation>
    </message>
    <message>
        <source>Override reason {problem}.</source>
        <translation>El motivo de la excepción {problem}.</translation>
    </message>
    <message>
        <source>Confirm the risk first: this client cannot postpone treatment ({value}), and conditional sessions may cancel their sessions.</source>
        <translation>Confirma primero el riesgo: este cliente no puede posponer el tratamiento ({value}) y las sesiones condicionales pueden cancelar sus sesiones.</translation>
    </message>
    <message>
        <source>Give the date it was agreed with the client.</source>
        <translation>Indica la fecha en que se acordó con el cliente.</translation>
    </message>
    <message>
        <source>The date agreed with the client cannot be in the future.</source>
        <translation>La fecha del acuerdo con el cliente no puede estar en el futuro.</translation>
    </message>
    <message>
        <source>Conditional sessions cannot start before they were agreed.</source>
        <translation>Las sesiones condicionales no pueden empezar antes de acordarse.</translation>
    </message>
    <message>
        <source>This client is discharged.</source>
        <translation>Este cliente está dado de alta.</translation>
    </message>
    <message>
        <source>Conditional sessions are already on for this client (since {starts_on}). End that period first.</source>
        <translation>Las sesiones condicionales ya están activas para este cliente (desde el {starts_on}). Termina primero ese periodo.</translation>
    </message>
    <message>
        <source>There is no conditional-sessions period with id {period_id}.</source>
        <translation>No hay ningún periodo de sesiones condicionales con el id {period_id}.</translation>
    </message>
    <message>
        <source>This period already ended on {ends_on}.</source>
        <translation>Este periodo ya terminó el {ends_on}.</translation>
    </message>
    <message>
        <source>The period started on {starts_on}; it cannot end before that.</source>
        <translation>El periodo empezó el {starts_on}; no puede terminar antes.</translation>
    </message>
    <message>
        <source>There is no appointment with id {appointment_id}.</source>
        <translation>No hay ninguna cita con el id {appointment_id}.</translation>
    </message>
    <message>
        <source>Unknown outcome or decision: {exc}.</source>
        <translation>Resultado o decisión desconocidos: {exc}.</translation>
    </message>
    <message>
        <source>Note {problem}.</source>
        <translation>La nota {problem}.</translation>
    </message>
    <message>
        <source>This appointment is {status}; only a scheduled one gets a day-before call.</source>
        <translation>Esta cita está {status}; solo una cita programada tiene llamada del día anterior.</translation>
    </message>
    <message>
        <source>Conditional sessions are not on for this client on that day; there is no day-before call to log.</source>
        <translation>Las sesiones condicionales no están activas para este cliente ese día; no hay llamada del día anterior que registrar.</translation>
    </message>
    <message>
        <source>The self-record was done: keep the session (or move it).</source>
        <translation>El autorregistro se hizo: mantén la sesión (o muévela).</translation>
    </message>
    <message>
        <source>A new time is only given when the decision is to reschedule.</source>
        <translation>Solo se da una hora nueva cuando la decisión es reprogramar.</translation>
    </message>
    <message>
        <source>The call time must carry a time zone.</source>
        <translation>La hora de la llamada debe llevar zona horaria.</translation>
    </message>
    <message>
        <source>There is no client with id {client_id}.</source>
        <translation>No hay ningún cliente con el id {client_id}.</translation>
    </message>
</context>
<context>
    <name>conflicts</name>
    <message>
        <source>Reload</source>
        <translation>Recargar</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>Abrir solo para leer</translation>
    </message>
    <message>
        <source>Take it over</source>
        <translation>Tomarlo aquí</translation>
    </message>
    <message>
        <source>Changed on another computer</source>
        <translation>Cambiado en otra computadora</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your change was not saved.&lt;/b&gt;</source>
        <translation>&lt;b&gt;No se guardó tu cambio.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Reload shows the change made there and puts back everything you changed, so you can check it and save again. Cancel keeps the form as you left it.</source>
        <translation>Recargar muestra el cambio hecho allá y vuelve a poner todo lo que cambiaste, para que lo revises y guardes otra vez. Cancelar deja el formulario como lo dejaste.</translation>
    </message>
    <message>
        <source>Reload shows the change made there. What you typed is copied to the clipboard first, so you can paste it back. Cancel keeps the form as you left it, with everything you typed.</source>
        <translation>Recargar muestra el cambio hecho allá. Antes, lo que escribiste se copia al portapapeles, para que puedas pegarlo de nuevo. Cancelar deja el formulario como lo dejaste, con todo lo que escribiste.</translation>
    </message>
    <message>
        <source>Reload shows the change made there; then make yours again. Cancel keeps the form as you left it, with everything you typed.</source>
        <translation>Recargar muestra el cambio hecho allá; luego vuelve a hacer el tuyo. Cancelar deja el formulario como lo dejaste, con todo lo que escribiste.</translation>
    </message>
    <message>
        <source>What you typed is still here. Close this window and open it again to reload.</source>
        <translation>Lo que escribiste sigue aquí. Cierra esta ventana y vuelve a abrirla para recargar.</translation>
    </message>
    <message>
        <source>A draft on another computer</source>
        <translation>Un borrador en otra computadora</translation>
    </message>
    <message>
        <source>&lt;b&gt;A draft of this session is being written on {computer}&lt;/b&gt;, last saved {time}.</source>
        <translation>&lt;b&gt;Se está escribiendo un borrador de esta sesión en {computer}&lt;/b&gt;; se guardó por última vez el {time}.</translation>
    </message>
    <message>
        <source>Open it read-only to look at it without changing it; finish it there. Or take it over: from then on it is written here, and the computer {computer} can no longer save it. Taking over is recorded in the audit trail.</source>
        <translation>Ábrelo solo para leer si quieres verlo sin cambiarlo, y termínalo allá. O tómalo aquí: desde entonces se escribe en esta computadora, y {computer} ya no puede guardarlo. Tomarlo queda anotado en el registro de auditoría.</translation>
    </message>
</context>
<context>
    <name>crypto</name>
    <message>
        <source>The key file is damaged ({exc}).</source>
        <extracomment>Errors of either driver (plain sqlite3 or sqlcipher3); they share no base class. What opening a file with :func:`connect` can raise besides OSError. The same plus OSError (a folder that cannot be written, a full disk).</extracomment>
        <translation>El archivo de clave está dañado ({exc}).</translation>
    </message>
    <message>
        <source>Cannot read the key file {name}: {strerror}</source>
        <translation>No se puede leer el archivo de clave {name}: {strerror}</translation>
    </message>
    <message>
        <source>{name} is not encrypted (there is no {name2}).</source>
        <translation>{name} no está cifrado (no hay {name2}).</translation>
    </message>
    <message>
        <source>This recovery key belongs to another practice.</source>
        <translation>Esta clave de recuperación es de otra consulta.</translation>
    </message>
    <message>
        <source>This recovery key does not open this practice.</source>
        <translation>Esta clave de recuperación no abre esta consulta.</translation>
    </message>
    <message>
        <source>A recovery key has {value} letters and digits; this has {count}.</source>
        <translation>Una clave de recuperación tiene {value} letras y dígitos; esta tiene {count}.</translation>
    </message>
    <message>
        <source>This is not a recovery key (a character is mistyped).</source>
        <translation>Esto no es una clave de recuperación (hay un carácter mal escrito).</translation>
    </message>
    <message>
        <source>This recovery key is mistyped (its check group differs).</source>
        <translation>Esta clave de recuperación está mal escrita (su grupo de control no coincide).</translation>
    </message>
</context>
<context>
    <name>dates</name>
    <message>
        <source>{day} at {time}</source>
        <translation>{day} a las {time}</translation>
    </message>
</context>
<context>
    <name>demo</name>
    <message>
        <source>This database already holds a practice; the demo is only written into an empty database.</source>
        <translation>Esta base de datos ya tiene una consulta; la demostración solo se escribe en una base de datos vacía.</translation>
    </message>
</context>
<context>
    <name>draft_left</name>
    <message>
        <source>This appointment had a session draft</source>
        <translation>Esta cita tenía un borrador de sesión</translation>
    </message>
    <message>
        <source>The cancelled appointment still holds a session draft, private note included.</source>
        <translation>La cita cancelada todavía tiene un borrador de sesión, con la nota privada incluida.</translation>
    </message>
    <message>
        <source>The cancelled appointment still holds a session draft.</source>
        <translation>La cita cancelada todavía tiene un borrador de sesión.</translation>
    </message>
    <message>
        <source>Move it to the next appointment ({when}), keep it with the cancelled appointment, or discard it?</source>
        <translation>¿Moverlo a la próxima cita ({when}), dejarlo con la cita cancelada o descartarlo?</translation>
    </message>
    <message>
        <source>There is no later appointment without a draft to move it to. Keep it with the cancelled appointment, or discard it?</source>
        <translation>No hay una cita posterior sin borrador a la que moverlo. ¿Dejarlo con la cita cancelada o descartarlo?</translation>
    </message>
    <message>
        <source>Move to {when}</source>
        <translation>Mover al {when}</translation>
    </message>
    <message>
        <source>Keep it here</source>
        <translation>Dejarlo aquí</translation>
    </message>
    <message>
        <source>Discard it</source>
        <translation>Descartarlo</translation>
    </message>
    <message>
        <source>The draft was not moved</source>
        <translation>El borrador no se movió</translation>
    </message>
    <message>
        <source>The draft was not discarded</source>
        <translation>El borrador no se descartó</translation>
    </message>
</context>
<context>
    <name>encryption</name>
    <message>
        <source>{name} is in use by another program ({exc}); close it and try again.</source>
        <translation>{name} está en uso por otro programa ({exc}); ciérralo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>{name} is in use by another program; close it and try again.</source>
        <translation>{name} está en uso por otro programa; ciérralo y vuelve a intentarlo.</translation>
    </message>
    <message>
        <source>The encrypted copy failed verification: {problems}</source>
        <translation>La copia cifrada no pasó la verificación: {problems}</translation>
    </message>
    <message>
        <source>{name} is already encrypted.</source>
        <translation>{name} ya está cifrado.</translation>
    </message>
    <message>
        <source>{db_path} is not an unencrypted Practice database.</source>
        <translation>{db_path} no es una base de datos de Practice sin cifrar.</translation>
    </message>
</context>
<context>
    <name>engine</name>
    <message>
        <source>PostgreSQL support is not installed in this copy of Practice (pip install 'practice[postgresql]').</source>
        <translation>Esta copia de Practice no tiene instalado el soporte para PostgreSQL (pip install 'practice[postgresql]').</translation>
    </message>
    <message>
        <source>The practice is locked.</source>
        <translation>La consulta está bloqueada.</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>What you typed is still here.</source>
        <translation>Lo que escribiste sigue aquí.</translation>
    </message>
    <message>
        <source>The database is busy with another program's change, so this change was not saved. Try again in a moment.</source>
        <translation>La base de datos está ocupada con un cambio de otro programa, así que este cambio no se guardó. Vuelve a intentarlo en un momento.</translation>
    </message>
    <message>
        <source>The database file cannot be written (the file or its folder is read-only), so this change was not saved. Everything saved before it is safe.</source>
        <translation>No se puede escribir en el archivo de la base de datos (el archivo o su carpeta son de solo lectura), así que este cambio no se guardó. Todo lo guardado antes está a salvo.</translation>
    </message>
    <message>
        <source>The disk reported an error while saving, so this change was not saved. Everything saved before it is safe. If it happens again, back up and check the disk.</source>
        <translation>El disco dio un error al guardar, así que este cambio no se guardó. Todo lo guardado antes está a salvo. Si vuelve a pasar, haz una copia de seguridad y revisa el disco.</translation>
    </message>
    <message>
        <source>The database file appears to be damaged, so this change was not saved. Close Practice: at the next start it checks the file and offers to restore the latest good backup.</source>
        <translation>El archivo de la base de datos parece dañado, así que este cambio no se guardó. Cierra Practice: al volver a abrirlo revisará el archivo y te ofrecerá restaurar la última copia de seguridad buena.</translation>
    </message>
    <message>
        <source>A file could not be written ({reason}), so this change was not saved.</source>
        <translation>No se pudo escribir un archivo ({reason}), así que este cambio no se guardó.</translation>
    </message>
    <message>
        <source>{message} {kept}</source>
        <translation>{message} {kept}</translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <source>{out_dir} is a file; choose a new folder for the export.</source>
        <translation>{out_dir} es un archivo; elige una carpeta nueva para la exportación.</translation>
    </message>
    <message>
        <source>{out_dir} is not empty; choose a new or empty folder.</source>
        <translation>{out_dir} no está vacía; elige una carpeta nueva o vacía.</translation>
    </message>
    <message>
        <source>Cannot write into {parent}: {value}</source>
        <translation>No se puede escribir en {parent}: {value}</translation>
    </message>
    <message>
        <source>The export could not be written ({value}); nothing was kept.</source>
        <translation>No se pudo escribir la exportación ({value}); no se guardó nada.</translation>
    </message>
    <message>
        <source>There is no client with id {client_id}.</source>
        <translation>No hay ningún cliente con el id {client_id}.</translation>
    </message>
</context>
<context>
    <name>file_access</name>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se cambió nada.</translation>
    </message>
    <message>
        <source>{path} has another name on this disk (a hard link), so Practice cannot tell which name is the practice: each name would get its own lock and keys. Open it by one name only: keep one name and remove the other. {nothing_changed}</source>
        <translation>{path} tiene otro nombre en este disco (un enlace duro), así que Practice no puede saber cuál de los dos nombres es tu consulta: cada nombre tendría su propio bloqueo y sus propias claves. Ábrela con un solo nombre: conserva uno y elimina el otro. {nothing_changed}</translation>
    </message>
    <message>
        <source>{path} is a folder, not a practice file. Give the file itself, for example {value}. {nothing_changed}</source>
        <translation>{path} es una carpeta, no un archivo de consulta. Indica el archivo mismo, por ejemplo {value}. {nothing_changed}</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist, so there is no practice at {path}. Check the path; nothing was created.</source>
        <translation>La carpeta {folder} no existe, así que no hay ninguna consulta en {path}. Revisa la ruta; no se creó nada.</translation>
    </message>
    <message>
        <source>{folder} is a file, not a folder. {nothing_changed}</source>
        <translation>{folder} es un archivo, no una carpeta. {nothing_changed}</translation>
    </message>
    <message>
        <source>{lock} is a folder, but Practice keeps its lock file under that name. Move or rename that folder, then try again. {nothing_changed}</source>
        <translation>{lock} es una carpeta, pero Practice guarda su archivo de bloqueo con ese nombre. Mueve o cambia el nombre de esa carpeta y vuelve a intentarlo. {nothing_changed}</translation>
    </message>
</context>
<context>
    <name>filled_import</name>
    <message>
        <source>{name} could not be read ({value}).</source>
        <translation>No se pudo leer {name} ({value}).</translation>
    </message>
    <message>
        <source>{name} is not a regular file (a device, pipe or folder): choose the PDF the client sent back.</source>
        <translation>{name} no es un archivo normal (es un dispositivo, una tubería o una carpeta): elige el PDF que te devolvió el cliente.</translation>
    </message>
    <message>
        <source>{name} is larger than {value} MB: too large to be a filled sheet. Nothing was imported.</source>
        <translation>{name} pesa más de {value} MB: demasiado para ser una hoja completada. No se importó nada.</translation>
    </message>
    <message>
        <source>This is a blank sheet without an assignment code, so it cannot be matched to homework. Enter its answers by hand in the review.</source>
        <translation>Es una hoja en blanco sin código de tarea, así que no se puede asociar a ninguna tarea. Escribe sus respuestas a mano en la revisión.</translation>
    </message>
    <message>
        <source>The homework of this sheet (code {code}) is no longer in this practice.</source>
        <translation>La tarea de esta hoja (código {code}) ya no está en esta consulta.</translation>
    </message>
    <message>
        <source>This sheet has {found} {what} blocks, but {blocks} were printed ({block_kind}1 to {block_kind}{blocks}): blocks were added after printing ({shown}). Nothing was imported.</source>
        <translation>Esta hoja tiene {found} bloques de {what}, pero se imprimieron {blocks} ({block_kind}1 a {block_kind}{blocks}): se agregaron bloques después de imprimir ({shown}). No se importó nada.</translation>
    </message>
    <message>
        <source>This sheet is for “{title}” (code {code}), which was dropped ({reason}). Dropped homework is not reviewed.</source>
        <translation>Esta hoja es de «{title}» (código {code}), que se abandonó ({reason}). Las tareas abandonadas no se revisan.</translation>
    </message>
    <message>
        <source>This sheet is for “{title}” (code {code}), which was dropped. Dropped homework is not reviewed.</source>
        <translation>Esta hoja es de «{title}» (código {code}), que se abandonó. Las tareas abandonadas no se revisan.</translation>
    </message>
    <message>
        <source> by code {code}</source>
        <translation> por la del código {code}</translation>
    </message>
    <message>
        <source>This sheet is for “{title}” (code {code}), which was replaced{newer}. Replaced homework is not reviewed; review the task that replaced it.</source>
        <translation>Esta hoja es de «{title}» (código {code}), que se reemplazó{newer}. Las tareas reemplazadas no se revisan; revisa la tarea que la reemplazó.</translation>
    </message>
    <message>
        <source>This sheet (code {code}) is the homework of another client, not of the client open now. Open that client to import it.</source>
        <translation>Esta hoja (código {code}) es la tarea de otro cliente, no del cliente abierto ahora. Abre ese cliente para importarla.</translation>
    </message>
    <message>
        <source>The sheet is a “{sheet}” sheet but the homework now uses “{now}”: it was changed after this sheet was sent.</source>
        <translation>La hoja es de tipo «{sheet}», pero la tarea ahora usa «{now}»: se cambió después de enviar esta hoja.</translation>
    </message>
    <message>
        <source>The sheet was printed at the {level} level in {language}; the homework is now {now_level} in {now_language}.</source>
        <translation>La hoja se imprimió en el nivel {level} en {language}; la tarea ahora es {now_level} en {now_language}.</translation>
    </message>
    <message>
        <source>Nothing was filled in on this sheet.</source>
        <translation>No se completó nada en esta hoja.</translation>
    </message>
    <message>
        <source>{count} answer does not fit the sheet (marked in red): kept as written, for you to check with the client.</source>
        <translation>{count} respuesta no encaja con la hoja (marcada en rojo): se guarda tal como está escrita, para que la revises con el cliente.</translation>
    </message>
    <message>
        <source>{count} answers do not fit the sheet (marked in red): kept as written, for you to check with the client.</source>
        <translation>{count} respuestas no encajan con la hoja (marcadas en rojo): se guardan tal como están escritas, para que las revises con el cliente.</translation>
    </message>
    <message>
        <source>The times of {count} night do not add up (out of order, or more than 16 hours in bed): left out of sleep efficiency, for you to check with the client.</source>
        <translation>Las horas de {count} noche no cuadran (fuera de orden, o más de 16 horas en la cama): se dejan fuera de la eficiencia del sueño, para que lo revises con el cliente.</translation>
    </message>
    <message>
        <source>The times of {count} nights do not add up (out of order, or more than 16 hours in bed): left out of sleep efficiency, for you to check with the client.</source>
        <translation>Las horas de {count} noches no cuadran (fuera de orden, o más de 16 horas en la cama): se dejan fuera de la eficiencia del sueño, para que lo revises con el cliente.</translation>
    </message>
    <message>
        <source>This homework is done each time something happens; the sheet cannot say how often it happened, so ask before confirming the completion.</source>
        <translation>Esta tarea se hace cada vez que pasa algo; la hoja no puede decir cuántas veces pasó, así que pregunta antes de confirmar el cumplimiento.</translation>
    </message>
    <message>
        <source>This sheet was already imported into the review of the session on {day}. One sheet goes into one review: import it there again (replacing that review) or enter a different week's answers by hand. Nothing was imported.</source>
        <translation>Esta hoja ya se importó en la revisión de la sesión del {day}. Una hoja va en una sola revisión: impórtala otra vez ahí (reemplazando esa revisión) o escribe a mano las respuestas de otra semana. No se importó nada.</translation>
    </message>
    <message>
        <source>Appointment {asked} cannot review this homework: it must be an attended session of this client after the homework was set (those: {ids}).</source>
        <translation>La cita {asked} no puede revisar esta tarea: debe ser una sesión asistida de este cliente posterior a la asignación de la tarea (estas: {ids}).</translation>
    </message>
    <message>
        <source>Appointment {asked} cannot review this homework: it must be an attended session of this client after the homework was set.</source>
        <translation>La cita {asked} no puede revisar esta tarea: debe ser una sesión asistida de este cliente posterior a la asignación de la tarea.</translation>
    </message>
    <message>
        <source>The session on {day} was held before this sheet was printed ({day2}): its answers cannot belong there. Nothing was imported.</source>
        <translation>La sesión del {day} fue antes de imprimir esta hoja ({day2}): sus respuestas no pueden ser de ahí. No se importó nada.</translation>
    </message>
    <message>
        <source>There is no homework assignment with id {id}.</source>
        <translation>No hay ninguna tarea asignada con el id {id}.</translation>
    </message>
    <message>
        <source>This session already has a review of this homework; importing the sheet would replace: {changes}. Confirm replacing it to go on.</source>
        <translation>Esta sesión ya tiene una revisión de esta tarea; importar la hoja reemplazaría: {changes}. Confirma que quieres reemplazarla para seguir.</translation>
    </message>
</context>
<context>
    <name>health</name>
    <message>
        <source>The disk is full, so the last change could not be saved. Everything saved before it is safe. Free some space on the disk, then try again.</source>
        <translation>El disco está lleno, así que no se pudo guardar el último cambio. Todo lo guardado antes está a salvo. Libera espacio en el disco y vuelve a intentarlo.</translation>
    </message>
</context>
<context>
    <name>homework</name>
    <message>
        <source>Choose a template (its key is 1-64 lowercase letters, digits or _).</source>
        <translation>Elige una plantilla (su clave tiene de 1 a 64 letras minúsculas, dígitos o _).</translation>
    </message>
    <message>
        <source>Title is required.</source>
        <translation>Falta el título.</translation>
    </message>
    <message>
        <source>Title {problem}.</source>
        <translation>El título {problem}.</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Las instrucciones</translation>
    </message>
    <message>
        <source>Why this helps you</source>
        <translation>El «por qué te ayuda»</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>La conducta objetivo</translation>
    </message>
    <message>
        <source>{label} {problem}.</source>
        <translation>{label} {problem}.</translation>
    </message>
    <message>
        <source>Say how many times a week (1 to 21).</source>
        <translation>Indica cuántas veces por semana (de 1 a 21).</translation>
    </message>
    <message>
        <source>Times per week must be from 1 to 21; got {n}.</source>
        <translation>Las veces por semana deben ser de 1 a 21; se indicó {n}.</translation>
    </message>
    <message>
        <source>The due date ({due_date}) is before the start ({start}).</source>
        <translation>La fecha de entrega ({due_date}) es anterior al inicio ({start}).</translation>
    </message>
    <message>
        <source>This client is discharged; make them active before assigning.</source>
        <translation>Este cliente está dado de alta; vuelve a activarlo antes de asignarle tareas.</translation>
    </message>
    <message>
        <source>replaced</source>
        <translation>reemplazada</translation>
    </message>
    <message>
        <source>That homework belongs to another client.</source>
        <translation>Esa tarea es de otro cliente.</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>editada</translation>
    </message>
    <message>
        <source>dropped</source>
        <translation>abandonada</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>completada</translation>
    </message>
    <message>
        <source>Note {problem}.</source>
        <translation>La nota {problem}.</translation>
    </message>
    <message>
        <source>There is no homework assignment with id {assignment_id}.</source>
        <translation>No hay ninguna tarea asignada con el id {assignment_id}.</translation>
    </message>
    <message>
        <source>No homework has the code '{code}'.</source>
        <translation>Ninguna tarea tiene el código «{code}».</translation>
    </message>
    <message>
        <source>There is no appointment with id {appointment_id}.</source>
        <translation>No hay ninguna cita con el id {appointment_id}.</translation>
    </message>
    <message>
        <source>That appointment is another client's.</source>
        <translation>Esa cita es de otro cliente.</translation>
    </message>
    <message>
        <source>Homework is set in a session that took place; this appointment is {in_sentence}.</source>
        <translation>Las tareas se asignan en una sesión que se realizó; esta cita está {in_sentence}.</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>Indica un motivo, por favor.</translation>
    </message>
    <message>
        <source>Reason {problem}.</source>
        <translation>El motivo {problem}.</translation>
    </message>
    <message>
        <source>Only active homework can be {verb}; this one is {value}.</source>
        <translation>Solo una tarea activa puede ser {verb}; esta está {value}.</translation>
    </message>
    <message>
        <source>There is no client with id {client_id}.</source>
        <translation>No hay ningún cliente con el id {client_id}.</translation>
    </message>
</context>
<context>
    <name>homework_prefill</name>
    <message>
        <source>There is no client with id {client_id}.</source>
        <translation>No hay ningún cliente con el id {client_id}.</translation>
    </message>
</context>
<context>
    <name>homework_text</name>
    <message>
        <source>every day</source>
        <translation>todos los días</translation>
    </message>
    <message>
        <source>every week</source>
        <translation>cada semana</translation>
    </message>
    <message>
        <source>each time it happens</source>
        <translation>cada vez que ocurre</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activa</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Completada</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Reemplazada</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Abandonada</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) a week</source>
        <translation><numerusform>%n vez por semana</numerusform><numerusform>%n veces por semana</numerusform></translation>
    </message>
    <message>
        <source>{running}, due at the next session</source>
        <translation>{running}, para la próxima sesión</translation>
    </message>
    <message>
        <source>{running}, next due {day}</source>
        <translation>{running}, próxima entrega el {day}</translation>
    </message>
    <message>
        <source>Replaced by {code}</source>
        <translation>Reemplazada por {code}</translation>
    </message>
    <message>
        <source>{value} of 4 ({words})</source>
        <translation>{value} de 4 ({words})</translation>
    </message>
    <message>
        <source>{value} of 4</source>
        <translation>{value} de 4</translation>
    </message>
    <message>
        <source>brought</source>
        <translation>lo trajo</translation>
    </message>
    <message>
        <source>not brought</source>
        <translation>no lo trajo</translation>
    </message>
    <message>
        <source>completion {value} ({words})</source>
        <translation>cumplimiento {value} ({words})</translation>
    </message>
    <message>
        <source>the client rated it {rating}</source>
        <translation>el cliente la valoró con {rating}</translation>
    </message>
    <message>
        <source>you rated its quality {value} of 4</source>
        <translation>valoraste su calidad con {value} de 4</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) recorded</source>
        <translation><numerusform>%n día registrado</numerusform><numerusform>%n días registrados</numerusform></translation>
    </message>
    <message>
        <source>barriers: {barriers}</source>
        <translation>obstáculos: {barriers}</translation>
    </message>
    <message>
        <source>ladder: {steps}</source>
        <translation>escalera: {steps}</translation>
    </message>
    <message>
        <source>none recorded</source>
        <translation>ninguno registrado</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>Brought the record</source>
        <translation>Trajo el registro</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>sí</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <source>Client's own rating</source>
        <translation>Valoración del cliente</translation>
    </message>
    <message>
        <source>not asked</source>
        <translation>no se preguntó</translation>
    </message>
    <message>
        <source>Quality (your rating)</source>
        <translation>Calidad (tu valoración)</translation>
    </message>
    <message>
        <source>not rated</source>
        <translation>sin valorar</translation>
    </message>
    <message>
        <source>Days recorded</source>
        <translation>Días registrados</translation>
    </message>
    <message>
        <source>Barriers</source>
        <translation>Obstáculos</translation>
    </message>
    <message>
        <source>Strategies applied</source>
        <translation>Estrategias aplicadas</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Review of {title}</source>
        <translation>Revisión de {title}</translation>
    </message>
    <message>
        <source>assignment {number}</source>
        <translation>tarea {number}</translation>
    </message>
    <message>
        <source>{reminder} at {time}</source>
        <translation>{reminder} a las {time}</translation>
    </message>
    <message>
        <source>alarm set in session</source>
        <translation>alarma puesta en la sesión</translation>
    </message>
    <message>
        <source>reminder card printed</source>
        <translation>tarjeta recordatoria impresa</translation>
    </message>
    <message>
        <source>teach-back done</source>
        <translation>lo explicó con sus palabras</translation>
    </message>
    <message>
        <source>value discussed</source>
        <translation>hablaron de para qué le sirve</translation>
    </message>
    <message>
        <source>{level}, large print</source>
        <translation>{level}, letra grande</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Código</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>Level, language</source>
        <translation>Nivel, idioma</translation>
    </message>
    <message>
        <source>Way to record</source>
        <translation>Forma de registrar</translation>
    </message>
    <message>
        <source>How often</source>
        <translation>Frecuencia</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>Asignada</translation>
    </message>
    <message>
        <source>Bring by</source>
        <translation>Traer para el</translation>
    </message>
    <message>
        <source>no due date</source>
        <translation>sin fecha de entrega</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>Recordatorio</translation>
    </message>
    <message>
        <source>Replaces</source>
        <translation>Reemplaza a</translation>
    </message>
    <message>
        <source>Replaced by</source>
        <translation>Reemplazada por</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>Why this helps you</source>
        <translation>Por qué te ayuda</translation>
    </message>
    <message>
        <source>Reviews (newest first)</source>
        <translation>Revisiones (la más reciente primero)</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Reviews:&lt;/b&gt; none yet.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Revisiones:&lt;/b&gt; todavía ninguna.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>import_clients</name>
    <message>
        <source>{shown}; … {count} more</source>
        <translation>{shown}; … {count} más</translation>
    </message>
    <message>
        <source>Nothing was imported: {shown}</source>
        <translation>No se importó nada: {shown}</translation>
    </message>
    <message>
        <source>line {line}: {field}: {message}</source>
        <translation>línea {line}: {field}: {message}</translation>
    </message>
    <message>
        <source>line {line}: {field}: same name and birth date as client {client}</source>
        <translation>línea {line}: {field}: mismo nombre y fecha de nacimiento que el cliente {client}</translation>
    </message>
    <message>
        <source>line {line}: {field}: same name and birth date as line {other}</source>
        <translation>línea {line}: {field}: mismo nombre y fecha de nacimiento que la línea {other}</translation>
    </message>
    <message>
        <source>line {line}: the file holds a NUL character, so it is not a CSV text file (was it saved in another format?).</source>
        <translation>línea {line}: el archivo tiene un carácter NUL, así que no es un archivo de texto CSV (¿se guardó en otro formato?).</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <source>{values} values, but the header names {columns} columns (is a value with a comma unquoted?)</source>
        <translation>{values} valores, pero el encabezado nombra {columns} columnas (¿hay un valor con una coma sin comillas?)</translation>
    </message>
    <message>
        <source>line {line}: the file has a header but no clients.</source>
        <translation>línea {line}: el archivo tiene encabezado pero ningún cliente.</translation>
    </message>
    <message>
        <source>duplicates block the import; skip them to import the other rows</source>
        <translation>los duplicados bloquean la importación; sáltalos para importar las demás filas</translation>
    </message>
</context>
<context>
    <name>kept</name>
    <message>
        <source>Yes</source>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
    <message>
        <source>A field</source>
        <translation>Un campo</translation>
    </message>
    <message>
        <source>{field}: {value}</source>
        <translation>{field}: {value}</translation>
    </message>
    <message>
        <source>Your changes are kept</source>
        <translation>Tus cambios se conservan</translation>
    </message>
    <message>
        <source>Your changes are kept in the form; check them and save again.</source>
        <translation>Tus cambios siguen en el formulario; revísalos y guarda otra vez.</translation>
    </message>
    <message>
        <source>The other computer changed some of the same fields. The form shows what you typed; Show Details lists the other computer's values.</source>
        <translation>La otra computadora cambió algunos de los mismos campos. El formulario muestra lo que escribiste; en «Mostrar los detalles» ves los valores de la otra computadora.</translation>
    </message>
    <message>
        <source>The fields you did not change show the other computer's version.</source>
        <translation>Los campos que no cambiaste muestran la versión de la otra computadora.</translation>
    </message>
</context>
<context>
    <name>keyring</name>
    <message>
        <source>{name} has no readable key file ({name2} is missing or damaged, and no copy was found in the backup folders). If the practice is encrypted, its recovery key opens it and sets a new passphrase (“Use the recovery key…”, or practice change-passphrase --recovery-key); otherwise the file is damaged.</source>
        <translation>{name} no tiene un archivo de clave legible ({name2} falta o está dañado, y no se encontró ninguna copia en las carpetas de copias de seguridad). Si la consulta está cifrada, su clave de recuperación la abre y pone una frase de contraseña nueva («Usar la clave de recuperación…», o practice change-passphrase --recovery-key); si no, el archivo está dañado.</translation>
    </message>
</context>
<context>
    <name>location</name>
    <message>
        <source>{scheme}:// is not a place Practice can keep a practice: give a file path or a postgresql:// address.</source>
        <translation>{scheme}:// no es un lugar donde Practice pueda guardar una práctica: indica la ruta de un archivo o una dirección postgresql://.</translation>
    </message>
    <message>
        <source>The postgresql:// address cannot be read: {problem}</source>
        <translation>No se puede leer la dirección postgresql://: {problem}</translation>
    </message>
    <message>
        <source>The postgresql:// address names no database: add /name at its end.</source>
        <translation>La dirección postgresql:// no nombra ninguna base de datos: agrega /nombre al final.</translation>
    </message>
</context>
<context>
    <name>lock</name>
    <message>
        <source>{count} day ago</source>
        <translation>hace {count} día</translation>
    </message>
    <message>
        <source>{count} days ago</source>
        <translation>hace {count} días</translation>
    </message>
    <message>
        <source>{count} hour ago</source>
        <translation>hace {count} hora</translation>
    </message>
    <message>
        <source>{count} hours ago</source>
        <translation>hace {count} horas</translation>
    </message>
    <message>
        <source>{count} minute ago</source>
        <translation>hace {count} minuto</translation>
    </message>
    <message>
        <source>{count} minutes ago</source>
        <translation>hace {count} minutos</translation>
    </message>
    <message>
        <source>started {age} ({started})</source>
        <translation>abierto {age} ({started})</translation>
    </message>
    <message>
        <source>since {started}</source>
        <translation>desde {started}</translation>
    </message>
    <message>
        <source>{program} (process {pid}) on {host}, {when}</source>
        <translation>{program} (proceso {pid}) en {host}, {when}</translation>
    </message>
    <message>
        <source>less than a minute ago</source>
        <translation>hace menos de un minuto</translation>
    </message>
    <message>
        <source>another program (its lock file is being written)</source>
        <translation>otro programa (está escribiendo su archivo de bloqueo)</translation>
    </message>
    <message>
        <source>The database {path} is in use by {who}. Close Practice there first; this copy will not write to it.</source>
        <translation>La base de datos {path} está en uso por {who}. Cierra primero Practice ahí; esta copia no escribirá en ella.</translation>
    </message>
    <message>
        <source>Practice cannot make its lock file {path}: {reason}. Nothing was changed.</source>
        <translation>Practice no puede crear su archivo de bloqueo {path}: {reason}. No se cambió nada.</translation>
    </message>
    <message>
        <source>a folder has its name; move or rename that folder</source>
        <translation>hay una carpeta con ese nombre; muévela o cámbiale el nombre</translation>
    </message>
    <message>
        <source>the disk is read-only</source>
        <translation>el disco es de solo lectura</translation>
    </message>
</context>
<context>
    <name>measure_forms</name>
    <message>
        <source>Question 9 (thoughts of being better off dead or of hurting yourself) was not answered: ask about it.</source>
        <translation>La pregunta 9 (pensamientos de que estaría mejor muerto o de hacerse daño) no se respondió: pregunta por ella.</translation>
    </message>
    <message>
        <source>That client no longer exists.</source>
        <translation>Ese cliente ya no existe.</translation>
    </message>
    <message>
        <source>This client has no goals yet: name one to three goals with them first.</source>
        <translation>Este cliente aún no tiene metas: primero nombra con él de una a tres metas.</translation>
    </message>
    <message>
        <source>The code {code} is a homework sheet's, not an outcome-measure form's. A returned homework sheet goes into its review: import the filled sheet (Import a filled sheet…, or practice import-sheet).</source>
        <translation>El código {code} es de una hoja de tarea, no de un formulario de medida. Una hoja de tarea devuelta va a su revisión: importa la hoja completada (Importar una hoja completada…, o practice import-sheet).</translation>
    </message>
    <message>
        <source>No form was printed with the code {code}. Check the code on the form.</source>
        <translation>No se imprimió ningún formulario con el código {code}. Revisa el código del formulario.</translation>
    </message>
    <message>
        <source>This form (code {code}) was printed for another client. Nothing was recorded.</source>
        <translation>Este formulario (código {code}) se imprimió para otro cliente. No se registró nada.</translation>
    </message>
    <message>
        <source>This form (code {code}) was already recorded, taken on {day}. Nothing was recorded again; remove that measure first to record the form anew.</source>
        <translation>Este formulario (código {code}) ya se registró, respondido el {day}. No se registró de nuevo; elimina primero esa medida para volver a registrarlo.</translation>
    </message>
    <message>
        <source>This form was printed on {printed}, so it cannot have been filled in on {day}. Check the day it was filled in.</source>
        <translation>Este formulario se imprimió el {printed}, así que no pudo llenarse el {day}. Revisa el día en que se llenó.</translation>
    </message>
    <message>
        <source>Nothing was ticked on this form; nothing was recorded.</source>
        <translation>No hay nada marcado en este formulario; no se registró nada.</translation>
    </message>
    <message>
        <source>the last question (how difficult)</source>
        <translation>la última pregunta (qué tan difícil)</translation>
    </message>
    <message>
        <source>goal {number}</source>
        <translation>meta {number}</translation>
    </message>
    <message>
        <source>question {number}</source>
        <translation>pregunta {number}</translation>
    </message>
    <message>
        <source>{where}: two answers ticked</source>
        <translation>{where}: dos respuestas marcadas</translation>
    </message>
    <message>
        <source>{where}: '{value}' is not one of 0–{top}</source>
        <translation>{where}: «{value}» no es una de 0–{top}</translation>
    </message>
    <message>
        <source>This PDF is not a Practice measure form.</source>
        <translation>Este PDF no es un formulario de medida de Practice.</translation>
    </message>
    <message>
        <source>This form (code {code}) does not match the form printed with that code (it was edited, or the client's goals changed since). Nothing was recorded; enter its answers by hand.</source>
        <translation>Este formulario (código {code}) no coincide con el que se imprimió con ese código (se editó, o las metas del cliente cambiaron desde entonces). No se registró nada; anota sus respuestas a mano.</translation>
    </message>
    <message>
        <source>Some answers on this form cannot be read: {problems}. Nothing was recorded and the file was left as it is. Ask the client about these questions, then enter the form's answers by hand (Enter a returned form).</source>
        <translation>Algunas respuestas de este formulario no se pueden leer: {problems}. No se anotó nada y el archivo quedó como estaba. Pregúntale al cliente por esas preguntas y luego anota a mano las respuestas del formulario (Anotar un formulario devuelto).</translation>
    </message>
    <message>
        <source>The date on the form could not be read (or is in the future, or before the form was printed); today's date was used.</source>
        <translation>No se pudo leer la fecha del formulario (o es futura, o anterior a la impresión del formulario); se usó la fecha de hoy.</translation>
    </message>
    <message>
        <source>Unanswered questions, kept as unanswered: {items}.</source>
        <translation>Preguntas sin responder, guardadas sin respuesta: {items}.</translation>
    </message>
</context>
<context>
    <name>measure_story</name>
    <message>
        <source>{name}: no score in the weeks shown; one earlier score, {total}.</source>
        <translation>{name}: ninguna puntuación en las semanas que se muestran; una puntuación anterior, {total}.</translation>
    </message>
    <message>
        <source>{name}: no score in the weeks shown; since the first measure, from {first} to {last} (n = {count}).</source>
        <translation>{name}: ninguna puntuación en las semanas que se muestran; desde la primera medida, de {first} a {last} (n = {count}).</translation>
    </message>
    <message>
        <source>{said} Since the first measure, before these weeks: from {first} to {last} (n = {count}).</source>
        <translation>{said} Desde la primera medida, antes de estas semanas: de {first} a {last} (n = {count}).</translation>
    </message>
    <message>
        <source>{name}: one score so far, {total} ({band}); too few measures to compare completion with change (n = 1).</source>
        <translation>{name}: un solo puntaje por ahora, {total} ({band}); muy pocas mediciones para comparar el cumplimiento con el cambio (n = 1).</translation>
    </message>
    <message>
        <source>{name} from {first} to {last} over 1 week: {change}</source>
        <translation>{name} de {first} a {last} en 1 semana: {change}</translation>
    </message>
    <message>
        <source>{name} from {first} to {last} within a week: {change}</source>
        <translation>{name} de {first} a {last} en menos de una semana: {change}</translation>
    </message>
    <message>
        <source>{head}; too few measures to compare completion with change (n = {count}).</source>
        <translation>{head}; muy pocas mediciones para comparar el cumplimiento con el cambio (n = {count}).</translation>
    </message>
    <message>
        <source>{head}; too few weeks to compare completion with change (n = {high} with completion 3–4 and {low} with 0–1).</source>
        <translation>{head}; muy pocas semanas para comparar el cumplimiento con el cambio (n = {high} con cumplimiento 3–4 y {low} con 0–1).</translation>
    </message>
    <message>
        <source>{head}; weeks with completion 3–4 were followed by a mean change of {high_mean}, weeks with 0–1 by {low_mean} (n = {high} and {low}).</source>
        <translation>{head}; a las semanas con cumplimiento 3–4 les siguió un cambio medio de {high_mean}, a las de 0–1, uno de {low_mean} (n = {high} y {low}).</translation>
    </message>
    <message>
        <source>Goal {number}: no rating in the weeks shown; since the first rating, from {first} to {last} of 10 (n = {count}).</source>
        <translation>Meta {number}: ninguna calificación en las semanas que se muestran; desde la primera calificación, de {first} a {last} de 10 (n = {count}).</translation>
    </message>
    <message>
        <source>{said} Since the first rating, before these weeks: from {first} to {last} of 10 (n = {count}).</source>
        <translation>{said} Desde la primera calificación, antes de estas semanas: de {first} a {last} de 10 (n = {count}).</translation>
    </message>
    <message>
        <source>higher is better</source>
        <translation>más alto es mejor</translation>
    </message>
    <message>
        <source>lower is better</source>
        <translation>más bajo es mejor</translation>
    </message>
    <message>
        <source>Goal {number}: one rating so far, {rating} of 10 ({better}; n = 1).</source>
        <translation>Meta {number}: una calificación hasta ahora, {rating} de 10 ({better}; n = 1).</translation>
    </message>
    <message>
        <source>Goal {number} rated from {first} to {last} of 10 over {weeks} weeks ({better}; n = {count}).</source>
        <translation>Meta {number} calificada de {first} a {last} de 10 en {weeks} semanas ({better}; n = {count}).</translation>
    </message>
    <message>
        <source>Goal {number} rated from {first} to {last} of 10 over 1 week ({better}; n = {count}).</source>
        <translation>Meta {number} calificada de {first} a {last} de 10 en 1 semana ({better}; n = {count}).</translation>
    </message>
    <message>
        <source>Goal {number} rated from {first} to {last} of 10 within a week ({better}; n = {count}).</source>
        <translation>Meta {number} calificada de {first} a {last} de 10 en menos de una semana ({better}; n = {count}).</translation>
    </message>
</context>
<context>
    <name>measures</name>
    <message>
        <source>minimal</source>
        <translation>mínima</translation>
    </message>
    <message>
        <source>mild</source>
        <translation>leve</translation>
    </message>
    <message>
        <source>moderate</source>
        <translation>moderada</translation>
    </message>
    <message>
        <source>moderately severe</source>
        <translation>moderadamente grave</translation>
    </message>
    <message>
        <source>severe</source>
        <translation>grave</translation>
    </message>
    <message>
        <source>{name} has {count} questions; {given} answers given.</source>
        <translation>{name} tiene {count} preguntas; se dieron {given} respuestas.</translation>
    </message>
    <message>
        <source>Question {number} of {name} takes an answer from 0 to 3.</source>
        <translation>La pregunta {number} de {name} lleva una respuesta del 0 al 3.</translation>
    </message>
    <message>
        <source>reliable improvement</source>
        <translation>mejoría fiable</translation>
    </message>
    <message>
        <source>reliable deterioration</source>
        <translation>empeoramiento fiable</translation>
    </message>
    <message>
        <source>no reliable change</source>
        <translation>sin cambio fiable</translation>
    </message>
    <message>
        <source>{name} from {first} to {last} over {weeks} weeks: {change}</source>
        <translation>{name} de {first} a {last} en {weeks} semanas: {change}</translation>
    </message>
    <message>
        <source>The day it was taken is in the future.</source>
        <translation>El día en que se respondió está en el futuro.</translation>
    </message>
    <message>
        <source>That session is not this client's.</source>
        <translation>Esa sesión no es de este cliente.</translation>
    </message>
    <message>
        <source>The last question takes an answer from 0 to 3.</source>
        <translation>La última pregunta lleva una respuesta del 0 al 3.</translation>
    </message>
    <message>
        <source>Rate at least one goal.</source>
        <translation>Califica al menos una meta.</translation>
    </message>
    <message>
        <source>Rate only this client's current goals.</source>
        <translation>Califica solo las metas actuales de este cliente.</translation>
    </message>
    <message>
        <source>Each goal takes a rating from 0 to 10.</source>
        <translation>Cada meta lleva una calificación del 0 al 10.</translation>
    </message>
    <message>
        <source>That measure no longer exists.</source>
        <translation>Esa medida ya no existe.</translation>
    </message>
    <message>
        <source>Only the answers of a PHQ-9 or a GAD-7 can be changed.</source>
        <translation>Solo se pueden cambiar las respuestas de un PHQ-9 o un GAD-7.</translation>
    </message>
    <message>
        <source>This measure raised a risk alert that has been acknowledged; the alert and what was done are a safety record, so the measure is kept.</source>
        <translation>Esta medida generó una alerta de riesgo que ya fue atendida; la alerta y lo que se hizo son un registro de seguridad, así que la medida se conserva.</translation>
    </message>
    <message>
        <source>Name one to three goals.</source>
        <translation>Escribe de una a tres metas.</translation>
    </message>
    <message>
        <source>holds an invisible control character (a tab, a line break or a direction code); type it again</source>
        <translation>tiene un carácter de control invisible (un tabulador, un salto de línea o un código de dirección); escríbela de nuevo</translation>
    </message>
    <message>
        <source>Goal {number} {problem}.</source>
        <translation>La meta {number} {problem}.</translation>
    </message>
    <message>
        <source>is empty</source>
        <translation>está vacía</translation>
    </message>
    <message>
        <source>Goal {number} is the same as goal {first}: name each goal once.</source>
        <translation>La meta {number} es igual a la meta {first}: nombra cada meta una sola vez.</translation>
    </message>
    <message>
        <source>That alert no longer exists.</source>
        <translation>Esa alerta ya no existe.</translation>
    </message>
    <message>
        <source>This alert was already acknowledged.</source>
        <translation>Esta alerta ya se atendió.</translation>
    </message>
    <message>
        <source>Say what was done about the answer to question 9.</source>
        <translation>Escribe qué se hizo ante la respuesta a la pregunta 9.</translation>
    </message>
    <message>
        <source>That client no longer exists.</source>
        <translation>Ese cliente ya no existe.</translation>
    </message>
</context>
<context>
    <name>migrate</name>
    <message>
        <source>This copy of Practice is damaged (its database upgrade scripts are incomplete). Reinstall Practice. Your practice was not changed.</source>
        <translation>Esta copia de Practice está dañada (sus scripts de actualización de la base de datos están incompletos). Vuelve a instalar Practice. Tu consulta no se modificó.</translation>
    </message>
    <message>
        <source>{path}: this practice is encrypted; passphrase needed. It was not changed.</source>
        <translation>{path}: esta consulta está cifrada; hace falta la frase de contraseña. No se cambió.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a practice file. It was not changed.</source>
        <translation>{path} es una carpeta, no un archivo de consulta. No se cambió.</translation>
    </message>
    <message>
        <source>{path} is empty (0 bytes): it holds no practice, as a failed copy or a sync tool can leave it. It was not changed.</source>
        <translation>{path} está vacío (0 bytes): no tiene ninguna consulta, como puede dejarlo una copia fallida o una herramienta de sincronización. No se cambió.</translation>
    </message>
    <message>
        <source>{path} cannot be read with this key: wrong passphrase, or the file is damaged. It was not changed.</source>
        <translation>{path} no se puede leer con esta clave: la frase de contraseña es incorrecta o el archivo está dañado. No se cambió.</translation>
    </message>
    <message>
        <source>Cannot open {path}: {exc}</source>
        <translation>No se puede abrir {path}: {exc}</translation>
    </message>
    <message>
        <source>{path} is damaged or is not a database ({exc}). It was not changed.{hint}</source>
        <translation>{path} está dañado o no es una base de datos ({exc}). No se cambió.{hint}</translation>
    </message>
    <message>
        <source>{path} is an SQLite file but not a Practice database. It was not changed.</source>
        <translation>{path} es un archivo SQLite, pero no una base de datos de Practice. No se cambió.</translation>
    </message>
    <message>
        <source>{path} was written by a newer version of Practice (schema {revision}). This version cannot open it safely and left it untouched. Please update Practice.</source>
        <translation>{path} lo escribió una versión más nueva de Practice (esquema {revision}). Esta versión no puede abrirlo con seguridad y lo dejó sin tocar. Actualiza Practice, por favor.</translation>
    </message>
    <message>
        <source>{path} cannot be opened: the disk is full, and SQLite needs a little room even to read it. Free some space on the disk, then try again. It was not changed.</source>
        <translation>No se puede abrir {path}: el disco está lleno, y SQLite necesita un poco de espacio incluso para leerlo. Libera espacio en el disco y vuelve a intentarlo. No se cambió nada.</translation>
    </message>
    <message>
        <source>{path} has a journal left by an interrupted write; it is rolled back when Practice (or a command that writes) next opens the file. It was not changed.</source>
        <translation>{path} tiene un diario que dejó una escritura interrumpida; se deshace la próxima vez que Practice (o un comando que escribe) abra el archivo. No se cambió.</translation>
    </message>
    <message>
        <source>The new practice {path} could not be written whole.</source>
        <translation>La consulta nueva {path} no se pudo escribir completa.</translation>
    </message>
    <message>
        <source>Foreign key problems after migrating {path}: {names}</source>
        <translation>Problemas de claves foráneas después de migrar {path}: {names}</translation>
    </message>
    <message>
        <source>Cannot use {where}: {problem}</source>
        <translation>No se puede usar {where}: {problem}</translation>
    </message>
    <message>
        <source>{where} holds tables but is not a Practice database. It was not changed.</source>
        <translation>{where} tiene tablas, pero no es una base de datos de Practice. No se modificó.</translation>
    </message>
    <message>
        <source>{where} holds another application's database (its schema {revision} is not one of Practice's), not a Practice database. It was not changed.</source>
        <translation>{where} contiene la base de datos de otra aplicación (su esquema {revision} no es uno de los de Practice), no una base de datos de Practice. No se modificó.</translation>
    </message>
    <message>
        <source>{where} was written by a newer version of Practice (schema {revision}). This version cannot open it safely and left it untouched. Please update Practice.</source>
        <translation>{where} fue escrita por una versión más nueva de Practice (esquema {revision}). Esta versión no puede abrirla con seguridad y no la tocó. Actualiza Practice, por favor.</translation>
    </message>
    <message>
        <source>{where} is not a whole Practice database: some of its tables are missing ({tables}). It was not changed.</source>
        <translation>{where} no es una base de datos de Practice completa: le faltan algunas de sus tablas ({tables}). No se modificó.</translation>
    </message>
</context>
<context>
    <name>move</name>
    <message>
        <source>{source} and {target} are both a server database: move copies a practice from a file to a PostgreSQL server or back. Nothing was written.</source>
        <translation>{source} y {target} son ambos una base de datos de servidor: move copia una consulta de un archivo a un servidor PostgreSQL o de vuelta. No se escribió nada.</translation>
    </message>
    <message>
        <source>{source} and {target} are both a file: move copies a practice from a file to a PostgreSQL server or back. Nothing was written.</source>
        <translation>{source} y {target} son ambos un archivo: move copia una consulta de un archivo a un servidor PostgreSQL o de vuelta. No se escribió nada.</translation>
    </message>
    <message>
        <source>{source} holds no practice yet; nothing was moved.</source>
        <translation>{source} todavía no contiene ninguna consulta; no se movió nada.</translation>
    </message>
    <message>
        <source>{source} is at schema {revision}, older than this version's {head}: run `practice migrate` on it first. Nothing was written.</source>
        <translation>{source} está en el esquema {revision}, anterior al {head} de esta versión: ejecuta primero `practice migrate` en él. No se escribió nada.</translation>
    </message>
    <message>
        <source>The audit trail of {source} does not verify ({problem}); run `practice check` on it. Nothing was written.</source>
        <translation>El registro de auditoría de {source} no se puede verificar ({problem}); ejecuta `practice check` en él. No se escribió nada.</translation>
    </message>
    <message>
        <source>The move stopped: {reason}. Nothing usable was left at {target}.</source>
        <translation>El traslado se detuvo: {reason}. No quedó nada utilizable en {target}.</translation>
    </message>
    <message>
        <source>The audit key {kid} of the source was not found.</source>
        <translation>No se encontró la clave de auditoría {kid} del origen.</translation>
    </message>
    <message>
        <source>The {table} row with {row} cannot go to a server: its {column} holds a NUL character (an invisible control character a server does not store). Retype that text in the app, then move again. Nothing was written.</source>
        <translation>La fila de {table} con {row} no puede ir a un servidor: su {column} contiene un carácter NUL (un carácter de control invisible que un servidor no guarda). Vuelve a escribir ese texto en la aplicación y luego muévela otra vez. No se escribió nada.</translation>
    </message>
    <message>
        <source>The {table} row with {row} cannot go to a server: its {column} is {length} characters long, and the server takes at most {limit}. Shorten it in the app, then move again. Nothing was written.</source>
        <translation>La fila de {table} con {row} no puede ir a un servidor: su {column} tiene {length} caracteres y el servidor admite como máximo {limit}. Acórtalo en la aplicación y luego muévela otra vez. No se escribió nada.</translation>
    </message>
    <message>
        <source>The copy does not hold the same rows as the source ({tables}).</source>
        <translation>La copia no tiene las mismas filas que el origen ({tables}).</translation>
    </message>
    <message>
        <source>The audit trail does not verify on the copy: {problem}</source>
        <translation>El registro de auditoría no se puede verificar en la copia: {problem}</translation>
    </message>
    <message>
        <source>{target} already holds tables ({count}): a practice moves only into an empty database. Nothing was written.</source>
        <translation>{target} ya contiene tablas ({count}): una consulta solo se mueve a una base de datos vacía. No se escribió nada.</translation>
    </message>
    <message>
        <source>{path} already exists: a practice moves only into a new file. Nothing was written.</source>
        <translation>{path} ya existe: una consulta solo se mueve a un archivo nuevo. No se escribió nada.</translation>
    </message>
    <message>
        <source>{key_file} holds the audit key of another practice: move into another file name, or move that key file away. Nothing was written.</source>
        <translation>{key_file} contiene la clave de auditoría de otra consulta: muévela a otro nombre de archivo o saca de ahí ese archivo de clave. No se escribió nada.</translation>
    </message>
    <message>
        <source>{path} appeared meanwhile; it was left as it is.</source>
        <translation>{path} apareció mientras tanto; se dejó como estaba.</translation>
    </message>
</context>
<context>
    <name>notes</name>
    <message>
        <source>Plan {problem}.</source>
        <translation>El plan {problem}.</translation>
    </message>
    <message>
        <source>'{name}' is not a section of a {value} note (its sections: {names}).</source>
        <translation>«{name}» no es una sección de una nota {value} (sus secciones: {names}).</translation>
    </message>
    <message>
        <source>{name} must be text.</source>
        <translation>{name} debe ser texto.</translation>
    </message>
    <message>
        <source>{name} {problem}.</source>
        <translation>{name}: {problem}.</translation>
    </message>
    <message>
        <source>There is no appointment with id {appointment_id}.</source>
        <translation>No hay ninguna cita con el id {appointment_id}.</translation>
    </message>
    <message>
        <source>Notes are written for an appointment that took place; this one is {status}. Mark it attended first.</source>
        <translation>Las notas se escriben para una cita que se realizó; esta está {status}. Primero márcala como asistida.</translation>
    </message>
    <message>
        <source>This note is signed and cannot be changed; add an amendment instead.</source>
        <translation>Esta nota está firmada y no se puede cambiar; agrega una enmienda en su lugar.</translation>
    </message>
    <message>
        <source>This note is already signed.</source>
        <translation>Esta nota ya está firmada.</translation>
    </message>
    <message>
        <source>The note is empty; write it before signing.</source>
        <translation>La nota está vacía; escríbela antes de firmar.</translation>
    </message>
    <message>
        <source>This note is not signed yet; edit it directly instead of amending.</source>
        <translation>Esta nota todavía no está firmada; edítala directamente en lugar de enmendarla.</translation>
    </message>
    <message>
        <source>An amendment needs a reason.</source>
        <translation>Una enmienda necesita un motivo.</translation>
    </message>
    <message>
        <source>Reason {problem}.</source>
        <translation>El motivo {problem}.</translation>
    </message>
    <message>
        <source>Nothing to amend: the text is the same as the note reads now.</source>
        <translation>No hay nada que enmendar: el texto es igual a lo que dice la nota ahora.</translation>
    </message>
    <message>
        <source>There is no session note with id {note_id}.</source>
        <translation>No hay ninguna nota de sesión con el id {note_id}.</translation>
    </message>
</context>
<context>
    <name>notices</name>
    <message>
        <source>made by you</source>
        <translation>hecha por ti</translation>
    </message>
    <message>
        <source>the daily backup</source>
        <translation>la copia diaria</translation>
    </message>
    <message>
        <source>made when Practice closed</source>
        <translation>hecha al cerrar Practice</translation>
    </message>
    <message>
        <source>made before an upgrade</source>
        <translation>hecha antes de una actualización</translation>
    </message>
    <message>
        <source>It is open in {program} (process {pid}) on the computer &lt;b style="white-space: nowrap"&gt;{host}&lt;/b&gt;, since {started} ({age}).</source>
        <translation>Está abierta en {program} (proceso {pid}) en la computadora &lt;b style="white-space: nowrap"&gt;{host}&lt;/b&gt;, desde el {started} ({age}).</translation>
    </message>
    <message>
        <source>It is open in {program} (process {pid}) on the computer &lt;b style="white-space: nowrap"&gt;{host}&lt;/b&gt;, since {started}.</source>
        <translation>Está abierta en {program} (proceso {pid}) en la computadora &lt;b style="white-space: nowrap"&gt;{host}&lt;/b&gt;, desde el {started}.</translation>
    </message>
    <message>
        <source>Another program is opening it right now.</source>
        <translation>Otro programa la está abriendo en este momento.</translation>
    </message>
    <message>
        <source>Only one copy of Practice can use a database at a time, so this copy has not changed anything. Switch to the copy that is open, or close it and start Practice again.</source>
        <translation>Solo una copia de Practice puede usar una base de datos a la vez, así que esta copia no cambió nada. Ve a la copia que está abierta, o ciérrala y vuelve a abrir Practice.</translation>
    </message>
    <message>
        <source>Only one copy of Practice can use a database at a time, so this copy has not changed anything. Switch to the copy that is open, or close it and start Practice again. If Practice is no longer running on that computer (it crashed, or this computer was renamed), you can take over.</source>
        <translation>Solo una copia de Practice puede usar una base de datos a la vez, así que esta copia no cambió nada. Ve a la copia que está abierta, o ciérrala y vuelve a abrir Practice. Si Practice ya no está funcionando en esa computadora (se cerró de golpe o esta computadora cambió de nombre), puedes tomar el control.</translation>
    </message>
    <message>
        <source>Practice is already open</source>
        <translation>Practice ya está abierto</translation>
    </message>
    <message>
        <source>&lt;b&gt;This practice is already open.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{who}</source>
        <translation>&lt;b&gt;Esta consulta ya está abierta.&lt;/b&gt;&lt;br&gt;&lt;br&gt;{who}</translation>
    </message>
    <message>
        <source>Database: {path}</source>
        <translation>Base de datos: {path}</translation>
    </message>
    <message>
        <source>Take over…</source>
        <translation>Tomar el control…</translation>
    </message>
    <message>
        <source>Take over</source>
        <translation>Tomar el control</translation>
    </message>
    <message>
        <source>the other computer</source>
        <translation>la otra computadora</translation>
    </message>
    <message>
        <source>Take over the practice?</source>
        <translation>¿Tomar el control de la consulta?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Take over the practice from {host}?&lt;/b&gt;</source>
        <translation>&lt;b&gt;¿Tomar el control de la consulta desde {host}?&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Do this only if Practice is closed on {host}, or that computer is this one under its former name. If Practice is still open there, both copies would write to the same file and could damage it. The takeover is recorded in the audit trail.</source>
        <translation>Hazlo solo si Practice está cerrado en {host} o si esa computadora es esta misma con su nombre anterior. Si Practice sigue abierto allí, las dos copias escribirían en el mismo archivo y podrían dañarlo. El cambio queda anotado en el registro de auditoría.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The database file is damaged.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Practice found damage in {name} and has not opened it, so nothing more was written to it.</source>
        <translation>&lt;b&gt;El archivo de la base de datos está dañado.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Practice encontró daños en {name} y no lo abrió, así que no se escribió nada más en él.</translation>
    </message>
    <message>
        <source>What was found: {problem}</source>
        <translation>Lo que se encontró: {problem}</translation>
    </message>
    <message>
        <source>The latest good backup is from &lt;b&gt;{when}&lt;/b&gt; ({kind}). Restoring it replaces the damaged file. The damaged file is not deleted: it is kept beside the new one, named {stem}.before-restore- and today's date and time. Changes made after that backup are not in the backup.</source>
        <translation>La última copia buena es del &lt;b&gt;{when}&lt;/b&gt; ({kind}). Restaurarla reemplaza el archivo dañado. El archivo dañado no se borra: se guarda junto al nuevo, con el nombre {stem}.before-restore- y la fecha y hora de hoy. Los cambios hechos después de esa copia no están en ella.</translation>
    </message>
    <message>
        <source>No good backup of this database was found in {folder}. The file was left as it is: keep a copy of it and ask for help before trying anything else.</source>
        <translation>No se encontró ninguna copia buena de esta base de datos en {folder}. El archivo se dejó como estaba: guarda una copia de él y pide ayuda antes de intentar otra cosa.</translation>
    </message>
    <message>
        <source>Damaged database</source>
        <translation>Base de datos dañada</translation>
    </message>
    <message>
        <source>Create a new practice</source>
        <translation>Crear una consulta nueva</translation>
    </message>
    <message>
        <source>Restore the backup</source>
        <translation>Restaurar la copia de seguridad</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>There is no practice file at {path}. A new, empty practice would be made there.</source>
        <translation>No hay ningún archivo de consulta en {path}. Se crearía allí una consulta nueva y vacía.</translation>
    </message>
    <message>
        <source>A backup of a practice of this name exists: the latest good one is from &lt;b&gt;{when}&lt;/b&gt;. If your practice file went missing, restore that backup instead.</source>
        <translation>Existe una copia de una consulta con este nombre: la última buena es del &lt;b&gt;{when}&lt;/b&gt;. Si tu archivo de consulta se perdió, mejor restaura esa copia.</translation>
    </message>
    <message>
        <source>Create a new practice here?</source>
        <translation>¿Crear una consulta nueva aquí?</translation>
    </message>
    <message>
        <source>&lt;b&gt;Create a new practice here?&lt;/b&gt;&lt;br&gt;&lt;br&gt;{name} does not exist yet.</source>
        <translation>&lt;b&gt;¿Crear una consulta nueva aquí?&lt;/b&gt;&lt;br&gt;&lt;br&gt;{name} todavía no existe.</translation>
    </message>
    <message>
        <source>Your practice's files are private again</source>
        <translation>Los archivos de tu consulta vuelven a ser privados</translation>
    </message>
    <message>
        <source>&lt;b&gt;Some of your practice's files could be read by other users of this computer.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Otros usuarios de esta computadora podían leer algunos archivos de tu consulta.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Practice has made them readable by you only; nothing else was changed. The details list them.</source>
        <translation>Practice hizo que solo tú puedas leerlos; no se cambió nada más. Los detalles los enumeran.</translation>
    </message>
    <message>
        <source>Your database is in a risky place</source>
        <translation>Tu base de datos está en un lugar riesgoso</translation>
    </message>
    <message>
        <source>&lt;b&gt;Your database is in a place where it can be damaged.&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tu base de datos está en un lugar donde se puede dañar.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Practice opens it anyway. When you can, move it to this computer's own disk: close Practice, move the file, then start Practice on the moved file (practice --db followed by its new place).</source>
        <translation>Practice la abre de todos modos. Cuando puedas, muévela al disco propio de esta computadora: cierra Practice, mueve el archivo y abre Practice con el archivo en su nuevo lugar (practice --db seguido de su nueva ubicación).</translation>
    </message>
    <message>
        <source>The database check found problems</source>
        <translation>La revisión de la base de datos encontró problemas</translation>
    </message>
    <message>
        <source>&lt;b&gt;The database opens, but its check found problems.&lt;/b&gt;</source>
        <translation>&lt;b&gt;La base de datos se abre, pero su revisión encontró problemas.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>You can keep working. Please back up now and keep the backup; the details below say what was found.</source>
        <translation>Puedes seguir trabajando. Por favor, haz una copia de seguridad ahora y guárdala; los detalles de abajo dicen lo que se encontró.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The backup just made failed its check.&lt;/b&gt;</source>
        <translation>&lt;b&gt;La copia que se acaba de hacer no pasó su revisión.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>It is not counted as a good backup; your earlier backups are kept. The failed copy was kept as {name} for inspection.</source>
        <translation>No cuenta como copia buena; tus copias anteriores se conservan. La copia fallida se guardó como {name} para revisarla.</translation>
    </message>
    <message>
        <source>&lt;b&gt;The backup could not be made.&lt;/b&gt;</source>
        <translation>&lt;b&gt;No se pudo hacer la copia de seguridad.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Your earlier backups are kept. Check that the backup folder can be written.</source>
        <translation>Tus copias anteriores se conservan. Revisa que se pueda escribir en la carpeta de copias.</translation>
    </message>
    <message>
        <source>Backup failed</source>
        <translation>Falló la copia de seguridad</translation>
    </message>
    <message>
        <source>The file you were using before is not deleted: it is kept in {folder} as {name}.</source>
        <translation>El archivo que usabas antes no se borra: se guarda en {folder} como {name}.</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>Copia de seguridad restaurada</translation>
    </message>
    <message>
        <source>&lt;b&gt;The backup is restored.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Practice now shows your records as they were in the backup {name}.</source>
        <translation>&lt;b&gt;La copia está restaurada.&lt;/b&gt;&lt;br&gt;&lt;br&gt;Practice ahora muestra tus datos como estaban en la copia {name}.</translation>
    </message>
</context>
<context>
    <name>observations</name>
    <message>
        <source>Choose the kind of resistance observed.</source>
        <translation>Elige el tipo de resistencia observada.</translation>
    </message>
    <message>
        <source>Observation text {problem}.</source>
        <translation>El texto de la observación {problem}.</translation>
    </message>
    <message>
        <source>There is no observation with id {value}.</source>
        <translation>No hay ninguna observación con el id {value}.</translation>
    </message>
    <message>
        <source>There is no session note with id {note_id}.</source>
        <translation>No hay ninguna nota de sesión con el id {note_id}.</translation>
    </message>
    <message>
        <source>This note is signed; observations can only be added with an amendment, and not removed.</source>
        <translation>Esta nota está firmada; las observaciones solo se pueden agregar con una enmienda, y no se pueden quitar.</translation>
    </message>
    <message>
        <source>There is no observation with id {observation_id}.</source>
        <translation>No hay ninguna observación con el id {observation_id}.</translation>
    </message>
</context>
<context>
    <name>platform_plugin</name>
    <message>
        <source>Practice cannot open its window: there is no desktop to show it on (DISPLAY is {display}). Start it from your desktop session; the commands (practice --help) work without one.</source>
        <translation>Practice no puede abrir su ventana: no hay un escritorio donde mostrarla (DISPLAY es {display}). Ábrelo desde tu sesión de escritorio; los comandos (practice --help) funcionan sin él.</translation>
    </message>
    <message>
        <source>Practice cannot open its window: a system library that Qt needs to draw on this desktop is missing ({libraries}).</source>
        <translation>Practice no puede abrir su ventana: falta una biblioteca del sistema que Qt necesita para dibujar en este escritorio ({libraries}).</translation>
    </message>
    <message>
        <source>On Debian or Ubuntu, install it with:
    sudo apt install {packages}</source>
        <translation>En Debian o Ubuntu, instálala con:
    sudo apt install {packages}</translation>
    </message>
    <message>
        <source>Install the package that provides {libraries}.</source>
        <translation>Instala el paquete que contiene {libraries}.</translation>
    </message>
    <message>
        <source>Then start Practice again. Your practice's data were not touched.</source>
        <translation>Después vuelve a abrir Practice. No se tocó ningún dato de tu consulta.</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>sin definir</translation>
    </message>
    <message>
        <source>Practice cannot open its window: Qt could not start the window system “{platform}” that QT_QPA_PLATFORM asks for. Unset QT_QPA_PLATFORM and start Practice again.</source>
        <translation>Practice no puede abrir su ventana: Qt no pudo iniciar el sistema de ventanas «{platform}» que pide QT_QPA_PLATFORM. Quita QT_QPA_PLATFORM y vuelve a abrir Practice.</translation>
    </message>
    <message>
        <source>Practice cannot open its window: its window system plugin (“{platform}”) is missing or damaged. Reinstall Practice. Your practice's data were not touched.</source>
        <translation>Practice no puede abrir su ventana: falta su complemento del sistema de ventanas («{platform}») o está dañado. Vuelve a instalar Practice. No se tocó ningún dato de tu consulta.</translation>
    </message>
</context>
<context>
    <name>prep</name>
    <message>
        <source>Show at least one week (or all weeks).</source>
        <translation>Muestra al menos una semana (o todas).</translation>
    </message>
    <message>
        <source>There is no client with id {client_id}.</source>
        <translation>No hay ningún cliente con el id {client_id}.</translation>
    </message>
</context>
<context>
    <name>prep_sections</name>
    <message>
        <source>None recorded.</source>
        <translation>Nada registrado.</translation>
    </message>
    <message>
        <source>{value} of 4 ({anchor})</source>
        <translation>{value} de 4 ({anchor})</translation>
    </message>
    <message>
        <source>{value} of 4</source>
        <translation>{value} de 4</translation>
    </message>
    <message>
        <source>all weeks</source>
        <translation>todas las semanas</translation>
    </message>
    <message>
        <source>the last {weeks} weeks</source>
        <translation>las últimas {weeks} semanas</translation>
    </message>
    <message>
        <source>No session scheduled</source>
        <translation>Ninguna sesión programada</translation>
    </message>
    <message>
        <source>today</source>
        <translation>hoy</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>mañana</translation>
    </message>
    <message>
        <source>in {days} days</source>
        <translation>en {days} días</translation>
    </message>
    <message>
        <source>Next session: {day}, {time} ({when})</source>
        <translation>Próxima sesión: {day}, {time} ({when})</translation>
    </message>
    <message>
        <source>Stage of change: {stage}</source>
        <translation>Etapa de cambio: {stage}</translation>
    </message>
    <message>
        <source>Homework that fits: {homework}</source>
        <translation>Tareas que encajan: {homework}</translation>
    </message>
    <message>
        <source>Stage of change not recorded.</source>
        <translation>Etapa de cambio sin registrar.</translation>
    </message>
    <message>
        <source>{language} · {level} level</source>
        <translation>{language} · nivel {level}</translation>
    </message>
    <message>
        <source>All weeks: mean completion {mean} of 4</source>
        <translation>Todas las semanas: cumplimiento medio {mean} de 4</translation>
    </message>
    <message>
        <source>Last {weeks} weeks: mean completion {mean} of 4</source>
        <translation>Últimas {weeks} semanas: cumplimiento medio {mean} de 4</translation>
    </message>
    <message>
        <source>about the same as the weeks before ({earlier})</source>
        <translation>más o menos igual que las semanas anteriores ({earlier})</translation>
    </message>
    <message>
        <source>up from {earlier} in the weeks before</source>
        <translation>sube desde {earlier} en las semanas anteriores</translation>
    </message>
    <message>
        <source>down from {earlier} in the weeks before</source>
        <translation>baja desde {earlier} en las semanas anteriores</translation>
    </message>
    <message>
        <source>reviews in all: {count}</source>
        <translation>revisiones en total: {count}</translation>
    </message>
    <message>
        <source>sessions since {day}: {count}</source>
        <translation>sesiones desde el {day}: {count}</translation>
    </message>
    <message>
        <source>no-shows: {count}</source>
        <translation>inasistencias: {count}</translation>
    </message>
    <message>
        <source>cancelled: {count}</source>
        <translation>canceladas: {count}</translation>
    </message>
    <message>
        <source>cancelled for a missing self-record: {count}</source>
        <translation>canceladas por falta de autorregistro: {count}</translation>
    </message>
    <message>
        <source>No sessions yet.</source>
        <translation>Aún no hay sesiones.</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Por qué:</translation>
    </message>
    <message>
        <source>, {count} in {weeks}</source>
        <translation>, {count} en {weeks}</translation>
    </message>
    <message>
        <source>last {day}</source>
        <translation>última vez el {day}</translation>
    </message>
    <message>
        <source>no review since</source>
        <translation>sin revisión desde entonces</translation>
    </message>
    <message>
        <source>next review {completion}</source>
        <translation>siguiente revisión {completion}</translation>
    </message>
    <message>
        <source>next reviews {mean} of 4 on average</source>
        <translation>siguientes revisiones {mean} de 4 en promedio</translation>
    </message>
    <message>
        <source>Not tried yet: {names}.</source>
        <translation>Aún sin probar: {names}.</translation>
    </message>
    <message>
        <source>To raise openly</source>
        <translation>Para plantear abiertamente</translation>
    </message>
    <message>
        <source>To raise openly:</source>
        <translation>Para plantear abiertamente:</translation>
    </message>
    <message>
        <source>nothing flagged.</source>
        <translation>nada marcado.</translation>
    </message>
    <message>
        <source>Last plan ({day}):</source>
        <translation>Último plan ({day}):</translation>
    </message>
    <message>
        <source>Last plan:</source>
        <translation>Último plan:</translation>
    </message>
    <message>
        <source>times a week: {count}</source>
        <translation>veces por semana: {count}</translation>
    </message>
    <message>
        <source>; last review {day}: {completion}</source>
        <translation>; última revisión el {day}: {completion}</translation>
    </message>
    <message>
        <source>; not reviewed yet</source>
        <translation>; aún sin revisar</translation>
    </message>
    <message>
        <source>{how}, {modality}, {level} level</source>
        <translation>{how}, {modality}, nivel {level}</translation>
    </message>
    <message>
        <source>Open homework</source>
        <translation>Tareas abiertas</translation>
    </message>
    <message>
        <source>Open homework:</source>
        <translation>Tareas abiertas:</translation>
    </message>
    <message>
        <source>none.</source>
        <translation>ninguna.</translation>
    </message>
    <message>
        <source>No session note yet.</source>
        <translation>Aún no hay nota de sesión.</translation>
    </message>
    <message>
        <source>signed, amended</source>
        <translation>firmada, enmendada</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>firmada</translation>
    </message>
    <message>
        <source>draft, not signed, amended</source>
        <translation>borrador, sin firmar, enmendado</translation>
    </message>
    <message>
        <source>draft, not signed</source>
        <translation>borrador, sin firmar</translation>
    </message>
    <message>
        <source>Session of {day}</source>
        <translation>Sesión del {day}</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>was dropped</source>
        <translation>se abandonó</translation>
    </message>
    <message>
        <source>was replaced by another task</source>
        <translation>se reemplazó por otra tarea</translation>
    </message>
    <message>
        <source>is completed</source>
        <translation>está completada</translation>
    </message>
    <message>
        <source> (print the new task's sheet instead: assignment {assignment})</source>
        <translation> (imprime en su lugar la hoja de la tarea nueva: tarea {assignment})</translation>
    </message>
    <message>
        <source>“{title}” ({code}) {value}, so it gets no sheet, reminder card or alarm{newer}.</source>
        <translation>«{title}» ({code}) {value}, así que no lleva hoja, tarjeta recordatoria ni alarma{newer}.</translation>
    </message>
    <message>
        <source>The template '{key}' has no {label} text (it has: {have}). Add that language to the template file, or choose another template.</source>
        <translation>La plantilla «{key}» no tiene texto en {label} (tiene: {have}). Agrega ese idioma al archivo de la plantilla o elige otra plantilla.</translation>
    </message>
    <message>
        <source>The template '{template_key}' of this homework is not available (known templates: {value}).</source>
        <translation>La plantilla «{template_key}» de esta tarea no está disponible (plantillas conocidas: {value}).</translation>
    </message>
    <message>
        <source>No sheets to print: no client with an appointment from {first_day} to {last_day} has active homework.</source>
        <translation>No hay hojas que imprimir: ningún cliente con cita del {first_day} al {last_day} tiene tareas activas.</translation>
    </message>
</context>
<context>
    <name>private_notes</name>
    <message>
        <source>Private note {problem}.</source>
        <translation>La nota privada {problem}.</translation>
    </message>
</context>
<context>
    <name>reminders</name>
    <message>
        <source>There is no homework assignment with id {assignment_id}.</source>
        <translation>No hay ninguna tarea asignada con el id {assignment_id}.</translation>
    </message>
    <message>
        <source>Choose how the reminder was sent.</source>
        <translation>Elige cómo se envió el recordatorio.</translation>
    </message>
</context>
<context>
    <name>restore</name>
    <message>
        <source>A database cannot be restored from itself.</source>
        <translation>Una base de datos no se puede restaurar desde sí misma.</translation>
    </message>
    <message>
        <source>{message} Nothing was restored.</source>
        <translation>{message} No se restauró nada.</translation>
    </message>
    <message>
        <source>The backup {name} failed verification and was not restored: {problems}</source>
        <translation>La copia de seguridad {name} no pasó la verificación y no se restauró: {problems}</translation>
    </message>
    <message>
        <source>The backup was not restored. {exc}</source>
        <translation>La copia de seguridad no se restauró. {exc}</translation>
    </message>
    <message>
        <source>{name} is not a Practice backup; nothing was restored.</source>
        <translation>{name} no es una copia de seguridad de Practice; no se restauró nada.</translation>
    </message>
    <message>
        <source>Restore failed, the database was left as it was: {exc}</source>
        <translation>La restauración falló; la base de datos quedó como estaba: {exc}</translation>
    </message>
    <message>
        <source>The restored copy failed verification: {names}</source>
        <translation>La copia restaurada no pasó la verificación: {names}</translation>
    </message>
    <message>
        <source>The upgraded copy failed its check: {summary}</source>
        <translation>La copia actualizada no pasó su revisión: {summary}</translation>
    </message>
</context>
<context>
    <name>reviews</name>
    <message>
        <source>{label} is required (0-4).</source>
        <translation>{label}: falta el valor (0-4).</translation>
    </message>
    <message>
        <source>{label} must be a whole number from 0 to 4{extra}; got {value}.</source>
        <translation>{label}: debe ser un número entero de 0 a 4{extra}; se indicó {value}.</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>Cumplimiento</translation>
    </message>
    <message>
        <source>Client's rating</source>
        <translation>Valoración del cliente</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Days recorded must be from 0 to {days_max}; got {days}.</source>
        <translation>Los días registrados deben ser de 0 a {days_max}; se indicó {days}.</translation>
    </message>
    <message>
        <source>Unknown barrier: {value}.</source>
        <translation>Obstáculo desconocido: {value}.</translation>
    </message>
    <message>
        <source>Unknown strategy: {value}.</source>
        <translation>Estrategia desconocida: {value}.</translation>
    </message>
    <message>
        <source>Note {problem}.</source>
        <translation>La nota {problem}.</translation>
    </message>
    <message>
        <source>This homework was already reviewed in this session (review {existing}); update that review instead.</source>
        <translation>Esta tarea ya se revisó en esta sesión (revisión {existing}); actualiza esa revisión en su lugar.</translation>
    </message>
    <message>
        <source>There is no homework review with id {review_id}.</source>
        <translation>No hay ninguna revisión de tarea con el id {review_id}.</translation>
    </message>
    <message>
        <source>This homework was {value} and cannot be reviewed.</source>
        <translation>Esta tarea quedó {value} y no se puede revisar.</translation>
    </message>
    <message>
        <source>A review belongs to the session where it happened</source>
        <translation>Una revisión va en la sesión donde se hizo</translation>
    </message>
    <message>
        <source>choose that appointment</source>
        <translation>elige esa cita</translation>
    </message>
    <message>
        <source>there is no appointment with id {id}</source>
        <translation>no hay ninguna cita con el id {id}</translation>
    </message>
    <message>
        <source>{belongs}: {what}.</source>
        <translation>{belongs}: {what}.</translation>
    </message>
    <message>
        <source>{belongs}: this appointment is another client's.</source>
        <translation>{belongs}: esta cita es de otro cliente.</translation>
    </message>
    <message>
        <source>{belongs}: this appointment is {status}, not attended.</source>
        <translation>{belongs}: esta cita está {status}, no asistida.</translation>
    </message>
    <message>
        <source>{belongs}: this homework was set {value}; review it in a later session.</source>
        <translation>{belongs}: esta tarea se asignó {value}; revísala en una sesión posterior.</translation>
    </message>
    <message>
        <source>in this session</source>
        <translation>en esta sesión</translation>
    </message>
    <message>
        <source>later</source>
        <translation>después</translation>
    </message>
    <message>
        <source>There is no homework assignment with id {assignment_id}.</source>
        <translation>No hay ninguna tarea asignada con el id {assignment_id}.</translation>
    </message>
</context>
<context>
    <name>risk</name>
    <message>
        <source>Write who was consulted in its own field, not in the reason.</source>
        <translation>Escribe a quién consultaste en su propio campo, no en el motivo.</translation>
    </message>
    <message>
        <source>Say who was consulted (the name and role of a colleague or supervisor).</source>
        <translation>Indica a quién consultaste (el nombre y el cargo de un colega o supervisor).</translation>
    </message>
    <message>
        <source>Who was consulted holds invisible characters; type the name again.</source>
        <translation>«A quién consultaste» tiene caracteres invisibles; escribe el nombre de nuevo.</translation>
    </message>
    <message>
        <source>Name the colleague or supervisor who was consulted (for example “Dr A. Ruiz, clinical supervisor”).</source>
        <translation>Nombra al colega o supervisor que consultaste (por ejemplo «Dra. A. Ruiz, supervisora clínica»).</translation>
    </message>
    <message>
        <source>Write who was consulted on one line.</source>
        <translation>Escribe en una sola línea a quién consultaste.</translation>
    </message>
</context>
<context>
    <name>save_guard</name>
    <message>
        <source>Choose another place</source>
        <translation>Elige otro lugar</translation>
    </message>
    <message>
        <source>{reason}.

Practice never writes over the practice, its own files or its backups. Nothing was saved; choose another name or folder.</source>
        <translation>{reason}.

Practice nunca escribe encima de la consulta, de sus propios archivos ni de sus copias. No se guardó nada; elige otro nombre u otra carpeta.</translation>
    </message>
    <message>
        <source>Replace the file?</source>
        <translation>¿Reemplazar el archivo?</translation>
    </message>
    <message>
        <source>{name} already exists in {folder}. Replace it?</source>
        <translation>{name} ya existe en {folder}. ¿Quieres reemplazarlo?</translation>
    </message>
</context>
<context>
    <name>schema_upgrade</name>
    <message>
        <source>The backup taken before upgrading {db_path} failed verification ({names}), so the database was not upgraded and was left as it was. The failed copy is {path}.</source>
        <translation>La copia de seguridad hecha antes de actualizar {db_path} no pasó la verificación ({names}), así que la base de datos no se actualizó y quedó como estaba. La copia fallida es {path}.</translation>
    </message>
</context>
<context>
    <name>series</name>
    <message>
        <source>Repeat every 1 to {max_interval_weeks} weeks.</source>
        <translation>Repite cada 1 a {max_interval_weeks} semanas.</translation>
    </message>
    <message>
        <source>The series must end on or after its first date.</source>
        <translation>La serie debe terminar en su primera fecha o después.</translation>
    </message>
    <message>
        <source>A series can hold at most {max_dates} dates; choose an earlier end.</source>
        <translation>Una serie puede tener como máximo {max_dates} fechas; elige un final más temprano.</translation>
    </message>
    <message>
        <source>Every date is skipped; there is nothing to book.</source>
        <translation>Todas las fechas están saltadas; no hay nada que programar.</translation>
    </message>
    <message>
        <source>On {day} this time overlaps {client_name}'s appointment ({span}).</source>
        <translation>El {day} este horario se superpone con la cita de {client_name} ({span}).</translation>
    </message>
    <message>
        <source>This appointment is not part of a series.</source>
        <translation>Esta cita no es parte de una serie.</translation>
    </message>
</context>
<context>
    <name>server_access</name>
    <message>
        <source>{where} is on another computer: Practice reaches it only over an encrypted connection that checks the server's certificate (sslmode=verify-full), but the address asks for sslmode={mode}. Remove sslmode={mode} from the address and put the server's CA certificate in {root} (or add sslrootcert=/path/to/ca.crt to the address). Nothing was sent to the server.</source>
        <translation>{where} está en otra computadora: Practice solo se conecta a ella por una conexión cifrada que comprueba el certificado del servidor (sslmode=verify-full), pero la dirección pide sslmode={mode}. Quita sslmode={mode} de la dirección y pon el certificado de la CA del servidor en {root} (o agrega sslrootcert=/ruta/a/ca.crt a la dirección). No se envió nada al servidor.</translation>
    </message>
    <message>
        <source>{where} names a connection service (service={service}): Practice does not use services, because the server they lead to is written elsewhere (pg_service.conf) where Practice cannot check it. Remove service={service} and write the server's address in full instead, for example postgresql://user@server.example.org:5432/practice. Nothing was sent to the server.</source>
        <translation>{where} nombra un servicio de conexión (service={service}): Practice no usa servicios, porque el servidor al que llevan está escrito en otro lugar (pg_service.conf) donde Practice no puede revisarlo. Quita service={service} y escribe la dirección completa del servidor, por ejemplo postgresql://usuario@servidor.ejemplo.org:5432/practice. No se envió nada al servidor.</translation>
    </message>
    <message>
        <source>This computer's PGSERVICE setting names a connection service ({service}) for {where}: Practice does not use services, because the server they lead to is written elsewhere (pg_service.conf) where Practice cannot check it. Unset PGSERVICE and give the server's address in full, for example postgresql://user@server.example.org:5432/practice. Nothing was sent to the server.</source>
        <translation>El ajuste PGSERVICE de esta computadora nombra un servicio de conexión ({service}) para {where}: Practice no usa servicios, porque el servidor al que llevan está escrito en otro lugar (pg_service.conf) donde Practice no puede revisarlo. Quita el ajuste PGSERVICE y escribe la dirección completa del servidor, por ejemplo postgresql://usuario@servidor.ejemplo.org:5432/practice. No se envió nada al servidor.</translation>
    </message>
    <message>
        <source>its certificate is made out to another name than {host}</source>
        <translation>su certificado está a nombre de otro servidor, no de {host}</translation>
    </message>
    <message>
        <source>its certificate is not signed by a CA this computer trusts</source>
        <translation>su certificado no está firmado por una CA en la que esta computadora confíe</translation>
    </message>
    <message>
        <source>the server does not offer encrypted connections (its administrator must turn on ssl)</source>
        <translation>el servidor no ofrece conexiones cifradas (quien lo administra debe activar ssl)</translation>
    </message>
    <message>
        <source>this computer has no CA certificate to check it with</source>
        <translation>esta computadora no tiene un certificado de CA con el cual comprobarlo</translation>
    </message>
    <message>
        <source>the encrypted connection failed</source>
        <translation>la conexión cifrada falló</translation>
    </message>
    <message>
        <source>Cannot connect securely to {host}: {problem}. Practice checks the server's certificate on every connection to another computer: put the server's CA certificate in {root} (or add sslrootcert=/path/to/ca.crt to the address), and give the server's name as its certificate says.</source>
        <translation>No se puede conectar de forma segura a {host}: {problem}. Practice comprueba el certificado del servidor en cada conexión a otra computadora: pon el certificado de la CA del servidor en {root} (o agrega sslrootcert=/ruta/a/ca.crt a la dirección) y escribe el nombre del servidor tal como lo dice su certificado.</translation>
    </message>
    <message>
        <source>The server at {host}, port {port}, did not accept the password for {user}. Check the password (or your .pgpass file).</source>
        <translation>El servidor en {host}, puerto {port}, no aceptó la contraseña de {user}. Revisa la contraseña (o tu archivo .pgpass).</translation>
    </message>
    <message>
        <source>The server at {host}, port {port}, has no database named “{database}”. Check the name (ask whoever set up the server).</source>
        <translation>El servidor en {host}, puerto {port}, no tiene una base de datos llamada «{database}». Revisa el nombre (pregúntale a quien configuró el servidor).</translation>
    </message>
    <message>
        <source>The server at {host}, port {port}, has no user named “{user}”. Check the user name (ask whoever set up the server).</source>
        <translation>El servidor en {host}, puerto {port}, no tiene un usuario llamado «{user}». Revisa el nombre de usuario (pregúntale a quien configuró el servidor).</translation>
    </message>
    <message>
        <source>The server at {host}, port {port}, refused the connection: no database server is listening there. Check the host and port, and that the server is running.</source>
        <translation>El servidor en {host}, puerto {port}, rechazó la conexión: ahí no hay ningún servidor de bases de datos escuchando. Revisa el servidor y el puerto, y que el servidor esté funcionando.</translation>
    </message>
    <message>
        <source>The server at {host}, port {port}, did not answer in time. Check the host and port, and that this computer can reach it (network, firewall).</source>
        <translation>El servidor en {host}, puerto {port}, no respondió a tiempo. Revisa el servidor y el puerto, y que esta computadora pueda llegar a él (red, cortafuegos).</translation>
    </message>
    <message>
        <source>No computer named {host} was found on the network. Check the server's name.</source>
        <translation>No se encontró en la red ninguna computadora llamada {host}. Revisa el nombre del servidor.</translation>
    </message>
</context>
<context>
    <name>server_backup</name>
    <message>
        <source>Cannot use {where}: {problem}</source>
        <translation>No se puede usar {where}: {problem}</translation>
    </message>
    <message>
        <source>{program} is not installed on this computer: it is needed to back up or restore a practice on a PostgreSQL server. Install the PostgreSQL client programs of version {major} or newer (Debian and Ubuntu: postgresql-client).</source>
        <translation>{program} no está instalado en esta computadora: hace falta para hacer o restaurar copias de seguridad de una consulta en un servidor PostgreSQL. Instala los programas cliente de PostgreSQL, versión {major} o posterior (en Debian y Ubuntu: postgresql-client).</translation>
    </message>
    <message>
        <source>{program} on this computer is version {found}, older than the server (PostgreSQL {major}): it cannot back up or restore it safely. Install the PostgreSQL client programs of version {major} or newer.</source>
        <translation>{program} en esta computadora es la versión {found}, más antigua que el servidor (PostgreSQL {major}): no puede hacer ni restaurar copias de forma segura. Instala los programas cliente de PostgreSQL, versión {major} o posterior.</translation>
    </message>
    <message>
        <source>the practice was being changed (an upgrade?): try again in a minute</source>
        <translation>la consulta se estaba modificando (¿una actualización?): inténtalo de nuevo en un minuto</translation>
    </message>
    <message>
        <source>pg_dump stopped (killed by signal {signal})</source>
        <translation>pg_dump se detuvo (lo terminó la señal {signal})</translation>
    </message>
    <message>
        <source>pg_dump stopped (exit status {status})</source>
        <translation>pg_dump se detuvo (código de salida {status})</translation>
    </message>
    <message>
        <source>Could not back up {where}: {problem}.</source>
        <translation>No se pudo hacer la copia de seguridad de {where}: {problem}.</translation>
    </message>
    <message>
        <source>Could not back up {where} to {folder}: {exc}</source>
        <translation>No se pudo hacer la copia de seguridad de {where} en {folder}: {exc}</translation>
    </message>
    <message>
        <source>The database user may not create databases on {where}, which a restore needs (it restores into a new database first). Ask for the CREATEDB right. Nothing was changed.</source>
        <translation>El usuario de la base de datos no puede crear bases de datos en {where}, y restaurar lo necesita (primero restaura en una base de datos nueva). Pide el permiso CREATEDB. No se cambió nada.</translation>
    </message>
    <message>
        <source>Practice on {computer}</source>
        <translation>Practice en {computer}</translation>
    </message>
    <message>
        <source>The backup was not restored: {where} is still in use ({who}). Close Practice on the other computers (and any other program connected to it), then restore again. The practice was left as it was.</source>
        <translation>La copia de seguridad no se restauró: {where} todavía está en uso ({who}). Cierra Practice en las demás computadoras (y cualquier otro programa conectado) y vuelve a restaurar. La consulta quedó como estaba.</translation>
    </message>
    <message>
        <source>The backup {name} holds things that are not part of a Practice database ({foreign}). It was not restored, and none of it was run: a restore would run them on the server. The practice was left as it was.</source>
        <translation>La copia {name} contiene cosas que no son parte de una base de datos de Practice ({foreign}). No se restauró y no se ejecutó nada de ella: al restaurarla se ejecutarían en el servidor. La consulta quedó como estaba.</translation>
    </message>
    <message>
        <source>{name} is a backup of another practice, not of {where}: restoring it would replace this practice's clients, sessions and notes by that practice's. Nothing was restored.</source>
        <translation>{name} es una copia de otra consulta, no de {where}: al restaurarla, los clientes, las sesiones y las notas de esta consulta se reemplazarían por los de esa. No se restauró nada.</translation>
    </message>
    <message>
        <source>The database user {user} cannot restore {where}: the practice belongs to the user {owner}, and a restore must make the restored practice {owner}'s too. Restore as {owner}, or as the server's administrator. Nothing was changed.</source>
        <translation>El usuario de base de datos {user} no puede restaurar {where}: la consulta pertenece al usuario {owner}, y al restaurarla debe seguir siendo de {owner}. Restaura como {owner} o como administrador del servidor. No se cambió nada.</translation>
    </message>
    <message>
        <source>Another restore of this practice is running on {where}; wait until it has finished. Nothing was changed.</source>
        <translation>Ya hay otra restauración de esta consulta en curso en {where}; espera a que termine. No se cambió nada.</translation>
    </message>
    <message>
        <source>There is no backup at {path}.</source>
        <translation>No hay ninguna copia de seguridad en {path}.</translation>
    </message>
    <message>
        <source>The backup {name} failed verification and was not restored: {problems}. The practice was left as it was.</source>
        <translation>La copia de seguridad {name} no pasó la verificación y no se restauró: {problems}. La consulta quedó como estaba.</translation>
    </message>
    <message>
        <source>A restore of this practice was made this very second; wait a moment and try again. Nothing was changed.</source>
        <translation>Se acaba de restaurar esta consulta en este mismo segundo; espera un momento y vuelve a intentarlo. No se cambió nada.</translation>
    </message>
    <message>
        <source>The backup {name} could not be restored: {problem}. The practice was left as it was.</source>
        <translation>No se pudo restaurar la copia de seguridad {name}: {problem}. La consulta quedó como estaba.</translation>
    </message>
    <message>
        <source>The restored copy of {name} failed its check and was not used: {problems}. The practice was left as it was.</source>
        <translation>La copia restaurada de {name} no pasó la revisión y no se usó: {problems}. La consulta quedó como estaba.</translation>
    </message>
</context>
<context>
    <name>server_connect</name>
    <message>
        <source>The server did not accept this password for {user}.</source>
        <translation>El servidor no aceptó esta contraseña para {user}.</translation>
    </message>
    <message>
        <source>The server needs a password for {user}.</source>
        <translation>El servidor necesita una contraseña para {user}.</translation>
    </message>
    <message>
        <source>The server at {where} cannot be reached.

Check the host and port, and that the server is running.</source>
        <translation>No se puede llegar al servidor en {where}.

Revisa el servidor y el puerto, y que el servidor esté funcionando.</translation>
    </message>
    <message>
        <source>Set up a new practice?</source>
        <translation>¿Configurar una consulta nueva?</translation>
    </message>
    <message>
        <source>The database {where} is empty. Set up a new practice in it?

Choose this only for a new practice: the other computers then connect to the same database.</source>
        <translation>La base de datos {where} está vacía. ¿Configurar en ella una consulta nueva?

Elige esto solo para una consulta nueva: después las demás computadoras se conectan a la misma base de datos.</translation>
    </message>
    <message>
        <source>Password for the practice server</source>
        <translation>Contraseña del servidor de la consulta</translation>
    </message>
    <message>
        <source>{problem}
Password for {where}:</source>
        <translation>{problem}
Contraseña para {where}:</translation>
    </message>
    <message>
        <source>Practice cannot open this database</source>
        <translation>Practice no puede abrir esta base de datos</translation>
    </message>
</context>
<context>
    <name>session_flow</name>
    <message>
        <source>A draft of this session is open on {computer} (saved {time}): finish it there, or take it over here.</source>
        <translation>Hay un borrador de esta sesión abierto en {computer} (guardado el {time}): termínalo allí o tómalo aquí.</translation>
    </message>
    <message>
        <source>A session can only be run for a scheduled or attended appointment; this one is {status}.</source>
        <translation>Una sesión solo se puede llevar a cabo para una cita programada o asistida; esta está {status}.</translation>
    </message>
    <message>
        <source>Appointment {from_appointment_id} has no session draft.</source>
        <translation>La cita {from_appointment_id} no tiene borrador de sesión.</translation>
    </message>
    <message>
        <source>A draft stays with its own client.</source>
        <translation>Un borrador se queda con su propio cliente.</translation>
    </message>
    <message>
        <source>A draft can only move to a scheduled appointment; that one is {status}.</source>
        <translation>Un borrador solo se puede mover a una cita programada; esa está {status}.</translation>
    </message>
    <message>
        <source>That appointment already has a session draft of its own.</source>
        <translation>Esa cita ya tiene su propio borrador de sesión.</translation>
    </message>
    <message>
        <source>Choose Yes or No: did the client bring the record?</source>
        <translation>Elige Sí o No: ¿el cliente trajo el registro?</translation>
    </message>
    <message>
        <source>This is a preparation draft: the appointment is on {when_text}. You can finish the session from that day; your draft is kept.</source>
        <translation>Este es un borrador de preparación: la cita es el {when_text}. Puedes terminar la sesión a partir de ese día; tu borrador se guarda.</translation>
    </message>
    <message>
        <source>Private note {problem}.</source>
        <translation>La nota privada {problem}.</translation>
    </message>
    <message>
        <source>The note is empty; write it before signing.</source>
        <translation>La nota está vacía; escríbela antes de firmar.</translation>
    </message>
    <message>
        <source>This appointment is {status}.</source>
        <translation>Esta cita está {status}.</translation>
    </message>
    <message>
        <source>There is no appointment with id {appointment_id}.</source>
        <translation>No hay ninguna cita con el id {appointment_id}.</translation>
    </message>
</context>
<context>
    <name>sheet_answers_html</name>
    <message numerus="yes">
        <source>… and %n more answer(s).</source>
        <translation><numerusform>… y %n respuesta más.</numerusform><numerusform>… y %n respuestas más.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n answer(s)</source>
        <translation><numerusform>%n respuesta</numerusform><numerusform>%n respuestas</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n flagged</source>
        <translation><numerusform>%n marcada</numerusform><numerusform>%n marcadas</numerusform></translation>
    </message>
    <message>
        <source>{answers}, {flagged}</source>
        <translation>{answers}, {flagged}</translation>
    </message>
    <message>
        <source>— came back at the session of {day}: {answers}</source>
        <translation>— volvió en la sesión del {day}: {answers}</translation>
    </message>
    <message>
        <source>Day {day} &lt;b&gt;{percent} %&lt;/b&gt; &lt;span style='color:{muted}'&gt;({asleep} asleep of {in_bed} in bed)&lt;/span&gt;</source>
        <translation>Día {day} &lt;b&gt;{percent} %&lt;/b&gt; &lt;span style='color:{muted}'&gt;({asleep} dormido de {in_bed} en la cama)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Sleep efficiency: mean &lt;b&gt;{mean} %&lt;/b&gt; over {nights}</source>
        <translation>Eficiencia del sueño: media &lt;b&gt;{mean} %&lt;/b&gt; en {nights}</translation>
    </message>
    <message numerus="yes">
        <source>%n night(s)</source>
        <translation><numerusform>%n noche</numerusform><numerusform>%n noches</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n night(s) left out: times do not add up.</source>
        <translation><numerusform>%n noche excluida: las horas no cuadran.</numerusform><numerusform>%n noches excluidas: las horas no cuadran.</numerusform></translation>
    </message>
</context>
<context>
    <name>sleep</name>
    <message>
        <source>{value} h {value2} in bed: more than 16 hours.</source>
        <translation>{value} h {value2} en la cama: más de 16 horas.</translation>
    </message>
    <message>
        <source>{in_bed} minutes in bed: less than an hour.</source>
        <translation>{in_bed} minutos en la cama: menos de una hora.</translation>
    </message>
    <message>
        <source>{minutes} minutes {what}, more than the {in_bed} minutes in bed.</source>
        <translation>{minutes} minutos {what}, más que los {in_bed} minutos en la cama.</translation>
    </message>
    <message>
        <source>The times are out of order (bed, sleep, waking, getting up).</source>
        <translation>Las horas no están en orden (acostarse, dormirse, despertar, levantarse).</translation>
    </message>
    <message>
        <source>More minutes awake than the night had between sleep and waking.</source>
        <translation>Más minutos despierto de los que tuvo la noche entre dormirse y despertar.</translation>
    </message>
</context>
<context>
    <name>suggestions</name>
    <message>
        <source>Go through the sheet together and ask the client to explain it back in their own words (teach-back). Don't assume the first explanation landed.</source>
        <translation>Repasen juntos la hoja y pide al cliente que te la explique con sus palabras (explicar de vuelta). No des por hecho que la primera explicación quedó clara.</translation>
    </message>
    <message>
        <source>Link the task to what the client wants from therapy, in their words rather than yours. Say plainly that skipping it works against their own goal.</source>
        <translation>Relaciona la tarea con lo que el cliente quiere de la terapia, con sus palabras y no con las tuyas. Di con claridad que saltarla va en contra de su propia meta.</translation>
    </message>
    <message>
        <source>Ask rather than instruct: invite the client to try it as a shared experiment, not "you have to bring this". Make clear that you will do your part too.</source>
        <translation>Pide en lugar de ordenar: invita al cliente a probarlo como un experimento compartido, no como «tienes que traer esto». Deja claro que tú también harás tu parte.</translation>
    </message>
    <message>
        <source>Switch to a simpler sheet, with fewer words, tick boxes or pictures, that suits how the client reads and writes. Not everyone is at ease with pen and paper.</source>
        <translation>Cambia a una hoja más sencilla, con menos palabras, casillas o dibujos, que se ajuste a cómo lee y escribe el cliente. No todos se sienten a gusto con papel y lápiz.</translation>
    </message>
    <message>
        <source>Offer another way to record that fits the client's day: phone notes, a voice recording, a fillable PDF or an app. What matters is the record, not the paper.</source>
        <translation>Ofrece otra forma de registrar que encaje en el día del cliente: notas en el teléfono, una grabación de voz, un PDF rellenable o una app. Lo que importa es el registro, no el papel.</translation>
    </message>
    <message>
        <source>Set a phone alarm together before the client leaves, and agree on a reminder text or a card placed where they will see it.</source>
        <translation>Pongan juntos una alarma en el teléfono antes de que el cliente se vaya, y acuerden un mensaje recordatorio o una tarjeta en un lugar donde la vea.</translation>
    </message>
    <message>
        <source>Raise it openly and kindly: say what you have noticed about the homework and ask what gets in the way. Being honest with each other strengthens the alliance.</source>
        <translation>Háblalo abiertamente y con amabilidad: di lo que notaste sobre la tarea y pregunta qué se interpone. Ser honestos entre ustedes fortalece la alianza.</translation>
    </message>
    <message>
        <source>Make the task smaller, or swap it for a different one that still serves the goal. It is fine to drop it and reach the goal another way.</source>
        <translation>Haz la tarea más pequeña, o cámbiala por otra que siga sirviendo a la meta. Está bien dejarla y llegar a la meta por otro camino.</translation>
    </message>
    <message>
        <source>As a last resort, agree with the client that you will phone the day before and cancel the session if the self-record is not done. Agree it openly and write down why.</source>
        <translation>Como último recurso, acuerda con el cliente que llamarás el día anterior y cancelarás la sesión si el autorregistro no está hecho. Acuérdalo abiertamente y anota por qué.</translation>
    </message>
    <message>
        <source>Doubts about your age</source>
        <translation>Dudas sobre tu edad</translation>
    </message>
    <message>
        <source>Clarify the client's problems together so they can see you understand them. Ask directly about their doubts and which skills they think you lack, and point out the advantages of a younger therapist, such as recent training and a fresh view.</source>
        <translation>Aclaren juntos los problemas del cliente para que vea que los entiendes. Pregunta directamente por sus dudas y qué habilidades cree que te faltan, y señala las ventajas de un terapeuta más joven, como una formación reciente y una mirada nueva.</translation>
    </message>
    <message>
        <source>Doubts about your competence</source>
        <translation>Dudas sobre tu competencia</translation>
    </message>
    <message>
        <source>Take the doubt seriously and without defending yourself: ask what would help them trust the work. Explain how you will approach their problem and agree how you will both know whether it is helping.</source>
        <translation>Toma la duda en serio y sin defenderte: pregunta qué le ayudaría a confiar en el trabajo. Explica cómo abordarás su problema y acuerden cómo sabrán los dos si está ayudando.</translation>
    </message>
    <message>
        <source>Review the homework first</source>
        <translation>Revisa primero la tarea</translation>
    </message>
    <message>
        <source>No homework has been reviewed yet. Start by asking whether it was done, how much, and what got in the way.</source>
        <translation>Todavía no se ha revisado ninguna tarea. Empieza preguntando si se hizo, cuánto y qué se interpuso.</translation>
    </message>
    <message>
        <source>{label} answers: {why}.</source>
        <translation>{label} responde a: {why}.</translation>
    </message>
    <message>
        <source>{label} is the next untried step on the ladder.</source>
        <translation>{label} es el siguiente paso sin probar de la escalera.</translation>
    </message>
    <message>
        <source>{label} was last tried on {value}, more than {tried_window_days} days ago: worth trying again.</source>
        <translation>{label} se probó por última vez el {value}, hace más de {tried_window_days} días: vale la pena probarlo de nuevo.</translation>
    </message>
    <message>
        <source>Every ladder step before conditional sessions has been tried recently.</source>
        <translation>Todos los pasos de la escalera antes de las sesiones condicionales se probaron hace poco.</translation>
    </message>
    <message>
        <source>Review the conditional sessions</source>
        <translation>Revisa las sesiones condicionales</translation>
    </message>
    <message>
        <source>Conditional sessions are already on. Review with the client whether they help, and agree when to end them.</source>
        <translation>Las sesiones condicionales ya están activas. Revisa con el cliente si ayudan y acuerden cuándo terminarlas.</translation>
    </message>
    <message>
        <source>Conditional sessions are not suggested: {title}.</source>
        <translation>No se sugieren sesiones condicionales: {title}.</translation>
    </message>
    <message>
        <source>Next step: {label}</source>
        <translation>Siguiente paso: {label}</translation>
    </message>
    <message>
        <source>Completion in the latest reviews: {scores}.</source>
        <translation>Cumplimiento en las últimas revisiones: {scores}.</translation>
    </message>
    <message>
        <source>Supports in use lately: {labels}.</source>
        <translation>Apoyos en uso últimamente: {labels}.</translation>
    </message>
    <message>
        <source>Homework is getting done: notice it and praise the effort specifically. Keep the supports that are working in place.</source>
        <translation>La tarea se está haciendo: nótalo y elogia el esfuerzo de forma concreta. Mantén los apoyos que están funcionando.</translation>
    </message>
    <message>
        <source>Homework is getting done: notice it and praise the effort specifically. Keep the task as it is, or let it grow a little if the client wants to.</source>
        <translation>La tarea se está haciendo: nótalo y elogia el esfuerzo de forma concreta. Deja la tarea como está, o deja que crezca un poco si el cliente quiere.</translation>
    </message>
    <message>
        <source>Keep going</source>
        <translation>Sigue así</translation>
    </message>
    <message>
        <source>Latest completion: {completion}.</source>
        <translation>Último cumplimiento: {completion}.</translation>
    </message>
    <message>
        <source>{label} ({count})</source>
        <translation>{label} ({count})</translation>
    </message>
    <message>
        <source>Barriers in the last {window} reviews: {counts}.</source>
        <translation>Obstáculos en las últimas {window} revisiones: {counts}.</translation>
    </message>
    <message>
        <source>No barriers recorded in the last {window} reviews: ask what got in the way.</source>
        <translation>No hay obstáculos registrados en las últimas {window} revisiones: pregunta qué se interpuso.</translation>
    </message>
    <message>
        <source>Record not brought in {not_brought} of the last {window} reviews.</source>
        <translation>El registro no se trajo en {not_brought} de las últimas {window} revisiones.</translation>
    </message>
    <message>
        <source>{label} ({day})</source>
        <translation>{label} ({day})</translation>
    </message>
    <message>
        <source>Already tried: {done}.</source>
        <translation>Ya probado: {done}.</translation>
    </message>
    <message>
        <source>treatment cannot be postponed</source>
        <translation>el tratamiento no se puede posponer</translation>
    </message>
    <message>
        <source>not at this stage of change</source>
        <translation>no en esta etapa de cambio</translation>
    </message>
    <message>
        <source>conditional sessions were used recently</source>
        <translation>las sesiones condicionales se usaron hace poco</translation>
    </message>
    <message>
        <source>Treatment cannot be postponed</source>
        <translation>El tratamiento no se puede posponer</translation>
    </message>
    <message>
        <source>Conditional sessions are not an option for this client because treatment cannot be postponed. Keep talking openly and change the task instead.</source>
        <translation>Las sesiones condicionales no son una opción para este cliente porque el tratamiento no se puede posponer. Sigue hablando abiertamente y cambia la tarea en su lugar.</translation>
    </message>
    <message>
        <source>Not at this stage of change</source>
        <translation>No en esta etapa de cambio</translation>
    </message>
    <message>
        <source>Cancelling sessions would be pushing a client who is not yet considering change. Keep the homework to observation and talk about it openly.</source>
        <translation>Cancelar sesiones sería presionar a un cliente que todavía no piensa en cambiar. Deja la tarea en solo observar y háblenlo abiertamente.</translation>
    </message>
    <message>
        <source>Conditional sessions were used recently</source>
        <translation>Las sesiones condicionales se usaron hace poco</translation>
    </message>
    <message>
        <source>Conditional sessions were already used in the last {tried_window_days} days. Rather than start them again, talk openly or change the task.</source>
        <translation>Las sesiones condicionales ya se usaron en los últimos {tried_window_days} días. En lugar de empezarlas otra vez, habla abiertamente o cambia la tarea.</translation>
    </message>
    <message>
        <source>Stage of change: {label}</source>
        <translation>Etapa de cambio: {label}</translation>
    </message>
    <message>
        <source>{stance} Fitting homework: {fitting_homework}</source>
        <translation>{stance} Tareas que encajan: {fitting_homework}</translation>
    </message>
    <message>
        <source>Observation only</source>
        <translation>Solo observación</translation>
    </message>
    <message>
        <source>Don't push full self-records at this stage. Keep the homework to observation only: a short monitoring log.</source>
        <translation>No presiones con autorregistros completos en esta etapa. Deja la tarea en solo observar: un registro breve de seguimiento.</translation>
    </message>
    <message>
        <source>The homework is getting done. Consider agreeing with the client to end them.</source>
        <translation>La tarea se está haciendo. Piensa en acordar con el cliente terminarlas.</translation>
    </message>
    <message>
        <source>Review with the client whether they help, and end them when they are no longer needed.</source>
        <translation>Revisa con el cliente si ayudan y termínalas cuando ya no hagan falta.</translation>
    </message>
    <message>
        <source>Conditional sessions are on</source>
        <translation>Las sesiones condicionales están activas</translation>
    </message>
    <message>
        <source>{value} of 4 ({value2})</source>
        <translation>{value} de 4 ({value2})</translation>
    </message>
</context>
<context>
    <name>text</name>
    <message>
        <source>contains a NUL character</source>
        <translation>contiene un carácter NUL</translation>
    </message>
    <message>
        <source>contains an invalid character (a lone surrogate)</source>
        <translation>contiene un carácter no válido (un sustituto suelto)</translation>
    </message>
    <message>
        <source>is too long ({count} characters; at most {max_length})</source>
        <translation>tiene demasiados caracteres ({count}; como máximo {max_length})</translation>
    </message>
</context>
<context>
    <name>unsaved</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <source>this form</source>
        <translation>este formulario</translation>
    </message>
    <message>
        <source>You changed {what} and have not saved the changes yet.</source>
        <translation>Cambiaste {what} y todavía no guardaste los cambios.</translation>
    </message>
    <message>
        <source>Save them now, discard them, or go back and keep editing?</source>
        <translation>¿Guardarlos ahora, descartarlos o volver y seguir editando?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Descartar cambios</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Seguir editando</translation>
    </message>
</context>
<context>
    <name>versions</name>
    <message>
        <source>another computer</source>
        <translation>otra computadora</translation>
    </message>
    <message>
        <source>This was changed on {computer} at {time}: reload to see that change, then make yours again.</source>
        <translation>Esto se cambió en {computer} el {time}: vuelve a cargar para ver ese cambio y luego haz el tuyo otra vez.</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>una hora desconocida</translation>
    </message>
</context>
<context>
    <name>vocabulary</name>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>En pausa</translation>
    </message>
    <message>
        <source>Discharged</source>
        <translation>Dado de alta</translation>
    </message>
    <message>
        <source>active</source>
        <translation>activo</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pausa</translation>
    </message>
    <message>
        <source>discharged</source>
        <translation>dado de alta</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inglés</translation>
    </message>
    <message>
        <source>Spanish</source>
        <translation>Español</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Plain</source>
        <translation>Sencillo</translation>
    </message>
    <message>
        <source>Easy</source>
        <translation>Fácil</translation>
    </message>
    <message>
        <source>Pictorial</source>
        <translation>Con imágenes</translation>
    </message>
    <message>
        <source>Paper sheet</source>
        <translation>Hoja de papel</translation>
    </message>
    <message>
        <source>Fillable PDF</source>
        <translation>PDF rellenable</translation>
    </message>
    <message>
        <source>Phone notes</source>
        <translation>Notas en el teléfono</translation>
    </message>
    <message>
        <source>Voice recording</source>
        <translation>Grabación de voz</translation>
    </message>
    <message>
        <source>App</source>
        <translation>App</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <source>No reminder</source>
        <translation>Sin recordatorio</translation>
    </message>
    <message>
        <source>Text message</source>
        <translation>Mensaje de texto</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Llamada</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Correo</translation>
    </message>
    <message>
        <source>Phone alarm</source>
        <translation>Alarma del teléfono</translation>
    </message>
    <message>
        <source>Reminder card</source>
        <translation>Tarjeta recordatoria</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Programada</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Asistida</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>No asistió</translation>
    </message>
    <message>
        <source>Cancelled by client</source>
        <translation>Cancelada por el cliente</translation>
    </message>
    <message>
        <source>Cancelled by therapist</source>
        <translation>Cancelada por ti</translation>
    </message>
    <message>
        <source>Cancelled — self-record not done</source>
        <translation>Cancelada: autorregistro no hecho</translation>
    </message>
    <message>
        <source>scheduled</source>
        <translation>programada</translation>
    </message>
    <message>
        <source>attended</source>
        <translation>asistida</translation>
    </message>
    <message>
        <source>no-show</source>
        <translation>sin asistencia</translation>
    </message>
    <message>
        <source>cancelled by client</source>
        <translation>cancelada por el cliente</translation>
    </message>
    <message>
        <source>cancelled by therapist</source>
        <translation>cancelada por ti</translation>
    </message>
    <message>
        <source>cancelled — self-record not done</source>
        <translation>cancelada: autorregistro no hecho</translation>
    </message>
    <message>
        <source>Free text note</source>
        <translation>Nota de texto libre</translation>
    </message>
    <message>
        <source>{name} note</source>
        <translation>Nota {name}</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Subjective</source>
        <translation>Subjetivo</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Behavior</source>
        <translation>Conducta</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervención</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
    <message>
        <source>Precontemplation</source>
        <translation>Precontemplación</translation>
    </message>
    <message>
        <source>Contemplation</source>
        <translation>Contemplación</translation>
    </message>
    <message>
        <source>Preparation</source>
        <translation>Preparación</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <source>Relapse</source>
        <translation>Recaída</translation>
    </message>
    <message>
        <source>Raise doubt and awareness of risks; do not push.</source>
        <translation>Siembra dudas y conciencia de los riesgos; no presiones.</translation>
    </message>
    <message>
        <source>Observe only: a short monitoring log.</source>
        <translation>Solo observar: un registro breve de seguimiento.</translation>
    </message>
    <message>
        <source>Tip the balance: evoke reasons for change and build self-efficacy.</source>
        <translation>Inclina la balanza: evoca razones para cambiar y fortalece la autoeficacia.</translation>
    </message>
    <message>
        <source>Monitoring; pros and cons.</source>
        <translation>Seguimiento; pros y contras.</translation>
    </message>
    <message>
        <source>Help choose a course of action; small, meaningful steps.</source>
        <translation>Ayuda a elegir un plan de acción; pasos pequeños y con sentido.</translation>
    </message>
    <message>
        <source>One small agreed task.</source>
        <translation>Una tarea pequeña y acordada.</translation>
    </message>
    <message>
        <source>Support the steps; give corrective feedback.</source>
        <translation>Apoya los pasos; da retroalimentación correctiva.</translation>
    </message>
    <message>
        <source>Full self-records and practice.</source>
        <translation>Autorregistros completos y práctica.</translation>
    </message>
    <message>
        <source>Relapse prevention.</source>
        <translation>Prevención de recaídas.</translation>
    </message>
    <message>
        <source>A shorter maintenance log.</source>
        <translation>Un registro de mantenimiento más corto.</translation>
    </message>
    <message>
        <source>Restart contemplation and action without demoralisation.</source>
        <translation>Retoma la contemplación y la acción sin desanimarse.</translation>
    </message>
    <message>
        <source>Back to monitoring, kindly.</source>
        <translation>De vuelta al seguimiento, con amabilidad.</translation>
    </message>
    <message>
        <source>Doubts therapist's competence</source>
        <translation>Duda de la competencia del terapeuta</translation>
    </message>
    <message>
        <source>Doubts therapist's age</source>
        <translation>Duda por la edad del terapeuta</translation>
    </message>
    <message>
        <source>Distrusts treatment</source>
        <translation>Desconfía del tratamiento</translation>
    </message>
    <message>
        <source>Homework not done</source>
        <translation>Tarea no hecha</translation>
    </message>
    <message>
        <source>Minimal disclosure</source>
        <translation>Se abre poco</translation>
    </message>
    <message>
        <source>Contradicts therapist</source>
        <translation>Contradice al terapeuta</translation>
    </message>
    <message>
        <source>Late or missed</source>
        <translation>Llega tarde o falta</translation>
    </message>
    <message>
        <source>Believes change is impossible</source>
        <translation>Cree que el cambio es imposible</translation>
    </message>
    <message>
        <source>Believes therapy will not help</source>
        <translation>Cree que la terapia no ayudará</translation>
    </message>
    <message>
        <source>Daily</source>
        <translation>Diaria</translation>
    </message>
    <message>
        <source>Each time it happens</source>
        <translation>Cada vez que pase</translation>
    </message>
    <message>
        <source>N per week</source>
        <translation>N por semana</translation>
    </message>
    <message>
        <source>Didn't understand</source>
        <translation>No entendió</translation>
    </message>
    <message>
        <source>Forgot</source>
        <translation>Se olvidó</translation>
    </message>
    <message>
        <source>No time</source>
        <translation>Sin tiempo</translation>
    </message>
    <message>
        <source>Writing is hard or anxious</source>
        <translation>Escribir le cuesta o le angustia</translation>
    </message>
    <message>
        <source>Material unsuitable</source>
        <translation>Material poco adecuado</translation>
    </message>
    <message>
        <source>Didn't see the point</source>
        <translation>No le vio sentido</translation>
    </message>
    <message>
        <source>Avoidance or symptoms</source>
        <translation>Evitación o síntomas</translation>
    </message>
    <message>
        <source>Lost the sheet</source>
        <translation>Perdió la hoja</translation>
    </message>
    <message>
        <source>Privacy worry</source>
        <translation>Preocupación por la privacidad</translation>
    </message>
    <message>
        <source>Chaotic week</source>
        <translation>Semana caótica</translation>
    </message>
    <message>
        <source>Re-explain the task</source>
        <translation>Volver a explicar la tarea</translation>
    </message>
    <message>
        <source>Emphasise its value</source>
        <translation>Destacar su valor</translation>
    </message>
    <message>
        <source>Ask in a motivating way</source>
        <translation>Pedirla de forma motivadora</translation>
    </message>
    <message>
        <source>Adapt the material</source>
        <translation>Adaptar el material</translation>
    </message>
    <message>
        <source>Another way to record</source>
        <translation>Otra forma de registrar</translation>
    </message>
    <message>
        <source>External aids</source>
        <translation>Ayudas externas</translation>
    </message>
    <message>
        <source>Talk about it openly</source>
        <translation>Hablarlo abiertamente</translation>
    </message>
    <message>
        <source>Change the task or drop it</source>
        <translation>Cambiar la tarea o dejarla</translation>
    </message>
    <message>
        <source>Conditional sessions (last resort)</source>
        <translation>Sesiones condicionales (último recurso)</translation>
    </message>
    <message>
        <source>not tried</source>
        <translation>no lo intentó</translation>
    </message>
    <message>
        <source>started</source>
        <translation>empezó</translation>
    </message>
    <message>
        <source>about half</source>
        <translation>más o menos la mitad</translation>
    </message>
    <message>
        <source>most</source>
        <translation>casi todo</translation>
    </message>
    <message>
        <source>all as agreed</source>
        <translation>todo lo acordado</translation>
    </message>
</context>
<context>
    <name>what_works</name>
    <message>
        <source>Too few occasions to read anything into (n = {n}).</source>
        <translation>Muy pocas ocasiones para sacar conclusiones (n = {n}).</translation>
    </message>
    <message>
        <source>Material: a simpler reading level</source>
        <translation>Material: un nivel de lectura más sencillo</translation>
    </message>
    <message>
        <source>Material: a harder reading level</source>
        <translation>Material: un nivel de lectura más exigente</translation>
    </message>
    <message>
        <source>Material: another way to record</source>
        <translation>Material: otra forma de registrar</translation>
    </message>
    <message>
        <source>Material: another kind of sheet</source>
        <translation>Material: otro tipo de hoja</translation>
    </message>
    <message>
        <source>What works in my practice</source>
        <translation>Qué funciona en mi consulta</translation>
    </message>
    <message>
        <source>These are observations from this practice, not causes. For each step of the ladder and each change of material: the homework completion (0–4) in the client's 3 reviews before it and the 3 after it (or as many as there are), averaged over the occasions it was tried. Only occasions with a review on both sides count; the most often tried come first.</source>
        <translation>Son observaciones de esta consulta, no causas. Para cada paso de la escalera y cada cambio de material: el cumplimiento de la tarea (0–4) en las 3 revisiones del cliente anteriores y las 3 posteriores (o las que haya), promediado sobre las ocasiones en que se probó. Solo cuentan las ocasiones con una revisión a cada lado; primero, lo que más se probó.</translation>
    </message>
    <message>
        <source>Left out because nothing was reviewed on one side yet: {n}.</source>
        <translation>Quedan fuera porque aún no hay revisión a un lado: {n}.</translation>
    </message>
    <message>
        <source>No ladder step or change of material has been recorded in a review yet.</source>
        <translation>Todavía no se ha registrado ningún paso de la escalera ni cambio de material en una revisión.</translation>
    </message>
    <message>
        <source>Read from: homework reviews {reviews}, clients {clients}.</source>
        <translation>Datos de: revisiones de tareas {reviews}, clientes {clients}.</translation>
    </message>
    <message>
        <source>Strategy or change</source>
        <translation>Estrategia o cambio</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
    <message>
        <source>Occasions</source>
        <translation>Ocasiones</translation>
    </message>
    <message>
        <source>Completion
before → after</source>
        <translation>Cumplimiento
antes → después</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambio</translation>
    </message>
    <message>
        <source>Measures
before → after</source>
        <translation>Medidas
antes → después</translation>
    </message>
    <message>
        <source>{name}: {before_after} ({change}, n = {n})</source>
        <translation>{name}: {before_after} ({change}, n = {n})</translation>
    </message>
    <message>
        <source>{name}: too few to read (n = {n})</source>
        <translation>{name}: muy pocas ocasiones (n = {n})</translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Standard</source>
        <translation>Estándar</translation>
    </message>
    <message>
        <source>Plain — simpler words</source>
        <translation>Sencillo — palabras más simples</translation>
    </message>
    <message>
        <source>Easy — short sentences, pictures</source>
        <translation>Fácil — frases cortas, imágenes</translation>
    </message>
    <message>
        <source>Pictorial — mostly pictures</source>
        <translation>Con imágenes — casi todo imágenes</translation>
    </message>
    <message>
        <source>To pick up next session</source>
        <translation>Para retomar en la próxima sesión</translation>
    </message>
    <message>
        <source>Shown at the start of the next session. The note's own Plan section stays in the note.</source>
        <translation>Se muestra al comienzo de la próxima sesión. La sección Plan de la nota queda en la nota.</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Subjective</source>
        <translation>Subjetivo</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Assessment</source>
        <translation>Evaluación</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Plan</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Datos</translation>
    </message>
    <message>
        <source>Behavior</source>
        <translation>Conducta</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervención</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Respuesta</translation>
    </message>
</context>
</TS>