"""Word (OOXML) details python-docx has no API for: right-to-left paragraphs, runs and tables,
the complex-script font, cell shading, repeated header rows, fields (page numbers, contents)."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: the font named in every run and style: Arabic-capable where Word runs (Windows, macOS)
FONT = "Arial"
#: the complex-script language of Arabic runs (Word picks shaping and digits from it)
BIDI_LANG = "ar-SA"


#: the language tag Word files are written in, by report language: spell-checking, hyphenation
#: and grammar follow it (the French Word report said "en-US", the template's)
WORD_LANG = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES", "ar": BIDI_LANG}


def word_lang(lang: str) -> str:
    return WORD_LANG.get(lang, lang)


def document_language(document: Any, lang: str) -> None:
    """The document's default language (``w:docDefaults``' run properties, and the theme fonts'
    language in the settings) is the report's: ``w:val`` for its text, ``w:bidi`` for
    complex-script (Arabic) text."""
    tag = word_lang(lang)
    defaults = _child(document.styles.element, "w:docDefaults", first=True)
    rpr = _child(_child(_child(defaults, "w:rPrDefault", first=True), "w:rPr"), "w:lang")
    rpr.set(qn("w:val"), tag)
    rpr.set(qn("w:bidi"), BIDI_LANG)
    theme = document.settings.element.find(qn("w:themeFontLang"))
    if theme is not None:
        theme.set(qn("w:val"), tag)
        theme.set(qn("w:bidi"), BIDI_LANG)


def _child(parent: Any, tag: str, first: bool = False) -> Any:
    """``parent``'s ``tag`` child, created (first or last) when missing."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def _insert_before(parent: Any, tag: str, successors: tuple[str, ...]) -> Any:
    """``parent``'s ``tag`` child, created before the first of ``successors`` present (the
    schema's order: Word refuses a file whose elements are out of order)."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    el = OxmlElement(tag)
    for name in successors:
        after = parent.find(qn(name))
        if after is not None:
            after.addprevious(el)
            return el
    parent.append(el)
    return el


def set_fonts(rpr: Any, size_pt: float | None = None) -> None:
    """Name :data:`FONT` for Latin and complex-script text (``w:ascii``, ``w:hAnsi``, ``w:cs``)
    and give the complex-script size (``w:szCs``) the Latin size."""
    fonts = _child(rpr, "w:rFonts", first=True)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme"):
        fonts.attrib.pop(qn(attr), None)
    if size_pt is not None:
        half = str(round(size_pt * 2))
        _child(rpr, "w:sz").set(qn("w:val"), half)
        _child(rpr, "w:szCs").set(qn("w:val"), half)


def cs_size(rpr: Any, size_pt: float) -> None:
    """The complex-script (Arabic) size of a run (``w:szCs``), where the schema puts it."""
    later = (
        "w:highlight", "w:u", "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign",
        "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
    )  # fmt: skip
    _insert_before(rpr, "w:szCs", later).set(qn("w:val"), str(round(size_pt * 2)))


def joined_letters(style: Any) -> None:
    """No letter spacing in ``style`` (the template's Title and Subtitle expand theirs): spacing
    between joined Arabic letters is drawn as stretched joins, which read as a rule struck
    through the title and subtitle (LibreOffice)."""
    rpr = style.element.get_or_add_rPr()
    for el in rpr.findall(qn("w:spacing")):
        rpr.remove(el)


def rtl_run(run: Any, lang: bool = True) -> None:
    """Mark a run right-to-left (``w:rtl``) with the Arabic complex-script language (``lang``:
    none for a run without letters, see :func:`workbench.reporting.rtl.has_letters`)."""
    rpr = run._r.get_or_add_rPr()
    set_fonts(rpr)
    _insert_before(rpr, "w:rtl", ("w:cs", "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish"))
    if lang:
        _insert_before(rpr, "w:lang", ("w:eastAsianLayout", "w:specVanish", "w:oMath")).set(
            qn("w:bidi"), BIDI_LANG
        )


def _after_style(props: Any, style_tag: str, tag: str) -> None:
    """Add an empty ``tag`` to ``props`` right after its style reference (or first): where the
    schema puts the bidi switches of paragraphs (``w:bidi``) and tables (``w:bidiVisual``)."""
    el = OxmlElement(tag)
    style = props.find(qn(style_tag))
    if style is not None:
        style.addnext(el)
    else:
        props.insert(0, el)


def bidi_paragraph(paragraph: Any) -> None:
    """A right-to-left paragraph (``w:bidi``): its start is the right margin."""
    _after_style(paragraph._p.get_or_add_pPr(), "w:pStyle", "w:bidi")


def bidi_section(section: Any) -> None:
    """Page furniture (headers, footers, columns) right to left."""
    _insert_before(
        section._sectPr,
        "w:bidi",
        ("w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"),
    )


#: a hyphen Word never breaks a line at, as the text holds it until :func:`word_hyphens` writes
#: it as Word's own ``w:noBreakHyphen`` (U+2011, the non-breaking hyphen)
NB_HYPHEN = "\u2011"
_IN_WORD = re.compile(r"(?<=\w)-(?=\w)")


def hyphens_kept(text: str) -> str:
    """``text`` with each hyphen inside a word ("sous-critères", "SHA-256") one the line never
    breaks at: where a break reads badly — a heading, a table's cell, a caption, a contents
    entry. The French Word report's "Règle IRIS par niveaux (tous les sous- / critères …)"
    broke at the hyphen in two headings and in the methods table's first column (rd21 fr
    pp. 72–73); running text keeps its ordinary hyphens."""
    return _IN_WORD.sub(NB_HYPHEN, text) if "-" in text else text


def word_hyphens(root: Any) -> None:
    """Each :data:`NB_HYPHEN` in ``root``'s text (``w:t``) written as Word's ``w:noBreakHyphen``
    between the text before and after it, in the same run: Word and LibreOffice draw it as a
    hyphen and never break there, in any font (the character itself is missing from some),
    and python-docx reads it back as "-"."""
    tag, space = qn("w:t"), qn("xml:space")
    for t in [t for t in root.iter(tag) if t.text and NB_HYPHEN in t.text]:
        parts = t.text.split(NB_HYPHEN)
        at = t
        for i, part in enumerate(parts):
            if i:
                hyphen = OxmlElement("w:noBreakHyphen")
                at.addnext(hyphen)
                at = hyphen
            if not part:
                continue
            el = OxmlElement("w:t")
            el.text = part
            if part != part.strip():
                el.set(space, "preserve")
            at.addnext(el)
            at = el
        t.getparent().remove(t)


def keep_with_next(paragraph: Any) -> None:
    paragraph.paragraph_format.keep_with_next = True


def _fld_char(paragraph: Any, kind: str, dirty: bool = False) -> Any:
    run = paragraph.add_run()
    el = OxmlElement("w:fldChar")
    el.set(qn("w:fldCharType"), kind)
    if dirty:
        el.set(qn("w:dirty"), "true")
    run._r.append(el)
    return run


def field_start(paragraph: Any, instruction: str, dirty: bool = False) -> None:
    """The start of a field (``TOC …``) whose result follows, maybe over several paragraphs,
    until :func:`field_end`; ``dirty``: its result is stale, Word recomputes it on opening
    (the contents' page numbers, which only a layout engine knows)."""
    _fld_char(paragraph, "begin", dirty)
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    _fld_char(paragraph, "separate")


def field_end(paragraph: Any) -> None:
    _fld_char(paragraph, "end")


def field(paragraph: Any, instruction: str, shown: str = "") -> Any:
    """A field (``PAGE``, ``NUMPAGES``) whose result Word updates; ``shown`` is the text seen
    before it does. Returns the run holding that text."""
    field_start(paragraph, instruction)
    result = paragraph.add_run(shown)
    field_end(paragraph)
    return result


def bookmark(paragraph: Any, name: str, ident: int) -> None:
    """A bookmark ``name`` around the paragraph's text: where the contents' links go."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    if p.pPr is not None:
        p.pPr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def link_runs(paragraph: Any, anchor: str, runs: list[Any]) -> None:
    """``runs`` of the paragraph (its last ones) made one link to the bookmark ``anchor``
    (``w:hyperlink``)."""
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    for run in runs:
        link.append(run)  # moved from the paragraph into the link
    paragraph._p.append(link)


def update_fields_on_open(document: Any) -> None:
    """Ask Word to refresh fields (the contents' page numbers) when the file is opened."""
    later = (
        "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars",
        "w:rsids", "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
        "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
        "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
        "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
    )  # fmt: skip
    _insert_before(document.settings.element, "w:updateFields", later).set(qn("w:val"), "true")
