"""The window's commands: one `QAction` each, shared by the menu, the toolbar and the drop zone.

One action per command means one shortcut, one enabled state and one translated label wherever
the command appears.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QStyle, QToolBar

translate = QCoreApplication.translate


@dataclass(frozen=True)
class WindowActions:
    add_files: QAction
    add_folder: QAction
    export: QAction
    cancel: QAction
    find: QAction
    performance: QAction
    site_threshold: QAction
    about: QAction
    quit: QAction
    print_report: QAction
    day_summary: QAction


def every_action(actions: WindowActions) -> list[QAction]:
    """Each of the window's commands, e.g. to let their shortcuts through a text box."""
    return [getattr(actions, field.name) for field in fields(actions)]


def make_actions(window: QMainWindow) -> WindowActions:
    """Create the actions (not yet connected) with their shortcuts and icons."""
    style = window.style()

    def action(text: str, shortcut, icon: QStyle.StandardPixmap | None, tip: str) -> QAction:
        created = QAction(text, window)
        created.setShortcut(QKeySequence(shortcut))
        created.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if icon is not None:
            created.setIcon(style.standardIcon(icon))
        created.setToolTip(f"{tip} ({created.shortcut().toString(QKeySequence.NativeText)})")
        created.setStatusTip(tip)
        return created

    pixmap = QStyle.StandardPixmap
    return WindowActions(
        add_files=action(
            translate("Actions", "Add &files…"),
            QKeySequence.StandardKey.Open,
            pixmap.SP_FileIcon,
            translate("Actions", "Choose X-ray files to screen"),
        ),
        add_folder=action(
            translate("Actions", "Add f&older…"),
            "Ctrl+Shift+O",
            pixmap.SP_DirOpenIcon,
            translate("Actions", "Choose a folder; every image inside is screened"),
        ),
        export=action(
            translate("Actions", "&Export CSV…"),
            "Ctrl+E",
            pixmap.SP_DialogSaveButton,
            translate("Actions", "Save results as a CSV file"),
        ),
        cancel=action(
            translate("Actions", "&Cancel screening"),
            Qt.Key.Key_Escape,
            pixmap.SP_BrowserStop,
            translate("Actions", "Stop after the files in progress; keep results"),
        ),
        find=action(
            translate("Actions", "&Search results"),
            QKeySequence.StandardKey.Find,
            None,
            translate("Actions", "Search file names, patients and reasons"),
        ),
        performance=action(
            translate("Actions", "&How the model does here…"),
            "Ctrl+Shift+P",
            pixmap.SP_FileDialogInfoView,
            translate(
                "Actions", "Sensitivity, specificity and ROC curve from the reviewed results"
            ),
        ),
        site_threshold=action(
            translate("Actions", "&Site threshold…"),
            "Ctrl+Shift+T",
            None,
            translate(
                "Actions", "Administrator's task: set this clinic's threshold from its reviews"
            ),
        ),
        about=action(
            translate("Actions", "&About PneumoScreen"),
            QKeySequence.StandardKey.HelpContents,
            pixmap.SP_MessageBoxInformation,
            translate("Actions", "Model card, licences and privacy"),
        ),
        quit=action(
            translate("Actions", "&Quit"),
            "Ctrl+Q",
            None,
            translate("Actions", "Close PneumoScreen"),
        ),
        print_report=action(
            translate("Actions", "&Print report…"),
            QKeySequence.StandardKey.Print,
            None,
            translate("Actions", "A one-page report of the selected result, printed or as PDF"),
        ),
        day_summary=action(
            translate("Actions", "&Day summary report…"),
            "Ctrl+Shift+D",
            None,
            translate("Actions", "Counts and flagged films of one day, printed or as PDF"),
        ),
    )


def build_menus(
    window: QMainWindow, actions: WindowActions, view: list[QAction], review: list[QAction]
) -> None:
    """File, View, Review, Administration and Help menus; `review` are the decision actions."""
    file_menu = window.menuBar().addMenu(translate("Actions", "&File"))
    file_menu.addActions([actions.add_files, actions.add_folder])
    file_menu.addSeparator()
    file_menu.addAction(actions.export)
    file_menu.addActions([actions.print_report, actions.day_summary])
    file_menu.addSeparator()
    file_menu.addAction(actions.cancel)
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)
    view_menu = window.menuBar().addMenu(translate("Actions", "&View"))
    view_menu.addAction(actions.find)
    view_menu.addSeparator()
    view_menu.addActions(view)
    review_menu = window.menuBar().addMenu(translate("Actions", "&Review"))
    review_menu.addActions(review)
    review_menu.addSeparator()
    review_menu.addAction(actions.performance)
    admin_menu = window.menuBar().addMenu(translate("Actions", "A&dministration"))
    admin_menu.addAction(actions.site_threshold)
    help_menu = window.menuBar().addMenu(translate("Actions", "&Help"))
    help_menu.addAction(actions.about)


def build_toolbar(window: QMainWindow, actions: WindowActions) -> QToolBar:
    """The main toolbar, text beside icons: clinic users should not have to guess an icon."""
    toolbar = window.addToolBar(translate("Actions", "Main toolbar"))
    toolbar.setObjectName("mainToolbar")  # saveState() needs a name
    toolbar.setMovable(False)
    toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    toolbar.addActions([actions.add_files, actions.add_folder])
    toolbar.addSeparator()
    toolbar.addAction(actions.export)
    toolbar.addAction(actions.cancel)
    toolbar.addSeparator()
    toolbar.addAction(actions.about)
    return toolbar
