"""Linguistic cues a careful reader uses to tell quotation, report, commentary and furniture.

Everything here looks at one paragraph's own text. Cross-source evidence (does another source
carry the same words?) lives in the alignment; the classifier weighs both. French and English
are covered; other languages fall back on punctuation and layout cues.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# Page furniture ------------------------------------------------------------------------------

_I = re.IGNORECASE
# Each pattern is furniture wherever it appears in a short paragraph.
_FURNITURE = [
    # calls to share, follow, subscribe, join
    re.compile(
        r"\b(?:abonnez[- ]vous|inscrivez[- ]vous|rejoignez[- ]nous|suivez[- ]nous|"
        r"abonnez|inscrivez|rejoignez|t[ée]l[ée]chargez|cliquez|newsletter|"
        r"subscribe|sign up|join us|follow us|click here|download our|"
        r"(?:sur|rejoindre|via) notre (?:canal|chaîne|groupe|page|compte|application|site)|"
        r"ne (?:rien )?rate[zr]? (?:aucune?|rien)|suivez l['’]actu\w*)\b",
        _I,
    ),
    re.compile(
        r"\b(?:partager|partagez|imprimer|share|tweet|print this|copier le lien|copy link)\b",
        _I,
    ),
    re.compile(
        r"\b(?:lire (?:aussi|plus|la suite)|[àa] lire aussi|voir aussi|read (?:more|also)|"
        r"see also|related articles?|articles? li[ée]s?|recevez nos|sur le m[êe]me sujet)\b",
        _I,
    ),
    # comment sections
    re.compile(
        r"\b(?:\d+\s+(?:r[ée]actions?|commentaires?|comments?|replies|r[ée]ponses?)|"
        r"[ée]crire un commentaire|laisser un commentaire|laissez un commentaire|"
        r"leave a (?:comment|reply)|afficher (?:tous )?les commentaires|"
        r"commentaires? recommand[ée]s?|charte de mod[ée]rations?|"
        r"champs obligatoires|required fields|"
        r"(?:adresse|e-?mail)[^.]{0,30}ne sera pas publi[ée]e|"
        r"email address will not be published|show (?:all )?comments)\b",
        _I,
    ),
    # credits, sources, translation notes, copyright
    re.compile(
        r"(?:getty\s*images|/\s*afp\b|\bafp\s*/|reuters|associated press|\bap photo|shutterstock|"
        r"cr[ée]dits?(?: photo)?\s*:|photo\s*:|image\s*:|illustration\s*:|©|\bcopyright\b|"
        r"tous droits r[ée]serv[ée]s|all rights reserved)",
        _I,
    ),
    re.compile(r"^(?:sources?|traduit par|traduction|translated by|via)\s*:?\s+\S", _I),
    # publication data and bylines
    re.compile(r"^(?:publi[ée] le|mis [àa] jour le|modifi[ée] le|published|updated|posted)\b", _I),
    re.compile(r"^(?i:par|by)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s*(?:[,|/—–-].*)?$"),
    # disclaimers written by the site in its own voice
    re.compile(
        r"\[(?:lire plus|read more|\.\.\.|…)\]|\bn'engage(?:nt)? que\b|"
        r"\bnotre responsabilit[ée] s'arr[êe]te\b|does not (?:necessarily )?reflect|"
        r"seul le prononc[ée] fait foi|check against delivery|"
        r"mis [àa] jour en continu|(?:rechargez|actualisez) la page|refresh (?:the|this) page",
        _I,
    ),
    # markup left over from a web page
    re.compile(r"</?(?:strong|b|i|em|a|span|div|p|br|img)\b[^>]*>", _I),
]

# A reader comment's header: "Name // 21.09.2024 à 09h37", "Name, le 3 mars 2024 à 10:12".
# (The name is short and has no comma: "Discours du maire, le 12 mai 2025" is a heading.)
_COMMENT_HEADER = re.compile(
    r"^[^\s][^,/|—–\n]{0,30}?\s*(?://|\||,|-|—|–)\s*(?:le\s+)?"
    r"\d{1,2}[./ -](?:\d{1,2}|[a-zéû]+)[./ -]\d{2,4}"
    r"(?:\s*(?:à|at|,)?\s*\d{1,2}\s*[h:]\s*\d{2})?\s*$",
    _I,
)
_DATE_LINE = re.compile(
    r"^\W*(?:\w+\s+)?\d{1,2}[./ -](?:\d{1,2}|[a-zéû]+)[./ -]\d{2,4}.{0,40}$", _I
)
# An interface widget: a verb in the first person or a word with a count ("Merci 32").
_WIDGET = re.compile(
    r"^(?:j['’]\w+|je\s+\w+|\w+\s+\d+|\d+\s+\w+|"
    r"(?:like|comment|reply|share|répondre|signaler|report)s?)$",
    _I,
)
_BIO = re.compile(
    r"\b(?:r[ée]dact(?:eur|rice)|journaliste|chroniqueu(?:r|se)|correspondant|pigiste|"
    r"editor|reporter|journalist|columnist|contributor|mes articles|my articles)\b",
    _I,
)
# …and a biography tells a career: "depuis 2023", "a rejoint", "diplômée de".
_CAREER = re.compile(
    r"\b(?:depuis|dipl[ôo]m[ée]e?|rejoint|travaille|collabore|sp[ée]cialiste|auteure?|autrice|"
    r"passionn[ée]e?|since|joined|graduated)\b|\b(?:19|20)\d{2}\b",
    _I,
)
_SUBJECT_ACT = re.compile(
    r"(?:^|[.!?]\s+)(?:Il|Elle|Ils|Elles|He|She|They|[A-ZÀ-Ý][\w'’-]+)\s+"
    r"(?:a|ont|avait|avaient|has|have|had)\s+(?:\w+ment\s+|aussi\s+|également\s+)?"
    r"[a-zà-ÿ]+(?:é|ée|és|i|is|it|u|us|ert|ed)\b"
)
_AUTHOR_LINE = re.compile(r"^(?:the author|l['’]auteure?|l['’]autrice)\b", _I)
_SALUTATION = re.compile(
    r"^(?:mesdames|messieurs|chers?|ch[èe]res?|mes chers|mes ch[èe]res|"
    r"ladies and gentlemen|dear|my fellow)\b",
    _I,
)
_NAME_WORD = re.compile(r"^(?:[A-ZÀ-Ý][\w'’.-]*|de|du|des|van|von|da|di|le|la|//)$")


_FURNITURE_REASONS = (
    "a call to subscribe, follow or join",
    "share or print buttons",
    "a link to other articles",
    "comment-section text",
    "an image credit or copyright line",
    "a source or translation credit",
    "a publication date line",
    "a byline",
    "the site's disclaimer",
    "markup left over from the web page",
)
# Literal pieces, one of which each pattern above needs (lower case): a substring test in C
# tells for most paragraphs that a pattern cannot match, without running its regex.
_FURNITURE_TRIGGERS = (
    ("abonn", "inscri", "rejoi", "suivez", "charg", "cliquez", "newsletter", "subscribe",
     "sign up", "join us", "follow us", "click", "download", "notre", "rate"),
    ("partag", "imprimer", "share", "tweet", "print", "copier", "copy"),
    ("lire", "voir aussi", "read", "see also", "related", "article", "recevez", "sujet"),
    ("réaction", "reaction", "comment", "replies", "réponse", "reponse", "champs", "required",
     "publi"),
    ("getty", "afp", "reuters", "associated", "ap photo", "shutterstock", "crédit", "credit",
     "photo", "image", "illustration", "©", "copyright", "réserv", "reserv"),
    ("source", "tradu", "translated", "via"),
    ("publi", "mis à", "mis a", "modifi", "updated", "posted"),
    ("par ", "by "),
    ("[", "engage", "responsabilit", "reflect", "prononc", "delivery", "continu", "page"),
    ("<",),
)  # fmt: skip


_STRONG_FURNITURE = [
    (pattern, reason, triggers)
    for pattern, reason, triggers in zip(
        _FURNITURE, _FURNITURE_REASONS, _FURNITURE_TRIGGERS, strict=True
    )
    if reason
    in ("comment-section text", "the site's disclaimer", "markup left over from the web page")
]
_WEAK_FURNITURE = [
    entry
    for entry in zip(_FURNITURE, _FURNITURE_REASONS, _FURNITURE_TRIGGERS, strict=True)
    if entry not in _STRONG_FURNITURE
]


def _hits(entries: list, text: str, lowered: str) -> list[str]:
    return [
        reason
        for pattern, reason, triggers in entries
        if any(t in lowered for t in triggers) and pattern.search(text)
    ]


@lru_cache(maxsize=50_000)
def furniture(text: str, *, near_end: bool = False) -> tuple[float, str]:
    """Return how strongly a paragraph reads as page furniture, in [0, 1], and why."""
    stripped = text.strip()
    words = stripped.split()
    n = len(words)
    if n == 0:
        return 1.0, "no words"
    if _COMMENT_HEADER.match(stripped):
        return 0.95, "a comment header (name and date)"
    if n <= 8 and _DATE_LINE.match(stripped):
        return 0.95, "a date line"
    if n <= 3 and _WIDGET.match(stripped):
        return 0.85, "an interface button or counter"
    if n > 150:
        return 0.0, ""  # furniture is never this long
    # The site's own voice (disclaimers, comment forms, leftover markup) is furniture at any
    # length; an invitation to share or subscribe only in a short paragraph: in a long one
    # it is prose that mentions sharing.
    lowered = stripped.casefold()
    strong = _hits(_STRONG_FURNITURE, stripped, lowered)
    if strong:
        return (0.95 if n <= 40 else 0.8), strong[0]
    if n > 80:
        return 0.0, ""
    hits = _hits(_WEAK_FURNITURE, stripped, lowered)
    if hits:
        base = 0.95 if n <= 25 else 0.75 if n <= 60 and len(hits) >= 2 else 0.3
        return min(1.0, base + 0.05 * (len(hits) - 1)), hits[0]
    if n <= 4 and all(_NAME_WORD.match(w) for w in words) and not stripped.endswith((".", "!")):
        return 0.7, "a bare name (byline or site name)"
    if (
        near_end
        and n <= 90
        and ((_BIO.search(stripped) and _CAREER.search(stripped)) or _AUTHOR_LINE.match(stripped))
    ):
        return 0.85, "an author's biography"
    return 0.0, ""


def boilerplate_score(text: str, *, near_end: bool = False) -> float:
    """Return how strongly a paragraph reads as page furniture, in [0, 1]."""
    return furniture(text, near_end=near_end)[0]


# Headings -------------------------------------------------------------------------------------

_TERMINAL = re.compile(r"[.!?:;…]\W*$")
_BULLET = re.compile(r"^\s*[-*•▪◦–]\s")
_GENERIC_HEADINGS = re.compile(
    r"^(?:points? cl[ée]s|l'essentiel|en bref|[àa] retenir|r[ée]sum[ée]|sommaire|"
    r"key (?:points|takeaways)|in brief|summary|highlights)\s*:?$",
    _I,
)


def looks_like_heading(text: str) -> bool:
    """Tell whether a paragraph is a title or section heading: short and unpunctuated."""
    stripped = text.strip()
    words = _words(stripped)
    if not words or len(words) > 18 or _BULLET.match(stripped):
        return False
    if _TERMINAL.search(stripped.rstrip("»”\"' ")):
        return False
    first = re.sub(r"^(?:\d{1,3}[.)]\s*|[«\"“$#]\s*)+", "", stripped)
    return bool(first) and (first[0].isupper() or first[0].isdigit())


def is_generic_heading(text: str) -> bool:
    return bool(_GENERIC_HEADINGS.match(text.strip()))


# Speech ----------------------------------------------------------------------------------------

_FIRST_PERSON = frozenset(
    [
        "je",
        "j'",
        "me",
        "m'",
        "moi",
        "mon",
        "ma",
        "mes",
        "nous",
        "notre",
        "nos",
        "nôtre",
        "i",
        "me",
        "my",
        "mine",
        "we",
        "us",
        "our",
        "ours",
    ]
)
_SECOND_PERSON = frozenset(
    ["vous", "votre", "vos", "tu", "te", "t'", "toi", "ton", "ta", "tes", "you", "your", "yours"]
)
_THIRD_PERSON_SUBJECT = frozenset(["il", "ils", "elle", "elles", "he", "she", "they"])
_GENERIC_SUBJECT = frozenset({"on"})

# Verbs that introduce reported speech: infinitive, then irregular forms where they differ.
_REPORTING_VERBS_ER = (
    "déclarer expliquer affirmer souligner ajouter indiquer préciser annoncer assurer "
    "estimer rappeler révéler insister dénoncer confier déplorer regretter arguer plaider "
    "marteler juger considérer confirmer avouer détailler évoquer mentionner signaler "
    "répéter réitérer clamer exprimer raconter rapporter noter critiquer accuser rétorquer "
    "objecter nier penser partager lancer prôner promettre_ tweeter poster publier_ "
    "prévenir_ insister remercier saluer réclamer exhorter féliciter condamner"
).split()
_REPORTING_IRREGULAR = (
    "dit dire disent disant écrit écrire écrivent écrivant reconnu reconnaît reconnait "
    "reconnaissent reconnaissant admis admet admettent admettant promis promet promettent "
    "promettant répondu répond répondent répondant averti avertit avertissent avertissant "
    "prévenu prévient préviennent prévenant conclu conclut concluent concluant soutenu "
    "soutient soutiennent soutenant démenti dément démentent démentant cru croit croient "
    "croyant maintenu maintient maintiennent maintenant_ poursuivi poursuit poursuivent "
    "poursuivant"
).split()


def _verb_forms() -> list[str]:
    forms: list[str] = []
    for verb in _REPORTING_VERBS_ER:
        if verb.endswith("_"):
            continue
        stem = verb[:-2]
        soft = stem[:-1] + "ç" if stem.endswith("c") else stem + "e" if stem.endswith("g") else stem
        forms += [stem + "é", stem + "e", stem + "ent", soft + "ant"]
    forms += [f for f in _REPORTING_IRREGULAR if not f.endswith("_")]
    return sorted(set(forms), key=len, reverse=True)


_VERB_FORMS = frozenset(_verb_forms())
_AUXILIARIES = frozenset("a ont avait avaient aurait auraient".split())
_ADVERBS = frozenset("aussi déjà encore ensuite enfin également notamment alors pourtant".split())
_INTRODUCERS = frozenset({"que", "qu'", ":"})
_SUBJECT_PRONOUNS = frozenset("il elle ils elles on".split())
_DETERMINERS = frozenset("le la les l' ce cette son sa ses leur leurs".split())
# Present-tense forms (third person): "annonce", "affirment", "reconnaît".
_PRESENT_FORMS = frozenset(
    f for f in _VERB_FORMS if f.endswith(("e", "ent", "t", "ît")) and not f.endswith("ant")
)
_WORD_OR_COLON = re.compile(r"[^\W\d_]+['’]?|:")
# Reporting frames that are not "verb + que": "selon lui", "a-t-il dit", "se dit prêt".
_REPORTING_FR = re.compile(
    r"\bse\s+(?:dit|déclare|disant|montre|veut|voulant)\b|\bfait savoir\b"
    r"|\b(?:selon|d['’]après)\s+(?:lui|elle|eux|elles|ses|sa|son|(?-i:[A-ZÀ-Ý]))"
    r"|\bà\s+l['’]en\s+croire\b|\bdans\s+(?:son|sa)\s+(?:message|déclaration|publication|"
    r"lettre|discours|post|tweet|communiqué|billet|vidéo)\b"
    r"|[-–]t[-–](?:il|elle|ils|elles)\b|\b(?:a|ont|avait|aurait)[-–](?:il|elle|ils|elles)\b",
    _I,
)


def _reporting_verbs(text: str) -> list[str]:
    """Find "a déclaré", "a également souligné", "explique que", "arguant que", "dit-il".

    text is case-folded, with straight apostrophes.
    """
    words = _WORD_OR_COLON.findall(text)
    found = []
    for i, word in enumerate(words):
        if word not in _VERB_FORMS:
            continue
        before = words[max(0, i - 2) : i]
        after = words[i + 1] if i + 1 < len(words) else ""
        if before and before[-1] in _AUXILIARIES:
            found.append(f"{before[-1]} {word}")
        elif (
            len(before) == 2
            and before[0] in _AUXILIARIES
            and (before[1] in _ADVERBS or before[1].endswith("ment"))
        ):
            found.append(" ".join([*before, word]))
        elif after in _INTRODUCERS or (len(after) > 4 and after.endswith(("er", "ir", "re"))):
            found.append(f"{word} {after}")  # "explique que", "affirme supprimer"
        elif before and before[-1] in _SUBJECT_PRONOUNS and word in _PRESENT_FORMS:
            found.append(f"{before[-1]} {word}")  # "elle annonce 500 euros"
        elif len(before) == 2 and before[0] in _DETERMINERS and word in _PRESENT_FORMS:
            found.append(" ".join([*before, word]))  # "la maire annonce"
        elif after in ("il", "elle", "ils", "elles") and f"{word}-{after}" in text:
            found.append(f"{word}-{after}")
    return found


_REPORTING_EN = re.compile(
    r"\b(?:said|says|told|explained|added|stated|wrote|writes|claimed|claims|argued|argues|"
    r"noted|insisted|announced|acknowledged|admitted|warned|stressed|insists|explains|"
    r"according to|in (?:his|her|their) (?:statement|message|post|letter))\b",
    _I,
)
_FR_TRIGGERS = (
    "se dit", "se déclar", "se disant", "se montr", "se veut", "se voulant", "fait savoir",
    "selon", "après", "croire", "dans son", "dans sa", "-t-", "a-il", "a-elle", "ont-il",
)  # fmt: skip
_EN_TRIGGERS = (
    "said says told explain added stated wrote writes claim argu noted insist announc "
    "acknowledg admitted warned stress according in his in her in their"
).split()
_GUILLEMET_SPAN = re.compile(r"«[^«»]{2,}»|“[^“”]{2,}”|„[^„“”]{2,}[“”]|\"[^\"]{2,}\"")


@dataclass(frozen=True)
class SpeechCues:
    """Counts of the cues that tell direct speech from reported speech in one paragraph."""

    words: int
    first_person: int  # outside guillemets
    second_person: int
    third_person: int  # subject pronouns outside guillemets
    reporting: tuple[str, ...]  # the reporting phrases found
    conditional: int
    quoted_words: int  # words inside guillemets
    subject_act: bool  # a sentence opens "Il a …" / "Durov a …": someone did or said something
    mostly_quoted: bool  # most of its words are inside quotation marks
    salutation: bool  # opens by addressing an audience: "Mesdames, Messieurs", "Dear"…
    prefixed_quote: bool  # "> " e-mail or forum quote
    heading: bool
    ends_with_colon: bool


def speech_cues(text: str) -> SpeechCues:
    """Measure direct-speech and reported-speech cues in a paragraph."""
    stripped = text.strip()
    spans = list(_GUILLEMET_SPAN.finditer(stripped))
    outside = _GUILLEMET_SPAN.sub(" ", stripped) if spans else stripped
    words = _words(stripped)
    outside_words = _words(outside) if spans else words
    quoted_words = len(words) - len(outside_words)
    lowered = outside.casefold().replace("’", "'")
    reporting = _reporting_verbs(lowered) + [
        m.group(0).strip()
        for pattern, triggers in ((_REPORTING_FR, _FR_TRIGGERS), (_REPORTING_EN, _EN_TRIGGERS))
        if any(t in lowered for t in triggers)  # the regexes are slow; most prose has none
        for m in pattern.finditer(outside)
    ]
    return SpeechCues(
        words=len(words),
        first_person=sum(1 for w in outside_words if w in _FIRST_PERSON),
        second_person=sum(1 for w in outside_words if w in _SECOND_PERSON),
        third_person=sum(1 for w in outside_words if w in _THIRD_PERSON_SUBJECT),
        reporting=tuple(reporting),
        conditional=sum(1 for w in outside_words if w.endswith(("rait", "raient"))),
        quoted_words=quoted_words,
        # Half the words, or a whole quoted sentence (eight words and more) in a paragraph
        # whose rest is the attribution and a little context.
        mostly_quoted=bool(spans)
        and (
            quoted_words >= 0.5 * max(1, len(words))
            or (quoted_words >= 8 and quoted_words >= 0.35 * len(words))
        ),
        salutation=bool(_SALUTATION.match(stripped)),
        subject_act=bool(_SUBJECT_ACT.search(outside)),
        prefixed_quote=stripped.startswith(">"),
        heading=looks_like_heading(stripped),
        ends_with_colon=stripped.endswith(":"),
    )


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Return (start, end) of the text inside each pair of quotation marks."""
    return [(m.start() + 1, m.end() - 1) for m in _GUILLEMET_SPAN.finditer(text)]


_WORD = re.compile(r"[^\W\d_]+'?")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.casefold().replace("’", "'"))
