<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="pt" sourcelanguage="en">
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
        <translation>dados de treino do modelo</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the window</source>
        <translation>a janela</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>runs the model</source>
        <translation>executa o modelo</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reads DICOM files</source>
        <translation>lê ficheiros DICOM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decodes compressed DICOM</source>
        <translation>descodifica DICOM comprimido</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reads JPEG and PNG</source>
        <translation>lê JPEG e PNG</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>arrays</source>
        <translation>matrizes numéricas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decodes JPEG strictly (libjpeg-turbo)</source>
        <translation>descodifica JPEG de forma estrita (libjpeg-turbo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>watches folders for new films</source>
        <translation>vigia pastas à procura de novas radiografias</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>About PneumoScreen</source>
        <translation>Acerca do PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Model</source>
        <translation>&amp;Modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Licences</source>
        <translation>&amp;Licenças</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Privacy</source>
        <translation>&amp;Privacidade</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The model card cannot be read.</source>
        <translation>Não é possível ler a ficha do modelo.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A screening aid, not a diagnosis.</source>
        <translation>Um auxiliar de rastreio, não um diagnóstico.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intended use</source>
        <translation>Utilização prevista</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limitations</source>
        <translation>Limitações</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measured performance</source>
        <translation>Desempenho medido</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At the decision threshold {threshold} (score 0-100), with 95% confidence intervals:</source>
        <translation>No limiar de decisão {threshold} (pontuação 0-100), com intervalos de confiança de 95%:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Validation</source>
        <translation>Validação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test (development)</source>
        <translation>Teste (desenvolvimento)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test (independent, held out)</source>
        <translation>Teste (independente, reservado)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Test (development), model {version}</source>
        <translation>Teste (desenvolvimento), modelo {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test (independent, held out), model {version}</source>
        <translation>Teste (independente, reservado), modelo {version}</translation>
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
        <translation>Sensibilidade</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Specificity</source>
        <translation>Especificidade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>Exactidão</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Independent evaluation: {about}. {positive} with pneumonia, {negative} without; {rejected} refused by the quality checks.</source>
        <translation>Avaliação independente: {about}. {positive} com pneumonia, {negative} sem; {rejected} recusadas pelos controlos de qualidade.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model {version}, which this one replaces, is shown at its own threshold {threshold}.</source>
        <translation>O modelo {version}, que este substitui, é apresentado no seu próprio limiar {threshold}.</translation>
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
        <translation>Radiografias normais dadas como pneumonia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused now, without a label</source>
        <translation>Recusadas agora, sem rótulo</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{share} of {n} held out</source>
        <translation>{share} de {n} reservadas</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Adults&apos; films</source>
        <translation>Radiografias de adultos</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Qt {qt}, PySide6 {pyside}</source>
        <translation>Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Licences</source>
        <translation>Licenças</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Qt is used under the LGPL v3: its libraries are separate files in the installation folder and can be replaced.</source>
        <translation>O Qt é utilizado ao abrigo da LGPL v3: as suas bibliotecas são ficheiros separados na pasta de instalação e podem ser substituídas.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing leaves this computer</source>
        <translation>Nada sai deste computador</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PneumoScreen never opens a network connection. Images are read where they are; results, settings and the error log are kept only in this folder:</source>
        <translation>O PneumoScreen nunca abre uma ligação de rede. As imagens são lidas onde estão; os resultados, as definições e o registo de erros são guardados apenas nesta pasta:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The result log holds file names and DICOM patient IDs; it can be read only by your user account. A CSV export goes only where you save it.</source>
        <translation>O registo de resultados contém nomes de ficheiros e IDs de pacientes DICOM; só pode ser lido pela sua conta de utilizador. Uma exportação em CSV fica apenas onde a guardar.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/actions.py" line="+55"/>
        <source>Add &amp;files…</source>
        <translation>Adicionar &amp;ficheiros…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose X-ray files to screen</source>
        <translation>Escolher ficheiros de radiografia a rastrear</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add f&amp;older…</source>
        <translation>Adicionar &amp;pasta…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a folder; every image inside is screened</source>
        <translation>Escolher uma pasta; todas as imagens nela contidas são rastreadas</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exportar CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save results as a CSV file</source>
        <translation>Guardar os resultados num ficheiro CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel screening</source>
        <translation>&amp;Cancelar rastreio</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after the files in progress; keep results</source>
        <translation>Parar após os ficheiros em curso; manter os resultados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search results</source>
        <translation>&amp;Pesquisar resultados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search file names, patients and reasons</source>
        <translation>Pesquisar nomes de ficheiros, pacientes e motivos</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;How the model does here…</source>
        <translation>&amp;Desempenho local do modelo…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sensitivity, specificity and ROC curve from the reviewed results</source>
        <translation>Sensibilidade, especificidade e curva ROC a partir dos resultados revistos</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Site threshold…</source>
        <translation>&amp;Limiar local…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrator&apos;s task: set this clinic&apos;s threshold from its reviews</source>
        <translation>Tarefa do administrador: definir o limiar desta unidade sanitária a partir das suas revisões</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About PneumoScreen</source>
        <translation>&amp;Acerca do PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model card, licences and privacy</source>
        <translation>Ficha do modelo, licenças e privacidade</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Sair</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close PneumoScreen</source>
        <translation>Fechar o PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print report…</source>
        <translation>&amp;Imprimir relatório…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A one-page report of the selected result, printed or as PDF</source>
        <translation>Relatório de uma página do resultado seleccionado, impresso ou em PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Day summary report…</source>
        <translation>&amp;Resumo do dia…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counts and flagged films of one day, printed or as PDF</source>
        <translation>Contagens e radiografias assinaladas de um dia, em papel ou em PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;Ficheiro</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review</source>
        <translation>&amp;Revisão</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;dministration</source>
        <translation>A&amp;dministração</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>A&amp;juda</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main toolbar</source>
        <translation>Barra de ferramentas principal</translation>
    </message>
</context>
<context>
    <name>AgeRuleDialog</name>
    <message>
        <location filename="../../desktop/age_rule_dialog.py" line="+48"/>
        <source>Films outside the validated ages</source>
        <translation>Radiografias fora das idades validadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model was validated on patients aged {ages} years. A film whose patient&apos;s age is known and outside that range is screened and marked as outside the validated ages. A clinic may have such films rejected instead, with no score.</source>
        <translation>O modelo foi validado em pacientes com {ages} anos. Uma radiografia de um paciente com idade conhecida fora desse intervalo é rastreada e marcada como fora das idades validadas. Em alternativa, uma unidade sanitária pode optar por rejeitar essas radiografias, sem pontuação.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whatever this rule, a film whose patient&apos;s age is not known and that looks like an adult&apos;s is never scored: on adults the model&apos;s score means nothing. Typing a child&apos;s age gets it screened.</source>
        <translation>Seja qual for esta regra, uma radiografia cuja idade do doente não é conhecida e que parece de um adulto nunca é analisada: em adultos, a pontuação do modelo não significa nada. Introduzir a idade de uma criança permite analisá-la.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whatever this rule, an adult&apos;s film is never scored: on adults the model&apos;s score means nothing. That holds for a patient known to be {adult} years or older, and for a film whose patient&apos;s age is not known and that looks like an adult&apos;s; typing a child&apos;s age gets such a film screened.</source>
        <translation>Seja qual for esta regra, uma radiografia de adulto nunca é analisada: em adultos, a pontuação do modelo não significa nada. Isto vale para um doente que se sabe ter {adult} anos ou mais, e para uma radiografia cuja idade do doente não é conhecida e que parece de um adulto; introduzir a idade de uma criança permite analisar essa radiografia.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reject films outside the validated ages ({ages} years)</source>
        <translation>&amp;Rejeitar radiografias fora das idades validadas ({ages} anos)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Films outside the validated &amp;ages…</source>
        <translation>Radiografias fora das &amp;idades validadas…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>window user</source>
        <translation>utilizador da janela</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../desktop/detail_pane.py" line="+105"/>
        <source>Select a row to see the image and the result.</source>
        <extracomment>Reads a file for the pane on a worker thread; None when its cancel event was set first.</extracomment>
        <translation>Seleccione uma linha para ver a imagem e o resultado.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the image…</source>
        <translation>A carregar a imagem…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Heatmap</source>
        <translation>&amp;Mapa de calor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show where the model looked (H)</source>
        <translation>Mostrar as zonas que o modelo observou (H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heatmap &amp;stronger</source>
        <translation>Mapa de calor mais &amp;forte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heatmap f&amp;ainter</source>
        <translation>Mapa de calor mais &amp;ténue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit image</source>
        <translation>A&amp;justar imagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Ampliar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Reduzir</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+1"/>
        <source>Heatmap opacity</source>
        <translation>Opacidade do mapa de calor</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opacity</source>
        <translation>Opacidade</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>File:</source>
        <translation>Ficheiro:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Screened:</source>
        <translation>Rastreado em:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>Modelo:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Screening aid, not a diagnosis.&lt;/b&gt; A clinician must review every image. The model was trained on children&apos;s frontal chest X-rays from one hospital.</source>
        <translation>&lt;b&gt;Auxiliar de rastreio, não um diagnóstico.&lt;/b&gt; Um clínico tem de rever todas as imagens. O modelo foi treinado com radiografias frontais do tórax de crianças de um único hospital.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Pneumonia score {score} of 100. The threshold is {threshold}: a score at or above it means pneumonia is likely.</source>
        <translation>Pontuação de pneumonia {score} em 100. O limiar é {threshold}: uma pontuação igual ou superior significa que a pneumonia é provável.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not recorded</source>
        <translation>não registado</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The image cannot be shown.
{problem}</source>
        <translation>Não é possível mostrar a imagem.
{problem}</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../desktop/drop_zone.py" line="+39"/>
        <source>Drop zone for X-ray files and folders</source>
        <translation>Zona para largar ficheiros e pastas de radiografias</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop X-ray files or folders here</source>
        <translation>Arraste para aqui ficheiros ou pastas de radiografias</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images in {formats}; folders are searched inside. Each image gets a pneumonia score, a label and a heatmap, or a clear reason why it was not judged.</source>
        <translation>Imagens em {formats}; o conteúdo das pastas também é pesquisado. Cada imagem recebe uma pontuação de pneumonia, uma classificação e um mapa de calor, ou um motivo claro pelo qual não foi avaliada.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="+52"/>
        <source>Screening model damaged</source>
        <translation>Modelo de rastreio danificado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The screening model has been changed or damaged, so PneumoScreen will not use it. Reinstall PneumoScreen. Results already in the table are safe.</source>
        <translation>O modelo de rastreio foi alterado ou danificado, pelo que o PneumoScreen não o utilizará. Reinstale o PneumoScreen. Os resultados que já estão na tabela estão seguros.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screening model missing</source>
        <translation>Modelo de rastreio em falta</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The description of the screening model is missing or damaged, so no image can be screened. Reinstall PneumoScreen. Results already in the table are safe.</source>
        <translation>A descrição do modelo de rastreio está em falta ou danificada, pelo que nenhuma imagem pode ser rastreada. Reinstale o PneumoScreen. Os resultados que já estão na tabela estão seguros.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screening model failed</source>
        <translation>Falha do modelo de rastreio</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The screening model could not be started, so no image can be screened. Restart PneumoScreen; if this happens again, reinstall it.</source>
        <translation>Não foi possível iniciar o modelo de rastreio, pelo que nenhuma imagem pode ser rastreada. Reinicie o PneumoScreen; se voltar a acontecer, reinstale-o.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PneumoScreen cannot read or write its results file.</source>
        <translation>O PneumoScreen não consegue ler nem escrever o seu ficheiro de resultados.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results cannot be saved</source>
        <translation>Não é possível guardar os resultados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site threshold problem</source>
        <translation>Problema com o limiar local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enough reviewed results</source>
        <translation>Resultados revistos insuficientes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot export there</source>
        <translation>Não é possível exportar para esse local</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DICOM file not supported</source>
        <translation>Ficheiro DICOM não suportado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{file} holds no image PneumoScreen can read (no pixel data, or an encoding it does not support). Export the image again from the X-ray unit as uncompressed DICOM or JPEG.</source>
        <translation>{file} não contém nenhuma imagem que o PneumoScreen consiga ler (sem dados de píxeis, ou com uma codificação não suportada). Exporte novamente a imagem a partir do aparelho de raios X como DICOM não comprimido ou JPEG.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File cannot be read</source>
        <translation>Não é possível ler o ficheiro</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screening problem</source>
        <translation>Problema no rastreio</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permission denied</source>
        <translation>Permissão negada</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PneumoScreen may not write there. Choose another folder, such as Documents.</source>
        <translation>O PneumoScreen não tem permissão para escrever nesse local. Escolha outra pasta, como Documentos.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File could not be saved</source>
        <translation>Não foi possível guardar o ficheiro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The file could not be written ({problem}). Check that the disk or USB stick is plugged in and not full, and that the file is not open in another program such as Excel, then try again.</source>
        <translation>Não foi possível escrever o ficheiro ({problem}). Verifique se o disco ou a pen USB estão ligados e têm espaço livre, e se o ficheiro não está aberto noutro programa, como o Excel; depois tente novamente.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Something went wrong inside PneumoScreen. Your results so far are saved. The details were written to {log}; please send that file to your support contact.</source>
        <translation>Ocorreu um erro interno no PneumoScreen. Os resultados obtidos até agora estão guardados. Os detalhes foram escritos em {log}; envie esse ficheiro ao seu contacto de suporte.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="+118"/>
        <source>Export results as CSV</source>
        <translation>Exportar resultados em CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Ficheiros CSV (*.csv)</translation>
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
        <translation>Que resultados devem ser incluídos no ficheiro CSV?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;All results in the log ({n})</source>
        <translation>&amp;Todos os resultados do registo ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rows &amp;shown by the filters ({n})</source>
        <translation>As linhas &amp;mostradas pelos filtros ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The s&amp;elected rows ({n})</source>
        <translation>As linhas &amp;seleccionadas ({n})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;De-identify: file names without folders, no patient names</source>
        <translation>&amp;Desidentificar: nomes de ficheiro sem pastas, sem nomes de pacientes</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every column stays, in order; the file column holds only the file&apos;s name.</source>
        <translation>Todas as colunas se mantêm, pela mesma ordem; a coluna do ficheiro contém apenas o nome do ficheiro.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose file…</source>
        <translation>Escolher ficheiro…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../desktop/file_dialogs.py" line="+29"/>
        <source>Add X-ray files</source>
        <translation>Adicionar ficheiros de radiografia</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X-ray images ({patterns});;All files (*)</source>
        <translation>Imagens de radiografia ({patterns});;Todos os ficheiros (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add a folder of X-rays</source>
        <translation>Adicionar uma pasta de radiografias</translation>
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
        <translation>Mostrar o último lote, os rastreios de hoje ou todos</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This batch</source>
        <translation>Este lote</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Hoje</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search (Ctrl+F)</source>
        <translation>Pesquisar (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search file names, patient IDs and reasons</source>
        <translation>Pesquisar nomes de ficheiros, IDs de pacientes e motivos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Pesquisar</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All labels</source>
        <translation>Todas as classificações</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All statuses</source>
        <translation>Todos os estados</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All reviews</source>
        <translation>Todas as revisões</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet reviewed</source>
        <translation>Ainda não revisto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer disagrees with the model</source>
        <translation>O revisor discorda do modelo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show results by their clinician&apos;s review</source>
        <translation>Mostrar os resultados segundo a revisão do clínico</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>S&amp;ince</source>
        <translation>De&amp;sde</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screened since</source>
        <translation>Rastreado desde</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sh&amp;ow:</source>
        <translation>&amp;Mostrar:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Label:</source>
        <translation>&amp;Classificação:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus:</source>
        <translation>&amp;Estado:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revie&amp;w:</source>
        <translation>Rev&amp;isão:</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../desktop/image_view.py" line="+54"/>
        <source>X-ray image</source>
        <extracomment>The film is what the user came for: on a 600-pixel-high screen the detail pane scrolls rather than shrink it to a stamp. Pixels of right-drag that double (or halve) the contrast, and that move the brightness by the whole grey range: a slow hand on a laptop&apos;s touchpad still gets fine steps.</extracomment>
        <translation>Imagem radiográfica</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wheel: zoom. Drag: move. Right-drag: brightness (up, down) and contrast (left, right). Double-click: fit and reset.</source>
        <translation>Roda do rato: zoom. Arrastar: mover. Arrastar com o botão direito: brilho (cima, baixo) e contraste (esquerda, direita). Duplo clique: ajustar e repor.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="+29"/>
        <source>Pneumonia likely</source>
        <extracomment>(background, text) colours; dark text on a pale tint keeps contrast above WCAG AA.</extracomment>
        <translation>Pneumonia provável</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pneumonia signs</source>
        <translation>Sem sinais de pneumonia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Screened</source>
        <translation>Rastreado</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rejeitado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read</source>
        <translation>Ilegível</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pneumonia confirmed</source>
        <translation>Pneumonia confirmada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No pneumonia</source>
        <translation>Sem pneumonia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other finding</source>
        <translation>Outro achado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not assessable</source>
        <translation>Não avaliável</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pneumonia</source>
        <translation>Pneumonia</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this clinic&apos;s site threshold</source>
        <translation>o limiar local desta unidade sanitária</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the model&apos;s threshold</source>
        <translation>o limiar do modelo</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not judged: rejected</source>
        <translation>Não avaliada: rejeitada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not judged: the file could not be read</source>
        <translation>Não avaliada: não foi possível ler o ficheiro</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../desktop/language_menu.py" line="+18"/>
        <source>The language changes when PneumoScreen is next started.</source>
        <translation>O idioma muda no próximo arranque do PneumoScreen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window&apos;s language; it changes when PneumoScreen is next started</source>
        <translation>Idioma da janela; muda no próximo arranque do PneumoScreen</translation>
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
        <translation>PneumoScreen: auxiliar de rastreio em radiografias do tórax</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading the screening model…</source>
        <translation>A carregar o modelo de rastreio…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Model ready</source>
        <translation>Modelo pronto</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Screening starts once the model is loaded…</source>
        <translation>O rastreio começa assim que o modelo estiver carregado…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelling after the files in progress…</source>
        <translation>A cancelar após os ficheiros em curso…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model not available</source>
        <translation>Modelo indisponível</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Screening… ({n} more batch waiting)</source>
        <translation>A rastrear… (mais {n} lote em espera)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening… ({n} more batches waiting)</source>
        <translation>A rastrear… (mais {n} lotes em espera)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screening…</source>
        <translation>A rastrear…</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+13"/>
        <source>Every result shown has been reviewed.</source>
        <translation>Todos os resultados mostrados foram revistos.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Review saved: {decision} for {file}.</source>
        <translation>Revisão guardada: {decision} para {file}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Threshold unknown: the site profile is damaged</source>
        <translation>Limiar desconhecido: o perfil local está danificado</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The model card cannot be read.</source>
        <translation>Não é possível ler a ficha do modelo.</translation>
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
        <translation>A mostrar {shown} de {n} resultado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing {shown} of {n} results</source>
        <translation>A mostrar {shown} de {n} resultados</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Exported {n} result to {path}</source>
        <translation>{n} resultado exportado para {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {n} results to {path}</source>
        <translation>{n} resultados exportados para {path}</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <location filename="../../desktop/card_texts.py" line="+22"/>
        <source>Screening aid for frontal chest X-rays at clinics without a radiologist: flags images likely to show pneumonia for a clinician&apos;s review. Not a diagnosis.</source>
        <extracomment>`intended_use`.</extracomment>
        <translation>Auxiliar de rastreio para radiografias frontais do tórax em clínicas sem radiologista: assinala as imagens que provavelmente mostram pneumonia, para revisão por um clínico. Não é um diagnóstico.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trained on pediatric (ages 1-5) frontal chest X-rays from one hospital (Guangzhou Women and Children&apos;s Medical Center); not validated on adults, other hospitals or other X-ray machines.</source>
        <extracomment>`limitations`, one sentence each.</extracomment>
        <translation>Treinado com radiografias frontais do tórax de crianças (1-5 anos) de um único hospital (Guangzhou Women and Children&apos;s Medical Center); não validado em adultos, noutros hospitais nem noutros aparelhos de raios X.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Distinguishes pneumonia from normal only; other findings are not detected.</source>
        <translation>Distingue apenas pneumonia de normal; outros achados não são detectados.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lateral views, other body parts and non-X-ray images are outside its scope.</source>
        <translation>Incidências laterais, outras partes do corpo e imagens que não sejam radiografias estão fora do seu âmbito.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The heatmap shows where the model looked, not where the disease is.</source>
        <translation>O mapa de calor mostra as zonas que o modelo observou, não onde está a doença.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On adults&apos; films its score carries no information (AUC 0.38 against NIH&apos;s labels), so a film of unknown age that looks like an adult&apos;s is not scored: the population check refused 98% of held-out adult films and 3.7% of held-out children&apos;s films, all normal.</source>
        <translation>Em radiografias de adultos, a sua pontuação não traz informação (AUC 0,38 face aos rótulos do NIH); por isso, uma radiografia de idade desconhecida que pareça de adulto não é analisada: a verificação de população recusou 98% das radiografias de adultos reservadas para avaliação e 3,7% das de crianças, todas normais.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A patient known to be 18 or older gets no score either, whatever the site&apos;s age rule: the adults measured were 18 to 85 years old.</source>
        <translation>Um doente que se sabe ter 18 anos ou mais também não recebe pontuação, seja qual for a regra de idade local: os adultos medidos tinham entre 18 e 85 anos.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>327 images of the official test split that were never given to the developers, measured independently of them with the int8 file at the shipped threshold</source>
        <extracomment>What the figures are: `independent_evaluation.about` (`.set` where a card has no `about`) and `performance.note`.</extracomment>
        <translation>327 imagens da partição de teste oficial nunca entregues aos programadores, medidas independentemente deles com o ficheiro int8 no limiar distribuído</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>measured on the int8 file at the shipped threshold; test-dev also chose the calibration and threshold, so its figures are optimistic; an independent held-out half of the test split measures the model separately</source>
        <translation>medido com o ficheiro int8 no limiar distribuído; o test-dev também serviu para escolher a calibração e o limiar, pelo que os seus valores são optimistas; uma metade independente e reservada da partição de teste mede o modelo separadamente</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>adults&apos; frontal chest X-rays: the screening model alone, measured independently of the developers with the int8 file at the shipped threshold, before the population check existed; and the share of films the app now refuses without a label when the age is not known, measured by the developers on the held-out part of each folder</source>
        <extracomment>`adult_evaluation.about` and each of its sets&apos; `set`, the card&apos;s own and its `previous_release`&apos;s.</extracomment>
        <translation>radiografias frontais do tórax de adultos: o modelo de rastreio sozinho, medido independentemente dos programadores com o ficheiro int8 no limiar distribuído, antes de existir a verificação de população; e a parte das radiografias que a aplicação agora recusa sem rótulo quando a idade não é conhecida, medida pelos programadores na parte reservada de cada pasta</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>adults&apos; frontal chest X-rays, the held-out part of each folder (no adult film trained or chose this model): the screening model alone, measured by the developers with the int8 file at the shipped threshold, every film scored; and the share of films the app refuses without a label when the age is not known</source>
        <translation>radiografias frontais do tórax de adultos, a parte reservada de cada pasta (nenhuma radiografia de adulto treinou ou escolheu este modelo): o modelo de rastreio sozinho, medido pelos programadores com o ficheiro int8 no limiar distribuído, com todas as radiografias pontuadas; e a parte das radiografias que a aplicação recusa sem rótulo quando a idade não é conhecida</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NIH Clinical Center adults, normal and pneumonia (nih-adult)</source>
        <translation>Adultos do NIH Clinical Center, normais e pneumonias (nih-adult)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIH adults&apos; pneumonias confirmed by RSNA radiologists, against NIH&apos;s normals (nih-adult)</source>
        <translation>Pneumonias de adultos do NIH confirmadas por radiologistas da RSNA, face aos normais do NIH (nih-adult)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NIH adults read as normal by RSNA radiologists (rsna-normal-adult)</source>
        <translation>Adultos do NIH lidos como normais por radiologistas da RSNA (rsna-normal-adult)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>adult films from many other hospitals, mostly COVID-19 and other pneumonias, 37 normals</source>
        <translation>radiografias de adultos de muitos outros hospitais, sobretudo COVID-19 e outras pneumonias, 37 normais</translation>
    </message>
</context>
<context>
    <name>Patient</name>
    <message>
        <location filename="../../desktop/patient_text.py" line="+31"/>
        <source>Female</source>
        <extracomment>The sign before the Patient cell of a film outside the validated ages. The roles `patient_warning_data` answers for the Patient cell. PatientSex codes and their words (translated where shown, once the translator is loaded).</extracomment>
        <translation>Feminino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Masculino</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Outro</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{n} years</source>
        <translation>{n} anos</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>1 month</source>
        <translation>1 mês</translation>
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
        <translation>O paciente tem {age} de idade: {warning}. Interprete este resultado com cuidado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The patient is {age} old: outside the ages this model was validated on ({low}-{high} years). Read this result with care.</source>
        <translation>O paciente tem {age} de idade: fora das idades em que este modelo foi validado ({low}-{high} anos). Interprete este resultado com cuidado.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Patient:</source>
        <translation>Paciente:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex, age:</source>
        <translation>Sexo, idade:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study date:</source>
        <translation>Data do exame:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>born {date}</source>
        <translation>nasc. {date}</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <location filename="../../desktop/patient_form.py" line="+56"/>
        <source>Patient ID</source>
        <extracomment>The age box&apos;s value for &quot;not known&quot; (shown as words, not as a number).</extracomment>
        <translation>ID do paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient name</source>
        <translation>Nome do paciente</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stated</source>
        <translation>Não indicado</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not known</source>
        <translation>desconhecida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> years</source>
        <translation> anos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age in years</source>
        <translation>Idade em anos</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save patient</source>
        <translation>Guardar paciente</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient ID:</source>
        <translation>ID do paciente:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nome:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex:</source>
        <translation>Sexo:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age:</source>
        <translation>Idade:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A young child&apos;s film?
Type the age to screen it…</source>
        <translation>Radiografia de uma criança pequena?
Introduza a idade para a analisar…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the patient&apos;s details…</source>
        <translation>Editar os dados do paciente…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file has no patient data:
type the patient&apos;s details…</source>
        <translation>Este ficheiro não tem dados do paciente:
introduza-os…</translation>
    </message>
</context>
<context>
    <name>PerformanceDialog</name>
    <message>
        <location filename="../../desktop/performance_dialog.py" line="+66"/>
        <source>How the model does here</source>
        <translation>Desempenho local do modelo</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the reviewed results…</source>
        <translation>A ler os resultados revistos…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Figures (reviewer&apos;s decision = truth)</source>
        <translation>Valores (decisão do revisor = verdade)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sensitivity (pneumonia found):</source>
        <translation>Sensibilidade (pneumonias detectadas):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity (healthy films passed):</source>
        <translation>Especificidade (radiografias saudáveis não assinaladas):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUC (ranking, threshold aside):</source>
        <translation>AUC (ordenação, independente do limiar):</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counts at the threshold in force</source>
        <translation>Contagens no limiar em vigor</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Model: pneumonia likely&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modelo: pneumonia provável&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Model: no pneumonia signs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modelo: sem sinais de pneumonia&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewer: pneumonia&lt;/b&gt;</source>
        <translation>&lt;b&gt;Revisor: pneumonia&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewer: no pneumonia&lt;/b&gt;</source>
        <translation>&lt;b&gt;Revisor: sem pneumonia&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{n} reviewed results: {pneumonia} confirmed pneumonia, {normal} no pneumonia. Figures at threshold {threshold} ({source}).</source>
        <translation>{n} resultados revistos: {pneumonia} com pneumonia confirmada, {normal} sem pneumonia. Valores no limiar {threshold} ({source}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>threshold {threshold}</source>
        <translation>limiar {threshold}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{decision}: {n}</source>
        <translation>{decision}: {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rejected or unreadable files: {n}</source>
        <translation>ficheiros rejeitados ou ilegíveis: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out of the figures: {parts}.</source>
        <translation>Excluídos dos valores: {parts}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>nenhum</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reviewed results could not be read.</source>
        <translation>Não foi possível ler os resultados revistos.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../desktop/progress_panel.py" line="+28"/>
        <source>%v of %m files</source>
        <translation>%v de %m ficheiros</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening progress</source>
        <translation>Progresso do rastreio</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%v of {n} file</source>
        <translation>%v de {n} ficheiro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%v of {n} files</source>
        <translation>%v de {n} ficheiros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding files…</source>
        <translation>A procurar ficheiros…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About {n} s left</source>
        <translation>Faltam cerca de {n} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About {n} min left</source>
        <translation>Faltam cerca de {n} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About {h} h {m} min left</source>
        <translation>Faltam cerca de {h} h {m} min</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{files}: {screened}, {rejected}, {errors} ({cached}).</source>
        <translation>{files}: {screened}, {rejected}, {errors} ({cached}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} file</source>
        <translation>{n} ficheiro</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} files</source>
        <translation>{n} ficheiros</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} screened</source>
        <comment>one</comment>
        <translation>{n} rastreado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} screened</source>
        <comment>many</comment>
        <translation>{n} rastreados</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} rejected</source>
        <comment>one</comment>
        <translation>{n} rejeitado</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} rejected</source>
        <comment>many</comment>
        <translation>{n} rejeitados</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} could not be read</source>
        <comment>one</comment>
        <translation>{n} ilegível</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} could not be read</source>
        <comment>many</comment>
        <translation>{n} ilegíveis</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} answered from the log</source>
        <comment>one</comment>
        <translation>{n} já existente no registo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} answered from the log</source>
        <comment>many</comment>
        <translation>{n} já existentes no registo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled; the results so far are kept. </source>
        <translation>Cancelado; os resultados obtidos até agora foram mantidos. </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/qt_dialog_texts.py" line="+14"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Procurar em:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Ficheiros do &amp;tipo:</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <location filename="../../desktop/reason_texts.py" line="+25"/>
        <source>Too small to judge</source>
        <extracomment>code -&gt; (a short name for a table cell, a sentence), untranslated (`QT_TRANSLATE_NOOP` marks them for pyside6-lupdate; `QCoreApplication.translate` translates them when shown).</extracomment>
        <translation>Demasiado pequena para avaliar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is too small to judge.</source>
        <translation>A imagem é demasiado pequena para ser avaliada.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank or uniform image</source>
        <translation>Imagem em branco ou uniforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is blank, uniform or saturated: there is no X-ray to judge.</source>
        <translation>A imagem está em branco, é uniforme ou está saturada: não há nenhuma radiografia para avaliar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour picture, not an X-ray</source>
        <translation>A cores, não é radiografia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a colour picture, not an X-ray (X-rays are shades of grey), so it was not scored.</source>
        <translation>Trata-se de uma imagem a cores, não de uma radiografia (as radiografias são em tons de cinzento), pelo que não recebeu pontuação.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a frontal chest X-ray</source>
        <translation>Não é radiografia frontal do tórax</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This does not look like a frontal chest X-ray, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened: not photos, documents, screenshots, CT slices, side views, or X-rays that are inverted, turned, mirrored or cropped.</source>
        <translation>Esta imagem não parece ser uma radiografia frontal do tórax, pelo que não recebeu pontuação. Só podem ser rastreadas radiografias do tórax em incidência ântero-posterior ou póstero-anterior: não fotografias, documentos, capturas de ecrã, cortes de TC, incidências laterais, nem radiografias invertidas, rodadas, espelhadas ou recortadas.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Side view</source>
        <translation>Incidência lateral</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a side (lateral) view of the chest, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened.</source>
        <translation>Esta imagem parece ser uma incidência lateral do tórax, pelo que não recebeu pontuação. Só podem ser rastreadas radiografias do tórax em incidência ântero-posterior ou póstero-anterior.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CT slice</source>
        <translation>Corte de TC</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a CT slice, not a chest X-ray, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened.</source>
        <translation>Esta imagem parece ser um corte de TC, não uma radiografia do tórax, pelo que não recebeu pontuação. Só podem ser rastreadas radiografias do tórax em incidência ântero-posterior ou póstero-anterior.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not an X-ray</source>
        <translation>Não é uma radiografia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a photo, a document or a screenshot, not an X-ray, so it was not scored. Open the X-ray&apos;s own image file instead.</source>
        <translation>Esta imagem parece ser uma fotografia, um documento ou uma captura de ecrã, não uma radiografia, pelo que não recebeu pontuação. Abra antes o ficheiro de imagem da própria radiografia.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inverted film</source>
        <translation>Radiografia invertida</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This X-ray looks inverted (bones dark, lungs light), so it was not scored. Export it again as a normal film, with bones white.</source>
        <translation>Esta radiografia parece invertida (ossos escuros, pulmões claros), pelo que não recebeu pontuação. Exporte-a novamente como radiografia normal, com os ossos brancos.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Turned or mirrored</source>
        <translation>Rodada ou espelhada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This X-ray looks turned, upside down or mirrored, so it was not scored. Export or scan it again the right way round.</source>
        <translation>Esta radiografia parece rodada, de cabeça para baixo ou espelhada, pelo que não recebeu pontuação. Exporte-a ou digitalize-a novamente na orientação correcta.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cropped film</source>
        <translation>Radiografia recortada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like only part of a chest X-ray, so it was not scored. The whole chest must be in the image.</source>
        <translation>Esta imagem parece ser apenas uma parte de uma radiografia do tórax, pelo que não recebeu pontuação. O tórax inteiro tem de estar na imagem.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outside the validated ages</source>
        <translation>Fora das idades validadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient&apos;s age is outside the ages this model was validated on, and this clinic does not screen such films.</source>
        <translation>A idade do paciente está fora das idades em que este modelo foi validado, e esta unidade sanitária não rastreia essas radiografias.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Looks like an adult&apos;s film</source>
        <translation>Parece uma radiografia de adulto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This film looks like an adult&apos;s. The model was validated on young children only, so it was not scored. If the patient is a young child, type the age in the patient&apos;s details: the film is then screened.</source>
        <translation>Esta radiografia parece ser de um adulto. O modelo só foi validado em crianças pequenas, por isso não foi analisada. Se o doente for uma criança pequena, introduza a idade nos dados do doente: a radiografia é então analisada.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adult patient</source>
        <translation>Doente adulto</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient is an adult. The model was validated on young children only, and on adults&apos; films its score was measured to be no better than chance, so it was not scored. Have the film read by a clinician.</source>
        <translation>O doente é um adulto. O modelo foi validado apenas em crianças pequenas e, em radiografias de adultos, a sua pontuação não é melhor do que o acaso, por isso esta radiografia não foi analisada. Peça a um clínico que a leia.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File not found</source>
        <translation>Ficheiro não encontrado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file does not exist: it was moved, renamed or deleted, or its disk was removed.</source>
        <translation>O ficheiro não existe: foi movido, mudado de nome ou eliminado, ou o disco em que estava foi retirado.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Permission denied</source>
        <translation>Permissão negada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s user may not read the file.</source>
        <translation>O utilizador deste computador não tem permissão para ler o ficheiro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a file</source>
        <translation>Não é um ficheiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is a folder, a named pipe, a device or a socket, not a file.</source>
        <translation>Trata-se de uma pasta, de um pipe nomeado, de um dispositivo ou de um socket, não de um ficheiro.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name too long</source>
        <translation>Nome demasiado longo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s name or folder path is longer than the system allows.</source>
        <translation>O nome do ficheiro ou o caminho da pasta é mais longo do que o sistema permite.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open the file</source>
        <translation>Falha ao abrir o ficheiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system could not open or read the file.</source>
        <translation>O sistema não conseguiu abrir nem ler o ficheiro.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty file</source>
        <translation>Ficheiro vazio</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is empty.</source>
        <translation>O ficheiro está vazio.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too large</source>
        <translation>Demasiado grande</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file or its image is too large to read safely. Export a smaller copy.</source>
        <translation>O ficheiro ou a sua imagem são demasiado grandes para serem lidos com segurança. Exporte uma cópia mais pequena.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not an image</source>
        <translation>Não é uma imagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not an image in a supported format.</source>
        <translation>O ficheiro não é uma imagem num formato suportado.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format not supported</source>
        <translation>Formato não suportado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is in a format PneumoScreen does not read (such as HEIC or PDF). Save it as JPEG or PNG.</source>
        <translation>A imagem está num formato que o PneumoScreen não lê (como HEIC ou PDF). Guarde-a como JPEG ou PNG.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DICOM not supported</source>
        <translation>DICOM não suportado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This DICOM file holds no image, or its image is stored in a way PneumoScreen cannot decode.</source>
        <translation>Este ficheiro DICOM não contém nenhuma imagem, ou a sua imagem está armazenada de uma forma que o PneumoScreen não consegue descodificar.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Damaged file</source>
        <translation>Ficheiro danificado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or incomplete.</source>
        <translation>O ficheiro está danificado ou incompleto.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Took too long to decode</source>
        <translation>Descodificação demasiado lenta</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image took too long to decode.</source>
        <translation>A descodificação da imagem demorou demasiado tempo.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decoder did not start</source>
        <translation>Descodificador não iniciado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image decoder could not be started. Close other programs and try again.</source>
        <translation>Não foi possível iniciar o descodificador de imagens. Feche outros programas e tente novamente.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not enough memory</source>
        <translation>Memória insuficiente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There was not enough memory to decode the image. Close other programs and try again.</source>
        <translation>Não havia memória suficiente para descodificar a imagem. Feche outros programas e tente novamente.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected problem</source>
        <translation>Problema inesperado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected problem stopped this file from being screened.</source>
        <translation>Um problema inesperado impediu o rastreio deste ficheiro.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not screened</source>
        <translation>Não rastreado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file was not screened; an older PneumoScreen logged why, in English only.</source>
        <translation>Este ficheiro não foi rastreado; uma versão anterior do PneumoScreen registou o motivo, apenas em inglês.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop/report.py" line="+76"/>
        <source>Chest X-ray screening report</source>
        <extracomment>The heatmap&apos;s opacity on the report: the detail pane&apos;s default. The report&apos;s pictures are at most this many pixels a side (sharp at 300 dpi, small PDFs).</extracomment>
        <translation>Relatório de rastreio em radiografia do tórax</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PneumoScreen report: {who}</source>
        <translation>Relatório PneumoScreen: {who}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Screening aid, not a diagnosis. A clinician must review every image. The model was trained on children&apos;s frontal chest X-rays from one hospital.</source>
        <translation>Auxiliar de rastreio, não um diagnóstico. Um clínico tem de rever todas as imagens. O modelo foi treinado com radiografias frontais do tórax de crianças de um único hospital.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reviewed by (name):</source>
        <translation>Revisto por (nome):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature:</source>
        <translation>Assinatura:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Data:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(clinic name not set)</source>
        <translation>(nome da unidade sanitária não definido)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed {when}</source>
        <translation>Impresso em {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../desktop/report_summary.py" line="+126"/>
        <source>Patient name</source>
        <translation>Nome do paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/report_summary.py" line="-1"/>
        <source>Patient ID</source>
        <translation>ID do paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Idade</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth date</source>
        <translation>Data de nascimento</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Study date</source>
        <translation>Data do exame</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Age:</source>
        <translation>Idade:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image cannot be read.</source>
        <translation>Não é possível ler a imagem.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image cannot be shown: {problem}</source>
        <translation>Não é possível mostrar a imagem: {problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The X-ray</source>
        <translation>A radiografia</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Where the model saw signs of pneumonia</source>
        <translation>Onde o modelo viu sinais de pneumonia</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Heatmap colours:</source>
        <translation>Cores do mapa de calor:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weak</source>
        <translation>fraco</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong</source>
        <translation>forte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no colour: no sign of pneumonia</source>
        <translation>sem cor: nenhum sinal de pneumonia</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pneumonia score {score} of 100, against a threshold of {threshold} ({source}): a score at or above the threshold means pneumonia is likely.</source>
        <translation>Pontuação de pneumonia {score} em 100, face a um limiar de {threshold} ({source}): uma pontuação igual ou superior ao limiar significa que a pneumonia é provável.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reason:</source>
        <translation>Motivo:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clinician&apos;s review:</source>
        <translation>Revisão do clínico:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not reviewed yet</source>
        <translation>ainda não revisto</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{decision}, by {reviewer} on {when}</source>
        <translation>{decision}, por {reviewer} em {when}</translation>
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
        <translation>Ficheiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screened</source>
        <translation>Rastreado em</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model version</source>
        <translation>Versão do modelo</translation>
    </message>
    <message>
        <location filename="../../desktop/report_summary.py" line="-58"/>
        <source>{n} films: {p} pneumonia likely, {c} no pneumonia signs, {r} rejected, {u} could not be read; {v} reviewed.</source>
        <translation>{n} radiografias: {p} com pneumonia provável, {c} sem sinais de pneumonia, {r} rejeitadas, {u} ilegíveis; {v} revistas.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Day summary: {day}</source>
        <translation>Resumo do dia: {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Films screened</source>
        <translation>Radiografias rastreadas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pneumonia likely</source>
        <translation>Pneumonia provável</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No pneumonia signs</source>
        <translation>Sem sinais de pneumonia</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected (not a usable frontal chest X-ray)</source>
        <translation>Rejeitadas (não são radiografias frontais do tórax utilizáveis)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be read</source>
        <translation>Ilegíveis</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by a clinician</source>
        <translation>Revistas por um clínico</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flagged films: pneumonia likely</source>
        <translation>Radiografias assinaladas: pneumonia provável</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No film was flagged on this day.</source>
        <translation>Nenhuma radiografia foi assinalada neste dia.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Score</source>
        <translation>Pontuação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revisão</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not reviewed</source>
        <translation>não revista</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/report_dialog.py" line="+69"/>
        <source>Save the report as PDF</source>
        <translation>Guardar o relatório como PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Ficheiros PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>e.g. Kisumu District Clinic</source>
        <translation>p. ex. Centro de Saúde da Manhiça</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clinic name:</source>
        <translation>&amp;Nome da unidade sanitária:</translation>
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
        <translation>Seleccione um resultado para imprimir o respectivo relatório.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print report</source>
        <translation>Imprimir relatório</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Day summary report</source>
        <translation>Relatório de resumo do dia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Day:</source>
        <translation>&amp;Dia:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Report saved: {pages} page(s) in {path}</source>
        <translation>Relatório guardado: {pages} página(s) em {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report printed.</source>
        <translation>Relatório impresso.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../desktop/results_model.py" line="+72"/>
        <source>Image</source>
        <extracomment>Why a rejected or unreadable file got no score, in short (the whole sentence is its tooltip). Last in the model so the other columns keep their numbers; the view shows it beside Status. The value the proxy sorts by: a number or casefolded text, so sorting never compares text where a number is meant (&quot;9.5&quot; &gt; &quot;10.0&quot;). The whole `ScreeningResult` of a row. The row&apos;s latest `Review`, or None while nobody has reviewed it. Columns whose first header click sorts highest first (score, most severe label, newest).</extracomment>
        <translation>Imagem</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Ficheiro</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Paciente</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Pontuação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Classificação</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screened</source>
        <translation>Rastreado em</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Revisão</translation>
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
        <translation>O revisor discorda do modelo.</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../desktop/results_table.py" line="+114"/>
        <source>Screening results</source>
        <extracomment>A row&apos;s thumbnail, in logical pixels: small enough that a laptop&apos;s 600-pixel screen shows a dozen rows, large enough to tell a chest film from a document. The detail pane shows it large. The File column never gets narrower than this, so the end of a long name (its distinguishing part: a patient number, a date, a view) stays readable; the columns right of it scroll instead. The share of a too-long file name&apos;s cell given to its end.</extracomment>
        <translation>Resultados do rastreio</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/review_panel.py" line="+57"/>
        <source>Clinician&apos;s review</source>
        <extracomment>The decisions in the order of their buttons and keys (1-4).</extracomment>
        <translation>Revisão do clínico</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>{key}  {decision}</source>
        <translation>{key}  {decision}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the clinician&apos;s decision: {decision} (key {key})</source>
        <translation>Registar a decisão do clínico: {decision} (tecla {key})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Note (optional)</source>
        <translation>Nota (opcional)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review note</source>
        <translation>Nota da revisão</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name</source>
        <translation>O seu nome</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer&apos;s name</source>
        <translation>Nome do revisor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved with each decision; remembered on this computer</source>
        <translation>Guardado com cada decisão; memorizado neste computador</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revi&amp;ewer:</source>
        <translation>Revis&amp;or:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>Quando</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer</source>
        <translation>Revisor</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>Decisão</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review history</source>
        <translation>Histórico de revisões</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select a row to review it.</source>
        <translation>Seleccione uma linha para a rever.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not reviewed yet. Press 1-4 to record a decision.</source>
        <translation>Ainda não revisto. Prima 1-4 para registar uma decisão.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Reviewed:&lt;/b&gt; {decision}, by {reviewer}, {time}</source>
        <translation>&lt;b&gt;Revisto:&lt;/b&gt; {decision}, por {reviewer}, {time}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Who is reviewing?</source>
        <translation>Quem está a rever?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name is saved with each decision, so the log shows who decided what. It is remembered on this computer; change it in the review panel.</source>
        <translation>O seu nome é guardado com cada decisão, para que o registo mostre quem decidiu o quê. Fica memorizado neste computador; altere-o no painel de revisão.</translation>
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
        <translation>1 - especificidade (radiografias saudáveis assinaladas)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No curve yet: it needs reviewed results of both kinds.</source>
        <translation>Ainda sem curva: são necessários resultados revistos dos dois tipos.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sensitivity</source>
        <translation>Sensibilidade</translation>
    </message>
</context>
<context>
    <name>ScoreBar</name>
    <message>
        <location filename="../../desktop/score_bar.py" line="+24"/>
        <source>Score against threshold</source>
        <translation>Pontuação face ao limiar</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score {score} of 100; threshold {threshold}</source>
        <translation>Pontuação {score} em 100; limiar {threshold}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>threshold {value}</source>
        <translation>limiar {value}</translation>
    </message>
</context>
<context>
    <name>SiteThresholdDialog</name>
    <message>
        <location filename="../../desktop/site_threshold_dialog.py" line="+80"/>
        <source>Site threshold (administrator&apos;s task)</source>
        <extracomment>Thresholds shown in the trade-off table besides the model&apos;s, the proposed and the one in force.</extracomment>
        <translation>Limiar local (tarefa do administrador)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;b&gt;An administrator&apos;s task.&lt;/b&gt; The site threshold decides “Pneumonia likely” for every film screened from now on, for this model version. It is proposed from the results your clinicians reviewed: set it only when they are many and recent, and tell the clinicians.</source>
        <translation>&lt;b&gt;Tarefa do administrador.&lt;/b&gt; O limiar local decide a classificação «Pneumonia provável» de todas as radiografias rastreadas a partir de agora, para esta versão do modelo. É proposto a partir dos resultados revistos pelos seus clínicos: defina-o apenas quando estes forem muitos e recentes, e informe os clínicos.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Target sensitivity</source>
        <translation>Sensibilidade-alvo</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>O seu nome</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Target sensitivity:</source>
        <translation>Sensibilidade-&amp;alvo:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;by:</source>
        <translation>&amp;Definido por:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Threshold</source>
        <translation>Limiar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitivity</source>
        <translation>Sensibilidade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity</source>
        <translation>Especificidade</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Films flagged</source>
        <translation>Radiografias assinaladas</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trade-off between thresholds</source>
        <translation>Compromisso entre limiares</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply the proposed threshold…</source>
        <translation>A&amp;plicar o limiar proposto…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset to the model&apos;s threshold…</source>
        <translation>&amp;Repor o limiar do modelo…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The site profile is damaged, so no threshold is in force and nothing is screened. Reset to the model&apos;s threshold ({model}): the damaged file is kept beside it under another name.</source>
        <translation>O perfil local está danificado, pelo que nenhum limiar está em vigor e nada é rastreado. Reponha o limiar do modelo ({model}): o ficheiro danificado é mantido na mesma pasta com outro nome.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In force now: threshold {threshold}, {source}. The model&apos;s own threshold is {model}.</source>
        <translation>Em vigor: limiar {threshold}, {source}. O limiar próprio do modelo é {model}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the reviewed results…</source>
        <translation>A ler os resultados revistos…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviewed results of this model version: {pneumonia} confirmed pneumonia, {normal} no pneumonia (at least {minimum} of each are needed).</source>
        <translation>Resultados revistos desta versão do modelo: {pneumonia} com pneumonia confirmada, {normal} sem pneumonia (são necessários pelo menos {minimum} de cada).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Proposed threshold: {threshold}. On the reviewed films it finds {sensitivity:.1%} of pneumonia, passes {specificity:.1%} of healthy films, and flags {flagged:.0%} of all films.</source>
        <translation>Limiar proposto: {threshold}. Nas radiografias revistas, detecta {sensitivity:.1%} das pneumonias, deixa passar {specificity:.1%} das radiografias saudáveis e assinala {flagged:.0%} de todas as radiografias.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{n} more confirmed-pneumonia reviews</source>
        <translation>mais {n} revisões com pneumonia confirmada</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} more no-pneumonia reviews</source>
        <translation>mais {n} revisões sem pneumonia</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not enough evidence yet: {needs} are needed before a site threshold can be proposed. Review more results (keys 1-4 in the main window), then come back.</source>
        <translation>Ainda não há dados suficientes: são necessárias {needs} antes de se poder propor um limiar local. Reveja mais resultados (teclas 1-4 na janela principal) e volte depois.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> and </source>
        <translation> e </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the model&apos;s</source>
        <translation>do modelo</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in force</source>
        <translation>em vigor</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>proposed</source>
        <translation>proposto</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Enter your name first: it is kept with the change.</source>
        <translation>Introduza primeiro o seu nome: fica registado com a alteração.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change the site threshold?</source>
        <translation>Alterar o limiar local?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Set the site threshold to {threshold} for this model version, as {name}?

From now on a film scoring {threshold} or more is labelled “Pneumonia likely”. Evidence: {pneumonia} confirmed pneumonia and {normal} no-pneumonia reviews, target sensitivity {target:.0%}.</source>
        <translation>Fixar o limiar local em {threshold} para esta versão do modelo, em nome de {name}?

A partir de agora, uma radiografia com pontuação igual ou superior a {threshold} é classificada como «Pneumonia provável». Dados: {pneumonia} revisões com pneumonia confirmada e {normal} sem pneumonia; sensibilidade-alvo {target:.0%}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Go back to the model&apos;s own threshold ({threshold}), as {name}? The site threshold stays in the profile&apos;s history.</source>
        <translation>Voltar ao limiar próprio do modelo ({threshold}), em nome de {name}? O limiar local fica no histórico do perfil.</translation>
    </message>
</context>
<context>
    <name>Threshold</name>
    <message>
        <location filename="../../desktop/threshold_state.py" line="+58"/>
        <source>Threshold {threshold} ({source})</source>
        <translation>Limiar {threshold} ({source})</translation>
    </message>
</context>
<context>
    <name>WatchFolders</name>
    <message>
        <location filename="../../desktop/watch_folders.py" line="+132"/>
        <source>&amp;Watch folders…</source>
        <translation>Pastas &amp;vigiadas…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen new X-rays in chosen folders as they arrive</source>
        <translation>Rastrear as novas radiografias nas pastas escolhidas à medida que chegam</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Pneumonia likely: {files} (from a watched folder)</source>
        <translation>Pneumonia provável: {files} (de uma pasta vigiada)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Watched folder unavailable: {folder}; waiting for it</source>
        <translation>Pasta vigiada indisponível: {folder}; a aguardar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Watching {n} of {total} folders ({m} unavailable)</source>
        <translation>A vigiar {n} de {total} pastas ({m} indisponíveis)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Watching 1 folder</source>
        <translation>A vigiar 1 pasta</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watching {n} folders</source>
        <translation>A vigiar {n} pastas</translation>
    </message>
    <message>
        <location filename="../../desktop/watch_folders_dialog.py" line="+39"/>
        <source>Watching</source>
        <translation>A vigiar</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (removed or unplugged?)</source>
        <translation>Indisponível (removida ou desligada?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting…</source>
        <translation>A iniciar…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Watch folders</source>
        <translation>Pastas vigiadas</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New X-rays in these folders (and their subfolders) are screened as they arrive, once each file has been completely copied. Pneumonia-likely results are announced. The folders are remembered when PneumoScreen is closed.</source>
        <translation>As novas radiografias nestas pastas (e nas suas subpastas) são rastreadas à medida que chegam, assim que cada ficheiro estiver completamente copiado. Os resultados de pneumonia provável são anunciados. As pastas são memorizadas quando o PneumoScreen é fechado.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add folder…</source>
        <translation>&amp;Adicionar pasta…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Remover</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{folder} is not there now; it is watched again when it is back.</source>
        <translation>{folder} não está disponível neste momento; voltará a ser vigiada quando estiver de volta.</translation>
    </message>
</context>
</TS>
