<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/about_dialog.py" line="+27"/>
        <source>this program</source>
        <extracomment>(component, what it is here, licence, distribution name for the version or None). The roles are marked for translation here and translated when shown.</extracomment>
        <translation>este programa</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>training data of the model</source>
        <translation>datos de entrenamiento del modelo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the window</source>
        <translation>la ventana</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>runs the model</source>
        <translation>ejecuta el modelo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reads DICOM files</source>
        <translation>lee archivos DICOM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decodes compressed DICOM</source>
        <translation>decodifica DICOM comprimido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reads JPEG and PNG</source>
        <translation>lee JPEG y PNG</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>arrays</source>
        <translation>matrices numéricas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decodes JPEG strictly (libjpeg-turbo)</source>
        <translation>decodifica JPEG de forma estricta (libjpeg-turbo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>watches folders for new films</source>
        <translation>vigila carpetas en busca de nuevas radiografías</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>About PneumoScreen</source>
        <translation>Acerca de PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Licences</source>
        <translation>&amp;Licencias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Privacy</source>
        <translation>&amp;Privacidad</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The model card cannot be read.</source>
        <translation>No se puede leer la ficha del modelo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A screening aid, not a diagnosis.</source>
        <translation>Apoyo al tamizaje, no un diagnóstico.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intended use</source>
        <translation>Uso previsto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limitations</source>
        <translation>Limitaciones</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measured performance</source>
        <translation>Rendimiento medido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At the decision threshold {threshold} (score 0-100), with 95% confidence intervals:</source>
        <translation>Con el umbral de decisión {threshold} (puntuación 0-100) e intervalos de confianza del 95%:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Validation</source>
        <translation>Validación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test (development)</source>
        <translation>Prueba (desarrollo)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test (independent, held out)</source>
        <translation>Prueba (independiente, reservada)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Test (development), model {version}</source>
        <translation>Prueba (desarrollo), modelo {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test (independent, held out), model {version}</source>
        <translation>Prueba (independiente, reservada), modelo {version}</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+59"/>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <location line="-58"/>
        <location line="+59"/>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Specificity</source>
        <translation>Especificidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>Exactitud</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Independent evaluation: {about}. {positive} with pneumonia, {negative} without; {rejected} refused by the quality checks.</source>
        <translation>Evaluación independiente: {about}. {positive} con neumonía, {negative} sin neumonía; {rejected} rechazadas por los controles de calidad.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model {version}, which this one replaces, is shown at its own threshold {threshold}.</source>
        <translation>El modelo {version}, al que este sustituye, se muestra con su propio umbral {threshold}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Set</source>
        <translation>Conjunto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Normal films called pneumonia</source>
        <translation>Radiografías normales dadas como neumonía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused now, without a label</source>
        <translation>Rechazadas ahora, sin etiqueta</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{share} of {n} held out</source>
        <translation>{share} de {n} reservadas</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Adults&apos; films</source>
        <translation>Radiografías de adultos</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Qt {qt}, PySide6 {pyside}</source>
        <translation>Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Licences</source>
        <translation>Licencias</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Qt is used under the LGPL v3: its libraries are separate files in the installation folder and can be replaced.</source>
        <translation>Qt se usa bajo la licencia LGPL v3: sus bibliotecas son archivos separados en la carpeta de instalación y pueden reemplazarse.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing leaves this computer</source>
        <translation>Nada sale de esta computadora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PneumoScreen never opens a network connection. Images are read where they are; results, settings and the error log are kept only in this folder:</source>
        <translation>PneumoScreen nunca abre una conexión de red. Las imágenes se leen donde están; los resultados, la configuración y el registro de errores se guardan solo en esta carpeta:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The result log holds file names and DICOM patient IDs; it can be read only by your user account. A CSV export goes only where you save it.</source>
        <translation>El registro de resultados contiene nombres de archivo e ID de pacientes DICOM; solo su cuenta de usuario puede leerlo. Una exportación CSV se guarda únicamente donde usted la guarde.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/actions.py" line="+55"/>
        <source>Add &amp;files…</source>
        <translation>Agregar &amp;archivos…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose X-ray files to screen</source>
        <translation>Elija archivos de radiografías para analizar</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add f&amp;older…</source>
        <translation>Agregar &amp;carpeta…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a folder; every image inside is screened</source>
        <translation>Elija una carpeta; se analizan todas las imágenes que contiene</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save results as a CSV file</source>
        <translation>Guardar los resultados como archivo CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel screening</source>
        <translation>Ca&amp;ncelar análisis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after the files in progress; keep results</source>
        <translation>Detener tras los archivos en curso; conservar los resultados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search results</source>
        <translation>&amp;Buscar en los resultados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search file names, patients and reasons</source>
        <translation>Buscar nombres de archivo, pacientes y motivos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;How the model does here…</source>
        <translation>&amp;Desempeño del modelo en este centro…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sensitivity, specificity and ROC curve from the reviewed results</source>
        <translation>Sensibilidad, especificidad y curva ROC a partir de los resultados revisados</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Site threshold…</source>
        <translation>&amp;Umbral local…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrator&apos;s task: set this clinic&apos;s threshold from its reviews</source>
        <translation>Tarea del administrador: fijar el umbral de este centro a partir de sus revisiones</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About PneumoScreen</source>
        <translation>&amp;Acerca de PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model card, licences and privacy</source>
        <translation>Ficha del modelo, licencias y privacidad</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close PneumoScreen</source>
        <translation>Cerrar PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print report…</source>
        <translation>&amp;Imprimir informe…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A one-page report of the selected result, printed or as PDF</source>
        <translation>Informe de una página del resultado seleccionado, impreso o en PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Day summary report…</source>
        <translation>&amp;Resumen del día…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counts and flagged films of one day, printed or as PDF</source>
        <translation>Recuentos y radiografías señaladas de un día, impreso o en PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review</source>
        <translation>&amp;Revisión</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;dministration</source>
        <translation>A&amp;dministración</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>Ay&amp;uda</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main toolbar</source>
        <translation>Barra de herramientas principal</translation>
    </message>
</context>
<context>
    <name>AgeRuleDialog</name>
    <message>
        <location filename="../../desktop/age_rule_dialog.py" line="+48"/>
        <source>Films outside the validated ages</source>
        <translation>Radiografías fuera de las edades validadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model was validated on patients aged {ages} years. A film whose patient&apos;s age is known and outside that range is screened and marked as outside the validated ages. A clinic may have such films rejected instead, with no score.</source>
        <translation>El modelo se validó en pacientes de {ages} años. Una radiografía de un paciente con edad conocida fuera de ese rango se analiza y se marca como fuera de las edades validadas. Un centro puede optar por rechazar esas radiografías, sin puntuación.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whatever this rule, a film whose patient&apos;s age is not known and that looks like an adult&apos;s is never scored: on adults the model&apos;s score means nothing. Typing a child&apos;s age gets it screened.</source>
        <translation>Sea cual sea esta regla, una radiografía cuya edad del paciente no se conoce y que parece de un adulto nunca se analiza: en adultos, la puntuación del modelo no significa nada. Escribir la edad de un niño permite analizarla.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whatever this rule, an adult&apos;s film is never scored: on adults the model&apos;s score means nothing. That holds for a patient known to be {adult} years or older, and for a film whose patient&apos;s age is not known and that looks like an adult&apos;s; typing a child&apos;s age gets such a film screened.</source>
        <translation>Sea cual sea esta regla, una radiografía de adulto nunca se analiza: en adultos, la puntuación del modelo no significa nada. Esto vale para un paciente que se sabe que tiene {adult} años o más, y para una radiografía cuya edad del paciente no se conoce y que parece de un adulto; escribir la edad de un niño permite analizar esa radiografía.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reject films outside the validated ages ({ages} years)</source>
        <translation>&amp;Rechazar las radiografías fuera de las edades validadas ({ages} años)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Films outside the validated &amp;ages…</source>
        <translation>Radiografías fuera de las &amp;edades validadas…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>window user</source>
        <translation>usuario de la ventana</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../desktop/detail_pane.py" line="+105"/>
        <source>Select a row to see the image and the result.</source>
        <extracomment>Reads a file for the pane on a worker thread; None when its cancel event was set first.</extracomment>
        <translation>Seleccione una fila para ver la imagen y el resultado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the image…</source>
        <translation>Cargando la imagen…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Heatmap</source>
        <translation>&amp;Mapa de calor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show where the model looked (H)</source>
        <translation>Mostrar dónde se fijó el modelo (H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heatmap &amp;stronger</source>
        <translation>Mapa de calor más i&amp;ntenso</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heatmap f&amp;ainter</source>
        <translation>Mapa de calor más &amp;tenue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit image</source>
        <translation>A&amp;justar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>A&amp;cercar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+1"/>
        <source>Heatmap opacity</source>
        <translation>Opacidad del mapa de calor</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opacity</source>
        <translation>Opacidad</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>File:</source>
        <translation>Archivo:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Screened:</source>
        <translation>Analizado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Screening aid, not a diagnosis.&lt;/b&gt; A clinician must review every image. The model was trained on children&apos;s frontal chest X-rays from one hospital.</source>
        <translation>&lt;b&gt;Apoyo al tamizaje, no un diagnóstico.&lt;/b&gt; Un profesional de salud debe revisar cada imagen. El modelo se entrenó con radiografías de tórax frontales de niños de un solo hospital.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Pneumonia score {score} of 100. The threshold is {threshold}: a score at or above it means pneumonia is likely.</source>
        <translation>Puntuación de neumonía: {score} de 100. El umbral es {threshold}: una puntuación igual o superior indica que la neumonía es probable.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not recorded</source>
        <translation>no registrado</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The image cannot be shown.
{problem}</source>
        <translation>No se puede mostrar la imagen.
{problem}</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../desktop/drop_zone.py" line="+39"/>
        <source>Drop zone for X-ray files and folders</source>
        <translation>Zona para soltar archivos y carpetas de radiografías</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop X-ray files or folders here</source>
        <translation>Arrastre aquí radiografías o carpetas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images in {formats}; folders are searched inside. Each image gets a pneumonia score, a label and a heatmap, or a clear reason why it was not judged.</source>
        <translation>Imágenes en {formats}; también se busca dentro de las carpetas. Cada imagen recibe una puntuación de neumonía, una etiqueta y un mapa de calor, o un motivo claro de por qué no se evaluó.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="+52"/>
        <source>Screening model damaged</source>
        <translation>Modelo de tamizaje dañado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The screening model has been changed or damaged, so PneumoScreen will not use it. Reinstall PneumoScreen. Results already in the table are safe.</source>
        <translation>El modelo de tamizaje fue modificado o está dañado, por lo que PneumoScreen no lo usará. Reinstale PneumoScreen. Los resultados que ya están en la tabla están a salvo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screening model missing</source>
        <translation>Falta el modelo de tamizaje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The description of the screening model is missing or damaged, so no image can be screened. Reinstall PneumoScreen. Results already in the table are safe.</source>
        <translation>La descripción del modelo de tamizaje falta o está dañada, por lo que no se puede analizar ninguna imagen. Reinstale PneumoScreen. Los resultados que ya están en la tabla están a salvo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screening model failed</source>
        <translation>Falló el modelo de tamizaje</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The screening model could not be started, so no image can be screened. Restart PneumoScreen; if this happens again, reinstall it.</source>
        <translation>No se pudo iniciar el modelo de tamizaje, por lo que no se puede analizar ninguna imagen. Reinicie PneumoScreen; si vuelve a ocurrir, reinstálelo.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PneumoScreen cannot read or write its results file.</source>
        <translation>PneumoScreen no puede leer ni escribir su archivo de resultados.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results cannot be saved</source>
        <translation>No se pueden guardar los resultados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site threshold problem</source>
        <translation>Problema con el umbral local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enough reviewed results</source>
        <translation>No hay suficientes resultados revisados</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot export there</source>
        <translation>No se puede exportar ahí</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DICOM file not supported</source>
        <translation>Archivo DICOM no compatible</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{file} holds no image PneumoScreen can read (no pixel data, or an encoding it does not support). Export the image again from the X-ray unit as uncompressed DICOM or JPEG.</source>
        <translation>{file} no contiene ninguna imagen que PneumoScreen pueda leer (no tiene datos de píxeles o usa una codificación no compatible). Vuelva a exportar la imagen desde el equipo de rayos X como DICOM sin comprimir o JPEG.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File cannot be read</source>
        <translation>No se puede leer el archivo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screening problem</source>
        <translation>Problema en el análisis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permission denied</source>
        <translation>Permiso denegado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PneumoScreen may not write there. Choose another folder, such as Documents.</source>
        <translation>PneumoScreen no tiene permiso para escribir ahí. Elija otra carpeta, como Documentos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File could not be saved</source>
        <translation>No se pudo guardar el archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The file could not be written ({problem}). Check that the disk or USB stick is plugged in and not full, and that the file is not open in another program such as Excel, then try again.</source>
        <translation>No se pudo escribir el archivo ({problem}). Verifique que el disco o la memoria USB estén conectados y tengan espacio libre, y que el archivo no esté abierto en otro programa, como Excel; luego vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Something went wrong inside PneumoScreen. Your results so far are saved. The details were written to {log}; please send that file to your support contact.</source>
        <translation>Algo falló dentro de PneumoScreen. Los resultados obtenidos hasta ahora están guardados. Los detalles se escribieron en {log}; envíe ese archivo a su contacto de soporte técnico.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="+118"/>
        <source>Export results as CSV</source>
        <translation>Exportar resultados como CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ExportScopeDialog</name>
    <message>
        <location line="-59"/>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which results should go into the CSV file?</source>
        <translation>¿Qué resultados deben incluirse en el archivo CSV?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;All results in the log ({n})</source>
        <translation>&amp;Todos los resultados del registro ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rows &amp;shown by the filters ({n})</source>
        <translation>Las filas &amp;mostradas por los filtros ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The s&amp;elected rows ({n})</source>
        <translation>Las filas &amp;seleccionadas ({n})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;De-identify: file names without folders, no patient names</source>
        <translation>&amp;Desidentificar: nombres de archivo sin carpetas, sin nombres de pacientes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every column stays, in order; the file column holds only the file&apos;s name.</source>
        <translation>Se mantienen todas las columnas, en el mismo orden; la columna del archivo contiene solo el nombre del archivo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose file…</source>
        <translation>Elegir archivo…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../desktop/file_dialogs.py" line="+29"/>
        <source>Add X-ray files</source>
        <translation>Agregar archivos de radiografías</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X-ray images ({patterns});;All files (*)</source>
        <translation>Imágenes de radiografías ({patterns});;Todos los archivos (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add a folder of X-rays</source>
        <translation>Agregar una carpeta de radiografías</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/filter_bar.py" line="+63"/>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the latest batch, today&apos;s screenings or all of them</source>
        <translation>Mostrar el último lote, los análisis de hoy o todos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This batch</source>
        <translation>Este lote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search (Ctrl+F)</source>
        <translation>Buscar (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search file names, patient IDs and reasons</source>
        <translation>Buscar nombres de archivo, ID de pacientes y motivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All labels</source>
        <translation>Todas las etiquetas</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All statuses</source>
        <translation>Todos los estados</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All reviews</source>
        <translation>Todas las revisiones</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet reviewed</source>
        <translation>Aún sin revisar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer disagrees with the model</source>
        <translation>El revisor no coincide con el modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show results by their clinician&apos;s review</source>
        <translation>Mostrar los resultados según su revisión clínica</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>S&amp;ince</source>
        <translation>De&amp;sde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screened since</source>
        <translation>Analizados desde</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sh&amp;ow:</source>
        <translation>M&amp;ostrar:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Label:</source>
        <translation>&amp;Etiqueta:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus:</source>
        <translation>Es&amp;tado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revie&amp;w:</source>
        <translation>Revisió&amp;n:</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../desktop/image_view.py" line="+54"/>
        <source>X-ray image</source>
        <extracomment>The film is what the user came for: on a 600-pixel-high screen the detail pane scrolls rather than shrink it to a stamp. Pixels of right-drag that double (or halve) the contrast, and that move the brightness by the whole grey range: a slow hand on a laptop&apos;s touchpad still gets fine steps.</extracomment>
        <translation>Imagen radiográfica</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wheel: zoom. Drag: move. Right-drag: brightness (up, down) and contrast (left, right). Double-click: fit and reset.</source>
        <translation>Rueda: zoom. Arrastrar: mover. Arrastrar con el botón derecho: brillo (arriba, abajo) y contraste (izquierda, derecha). Doble clic: ajustar y restablecer.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="+29"/>
        <source>Pneumonia likely</source>
        <extracomment>(background, text) colours; dark text on a pale tint keeps contrast above WCAG AA.</extracomment>
        <translation>Neumonía probable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pneumonia signs</source>
        <translation>Sin signos de neumonía</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Screened</source>
        <translation>Analizado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rechazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read</source>
        <translation>No se pudo leer</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pneumonia confirmed</source>
        <translation>Neumonía confirmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No pneumonia</source>
        <translation>Sin neumonía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other finding</source>
        <translation>Otro hallazgo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not assessable</source>
        <translation>No evaluable</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pneumonia</source>
        <translation>Neumonía</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this clinic&apos;s site threshold</source>
        <translation>el umbral local de este centro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the model&apos;s threshold</source>
        <translation>el umbral del modelo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not judged: rejected</source>
        <translation>No evaluado: rechazado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not judged: the file could not be read</source>
        <translation>No evaluado: no se pudo leer el archivo</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../desktop/language_menu.py" line="+18"/>
        <source>The language changes when PneumoScreen is next started.</source>
        <translation>El idioma cambia la próxima vez que se inicie PneumoScreen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window&apos;s language; it changes when PneumoScreen is next started</source>
        <translation>Idioma de la ventana; cambia la próxima vez que se inicie PneumoScreen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="+83"/>
        <source>PneumoScreen: chest X-ray screening aid</source>
        <translation>PneumoScreen: apoyo al tamizaje de radiografías de tórax</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading the screening model…</source>
        <translation>Cargando el modelo de tamizaje…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Model ready</source>
        <translation>Modelo listo</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Screening starts once the model is loaded…</source>
        <translation>El análisis comenzará cuando se cargue el modelo…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelling after the files in progress…</source>
        <translation>Cancelando después de los archivos en curso…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model not available</source>
        <translation>Modelo no disponible</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Screening… ({n} more batch waiting)</source>
        <translation>Analizando… ({n} lote más en espera)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening… ({n} more batches waiting)</source>
        <translation>Analizando… ({n} lotes más en espera)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screening…</source>
        <translation>Analizando…</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+13"/>
        <source>Every result shown has been reviewed.</source>
        <translation>Todos los resultados mostrados están revisados.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Review saved: {decision} for {file}.</source>
        <translation>Revisión guardada: {decision} para {file}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Threshold unknown: the site profile is damaged</source>
        <translation>Umbral desconocido: el perfil local está dañado</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The model card cannot be read.</source>
        <translation>No se puede leer la ficha del modelo.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{n} result</source>
        <translation>{n} resultado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} results</source>
        <translation>{n} resultados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Showing {shown} of {n} result</source>
        <translation>Mostrando {shown} de {n} resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing {shown} of {n} results</source>
        <translation>Mostrando {shown} de {n} resultados</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Exported {n} result to {path}</source>
        <translation>Se exportó {n} resultado a {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {n} results to {path}</source>
        <translation>Se exportaron {n} resultados a {path}</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <location filename="../../desktop/card_texts.py" line="+22"/>
        <source>Screening aid for frontal chest X-rays at clinics without a radiologist: flags images likely to show pneumonia for a clinician&apos;s review. Not a diagnosis.</source>
        <extracomment>`intended_use`.</extracomment>
        <translation>Apoyo al tamizaje de radiografías de tórax frontales en centros de salud sin radiólogo: señala las imágenes que probablemente muestran neumonía para que las revise un profesional de salud. No es un diagnóstico.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trained on pediatric (ages 1-5) frontal chest X-rays from one hospital (Guangzhou Women and Children&apos;s Medical Center); not validated on adults, other hospitals or other X-ray machines.</source>
        <extracomment>`limitations`, one sentence each.</extracomment>
        <translation>Entrenado con radiografías de tórax frontales pediátricas (1-5 años) de un solo hospital (Guangzhou Women and Children&apos;s Medical Center); no validado en adultos, en otros hospitales ni con otros equipos de rayos X.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Distinguishes pneumonia from normal only; other findings are not detected.</source>
        <translation>Solo distingue neumonía de normal; no detecta otros hallazgos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lateral views, other body parts and non-X-ray images are outside its scope.</source>
        <translation>Las proyecciones laterales, otras partes del cuerpo y las imágenes que no son radiografías quedan fuera de su alcance.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The heatmap shows where the model looked, not where the disease is.</source>
        <translation>El mapa de calor muestra dónde se fijó el modelo, no dónde está la enfermedad.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On adults&apos; films its score carries no information (AUC 0.38 against NIH&apos;s labels), so a film of unknown age that looks like an adult&apos;s is not scored: the population check refused 98% of held-out adult films and 3.7% of held-out children&apos;s films, all normal.</source>
        <translation>En radiografías de adultos su puntuación no aporta información (AUC 0,38 frente a las etiquetas del NIH); por eso, una radiografía de edad desconocida que parezca de adulto no se analiza: el control de población rechazó el 98 % de las radiografías de adultos reservadas para la evaluación y el 3,7 % de las de niños, todas normales.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A patient known to be 18 or older gets no score either, whatever the site&apos;s age rule: the adults measured were 18 to 85 years old.</source>
        <translation>Un paciente que se sabe que tiene 18 años o más tampoco recibe puntuación, sea cual sea la regla de edad local: los adultos medidos tenían entre 18 y 85 años.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>327 images of the official test split that were never given to the developers, measured independently of them with the int8 file at the shipped threshold</source>
        <extracomment>What the figures are: `independent_evaluation.about` (`.set` where a card has no `about`) and `performance.note`.</extracomment>
        <translation>327 imágenes de la partición de prueba oficial que nunca se entregaron a los desarrolladores, medidas de forma independiente con el archivo int8 en el umbral distribuido</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>measured on the int8 file at the shipped threshold; test-dev also chose the calibration and threshold, so its figures are optimistic; an independent held-out half of the test split measures the model separately</source>
        <translation>medido con el archivo int8 en el umbral distribuido; test-dev también se usó para elegir la calibración y el umbral, por lo que sus cifras son optimistas; una mitad independiente y reservada de la partición de prueba mide el modelo por separado</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>adults&apos; frontal chest X-rays: the screening model alone, measured independently of the developers with the int8 file at the shipped threshold, before the population check existed; and the share of films the app now refuses without a label when the age is not known, measured by the developers on the held-out part of each folder</source>
        <extracomment>`adult_evaluation.about` and each of its sets&apos; `set`, the card&apos;s own and its `previous_release`&apos;s.</extracomment>
        <translation>radiografías frontales de tórax de adultos: el modelo de cribado solo, medido independientemente de los desarrolladores con el archivo int8 en el umbral distribuido, antes de que existiera la comprobación de población; y la parte de las radiografías que la aplicación ahora rechaza sin etiqueta cuando no se conoce la edad, medida por los desarrolladores en la parte reservada de cada carpeta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>adults&apos; frontal chest X-rays, the held-out part of each folder (no adult film trained or chose this model): the screening model alone, measured by the developers with the int8 file at the shipped threshold, every film scored; and the share of films the app refuses without a label when the age is not known</source>
        <translation>radiografías frontales de tórax de adultos, la parte reservada de cada carpeta (ninguna radiografía de adulto entrenó ni eligió este modelo): el modelo de cribado solo, medido por los desarrolladores con el archivo int8 en el umbral distribuido, con todas las radiografías puntuadas; y la parte de las radiografías que la aplicación rechaza sin etiqueta cuando no se conoce la edad</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NIH Clinical Center adults, normal and pneumonia (nih-adult)</source>
        <translation>Adultos del NIH Clinical Center, normales y neumonías (nih-adult)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIH adults&apos; pneumonias confirmed by RSNA radiologists, against NIH&apos;s normals (nih-adult)</source>
        <translation>Neumonías de adultos del NIH confirmadas por radiólogos de la RSNA, frente a los normales del NIH (nih-adult)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NIH adults read as normal by RSNA radiologists (rsna-normal-adult)</source>
        <translation>Adultos del NIH leídos como normales por radiólogos de la RSNA (rsna-normal-adult)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>adult films from many other hospitals, mostly COVID-19 and other pneumonias, 37 normals</source>
        <translation>radiografías de adultos de muchos otros hospitales, sobre todo COVID-19 y otras neumonías, 37 normales</translation>
    </message>
</context>
<context>
    <name>Patient</name>
    <message>
        <location filename="../../desktop/patient_text.py" line="+31"/>
        <source>Female</source>
        <extracomment>The sign before the Patient cell of a film outside the validated ages. The roles `patient_warning_data` answers for the Patient cell. PatientSex codes and their words (translated where shown, once the translator is loaded).</extracomment>
        <translation>Femenino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Otro</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{n} years</source>
        <translation>{n} años</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>1 month</source>
        <translation>1 mes</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} months</source>
        <translation>{n} meses</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>1 week</source>
        <translation>1 semana</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} weeks</source>
        <translation>{n} semanas</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The patient is {age} old: {warning}. Read this result with care.</source>
        <translation>El paciente tiene {age}: {warning}. Interprete este resultado con cuidado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The patient is {age} old: outside the ages this model was validated on ({low}-{high} years). Read this result with care.</source>
        <translation>El paciente tiene {age}: fuera de las edades en las que se validó este modelo ({low}-{high} años). Interprete este resultado con cuidado.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex, age:</source>
        <translation>Sexo, edad:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study date:</source>
        <translation>Fecha del estudio:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>born {date}</source>
        <translation>nac. {date}</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <location filename="../../desktop/patient_form.py" line="+56"/>
        <source>Patient ID</source>
        <extracomment>The age box&apos;s value for &quot;not known&quot; (shown as words, not as a number).</extracomment>
        <translation>ID del paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stated</source>
        <translation>No indicado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not known</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> years</source>
        <translation> años</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age in years</source>
        <translation>Edad en años</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save patient</source>
        <translation>Guardar paciente</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient ID:</source>
        <translation>ID del paciente:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age:</source>
        <translation>Edad:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A young child&apos;s film?
Type the age to screen it…</source>
        <translation>¿Radiografía de un niño pequeño?
Escriba la edad para analizarla…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the patient&apos;s details…</source>
        <translation>Editar los datos del paciente…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file has no patient data:
type the patient&apos;s details…</source>
        <translation>Este archivo no tiene datos del paciente:
ingrese los datos del paciente…</translation>
    </message>
</context>
<context>
    <name>PerformanceDialog</name>
    <message>
        <location filename="../../desktop/performance_dialog.py" line="+66"/>
        <source>How the model does here</source>
        <translation>Desempeño del modelo en este centro</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the reviewed results…</source>
        <translation>Leyendo los resultados revisados…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Figures (reviewer&apos;s decision = truth)</source>
        <translation>Cifras (decisión del revisor = referencia)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sensitivity (pneumonia found):</source>
        <translation>Sensibilidad (neumonías detectadas):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity (healthy films passed):</source>
        <translation>Especificidad (radiografías sanas no señaladas):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUC (ranking, threshold aside):</source>
        <translation>AUC (discriminación, sin depender del umbral):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counts at the threshold in force</source>
        <translation>Recuentos con el umbral vigente</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Model: pneumonia likely&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modelo: neumonía probable&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Model: no pneumonia signs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modelo: sin signos de neumonía&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewer: pneumonia&lt;/b&gt;</source>
        <translation>&lt;b&gt;Revisor: neumonía&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewer: no pneumonia&lt;/b&gt;</source>
        <translation>&lt;b&gt;Revisor: sin neumonía&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{n} reviewed results: {pneumonia} confirmed pneumonia, {normal} no pneumonia. Figures at threshold {threshold} ({source}).</source>
        <translation>{n} resultados revisados: {pneumonia} con neumonía confirmada, {normal} sin neumonía. Cifras con el umbral {threshold} ({source}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>threshold {threshold}</source>
        <translation>umbral {threshold}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{decision}: {n}</source>
        <translation>{decision}: {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rejected or unreadable files: {n}</source>
        <translation>archivos rechazados o no legibles: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out of the figures: {parts}.</source>
        <translation>Excluidos de las cifras: {parts}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reviewed results could not be read.</source>
        <translation>No se pudieron leer los resultados revisados.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../desktop/progress_panel.py" line="+28"/>
        <source>%v of %m files</source>
        <translation>%v de %m archivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening progress</source>
        <translation>Progreso del análisis</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%v of {n} file</source>
        <translation>%v de {n} archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%v of {n} files</source>
        <translation>%v de {n} archivos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding files…</source>
        <translation>Buscando archivos…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About {n} s left</source>
        <translation>Faltan aprox. {n} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About {n} min left</source>
        <translation>Faltan aprox. {n} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About {h} h {m} min left</source>
        <translation>Faltan aprox. {h} h {m} min</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{files}: {screened}, {rejected}, {errors} ({cached}).</source>
        <translation>{files}: {screened}, {rejected}, {errors} ({cached}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} file</source>
        <translation>{n} archivo</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} files</source>
        <translation>{n} archivos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} screened</source>
        <comment>one</comment>
        <translation>{n} analizado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} screened</source>
        <comment>many</comment>
        <translation>{n} analizados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} rejected</source>
        <comment>one</comment>
        <translation>{n} rechazado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} rejected</source>
        <comment>many</comment>
        <translation>{n} rechazados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} could not be read</source>
        <comment>one</comment>
        <translation>{n} no legible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} could not be read</source>
        <comment>many</comment>
        <translation>{n} no legibles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} answered from the log</source>
        <comment>one</comment>
        <translation>{n} tomado del registro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} answered from the log</source>
        <comment>many</comment>
        <translation>{n} tomados del registro</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled; the results so far are kept. </source>
        <translation>Cancelado; se conservan los resultados obtenidos. </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/qt_dialog_texts.py" line="+14"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Buscar en:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Archivos de &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <location filename="../../desktop/reason_texts.py" line="+25"/>
        <source>Too small to judge</source>
        <extracomment>code -&gt; (a short name for a table cell, a sentence), untranslated (`QT_TRANSLATE_NOOP` marks them for pyside6-lupdate; `QCoreApplication.translate` translates them when shown).</extracomment>
        <translation>Muy pequeña para evaluar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is too small to judge.</source>
        <translation>La imagen es demasiado pequeña para evaluarla.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank or uniform image</source>
        <translation>Imagen en blanco o uniforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is blank, uniform or saturated: there is no X-ray to judge.</source>
        <translation>La imagen está en blanco, es uniforme o está saturada: no hay ninguna radiografía que evaluar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour picture, not an X-ray</source>
        <translation>Imagen a color, no radiografía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a colour picture, not an X-ray (X-rays are shades of grey), so it was not scored.</source>
        <translation>Es una imagen a color, no una radiografía (las radiografías son en escala de grises), por lo que no se puntuó.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a frontal chest X-ray</source>
        <translation>No es radiografía de tórax frontal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This does not look like a frontal chest X-ray, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened: not photos, documents, screenshots, CT slices, side views, or X-rays that are inverted, turned, mirrored or cropped.</source>
        <translation>No parece una radiografía de tórax frontal, por lo que no se puntuó. Solo se pueden analizar radiografías de tórax anteroposteriores (AP) o posteroanteriores (PA): no fotos, documentos, capturas de pantalla, cortes de tomografía, proyecciones laterales ni radiografías invertidas, giradas, en espejo o recortadas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Side view</source>
        <translation>Proyección lateral</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a side (lateral) view of the chest, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened.</source>
        <translation>Parece una proyección lateral del tórax, por lo que no se puntuó. Solo se pueden analizar radiografías de tórax anteroposteriores (AP) o posteroanteriores (PA).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CT slice</source>
        <translation>Corte de tomografía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a CT slice, not a chest X-ray, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened.</source>
        <translation>Parece un corte de tomografía computarizada (TC), no una radiografía de tórax, por lo que no se puntuó. Solo se pueden analizar radiografías de tórax anteroposteriores (AP) o posteroanteriores (PA).</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not an X-ray</source>
        <translation>No es una radiografía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a photo, a document or a screenshot, not an X-ray, so it was not scored. Open the X-ray&apos;s own image file instead.</source>
        <translation>Parece una foto, un documento o una captura de pantalla, no una radiografía, por lo que no se puntuó. Abra en su lugar el archivo de imagen original de la radiografía.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inverted film</source>
        <translation>Radiografía invertida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This X-ray looks inverted (bones dark, lungs light), so it was not scored. Export it again as a normal film, with bones white.</source>
        <translation>Esta radiografía parece invertida (huesos oscuros, pulmones claros), por lo que no se puntuó. Vuelva a exportarla como radiografía normal, con los huesos blancos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Turned or mirrored</source>
        <translation>Girada o en espejo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This X-ray looks turned, upside down or mirrored, so it was not scored. Export or scan it again the right way round.</source>
        <translation>Esta radiografía parece girada, al revés o en espejo, por lo que no se puntuó. Vuelva a exportarla o escanearla en la orientación correcta.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cropped film</source>
        <translation>Radiografía recortada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like only part of a chest X-ray, so it was not scored. The whole chest must be in the image.</source>
        <translation>Parece solo una parte de una radiografía de tórax, por lo que no se puntuó. Todo el tórax debe aparecer en la imagen.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outside the validated ages</source>
        <translation>Fuera de las edades validadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient&apos;s age is outside the ages this model was validated on, and this clinic does not screen such films.</source>
        <translation>La edad del paciente está fuera de las edades en las que se validó este modelo, y este centro no analiza esas radiografías.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Looks like an adult&apos;s film</source>
        <translation>Parece una radiografía de adulto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This film looks like an adult&apos;s. The model was validated on young children only, so it was not scored. If the patient is a young child, type the age in the patient&apos;s details: the film is then screened.</source>
        <translation>Esta radiografía parece de un adulto. El modelo solo se validó en niños pequeños, por lo que no se analizó. Si el paciente es un niño pequeño, escriba la edad en los datos del paciente: la radiografía se analizará entonces.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adult patient</source>
        <translation>Paciente adulto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient is an adult. The model was validated on young children only, and on adults&apos; films its score was measured to be no better than chance, so it was not scored. Have the film read by a clinician.</source>
        <translation>El paciente es un adulto. El modelo se validó solo en niños pequeños y, en radiografías de adultos, su puntuación no es mejor que el azar, así que esta radiografía no se analizó. Pida a un clínico que la lea.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File not found</source>
        <translation>Archivo no encontrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file does not exist: it was moved, renamed or deleted, or its disk was removed.</source>
        <translation>El archivo no existe: se movió, se renombró o se eliminó, o se quitó el disco donde estaba.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Permission denied</source>
        <translation>Permiso denegado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s user may not read the file.</source>
        <translation>El usuario de esta computadora no tiene permiso para leer el archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a file</source>
        <translation>No es un archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is a folder, a named pipe, a device or a socket, not a file.</source>
        <translation>Es una carpeta, una canalización con nombre, un dispositivo o un socket, no un archivo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name too long</source>
        <translation>Nombre muy largo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s name or folder path is longer than the system allows.</source>
        <translation>El nombre del archivo o la ruta de la carpeta supera la longitud que permite el sistema.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open the file</source>
        <translation>No se pudo abrir el archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system could not open or read the file.</source>
        <translation>El sistema no pudo abrir ni leer el archivo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty file</source>
        <translation>Archivo vacío</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is empty.</source>
        <translation>El archivo está vacío.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too large</source>
        <translation>Demasiado grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file or its image is too large to read safely. Export a smaller copy.</source>
        <translation>El archivo o su imagen son demasiado grandes para leerlos de forma segura. Exporte una copia más pequeña.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not an image</source>
        <translation>No es una imagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not an image in a supported format.</source>
        <translation>El archivo no es una imagen en un formato compatible.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format not supported</source>
        <translation>Formato no compatible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is in a format PneumoScreen does not read (such as HEIC or PDF). Save it as JPEG or PNG.</source>
        <translation>La imagen está en un formato que PneumoScreen no lee (como HEIC o PDF). Guárdela como JPEG o PNG.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DICOM not supported</source>
        <translation>DICOM no compatible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This DICOM file holds no image, or its image is stored in a way PneumoScreen cannot decode.</source>
        <translation>Este archivo DICOM no contiene ninguna imagen, o su imagen está almacenada de una forma que PneumoScreen no puede decodificar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Damaged file</source>
        <translation>Archivo dañado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or incomplete.</source>
        <translation>El archivo está dañado o incompleto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Took too long to decode</source>
        <translation>Decodificación muy lenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image took too long to decode.</source>
        <translation>La decodificación de la imagen tardó demasiado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decoder did not start</source>
        <translation>El decodificador no se inició</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image decoder could not be started. Close other programs and try again.</source>
        <translation>No se pudo iniciar el decodificador de imágenes. Cierre otros programas y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not enough memory</source>
        <translation>Memoria insuficiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There was not enough memory to decode the image. Close other programs and try again.</source>
        <translation>No había memoria suficiente para decodificar la imagen. Cierre otros programas y vuelva a intentarlo.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected problem stopped this file from being screened.</source>
        <translation>Un problema inesperado impidió analizar este archivo.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not screened</source>
        <translation>No analizado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file was not screened; an older PneumoScreen logged why, in English only.</source>
        <translation>Este archivo no se analizó; una versión anterior de PneumoScreen registró el motivo, solo en inglés.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop/report.py" line="+76"/>
        <source>Chest X-ray screening report</source>
        <extracomment>The heatmap&apos;s opacity on the report: the detail pane&apos;s default. The report&apos;s pictures are at most this many pixels a side (sharp at 300 dpi, small PDFs).</extracomment>
        <translation>Informe de tamizaje de radiografía de tórax</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PneumoScreen report: {who}</source>
        <translation>Informe de PneumoScreen: {who}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Screening aid, not a diagnosis. A clinician must review every image. The model was trained on children&apos;s frontal chest X-rays from one hospital.</source>
        <translation>Apoyo al tamizaje, no un diagnóstico. Un profesional de salud debe revisar cada imagen. El modelo se entrenó con radiografías de tórax frontales de niños de un solo hospital.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reviewed by (name):</source>
        <translation>Revisado por (nombre):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature:</source>
        <translation>Firma:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Fecha:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(clinic name not set)</source>
        <translation>(nombre del centro no configurado)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed {when}</source>
        <translation>Impreso el {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../desktop/report_summary.py" line="+126"/>
        <source>Patient name</source>
        <translation>Nombre del paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/report_summary.py" line="-1"/>
        <source>Patient ID</source>
        <translation>ID del paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Edad</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth date</source>
        <translation>Fecha de nacimiento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Study date</source>
        <translation>Fecha del estudio</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Age:</source>
        <translation>Edad:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image cannot be read.</source>
        <translation>No se puede leer la imagen.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image cannot be shown: {problem}</source>
        <translation>No se puede mostrar la imagen: {problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The X-ray</source>
        <translation>La radiografía</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Where the model saw signs of pneumonia</source>
        <translation>Dónde vio el modelo signos de neumonía</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Heatmap colours:</source>
        <translation>Colores del mapa de calor:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weak</source>
        <translation>débil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong</source>
        <translation>fuerte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no colour: no sign of pneumonia</source>
        <translation>sin color: ningún signo de neumonía</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pneumonia score {score} of 100, against a threshold of {threshold} ({source}): a score at or above the threshold means pneumonia is likely.</source>
        <translation>Puntuación de neumonía: {score} de 100, frente a un umbral de {threshold} ({source}): una puntuación igual o superior al umbral indica que la neumonía es probable.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clinician&apos;s review:</source>
        <translation>Revisión clínica:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not reviewed yet</source>
        <translation>aún no revisado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{decision}, by {reviewer} on {when}</source>
        <translation>{decision}, por {reviewer}, el {when}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note:</source>
        <translation>Nota:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../desktop/report_summary.py" line="-1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screened</source>
        <translation>Analizado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model version</source>
        <translation>Versión del modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/report_summary.py" line="-58"/>
        <source>{n} films: {p} pneumonia likely, {c} no pneumonia signs, {r} rejected, {u} could not be read; {v} reviewed.</source>
        <translation>{n} radiografías: {p} con neumonía probable, {c} sin signos de neumonía, {r} rechazadas, {u} no legibles; {v} revisadas.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Day summary: {day}</source>
        <translation>Resumen del día: {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Films screened</source>
        <translation>Radiografías analizadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pneumonia likely</source>
        <translation>Neumonía probable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No pneumonia signs</source>
        <translation>Sin signos de neumonía</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected (not a usable frontal chest X-ray)</source>
        <translation>Rechazadas (no son radiografías de tórax frontales utilizables)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be read</source>
        <translation>No legibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by a clinician</source>
        <translation>Revisadas por un profesional de salud</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flagged films: pneumonia likely</source>
        <translation>Radiografías señaladas: neumonía probable</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No film was flagged on this day.</source>
        <translation>No se señaló ninguna radiografía este día.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not reviewed</source>
        <translation>sin revisar</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/report_dialog.py" line="+69"/>
        <source>Save the report as PDF</source>
        <translation>Guardar el informe como PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>e.g. Kisumu District Clinic</source>
        <translation>p. ej., Centro de Salud Distrital de Kisumu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clinic name:</source>
        <translation>Nombre del &amp;centro:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Guardar como PDF…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Select a result to print its report.</source>
        <translation>Seleccione un resultado para imprimir su informe.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print report</source>
        <translation>Imprimir informe</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Day summary report</source>
        <translation>Resumen del día</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Day:</source>
        <translation>&amp;Día:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Report saved: {pages} page(s) in {path}</source>
        <translation>Informe guardado: {pages} página(s) en {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report printed.</source>
        <translation>Informe impreso.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../desktop/results_model.py" line="+72"/>
        <source>Image</source>
        <extracomment>Why a rejected or unreadable file got no score, in short (the whole sentence is its tooltip). Last in the model so the other columns keep their numbers; the view shows it beside Status. The value the proxy sorts by: a number or casefolded text, so sorting never compares text where a number is meant (&quot;9.5&quot; &gt; &quot;10.0&quot;). The whole `ScreeningResult` of a row. The row&apos;s latest `Review`, or None while nobody has reviewed it. Columns whose first header click sorts highest first (score, most severe label, newest).</extracomment>
        <translation>Imagen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Archivo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Etiqueta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screened</source>
        <translation>Analizado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revisión</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>{decision} ≠ model</source>
        <translation>{decision} ≠ modelo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{decision}, by {reviewer}, {time}</source>
        <translation>{decision}, por {reviewer}, {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reviewer disagrees with the model.</source>
        <translation>El revisor no coincide con el modelo.</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../desktop/results_table.py" line="+114"/>
        <source>Screening results</source>
        <extracomment>A row&apos;s thumbnail, in logical pixels: small enough that a laptop&apos;s 600-pixel screen shows a dozen rows, large enough to tell a chest film from a document. The detail pane shows it large. The File column never gets narrower than this, so the end of a long name (its distinguishing part: a patient number, a date, a view) stays readable; the columns right of it scroll instead. The share of a too-long file name&apos;s cell given to its end.</extracomment>
        <translation>Resultados del análisis</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/review_panel.py" line="+57"/>
        <source>Clinician&apos;s review</source>
        <extracomment>The decisions in the order of their buttons and keys (1-4).</extracomment>
        <translation>Revisión clínica</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>{key}  {decision}</source>
        <translation>{key}  {decision}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the clinician&apos;s decision: {decision} (key {key})</source>
        <translation>Registrar la decisión clínica: {decision} (tecla {key})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review note</source>
        <translation>Nota de revisión</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer&apos;s name</source>
        <translation>Nombre del revisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved with each decision; remembered on this computer</source>
        <translation>Se guarda con cada decisión; se recuerda en esta computadora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revi&amp;ewer:</source>
        <translation>Rev&amp;isor:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review history</source>
        <translation>Historial de revisiones</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select a row to review it.</source>
        <translation>Seleccione una fila para revisarla.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not reviewed yet. Press 1-4 to record a decision.</source>
        <translation>Sin revisar aún. Presione 1-4 para registrar una decisión.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Reviewed:&lt;/b&gt; {decision}, by {reviewer}, {time}</source>
        <translation>&lt;b&gt;Revisado:&lt;/b&gt; {decision}, por {reviewer}, {time}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Who is reviewing?</source>
        <translation>¿Quién revisa?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name is saved with each decision, so the log shows who decided what. It is remembered on this computer; change it in the review panel.</source>
        <translation>Su nombre se guarda con cada decisión, para que el registro muestre quién decidió qué. Se recuerda en esta computadora; puede cambiarlo en el panel de revisión.</translation>
    </message>
</context>
<context>
    <name>RocChart</name>
    <message>
        <location filename="../../desktop/roc_chart.py" line="+29"/>
        <source>ROC curve</source>
        <translation>Curva ROC</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>1 - specificity (healthy films flagged)</source>
        <translation>1 - especificidad (radiografías sanas señaladas)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No curve yet: it needs reviewed results of both kinds.</source>
        <translation>Aún no hay curva: se necesitan resultados revisados de ambos tipos.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
</context>
<context>
    <name>ScoreBar</name>
    <message>
        <location filename="../../desktop/score_bar.py" line="+24"/>
        <source>Score against threshold</source>
        <translation>Puntuación frente al umbral</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score {score} of 100; threshold {threshold}</source>
        <translation>Puntuación {score} de 100; umbral {threshold}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>threshold {value}</source>
        <translation>umbral {value}</translation>
    </message>
</context>
<context>
    <name>SiteThresholdDialog</name>
    <message>
        <location filename="../../desktop/site_threshold_dialog.py" line="+80"/>
        <source>Site threshold (administrator&apos;s task)</source>
        <extracomment>Thresholds shown in the trade-off table besides the model&apos;s, the proposed and the one in force.</extracomment>
        <translation>Umbral local (tarea del administrador)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;b&gt;An administrator&apos;s task.&lt;/b&gt; The site threshold decides “Pneumonia likely” for every film screened from now on, for this model version. It is proposed from the results your clinicians reviewed: set it only when they are many and recent, and tell the clinicians.</source>
        <translation>&lt;b&gt;Tarea del administrador.&lt;/b&gt; El umbral local decide “Neumonía probable” para cada radiografía que se analice a partir de ahora, para esta versión del modelo. Se propone a partir de los resultados que revisaron sus profesionales de salud: fíjelo solo cuando sean muchos y recientes, e informe a los profesionales.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Target sensitivity</source>
        <translation>Sensibilidad objetivo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>Su nombre</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Target sensitivity:</source>
        <translation>Sensibilidad &amp;objetivo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;by:</source>
        <translation>Fijado &amp;por:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitivity</source>
        <translation>Sensibilidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity</source>
        <translation>Especificidad</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Films flagged</source>
        <translation>Radiografías señaladas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trade-off between thresholds</source>
        <translation>Comparación de umbrales</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply the proposed threshold…</source>
        <translation>&amp;Aplicar el umbral propuesto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset to the model&apos;s threshold…</source>
        <translation>&amp;Restablecer el umbral del modelo…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The site profile is damaged, so no threshold is in force and nothing is screened. Reset to the model&apos;s threshold ({model}): the damaged file is kept beside it under another name.</source>
        <translation>El perfil local está dañado, por lo que no hay ningún umbral vigente y no se analiza nada. Restablezca el umbral del modelo ({model}): el archivo dañado se conserva al lado con otro nombre.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In force now: threshold {threshold}, {source}. The model&apos;s own threshold is {model}.</source>
        <translation>Vigente ahora: umbral {threshold}, {source}. El umbral propio del modelo es {model}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the reviewed results…</source>
        <translation>Leyendo los resultados revisados…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviewed results of this model version: {pneumonia} confirmed pneumonia, {normal} no pneumonia (at least {minimum} of each are needed).</source>
        <translation>Resultados revisados de esta versión del modelo: {pneumonia} con neumonía confirmada, {normal} sin neumonía (se necesitan al menos {minimum} de cada tipo).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Proposed threshold: {threshold}. On the reviewed films it finds {sensitivity:.1%} of pneumonia, passes {specificity:.1%} of healthy films, and flags {flagged:.0%} of all films.</source>
        <translation>Umbral propuesto: {threshold}. En las radiografías revisadas detecta el {sensitivity:.1%} de las neumonías, no señala el {specificity:.1%} de las radiografías sanas y señala el {flagged:.0%} de todas las radiografías.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{n} more confirmed-pneumonia reviews</source>
        <translation>{n} revisiones más con neumonía confirmada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} more no-pneumonia reviews</source>
        <translation>{n} revisiones más sin neumonía</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not enough evidence yet: {needs} are needed before a site threshold can be proposed. Review more results (keys 1-4 in the main window), then come back.</source>
        <translation>Aún no hay evidencia suficiente: se necesitan {needs} antes de poder proponer un umbral local. Revise más resultados (teclas 1-4 en la ventana principal) y luego vuelva.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> and </source>
        <translation> y </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the model&apos;s</source>
        <translation>del modelo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in force</source>
        <translation>vigente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>proposed</source>
        <translation>propuesto</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Enter your name first: it is kept with the change.</source>
        <translation>Primero ingrese su nombre: se guarda con el cambio.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change the site threshold?</source>
        <translation>¿Cambiar el umbral local?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Set the site threshold to {threshold} for this model version, as {name}?

From now on a film scoring {threshold} or more is labelled “Pneumonia likely”. Evidence: {pneumonia} confirmed pneumonia and {normal} no-pneumonia reviews, target sensitivity {target:.0%}.</source>
        <translation>¿Fijar el umbral local en {threshold} para esta versión del modelo, como {name}?

A partir de ahora, una radiografía con una puntuación de {threshold} o más se etiqueta como “Neumonía probable”. Evidencia: {pneumonia} revisiones con neumonía confirmada y {normal} sin neumonía; sensibilidad objetivo {target:.0%}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Go back to the model&apos;s own threshold ({threshold}), as {name}? The site threshold stays in the profile&apos;s history.</source>
        <translation>¿Volver al umbral propio del modelo ({threshold}), como {name}? El umbral local se conserva en el historial del perfil.</translation>
    </message>
</context>
<context>
    <name>Threshold</name>
    <message>
        <location filename="../../desktop/threshold_state.py" line="+58"/>
        <source>Threshold {threshold} ({source})</source>
        <translation>Umbral {threshold} ({source})</translation>
    </message>
</context>
<context>
    <name>WatchFolders</name>
    <message>
        <location filename="../../desktop/watch_folders.py" line="+132"/>
        <source>&amp;Watch folders…</source>
        <translation>&amp;Vigilar carpetas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen new X-rays in chosen folders as they arrive</source>
        <translation>Analizar las nuevas radiografías de las carpetas elegidas a medida que llegan</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Pneumonia likely: {files} (from a watched folder)</source>
        <translation>Neumonía probable: {files} (de una carpeta vigilada)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Watched folder unavailable: {folder}; waiting for it</source>
        <translation>Carpeta vigilada no disponible: {folder}; en espera</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Watching {n} of {total} folders ({m} unavailable)</source>
        <translation>Vigilando {n} de {total} carpetas ({m} no disponibles)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Watching 1 folder</source>
        <translation>Vigilando 1 carpeta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watching {n} folders</source>
        <translation>Vigilando {n} carpetas</translation>
    </message>
    <message>
        <location filename="../../desktop/watch_folders_dialog.py" line="+39"/>
        <source>Watching</source>
        <translation>Vigilando</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (removed or unplugged?)</source>
        <translation>No disponible (¿se quitó o se desconectó?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting…</source>
        <translation>Iniciando…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Watch folders</source>
        <translation>Carpetas vigiladas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New X-rays in these folders (and their subfolders) are screened as they arrive, once each file has been completely copied. Pneumonia-likely results are announced. The folders are remembered when PneumoScreen is closed.</source>
        <translation>Las nuevas radiografías de estas carpetas (y sus subcarpetas) se analizan a medida que llegan, una vez que cada archivo se haya copiado por completo. Se avisa de los resultados con neumonía probable. Las carpetas se recuerdan al cerrar PneumoScreen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add folder…</source>
        <translation>&amp;Agregar carpeta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Quitar</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{folder} is not there now; it is watched again when it is back.</source>
        <translation>{folder} no está disponible ahora; se volverá a vigilar cuando vuelva a estarlo.</translation>
    </message>
</context>
</TS>
