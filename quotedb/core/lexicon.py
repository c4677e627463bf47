"""Every word list of the extraction core, each written once.

Stages import what they read from here, and so may the read side (search's stop words). Lists
that look alike but serve different readings stay apart under names that say which reading:
``TITLES`` (words a noun phrase's title is made of) against ``PERSON_TITLES`` (titles only a
person holds), ``HONORIFICS`` against ``NAME_TITLES``, ``RUN_PARTICLES`` (lowercase words kept
inside a run of capitalised words, "of" included) against ``SURNAME_PARTICLES`` (the start
of a surname), ``CONTENT_STOPWORDS`` (clustering's content words) against
``SEARCH_STOPWORDS`` (what a search ignores). Merging any of these would change the output.
"""

from __future__ import annotations


def words(spaced: str) -> frozenset[str]:
    """A lexicon written as one space-separated string."""
    return frozenset(spaced.split())


# ---------------------------------------------------------------- pronouns and people

# Pronouns that can speak: the subject of a cue.
PRONOUNS = words("he she they it we i you who")

OBJECT_PRONOUNS = words("him her them")

NAME_PRONOUNS = PRONOUNS | OBJECT_PRONOUNS  # never a name on their own

PRONOUN_GENDER = {"he": "m", "she": "f", "him": "m", "her": "f"}

HONORIFIC_GENDER = {"mr.": "m", "mrs.": "f", "ms.": "f", "miss": "f", "sir": "m", "dame": "f"}

# Nouns that say a person's gender when they describe a name ("spokeswoman Jane Roe",
# "Roe, a mother of three,", "Roe is one of the first two women elected"): firmer than a
# first name, which many people of the other gender share.
GENDERED_NOUNS = {
    **dict.fromkeys(
        "woman women mother daughter wife sister girl actress congresswoman spokeswoman "
        "chairwoman businesswoman councilwoman sportswoman policewoman queen princess duchess "
        "lady grandmother aunt widow niece girlfriend mom".split(),
        "f",
    ),
    **dict.fromkeys(
        "man men father son husband brother boy congressman spokesman chairman businessman "
        "councilman sportsman policeman king prince duke lord grandfather uncle widower "
        "nephew boyfriend dad".split(),
        "m",
    ),
}

# Common first names, only to tell "he" from "she" candidates when no Mr./Ms. is used.
FEMALE_FIRST_NAMES = words(
    "jen hillary mary patricia jennifer linda elizabeth barbara susan jessica sarah karen "
    "nancy lisa betty margaret sandra ashley kimberly emily donna michelle dorothy carol "
    "amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen amy shirley "
    "angela helen anna brenda pamela nicole emma samantha katherine christine debra rachel "
    "catherine carolyn janet ruth maria heather diane virginia julie joyce victoria olivia "
    "kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha jacqueline "
    "frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia "
    "judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany "
    "natalie isabella charlotte rose alexis kayla carly sarah nikki michele elizabeth "
    "kellyanne huma donna debbie loretta chelsea ivanka melania condoleezza nancy dianne "
    "kamala kirsten claire tammy jill megyn hope kristen dana katy ana jennifer sonya angela "
    "theresa"
)

MALE_FIRST_NAMES = words(
    "james john robert michael william david richard joseph thomas charles christopher daniel"
    " matthew anthony antony mark donald steven paul andrew joshua kenneth kevin brian george"
    " edward ronald timothy jason jeffrey ryan jacob gary nicholas eric jonathan stephen "
    "larry justin scott brandon benjamin samuel frank gregory raymond alexander patrick jack "
    "dennis jerry tyler aaron jose henry adam douglas nathan peter zachary kyle walter harold"
    " jeremy ethan carl keith roger gerald christian terry sean arthur austin noah lawrence "
    "jesse joe bryan billy jordan albert dylan bruce willie gabriel alan juan logan wayne "
    "ralph roy eugene randy vincent russell louis philip bobby johnny bradley barack bernie "
    "ted marco jeb ben chris mike rand rick bill newt rudy reince corey jim tim sam sergey "
    "sergei vladimir vladimir dmitry antonio antónio volodymyr bob tom dick ron steve lindsey"
    " mitch harry al kevin dan greg jon martin howard glenn rush sean tucker reince bobby "
    "jeff marco lincoln orrin wendell"
)

# ---------------------------------------------------------------- noun phrases (mentions)

TITLES = words(
    "mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. sgt. capt. prof. rev. president secretary "
    "minister senator governor representative congressman congresswoman mayor chairman "
    "chairwoman director chief judge justice ambassador general adviser advisor spokesman "
    "spokeswoman leader speaker candidate nominee sheriff attorney commissioner premier "
    "chancellor king queen prince pope former foreign prime vice deputy state press sec. gop "
    "democratic republican democrat u.s. us house white of defense homeland security national"
    " executive ceo host anchor correspondent commentator pastor superintendent officer "
    "lawyer analyst strategist pollster economist professor dean the a an his her their its"
)

PERSON_TITLES = words(
    "mr. mrs. ms. dr. sen. rep. gov. gen. lt. col. sgt. capt. prof. rev. president secretary "
    "minister senator governor representative congressman congresswoman mayor chairman "
    "chairwoman director judge justice ambassador spokesman spokeswoman speaker candidate "
    "nominee sheriff commissioner premier chancellor king queen prince pope"
)

CALENDAR = words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december today yesterday"
)

ORG_HEADS = words(
    "ministry department administration campaign committee party government agency office "
    "commission council court newspaper network magazine paper kremlin pentagon times post "
    "journal news press service bureau corporation company institute university association "
    "union foundation center centre fund group organization organisation board police embassy"
    " army navy military congress senate parliament cabinet team staff coalition website site"
    " station channel statement report poll survey study release spokespeople cnn reuters ap "
    "nbc abc cbs msnbc fox bbc politico breitbart fbi cia nato un"
)

PERSON_NOUNS = words(
    "official officials diplomat diplomats source sources aide aides spokesman spokeswoman "
    "spokesperson analyst analysts expert experts adviser advisers advisor advisors person "
    "people man woman voter voters supporter supporters critic critics observer observers "
    "resident residents member members lawmaker lawmakers senator senators candidate "
    "candidates minister ministers secretary president leader leaders strategist strategists "
    "staffer staffers officer officers worker workers activist activists organizer organizers"
    " protester protesters participant participants friend friends executive executives "
    "economist economists pollster pollsters republicans democrats attendee attendees "
    "delegate delegates percent respondents majority plurality prosecutor prosecutors "
    "lawyer lawyers attorney attorneys investigator investigators researcher researchers "
    "scientist scientists historian historians author authors editor editors writer writers "
    "reporter reporters journalist journalists columnist columnists commentator commentators "
    "scholar scholars professor professors doctor doctors judge judges donor donors ally "
    "allies opponent opponents rival rivals advocate advocates conservatives liberals "
    "progressives insider insiders negotiator negotiators regulator regulators authorities "
    "citizen citizens employee employees parent parents veteran veterans student students "
    "fan fans aide"
)

# Words that end a noun phrase read backwards (not part of it).
STOP = words(
    "of in on at to for with by from about after before during into over under since than as "
    "like and but or nor while when because if although though that which whom where so is "
    "was were are be been being has have had having would will could can should may might "
    "must did does do not never also then later again once still just even too only recently "
    "previously repeatedly often further already reportedly publicly privately separately "
    "there here this these those what how why whether said says told asked added who it its "
    "yet however meanwhile instead"
)

SKIP_BEFORE_CUE = words(
    "has have had would will could can should may might must did does do not never also then "
    "later again once still just even too only recently previously repeatedly often further "
    "already reportedly publicly privately separately first last once quickly simply has been"
    " was is were flatly bluntly angrily now however"
)

STARTERS = STOP | words(
    "the a an his her their its but and still meanwhile asked following describing yet now "
    "both all during under in on at for with from by about after before when while as if "
    "although because since among between new says said"
)

DETERMINERS = words("the a an his her their its our my your one some several")

INDEFINITE = words("a an one some several two three many other another")

PP_HEADS = words("at in on during after before for with without like from by")

# Lowercase words a run of capitalised words keeps inside a name ("Bank of England").
RUN_PARTICLES = words("of de da van von bin del di le la")

# ---------------------------------------------------------------- names

HONORIFICS = frozenset(
    "mr mrs ms miss mx dr sir dame president secretary minister senator sen rep gov governor"
    " gen general prof professor".split()
)

# Words that end a title before a name ("White House press secretary Jen Psaki").
ROLE_HEADS = frozenset(
    """president vice secretary minister premier chancellor senator sen rep representative
    congressman congresswoman governor gov mayor ambassador envoy spokesman spokeswoman
    spokesperson official diplomat adviser advisor counselor director chief chair chairman
    chairwoman commissioner general gen admiral colonel col captain capt lieutenant lt sergeant
    sgt judge justice attorney prosecutor analyst leader king queen prince princess pope
    cardinal bishop rabbi imam professor prof speaker deputy secretary-general
    under-secretary candidate nominee front-runner frontrunner hopeful contender challenger
    rival opponent billionaire businessman businesswoman mogul republican republicans
    democrat democrats democratic""".split()
)

ROLE_WORDS = frozenset("of press foreign state national security general deputy chief".split())

# Capitalised words that start a sentence or headline, never a given name ("While Trump said").
NOT_NAMES = frozenset(
    """an the this that these those while when whenever but and or nor as if though although
    because since after before unlike like another neither either both all some many most
    six five four three two one top former given now then so yet still even also only
    meanwhile however instead indeed says asks tells for maybe despite whether
    using following supporters support of""".split()
)

NAME_TITLES = frozenset("mr mrs ms miss mx dr sir dame prof".split())  # honorifics, not roles

SUFFIXES = {"jr": "Jr.", "sr": "Sr.", "ii": "II", "iii": "III", "iv": "IV", "v": "V"}

# Words a surname may start with ("van der Leyen").
SURNAME_PARTICLES = frozenset(
    "van von der den de del della di da du la le bin al el ibn dos das".split()
)

# ---------------------------------------------------------------- coreference

# Words that open a subordinate clause: a subject after one is not the sentence's.
LEADING_SUBORDINATE = words(
    "while when because although though if as that which who whom where after before since "
    "about of with by for to from in on at into against than like between among"
)

# A sentence opening with one of these has an adverbial first, not its subject.
ADVERBIAL_OPENERS = words("despite amid during following without within however meanwhile")

# "Patrick W. Carlineo Jr.": a suffix, never the surname that keys the entity.
SURNAME_SUFFIXES = words("jr sr ii iii iv")

# Words after a name that attach it to what follows ("Roe of Acme", "Roe at the office").
OF_WORDS = words("of at for in with from on who")

# Singular roles that, after "the", stand for a person named before ("said the actor").
ROLE_NOUNS = frozenset(
    "actor actress singer rapper star musician artist comedian coach manager boss player "
    "striker midfielder defender goalkeeper quarterback captain champion founder billionaire "
    "businessman businesswoman entrepreneur politician lawmaker legislator congressman "
    "congresswoman senator governor mayor minister chancellor president premier democrat "
    "republican candidate nominee incumbent challenger veteran author novelist director "
    "filmmaker producer host presenter anchor broadcaster designer chef athlete "
    "portuguese frenchman".split()
)
# Documents that speak ("the statement said"): their author is who issued them.
DOCUMENT_NOUNS = frozenset("statement letter release report post filing memo".split())

# What an unnamed speaker may be when it is a text rather than a person ("the email said",
# "the lawsuit alleges"): listings keep these documents apart from anonymous sources.
DOCUMENT_SOURCES = DOCUMENT_NOUNS | frozenset(
    "email e-mail emails lawsuit suit complaint indictment affidavit ruling verdict order "
    "decision opinion motion petition brief transcript document documents report "
    "reports study survey poll assessment analysis notice bulletin advisory guidance policy "
    "rule regulation bill law act agreement treaty contract declaration communique "
    "communiqué resolution tweet tweets message messages text texts note notes minutes "
    "readout summary draft proposal plan manifesto charter constitution warrant subpoena "
    "motion filings records record paper papers website page article editorial "
    "review audit estimate forecast".split()
)

# Abbreviated titles and the word each stands for.
ROLE_ABBREVIATIONS = {
    "sen.": "senator",
    "rep.": "representative",
    "gov.": "governor",
    "gen.": "general",
    "dr.": "doctor",
    "prof.": "professor",
    "capt.": "captain",
    "col.": "colonel",
}

# ---------------------------------------------------------------- sentences

# Words whose period does not end a sentence.
ABBREVIATIONS = words(
    "mr mrs ms dr sen rep gov gen lt col sgt capt st jr sr prof rev hon no vs etc inc corp co"
    " jan feb mar apr aug sept sep oct nov dec u.s u.n u.k d.c p.m a.m ft mt ave"
)

# ... unless a sentence opener follows ("at 7 p.m. He says").
CLOSING_ABBREVIATIONS = words("p.m a.m etc inc corp co jr sr")

# ---------------------------------------------------------------- cues

# Other forms of verbs that do not inflect regularly.
IRREGULAR_VERBS = {
    "say": "says said saying",
    "tell": "tells told telling",
    "write": "writes wrote writing written",
    "think": "thinks thought thinking",
    "put": "puts putting",
    "read": "reads reading",
    "go": "goes went",
    "speak": "speaks spoke speaking",
    "quip": "quips quipped quipping",
    "slam": "slams slammed slamming",
    "dub": "dubs dubbed dubbing",
    "refer": "refers referred referring",
    "rebut": "rebuts rebutted rebutting",
    "concur": "concurs concurred concurring",
    "regret": "regrets regretted regretting",
    "label": "labels labeled labelled labeling",
    "admit": "admits admitted admitting",
    "signal": "signals signaled signalled signaling",
    # Only the verb's forms: "comments" and "attacks" are nouns far more often.
    "comment": "commented commenting",
    "attack": "attacked attacking",
    "rate": "rated",
    "rule": "ruled",
}

# Verbs that report an utterance.
STRONG_STEMS = words(
    "say tell add state write explain note argue claim insist declare reply respond tweet ask "
    "remark recall acknowledge admit warn announce continue conclude quip joke exclaim shout "
    "yell testify post stress emphasize reiterate repeat counter contend maintain observe "
    "concede complain boast vow promise pledge predict suggest assert caution muse wonder "
    "urge retort scoff lament confirm report answer reply surmise remember reason "
    "speak echo elaborate riff muse react plead whisper sigh recount quote assure allege chant "
    "scream cry proclaim reveal "
    "disclose brag grumble inform remind advise concur cheer boo rebut comment"
)

# Verbs that frame words someone chose.
WEAK_STEMS = words(
    "describe call consider classify label dub brand praise criticize slam blast mock denounce "
    "demand agree believe think hope accuse charge characterize refer dismiss deny signal "
    "read recommend propose threaten question estimate express mention predict cite condemn hail "
    "decry deride tout laud applaud ridicule lambaste invoke welcome reject portray liken compare "
    "attack rate rule"
)

# Bare forms that are rarely anything but a verb of saying ("officials say").
BARE_CUES = words(
    "say tell add write argue insist warn explain agree believe think predict suggest ask "
    "contend maintain acknowledge admit complain"
)

# Nouns of saying that a named possessive owns ("Roe’s claim that …", "Roe’s promise of …"):
# the owner's words follow.
SPEECH_NOUNS = words("claim claims assertion promise pledge remark remarks warning vow boast")

# Cues of two words.
MULTIWORD_CUES = frozenset({"according to", "put it", "went on", "pointed out", "shot back"})

# ---------------------------------------------------------------- kinds

# Words after which a Title Case quotation names a work.
TITLE_SLOT = words(
    "on in at for of from with by titled entitled called dubbed named show program programme "
    "book film movie ad ads song album column article headline series episode documentary "
    "magazine newspaper op-ed essay segment memoir novel play slogan hashtag the told podcast "
    "pseudonym website blog"
)

# Nouns that name a quoted phrase as a slogan rather than anyone's words ("the slogan “…”",
# "this priceless slogan? “…”", "“…” awareness campaign").
SLOGAN_NOUNS = words("slogan slogans tagline taglines motto mottos catchphrase hashtag jingle")
SLOGAN_AFTER = SLOGAN_NOUNS | words("campaign ad ads billboard billboards")

# Words a title may leave lowercase after its first word.
TITLE_SMALL_WORDS = words("a an the of and or in on at to for with by from as is vs")

# ---------------------------------------------------------------- attribution

# Words that end a clause read for its cue.
BREAKERS = words("while and but when because as which that whereas although ;")

# Verbs that name a thing ("called it a hoax"): what follows is no speaker.
NAMING_VERBS = words("called dubbed labeled labelled named branded termed")

# "wrote a letter to the mayor asking …": the object of these does not speak. "with the
# union calling …" is absolute: the union does.
OBJECT_PREPOSITIONS = words(
    "after before in on at during for from since following despite amid among under over "
    "without within through throughout as like unlike to"
)

SUBJECT_DETERMINERS = words("the")

TELL_FORMS = words("tell tells told telling")  # what follows is the listener, never the speaker

# Words ending in -s that are no verb of a subject.
NOT_SPEECH = words("is was has does this its as us his thus plus yes news")

# Strong stems as often a noun ("the report"): never read as a bare verb after a subject.
NOT_BARE_STRONG = words("report post quote answer cry cheer boo echo muse")

# Words that never start a clause's subject.
NOT_SUBJECT = words(
    "outside inside despite throughout without within amid according like unlike here there "
    "sign see read watch click one two three four five six seven eight nine ten eleven twelve "
    "thirteen fourteen fifteen sixteen seventeen eighteen nineteen "
    "twenty thirty forty fifty hundred last next each every many most such other unless good "
    "it's it’s that's that’s there's there’s here's here’s"
)

# A clause that starts with one is an adverbial, not the subject.
CLAUSE_PREPOSITIONS = words(
    "after before in on at during with for from since following despite amid among under over "
    "without within through throughout following as like unlike"
)

# "When Roe died, …": a clause opened by one of these is not the subject either.
CLAUSE_OPENERS = CLAUSE_PREPOSITIONS | words(
    "when while if although though because once unless until"
)

# A cue after a quotation that names who reports it, not who said it.
REPORTING_CUES = words("reported reports report") | {"according to"}

SURVEYS = words("poll polls survey surveys study")

# Words that end a headline's subject.
HEADLINE_STOP = words("is was will to says say calls called slams blasts as on in at for and")

# ---------------------------------------------------------------- utterances and search

# Spelt out before renderings are compared.
CONTRACTIONS = (
    ("can't", "can not"),
    ("won't", "will not"),
    ("n't", " not"),
    ("'re", " are"),
    ("'ll", " will"),
    ("'ve", " have"),
    ("'m", " am"),
)

# Words too common to tell two renderings of a statement apart.
CONTENT_STOPWORDS = frozenset(
    """the and for that this with are was were will have has had not but you they their our
    its his her from what who which when there them then than into about would could should
    can all any been being also just more some very she him his hers was did does don who
    how why where got get one out now""".split()
)

# English function words: too common to find a quotation by.
SEARCH_STOPWORDS = frozenset(
    """
    a about above after again against all am an and any are aren as at be because been before
    being below between both but by can cannot could couldn did didn do does doesn doing don
    down during each few for from further had hadn has hasn have haven having he her here hers
    herself him himself his how i if in into is isn it its itself just ll me more most mustn my
    myself no nor not now of off on once only or other ought our ours ourselves out over own re
    same shan she should shouldn so some such than that the their theirs them themselves then
    there these they this those through to too under until up us ve very was wasn we were
    weren what when where which while who whom why will with won would wouldn you your yours
    yourself yourselves s t d m o y
    """.split()
)

# ---------------------------------------------------------------- words around a name
# Which words are occupations, places, organisation endings (names.clean_run): general
# classes of English words, none naming a person or an outlet.

# Occupations and positions written before a name ("filmmaker Charlie Ray", "CEO Ann Fox").
OCCUPATIONS = words(
    """administrator superintendent developer host hosts cohost co-host presenter anchor coach
    manager head boss owner founder co-founder cofounder president vice chairman chairwoman
    chair chief ceo cfo coo cto cio executive director editor editor-in-chief publisher
    producer filmmaker director actor actress singer songwriter singer-songwriter guitarist
    guitarists drummer rapper musician artist painter author writer novelist poet journalist
    reporter columnist correspondent commentator critic analyst economist strategist pollster
    scientist researcher scholar professor lecturer teacher principal student doctor
    physician surgeon nurse dentist psychologist psychiatrist therapist pharmacist lawyer
    attorney barrister solicitor prosecutor prosecutors prosecution judge justice magistrate
    sheriff deputy officer detective inspector constable sergeant lieutenant captain major
    colonel general admiral commander commissioner police officer spokesman spokeswoman
    spokesperson secretary minister premier chancellor senator representative congressman
    congresswoman governor mayor councillor councilman councilwoman alderman ambassador envoy
    diplomat consul official adviser advisor aide counsel counselor consultant investor
    billionaire millionaire businessman businesswoman entrepreneur banker trader broker
    retiree resident veteran activist campaigner organiser organizer protester volunteer
    worker employee engineer architect designer astronaut pilot driver player striker
    midfielder defender goalkeeper forward quarterback pitcher catcher linebacker guard
    center centre winger batsman bowler captain skipper champion star legend rookie
    veteran referee umpire trainer jockey boxer fighter wrestler swimmer runner sprinter
    cyclist golfer king queen prince princess duke duchess lord lady earl baron
    pope cardinal bishop archbishop priest pastor reverend rabbi imam sheikh monk nun
    candidate nominee challenger incumbent rival opponent leader chairperson treasurer
    clerk registrar auditor inspector-general attorney-general solicitor-general
    secretary-general director-general surgeon-general presidential-candidate
    mp mep msp dl ol wr qb rb te lb db cb"""
)
# Endings that make a capitalised run an organisation ("the Swedish Prosecution Authority").
ORG_SUFFIXES = words(
    """authority authorities league club fc afc cf sc united hotspur athletic rovers wanderers
    inc inc. corp corp. co co. ltd ltd. llc plc gmbh ag sa nv lp llp group holdings partners
    capital equities securities bank airlines airways motors technologies technology
    systems labs laboratory laboratories media productions studios studio entertainment
    records pictures films publishing publishers press networks network broadcasting
    services service society institute institution academy school college university
    hospital clinic foundation trust fund charity association federation confederation
    alliance union council commission committee board agency bureau office department
    ministry directorate administration service court tribunal assembly parliament senate
    congress legislature government coalition party movement organisation organization
    center centre program programme project initiative campaign network channel radio
    television tv magazine journal newspaper times post herald tribune gazette daily weekly
    review company corporation enterprises industries international worldwide global
    brands stores mart market markets exchange insurance energy oil gas pharmaceuticals
    pharma therapeutics biotech health healthcare police army navy force forces guard
    command military ministries unit team squad orchestra band choir church mosque
    diocese parish psychiatry medicine pediatrics oncology cardiology neurology foundry"""
)
# Common nouns that, written right before a capitalised run, make it an organisation's
# name ("the journal Acta Medica", "developer Rowan", "the platform Quill").
ORG_NOUNS_BEFORE = words(
    """journal company firm platform site website app network publisher label club team
    studio outlet magazine newspaper broadcaster startup start-up retailer carrier airline
    brand developer maker giant chain service automaker carmaker insurer lender bank"""
)
# Nouns that, after an organisation's possessive or before "for"/"at" it, show a name is
# an organisation's ("Quill's spokesperson", "a spokeswoman for Quill").
ORG_CONTEXT_NOUNS = words(
    """spokesperson spokesman spokeswoman spokespeople representative statement website
    platform app shares stock employees users subscribers headquarters board
    shareholders customers"""
)
# Words right after a bare name that show an organisation ("Quill founder Ann Fox",
# "Quill employs 400", "the Quill account").
ORG_FOLLOWERS = words("founder cofounder co-founder ceo employs account accounts headquarters")
# Words that never sit inside a name or a description: a run that holds one is a
# clause read as a phrase ("Holt shares the plan he", "experts somehow cannot").
FRAGMENT_WORDS = words(
    """he she i it we they you me him them us cannot can't won't would could should will
    must might always never somehow i’d i’m i’ve i’ll"""
)
# Countries, US states and regions: written right before a name by a title ("envoy to
# Ukraine Ann Fox") or a headline, never part of the name.
PLACES = words(
    """afghanistan albania algeria angola argentina armenia australia austria azerbaijan
    bahrain bangladesh belarus belgium bolivia bosnia brazil britain bulgaria burma cambodia
    cameroon canada chile china colombia congo croatia cuba cyprus czechia denmark ecuador
    egypt england eritrea estonia ethiopia europe finland france georgia germany ghana greece
    guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
    japan jordan kazakhstan kenya korea kosovo kuwait laos latvia lebanon libya lithuania
    luxembourg macedonia malaysia mali malta mexico moldova mongolia montenegro morocco
    mozambique myanmar namibia nepal netherlands nicaragua niger nigeria norway oman pakistan
    palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
    scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden
    switzerland syria taiwan tajikistan tanzania thailand tunisia turkey uganda ukraine
    uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe america africa asia
    alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii
    idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts
    michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon
    pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming
    london paris moscow beijing tokyo berlin washington brussels"""
)
# Adjectives of nations and parties, capitalised but never a name ("American said").
DEMONYMS = words(
    """american americans british chinese russian french german italian spanish japanese
    korean indian iranian iraqi israeli palestinian syrian turkish ukrainian canadian
    mexican brazilian australian european african asian arab swedish norwegian danish
    dutch polish irish scottish english welsh democratic republican conservative liberal
    labour"""
)
# Places of two words, read as one ("South Dakota").
PLACE_PAIRS = frozenset(
    tuple(p.split("_"))
    for p in """south_dakota north_dakota south_carolina north_carolina new_york new_jersey
    new_mexico new_hampshire rhode_island west_virginia south_africa south_korea north_korea
    new_zealand saudi_arabia sri_lanka hong_kong united_states united_kingdom united_nations
    el_salvador costa_rica puerto_rico""".split()
)
# Starts of a glued surname that are part of it (McDonald, DeSantis, LeBron, MacArthur).
GLUE_PREFIXES = words("mc mac de di da la le du van von fitz st o d al el ja ke de la")
# Plural or collective nouns that, capitalised at a sentence's start, describe people
# without naming anyone ("Teachers chanted").
# Titles a person is named by with one name alone ("Prince Andrew", "Pope Francis"): the
# title and the name together are the person's name, not a role before a surname.
REGNAL_TITLES = words(
    "king queen prince princess pope duke duchess emperor empress sultan emir sheikh"
)

GROUP_NOUNS = words(
    """teachers prosecutors americans democrats republicans officials residents students
    protesters protestors demonstrators fans voters critics supporters experts analysts
    doctors nurses police officers workers employees parents lawmakers legislators
    investigators researchers scientists authorities sources insiders observers witnesses
    neighbours neighbors activists leaders members people villagers locals citizens
    diplomats officers soldiers troops militants rebels players organisers organizers
    economists historians scholars lawyers attorneys judges farmers owners customers users
    viewers readers listeners man woman men women"""
)

# Singular nouns that stand for many people ("the crowd cried"): never one described person.
COLLECTIVE_NOUNS = words(
    """crowd audience family group panel jury committee board team public class congregation
    gathering mob staff crew couple chorus delegation household"""
)
