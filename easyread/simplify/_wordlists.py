"""Closed word lists of the sentence splitter (per language, lower case).

Kept in code because every list is tied to the rule that reads it; the
open-ended lists (cue words, headings, labels) live in ``data/<lang>.yaml``.
"""

from __future__ import annotations

# fmt: off
_SL_CLITICS = frozenset("bi bo bodo bom bomo boste bova ga je ji jih jim jo mi mu nam se sem si smo so sta ste sva ti vam".split())  # noqa: SIM905
_SL_DROP = set("a in pa saj ter".split())  # noqa: SIM905
_SL_KEEP = set("ampak toda vendar zato".split())  # noqa: SIM905
_EN_DROP = set("and".split())  # noqa: SIM905
_EN_KEEP = set("but so".split())  # noqa: SIM905
_DE_DROP = set("denn und".split())  # noqa: SIM905
_DE_KEEP = set("aber".split())  # noqa: SIM905
_EN_SUBJECT = frozenset("a all an everyone he her his i it its my our she the their there these they this those we you your".split())  # noqa: SIM905
_EN_PRONOUNS = frozenset("he i it my our she their there they we you your".split())  # noqa: SIM905
_EN_QUANTIFIERS = frozenset("all each every everyone many most people some these this those".split())  # noqa: SIM905
_EN_IMPERATIVES = frozenset("ask avoid book bring call check come contact do drink eat email go keep make phone please read send take tell use visit wear write".split())  # noqa: SIM905
_EN_SHARED_VERBS = frozenset("apologise apologize are ask can have hope invite look need thank want will wish would".split())  # noqa: SIM905
_EN_AUX = frozenset("are can could do does has have is may might must should was were will would".split())  # noqa: SIM905
_DE_PRONOUNS = frozenset("du er es ich ihr man sie wir".split())  # noqa: SIM905
_DE_SUBJECT = frozenset("alle das der die dies diese dieser du ein eine einen er es ich ihr ihre jede jeder man sie unser unsere viele wir".split())  # noqa: SIM905
_DE_NOT_VERB = frozenset("ab aber am an auch auf aus bei bis bitte das dem den der des die durch ein eine einem einen einer eines er es für gegen ihr ihre ihrem ihren im in man mit nach nicht noch nur oder ohne schon sehr sie um und unser unsere unseren unter von vor wir zu zum zur über".split())  # noqa: SIM905
_SL_AFTER_AUX = frozenset("do le na ob od predvidoma pri s samo tudi v vsak vsako z že".split())  # noqa: SIM905
_SL_AUX = frozenset("bo bodo bom bomo boste bova je sem smo so sta ste sva".split())  # noqa: SIM905
_SL_REPORTING = frozenset("javiti javljati obvestiti obveščati opozarjati opozoriti sporočati sporočiti".split())  # noqa: SIM905
_SL_PREPOSITIONS = frozenset("brez do h iz izpred k kljub med na nad o ob od po pod pred pri proti s skozi v z za zaradi čez".split())  # noqa: SIM905
_SL_FUNCTION = frozenset("a ali brez do h in iz k kar katera kateri katero ki le med moj na nad naš ne nekaj njegov njen njihov noben o ob od pa po pod pred pri proti s samo skozi svoj ta te ter ti tista tisti tisto to tudi v vaš ves vsak vsaka vsako vse vsi z za zaradi čez še že".split())  # noqa: SIM905
_SL_SUBORDINATE_START = frozenset("da dokler kadar kakor kamor kar katera katere katerega kateri katero kdor ker ki kjer ko koder kolikor kot medtem naj preden če čeprav".split())  # noqa: SIM905
_DE_DETERMINERS = frozenset("alle das der die ein eine einen euer ihr ihre jede jeder mein meine sein seine unser unsere unseren".split())  # noqa: SIM905
# fmt: on
