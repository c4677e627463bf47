"""German: „…“ and »…« (» opens), ‚…‘; V2 order puts the verb before its subject after a
quotation („…“, sagte Scholz); every noun is capitalised, so a capitalised word is a name
only where the text shows it is one."""

from __future__ import annotations

from quotedb.core.languages.profile import Language


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


GERMAN = Language(
    code="de",
    reversed_guillemets=True,
    speech=_words(
        """
        sagte sagt sagten sagen gesagt sage sagtest erklärte erklärt erklärten erklären
        betonte betont betonten betonen meinte meint meinten fügte fügt ergänzte ergänzt
        schreibt schrieb schrieben geschrieben erzählt erzählte erzählten berichtet berichtete
        warnt warnte warnten kritisiert kritisierte antwortet antwortete antworteten fragt
        fragte fragten sprach spricht sprachen räumte räumt bestätigte bestätigt versicherte
        versichert behauptete behauptet verkündete verkündet teilte teilt mitteilen mitgeteilt
        forderte fordert kündigte kündigt erwiderte erwidert entgegnete entgegnet rief ruft
        klagte klagt beklagte beklagt lobte lobt urteilte urteilt resümierte resümiert
        zitiert zitierte twitterte twittert schimpfte schimpft mahnte mahnt argumentierte
        argumentiert unterstrich unterstreicht bekräftigte bekräftigt beteuerte beteuert
        gesteht gestand hieß heißt schickt schickte
        """
    ),
    weak=_words("nannte nennt nennen bezeichnete bezeichnet glaubt glaubte findet fand"),
    auxiliaries=_words("hat habe hatte haben hatten hätte wird wurde würde ist war soll sollen"),
    sources=_words("laut so"),
    sources_after=_words("zufolge"),
    weak_sources=_words("für"),
    pronouns={"er": "m", "sie": "f"},
    determiners=_words(
        "der die das des dem den ein eine einer eines einem einen dessen deren sein seine "
        "seiner seinem seinen ihr ihre ihrer ihrem ihren unser unsere diese dieser diesem "
        "diesen dieses jener jene"
    ),
    possessives=_words(
        "dessen deren sein seine seiner seinem seinen ihr ihre ihrer ihrem ihren unser unsere"
    ),
    prepositions=_words(
        "in im mit nach von vor zu zum zur über unter für gegen ohne um durch bis seit bei beim "
        "aus auf an am"
    ),
    subordinators=_words("dass weil wenn ob als obwohl während nachdem damit wie wo was denn"),
    conjunctions=_words("und oder sowie aber doch denn auch"),
    indefinite=_words("ein eine einer eines einem einen"),
    function_words=_words(
        """
        beim vom zum ins ans aufs ab niemand jemand alle viele einige
        es er sie ihn ihm ihr wir ihr uns euch man ich du sich wer was wie wo wann warum
        der die das des dem den ein eine einer eines einem einen und oder aber doch denn
        wenn weil dass ob als auch noch nur schon so nicht kein keine keiner im in am an
        auf aus bei mit nach von vor zu zum zur über unter für gegen ohne um durch bis seit
        dies diese dieser dieses jetzt dann da dort hier heute gestern morgen immer nie
        sein seine ihre ihr unser mein dein wenn während nachdem damit denn daher deshalb
        jedoch zudem außerdem trotzdem allerdings also etwa laut zufolge zwar sogar
        """
    ),
    titles={
        "herr": "m",
        "herrn": "m",
        "frau": "f",
        "dr.": "",
        "prof.": "",
        "professor": "",
        "professorin": "f",
    },
    particles=_words("von van de zu"),
    roles=_words(
        """
        minister ministerin bundesminister bundesministerin bundeskanzler bundeskanzlerin
        kanzler kanzlerin präsident präsidentin sprecher sprecherin chef chefin parteichef
        vorsitzende vorsitzender politiker politikerin anwalt anwältin manager managerin
        experte expertin sprecherin direktor direktorin leiter leiterin abgeordnete
        abgeordneter bürgermeister bürgermeisterin senator senatorin richter richterin
        parteienrechtler forscher forscherin autor autorin journalist journalistin reporter
        reporterin kollege kollegin geschäftsführer geschäftsführerin gründer gründerin
        """
    ),
    bodies=_words(
        """
        institut universität gewerkschaft
        regierung bundesregierung ministerium partei initiative
        behörde polizei gericht unternehmen konzern verband bahn kommission bericht studie
        """
    ),
    works=_words("buch roman essay aufsatz"),
    unnamed=_words("sprecher sprecherin anwalt anwältin quelle quellen insider mitarbeiter"),
    adverbs=_words(
        """
        am montag dienstag mittwoch donnerstag freitag samstag sonntag gestern heute
        vorgestern morgens abends damals später zuletzt dazu dann auch noch jedoch aber
        bereits schon nun einmal
        """
    ),
    capitalised_nouns=True,
    ordinal_dates=True,
    age_nouns=("jährige", "jähriger", "jährigen"),
)
