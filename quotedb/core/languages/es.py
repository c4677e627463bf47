"""Spanish: «…», “…” and ‘…’; the verb after a quotation precedes its subject ("…", dijo
el ministro) or stands alone, the subject dropped ("…", concluyó)."""

from __future__ import annotations

from quotedb.core.languages.profile import Language


def _words(s: str) -> frozenset[str]:
    return frozenset(s.split())


_VERBS = """
dijo dice dicen dijeron decía afirmó afirma afirmaron aseguró asegura aseguraron explicó
explica explicaron agregó agrega agregaron añadió añade añadieron señaló señala señalaron
indicó indica indicaron manifestó manifiesta sostuvo sostiene declaró declara declararon
expresó expresa comentó comenta apuntó apunta admitió admite advirtió advierte advirtiendo
detalló detalla concluyó concluye remarcó remarca enfatizó enfatiza puntualizó puntualiza
recomendó recomienda respondió responde respondieron contestó contesta subrayó subraya
destacó destaca precisó precisa aclaró aclara insistió insiste criticó critica denunció
denuncia reconoció reconoce relató relata contó preguntó pregunta escribió escribe
informó informa anunció anuncia sentenció sentencia reiteró reitera argumentó argumenta
corroboró corrobora cita citó ubicó ubica aseguraba resumió resume prometió promete
mencionó menciona planteó plantea opinó opina confesó confiesa
exclamó replicó replica lamentó lamenta alertó alerta acotó acota manda establece dispone
prevé estipula
"""

SPANISH = Language(
    code="es",
    speech=_words(_VERBS),
    weak=_words("calificó califica llamó llama considera consideró cree creía"),
    auxiliaries=_words("ha han había habían habría se le les lo me te nos os"),
    sources=_words("según"),
    weak_sources=_words("para"),
    pronouns={"él": "m", "ella": "f"},
    determiners=_words(
        "el la los las un una unos unas del al lo su sus este esta estos estas ese esa"
    ),
    possessives=_words("su sus nuestro nuestra"),
    gerunds=("ndo",),
    plurals=("n",),
    object_clitics=_words("me te se nos os lo la los las le les"),
    datives=_words("a al"),
    prepositions=_words("de del a al en con por para sin sobre entre desde hasta"),
    subordinators=_words(
        "que quien quienes cuando porque si como donde cual cuales aunque mientras"
    ),
    conjunctions=_words("y e o u pero sino"),
    indefinite=_words("un una unos unas"),
    function_words=_words(
        """
        él ella ellos ellas yo tú usted ustedes nosotros vosotros se le les lo la los las
        me te nos os
        el un una unos unas del al de a vía así y o pero sino que quien quienes cual cuales donde
        cuando como si no ni en con por para sin sobre entre desde hasta según tras ante
        bajo este esta estos estas ese esa eso esto aquel su sus mi mis muy más menos
        también ya aún todo todos toda todas hay es fue era consultado consultada
        """
    ),
    titles={
        "señor": "m",
        "señora": "f",
        "sr.": "m",
        "sra.": "f",
        "don": "m",
        "doña": "f",
        "dr.": "",
        "dra.": "f",
    },
    particles=_words("de del la las los"),
    roles=_words(
        """
        ministro ministra presidente presidenta expresidente expresidenta senador senadora
        diputado diputada fiscal abogado abogada juez jueza portavoz vocero vocera director
        directora gerente alcalde alcaldesa gobernador gobernadora convencional mandatario
        mandataria secretario secretaria experto experta arquitecta arquitecto ingeniero
        ingeniera psicóloga psicólogo consultora consultor jurista líder dirigente
        candidato candidata jefe jefa analista economista investigador investigadora
        """
    ),
    bodies=_words(
        """
        instituto universidad corte congreso convención senado cámara asamblea
        gobierno ministerio informe documento constitución ley tribunal defensa partido
        comisión empresa fiscalía solicitud
        """
    ),
    works=_words("libro ensayo novela artículo"),
    unnamed=_words("fuente fuentes vocero portavoz voces"),
    adverbs=_words(
        """
        lunes martes miércoles jueves viernes sábado domingo ayer hoy también además
        luego después entonces recientemente incluso
        """
    ),
    drops_subject=True,
)
