<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
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
</TS>
