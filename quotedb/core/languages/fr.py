"""French: « … » with (narrow) no-break spaces inside, “…” too; dialogue dashes are not
quotation marks; the verb after a quotation comes first, a subject pronoun glued to it
(« … », a-t-il dit / explique-t-elle)."""

from __future__ import annotations

from quotedb.core.languages.profile import Language


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_VERBS = """
dit dire disait dira déclare déclaré déclarait déclarent explique expliqué expliquait
expliquent ajoute ajouté ajoutait affirme affirmé affirmait estime estimé estimait souligne
souligné soulignait indique indiqué indiquait précise précisé précisait assure assuré
assurait confie confié confiait raconte raconté racontait observe observé dénonce dénoncé
dénonçait annonce annoncé annonçait lâche lâché répond répondu répondait insiste insisté
poursuit poursuivi conclut conclu confirme confirmé prévient prévenu écrit écrivait note
noté juge jugé rappelle rappelé martèle martelé reconnaît reconnu regrette regretté analyse
analysé avertit averti admet admis concède concédé s’exclame lance lancé résume résumé
commente commenté témoigne témoigné tranche tranché ironise ironisé s’interroge interroge
demande demandé glisse glissé relève relevé défend défendu accuse accusé proclame proclamé
cite cité énonce prévoit considère considéré souhaite souhaité réclame réclamé constate
constaté liste stipule
"""

FRENCH = Language(
    code="fr",
    speech=_words(_VERBS),
    weak=_words("qualifie qualifié qualifiait appelle appelé appelait parle parlé"),
    auxiliaries=_words("a ont avait avaient aura est était s se"),
    sources=_words("selon d’après"),
    weak_sources=_words("pour"),
    pronouns={"il": "m", "elle": "f", "lui": "m"},
    clitics={"-t-il": "m", "-t-elle": "f", "-il": "m", "-elle": "f", "-ils": "", "-elles": ""},
    determiners=_words(
        "le la les l un une des du de d ce cet cette ces son sa ses leur leurs notre"
    ),
    possessives=_words("son sa ses leur leurs notre nos"),
    gerunds=("ant",),
    impersonal=_words("agit faut y semble paraît suffit reste"),
    object_clitics=_words("me te se nous vous le la les lui leur l"),
    datives=_words("à au aux"),
    prepositions=_words("par de du à au aux en pour sur dans avec sans sous chez vers"),
    subordinators=_words("que qu qui quand lorsque lorsqu si comme où dont parce puisque"),
    conjunctions=_words("et ou mais puis"),
    indefinite=_words("un une des"),
    function_words=_words(
        """
        il elle ils elles on je tu nous vous lui eux le la les l un une des du de d et ou
        mais donc or ni car que qu qui quoi dont où si ne pas plus en dans sur sous avec
        j n s c m t jusqu lorsqu puisqu
        pour par sans chez vers ce cet cette ces c’est son sa ses leur leurs selon après
        avant depuis pendant comme quand lorsque puis alors aussi même très tout tous
        toute toutes cela ceci ça y a est
        """
    ),
    titles={
        "m.": "m",
        "mme": "f",
        "mlle": "f",
        "monsieur": "m",
        "madame": "f",
        "dr": "",
        "docteur": "",
        "maître": "",
        "me": "",
        "pr": "",
    },
    particles=_words("de du d la le"),
    elisions=("l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu"),
    roles=_words(
        """
        ministre président présidente porte-parole secrétaire député députée sénateur
        sénatrice maire directeur directrice conseiller conseillère philosophe chercheur
        chercheuse professeur professeure avocat avocate juge procureur procureure
        responsable dirigeant dirigeante chef patron patronne auteur autrice écrivain
        sociologue économiste historien historienne expert experte fondateur fondatrice
        commissaire candidat candidate élu élue
        """
    ),
    bodies=_words(
        """
        institut université assemblée sénat conseil
        gouvernement ministère projet loi lettre rapport texte communiqué collectif
        association syndicat parti élysée commission tribunal revue entreprise
        """
    ),
    works=_words("livre ouvrage essai roman article"),
    unnamed=_words("source sources proche proches responsable conseiller"),
    adverbs=_words(
        """
        lundi mardi mercredi jeudi vendredi samedi dimanche hier aujourd’hui aujourd'hui
        encore aussi alors ensuite enfin déjà récemment jeudi soir matin également
        d’ailleurs pourtant toutefois
        """
    ),
)
