<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>App</name>
    <message>
        <location filename="../../reader/gui/app.py" line="48"/>
        <source>Something went wrong: {message}

The details are in {log}. The window stays open; you can carry on.</source>
        <translation>Un problème est survenu : {message}

Les détails sont dans {log}. La fenêtre reste ouverte ; vous pouvez continuer.</translation>
    </message>
</context>
<context>
    <name>ExportOptionsDialog</name>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="33"/>
        <source>Export comparison</source>
        <translation>Exporter la comparaison</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="35"/>
        <source>PDF document</source>
        <translation>Document PDF</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="36"/>
        <source>Web page (HTML)</source>
        <translation>Page web (HTML)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="41"/>
        <source>Landscape</source>
        <translation>Paysage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="43"/>
        <source>Leave out boilerplate</source>
        <translation>Omettre les éléments de page</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="51"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="52"/>
        <source>Paper</source>
        <translation>Papier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="66"/>
        <source>PDF document (*.pdf)</source>
        <translation>Document PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="66"/>
        <source>Web page (*.html)</source>
        <translation>Page web (*.html)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/export_dialog.py" line="69"/>
        <source>Exported to {path}</source>
        <translation>Exporté dans {path}</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <location filename="../../reader/gui/legend.py" line="39"/>
        <source>quotation</source>
        <translation>citation</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="40"/>
        <source>paraphrase</source>
        <translation>paraphrase</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="41"/>
        <source>commentary</source>
        <translation>commentaire</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="42"/>
        <source>boilerplate</source>
        <translation>habillage de page</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="43"/>
        <source>reworded: only on this side</source>
        <translation>reformulé : seulement de ce côté</translation>
    </message>
    <message>
        <location filename="../../reader/gui/legend.py" line="44"/>
        <source>change of meaning (number, name, negation, sentence)</source>
        <translation>changement de sens (nombre, nom, négation, phrase)</translation>
    </message>
</context>
<context>
    <name>LibraryActions</name>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="124"/>
        <source>Some files were not added:</source>
        <translation>Certains fichiers n&apos;ont pas été ajoutés :</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="127"/>
        <source>Add {n} source(s)</source>
        <translation>Ajouter {n} source(s)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="134"/>
        <source>Remove {id}</source>
        <translation>Retirer {id}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/library_actions.py" line="141"/>
        <source>Edit the details of {id}</source>
        <translation>Modifier les informations de {id}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../reader/gui/main_window.py" line="255"/>
        <source>reading the sources</source>
        <translation>lecture des sources</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="256"/>
        <source>indexing</source>
        <translation>indexation</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="257"/>
        <source>linking</source>
        <translation>mise en correspondance</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="258"/>
        <source>labelling</source>
        <translation>étiquetage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="259"/>
        <source>reconstructing the statement</source>
        <translation>reconstitution de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="260"/>
        <source>comparing</source>
        <translation>comparaison</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="261"/>
        <source>done</source>
        <translation>terminé</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="264"/>
        <source>Analysing: {stage}…</source>
        <translation>Analyse : {stage}…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="283"/>
        <source>The sources could not be analysed: {m}</source>
        <translation>Les sources n’ont pas pu être analysées : {m}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="289"/>
        <source>Analysis cancelled</source>
        <translation>Analyse annulée</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="302"/>
        <source>The statement</source>
        <translation>La déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="353"/>
        <source>No further difference</source>
        <translation>Plus de différence après celle-ci</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="353"/>
        <source>No earlier difference</source>
        <translation>Pas de différence avant celle-ci</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="359"/>
        <source>No differences</source>
        <translation>Aucune différence</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="362"/>
        <source>Difference {n} of {total}</source>
        <translation>Différence {n} sur {total}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="365"/>
        <source>{total} differences</source>
        <translation>{total} différences</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="402"/>
        <source>Some files were not added:</source>
        <translation>Certains fichiers n&apos;ont pas été ajoutés :</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="413"/>
        <source>Sources opened from the command line are not in the library</source>
        <translation>Les sources ouvertes depuis la ligne de commande ne sont pas dans la bibliothèque</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="431"/>
        <source>Add sources</source>
        <translation>Ajouter des sources</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="433"/>
        <source>Texts, web pages and Word files ({patterns})</source>
        <translation>Textes, pages web et fichiers Word ({patterns})</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="435"/>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="476"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="477"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="478"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="479"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="480"/>
        <source>&amp;Help</source>
        <translation>A&amp;ide</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="481"/>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="482"/>
        <source>Statement map</source>
        <translation>Carte de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="484"/>
        <source>&amp;Add sources…</source>
        <translation>&amp;Ajouter des sources…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="485"/>
        <source>Edit source &amp;details…</source>
        <translation>Modifier les &amp;informations de la source…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="486"/>
        <source>&amp;Remove source</source>
        <translation>&amp;Retirer la source</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="487"/>
        <source>&amp;Export comparison…</source>
        <translation>&amp;Exporter la comparaison…</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="488"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="489"/>
        <source>&amp;Next difference</source>
        <translation>Différence &amp;suivante</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="490"/>
        <source>&amp;Previous difference</source>
        <translation>Différence &amp;précédente</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="491"/>
        <source>&amp;Swap panes</source>
        <translation>&amp;Inverser les volets</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="492"/>
        <source>&amp;Hide boilerplate</source>
        <translation>&amp;Masquer les éléments de page</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="493"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Agrandir</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="494"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Réduire</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="495"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Taille normale</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="496"/>
        <source>Statement &amp;map</source>
        <translation>&amp;Carte de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="497"/>
        <source>&amp;About Synopsis</source>
        <translation>À &amp;propos de Synopsis</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="505"/>
        <source>System language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="508"/>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="509"/>
        <location filename="../../reader/gui/main_window.py" line="511"/>
        <source>Click a paragraph to bring its counterpart into view</source>
        <translation>Cliquez sur un paragraphe pour afficher son correspondant</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="521"/>
        <source>About Synopsis</source>
        <translation>À propos de Synopsis</translation>
    </message>
    <message>
        <location filename="../../reader/gui/main_window.py" line="522"/>
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
        <location filename="../../reader/gui/source_list.py" line="231"/>
        <source>Click a source to show it on the left, Ctrl+click on the right</source>
        <translation>Cliquez sur une source pour l’afficher à gauche, Ctrl+clic pour l’afficher à droite</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="263"/>
        <source>Show on the left	Click</source>
        <translation>Afficher à gauche	Clic</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="266"/>
        <source>Show on the right	Ctrl+Click</source>
        <translation>Afficher à droite	Ctrl+clic</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="270"/>
        <source>Edit details…	F2</source>
        <translation>Modifier les informations…	F2</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="271"/>
        <source>Remove	Del</source>
        <translation>Retirer	Suppr</translation>
    </message>
</context>
<context>
    <name>SourceListModel</name>
    <message>
        <location filename="../../reader/gui/source_list.py" line="125"/>
        <source>Quotes {q:.0%} of the statement, reports {p:.0%}</source>
        <translation>Cite {q:.0%} de la déclaration, en rapporte {p:.0%}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/source_list.py" line="129"/>
        <source>Click: left pane · Ctrl+click: right pane</source>
        <translation>Clic : volet gauche · Ctrl+clic : volet droit</translation>
    </message>
</context>
<context>
    <name>StatementGridModel</name>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="84"/>
        <source>All</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="87"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="97"/>
        <source>Quoted · reported, share of the statement</source>
        <translation>Part citée · rapportée de la déclaration</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="117"/>
        <source>{title}: quotes {q:.0%} of the statement, reports {p:.0%}; closeness of its quotations {c}</source>
        <translation>{title} : cite {q:.0%} de la déclaration, en rapporte {p:.0%} ; fidélité de ses citations {c}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="123"/>
        <source>{title} leaves out {passage}</source>
        <translation>{title} omet {passage}</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="124"/>
        <source>quotes</source>
        <translation>cite</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="124"/>
        <source>reports</source>
        <translation>rapporte</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="125"/>
        <source>{title} {how} {share:.0%} of {passage}, closeness {c:.2f}</source>
        <translation>{title} {how} {share:.0%} de {passage}, fidélité {c:.2f}</translation>
    </message>
</context>
<context>
    <name>StatementMap</name>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="161"/>
        <location filename="../../reader/gui/statement_map.py" line="179"/>
        <source>Changes of meaning in quotations</source>
        <translation>Changements de sens dans les citations</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="181"/>
        <source>No statement found: add sources that carry one.</source>
        <translation>Aucune déclaration trouvée : ajoutez des sources qui en rapportent une.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="208"/>
        <source>The statement, reconstructed: {n} passages, in the order of “{reference}”. Q quoted, P reported, — left out; the stronger the colour, the closer the wording.</source>
        <translation>La déclaration reconstituée : {n} passages, dans l’ordre de « {reference} ». Q cité, P rapporté, — omis ; plus la couleur est forte, plus la formulation est proche.</translation>
    </message>
    <message>
        <location filename="../../reader/gui/statement_map.py" line="228"/>
        <source>No quotation changes a number, a name or a negation.</source>
        <translation>Aucune citation ne change un nombre, un nom ou une négation.</translation>
    </message>
</context>
</TS>
