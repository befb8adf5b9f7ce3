<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../reader/gui/app.py" line="49"/>
        <source>Something went wrong: {message}

The details are in {log}. The window stays open; you can carry on.</source>
        <translation>Un problème est survenu : {message}

Les détails sont dans {log}. La fenêtre reste ouverte ; vous pouvez continuer.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/app.py" line="91"/>
        <source>Starting {app}…</source>
        <translation>Démarrage de {app}…</translation>
    </message>
</context>
<context>
    <name>Change</name>
    <message>
        <location filename="../../reader/export/wording.py" line="18"/>
        <source>number</source>
        <translation>nombre</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="19"/>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="20"/>
        <source>negation</source>
        <translation>négation</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="21"/>
        <source>sentence</source>
        <translation>phrase</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="22"/>
        <source>rewording</source>
        <translation>reformulation</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="23"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="36"/>
        <source>leaves out a sentence of the statement</source>
        <translation>omet une phrase de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="40"/>
        <source>adds a sentence to the statement</source>
        <translation>ajoute une phrase à la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="42"/>
        <source>sentence only on the left</source>
        <translation>phrase seulement à gauche</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="44"/>
        <source>sentence only on the right</source>
        <translation>phrase seulement à droite</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="48"/>
        <source>{kind}: added «{text}»</source>
        <translation>{kind} : ajout de «{text}»</translation>
    </message>
    <message>
        <location filename="../../reader/export/wording.py" line="52"/>
        <source>{kind}: dropped «{text}»</source>
        <translation>{kind} : «{text}» supprimé</translation>
    </message>
</context>
<context>
    <name>ComparisonView</name>
    <message>
        <location filename="../../reader/gui/comparison_view.py" line="234"/>
        <source>The statement, reconstructed from the sources</source>
        <translation>La déclaration, reconstituée à partir des sources</translation>
    </message>
</context>
<context>
    <name>CorrectionActions</name>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="131"/>
        <source>&amp;Correct</source>
        <translation>&amp;Corriger</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="133"/>
        <source>Label as &amp;quotation</source>
        <translation>Étiqueter comme &amp;citation</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="134"/>
        <source>Label as &amp;paraphrase</source>
        <translation>Étiqueter comme &amp;paraphrase</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="135"/>
        <source>Label as &amp;commentary</source>
        <translation>Étiqueter comme c&amp;ommentaire</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="136"/>
        <source>Label as &amp;boilerplate</source>
        <translation>Étiqueter comme &amp;habillage de page</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="140"/>
        <source>Back to the &amp;engine&apos;s label</source>
        <translation>Revenir à l’étiquette du &amp;moteur</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="141"/>
        <source>&amp;Link the paragraphs last clicked on each side</source>
        <translation>&amp;Relier les derniers paragraphes cliqués de chaque côté</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="142"/>
        <source>&amp;Unlink the paragraph from its counterpart</source>
        <translation>&amp;Délier le paragraphe de son équivalent</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="143"/>
        <source>&amp;Not part of the statement</source>
        <translation>&amp;Hors de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="144"/>
        <source>&amp;Orphaned corrections…</source>
        <translation>Corrections &amp;orphelines…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="172"/>
        <source>{n} correction(s) no longer find their paragraph: Correct &gt; Orphaned corrections</source>
        <translation>{n} correction(s) ne trouvent plus leur paragraphe : Corriger &gt; Corrections orphelines</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="214"/>
        <source>Label ¶{p} of {id} as {label}</source>
        <translation>Étiqueter le ¶{p} de {id} comme {label}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="218"/>
        <source>Give ¶{p} of {id} back its engine&apos;s label</source>
        <translation>Rendre au ¶{p} de {id} l’étiquette du moteur</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="241"/>
        <source>Click a paragraph in each pane first, then link them</source>
        <translation>Cliquez d’abord un paragraphe dans chaque volet, puis reliez-les</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="245"/>
        <source>Link ¶{a} of {left} and ¶{b} of {right}</source>
        <translation>Relier le ¶{a} de {left} et le ¶{b} de {right}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="278"/>
        <source>This paragraph has no counterpart to unlink</source>
        <translation>Ce paragraphe n’a pas d’équivalent à délier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="287"/>
        <source>Unlink ¶{p} of {id}</source>
        <translation>Délier le ¶{p} de {id}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="294"/>
        <source>Click a passage of the statement first</source>
        <translation>Cliquez d’abord un passage de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="301"/>
        <source>Take passage {id} out of the statement</source>
        <translation>Retirer le passage {id} de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="333"/>
        <source>Every correction finds its paragraph</source>
        <translation>Chaque correction trouve son paragraphe</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="339"/>
        <source>These corrections no longer find their paragraph; they apply nowhere until their text is back:</source>
        <translation>Ces corrections ne trouvent plus leur paragraphe ; elles ne s’appliquent nulle part tant que leur texte n’est pas revenu :</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="407"/>
        <source>Label set by hand: {label}</source>
        <translation>Étiquette posée à la main : {label}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="410"/>
        <source>The engine&apos;s label: {label} (confidence {c:.2f})</source>
        <translation>Étiquette du moteur : {label} (confiance {c:.2f})</translation>
    </message>
    <message>
        <location filename="../../reader/gui/correction_actions.py" line="413"/>
        <source>The engine&apos;s evidence:</source>
        <translation>Indices du moteur :</translation>
    </message>
</context>
<context>
    <name>Corrections</name>
    <message>
        <location filename="../../reader/export/correction_words.py" line="44"/>
        <source>label {label}: {where} «{excerpt}»</source>
        <translation>étiquette {label} : {where} «{excerpt}»</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="48"/>
        <source>link: {where} and {other} «{excerpt}»</source>
        <translation>lien : {where} et {other} «{excerpt}»</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="50"/>
        <source>unlink: {where} and {other} «{excerpt}»</source>
        <translation>lien défait : {where} et {other} «{excerpt}»</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="52"/>
        <source>passage out of the statement: {source} «{excerpt}»</source>
        <translation>passage retiré de la déclaration : {source} «{excerpt}»</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="62"/>
        <source>{n} label</source>
        <translation>{n} étiquette</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="63"/>
        <source>{n} labels</source>
        <translation>{n} étiquettes</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="65"/>
        <source>{n} link</source>
        <translation>{n} lien</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="65"/>
        <source>{n} links</source>
        <translation>{n} liens</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="68"/>
        <source>{n} passage</source>
        <translation>{n} passage</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="69"/>
        <source>{n} passages</source>
        <translation>{n} passages</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="74"/>
        <source>Nothing corrected by hand</source>
        <translation>Rien n’a été corrigé à la main</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="78"/>
        <source>{some} and {last}</source>
        <translation>{some} et {last}</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="82"/>
        <source>{what} corrected by hand</source>
        <translation>Corrigé à la main : {what}</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="88"/>
        <source>its paragraph is no longer in the source</source>
        <translation>son paragraphe n’est plus dans la source</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="91"/>
        <source>its sentence is no longer in the paragraph</source>
        <translation>sa phrase n’est plus dans le paragraphe</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="94"/>
        <source>its passage is no longer in the statement</source>
        <translation>son passage n’est plus dans la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="99"/>
        <source>{what}: {why}</source>
        <translation>{what} : {why}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <location filename="../../reader/export/correction_words.py" line="29"/>
        <source>quotation</source>
        <translation>citation</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="30"/>
        <source>paraphrase</source>
        <translation>paraphrase</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="31"/>
        <source>commentary</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <location filename="../../reader/export/correction_words.py" line="32"/>
        <source>boilerplate</source>
        <translation>habillage de page</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="136"/>
        <source>outlet</source>
        <translation>média</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="137"/>
        <source>date</source>
        <translation>date</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="138"/>
        <source>address</source>
        <translation>adresse</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="139"/>
        <source>file</source>
        <translation>fichier</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="148"/>
        <source>Left</source>
        <translation>Gauche</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="149"/>
        <source>Right</source>
        <translation>Droite</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="156"/>
        <source>Exported {when} with {app} {version}.</source>
        <translation>Exporté le {when} avec {app} {version}.</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="159"/>
        <source>comparison</source>
        <translation>comparaison</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="170"/>
        <source>Context: the other sources analysed</source>
        <translation>Contexte : les autres sources analysées</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="173"/>
        <source>None: the two sources were analysed alone; labels may differ when other sources that carry the statement are analysed with them.</source>
        <translation>Aucune : les deux sources ont été analysées seules ; les étiquettes peuvent changer si d’autres sources qui portent la déclaration sont analysées avec elles.</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="179"/>
        <source>Labels and the statement depend on every source analysed; these were analysed with the two compared, and are not shown.</source>
        <translation>Les étiquettes et la déclaration dépendent de toutes les sources analysées ; celles-ci l’ont été avec les deux comparées, sans être montrées.</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="198"/>
        <source>rewording</source>
        <translation>reformulation</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="199"/>
        <source>only on this side</source>
        <translation>seulement de ce côté</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="200"/>
        <source>change of meaning</source>
        <translation>changement de sens</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="201"/>
        <source>a number, a name, a negation, a sentence</source>
        <translation>un nombre, un nom, une négation, une phrase</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="202"/>
        <source>no counterpart</source>
        <translation>sans équivalent</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="203"/>
        <source>moved</source>
        <translation>déplacé</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="204"/>
        <source>on both sides, in another order</source>
        <translation>des deux côtés, dans un autre ordre</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="205"/>
        <source>Legend</source>
        <translation>Légende</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="260"/>
        <source>The two sources, row by row as aligned</source>
        <translation>Les deux sources, rangée par rangée, telles qu’alignées</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="293"/>
        <source>[label set by hand; engine: {label}]</source>
        <translation>[étiquette posée à la main ; moteur : {label}]</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="304"/>
        <source>{n} correction(s) no longer find their paragraph and apply nowhere.</source>
        <translation>{n} correction(s) ne trouvent plus leur paragraphe et ne s’appliquent nulle part.</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="362"/>
        <source>{mean} over {n} paired quotations</source>
        <translation>{mean} sur {n} citations appariées</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="367"/>
        <source>no paired quotations</source>
        <translation>aucune citation appariée</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="377"/>
        <source>None.</source>
        <translation>Aucun.</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="379"/>
        <source>Similarity of the paired quotations: {mean}.</source>
        <translation>Similarité des citations appariées : {mean}.</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="381"/>
        <source>Summary</source>
        <translation>Résumé</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="382"/>
        <source>source</source>
        <translation>source</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="383"/>
        <source>statement quoted · reported</source>
        <translation>déclaration citée · rapportée</translation>
    </message>
    <message>
        <location filename="../../reader/export/document.py" line="384"/>
        <source>Changes of meaning between the paired quotations</source>
        <translation>Changements de sens entre les citations appariées</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="34"/>
        <source>Export comparison</source>
        <translation>Exporter la comparaison</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="36"/>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="37"/>
        <source>Web page (HTML)</source>
        <translation>Page web (HTML)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="42"/>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="44"/>
        <source>Leave out boilerplate</source>
        <translation>Omettre les éléments de page</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="52"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="53"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="67"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="67"/>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../reader/gui/help.py" line="34"/>
        <source>, or </source>
        <translation>, ou </translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="41"/>
        <location filename="../../reader/gui/help.py" line="125"/>
        <source>How to read this window</source>
        <translation>Comment lire cette fenêtre</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="42"/>
        <source>The source list (left) shows each source with its outlet, how many of its paragraphs carry each label (Q P C B) and a bar of how much of the statement it quotes (solid) and reports (hatched). L and R mark the sources in the panes. Click a source for the left pane, Ctrl+click for the right one.</source>
        <translation>La liste des sources (à gauche) montre chaque source avec son média, combien de ses paragraphes portent chaque étiquette (Q P C B) et une barre de la part de la déclaration qu’elle cite (plein) et rapporte (hachuré). L et R marquent les sources affichées dans les volets. Cliquez sur une source pour le volet gauche, Ctrl+clic pour le droit.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="49"/>
        <source>Labels. Every paragraph has one label, shown in its margin as a letter and a bar pattern, and as a light tint: Q quotation (the statement&apos;s own words), P paraphrase (its content in indirect speech), C commentary (the outlet&apos;s own words), B boilerplate (page furniture).</source>
        <translation>Étiquettes. Chaque paragraphe a une étiquette, montrée dans sa marge par une lettre et le motif d’une barre, et par une teinte légère : Q citation (les mots mêmes de la déclaration), P paraphrase (son contenu au discours indirect), C commentaire (les mots du média), B habillage de page (le mobilier du site).</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="56"/>
        <source>Highlights. Words found only on one side of a paired paragraph are yellow with a dashed underline (rewording); a number, a name, a negation or a sentence that differs is red and underlined (a change of meaning). A hatched margin marks a paragraph that has no counterpart in the other source.</source>
        <translation>Surlignages. Les mots présents d’un seul côté d’un paragraphe apparié sont en jaune, soulignés en tirets (reformulation) ; un nombre, un nom, une négation ou une phrase qui diffère est en rouge et souligné (un changement de sens). Une marge hachurée signale un paragraphe sans équivalent dans l’autre source.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="63"/>
        <source>Bands. Between the panes, a band links each paragraph to its counterpart; the stronger its colour, the closer the two texts. A band that crosses the others belongs to a paragraph the source moved. The panes scroll together along the bands; click a paragraph to bring its counterpart level with it. F8 and Shift+F8 step through the paragraphs that differ, and mark the whole difference.</source>
        <translation>Bandes. Entre les volets, une bande relie chaque paragraphe à son équivalent ; plus sa couleur est forte, plus les deux textes sont proches. Une bande qui croise les autres appartient à un paragraphe que la source a déplacé. Les volets défilent ensemble le long des bandes ; cliquez sur un paragraphe pour amener son équivalent à sa hauteur. F8 et Maj+F8 passent d’une différence à l’autre et la marquent tout entière.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="71"/>
        <source>The map. The Statement map tab shows the statement&apos;s passages down and the sources across: Q where a source quotes a passage, P where it reports it, — where it leaves it out, with how much of it; the strength of a cell&apos;s colour says how closely. Click a cell to open that source beside the statement at that passage.</source>
        <translation>La carte. L’onglet Carte de la déclaration montre les passages de la déclaration en lignes et les sources en colonnes : Q là où une source cite un passage, P là où elle le rapporte, — là où elle l’omet, avec la part reprise ; l’intensité de la couleur d’une case dit la fidélité. Cliquez sur une case pour ouvrir cette source à côté de la déclaration, à ce passage.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="78"/>
        <source>Labels depend on the other sources analysed with a pair: an export lists them (the context) beside the two compared.</source>
        <translation>Les étiquettes dépendent des autres sources analysées avec une paire : un export les énumère (le contexte) à côté des deux comparées.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="104"/>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="110"/>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <location filename="../../reader/gui/help.py" line="110"/>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../reader/gui/legend.py" line="67"/>
        <source>quotation</source>
        <translation>citation</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="68"/>
        <source>paraphrase</source>
        <translation>paraphrase</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="69"/>
        <source>commentary</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="70"/>
        <source>boilerplate</source>
        <translation>habillage de page</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="63"/>
        <source>no counterpart ({left} left, {right} right)</source>
        <translation>sans équivalent ({left} à gauche, {right} à droite)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="71"/>
        <source>label set by hand</source>
        <translation>étiquette posée à la main</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="73"/>
        <source>reworded: only on this side</source>
        <translation>reformulé : seulement de ce côté</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="74"/>
        <source>change of meaning (number, name, negation, sentence)</source>
        <translation>changement de sens (nombre, nom, négation, phrase)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="75"/>
        <source>moved: on both sides, in another order</source>
        <translation>déplacé : des deux côtés, dans un autre ordre</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="125"/>
        <source>Some files were not added:</source>
        <translation>Certains fichiers n&apos;ont pas été ajoutés :</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="127"/>
        <source>…and {n} more (see the details).</source>
        <translation>…et {n} de plus (voir les détails).</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="132"/>
        <source>Add {n} source(s)</source>
        <translation>Ajouter {n} source(s)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="139"/>
        <source>Remove {id}</source>
        <translation>Retirer {id}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="146"/>
        <source>Edit the details of {id}</source>
        <translation>Modifier les informations de {id}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="319"/>
        <source>reading the sources</source>
        <translation>lecture des sources</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="320"/>
        <source>indexing</source>
        <translation>indexation</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="321"/>
        <source>linking</source>
        <translation>mise en correspondance</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="322"/>
        <source>labelling</source>
        <translation>étiquetage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="323"/>
        <source>reconstructing the statement</source>
        <translation>reconstitution de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="324"/>
        <source>comparing</source>
        <translation>comparaison</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="325"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="328"/>
        <source>Analysing: {stage}…</source>
        <translation>Analyse : {stage}…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="361"/>
        <source>The sources could not be analysed: {m}</source>
        <translation>Les sources n’ont pas pu être analysées : {m}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="367"/>
        <source>Analysis cancelled</source>
        <translation>Analyse annulée</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="380"/>
        <source>The statement</source>
        <translation>La déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="445"/>
        <source>No further difference</source>
        <translation>Plus de différence après celle-ci</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="445"/>
        <source>No earlier difference</source>
        <translation>Pas de différence avant celle-ci</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="452"/>
        <source>No differences</source>
        <translation>Aucune différence</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="455"/>
        <source>Difference {n} of {total}</source>
        <translation>Différence {n} sur {total}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="458"/>
        <source>{total} differences</source>
        <translation>{total} différences</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="495"/>
        <source>Some files were not added:</source>
        <translation>Certains fichiers n&apos;ont pas été ajoutés :</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="506"/>
        <source>Sources opened from the command line are not in the library</source>
        <translation>Les sources ouvertes depuis la ligne de commande ne sont pas dans la bibliothèque</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="522"/>
        <source>Add sources</source>
        <translation>Ajouter des sources</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="524"/>
        <source>Texts, web pages and Word files ({patterns})</source>
        <translation>Textes, pages web et fichiers Word ({patterns})</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="526"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="551"/>
        <location filename="../../reader/gui/main_window.py" line="658"/>
        <source>Exported to {path}</source>
        <translation>Exporté dans {path}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="578"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="579"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="581"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="582"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="583"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="584"/>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="585"/>
        <source>Statement map</source>
        <translation>Carte de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="587"/>
        <source>&amp;Add sources…</source>
        <translation>&amp;Ajouter des sources…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="588"/>
        <source>Edit source &amp;details…</source>
        <translation>Modifier les &amp;informations de la source…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="589"/>
        <source>&amp;Remove source</source>
        <translation>&amp;Retirer la source</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="590"/>
        <source>&amp;Export comparison…</source>
        <translation>&amp;Exporter la comparaison…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="591"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="592"/>
        <source>&amp;Next difference</source>
        <translation>Différence &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="593"/>
        <source>&amp;Previous difference</source>
        <translation>Différence &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="594"/>
        <source>&amp;Swap panes</source>
        <translation>&amp;Inverser les volets</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="595"/>
        <source>&amp;Hide boilerplate</source>
        <translation>&amp;Masquer les éléments de page</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="596"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="597"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Réduire</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="598"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Taille normale</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="599"/>
        <source>Statement &amp;map</source>
        <translation>&amp;Carte de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="600"/>
        <source>&amp;About Synopsis</source>
        <translation>À &amp;propos de Synopsis</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="601"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="602"/>
        <source>How to &amp;read this window</source>
        <translation>&amp;Comment lire cette fenêtre</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="610"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="613"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="614"/>
        <source>Open folder</source>
        <translation>Ouvrir le dossier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="616"/>
        <source>Click a sentence to bring its counterpart level with it</source>
        <translation>Cliquez sur une phrase pour amener sa correspondante à sa hauteur</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="663"/>
        <source>Analysing…</source>
        <translation>Analyse…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="668"/>
        <source>About Synopsis</source>
        <translation>À propos de Synopsis</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="669"/>
        <source>{app} {version}
Compare how several sources reproduce one statement.</source>
        <translation>{app} {version}
Comparer comment plusieurs sources reproduisent une même déclaration.</translation>
    </message>
</context>
<context>
    <name>SourceDialog</name>
    <message>
        <location filename="../../reader/gui/source_dialog.py" line="18"/>
        <source>Details of {id}</source>
        <translation>Informations sur {id}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_dialog.py" line="25"/>
        <source>e.g. 2024-09-05</source>
        <translation>p. ex. 2024-09-05</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_dialog.py" line="37"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_dialog.py" line="38"/>
        <source>&amp;Title</source>
        <translation>&amp;Titre</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_dialog.py" line="39"/>
        <source>&amp;Outlet</source>
        <translation>&amp;Média</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_dialog.py" line="40"/>
        <source>&amp;Date</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_dialog.py" line="41"/>
        <source>&amp;Address</source>
        <translation>&amp;Adresse</translation>
    </message>
</context>
<context>
    <name>SourceList</name>
    <message>
        <location filename="../../reader/gui/source_list.py" line="109"/>
        <source>{n} passages</source>
        <translation>{n} passages</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="290"/>
        <source>Click a source to show it on the left, Ctrl+click on the right</source>
        <translation>Cliquez sur une source pour l’afficher à gauche, Ctrl+clic pour l’afficher à droite</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="335"/>
        <source>Show on the left	Click</source>
        <translation>Afficher à gauche	Clic</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="338"/>
        <source>Show on the right	Ctrl+Click</source>
        <translation>Afficher à droite	Ctrl+clic</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="342"/>
        <source>Edit details…	F2</source>
        <translation>Modifier les informations…	F2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="343"/>
        <source>Remove	Del</source>
        <translation>Retirer	Suppr</translation>
    </message>
</context>
<context>
    <name>SourceListModel</name>
    <message>
        <location filename="../../reader/gui/source_list.py" line="180"/>
        <source>Quotes {q:.0%} of the statement, reports {p:.0%}</source>
        <translation>Cite {q:.0%} de la déclaration, en rapporte {p:.0%}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="185"/>
        <source>{n} correction(s) by hand</source>
        <translation>{n} correction(s) à la main</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="186"/>
        <source>Click: left pane · Ctrl+click: right pane</source>
        <translation>Clic : volet gauche · Ctrl+clic : volet droit</translation>
    </message>
</context>
<context>
    <name>StatementGridModel</name>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="115"/>
        <source>All</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="118"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="128"/>
        <source>Quoted · reported, share of the statement</source>
        <translation>Part citée · rapportée de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="148"/>
        <source>{title}: quotes {q:.0%} of the statement, reports {p:.0%}; closeness of its quotations {c}</source>
        <translation>{title} : cite {q:.0%} de la déclaration, en rapporte {p:.0%} ; fidélité de ses citations {c}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="154"/>
        <source>{title} leaves out {passage}</source>
        <translation>{title} omet {passage}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="155"/>
        <source>quotes</source>
        <translation>cite</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="155"/>
        <source>reports</source>
        <translation>rapporte</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="156"/>
        <source>{title} {how} {share:.0%} of {passage}, closeness {c:.2f}</source>
        <translation>{title} {how} {share:.0%} de {passage}, fidélité {c:.2f}</translation>
    </message>
</context>
<context>
    <name>StatementMap</name>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="192"/>
        <location filename="../../reader/gui/statement_map.py" line="218"/>
        <source>Changes of meaning in quotations</source>
        <translation>Changements de sens dans les citations</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="221"/>
        <source>No statement found: add sources that carry one.</source>
        <translation>Aucune déclaration trouvée : ajoutez des sources qui en rapportent une.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="264"/>
        <source>The statement, reconstructed: {n} passages, in the order of “{reference}”. Q quoted, P reported, — left out; the stronger the colour, the closer the wording.</source>
        <translation>La déclaration reconstituée : {n} passages, dans l’ordre de « {reference} ». Q cité, P rapporté, — omis ; plus la couleur est forte, plus la formulation est proche.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="286"/>
        <source>No quotation changes a number, a name or a negation.</source>
        <translation>Aucune citation ne change un nombre, un nom ou une négation.</translation>
    </message>
</context>
</TS>
