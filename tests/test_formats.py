"""Every format and encoding users bring gives the same paragraphs, origins and labels.

The files are made here from tests/data/water: the full translation (one paragraph a line)
and the hard-wrapped one (one paragraph a block) as UTF-16 and cp1252 text, the translation as
a saved web page inside navigation, scripts, a sidebar and a footer, and as a Word file.
"""

from __future__ import annotations

import _socket
import re
import socket
import subprocess
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from reader.core import Corpus, Source, load_source
from reader.core.corpus import unique_id
from tests.builders import FURNITURE, paragraphs_of, web_page, word_file
from tests.conftest import DATA, labels_of
from tests.netguard import ForbiddenAccess, no_network  # noqa: F401 (the fixture)

pytestmark = pytest.mark.core

WATER = DATA / "water"
TRAD_A = WATER / "trad_a.txt"
OTHERS = [WATER / name for name in ("trad_b.txt", "report.txt", "forum.txt", "unrelated.txt")]


def texts(source: Source) -> list[str]:
    return [p.text for p in source.paragraphs]


def origins(source: Source) -> list[str]:
    return [p.origin for p in source.paragraphs]


def save(path: Path, text: str, encoding: str) -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def labels_with_others(path: Path) -> list:
    """Label a source in the company of the other water sources."""
    corpus = Corpus.from_paths([path, *OTHERS])
    return labels_of(corpus, corpus.ids()[0])


# Plain text in every encoding ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["trad_a.txt", "trad_b.txt"])
@pytest.mark.parametrize(
    ("encoding", "detected"),
    [
        ("utf-8-sig", "utf-8"),
        ("utf-16", "utf-16-le"),
        ("utf-16-le", "utf-16-le"),  # no byte-order mark
        ("utf-16-be", "utf-16-be"),
        ("cp1252", "cp1252"),
    ],
)
def test_text_in_any_encoding_reads_like_utf8(
    tmp_path: Path, name: str, encoding: str, detected: str
) -> None:
    original = load_source(WATER / name)
    text = (WATER / name).read_text("utf-8")
    if encoding != "utf-8-sig":
        text = text.replace("\n", "\r\n")  # Windows files come with Windows line ends
    copy = load_source(save(tmp_path / name, text, encoding))
    assert texts(copy) == texts(original)
    assert origins(copy) == origins(original)
    assert copy.encoding == detected


def test_hard_wrapped_text_keeps_line_ranges_as_origins() -> None:
    source = load_source(WATER / "trad_b.txt")
    assert source.paragraphs[1].origin == "lines 3–4"
    assert source.paragraphs[0].origin == "line 1"


def test_latin1_text_is_read_as_western_european(tmp_path: Path) -> None:
    path = save(tmp_path / "court.txt", "Le café où l'été\nÀ Noël, ça coûte 5 €", "cp1252")
    assert texts(load_source(path)) == ["Le café où l'été", "À Noël, ça coûte 5 €"]


def test_utf8_with_pasted_cp1252_bytes_keeps_both(tmp_path: Path) -> None:
    path = tmp_path / "mixed.txt"
    path.write_bytes("L’été dernier, déjà.\n".encode() + "Puis ça a coûté cher.".encode("cp1252"))
    assert texts(load_source(path)) == ["L’été dernier, déjà.", "Puis ça a coûté cher."]


def test_text_copied_from_a_pdf_is_cut_where_lines_stop_early(tmp_path: Path) -> None:
    copied = (
        "Le président a déclaré lundi que le gouvernement ne céderait pas aux\n"
        "pressions des syndicats, malgré les grèves qui paralysent le pays depuis\n"
        "trois semaines.\n"
        "Dans un entretien accordé à notre journal, il a précisé que la réforme\n"
        "serait appliquée dès le mois de septembre, comme prévu.\n"
        "« Nous irons jusqu'au bout », a-t-il ajouté devant les députés de la\n"
        "majorité réunis à huis clos.\n"
    )
    source = load_source(save(tmp_path / "copie.txt", copied, "utf-8"))
    assert [p.text[:24] for p in source.paragraphs] == [
        "Le président a déclaré l",
        "Dans un entretien accord",
        "« Nous irons jusqu'au bo",
    ]
    assert origins(source) == ["lines 1–3", "lines 4–5", "lines 6–7"]


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    path = save(tmp_path / "notes.md", "# Titre du billet\n\nUn paragraphe *ici*.\n", "utf-8")
    source = load_source(path)
    assert texts(source) == ["# Titre du billet", "Un paragraphe *ici*."]
    assert source.id == "notes"


@pytest.mark.parametrize("encoding", ["utf-16", "cp1252"])
def test_every_encoding_gets_the_same_labels(tmp_path: Path, water: Corpus, encoding: str) -> None:
    path = save(tmp_path / "trad_a.txt", TRAD_A.read_text("utf-8"), encoding)
    assert labels_with_others(path) == labels_of(water, "trad_a")


# Saved web pages ----------------------------------------------------------------------------


@pytest.fixture
def saved_page(tmp_path: Path) -> Path:
    return save(tmp_path / "trad_a.html", web_page(paragraphs_of(TRAD_A)), "utf-8")


def test_web_page_gives_the_article_paragraphs_only(saved_page: Path) -> None:
    source = load_source(saved_page)
    assert texts(source) == texts(load_source(TRAD_A))
    read = "\n".join(texts(source))
    for furniture in FURNITURE:
        assert furniture.split()[0] not in read, furniture


def test_web_page_metadata(saved_page: Path) -> None:
    source = load_source(saved_page)
    assert source.title == "Le message de la directrice"
    assert source.outlet == "Le Journal du Coin"
    assert source.date == "2024-03-03"
    assert source.url == "https://journal.example/eau/message"


def test_web_page_origins_point_at_the_elements(saved_page: Path) -> None:
    source = load_source(saved_page)
    lines = saved_page.read_text("utf-8").splitlines()
    assert source.paragraphs[0].origin.startswith("<h1> 1, line ")
    assert source.paragraphs[1].origin.startswith("<p> 1, line ")
    for paragraph in source.paragraphs:
        match = re.fullmatch(r"<(\w+)> \d+, line (\d+)", paragraph.origin)
        assert match, paragraph.origin
        line = lines[int(match.group(2)) - 1]
        assert f"<{match.group(1)}>" in line
        assert paragraph.text[:20].replace("&", "&amp;") in line


def test_web_page_gets_the_labels_of_the_text(saved_page: Path, water: Corpus) -> None:
    assert labels_with_others(saved_page) == labels_of(water, "trad_a")


def test_web_page_in_windows_1252_with_its_charset_declared(tmp_path: Path) -> None:
    page = web_page(paragraphs_of(TRAD_A), charset="windows-1252")
    source = load_source(save(tmp_path / "page.htm", page, "cp1252"))
    assert texts(source) == texts(load_source(TRAD_A))
    assert source.encoding == "cp1252"


def test_web_page_text_is_text_not_markup(tmp_path: Path) -> None:
    page = web_page(
        [
            "Un titre avec &lt;strong&gt; dedans",
            "Il a dit «&nbsp;non\u00a0» &amp; <em>répété</em>   trois\n   fois &lt;script&gt;.",
            "Première ligne<br>suite de la même.<br> <br>Nouveau paragraphe après deux sauts.",
        ],
        markup=True,
    )
    source = load_source(save(tmp_path / "page.html", page, "utf-8"))
    assert texts(source) == [
        "Un titre avec <strong> dedans",
        "Il a dit «\u00a0non\u00a0» & répété trois fois <script>.",  # no-break spaces kept
        "Première ligne suite de la même.",
        "Nouveau paragraphe après deux sauts.",
    ]


def test_web_page_headline_outside_the_article_is_kept(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraphe numéro {n} de l'article, assez long pour passer pour du contenu.</p>"
        for n in range(1, 7)
    )
    page = (
        "<html><head><title>T</title></head><body>"
        "<div class='top'><h1>Le grand titre du jour</h1></div>"
        f"<div class='article-body'>{body}</div>"
        "<div class='footer'>Mentions légales</div></body></html>"
    )
    source = load_source(save(tmp_path / "page.html", page, "utf-8"))
    assert texts(source)[0] == "Le grand titre du jour"
    assert texts(source)[1].startswith("Paragraphe numéro 1")


def test_xhtml_page_with_xml_declaration(tmp_path: Path) -> None:
    page = (
        '<?xml version="1.0" encoding="iso-8859-1"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>T</title></head>'
        "<body><article><p>Un été à Noël.</p><p>Deuxième.</p></article></body></html>"
    )
    source = load_source(save(tmp_path / "page.xhtml", page, "cp1252"))
    assert texts(source) == ["Un été à Noël.", "Deuxième."]


def test_web_page_address_from_the_saved_from_comment(tmp_path: Path) -> None:
    page = (
        "<!-- saved from url=(0027)https://journal.example/a1 -->\n"
        "<html><body><article><p>Texte de l'article.</p></article></body></html>"
    )
    assert load_source(save(tmp_path / "page.html", page, "utf-8")).url == (
        "https://journal.example/a1"
    )


# Word files --------------------------------------------------------------------------------


def test_word_file_gives_the_same_paragraphs(tmp_path: Path) -> None:
    path = word_file(tmp_path / "trad_a.docx", paragraphs_of(TRAD_A))
    source = load_source(path)
    assert texts(source) == texts(load_source(TRAD_A))
    # empty paragraphs are skipped, but the numbers count them, as Word does
    assert origins(source)[:3] == ["docx paragraph 1", "docx paragraph 3", "docx paragraph 5"]
    assert source.encoding == "utf-8"


def test_word_file_gets_the_labels_of_the_text(tmp_path: Path, water: Corpus) -> None:
    path = word_file(tmp_path / "trad_a.docx", paragraphs_of(TRAD_A))
    assert labels_with_others(path) == labels_of(water, "trad_a")


def test_word_file_title_from_properties_or_first_heading(tmp_path: Path) -> None:
    texts_ = ["Le titre en style Titre", "Un paragraphe.", "Un autre."]
    with_property = word_file(tmp_path / "a.docx", texts_, core_title="Titre des propriétés")
    assert load_source(with_property).title == "Titre des propriétés"
    without = word_file(tmp_path / "b.docx", texts_)
    assert load_source(without).title == "Le titre en style Titre"


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def test_word_file_tracked_changes_tables_and_breaks(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Texte ")
    inserted = f"<w:ins {W} w:id='1' w:author='A'><w:r><w:t>inséré</w:t></w:r></w:ins>"
    deleted = f"<w:del {W} w:id='2' w:author='A'><w:r><w:delText> ôté</w:delText></w:r></w:del>"
    paragraph._p.append(parse_xml(inserted))
    paragraph._p.append(parse_xml(deleted))
    broken = document.add_paragraph("Ligne un")
    broken.runs[0].add_break()
    broken.add_run("ligne deux")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Cellule A"
    table.cell(0, 1).text = "Cellule B"
    path = tmp_path / "changes.docx"
    document.save(str(path))
    assert texts(load_source(path)) == [
        "Texte inséré",
        "Ligne un ligne deux",
        "Cellule A",
        "Cellule B",
    ]


def test_renamed_word_file_is_still_read(tmp_path: Path) -> None:
    path = word_file(tmp_path / "article.docx", ["Un titre ici", "Un paragraphe."])
    renamed = path.rename(tmp_path / "article.txt")
    assert texts(load_source(renamed)) == ["Un titre ici", "Un paragraphe."]


# Security ----------------------------------------------------------------------------------


@pytest.mark.usefixtures("no_network")
def test_network_guard_works() -> None:
    with pytest.raises(ForbiddenAccess):
        socket.create_connection(("journal.example", 80))
    with pytest.raises(ForbiddenAccess):
        socket.socket()
    with pytest.raises(ForbiddenAccess):
        _socket.socket()  # the C module under socket.socket: caught by the audit hook
    with pytest.raises(ForbiddenAccess):
        subprocess.run(["true"], check=False)


@pytest.mark.usefixtures("no_network")
def test_loading_every_format_opens_no_socket(tmp_path: Path) -> None:
    paragraphs = paragraphs_of(TRAD_A)
    page = web_page(paragraphs).replace(
        "<!DOCTYPE html>",
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" '
        '"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">',
    )
    files = [
        save(tmp_path / "page.html", page, "utf-8"),
        word_file(tmp_path / "file.docx", paragraphs),
        TRAD_A,
    ]
    taken: set[str] = set()
    for path in files:
        source = load_source(path, unique_id(path.stem, taken))
        assert texts(source) == paragraphs


def test_web_page_without_landmarks_loses_its_sidebar_and_comments(tmp_path: Path) -> None:
    body = "".join(
        f"<p>Paragraphe {n} de l'article, avec assez de mots pour être du contenu réel.</p>"
        for n in range(1, 7)
    )
    page = f"""<html><head><title>Article - Le Site</title></head><body>
<div id="top"><div class="menu"><a href="/">Accueil</a> <a href="/m">Monde</a></div></div>
<div id="wrap"><div class="content"><div class="article-body">{body}</div>
<div class="share-buttons"><a href="#">Partager</a> <a href="#">Tweeter</a></div>
<div id="comments" class="comments"><h3>2 commentaires</h3>
<p>COMMENT Un lecteur qui n'est pas d'accord avec l'article et le dit longuement.</p></div>
</div><div class="sidebar"><h3>SIDEBAR Les plus lus</h3><ul>
<li><a href="/1">SIDEBAR Un autre article très lu cette semaine par nos lecteurs</a></li>
</ul></div></div><div class="footer">FOOTER © Le Site 2024</div></body></html>"""
    source = load_source(save(tmp_path / "page.html", page, "utf-8"))
    assert texts(source) == [
        f"Paragraphe {n} de l'article, avec assez de mots pour être du contenu réel."
        for n in range(1, 7)
    ]
