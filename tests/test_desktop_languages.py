"""The window in each language: the Language menu, the remembered choice, and nothing cut off.

Layout: the main window (empty; then with results, the filter bar and the detail pane showing
each kind of result, the patient form unfolded), the About dialog, the export dialog and the
window's other dialogs are opened at 1024 x 600, a clinic laptop's screen, in French,
Portuguese and Spanish (the shipped .qm files), and in a pseudo-language whose every text is 40%
longer than the English (built here from the source), so a text that fits today only by luck
is found before a translator makes it longer. Every visible label, button, check box, radio
button, combo box and tab that does not show its whole text is reported by name and text.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import math
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import replace
from html import escape
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QPoint, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QToolButton,
    QWidget,
)

import desktop.app
import desktop.language_menu
from core.model_card import load_model_card
from core.paths import model_card_path
from core.result import Status
from core.review import ReviewDecision
from desktop import language, settings
from desktop.about_dialog import AboutDialog
from desktop.age_rule_dialog import open_age_rule_dialog
from desktop.app import install_translators
from desktop.export_dialog import ExportCounts, ExportScopeDialog
from desktop.language_menu import LanguageMenu
from desktop.main_window import MainWindow
from desktop.report_dialog import open_day_summary, open_result_report
from scripts.translations import TRANSLATIONS, release, source_files, update
from tests.review_fixtures import log_results, log_reviews, make_result

SCREEN = (1024, 600)
#: Every language the window offers but English, the language of the source.
LANGUAGES = tuple(code for code in language.LANGUAGES if code != language.SOURCE_LANGUAGE)
STRETCH = 1.4

# -- the pseudo-language ---------------------------------------------------------------------

#: What a translation must keep as it is: fields, Qt arguments, tags, entities, accelerators.
PROTECTED = re.compile(r"\{[^{}]*\}|%(?:L?\d+|n)|</?[A-Za-z][^<>]*>|&#?\w+;|&&|&")
WORD = re.compile(r"[^\W\d_]+")


def stretched(text: str, factor: float = STRETCH) -> str:
    """`text` `factor` times as long, its words lengthened with their own letters (so the
    glyphs keep their usual widths) and its placeholders, tags and accelerator untouched."""
    pieces = PROTECTED.split(text)
    kept = PROTECTED.findall(text)
    letters = sum(len(word) for piece in pieces for word in WORD.findall(piece))
    visible = sum(len(piece) for piece in pieces)
    if not letters:
        return text
    extra = math.ceil(visible * (factor - 1))

    def lengthen(match: re.Match[str]) -> str:
        nonlocal extra, letters
        word = match.group()
        add = math.ceil(extra * len(word) / letters)
        extra, letters = extra - add, letters - len(word)
        return word + "".join(word[i % len(word)].lower() for i in range(add))

    out = [WORD.sub(lengthen, pieces[0])]
    for mark, piece in zip(kept, pieces[1:], strict=True):
        out += [mark, WORD.sub(lengthen, piece)]
    return "".join(out)


def test_the_pseudo_language_is_40_percent_longer_and_keeps_placeholders():
    text = "<b>Reviewed:</b> {decision}, by &reviewer %1"
    longer = stretched(text)
    assert PROTECTED.findall(longer) == PROTECTED.findall(text)
    visible = len("".join(PROTECTED.split(text)))
    assert len("".join(PROTECTED.split(longer))) >= STRETCH * visible


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory) -> Path:
    """The pseudo-language's .qm, from the texts in the source today."""
    folder = tmp_path_factory.mktemp("pseudo")
    ts_file = folder / "pneumoscreen_pseudo.ts"
    update([ts_file], source_files(), locations="none")
    tree = ET.parse(ts_file)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        translation.text = stretched(message.findtext("source") or "")
        translation.attrib.pop("type", None)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)
    release(ts_file, folder / "pneumoscreen_pseudo.qm")
    return folder / "pneumoscreen_pseudo.qm"


@pytest.fixture
def speak(qapp, pseudo_qm) -> Iterator:
    """`speak(code)` installs the translations of `code` (a shipped language, or "pseudo") for
    the rest of the test, as the app does at start-up."""
    installed: list[QTranslator] = []

    def install(code: str) -> None:
        if code == "pseudo":
            translator = QTranslator(qapp)
            assert translator.load(str(pseudo_qm))
            qapp.installTranslator(translator)
            installed.append(translator)
            return
        qm_file = language.translation_file(TRANSLATIONS, code)
        if not qm_file.is_file():
            pytest.fail(f"{qm_file.name} is missing: run `make translations`")
        installed.extend(install_translators(qapp, QLocale(code)))

    yield install
    for translator in installed:
        qapp.removeTranslator(translator)


# -- what "cut off" means ----------------------------------------------------------------------


def _name(widget: QWidget, text: str) -> str:
    return f"{type(widget).__name__} {widget.objectName() or '(unnamed)'} {text!r}"


def _combo_room(combo: QComboBox) -> int:
    """The width of the combo box's text field, between its frame and its arrow."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    return field.width()


def texts_and_room(widget: QWidget) -> list[tuple[str, int, int]]:
    """(text, pixels it needs, pixels it gets) for each text `widget` shows in one line; none
    for a word-wrapping label (it grows downwards) or a widget of another kind."""
    if isinstance(widget, QLabel):
        if widget.wordWrap():
            return []
        return [(widget.text(), widget.sizeHint().width(), widget.width())]
    if isinstance(widget, (QPushButton, QToolButton, QCheckBox, QRadioButton)):
        return [(widget.text(), widget.sizeHint().width(), widget.width())]
    if isinstance(widget, QComboBox):
        text = widget.currentText()
        return [(text, widget.fontMetrics().horizontalAdvance(text), _combo_room(widget))]
    if isinstance(widget, QTabBar):
        return [
            (widget.tabText(i), widget.tabSizeHint(i).width(), widget.tabRect(i).width())
            for i in range(widget.count())
        ]
    return []


def cut_off(top: QWidget) -> list[str]:
    """Every visible widget under `top` (and `top`) that does not show all of its text."""
    return [
        f"{_name(widget, text)}: {wanted} px wanted, {shown} px shown"
        for widget in [top, *top.findChildren(QWidget)]
        if widget.isVisible() and widget.width() > 0
        for text, wanted, shown in texts_and_room(widget)
        if text and wanted > shown
    ]


def too_big_for_the_screen(window: QWidget) -> list[str]:
    """The window, if it cannot be made as small as the screen; sideways scrolling; a toolbar or
    menu bar whose commands no longer fit and hide behind its "»" button."""
    problems = []
    if window.width() > SCREEN[0] or window.height() > SCREEN[1]:
        problems.append(f"{type(window).__name__} is {window.width()} x {window.height()} px")
    for area in window.findChildren(QScrollArea):
        if area.isVisible() and area.horizontalScrollBar().isVisible():
            problems.append(f"{area.objectName() or 'a scroll area'} scrolls sideways")
    for name in ("qt_toolbar_ext_button", "qt_menubar_ext_button"):
        hidden = [button for button in window.findChildren(QToolButton, name) if button.isVisible()]
        if hidden:
            problems.append(f"{name}: commands do not fit")
    return problems


def test_a_cut_off_label_button_and_combo_box_are_each_reported(qtbot):
    box = QWidget()
    qtbot.addWidget(box)
    label = QLabel("A label far too long for its place", box, objectName="narrowLabel")
    button = QPushButton("&Choose a file from the list", box, objectName="narrowButton")
    combo = QComboBox(box, objectName="narrowCombo")
    combo.addItem("Reviewer disagrees with the model")
    fitting = QLabel("Fits", box, objectName="roomyLabel")
    box.show()
    for widget, y in ((label, 0), (button, 30), (combo, 60)):
        widget.setGeometry(0, y, 60, 25)
    fitting.setGeometry(0, 90, 200, 25)
    names = [problem.split(":")[0] for problem in cut_off(box)]
    assert names == [
        "QLabel narrowLabel 'A label far too long for its place'",
        "QPushButton narrowButton '&Choose a file from the list'",
        "QComboBox narrowCombo 'Reviewer disagrees with the model'",
    ]


# -- the window, its dialogs, in each language --------------------------------------------------


@pytest.fixture
def results(home):
    """A day's results in the log: pneumonia likely (typed patient, outside the validated
    ages), no signs, rejected, unreadable; two reviewed."""
    outside = replace(
        make_result(0, 85.0),
        patient_id="P-0017",
        patient_name="Amina Mwangi",
        patient_sex="F",
        patient_age_years=34.0,
        age_warning="outside the validated ages of 1-5 years",
    )
    logged = log_results(
        [
            outside,
            make_result(1, 12.0),
            make_result(2, None, Status.REJECTED),
            make_result(3, None, Status.ERROR),
        ]
    )
    log_reviews([(logged[0], ReviewDecision.PNEUMONIA), (logged[1], ReviewDecision.NO_PNEUMONIA)])
    return logged


def open_window(qtbot) -> MainWindow:
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    window.resize(*SCREEN)
    window.show()
    qtbot.waitExposed(window)
    return window


def select(qtbot, window: MainWindow, row: int) -> None:
    window.select_row(row)
    qtbot.waitUntil(lambda: window.detail.result() is not None)
    QApplication.processEvents()


@pytest.mark.parametrize("code", [*LANGUAGES, "pseudo"])
def test_the_empty_window_shows_every_text_whole_at_1024_by_600(qtbot, speak, home, code):
    speak(code)
    window = open_window(qtbot)  # the first start: the big drop zone
    problems = too_big_for_the_screen(window) + cut_off(window)
    assert not problems, f"{code}: cut off:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", [*LANGUAGES, "pseudo"])
def test_the_main_window_shows_every_text_whole_at_1024_by_600(qtbot, speak, results, code):
    speak(code)
    window = open_window(qtbot)
    problems = too_big_for_the_screen(window)
    for row in range(window.proxy.rowCount()):  # each kind of result in the detail pane
        select(qtbot, window, row)
        form = window.detail.patient_form
        if form.isVisible():
            form.toggle.setChecked(True)  # the patient's fields, unfolded
            QApplication.processEvents()
        problems += [f"row {row}: {p}" for p in cut_off(window) + too_big_for_the_screen(window)]
    assert not problems, f"{code}: cut off:\n" + "\n".join(dict.fromkeys(problems))


@pytest.mark.parametrize("code", [*LANGUAGES, "pseudo"])
def test_the_about_dialog_shows_every_text_whole(qtbot, speak, home, code):
    speak(code)
    dialog = AboutDialog(load_model_card(model_card_path()))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = cut_off(dialog) + too_big_for_the_screen(dialog)
    assert not problems, f"{code}: cut off:\n" + "\n".join(problems)


@pytest.mark.parametrize("code", [*LANGUAGES, "pseudo"])
def test_the_export_dialog_shows_every_text_whole(qtbot, speak, home, code):
    speak(code)
    dialog = ExportScopeDialog(ExportCounts(all=1234, filtered=56, selected=7, is_filtered=True))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    problems = cut_off(dialog) + too_big_for_the_screen(dialog)
    assert not problems, f"{code}: cut off:\n" + "\n".join(problems)


def the_windows_dialogs(window: MainWindow) -> Iterator[QWidget]:
    """Each dialog the window opens from its menus (the file dialogs are Qt's own)."""
    window.select_row(0)
    yield open_result_report(window)
    yield open_day_summary(window)
    yield open_age_rule_dialog(window, lambda: None)
    window.show_site_threshold()
    yield window.site_threshold_dialog
    window.show_performance()
    yield window.performance_dialog
    window.watch_folders.show_dialog()
    yield window.watch_folders.dialog


@pytest.mark.parametrize("code", [*LANGUAGES, "pseudo"])
def test_the_windows_other_dialogs_show_every_text_whole(qtbot, speak, results, code):
    speak(code)
    window = open_window(qtbot)
    problems = []
    for dialog in the_windows_dialogs(window):
        qtbot.waitExposed(dialog)
        qtbot.waitUntil(lambda: window.tasks.active() == 0, timeout=30_000)  # figures, counts
        for _ in range(3):  # their texts set, then laid out
            QApplication.processEvents()
        name = type(dialog).__name__
        problems += [f"{name}: {p}" for p in cut_off(dialog) + too_big_for_the_screen(dialog)]
        dialog.close()
    assert not problems, f"{code}: cut off:\n" + "\n".join(problems)


# -- choosing the language ---------------------------------------------------------------------


def test_the_default_is_the_systems_language_when_the_window_speaks_it():
    assert language.default_language(QLocale("fr_SN")) == "fr"
    assert language.default_language(QLocale("pt_MZ")) == "pt"
    assert language.default_language(QLocale("es_PE")) == "es"
    assert language.default_language(QLocale("sw_KE")) == "en"
    assert language.default_language(QLocale.c()) == "en"


def test_the_chosen_language_is_remembered_and_a_damaged_setting_gives_the_default(home):
    language.save_language("pt")
    assert language.chosen_language() == "pt"
    settings.app_settings().setValue(settings.LANGUAGE, "klingon")
    assert language.chosen_language() == language.default_language()
    with pytest.raises(ValueError, match="klingon"):
        language.save_language("klingon")


def test_the_locale_keeps_the_systems_country_for_its_own_language():
    assert language.language_locale("pt", QLocale("pt_MZ")).name() == "pt_MZ"
    assert language.language_locale("fr", QLocale("pt_MZ")).name() == "fr_FR"


def test_the_language_menu_names_each_language_in_itself(qtbot, home):
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    menu = window.findChild(LanguageMenu)
    assert [action.text() for action in menu.actions()] == [
        "English",
        "Français",
        "Português",
        "Español",
    ]
    assert [a.text() for a in menu.actions() if a.isChecked()] == [
        language.LANGUAGES[language.default_language()]
    ]
    assert "next started" in menu.menuAction().statusTip()
    view = next(
        m for m in window.menuBar().findChildren(QMenu) if window.commands.find in m.actions()
    )
    assert menu.menuAction() in view.actions()


def click_menu(qtbot, menu: QMenu, action) -> None:
    """Open `menu` and click `action` in it, as a mouse does."""
    menu.popup(QPoint(0, 0))
    qtbot.waitExposed(menu)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())


FRENCH_TS = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context><name>MainWindow</name>
<message><source>PneumoScreen: chest X-ray screening aid</source>
<translation>PneumoScreen : aide au dépistage sur radiographie thoracique</translation></message>
</context>
<context><name>Actions</name>
<message><source>&amp;View</source><translation>&amp;Affichage</translation></message>
</context>
<context><name>LanguageMenu</name>
<message><source>The language changes when PneumoScreen is next started.</source>
<translation>La langue change au prochain démarrage de PneumoScreen.</translation></message>
</context>
</TS>
"""


def test_choosing_french_in_the_menu_opens_the_next_window_in_french(
    qtbot, qapp, home, tmp_path, monkeypatch
):
    """A user on an English window picks View > Language > Français: they are told, in both
    languages, that it takes effect at the next start; after a restart the window is French
    and the menu says so."""
    folder = tmp_path / "resources" / "translations"
    folder.mkdir(parents=True)
    (folder / "pneumoscreen_fr.ts").write_text(FRENCH_TS, encoding="utf-8")
    release(folder / "pneumoscreen_fr.ts", folder / "pneumoscreen_fr.qm")
    for module in (desktop.app, desktop.language_menu):  # where the installed app looks
        monkeypatch.setattr(module, "resources_dir", lambda: tmp_path / "resources")
    language.save_language("en")

    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    window.show()
    menu = window.findChild(LanguageMenu)
    click_menu(qtbot, menu, menu.language_action("fr"))
    qtbot.waitUntil(lambda: menu.notice is not None and menu.notice.isVisible())
    notice: QMessageBox = menu.notice
    assert "next started" in notice.text()
    assert "au prochain démarrage" in notice.text()
    assert language.chosen_language() == "fr"
    assert window.windowTitle() == "PneumoScreen: chest X-ray screening aid"  # not before a restart
    notice.close()
    window.close()

    installed = install_translators(qapp)  # what app.run() does at the next start
    try:
        restarted = MainWindow(load_model=False)
        qtbot.addWidget(restarted)
        assert restarted.windowTitle().startswith("PneumoScreen : aide au dépistage")
        assert restarted.menuBar().actions()[1].text() == "&Affichage"
        menu = restarted.findChild(LanguageMenu)
        assert [a.text() for a in menu.actions() if a.isChecked()] == ["Français"]
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_choosing_the_language_already_shown_says_nothing(qtbot, home):
    language.save_language("en")
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    menu = window.findChild(LanguageMenu)
    menu.language_action("en").trigger()
    assert menu.notice is None


def test_qts_own_dialogs_follow_the_chosen_language_not_the_systems(qapp, home):
    """Qt's standard buttons ("Cancel") come from Qt's translations for the chosen language."""
    language.save_language("fr")
    installed = install_translators(qapp)
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)
    language.save_language("en")
    installed = install_translators(qapp)
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


def test_portuguese_gets_qts_brazilian_dialogs_where_qt_has_no_other(qapp, home):
    installed = install_translators(qapp, QLocale("pt_MZ"))
    try:
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancelar"
    finally:
        for translator in installed:
            qapp.removeTranslator(translator)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_shipped_translations_translate_the_window(qtbot, speak, home, code):
    speak(code)
    window = MainWindow(load_model=False)
    qtbot.addWidget(window)
    assert window.windowTitle() != "PneumoScreen: chest X-ray screening aid"
    assert window.commands.about.text() != "&About PneumoScreen"


def test_the_about_page_shows_the_cards_sentences_in_the_chosen_language(qtbot, qapp, tmp_path):
    """The card's own sentences go through `card_texts`: translated where the language has
    them, the card's English where it does not (a new card's sentence not yet translated)."""
    card = load_model_card(model_card_path())
    first_limitation = card.raw["limitations"][0]
    ts_file = tmp_path / "card_fr.ts"
    ts_file.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr">'
        "<context><name>ModelCard</name><message>"
        f"<source>{escape(card.raw['intended_use'])}</source>"
        "<translation>Aide au dépistage, en français.</translation>"
        "</message></context></TS>\n",
        encoding="utf-8",
    )
    release(ts_file, tmp_path / "card_fr.qm")
    translator = QTranslator(qapp)
    assert translator.load(str(tmp_path / "card_fr.qm"))
    qapp.installTranslator(translator)
    try:
        dialog = AboutDialog(card)
        qtbot.addWidget(dialog)
        html = dialog.model_html(card)
    finally:
        qapp.removeTranslator(translator)
    assert "Aide au dépistage, en français." in html
    assert escape(card.raw["intended_use"]) not in html
    assert escape(first_limitation) in html  # not translated here: the English stays


# -- the patient in the window's language ------------------------------------------------------


def test_a_patient_outside_the_validated_ages_is_described_wholly_in_french(speak):
    """The sex, the age and the age warning come from the engine in English (the CSV's words);
    the window says them in its own language, the validated range kept."""
    from dataclasses import replace

    from core.patient import age_warning
    from desktop.patient_text import age_warning_text, patient_lines

    speak("fr")
    result = replace(
        make_result(0, 80.0),
        patient_sex="F",
        patient_age_years=34.2,
        patient_birth_date="1992-05-01",
        age_warning=age_warning(34.2, (1, 5)),
    )
    assert age_warning_text(result) == (
        "Le patient a 34\u00a0ans\u00a0: en dehors des âges sur lesquels ce modèle a été validé "
        "(1-5\u00a0ans). Interprétez ce résultat avec prudence."
    )
    (_, sex_and_age) = patient_lines(result)[1]
    assert sex_and_age.startswith("Féminin, 34\u00a0ans")
    infant = replace(result, patient_age_years=0.5, age_warning=age_warning(0.5, (1, 5)))
    assert "6\u00a0mois" in age_warning_text(infant)
    for english in ("Female", "years", "outside", "months"):
        assert english not in age_warning_text(result) + sex_and_age + age_warning_text(infant)


@pytest.mark.parametrize("code", LANGUAGES)
def test_qts_own_file_dialog_has_no_english_label_left(qtbot, speak, code):
    """Qt's shipped translations miss two labels Qt 6 renamed ("&Look in:", "Files of &type:");
    ours supply them, so the Add-files dialog is wholly in the chosen language."""
    from PySide6.QtWidgets import QFileDialog, QLabel

    english = QFileDialog()
    english.setOption(QFileDialog.Option.DontUseNativeDialog)
    english_labels = {label.text() for label in english.findChildren(QLabel) if label.text()}
    speak(code)
    dialog = QFileDialog()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel) if label.text()}
    assert len(english_labels) >= 3
    assert labels.isdisjoint(english_labels), labels & english_labels


@pytest.mark.parametrize(
    ("code", "zero"), [("en", "0 files"), ("fr", "0 fichier"), ("pt", "0 ficheiros")]
)
def test_a_count_of_zero_takes_the_number_its_language_gives_it(code, zero):
    """French says the singular for 0 ("0 fichier"); English and European Portuguese do not."""
    from desktop.labels import count_text

    words = {
        "en": ("file", "files"),
        "fr": ("fichier", "fichiers"),
        "pt": ("ficheiro", "ficheiros"),
    }
    one, many = (f"{{n}} {word}" for word in words[code])
    before = QLocale()
    QLocale.setDefault(QLocale(code))
    try:
        assert count_text(0, one, many) == zero
        assert count_text(1, one, many) == one.format(n=1)
        assert count_text(2, one, many) == many.format(n=2)
    finally:
        QLocale.setDefault(before)


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("en", "4 files: 1 screened, 3 rejected, 0 could not be read (0 answered from the log)."),
        (
            "fr",
            "4 fichiers\u00a0: 1 analysé, 3 rejetés, 0 illisible (0 repris du journal).",
        ),
        (
            "es",
            "4 archivos: 1 analizado, 3 rechazados, 0 no legibles (0 tomados del registro).",
        ),
    ],
)
def test_each_count_of_the_batch_summary_agrees_with_its_own_words(qtbot, speak, code, expected):
    """Four counts in one sentence: each takes its own number ("1 analysé, 3 rejetés")."""
    from core.result import Status
    from desktop.batch import BatchProgress
    from desktop.progress_panel import ProgressPanel

    if code != "en":  # English is the source: no translation to install
        speak(code)
    before = QLocale()
    QLocale.setDefault(QLocale(code))
    try:
        progress = BatchProgress(total=4)
        progress.done = 4
        progress.by_status.update({Status.OK: 1, Status.REJECTED: 3})
        panel = ProgressPanel(QAction())
        qtbot.addWidget(panel)
        assert panel.summary(progress, cancelled=False) == expected
    finally:
        QLocale.setDefault(before)
