<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
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
        <translation>no asistió</translation>
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
    <name>AmendNoteDialog</name>
    <message>
        <source>Amend the note of {day}</source>
        <translation>Adenda a la nota del {day}</translation>
    </message>
    <message>
        <source>The signed note stays exactly as it was signed. What you change here is added beside it as an amendment, with the date and your reason.</source>
        <translation>La nota firmada queda tal como la firmaste. Lo que cambies aquí se agrega junto a ella como adenda, con la fecha y tu motivo.</translation>
    </message>
    <message>
        <source>Plan for next time</source>
        <translation>Plan para la próxima vez</translation>
    </message>
    <message>
        <source>Why the note is amended (required)</source>
        <translation>Por qué agregas la adenda (obligatorio)</translation>
    </message>
    <message>
        <source>Reason *</source>
        <translation>Motivo *</translation>
    </message>
    <message>
        <source>Add amendment</source>
        <translation>Agregar adenda</translation>
    </message>
    <message>
        <source>The note was not amended</source>
        <translation>No se agregó la adenda</translation>
    </message>
    <message>
        <source>Nothing was saved.</source>
        <translation>No se guardó nada.</translation>
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
</context>
<context>
    <name>AppointmentDialog</name>
    <message>
        <source>Repeat every how many weeks</source>
        <translation>Repetir cada cuántas semanas</translation>
    </message>
    <message>
        <source>Repeat until</source>
        <translation>Repetir hasta</translation>
    </message>
    <message>
        <source>Dates of the series</source>
        <translation>Fechas de la serie</translation>
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
        <source>Level, language, large print and way to record come from the client&apos;s profile; change them here for this task. The due date is the next appointment.</source>
        <translation>El nivel, el idioma, la letra grande y la forma de registrar vienen del perfil de la persona; cámbialos aquí para esta tarea. La fecha de entrega es la próxima cita.</translation>
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
        <source>Homework details</source>
        <translation>Detalles de la tarea</translation>
    </message>
</context>
<context>
    <name>AssignmentForm</name>
    <message>
        <source>Reminder time</source>
        <translation>Hora del recordatorio</translation>
    </message>
    <message>
        <source>Target behaviour</source>
        <translation>Conducta objetivo</translation>
    </message>
    <message>
        <source>Instructions</source>
        <translation>Instrucciones</translation>
    </message>
    <message>
        <source>Why this helps you</source>
        <translation>Por qué te ayuda</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>Search in what happened</source>
        <translation>Buscar en lo que pasó</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Registro de auditoría</translation>
    </message>
</context>
<context>
    <name>BackupsDialog</name>
    <message>
        <source>Backups</source>
        <translation>Copias de seguridad</translation>
    </message>
</context>
<context>
    <name>CallRow</name>
    <message>
        <source>The day-before call to {name}</source>
        <translation>La llamada del día anterior a {name}</translation>
    </message>
</context>
<context>
    <name>ClientForm</name>
    <message>
        <source>Client profile</source>
        <translation>Perfil del cliente</translation>
    </message>
</context>
<context>
    <name>ClientList</name>
    <message>
        <source>Search clients</source>
        <translation>Buscar clientes</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Clientes</translation>
    </message>
</context>
<context>
    <name>ClientSessionsTab</name>
    <message>
        <source>Sessions</source>
        <translation>Sesiones</translation>
    </message>
    <message>
        <source>Session note</source>
        <translation>Nota de la sesión</translation>
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
    <name>DoneStep</name>
    <message numerus="yes">
        <source>%n day(s) recorded</source>
        <translation>
            <numerusform>%n día registrado</numerusform>
            <numerusform>%n días registrados</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) a week</source>
        <translation>
            <numerusform>%n vez por semana</numerusform>
            <numerusform>%n veces por semana</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;p&gt;Private psychotherapy note: %n word(s), kept apart.&lt;/p&gt;</source>
        <translation>
            <numerusform>&lt;p&gt;Nota privada de psicoterapia: %n palabra, guardada aparte.&lt;/p&gt;</numerusform>
            <numerusform>&lt;p&gt;Nota privada de psicoterapia: %n palabras, guardada aparte.&lt;/p&gt;</numerusform>
        </translation>
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
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;completion not chosen&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;falta elegir el cumplimiento&lt;/span&gt;</translation>
    </message>
    <message>
        <source>completion {value} ({words})</source>
        <translation>cumplimiento {value} ({words})</translation>
    </message>
    <message>
        <source>&lt;span style=&apos;color:#b3261e&apos;&gt;brought the record: not chosen&lt;/span&gt;</source>
        <translation>&lt;span style=&apos;color:#b3261e&apos;&gt;trajo el registro: falta elegir&lt;/span&gt;</translation>
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
        <source>client&apos;s rating {value}</source>
        <translation>valoración de la persona {value}</translation>
    </message>
    <message>
        <source>quality {value}</source>
        <translation>calidad {value}</translation>
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
        <translation>&lt;p&gt;Conversado hoy (de la vez pasada):&lt;/p&gt;</translation>
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
        <translation> — &lt;b&gt;hablarlo en la próxima sesión&lt;/b&gt;</translation>
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
        <translation>Entrégale a la persona la hoja, la tarjeta recordatorio y la alarma antes de que se vaya.</translation>
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
        <source>The session is saved. Print or save the new homework now; later it is on the client&apos;s Homework tab (Sheet…). Close the panel when you are done.</source>
        <translation>La sesión está guardada. Imprime o guarda ahora la tarea nueva; después la encuentras en la pestaña Tareas de la persona (Hoja…). Cierra el panel cuando termines.</translation>
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
        <translation>La tarjeta recordatorio: pequeña, para el refrigerador o la billetera (queda marcada como impresa)</translation>
    </message>
    <message>
        <source>A calendar file (.ics) the client opens on the phone</source>
        <translation>La alarma del teléfono: un archivo de calendario (.ics) que la persona abre en su teléfono</translation>
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
        <translation>Suspender…</translation>
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
        <translation>Importar una hoja llenada…</translation>
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
        <source>&lt;b&gt;{title}&lt;/b&gt; in the session of {day} (&lt;a href=&apos;session:{id}&apos;&gt;review it there&lt;/a&gt;)</source>
        <translation>&lt;b&gt;{title}&lt;/b&gt; en la sesión del {day} (&lt;a href=&apos;session:{id}&apos;&gt;revísala ahí&lt;/a&gt;)</translation>
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
        <translation>Suspender la tarea</translation>
    </message>
    <message>
        <source>Why is “{title}” dropped? (required)</source>
        <translation>¿Por qué se suspende “{title}”? (obligatorio)</translation>
    </message>
    <message>
        <source>Not dropped</source>
        <translation>No se suspendió</translation>
    </message>
    <message>
        <source>Please give a reason for dropping it.</source>
        <translation>Por favor, escribe un motivo para suspenderla.</translation>
    </message>
    <message>
        <source>Mark “{title}” completed? It stays in the history; no more sheets are expected for it.</source>
        <translation>¿Marcar “{title}” como completada? Queda en el historial; ya no se esperan más hojas de ella.</translation>
    </message>
    <message>
        <source>Nothing was changed</source>
        <translation>No se cambió nada</translation>
    </message>
</context>
<context>
    <name>ImportClientsDialog</name>
    <message>
        <source>Rows of the file</source>
        <translation>Filas del archivo</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pages</source>
        <translation>Páginas</translation>
    </message>
</context>
<context>
    <name>MissingRow</name>
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
        <translation>Esta nota está firmada: aquí su texto está bloqueado. Los cambios a una nota firmada son adendas, que se guardan junto al original.</translation>
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
    <name>PreferencesDialog</name>
    <message>
        <source>Choose a folder for the backups.</source>
        <translation>Elige una carpeta para las copias de seguridad.</translation>
    </message>
    <message>
        <source>Give the whole path of the folder, from the top.</source>
        <translation>Escribe la ruta completa de la carpeta, desde el principio.</translation>
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
        <translation>Las tareas nuevas empiezan con este recordatorio cuando la persona no tiene uno propio.</translation>
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
        <translation>Carpeta de copias</translation>
    </message>
    <message>
        <source> minutes</source>
        <translation> minutos</translation>
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
        <source>Session prep</source>
        <translation>Preparación de la sesión</translation>
    </message>
</context>
<context>
    <name>ReminderDueCard</name>
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
        <translation>{kind}: “{said}”  (marcado el {when})</translation>
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
        <translation>Marcado la vez pasada: háblalo abiertamente hoy</translation>
    </message>
    <message>
        <source>Tick when you have raised it in this session</source>
        <translation>Márcalo cuando lo hayas hablado en esta sesión</translation>
    </message>
    <message>
        <source>Tick each one once you have raised it.</source>
        <translation>Marca cada uno cuando lo hayas hablado.</translation>
    </message>
    <message>
        <source>Raise openly next session</source>
        <translation>Hablarlo la próxima sesión</translation>
    </message>
    <message>
        <source>What was said or done (optional)</source>
        <translation>Qué se dijo o se hizo (opcional)</translation>
    </message>
    <message>
        <source>The note is signed, so stage and observations are locked here (add them with an amendment).</source>
        <translation>La nota está firmada, así que la etapa y las observaciones están bloqueadas aquí (agrégalas con una adenda).</translation>
    </message>
    <message>
        <source>Resistance and stage of change</source>
        <translation>Resistencia y etapa de cambio</translation>
    </message>
    <message>
        <source>Resistance observed in this session (tick what you saw; it is yours to work with, not a verdict on the client):</source>
        <translation>Resistencia observada en esta sesión (marca lo que viste; es material para tu trabajo, no un juicio sobre la persona):</translation>
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
    <message numerus="yes">
        <source>The client&apos;s sheet (fillable PDF): %n answer(s)</source>
        <translation>
            <numerusform>La hoja de la persona (PDF rellenable): %n respuesta</numerusform>
            <numerusform>La hoja de la persona (PDF rellenable): %n respuestas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>{answers}, &lt;span style=&apos;color:#8c1d18&apos;&gt;%n flagged&lt;/span&gt;</source>
        <translation>
            <numerusform>{answers}, &lt;span style=&apos;color:#8c1d18&apos;&gt;%n marcada&lt;/span&gt;</numerusform>
            <numerusform>{answers}, &lt;span style=&apos;color:#8c1d18&apos;&gt;%n marcadas&lt;/span&gt;</numerusform>
        </translation>
    </message>
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
        <source>Client&apos;s own rating</source>
        <translation>Valoración de la persona</translation>
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
        <translation>Qué dijo la persona sobre la tarea (opcional)</translation>
    </message>
    <message>
        <source>Note on this homework</source>
        <translation>Nota sobre esta tarea</translation>
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
        <translation>Para cada tarea activa: si la persona la trajo, cuánto hizo, qué se interpuso y qué pasos de la escalera aplicas ahora.</translation>
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
    <name>SessionPanel</name>
    <message numerus="yes">
        <source>Nothing was saved: %n thing(s) to fix, marked in red.</source>
        <translation>
            <numerusform>No se guardó nada: hay %n cosa por corregir, marcada en rojo.</numerusform>
            <numerusform>No se guardó nada: hay %n cosas por corregir, marcadas en rojo.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n thing(s) to fix</source>
        <translation>
            <numerusform>%n cosa por corregir</numerusform>
            <numerusform>%n cosas por corregir</numerusform>
        </translation>
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
        <source>Session with {name}</source>
        <translation>Sesión con {name}</translation>
    </message>
    <message>
        <source>Resumed: the draft you left earlier</source>
        <translation>Retomado: el borrador que dejaste antes</translation>
    </message>
    <message>
        <source>Session steps</source>
        <translation>Pasos de la sesión</translation>
    </message>
    <message>
        <source>Ctrl+Enter  next
Alt+B  back
Ctrl+1…5  go to step
Ctrl+S  save draft
Esc  close (draft kept)</source>
        <translation>Ctrl+Enter  siguiente
Alt+B  atrás
Ctrl+1…5  ir al paso
Ctrl+S  guardar borrador
Esc  cerrar (se guarda)</translation>
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
        <translation>Elige Sí o No en “Trajo el registro” para cada tarea antes de seguir (o marca “No se revisa en esta sesión”).</translation>
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
        <source>Discard this session&apos;s draft</source>
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
    <message>
        <source>Session</source>
        <translation>Sesión</translation>
    </message>
    <message>
        <source>assignment</source>
        <translation>tarea</translation>
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
        <source>Day shown</source>
        <translation>Día que se muestra</translation>
    </message>
    <message>
        <source>Appointments of the day</source>
        <translation>Citas del día</translation>
    </message>
    <message>
        <source>Reminders to send today</source>
        <translation>Recordatorios para enviar hoy</translation>
    </message>
    <message>
        <source>The day&apos;s sessions</source>
        <translation>Sesiones del día</translation>
    </message>
</context>
<context>
    <name>TrendChart</name>
    <message>
        <source>Completion (your rating)</source>
        <translation>Cumplimiento (tu valoración)</translation>
    </message>
    <message>
        <source>Client&apos;s own rating</source>
        <translation>Valoración de la persona</translation>
    </message>
</context>
<context>
    <name>WeekSheetsDialog</name>
    <message>
        <source>Sheets to print</source>
        <translation>Hojas para imprimir</translation>
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
        <source>client&apos;s own rating {list}</source>
        <translation>valoración de la persona {list}</translation>
    </message>
    <message>
        <source>record not brought</source>
        <translation>no trajo el registro</translation>
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
        <translation>Suspendida</translation>
    </message>
    <message numerus="yes">
        <source>%n time(s) a week</source>
        <translation>
            <numerusform>%n vez por semana</numerusform>
            <numerusform>%n veces por semana</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) recorded</source>
        <translation>
            <numerusform>%n día registrado</numerusform>
            <numerusform>%n días registrados</numerusform>
        </translation>
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
        <translation>la persona la valoró {rating}</translation>
    </message>
    <message>
        <source>you rated its quality {value} of 4</source>
        <translation>valoraste su calidad con {value} de 4</translation>
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
        <source>Client&apos;s own rating</source>
        <translation>Valoración de la persona</translation>
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
        <translation>tarjeta recordatorio impresa</translation>
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
        <source>Shown at the start of the next session. The note&apos;s own Plan section stays in the note.</source>
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
