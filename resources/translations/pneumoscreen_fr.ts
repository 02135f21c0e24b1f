<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../desktop/about_dialog.py" line="+27"/>
        <source>this program</source>
        <extracomment>(component, what it is here, licence, distribution name for the version or None). The roles are marked for translation here and translated when shown.</extracomment>
        <translation>ce programme</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>training data of the model</source>
        <translation>données d&apos;entraînement du modèle</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>the window</source>
        <translation>la fenêtre</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>runs the model</source>
        <translation>exécute le modèle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>reads DICOM files</source>
        <translation>lit les fichiers DICOM</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decodes compressed DICOM</source>
        <translation>décode le DICOM compressé</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>reads JPEG and PNG</source>
        <translation>lit les JPEG et PNG</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>arrays</source>
        <translation>tableaux numériques</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>decodes JPEG strictly (libjpeg-turbo)</source>
        <translation>décode le JPEG de façon stricte (libjpeg-turbo)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>watches folders for new films</source>
        <translation>surveille l&apos;arrivée de nouveaux clichés dans les dossiers</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>About PneumoScreen</source>
        <translation>À propos de PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Model</source>
        <translation>&amp;Modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Licences</source>
        <translation>&amp;Licences</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Privacy</source>
        <translation>&amp;Confidentialité</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The model card cannot be read.</source>
        <translation>Impossible de lire la fiche du modèle.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A screening aid, not a diagnosis.</source>
        <translation>Une aide au dépistage, pas un diagnostic.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Intended use</source>
        <translation>Utilisation prévue</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Limitations</source>
        <translation>Limites</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Measured performance</source>
        <translation>Performances mesurées</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>At the decision threshold {threshold} (score 0-100), with 95% confidence intervals:</source>
        <translation>Au seuil de décision {threshold} (score 0-100), avec intervalles de confiance à 95&#xa0;%&#xa0;:</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test (development)</source>
        <translation>Test (développement)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Test (independent, held out)</source>
        <translation>Test (indépendant, jeu réservé)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Test (development), model {version}</source>
        <translation>Test (développement), modèle {version}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Test (independent, held out), model {version}</source>
        <translation>Test (indépendant, jeu réservé), modèle {version}</translation>
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
        <translation>Sensibilité</translation>
    </message>
    <message>
        <location line="-58"/>
        <source>Specificity</source>
        <translation>Spécificité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Independent evaluation: {about}. {positive} with pneumonia, {negative} without; {rejected} refused by the quality checks.</source>
        <translation>Évaluation indépendante&#xa0;: {about}. {positive} avec pneumonie, {negative} sans&#xa0;; {rejected} refusés par les contrôles de qualité.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model {version}, which this one replaces, is shown at its own threshold {threshold}.</source>
        <translation>Le modèle {version}, que celui-ci remplace, est présenté à son propre seuil {threshold}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Set</source>
        <translation>Jeu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Normal films called pneumonia</source>
        <translation>Clichés normaux dits pneumonie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused now, without a label</source>
        <translation>Refusés désormais, sans étiquette</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>{share} of {n} held out</source>
        <translation>{share} de {n} réservés</translation>
    </message>
    <message>
        <location line="-9"/>
        <source>Adults&apos; films</source>
        <translation>Clichés d&apos;adultes</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Qt {qt}, PySide6 {pyside}</source>
        <translation>Qt {qt}, PySide6 {pyside}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Licences</source>
        <translation>Licences</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Qt is used under the LGPL v3: its libraries are separate files in the installation folder and can be replaced.</source>
        <translation>Qt est utilisé sous licence LGPL v3&#xa0;: ses bibliothèques sont des fichiers distincts dans le dossier d&apos;installation et peuvent être remplacées.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Nothing leaves this computer</source>
        <translation>Rien ne quitte cet ordinateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>PneumoScreen never opens a network connection. Images are read where they are; results, settings and the error log are kept only in this folder:</source>
        <translation>PneumoScreen n&apos;ouvre jamais de connexion réseau. Les images sont lues là où elles se trouvent&#xa0;; les résultats, les réglages et le journal des erreurs sont conservés uniquement dans ce dossier&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The result log holds file names and DICOM patient IDs; it can be read only by your user account. A CSV export goes only where you save it.</source>
        <translation>Le journal des résultats contient des noms de fichiers et des identifiants patients DICOM&#xa0;; seul votre compte utilisateur peut le lire. Un export CSV est enregistré uniquement à l&apos;endroit que vous choisissez.</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../desktop/actions.py" line="+55"/>
        <source>Add &amp;files…</source>
        <translation>Ajouter des &amp;fichiers…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose X-ray files to screen</source>
        <translation>Choisir des radiographies à analyser</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add f&amp;older…</source>
        <translation>Ajouter un &amp;dossier…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a folder; every image inside is screened</source>
        <translation>Choisir un dossier&#xa0;; toutes les images qu&apos;il contient sont analysées</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Export CSV…</source>
        <translation>&amp;Exporter en CSV…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Save results as a CSV file</source>
        <translation>Enregistrer les résultats dans un fichier CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Cancel screening</source>
        <translation>&amp;Annuler le dépistage</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stop after the files in progress; keep results</source>
        <translation>Arrêter après les fichiers en cours&#xa0;; conserver les résultats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Search results</source>
        <translation>&amp;Rechercher dans les résultats</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Search file names, patients and reasons</source>
        <translation>Rechercher par nom de fichier, patient ou motif</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;How the model does here…</source>
        <translation>&amp;Performances sur ce site…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sensitivity, specificity and ROC curve from the reviewed results</source>
        <translation>Sensibilité, spécificité et courbe ROC d&apos;après les résultats relus</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Site threshold…</source>
        <translation>&amp;Seuil du site…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Administrator&apos;s task: set this clinic&apos;s threshold from its reviews</source>
        <translation>Tâche d&apos;administrateur&#xa0;: définir le seuil de cette clinique d&apos;après ses relectures</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About PneumoScreen</source>
        <translation>À &amp;propos de PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Model card, licences and privacy</source>
        <translation>Fiche du modèle, licences et confidentialité</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Close PneumoScreen</source>
        <translation>Fermer PneumoScreen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print report…</source>
        <translation>&amp;Imprimer le rapport…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A one-page report of the selected result, printed or as PDF</source>
        <translation>Rapport d&apos;une page sur le résultat sélectionné, imprimé ou en PDF</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Day summary report…</source>
        <translation>Synthèse du &amp;jour…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Counts and flagged films of one day, printed or as PDF</source>
        <translation>Effectifs et clichés signalés d&apos;une journée, imprimés ou en PDF</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Review</source>
        <translation>&amp;Relecture</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>A&amp;dministration</source>
        <translation>A&amp;dministration</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Main toolbar</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
</context>
<context>
    <name>AgeRuleDialog</name>
    <message>
        <location filename="../../desktop/age_rule_dialog.py" line="+48"/>
        <source>Films outside the validated ages</source>
        <translation>Clichés hors des âges validés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The model was validated on patients aged {ages} years. A film whose patient&apos;s age is known and outside that range is screened and marked as outside the validated ages. A clinic may have such films rejected instead, with no score.</source>
        <translation>Le modèle a été validé sur des patients âgés de {ages} ans. Un cliché dont l&apos;âge du patient est connu et se situe hors de cette tranche est analysé et marqué comme hors des âges validés. Une clinique peut choisir de rejeter plutôt ces clichés, sans score.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Whatever this rule, a film whose patient&apos;s age is not known and that looks like an adult&apos;s is never scored: on adults the model&apos;s score means nothing. Typing a child&apos;s age gets it screened.</source>
        <translation>Quelle que soit cette règle, un cliché dont l&apos;âge du patient est inconnu et qui ressemble à celui d&apos;un adulte n&apos;est jamais analysé&#xa0;: chez l&apos;adulte, le score du modèle ne veut rien dire. Saisir l&apos;âge d&apos;un enfant permet de l&apos;analyser.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Whatever this rule, an adult&apos;s film is never scored: on adults the model&apos;s score means nothing. That holds for a patient known to be {adult} years or older, and for a film whose patient&apos;s age is not known and that looks like an adult&apos;s; typing a child&apos;s age gets such a film screened.</source>
        <translation>Quelle que soit cette règle, un cliché d&apos;adulte n&apos;est jamais analysé&#xa0;: chez l&apos;adulte, le score du modèle ne veut rien dire. Cela vaut pour un patient dont on sait qu&apos;il a {adult} ans ou plus, et pour un cliché dont l&apos;âge du patient est inconnu et qui ressemble à celui d&apos;un adulte&#xa0;; saisir l&apos;âge d&apos;un enfant permet d&apos;analyser un tel cliché.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Reject films outside the validated ages ({ages} years)</source>
        <translation>&amp;Rejeter les clichés hors des âges validés ({ages} ans)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Films outside the validated &amp;ages…</source>
        <translation>&amp;Clichés hors des âges validés…</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>window user</source>
        <translation>utilisateur de la fenêtre</translation>
    </message>
</context>
<context>
    <name>DetailPane</name>
    <message>
        <location filename="../../desktop/detail_pane.py" line="+105"/>
        <source>Select a row to see the image and the result.</source>
        <extracomment>Reads a file for the pane on a worker thread; None when its cancel event was set first.</extracomment>
        <translation>Sélectionnez une ligne pour voir l&apos;image et le résultat.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Loading the image…</source>
        <translation>Chargement de l&apos;image…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>&amp;Heatmap</source>
        <translation>&amp;Carte thermique</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show where the model looked (H)</source>
        <translation>Montrer où le modèle a regardé (H)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heatmap &amp;stronger</source>
        <translation>Carte thermique plus &amp;forte</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Heatmap f&amp;ainter</source>
        <translation>Carte thermique plus fai&amp;ble</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Fit image</source>
        <translation>&amp;Ajuster</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Zoom +</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Zoom &amp;out</source>
        <translation>Zoo&amp;m −</translation>
    </message>
    <message>
        <location line="+23"/>
        <location line="+1"/>
        <source>Heatmap opacity</source>
        <translation>Opacité de la carte thermique</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>File:</source>
        <translation>Fichier&#xa0;:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Screened:</source>
        <translation>Analysé le&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model:</source>
        <translation>Modèle&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Screening aid, not a diagnosis.&lt;/b&gt; A clinician must review every image. The model was trained on children&apos;s frontal chest X-rays from one hospital.</source>
        <translation>&lt;b&gt;Aide au dépistage, pas un diagnostic.&lt;/b&gt; Un clinicien doit relire chaque image. Le modèle a été entraîné sur des radiographies thoraciques de face d&apos;enfants provenant d&apos;un seul hôpital.</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Pneumonia score {score} of 100. The threshold is {threshold}: a score at or above it means pneumonia is likely.</source>
        <translation>Score de pneumonie {score} sur 100. Le seuil est {threshold}&#xa0;: un score égal ou supérieur au seuil indique une pneumonie probable.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>not recorded</source>
        <translation>non renseigné</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>The image cannot be shown.
{problem}</source>
        <translation>Impossible d&apos;afficher l&apos;image.
{problem}</translation>
    </message>
</context>
<context>
    <name>DropZone</name>
    <message>
        <location filename="../../desktop/drop_zone.py" line="+39"/>
        <source>Drop zone for X-ray files and folders</source>
        <translation>Zone de dépôt des fichiers et dossiers de radiographies</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Drop X-ray files or folders here</source>
        <translation>Déposez ici vos radiographies ou dossiers</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Images in {formats}; folders are searched inside. Each image gets a pneumonia score, a label and a heatmap, or a clear reason why it was not judged.</source>
        <translation>Images aux formats {formats}&#xa0;; le contenu des dossiers est parcouru. Chaque image reçoit un score de pneumonie, un libellé et une carte thermique, ou un motif clair expliquant pourquoi elle n&apos;a pas été évaluée.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../desktop/errors.py" line="+52"/>
        <source>Screening model damaged</source>
        <translation>Modèle de dépistage endommagé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The screening model has been changed or damaged, so PneumoScreen will not use it. Reinstall PneumoScreen. Results already in the table are safe.</source>
        <translation>Le modèle de dépistage a été modifié ou endommagé&#xa0;; PneumoScreen ne l&apos;utilisera donc pas. Réinstallez PneumoScreen. Les résultats déjà présents dans le tableau sont préservés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screening model missing</source>
        <translation>Modèle de dépistage manquant</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The description of the screening model is missing or damaged, so no image can be screened. Reinstall PneumoScreen. Results already in the table are safe.</source>
        <translation>La description du modèle de dépistage est manquante ou endommagée&#xa0;; aucune image ne peut donc être analysée. Réinstallez PneumoScreen. Les résultats déjà présents dans le tableau sont préservés.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Screening model failed</source>
        <translation>Échec du modèle de dépistage</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The screening model could not be started, so no image can be screened. Restart PneumoScreen; if this happens again, reinstall it.</source>
        <translation>Le modèle de dépistage n&apos;a pas pu démarrer&#xa0;; aucune image ne peut donc être analysée. Redémarrez PneumoScreen&#xa0;; si le problème se reproduit, réinstallez-le.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>PneumoScreen cannot read or write its results file.</source>
        <translation>PneumoScreen ne parvient pas à lire ou à écrire son fichier de résultats.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results cannot be saved</source>
        <translation>Impossible d&apos;enregistrer les résultats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Site threshold problem</source>
        <translation>Problème de seuil du site</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enough reviewed results</source>
        <translation>Pas assez de résultats relus</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot export there</source>
        <translation>Exportation impossible à cet endroit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>DICOM file not supported</source>
        <translation>Fichier DICOM non pris en charge</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{file} holds no image PneumoScreen can read (no pixel data, or an encoding it does not support). Export the image again from the X-ray unit as uncompressed DICOM or JPEG.</source>
        <translation>{file} ne contient aucune image lisible par PneumoScreen (pas de données de pixels, ou un encodage non pris en charge). Exportez de nouveau l&apos;image depuis l&apos;appareil de radiographie en DICOM non compressé ou en JPEG.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>File cannot be read</source>
        <translation>Fichier illisible</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screening problem</source>
        <translation>Problème de dépistage</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Permission denied</source>
        <translation>Accès refusé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PneumoScreen may not write there. Choose another folder, such as Documents.</source>
        <translation>PneumoScreen n&apos;a pas le droit d&apos;écrire à cet endroit. Choisissez un autre dossier, par exemple Documents.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File could not be saved</source>
        <translation>Le fichier n&apos;a pas pu être enregistré</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>The file could not be written ({problem}). Check that the disk or USB stick is plugged in and not full, and that the file is not open in another program such as Excel, then try again.</source>
        <translation>Le fichier n&apos;a pas pu être écrit ({problem}). Vérifiez que le disque ou la clé USB est bien connecté et dispose d&apos;espace libre, et que le fichier n&apos;est pas ouvert dans un autre programme comme Excel, puis réessayez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected problem</source>
        <translation>Problème inattendu</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Something went wrong inside PneumoScreen. Your results so far are saved. The details were written to {log}; please send that file to your support contact.</source>
        <translation>Une erreur s&apos;est produite dans PneumoScreen. Vos résultats obtenus jusqu&apos;ici sont enregistrés. Les détails ont été écrits dans {log}&#xa0;; veuillez envoyer ce fichier à votre contact d&apos;assistance.</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../desktop/export_dialog.py" line="+118"/>
        <source>Export results as CSV</source>
        <translation>Exporter les résultats en CSV</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>ExportScopeDialog</name>
    <message>
        <location line="-59"/>
        <source>Export CSV</source>
        <translation>Exporter en CSV</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Which results should go into the CSV file?</source>
        <translation>Quels résultats mettre dans le fichier CSV&#xa0;?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;All results in the log ({n})</source>
        <translation>&amp;Tous les résultats du journal ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The rows &amp;shown by the filters ({n})</source>
        <translation>Les lignes &amp;affichées par les filtres ({n})</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The s&amp;elected rows ({n})</source>
        <translation>Les lignes &amp;sélectionnées ({n})</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;De-identify: file names without folders, no patient names</source>
        <translation>A&amp;nonymiser&#xa0;: noms de fichiers sans dossiers, sans noms de patients</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every column stays, in order; the file column holds only the file&apos;s name.</source>
        <translation>Toutes les colonnes sont conservées, dans l&apos;ordre&#xa0;; la colonne Fichier ne contient que le nom du fichier.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose file…</source>
        <translation>Choisir le fichier…</translation>
    </message>
</context>
<context>
    <name>FileDialogs</name>
    <message>
        <location filename="../../desktop/file_dialogs.py" line="+29"/>
        <source>Add X-ray files</source>
        <translation>Ajouter des radiographies</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>X-ray images ({patterns});;All files (*)</source>
        <translation>Images de radiographie ({patterns});;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add a folder of X-rays</source>
        <translation>Ajouter un dossier de radiographies</translation>
    </message>
</context>
<context>
    <name>FilterBar</name>
    <message>
        <location filename="../../desktop/filter_bar.py" line="+63"/>
        <source>Show</source>
        <translation>Afficher</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the latest batch, today&apos;s screenings or all of them</source>
        <translation>Afficher le dernier lot, les analyses du jour ou toutes</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This batch</source>
        <translation>Ce lot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Today</source>
        <translation>Aujourd&apos;hui</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All</source>
        <translation>Tout</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Search (Ctrl+F)</source>
        <translation>Rechercher (Ctrl+F)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search file names, patient IDs and reasons</source>
        <translation>Rechercher par nom de fichier, ID patient ou motif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All labels</source>
        <translation>Tous les libellés</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All statuses</source>
        <translation>Tous les statuts</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>All reviews</source>
        <translation>Toutes les relectures</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not yet reviewed</source>
        <translation>Pas encore relu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer disagrees with the model</source>
        <translation>Relecteur en désaccord avec le modèle</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show results by their clinician&apos;s review</source>
        <translation>Filtrer les résultats selon la relecture du clinicien</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>S&amp;ince</source>
        <translation>De&amp;puis</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screened since</source>
        <translation>Analysés depuis le</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Sh&amp;ow:</source>
        <translation>&amp;Voir&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Label:</source>
        <translation>&amp;Libellé&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tatus:</source>
        <translation>S&amp;tatut&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Revie&amp;w:</source>
        <translation>Rel&amp;ecture&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ImageView</name>
    <message>
        <location filename="../../desktop/image_view.py" line="+54"/>
        <source>X-ray image</source>
        <extracomment>The film is what the user came for: on a 600-pixel-high screen the detail pane scrolls rather than shrink it to a stamp. Pixels of right-drag that double (or halve) the contrast, and that move the brightness by the whole grey range: a slow hand on a laptop&apos;s touchpad still gets fine steps.</extracomment>
        <translation>Image radiographique</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Wheel: zoom. Drag: move. Right-drag: brightness (up, down) and contrast (left, right). Double-click: fit and reset.</source>
        <translation>Molette&#xa0;: zoom. Glisser&#xa0;: déplacer. Glisser avec le bouton droit&#xa0;: luminosité (haut, bas) et contraste (gauche, droite). Double-clic&#xa0;: ajuster et réinitialiser.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/labels.py" line="+29"/>
        <source>Pneumonia likely</source>
        <extracomment>(background, text) colours; dark text on a pale tint keeps contrast above WCAG AA.</extracomment>
        <translation>Pneumonie probable</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No pneumonia signs</source>
        <translation>Pas de signe de pneumonie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Screened</source>
        <translation>Analysé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Rejeté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not read</source>
        <translation>Illisible</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Pneumonia confirmed</source>
        <translation>Pneumonie confirmée</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No pneumonia</source>
        <translation>Pas de pneumonie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other finding</source>
        <translation>Autre anomalie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not assessable</source>
        <translation>Non interprétable</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Pneumonia</source>
        <translation>Pneumonie</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>this clinic&apos;s site threshold</source>
        <translation>seuil du site de cette clinique</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>the model&apos;s threshold</source>
        <translation>seuil du modèle</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Not judged: rejected</source>
        <translation>Non évalué&#xa0;: rejeté</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not judged: the file could not be read</source>
        <translation>Non évalué&#xa0;: le fichier est illisible</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <location filename="../../desktop/language_menu.py" line="+18"/>
        <source>The language changes when PneumoScreen is next started.</source>
        <translation>La langue change au prochain démarrage de PneumoScreen.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The window&apos;s language; it changes when PneumoScreen is next started</source>
        <translation>Langue de la fenêtre&#xa0;; elle change au prochain démarrage de PneumoScreen</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/main_window.py" line="+83"/>
        <source>PneumoScreen: chest X-ray screening aid</source>
        <translation>PneumoScreen&#xa0;: aide au dépistage sur radiographie thoracique</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Loading the screening model…</source>
        <translation>Chargement du modèle de dépistage…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Model ready</source>
        <translation>Modèle prêt</translation>
    </message>
    <message>
        <location line="+112"/>
        <source>Screening starts once the model is loaded…</source>
        <translation>Le dépistage commencera une fois le modèle chargé…</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Cancelling after the files in progress…</source>
        <translation>Annulation après les fichiers en cours…</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Model not available</source>
        <translation>Modèle indisponible</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Screening… ({n} more batch waiting)</source>
        <translation>Dépistage en cours… ({n} autre lot en attente)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening… ({n} more batches waiting)</source>
        <translation>Dépistage en cours… ({n} autres lots en attente)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Screening…</source>
        <translation>Dépistage en cours…</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+13"/>
        <source>Every result shown has been reviewed.</source>
        <translation>Tous les résultats affichés ont été relus.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Review saved: {decision} for {file}.</source>
        <translation>Relecture enregistrée&#xa0;: {decision} pour {file}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Threshold unknown: the site profile is damaged</source>
        <translation>Seuil inconnu&#xa0;: le profil du site est endommagé</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>The model card cannot be read.</source>
        <translation>Impossible de lire la fiche du modèle.</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{n} result</source>
        <translation>{n} résultat</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} results</source>
        <translation>{n} résultats</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Showing {shown} of {n} result</source>
        <translation>Affichés&#xa0;: {shown} sur {n} résultat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Showing {shown} of {n} results</source>
        <translation>Affichés&#xa0;: {shown} sur {n} résultats</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Exported {n} result to {path}</source>
        <translation>{n} résultat exporté vers {path}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Exported {n} results to {path}</source>
        <translation>{n} résultats exportés vers {path}</translation>
    </message>
</context>
<context>
    <name>ModelCard</name>
    <message>
        <location filename="../../desktop/card_texts.py" line="+22"/>
        <source>Screening aid for frontal chest X-rays at clinics without a radiologist: flags images likely to show pneumonia for a clinician&apos;s review. Not a diagnosis.</source>
        <extracomment>`intended_use`.</extracomment>
        <translation>Aide au dépistage sur radiographies thoraciques de face, pour les centres de santé sans radiologue&#xa0;: signale les images susceptibles de montrer une pneumonie, pour relecture par un clinicien. Pas un diagnostic.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Trained on pediatric (ages 1-5) frontal chest X-rays from one hospital (Guangzhou Women and Children&apos;s Medical Center); not validated on adults, other hospitals or other X-ray machines.</source>
        <extracomment>`limitations`, one sentence each.</extracomment>
        <translation>Entraîné sur des radiographies thoraciques de face d&apos;enfants (1-5 ans) d&apos;un seul hôpital (Guangzhou Women and Children&apos;s Medical Center)&#xa0;; non validé chez l&apos;adulte, dans d&apos;autres hôpitaux ni sur d&apos;autres appareils de radiographie.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Distinguishes pneumonia from normal only; other findings are not detected.</source>
        <translation>Distingue uniquement la pneumonie d&apos;une image normale&#xa0;; les autres anomalies ne sont pas détectées.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Lateral views, other body parts and non-X-ray images are outside its scope.</source>
        <translation>Les clichés de profil, les autres parties du corps et les images qui ne sont pas des radiographies sont hors de son champ d&apos;application.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The heatmap shows where the model looked, not where the disease is.</source>
        <translation>La carte thermique montre où le modèle a regardé, pas où se trouve la maladie.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>On adults&apos; films its score carries no information (AUC 0.38 against NIH&apos;s labels), so a film of unknown age that looks like an adult&apos;s is not scored: the population check refused 98% of held-out adult films and 3.7% of held-out children&apos;s films, all normal.</source>
        <translation>Sur les clichés d&apos;adultes, son score n&apos;apporte aucune information (AUC 0,38 par rapport aux étiquettes du NIH)&#xa0;; un cliché d&apos;âge inconnu qui ressemble à celui d&apos;un adulte n&apos;est donc pas analysé&#xa0;: le contrôle de population a refusé 98&#xa0;% des clichés d&apos;adultes réservés à l&apos;évaluation et 3,7&#xa0;% des clichés d&apos;enfants réservés, tous normaux.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>A patient known to be 18 or older gets no score either, whatever the site&apos;s age rule: the adults measured were 18 to 85 years old.</source>
        <translation>Un patient dont on sait qu&apos;il a 18 ans ou plus n&apos;obtient pas de score non plus, quelle que soit la règle d&apos;âge du site&#xa0;: les adultes mesurés avaient de 18 à 85 ans.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>327 images of the official test split that were never given to the developers, measured independently of them with the int8 file at the shipped threshold</source>
        <extracomment>What the figures are: `independent_evaluation.about` (`.set` where a card has no `about`) and `performance.note`.</extracomment>
        <translation>327 images de la partie test officielle jamais remises aux développeurs, mesurées indépendamment d&apos;eux avec le fichier int8 au seuil livré</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>measured on the int8 file at the shipped threshold; test-dev also chose the calibration and threshold, so its figures are optimistic; an independent held-out half of the test split measures the model separately</source>
        <translation>mesuré sur le fichier int8 au seuil livré&#xa0;; test-dev a aussi servi à choisir la calibration et le seuil, ses chiffres sont donc optimistes&#xa0;; une moitié indépendante et réservée de la partie test mesure le modèle séparément</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>adults&apos; frontal chest X-rays: the screening model alone, measured independently of the developers with the int8 file at the shipped threshold, before the population check existed; and the share of films the app now refuses without a label when the age is not known, measured by the developers on the held-out part of each folder</source>
        <extracomment>`adult_evaluation.about` and each of its sets&apos; `set`, the card&apos;s own and its `previous_release`&apos;s.</extracomment>
        <translation>radiographies thoraciques de face d&apos;adultes&#xa0;: le modèle de dépistage seul, mesuré indépendamment des développeurs avec le fichier int8 au seuil livré, avant que le contrôle de population n&apos;existe&#xa0;; et la part des clichés que l&apos;application refuse désormais sans étiquette quand l&apos;âge n&apos;est pas connu, mesurée par les développeurs sur la partie réservée de chaque dossier</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>adults&apos; frontal chest X-rays, the held-out part of each folder (no adult film trained or chose this model): the screening model alone, measured by the developers with the int8 file at the shipped threshold, every film scored; and the share of films the app refuses without a label when the age is not known</source>
        <translation>radiographies thoraciques de face d&apos;adultes, la partie réservée de chaque dossier (aucun cliché d&apos;adulte n&apos;a entraîné ni choisi ce modèle)&#xa0;: le modèle de dépistage seul, mesuré par les développeurs avec le fichier int8 au seuil livré, chaque cliché ayant reçu un score&#xa0;; et la part des clichés que l&apos;application refuse sans étiquette quand l&apos;âge n&apos;est pas connu</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>NIH Clinical Center adults, normal and pneumonia (nih-adult)</source>
        <translation>Adultes du NIH Clinical Center, normaux et pneumonies (nih-adult)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NIH adults&apos; pneumonias confirmed by RSNA radiologists, against NIH&apos;s normals (nih-adult)</source>
        <translation>Pneumonies d&apos;adultes du NIH confirmées par des radiologues de la RSNA, face aux normaux du NIH (nih-adult)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>NIH adults read as normal by RSNA radiologists (rsna-normal-adult)</source>
        <translation>Adultes du NIH lus normaux par des radiologues de la RSNA (rsna-normal-adult)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>adult films from many other hospitals, mostly COVID-19 and other pneumonias, 37 normals</source>
        <translation>clichés d&apos;adultes de nombreux autres hôpitaux, surtout COVID-19 et autres pneumonies, 37 normaux</translation>
    </message>
</context>
<context>
    <name>Patient</name>
    <message>
        <location filename="../../desktop/patient_text.py" line="+31"/>
        <source>Female</source>
        <extracomment>The sign before the Patient cell of a film outside the validated ages. The roles `patient_warning_data` answers for the Patient cell. PatientSex codes and their words (translated where shown, once the translator is loaded).</extracomment>
        <translation>Féminin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Male</source>
        <translation>Masculin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other</source>
        <translation>Autre</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{n} years</source>
        <translation>{n}&#xa0;ans</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>1 month</source>
        <translation>1&#xa0;mois</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{n} months</source>
        <translation>{n}&#xa0;mois</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>1 week</source>
        <translation>1&#xa0;semaine</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} weeks</source>
        <translation>{n}&#xa0;semaines</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>The patient is {age} old: {warning}. Read this result with care.</source>
        <translation>Le patient a {age}&#xa0;: {warning}. Interprétez ce résultat avec prudence.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The patient is {age} old: outside the ages this model was validated on ({low}-{high} years). Read this result with care.</source>
        <translation>Le patient a {age}&#xa0;: en dehors des âges sur lesquels ce modèle a été validé ({low}-{high}&#xa0;ans). Interprétez ce résultat avec prudence.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Patient:</source>
        <translation>Patient&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex, age:</source>
        <translation>Sexe, âge&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Study date:</source>
        <translation>Date de l&apos;examen&#xa0;:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>ID {id}</source>
        <translation>ID {id}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>born {date}</source>
        <translation>né(e) le {date}</translation>
    </message>
</context>
<context>
    <name>PatientForm</name>
    <message>
        <location filename="../../desktop/patient_form.py" line="+56"/>
        <source>Patient ID</source>
        <extracomment>The age box&apos;s value for &quot;not known&quot; (shown as words, not as a number).</extracomment>
        <translation>ID patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not stated</source>
        <translation>Non précisé</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>not known</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source> years</source>
        <translation> ans</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age in years</source>
        <translation>Âge en années</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save patient</source>
        <translation>Enregistrer le patient</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Patient ID:</source>
        <translation>ID patient&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name:</source>
        <translation>Nom&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex:</source>
        <translation>Sexe&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Age:</source>
        <translation>Âge&#xa0;:</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>A young child&apos;s film?
Type the age to screen it…</source>
        <translation>Cliché d&apos;un jeune enfant ?
Saisissez l&apos;âge pour l&apos;analyser…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Edit the patient&apos;s details…</source>
        <translation>Modifier les données du patient…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This file has no patient data:
type the patient&apos;s details…</source>
        <translation>Ce fichier ne contient aucune donnée patient&#xa0;:
saisissez les données du patient…</translation>
    </message>
</context>
<context>
    <name>PerformanceDialog</name>
    <message>
        <location filename="../../desktop/performance_dialog.py" line="+66"/>
        <source>How the model does here</source>
        <translation>Performances du modèle sur ce site</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Reading the reviewed results…</source>
        <translation>Lecture des résultats relus…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Figures (reviewer&apos;s decision = truth)</source>
        <translation>Chiffres (décision du relecteur = référence)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sensitivity (pneumonia found):</source>
        <translation>Sensibilité (pneumonies détectées)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity (healthy films passed):</source>
        <translation>Spécificité (clichés sains non signalés)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>AUC (ranking, threshold aside):</source>
        <translation>AUC (classement, tous seuils)&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Counts at the threshold in force</source>
        <translation>Effectifs au seuil en vigueur</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;Model: pneumonia likely&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modèle&#xa0;: pneumonie probable&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Model: no pneumonia signs&lt;/b&gt;</source>
        <translation>&lt;b&gt;Modèle&#xa0;: pas de signe de pneumonie&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewer: pneumonia&lt;/b&gt;</source>
        <translation>&lt;b&gt;Relecteur&#xa0;: pneumonie&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Reviewer: no pneumonia&lt;/b&gt;</source>
        <translation>&lt;b&gt;Relecteur&#xa0;: pas de pneumonie&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>{n} reviewed results: {pneumonia} confirmed pneumonia, {normal} no pneumonia. Figures at threshold {threshold} ({source}).</source>
        <translation>{n} résultats relus&#xa0;: {pneumonia} pneumonies confirmées, {normal} sans pneumonie. Chiffres au seuil {threshold} ({source}).</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>threshold {threshold}</source>
        <translation>seuil {threshold}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{decision}: {n}</source>
        <translation>{decision}&#xa0;: {n}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>rejected or unreadable files: {n}</source>
        <translation>fichiers rejetés ou illisibles&#xa0;: {n}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Left out of the figures: {parts}.</source>
        <translation>Exclus des chiffres&#xa0;: {parts}.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The reviewed results could not be read.</source>
        <translation>Impossible de lire les résultats relus.</translation>
    </message>
</context>
<context>
    <name>ProgressPanel</name>
    <message>
        <location filename="../../desktop/progress_panel.py" line="+28"/>
        <source>%v of %m files</source>
        <translation>%v sur %m fichiers</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screening progress</source>
        <translation>Progression du dépistage</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>%v of {n} file</source>
        <translation>%v sur {n} fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%v of {n} files</source>
        <translation>%v sur {n} fichiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finding files…</source>
        <translation>Recherche des fichiers…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>About {n} s left</source>
        <translation>Encore environ {n} s</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>About {n} min left</source>
        <translation>Encore environ {n} min</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>About {h} h {m} min left</source>
        <translation>Encore environ {h} h {m} min</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{files}: {screened}, {rejected}, {errors} ({cached}).</source>
        <translation>{files}&#xa0;: {screened}, {rejected}, {errors} ({cached}).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} file</source>
        <translation>{n} fichier</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} files</source>
        <translation>{n} fichiers</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{n} screened</source>
        <comment>one</comment>
        <translation>{n} analysé</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} screened</source>
        <comment>many</comment>
        <translation>{n} analysés</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} rejected</source>
        <comment>one</comment>
        <translation>{n} rejeté</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>{n} rejected</source>
        <comment>many</comment>
        <translation>{n} rejetés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} could not be read</source>
        <comment>one</comment>
        <translation>{n} illisible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} could not be read</source>
        <comment>many</comment>
        <translation>{n} illisibles</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{n} answered from the log</source>
        <comment>one</comment>
        <translation>{n} repris du journal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{n} answered from the log</source>
        <comment>many</comment>
        <translation>{n} repris du journal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cancelled; the results so far are kept. </source>
        <translation>Annulé&#xa0;; les résultats obtenus sont conservés. </translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../desktop/qt_dialog_texts.py" line="+14"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ReasonTexts</name>
    <message>
        <location filename="../../desktop/reason_texts.py" line="+25"/>
        <source>Too small to judge</source>
        <extracomment>code -&gt; (a short name for a table cell, a sentence), untranslated (`QT_TRANSLATE_NOOP` marks them for pyside6-lupdate; `QCoreApplication.translate` translates them when shown).</extracomment>
        <translation>Image trop petite</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is too small to judge.</source>
        <translation>L&apos;image est trop petite pour être évaluée.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank or uniform image</source>
        <translation>Image vide ou uniforme</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is blank, uniform or saturated: there is no X-ray to judge.</source>
        <translation>L&apos;image est vide, uniforme ou saturée&#xa0;: il n&apos;y a aucune radiographie à évaluer.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Colour picture, not an X-ray</source>
        <translation>Image en couleur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This is a colour picture, not an X-ray (X-rays are shades of grey), so it was not scored.</source>
        <translation>Il s&apos;agit d&apos;une image en couleur, pas d&apos;une radiographie (les radiographies sont en niveaux de gris)&#xa0;; elle n&apos;a donc pas reçu de score.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not a frontal chest X-ray</source>
        <translation>Pas un thorax de face</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This does not look like a frontal chest X-ray, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened: not photos, documents, screenshots, CT slices, side views, or X-rays that are inverted, turned, mirrored or cropped.</source>
        <translation>Cette image ne ressemble pas à une radiographie thoracique de face&#xa0;; elle n&apos;a donc pas reçu de score. Seules les radiographies thoraciques de face (antéro-postérieures ou postéro-antérieures) peuvent être analysées&#xa0;: pas les photos, documents, captures d&apos;écran, coupes de scanner, clichés de profil, ni les radiographies en négatif, tournées, en miroir ou tronquées.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Side view</source>
        <translation>Cliché de profil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a side (lateral) view of the chest, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened.</source>
        <translation>Cette image ressemble à un cliché du thorax de profil (latéral)&#xa0;; elle n&apos;a donc pas reçu de score. Seules les radiographies thoraciques de face (antéro-postérieures ou postéro-antérieures) peuvent être analysées.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>CT slice</source>
        <translation>Coupe de scanner</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a CT slice, not a chest X-ray, so it was not scored. Only front-to-back or back-to-front chest X-rays can be screened.</source>
        <translation>Cette image ressemble à une coupe de scanner, pas à une radiographie thoracique&#xa0;; elle n&apos;a donc pas reçu de score. Seules les radiographies thoraciques de face (antéro-postérieures ou postéro-antérieures) peuvent être analysées.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Not an X-ray</source>
        <translation>Pas une radiographie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like a photo, a document or a screenshot, not an X-ray, so it was not scored. Open the X-ray&apos;s own image file instead.</source>
        <translation>Cette image ressemble à une photo, un document ou une capture d&apos;écran, pas à une radiographie&#xa0;; elle n&apos;a donc pas reçu de score. Ouvrez plutôt le fichier image d&apos;origine de la radiographie.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Inverted film</source>
        <translation>Cliché en négatif</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This X-ray looks inverted (bones dark, lungs light), so it was not scored. Export it again as a normal film, with bones white.</source>
        <translation>Cette radiographie semble en négatif (os sombres, poumons clairs)&#xa0;; elle n&apos;a donc pas reçu de score. Exportez-la de nouveau en cliché normal, avec les os en blanc.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Turned or mirrored</source>
        <translation>Cliché tourné ou en miroir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This X-ray looks turned, upside down or mirrored, so it was not scored. Export or scan it again the right way round.</source>
        <translation>Cette radiographie semble tournée, à l&apos;envers ou en miroir&#xa0;; elle n&apos;a donc pas reçu de score. Exportez-la ou numérisez-la de nouveau dans le bon sens.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cropped film</source>
        <translation>Cliché tronqué</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This looks like only part of a chest X-ray, so it was not scored. The whole chest must be in the image.</source>
        <translation>Cette image ne semble montrer qu&apos;une partie d&apos;une radiographie thoracique&#xa0;; elle n&apos;a donc pas reçu de score. Le thorax entier doit figurer sur l&apos;image.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Outside the validated ages</source>
        <translation>Hors des âges validés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient&apos;s age is outside the ages this model was validated on, and this clinic does not screen such films.</source>
        <translation>L&apos;âge du patient se situe hors des âges pour lesquels ce modèle a été validé, et cette clinique n&apos;analyse pas ces clichés.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Looks like an adult&apos;s film</source>
        <translation>Ressemble à un cliché d&apos;adulte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This film looks like an adult&apos;s. The model was validated on young children only, so it was not scored. If the patient is a young child, type the age in the patient&apos;s details: the film is then screened.</source>
        <translation>Ce cliché ressemble à celui d&apos;un adulte. Le modèle n&apos;a été validé que chez de jeunes enfants, il n&apos;a donc pas été analysé. Si le patient est un jeune enfant, saisissez son âge dans les informations du patient&#xa0;: le cliché sera alors analysé.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Adult patient</source>
        <translation>Patient adulte</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The patient is an adult. The model was validated on young children only, and on adults&apos; films its score was measured to be no better than chance, so it was not scored. Have the film read by a clinician.</source>
        <translation>Le patient est un adulte. Le modèle a été validé uniquement sur de jeunes enfants, et sur les clichés d&apos;adultes son score ne fait pas mieux que le hasard&#xa0;: ce cliché n&apos;a donc pas été analysé. Faites-le lire par un clinicien.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File not found</source>
        <translation>Fichier introuvable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file does not exist: it was moved, renamed or deleted, or its disk was removed.</source>
        <translation>Le fichier n&apos;existe pas&#xa0;: il a été déplacé, renommé ou supprimé, ou son disque a été retiré.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Permission denied</source>
        <translation>Accès refusé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This computer&apos;s user may not read the file.</source>
        <translation>Le compte utilisateur de cet ordinateur n&apos;a pas le droit de lire le fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not a file</source>
        <translation>Pas un fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It is a folder, a named pipe, a device or a socket, not a file.</source>
        <translation>Il s&apos;agit d&apos;un dossier, d&apos;un tube nommé, d&apos;un périphérique ou d&apos;un socket, pas d&apos;un fichier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name too long</source>
        <translation>Nom trop long</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file&apos;s name or folder path is longer than the system allows.</source>
        <translation>Le nom du fichier ou le chemin du dossier est plus long que ce que le système autorise.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Could not open the file</source>
        <translation>Impossible d&apos;ouvrir le fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The system could not open or read the file.</source>
        <translation>Le système n&apos;a pas pu ouvrir ou lire le fichier.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Empty file</source>
        <translation>Fichier vide</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is empty.</source>
        <translation>Le fichier est vide.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Too large</source>
        <translation>Trop volumineux</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file or its image is too large to read safely. Export a smaller copy.</source>
        <translation>Le fichier, ou l&apos;image qu&apos;il contient, est trop volumineux pour être lu sans risque. Exportez-en une copie plus petite.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not an image</source>
        <translation>Pas une image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not an image in a supported format.</source>
        <translation>Le fichier n&apos;est pas une image dans un format pris en charge.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Format not supported</source>
        <translation>Format non pris en charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image is in a format PneumoScreen does not read (such as HEIC or PDF). Save it as JPEG or PNG.</source>
        <translation>L&apos;image est dans un format que PneumoScreen ne lit pas (par exemple HEIC ou PDF). Enregistrez-la en JPEG ou en PNG.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>DICOM not supported</source>
        <translation>DICOM non pris en charge</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This DICOM file holds no image, or its image is stored in a way PneumoScreen cannot decode.</source>
        <translation>Ce fichier DICOM ne contient aucune image, ou son image est stockée d&apos;une manière que PneumoScreen ne sait pas décoder.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Damaged file</source>
        <translation>Fichier endommagé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is damaged or incomplete.</source>
        <translation>Le fichier est endommagé ou incomplet.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Took too long to decode</source>
        <translation>Décodage trop long</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image took too long to decode.</source>
        <translation>Le décodage de l&apos;image a pris trop de temps.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Decoder did not start</source>
        <translation>Le décodeur n&apos;a pas démarré</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image decoder could not be started. Close other programs and try again.</source>
        <translation>Le décodeur d&apos;images n&apos;a pas pu être démarré. Fermez les autres programmes, puis réessayez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not enough memory</source>
        <translation>Mémoire insuffisante</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>There was not enough memory to decode the image. Close other programs and try again.</source>
        <translation>Il n&apos;y avait pas assez de mémoire pour décoder l&apos;image. Fermez les autres programmes, puis réessayez.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Unexpected problem</source>
        <translation>Problème inattendu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An unexpected problem stopped this file from being screened.</source>
        <translation>Un problème inattendu a empêché l&apos;analyse de ce fichier.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not screened</source>
        <translation>Non analysé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This file was not screened; an older PneumoScreen logged why, in English only.</source>
        <translation>Ce fichier n&apos;a pas été analysé&#xa0;; une ancienne version de PneumoScreen en a consigné la raison, en anglais uniquement.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <location filename="../../desktop/report.py" line="+76"/>
        <source>Chest X-ray screening report</source>
        <extracomment>The heatmap&apos;s opacity on the report: the detail pane&apos;s default. The report&apos;s pictures are at most this many pixels a side (sharp at 300 dpi, small PDFs).</extracomment>
        <translation>Rapport de dépistage sur radiographie thoracique</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>PneumoScreen report: {who}</source>
        <translation>Rapport PneumoScreen&#xa0;: {who}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Screening aid, not a diagnosis. A clinician must review every image. The model was trained on children&apos;s frontal chest X-rays from one hospital.</source>
        <translation>Aide au dépistage, pas un diagnostic. Un clinicien doit relire chaque image. Le modèle a été entraîné sur des radiographies thoraciques de face d&apos;enfants provenant d&apos;un seul hôpital.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reviewed by (name):</source>
        <translation>Relu par (nom)&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Signature:</source>
        <translation>Signature&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date:</source>
        <translation>Date&#xa0;:</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(clinic name not set)</source>
        <translation>(nom de la clinique non défini)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Printed {when}</source>
        <translation>Imprimé le {when}</translation>
    </message>
    <message>
        <location line="+12"/>
        <location filename="../../desktop/report_summary.py" line="+126"/>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../desktop/report_summary.py" line="-1"/>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Age</source>
        <translation>Âge</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Study date</source>
        <translation>Date de l&apos;examen</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Age:</source>
        <translation>Âge&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>The image cannot be read.</source>
        <translation>Impossible de lire l&apos;image.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The image cannot be shown: {problem}</source>
        <translation>Impossible d&apos;afficher l&apos;image&#xa0;: {problem}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The X-ray</source>
        <translation>La radiographie</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Where the model saw signs of pneumonia</source>
        <translation>Où le modèle a vu des signes de pneumonie</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Heatmap colours:</source>
        <translation>Couleurs de la carte thermique&#xa0;:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>weak</source>
        <translation>faible</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>strong</source>
        <translation>fort</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>no colour: no sign of pneumonia</source>
        <translation>sans couleur&#xa0;: aucun signe de pneumonie</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Pneumonia score {score} of 100, against a threshold of {threshold} ({source}): a score at or above the threshold means pneumonia is likely.</source>
        <translation>Score de pneumonie {score} sur 100, pour un seuil de {threshold} ({source})&#xa0;: un score égal ou supérieur au seuil indique une pneumonie probable.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Reason:</source>
        <translation>Motif&#xa0;:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Clinician&apos;s review:</source>
        <translation>Relecture du clinicien&#xa0;:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not reviewed yet</source>
        <translation>pas encore relu</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{decision}, by {reviewer} on {when}</source>
        <translation>{decision}, par {reviewer} le {when}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Note:</source>
        <translation>Note&#xa0;:</translation>
    </message>
    <message>
        <location line="+7"/>
        <location filename="../../desktop/report_summary.py" line="-1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screened</source>
        <translation>Analysé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Model version</source>
        <translation>Version du modèle</translation>
    </message>
    <message>
        <location filename="../../desktop/report_summary.py" line="-58"/>
        <source>{n} films: {p} pneumonia likely, {c} no pneumonia signs, {r} rejected, {u} could not be read; {v} reviewed.</source>
        <translation>{n} clichés&#xa0;: {p} avec pneumonie probable, {c} sans signe de pneumonie, {r} rejetés, {u} illisibles&#xa0;; {v} relus.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Day summary: {day}</source>
        <translation>Synthèse du jour&#xa0;: {day}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Films screened</source>
        <translation>Clichés analysés</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pneumonia likely</source>
        <translation>Pneumonie probable</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No pneumonia signs</source>
        <translation>Pas de signe de pneumonie</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rejected (not a usable frontal chest X-ray)</source>
        <translation>Rejetés (pas une radiographie thoracique de face exploitable)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Could not be read</source>
        <translation>Illisibles</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewed by a clinician</source>
        <translation>Relus par un clinicien</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Flagged films: pneumonia likely</source>
        <translation>Clichés signalés&#xa0;: pneumonie probable</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>No film was flagged on this day.</source>
        <translation>Aucun cliché n&apos;a été signalé ce jour-là.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Time</source>
        <translation>Heure</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>not reviewed</source>
        <translation>non relu</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <location filename="../../desktop/report_dialog.py" line="+69"/>
        <source>Save the report as PDF</source>
        <translation>Enregistrer le rapport en PDF</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>e.g. Kisumu District Clinic</source>
        <translation>ex.&#xa0;: Centre de santé de district de Kisumu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Clinic name:</source>
        <translation>Nom de la &amp;clinique&#xa0;:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save as PDF…</source>
        <translation>&amp;Enregistrer en PDF…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Select a result to print its report.</source>
        <translation>Sélectionnez un résultat pour imprimer son rapport.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Print report</source>
        <translation>Imprimer le rapport</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Day summary report</source>
        <translation>Synthèse du jour</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Day:</source>
        <translation>&amp;Jour&#xa0;:</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Report saved: {pages} page(s) in {path}</source>
        <translation>Rapport enregistré&#xa0;: {pages} page(s) dans {path}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Report printed.</source>
        <translation>Rapport imprimé.</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../desktop/results_model.py" line="+72"/>
        <source>Image</source>
        <extracomment>Why a rejected or unreadable file got no score, in short (the whole sentence is its tooltip). Last in the model so the other columns keep their numbers; the view shows it beside Status. The value the proxy sorts by: a number or casefolded text, so sorting never compares text where a number is meant (&quot;9.5&quot; &gt; &quot;10.0&quot;). The whole `ScreeningResult` of a row. The row&apos;s latest `Review`, or None while nobody has reviewed it. Columns whose first header click sorts highest first (score, most severe label, newest).</extracomment>
        <translation>Image</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Label</source>
        <translation>Libellé</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status</source>
        <translation>Statut</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Screened</source>
        <translation>Analysé le</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review</source>
        <translation>Relecture</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>{decision} ≠ model</source>
        <translation>{decision} ≠ modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{decision}, by {reviewer}, {time}</source>
        <translation>{decision}, par {reviewer}, {time}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The reviewer disagrees with the model.</source>
        <translation>Le relecteur est en désaccord avec le modèle.</translation>
    </message>
</context>
<context>
    <name>ResultsTable</name>
    <message>
        <location filename="../../desktop/results_table.py" line="+114"/>
        <source>Screening results</source>
        <extracomment>A row&apos;s thumbnail, in logical pixels: small enough that a laptop&apos;s 600-pixel screen shows a dozen rows, large enough to tell a chest film from a document. The detail pane shows it large. The File column never gets narrower than this, so the end of a long name (its distinguishing part: a patient number, a date, a view) stays readable; the columns right of it scroll instead. The share of a too-long file name&apos;s cell given to its end.</extracomment>
        <translation>Résultats du dépistage</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/review_panel.py" line="+57"/>
        <source>Clinician&apos;s review</source>
        <extracomment>The decisions in the order of their buttons and keys (1-4).</extracomment>
        <translation>Relecture du clinicien</translation>
    </message>
    <message>
        <location line="+90"/>
        <source>{key}  {decision}</source>
        <translation>{key}  {decision}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Record the clinician&apos;s decision: {decision} (key {key})</source>
        <translation>Enregistrer la décision du clinicien&#xa0;: {decision} (touche {key})</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Note (optional)</source>
        <translation>Note (facultative)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Review note</source>
        <translation>Note de relecture</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reviewer&apos;s name</source>
        <translation>Nom du relecteur</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved with each decision; remembered on this computer</source>
        <translation>Enregistré avec chaque décision&#xa0;; mémorisé sur cet ordinateur</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Revi&amp;ewer:</source>
        <translation>Relecte&amp;ur&#xa0;:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Reviewer</source>
        <translation>Relecteur</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Review history</source>
        <translation>Historique des relectures</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Select a row to review it.</source>
        <translation>Sélectionnez une ligne pour la relire.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not reviewed yet. Press 1-4 to record a decision.</source>
        <translation>Pas encore relu. Appuyez sur 1-4 pour enregistrer une décision.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&lt;b&gt;Reviewed:&lt;/b&gt; {decision}, by {reviewer}, {time}</source>
        <translation>&lt;b&gt;Relu&#xa0;:&lt;/b&gt; {decision}, par {reviewer}, {time}</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Who is reviewing?</source>
        <translation>Qui fait la relecture&#xa0;?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name is saved with each decision, so the log shows who decided what. It is remembered on this computer; change it in the review panel.</source>
        <translation>Votre nom est enregistré avec chaque décision, afin que le journal indique qui a décidé quoi. Il est mémorisé sur cet ordinateur&#xa0;; vous pouvez le modifier dans le panneau de relecture.</translation>
    </message>
</context>
<context>
    <name>RocChart</name>
    <message>
        <location filename="../../desktop/roc_chart.py" line="+29"/>
        <source>ROC curve</source>
        <translation>Courbe ROC</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>1 - specificity (healthy films flagged)</source>
        <translation>1 - spécificité (clichés sains signalés)</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>No curve yet: it needs reviewed results of both kinds.</source>
        <translation>Pas encore de courbe&#xa0;: il faut des résultats relus des deux catégories.</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
</context>
<context>
    <name>ScoreBar</name>
    <message>
        <location filename="../../desktop/score_bar.py" line="+24"/>
        <source>Score against threshold</source>
        <translation>Score par rapport au seuil</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Score {score} of 100; threshold {threshold}</source>
        <translation>Score {score} sur 100&#xa0;; seuil {threshold}</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>threshold {value}</source>
        <translation>seuil {value}</translation>
    </message>
</context>
<context>
    <name>SiteThresholdDialog</name>
    <message>
        <location filename="../../desktop/site_threshold_dialog.py" line="+80"/>
        <source>Site threshold (administrator&apos;s task)</source>
        <extracomment>Thresholds shown in the trade-off table besides the model&apos;s, the proposed and the one in force.</extracomment>
        <translation>Seuil du site (tâche d&apos;administrateur)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>&lt;b&gt;An administrator&apos;s task.&lt;/b&gt; The site threshold decides “Pneumonia likely” for every film screened from now on, for this model version. It is proposed from the results your clinicians reviewed: set it only when they are many and recent, and tell the clinicians.</source>
        <translation>&lt;b&gt;Tâche d&apos;administrateur.&lt;/b&gt; Le seuil du site détermine le libellé «&#xa0;Pneumonie probable&#xa0;» de chaque cliché analysé à partir de maintenant, pour cette version du modèle. Il est proposé d&apos;après les résultats relus par vos cliniciens&#xa0;: ne le définissez que s&apos;ils sont nombreux et récents, et informez-en les cliniciens.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Target sensitivity</source>
        <translation>Sensibilité cible</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Your name</source>
        <translation>Votre nom</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Target sensitivity:</source>
        <translation>Sensibilité &amp;cible&#xa0;:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set &amp;by:</source>
        <translation>Défini &amp;par&#xa0;:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Specificity</source>
        <translation>Spécificité</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Films flagged</source>
        <translation>Clichés signalés</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Trade-off between thresholds</source>
        <translation>Compromis selon le seuil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Apply the proposed threshold…</source>
        <translation>&amp;Appliquer le seuil proposé…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Reset to the model&apos;s threshold…</source>
        <translation>&amp;Revenir au seuil du modèle…</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>The site profile is damaged, so no threshold is in force and nothing is screened. Reset to the model&apos;s threshold ({model}): the damaged file is kept beside it under another name.</source>
        <translation>Le profil du site est endommagé&#xa0;: aucun seuil n&apos;est en vigueur et rien n&apos;est analysé. Revenez au seuil du modèle ({model})&#xa0;: le fichier endommagé est conservé à côté sous un autre nom.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>In force now: threshold {threshold}, {source}. The model&apos;s own threshold is {model}.</source>
        <translation>En vigueur&#xa0;: seuil {threshold}, {source}. Le seuil propre au modèle est {model}.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reading the reviewed results…</source>
        <translation>Lecture des résultats relus…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Reviewed results of this model version: {pneumonia} confirmed pneumonia, {normal} no pneumonia (at least {minimum} of each are needed).</source>
        <translation>Résultats relus pour cette version du modèle&#xa0;: {pneumonia} pneumonies confirmées, {normal} sans pneumonie (il en faut au moins {minimum} de chaque).</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Proposed threshold: {threshold}. On the reviewed films it finds {sensitivity:.1%} of pneumonia, passes {specificity:.1%} of healthy films, and flags {flagged:.0%} of all films.</source>
        <translation>Seuil proposé&#xa0;: {threshold}. Sur les clichés relus, il détecte {sensitivity:.1%} des pneumonies, laisse passer {specificity:.1%} des clichés sains et signale {flagged:.0%} de l&apos;ensemble des clichés.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{n} more confirmed-pneumonia reviews</source>
        <translation>{n} relectures «&#xa0;pneumonie confirmée&#xa0;»</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>{n} more no-pneumonia reviews</source>
        <translation>{n} relectures «&#xa0;pas de pneumonie&#xa0;»</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not enough evidence yet: {needs} are needed before a site threshold can be proposed. Review more results (keys 1-4 in the main window), then come back.</source>
        <translation>Données insuffisantes&#xa0;: il faut encore {needs} avant de pouvoir proposer un seuil du site. Relisez d&apos;autres résultats (touches 1-4 dans la fenêtre principale), puis revenez.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source> and </source>
        <translation> et </translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the model&apos;s</source>
        <translation>du modèle</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>in force</source>
        <translation>en vigueur</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>proposed</source>
        <translation>proposé</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Enter your name first: it is kept with the change.</source>
        <translation>Saisissez d&apos;abord votre nom&#xa0;: il est enregistré avec la modification.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Change the site threshold?</source>
        <translation>Modifier le seuil du site&#xa0;?</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Set the site threshold to {threshold} for this model version, as {name}?

From now on a film scoring {threshold} or more is labelled “Pneumonia likely”. Evidence: {pneumonia} confirmed pneumonia and {normal} no-pneumonia reviews, target sensitivity {target:.0%}.</source>
        <translation>Fixer le seuil du site à {threshold} pour cette version du modèle, en tant que {name}&#xa0;?

Désormais, un cliché dont le score est de {threshold} ou plus sera libellé «&#xa0;Pneumonie probable&#xa0;». Données&#xa0;: {pneumonia} relectures «&#xa0;pneumonie confirmée&#xa0;» et {normal} relectures «&#xa0;pas de pneumonie&#xa0;», sensibilité cible {target:.0%}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Go back to the model&apos;s own threshold ({threshold}), as {name}? The site threshold stays in the profile&apos;s history.</source>
        <translation>Revenir au seuil propre au modèle ({threshold}), en tant que {name}&#xa0;? Le seuil du site reste dans l&apos;historique du profil.</translation>
    </message>
</context>
<context>
    <name>Threshold</name>
    <message>
        <location filename="../../desktop/threshold_state.py" line="+58"/>
        <source>Threshold {threshold} ({source})</source>
        <translation>Seuil {threshold} ({source})</translation>
    </message>
</context>
<context>
    <name>WatchFolders</name>
    <message>
        <location filename="../../desktop/watch_folders.py" line="+132"/>
        <source>&amp;Watch folders…</source>
        <translation>Dossiers &amp;surveillés…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Screen new X-rays in chosen folders as they arrive</source>
        <translation>Analyser les nouvelles radiographies des dossiers choisis dès leur arrivée</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Pneumonia likely: {files} (from a watched folder)</source>
        <translation>Pneumonie probable&#xa0;: {files} (dossier surveillé)</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Watched folder unavailable: {folder}; waiting for it</source>
        <translation>Dossier surveillé indisponible&#xa0;: {folder}&#xa0;; en attente</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Watching {n} of {total} folders ({m} unavailable)</source>
        <translation>Surveillance&#xa0;: {n} dossiers sur {total} ({m} indisponibles)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Watching 1 folder</source>
        <translation>Surveillance&#xa0;: 1 dossier</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Watching {n} folders</source>
        <translation>Surveillance&#xa0;: {n} dossiers</translation>
    </message>
    <message>
        <location filename="../../desktop/watch_folders_dialog.py" line="+39"/>
        <source>Watching</source>
        <translation>Surveillé</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unavailable (removed or unplugged?)</source>
        <translation>Indisponible (retiré ou débranché&#xa0;?)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Watch folders</source>
        <translation>Dossiers surveillés</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New X-rays in these folders (and their subfolders) are screened as they arrive, once each file has been completely copied. Pneumonia-likely results are announced. The folders are remembered when PneumoScreen is closed.</source>
        <translation>Les nouvelles radiographies de ces dossiers (et de leurs sous-dossiers) sont analysées dès leur arrivée, une fois chaque fichier entièrement copié. Les résultats «&#xa0;Pneumonie probable&#xa0;» sont signalés. Les dossiers sont mémorisés à la fermeture de PneumoScreen.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Add folder…</source>
        <translation>&amp;Ajouter un dossier…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Retirer</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{folder} is not there now; it is watched again when it is back.</source>
        <translation>{folder} est absent pour le moment&#xa0;; il sera de nouveau surveillé dès son retour.</translation>
    </message>
</context>
</TS>
