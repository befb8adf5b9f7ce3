"""French: pronouns, verbs of saying, dialogue conventions, page furniture."""

from __future__ import annotations

FIRST_PERSON = frozenset("je j' me m' moi mon ma mes nous notre nos nôtre".split())
SECOND_PERSON = frozenset("vous votre vos tu te t' toi ton ta tes".split())
THIRD_PERSON_SUBJECTS = frozenset("il ils elle elles".split())
FIRST_PERSON_KEYS = frozenset("je j nous me m mon ma mes notr nos".split())

# Verbs that introduce reported speech: regular -er verbs by infinitive (all their forms
# follow), then irregular forms where they differ. A trailing "_" keeps a verb listed but
# unused: its forms are too often something else ("promettre", "maintenant").
REPORTING_VERBS_ER = tuple(
    (
        "déclarer expliquer affirmer souligner ajouter indiquer préciser annoncer assurer "
        "estimer rappeler révéler insister dénoncer confier déplorer regretter arguer plaider "
        "marteler juger considérer confirmer avouer détailler évoquer mentionner signaler "
        "répéter réitérer clamer exprimer raconter rapporter noter rétorquer "
        "objecter nier penser partager lancer prôner promettre_ tweeter poster publier_ "
        "prévenir_"
    ).split()
)
STANCE_VERBS_ER = tuple(
    "remercier saluer réclamer exhorter féliciter condamner critiquer accuser".split()
)
REPORTING_IRREGULAR = tuple(
    (
        "dit dire disent disant écrit écrire écrivent écrivant reconnu reconnaît reconnait "
        "reconnaissent reconnaissant admis admet admettent admettant promis promet promettent "
        "promettant répondu répond répondent répondant averti avertit avertissent avertissant "
        "prévenu prévient préviennent prévenant conclu conclut concluent concluant soutenu "
        "soutient soutiennent soutenant démenti dément démentent démentant cru croit croient "
        "croyant maintenu maintient maintiennent maintenant_ poursuivi poursuit poursuivent "
        "poursuivant"
    ).split()
)
AUXILIARIES = frozenset("a ont avait avaient aurait auraient".split())
ADVERBS = frozenset("aussi déjà encore ensuite enfin également notamment alors pourtant".split())
INTRODUCERS = frozenset({"que", "qu'", ":"})
SUBJECT_PRONOUNS = frozenset("il elle ils elles on".split())
OBJECT_PRONOUNS = frozenset("lui eux".split())
DETERMINERS = frozenset("le la les l' ce cette son sa ses leur leurs".split())
# An auxiliary inverted before its pronoun, in a frame: "a-t-il dit", "avait-elle promis",
# "auraient-ils appris", "aura-t-il ajouté" (and "a-il", a "t" left out).
_INVERTED = r"(?:a|aura|ont|auront|avaient|avait|auraient|aurait|eut)(?:[-–]t)?[-–]"
# …and, where the frame closes words, "être" too: "…, s'est-il défendu", "…, est-il précisé"
# (not in an incise of dialogue, where "Est-il là ?" is a question of the speaker's).
_INVERTED_CLOSING = r"(?:(?:s['’])?est[-–]|" + _INVERTED + ")"
# Pieces one of which every such inversion holds: the "-t-" of "a-t-il" between any two
# dashes, or the end of another auxiliary ("avait", "aurait": "ait"), or a lone "a", before
# a dash and its pronoun ("ils" and "elles" hold "il" and "elle"). Not "t-il": "dit-il" is
# found by its verb, and would have every sentence of its paragraph read for a frame (as
# "disait-il" and "sont-ils" still have: the cost, on a book, is lost in the noise).
_INVERSION_PIECES = (
    *(f"{a}t{b}" for a in "-–" for b in "-–"),
    *(
        f"{end}{dash}{pronoun}"
        for end in ("a", "ont", "ait", "aient", "eut", "est")
        for dash in "-–"
        for pronoun in ("il", "elle", "on")
    ),
)
# The same less the pronoun, for a case-blind pattern's needs: a needed piece must not hold an
# "i", which such a pattern also takes in a dotless "ı" that folds to itself.
_INVERSION_DASHES = tuple(f"{end}{dash}" for end in "ta" for dash in "-–")
# Openers after which French inverts its subject with no speech told ("Aussi, a-t-il pris
# soin…", "Sans doute, avait-elle raison"): what stands before such an inversion is then the
# opener, not words reported.
INVERSION_OPENERS = frozenset(
    {
        "aussi", "ainsi", "encore", "toujours", "rarement", "peut-être", "sans doute", "à peine",
        "du moins", "au moins", "tout au plus", "en vain", "vainement", "aussi bien",
    }
)  # fmt: skip
# Reporting frames that are not "verb + que": "selon lui", "a-t-il dit", "se dit prêt".
REPORTING = (
    (
        r"\bse\s+(?:dit|déclare|disant|montre|veut|voulant)\b|\bfait savoir\b"
        r"|\b(?:selon|d['’]après)\s+(?:lui|elle|eux|elles|ses|sa|son|(?-i:[A-ZÀ-Ý]))"
        r"|\bà\s+l['’]en\s+croire\b|\bdans\s+(?:son|sa)\s+(?:message|déclaration|publication|"
        r"lettre|discours|post|tweet|communiqué|billet|vidéo)\b"
        # An inversion, not in a question ("Va-t-il pleuvoir ?"); an inverted auxiliary only
        # where a frame closes words ("…, avait-elle promis"), not after an opener with no
        # comma ("Aussi avait-il…").
        r"|(?:[-–]t[-–](?:il|elle|ils|elles)\b"
        r"|(?<=[,»”])\s*" + _INVERTED_CLOSING + r"(?:il|elle|ils|elles|on)\b)(?![^.!?]*\?)",
        (
            "se dit", "se déclar", "se disant", "se montr", "se veut", "se voulant",
            "fait savoir", "selon", "après", "croire", "dans son", "dans sa",
            *_INVERSION_PIECES,
        ),
    ),
)  # fmt: skip

# Direct speech tags: the verbs a novel or a report puts in an incise ("dit-il"). Regular
# -er verbs by infinitive (their present, imperfect, simple past and participle follow),
# then the forms of the others.
SPEECH_VERBS_ER = tuple(
    (
        "ajouter demander murmurer continuer crier écrier exclamer déclarer expliquer affirmer "
        "préciser observer objecter penser songer soupirer lancer insister souligner assurer "
        "indiquer estimer raconter confier avouer rétorquer répliquer hurler gronder "
        "balbutier bégayer grommeler ricaner interroger questionner riposter protester "
        "informer marmotter souffler ordonner supplier remarquer annoncer chuchoter "
        "s'écrier s'exclamer conclure_ interpeller risquer hasarder rappeler jurer"
    ).split()
)
SPEECH_VERBS = tuple(
    (
        "dit dis disait disaient dirent dira fit firent faisait reprit reprend reprenait "
        "repris reprirent répondit répond répondait répondu répondirent poursuivit poursuit "
        "poursuivait interrompit conclut conclu gémit glapit rugit mugit écrivit écrit "
        "s'écria s'exclama"
    ).split()
)
# "dit-il", "reprit la jeune femme", "a-t-il ajouté", "s'écria Rodolphe", "ajoute-t-elle".
_SUBJECT = (
    r"(?:(?:M|Mme|Mlle|Me|Mgr|Dr)\.\s*(?:de\s+|d['’])?[A-ZÀ-Ý][\w'’-]*|[A-ZÀ-Ý][\w'’-]*|"
    r"l['’]\w+|celui-(?:ci|là)|celle-(?:ci|là)|ce\s+dernier|cette\s+dernière|quelqu['’]un|"
    r"(?:la|le|les|un|une|cet|cette|ce|son|sa|ses|mon|ma|"
    r"notre|leur|madame|monsieur|mademoiselle|maître|père|mère)\s+\w+)"
)
# Between the verb and its subject: "dit tout bas Marie", "répondit froidement l'autre".
_MANNER = r"(?:(?:\w+ment|tout\s+(?:bas|haut)|alors|aussitôt|encore|enfin|ensuite)\s+)?"
INCISE = (
    r"(?:^|[,!?…».”]\s*|\s[–—]\s*)(?:" + _INVERTED + r"(?:il|elle|ils|elles|on)\s+\w+"
    r"|(?:(?:s|m|me|se|lui|leur|nous|vous)['’\s]\s*)?(?:{verb})(?:[-–]t)?[-–]"
    r"(?:il|elle|ils|elles|on|je|tu|nous|vous)\b"
    r"|(?:(?:s|m|me|se|lui|leur)['’\s]\s*)?(?:{verb})\s+"
    + _MANNER
    + _SUBJECT
    + r"|(?:(?:lui|leur|me|m['’]|nous|vous)\s*)?(?:a|avait)\s+"
    + _MANNER
    + r"(?:{verb})\s+"
    + _SUBJECT
    + ")",
)
# After an incise, the narrator goes on (rather than the speaker) with these words.
NARRATION_AFTER_INCISE = (
    r"(?-i:(?:et|puis)\s+[a-zà-ÿ]{2,}(?:ant|é|ée|és|ées)|qui|dont|où|en|avec|sans|après|tout|"
    r"d['’]un|d['’]une|[a-zà-ÿ]{2,}(?:ant|é|ée|és|ées))\b",
)
# …and after an incise that ends its sentence: "Il alla reposer la lampe", "Et il donna".
NARRATION_AFTER_SENTENCE = (
    r"(?:et\s+|puis,?\s+)?(?:il|elle|ils|elles)\s+(?:\w+\s+)?\w+(?:a|èrent|it|irent|ut|urent)\b",
)
# The narrative tense (simple past, third person): a long quotation told in it is a story
# within the story, the narrator's words rather than a speaker's.
NARRATIVE_TENSE = (
    r"\b(?:il|elle|ils|elles|on)\s+(?:(?:ne|n['’]|se|s['’]|le|la|les|l['’]|lui|leur|en|y)\s*)*"
    r"(?:\w+(?:èrent|irent|urent|inrent)|\w{2,}(?:a|it|ut|int)|fut|eut|fit|vit|mit|prit|dit)\b",
)
# The same tense less its forms that speakers use too (imperfect "il était", present "il
# peut", future "il sera"): a sentence told in it is the narrator's.
NARRATOR_TENSE = (
    r"\b(?:il|elle|ils|elles|on)\s+(?:(?:ne|n['’]|se|s['’]|le|la|les|l['’]|lui|leur|en|y|me|m['’]|"
    r"te|t['’])\s*)*(?:\w+(?:èrent|irent|urent|inrent)|fut|eut|fit|vit|mit|prit|"
    r"\w{2,}[^r\W]a|\w{2,}[^aou\W]it|\w{2,}[^e\W]ut|\w{2,}int)\b",
    # …and in the first person: "je m'éveillai", "nous partîmes" (not "j'ai", "je vais").
    r"\b(?:je|j['’])\s*(?:(?:ne|n['’]|me|m['’]|le|la|les|l['’]|lui|leur|en|y|te|t['’])\s*)*"
    r"\w{2,}[^r\W]ai\b|\bnous\s+\w+(?:âmes|îmes|ûmes)\b",
    # …and the forms that are simple past whatever the subject: "la foule se dispersa" is not
    # told by its ending, "les cloches sonnèrent" and "la séance fut levée" are.
    r"\b(?:\w{2,}(?:èrent|irent|urent|inrent)|fut|furent|eut|eurent|fit|firent|vint|vinrent|"
    r"tint|prit|prirent|mit|mirent|dut|parut|mourut|naquit|devint|revint)\b",
)
# A capitalised name of up to four words: "Durov", "Marc Hallier", "Jean de La Fontaine".
_NAME = r"(?-i:[A-ZÀ-Ý][\w'’-]+)(?:\s+(?:(?-i:[A-ZÀ-Ý][\w'’-]+)|de|du|d['’]\w+)){0,3}"
_AUX = r"(?:a|ont|avait|avaient|aurait|auraient)\s+(?:\w+ment\s+|aussi\s+|également\s+|encore\s+)?"
# An adverb between the verb and what it reports: "estime toutefois que".
_BY_THE_WAY = r"(?:(?:\w+ment|toutefois|pourtant|cependant|néanmoins|aussi|encore|également)\s+)?"
# A frame that opens a report: "Marie Dupont a déclaré que", "selon lui,", "d'après X,".
FRAME_BEFORE = (
    r"\b(?:selon|d['’]après)\s+(?P<speaker>lui|elle|eux|elles|(?:les?|la|l['’]|des?|du)?\s*"
    r"[^,.;:!?«»]{1,60}?)\s*,",
    r"(?:(?P<speaker>" + _NAME + r"|\b(?:il|elle|ils|elles|on)),?\s+)?"
    # The verb (or its auxiliary) starts a word: "condit que" holds no "dit que".
    r"\b(?:" + _AUX + r"(?:{verb})|(?:{verb}))\s+" + _BY_THE_WAY + r"(?:que\b|qu['’]|:)",
)
# An inversion ("a-t-il dit", "avait-elle promis"): a sentence that has one may hold a frame
# whatever its other words ("a-t-elle souri").
INVERSION_MARKS = _INVERSION_PIECES
# A frame that closes a quotation or a report: "…», a déclaré le directeur, Marc Hallier."
FRAME_WORDS = frozenset("selon après".split())
FRAME_AFTER = (
    # (Not a question: "Mais, avait-elle menti ?")
    r"[,»”]\s*" + _INVERTED_CLOSING + r"(?P<speaker>il|elle|ils|elles|on)\s+\w+[^.!?]{0,80}[.!…]?$",
    r"[,»”]\s*(?:"
    + _AUX
    + r")?(?:{verb})\s+(?!"
    + _BY_THE_WAY
    + r"qu)(?P<speaker>(?:le|la|les|l['’]|un|une)?\s*"
    r"[^,.!?«»]{1,60}?)(?:,[^.!?«»]{0,120})?\s*[.!?…]?$",
    r",\s*(?:selon|d['’]après)\s+(?P<speaker>lui|elle|eux|elles|"
    + _NAME
    + r")[^.!?]{0,80}[.!?…]?$",
)
# Where the verb of saying stands in the two slow frames above (one has no literal start, the
# other a long tail to the end): one of the few words (count) just before, or just after, a
# mark that is quick to find. A pattern is tried only on a sentence where such a word is a
# verb of saying, which most sentences with "dit" lack ("Il leur dit :" has one). "after":
# the mark opens every match, and no mark stands between it and the verb.
VERB_NEAR = {
    FRAME_BEFORE[1]: (r"\s(?:que\b|qu['’]|:)", "before", 2),  # "a déclaré toutefois que"
    FRAME_AFTER[1]: (r"[,»”]", "after", 3),  # "…, a également déclaré X."
}
# The frames with no verb of saying: what each match holds, whatever its case.
FRAME_NEEDS = {
    FRAME_AFTER[0]: _INVERSION_DASHES,  # "…, a-t-il dit.", "…, avait-elle promis."
    FRAME_AFTER[2]: tuple(sorted(FRAME_WORDS)),  # "…, selon lui."
    FRAME_BEFORE[0]: tuple(sorted(FRAME_WORDS)),  # "Selon lui, …"
}
CONDITIONAL_ENDINGS = ("rait", "raient")

FURNITURE = (
    (
        "a call to subscribe, follow or join",
        r"\b(?:abonnez[- ]vous|inscrivez[- ]vous|rejoignez[- ]nous|suivez[- ]nous|"
        r"abonnez|inscrivez|rejoignez|t[ée]l[ée]chargez|cliquez|newsletter|"
        r"(?:sur|rejoindre|via) notre (?:canal|chaîne|groupe|page|compte|application|site)|"
        r"ne (?:rien )?rate[zr]? (?:aucune?|rien)|suivez l['’]actu\w*)\b",
        ("abonn", "inscri", "rejoi", "suivez", "charg", "cliquez", "newsletter", "notre", "rate"),
    ),
    (
        "share or print buttons",
        r"\b(?:partager|partagez|imprimer|copier le lien)\b",
        ("partag", "imprimer", "copier"),
    ),
    (
        "a link to other articles",
        r"\b(?:lire (?:aussi|plus|la suite)|[àa] lire aussi|voir aussi|articles? li[ée]s?|"
        r"recevez nos|sur le m[êe]me sujet)\b",
        ("lire", "voir aussi", "article", "recevez", "sujet"),
    ),
    (
        "comment-section text",
        r"\b(?:\d+\s+(?:r[ée]actions?|commentaires?|r[ée]ponses?)|"
        r"[ée]crire un commentaire|laisser un commentaire|laissez un commentaire|"
        r"afficher (?:tous )?les commentaires|commentaires? recommand[ée]s?|"
        r"charte de mod[ée]rations?|champs obligatoires|"
        r"(?:adresse|e-?mail)[^.]{0,30}ne sera pas publi[ée]e)\b",
        ("réaction", "reaction", "comment", "réponse", "reponse", "champs", "publi"),
    ),
    (
        "an image credit or copyright line",
        r"(?:cr[ée]dits?(?: photo)?\s*:|photo\s*:|image\s*:|illustration\s*:|"
        r"tous droits r[ée]serv[ée]s)",
        ("crédit", "credit", "photo", "image", "illustration", "réserv", "reserv"),
    ),
    (
        "a source or translation credit",
        r"^(?:sources?|traduit par|traduction|via)\s*:?\s+\S",
        ("source", "tradu", "via"),
    ),
    (
        "a publication date line",
        r"^(?:publi[ée] le|mis [àa] jour le|modifi[ée] le)\b",
        ("publi", "mis à", "mis a", "modifi"),
    ),
    (
        "a byline",
        r"^(?i:par)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,3}\s*(?:[,|/—–-].*)?$",
        ("par ",),
    ),
    (
        "the site's disclaimer",
        r"\[lire plus\]|\bn'engage(?:nt)? que\b|\bnotre responsabilit[ée] s'arr[êe]te\b|"
        r"seul le prononc[ée] fait foi|mis [àa] jour en continu|(?:rechargez|actualisez) la page",
        ("[", "engage", "responsabilit", "prononc", "continu", "page"),
    ),
)
COMMENT_HEADER_WORDS = ((r"(?:le\s+)?", r"(?:à|,)?"),)
WIDGETS = (r"^(?:j['’]\w+|je\s+\w+|(?:répondre|signaler)s?)$",)
BIO = (
    r"\b(?:r[ée]dact(?:eur|rice)|journaliste|chroniqueu(?:r|se)|correspondant|pigiste|"
    r"mes articles)\b",
)
CAREER = (
    r"\b(?:depuis|dipl[ôo]m[ée]e?|rejoint|travaille|collabore|sp[ée]cialiste|auteure?|autrice|"
    r"passionn[ée]e?)\b",
)
AUTHOR_LINE = (r"^(?:l['’]auteure?|l['’]autrice)\b",)
SALUTATIONS = (r"^(?:mesdames|messieurs|chers?|ch[èe]res?|mes chers|mes ch[èe]res)\b",)
GENERIC_HEADINGS = (
    r"^(?:points? cl[ée]s|l'essentiel|en bref|[àa] retenir|r[ée]sum[ée]|sommaire)\s*:?$",
)
SUBJECT_ACT = (
    r"(?:^|[.!?]\s+)(?:Il|Elle|Ils|Elles|[A-ZÀ-Ý][\w'’-]+)\s+"
    r"(?:a|ont|avait|avaient)\s+(?:\w+ment\s+|aussi\s+|également\s+)?"
    r"[a-zà-ÿ]+(?:é|ée|és|i|is|it|u|us|ert)\b",
)
FINITE_VERBS = frozenset(
    "est sont était étaient sera seront fut a ont avait avaient aura auront fait font va vont "
    "peut peuvent doit doivent veut veulent dit disent reste restent semble semblent".split()
)
FINITE_ENDINGS = ("ait", "aient", "èrent", "ons", "ez", "era", "eront")

NEGATIONS = frozenset("ne n' pas jamais aucun aucune rien nullement guère point sans ni".split())
NUMBER_WORDS = {
    "zero": "0", "un": "1", "une": "1", "deux": "2", "trois": "3", "quatre": "4", "cinq": "5",
    "six": "6", "sept": "7", "huit": "8", "neuf": "9", "dix": "10", "onze": "11", "douze": "12",
    "treize": "13", "quatorze": "14", "quinze": "15", "seize": "16", "vingt": "20",
    "trente": "30", "quarante": "40", "cinquante": "50", "soixante": "60", "cent": "100",
    "mille": "1000",
}  # fmt: skip
# "un"/"une" are articles or pronouns far more often than numbers.
AMBIGUOUS_NUMBER_WORDS = frozenset({"un", "une"})
ABBREVIATIONS = frozenset(
    "m mm mme mlle dr pr st ste me mgr etc cf ex av apr env vol no p pp fig art chap".split()
)
# Spellings of the French of old prints, as modern French writes the word (spelling.py).
SPELLING_VARIANTS = (
    ("o[iy]", "ai", "the imperfect and a few stems: avoit, avoyent, connoistre"),
    ("s(?=[bcdfghjklmnpqrtvz])", "", "an s before a consonant, now an accent: estoit, mesme"),
    ("y$", "i", "a final y: luy, celuy"),
    ("z$", "s", "the plural of a past participle: pechez, bien-aimez"),
)
FUNCTION_WORDS = frozenset(
    (
        "le la les de des du et est que qui une un dans pour pas ne nous vous il elle sur "
        "au aux ce cette sont avec par plus mais ont été"
    ).split()
)
