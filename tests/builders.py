"""Make the files users bring (saved web pages, Word files) and run the command line."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import docx

ROOT = Path(__file__).resolve().parents[1]

# What surrounds an article on a news site. Every string in FURNITURE must stay out of what
# Synopsis reads from the page.
FURNITURE = (
    "NAVLINK Accueil",
    "NAVLINK Politique",
    "SCRIPTTEXT",
    "STYLETEXT",
    "SIDEBAR Les articles les plus lus de la semaine",
    "SIDEBAR Abonnez-vous à notre lettre d'information",
    "FOOTER Tous droits réservés au Journal du Coin",
    "HIDDENTEXT",
    "NOSCRIPTTEXT",
    "MENUBUTTON",
)


def web_page(
    paragraphs: Sequence[str],
    *,
    charset: str = "utf-8",
    title: str = "Le message de la directrice",
    site: str = "Le Journal du Coin",
    date: str = "2024-03-03",
    url: str = "https://journal.example/eau/message",
    markup: bool = False,
) -> str:
    """Return a saved news page: the paragraphs (the first as <h1>) inside page furniture.

    The paragraphs are text, escaped into the page, or with markup=True HTML put in as is.
    """
    headline, *body = (p if markup else html.escape(p, quote=False) for p in paragraphs)
    article = "\n".join([f"<h1>{headline}</h1>", *(f"<p>{p}</p>" for p in body)])
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="{charset}">
<title>{html.escape(title)} - {html.escape(site)}</title>
<meta property="og:site_name" content="{html.escape(site)}">
<meta property="og:title" content="{html.escape(title)}">
<meta property="article:published_time" content="{date}T08:00:00+01:00">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="https://cdn.journal.example/site.css">
<style>body {{ font-family: serif }} /* STYLETEXT */</style>
<script src="https://cdn.journal.example/tracker.js"></script>
<script>var message = "SCRIPTTEXT"; document.title = message;</script>
</head>
<body>
<header class="site-header">
<nav class="main-menu"><ul>
<li><a href="/">NAVLINK Accueil</a></li>
<li><a href="/politique">NAVLINK Politique</a></li>
</ul><button>MENUBUTTON</button></nav>
</header>
<noscript>NOSCRIPTTEXT</noscript>
<main>
<article>
{article}
<p style="display: none">HIDDENTEXT</p>
<img src="https://cdn.journal.example/photo.jpg" alt="Photo">
</article>
<aside class="sidebar">
<h2>SIDEBAR Les articles les plus lus de la semaine</h2>
<p>SIDEBAR Abonnez-vous à notre lettre d'information</p>
</aside>
</main>
<footer><p>FOOTER Tous droits réservés au Journal du Coin</p></footer>
<iframe src="https://ads.journal.example/banner"></iframe>
</body>
</html>
"""


def word_file(
    path: Path,
    paragraphs: Sequence[str],
    *,
    core_title: str | None = None,
    blank_lines: bool = True,
) -> Path:
    """Save paragraphs as a .docx (the first in the Title style), with empty paragraphs
    between them as people type them."""
    document = docx.Document()
    if core_title is not None:
        document.core_properties.title = core_title
    headline, *body = paragraphs
    document.add_paragraph(headline, style="Title")
    for text in body:
        if blank_lines:
            document.add_paragraph("")
        document.add_paragraph(text)
    document.save(str(path))
    return path


def paragraphs_of(path: Path) -> list[str]:
    """The non-empty lines of a UTF-8 text file."""
    return [line.strip() for line in path.read_text("utf-8").splitlines() if line.strip()]


def run_cli(*args: str | Path, home: Path) -> subprocess.CompletedProcess[str]:
    """Run `python -m reader` from this source tree, with the user folders inside home."""
    env = {
        **os.environ,
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PYTHONPATH": str(ROOT),
    }
    return subprocess.run(
        [sys.executable, "-m", "reader", *map(str, args)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
