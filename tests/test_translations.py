"""The translation files against the source: every text of the window translated in each language.

The source's texts are found as `make translations` finds them: pyside6-lupdate over
`desktop/*.py`, here into a scratch file so the committed files are only read. A translation
must keep what the program fills in or Qt interprets: `{name}` fields (`str.format`), `%1`/`%n`,
HTML tags, and at most one `&` accelerator (the letter Alt reaches), kept where the English has
one. The checks run first on small hand-made files, so each is seen to pass and to fail.
"""

from __future__ import annotations

import ast
import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop import card_texts, language
from scripts.translations import (
    TEMPLATE,
    TRANSLATIONS,
    compiled_file,
    release,
    source_files,
    update,
)

REPO = Path(__file__).resolve().parents[1]
#: Every language the window offers but English, the language of the source.
LANGUAGES = tuple(code for code in language.LANGUAGES if code != language.SOURCE_LANGUAGE)

Key = tuple[str, str, str]  # (context, source, disambiguation comment)


@dataclass(frozen=True)
class Message:
    """One text of a .ts file: its translation ("" if none) and whether it is finished."""

    translation: str
    finished: bool


def read_ts(path: Path) -> dict[Key, Message]:
    """Every message of the .ts file at `path`, by (context, source, comment)."""
    messages: dict[Key, Message] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            element = message.find("translation")
            forms = element.findall("numerusform") if element is not None else []
            text = (
                "\n".join(form.text or "" for form in forms)
                if forms
                else (element.text or "" if element is not None else "")
            )
            kind = element.get("type", "") if element is not None else "unfinished"
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            messages[key] = Message(text, kind == "")
    return messages


FIELD = re.compile(r"\{[^{}]*\}")
QT_ARGUMENT = re.compile(r"%(?:L?\d+|n)")
TAG = re.compile(r"</?[A-Za-z][^<>]*>")
ACCELERATOR = re.compile(r"(?<!&)&(?!&|#?\w+;)")


def accelerators(text: str) -> int:
    """The `&` marks of `text` that underline a letter (not `&&`, not an HTML entity)."""
    return len(ACCELERATOR.findall(text.replace("&&", "")))


def translation_problems(source: str, translation: str) -> list[str]:
    """What `translation` of `source` breaks: lost or added fields, arguments and tags, and
    accelerators (more than one, or one missing where the English has one)."""
    problems = []
    for what, pattern in (("field", FIELD), ("argument", QT_ARGUMENT), ("tag", TAG)):
        expected, found = Counter(pattern.findall(source)), Counter(pattern.findall(translation))
        if expected != found:
            problems.append(f"{what}s {sorted(expected.elements())} -> {sorted(found.elements())}")
    marks = accelerators(translation)
    if marks > 1:
        problems.append(f"{marks} '&' accelerators")
    elif marks == 0 and accelerators(source) == 1:
        problems.append("the '&' accelerator is lost")
    return problems


def file_problems(texts: set[Key], messages: dict[Key, Message]) -> list[str]:
    """Every text of `texts` that `messages` (one language's file) lacks, leaves unfinished or
    empty, or translates with a broken placeholder; one line each."""
    problems = []
    for key in sorted(texts):
        context, source, _ = key
        message = messages.get(key)
        where = f"{context}: {source!r}"
        if message is None:
            problems.append(f"{where} is missing (run `make translations`)")
        elif not message.finished or not message.translation.strip():
            problems.append(f"{where} is not translated")
        else:
            problems.extend(
                f"{where}: {problem}"
                for problem in translation_problems(source, message.translation)
            )
    return problems


@pytest.fixture(scope="module")
def source_texts(tmp_path_factory) -> set[Key]:
    """The texts of desktop/*.py as lupdate finds them (into a scratch file)."""
    scratch = tmp_path_factory.mktemp("lupdate") / "source.ts"
    update([scratch], source_files(), locations="none")
    return set(read_ts(scratch))


TS_HEAD = (
    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="fr">\n'
)


def hand_made_ts(path: Path, translations: dict[tuple[str, str], str | None]) -> Path:
    """A one-context .ts file: source -> translation (None: unfinished), in context "Demo"."""
    body = "".join(
        f"<message><source>{_xml(source)}</source>"
        + (
            '<translation type="unfinished"></translation>'
            if text is None
            else f"<translation>{_xml(text)}</translation>"
        )
        + "</message>"
        for (_, source), text in translations.items()
    )
    path.write_text(f"{TS_HEAD}<context><name>Demo</name>{body}</context></TS>\n", "utf-8")
    return path


def _xml(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


DEMO_SOURCES = {
    ("Demo", "Add &files…"): "Ajouter des &fichiers…",
    ("Demo", "{n} results"): "{n} résultats",
    ("Demo", "<b>Reviewed:</b> {decision}"): "<b>Relu :</b> {decision}",
    ("Demo", "Page %1 of %2"): "Page %1 sur %2",
}


def test_a_complete_hand_made_file_has_no_problems(tmp_path):
    path = hand_made_ts(tmp_path / "demo_fr.ts", DEMO_SOURCES)
    texts = {(context, source, "") for context, source in DEMO_SOURCES}
    assert file_problems(texts, read_ts(path)) == []


def test_missing_unfinished_and_broken_translations_are_each_named(tmp_path):
    broken = {
        ("Demo", "Add &files…"): "&Ajouter des &fichiers…",  # two accelerators
        ("Demo", "{n} results"): "{nombre} résultats",  # the field renamed
        ("Demo", "<b>Reviewed:</b> {decision}"): "Relu : {decision}",  # tags lost
        ("Demo", "Page %1 of %2"): None,  # unfinished
        ("Demo", "Save"): "",  # empty
    }
    path = hand_made_ts(tmp_path / "demo_fr.ts", broken)
    texts = {(context, source, "") for context, source in broken} | {("Demo", "Quit", "")}
    problems = file_problems(texts, read_ts(path))
    assert problems == [
        "Demo: '<b>Reviewed:</b> {decision}': tags ['</b>', '<b>'] -> []",
        "Demo: 'Add &files…': 2 '&' accelerators",
        "Demo: 'Page %1 of %2' is not translated",
        "Demo: 'Quit' is missing (run `make translations`)",
        "Demo: 'Save' is not translated",
        "Demo: '{n} results': fields ['{n}'] -> ['{nombre}']",
    ]


def test_a_lost_accelerator_is_a_problem_but_an_ampersand_pair_or_entity_is_not():
    assert translation_problems("&Quit", "Quitter") == ["the '&' accelerator is lost"]
    assert translation_problems("Tom && Jerry", "Tom && Jerry") == []
    assert translation_problems("A&nbsp;B", "A&nbsp;B") == []


def test_every_text_has_a_class_or_named_context(source_texts):
    """lupdate names the context after the class around `self.tr()`, or takes the first argument
    of `translate()`; a call it misreads (`parent.tr(...)`, `tr = translate`) lands in a context
    like "parent" or "", which no running window ever looks up."""
    odd = sorted(
        {context for context, _, _ in source_texts if not re.fullmatch(r"[A-Z]\w*", context)}
    )
    assert odd == []


#: Calls whose literal text is translated -> the position of that text among their arguments.
TRANSLATING_CALLS = {"tr": 0, "translate": 1, "QT_TRANSLATE_NOOP": 1}


def literal_texts(paths: list[Path]) -> set[str]:
    """Every string literal passed as the text of `tr()`, `translate()` or `QT_TRANSLATE_NOOP`
    in `paths`, read from their syntax trees (not by lupdate)."""
    found = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            index = TRANSLATING_CALLS.get(name)
            if index is None or len(node.args) <= index:
                continue
            text = node.args[index]
            if isinstance(text, ast.Constant) and isinstance(text.value, str):
                found.add(text.value)
    return found


def test_lupdate_finds_every_literal_text_the_window_translates(source_texts):
    """lupdate skips a `tr()` inside an f-string's braces: the About page's headings ("Intended
    use", "Measured performance") were shown in English in every language, and no check saw it."""
    missing = literal_texts(source_files()) - {source for _, source, _ in source_texts}
    assert missing == set()


def test_the_template_lists_exactly_the_sources_texts(source_texts):
    assert set(read_ts(TEMPLATE)) == source_texts, "run `make translations`"


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_text_is_translated_and_keeps_its_placeholders(source_texts, code):
    path = TRANSLATIONS / f"pneumoscreen_{code}.ts"
    problems = file_problems(source_texts, read_ts(path))
    assert not problems, f"{path.name}: {len(problems)} problem(s):\n" + "\n".join(problems)


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_committed_qm_file_is_built_from_its_ts_file(tmp_path, code):
    """The .qm files are committed (a fresh clone's `make run` speaks every language), so each
    must be what `make translations` makes of its .ts file today."""
    ts_file = TRANSLATIONS / f"pneumoscreen_{code}.ts"
    committed = compiled_file(ts_file)
    assert committed.is_file(), f"{committed.name} is missing: run `make translations`"
    fresh = tmp_path / committed.name
    release(ts_file, fresh)
    assert committed.read_bytes() == fresh.read_bytes(), f"{committed.name} is out of date"


def test_every_language_file_declares_its_language():
    for code in LANGUAGES:
        root = ET.parse(TRANSLATIONS / f"pneumoscreen_{code}.ts").getroot()
        assert root.get("language", "").split("_")[0] == code


def test_every_sentence_of_the_shipped_card_shown_in_the_window_is_listed_for_translation():
    """A new model card brings new sentences: they must be added to desktop/card_texts.py (and
    so to the translators' files) before the window can show them in another language."""
    card = json.loads((REPO / "resources" / "model" / "model.json").read_text(encoding="utf-8"))
    shown = card_texts.shown_texts(card)
    assert card["intended_use"] in shown and set(card["limitations"]) <= set(shown)
    unlisted = [text for text in shown if text not in card_texts.listed_texts()]
    assert unlisted == [], "add these to desktop/card_texts.py, then `make translations`"


def test_a_card_sentence_that_is_not_listed_is_found_by_that_check():
    card = {"intended_use": "A new use.", "limitations": ["A new limitation."]}
    assert set(card_texts.shown_texts(card)) - card_texts.listed_texts() == {
        "A new use.",
        "A new limitation.",
    }
