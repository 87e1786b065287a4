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
</TS>
