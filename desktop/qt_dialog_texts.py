"""Texts of Qt's own file dialog that Qt's shipped translations miss, translated with ours.

Qt 6 added accelerators to two labels of its file dialog ("&Look in:", "Files of &type:"), and
the French, Spanish and Portuguese `qtbase_*.qm` files that PySide6 ships still translate only the
old texts, so those two labels stayed English in an otherwise translated dialog. Listed here under
Qt's own context, they get into our `.ts` files; our translator is installed after Qt's, so Qt
asks it first (`desktop.app.install_translators`) and falls back to Qt's for everything else.
Nothing imports this module: pyside6-lupdate reads it.
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

QT_FILE_DIALOG_TEXTS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)
