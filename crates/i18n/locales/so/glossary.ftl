# Brygga – Somali (af-Soomaali).
# glossary: short, plain explanations of words a newcomer may not know

glossary-title = Erayo laga yaabo inay kuu cusub yihiin
glossary-cefr = Heerka CEFR: cabbir muujinaya sida aad luqad u taqaan, laga bilaabo A1 (bilow) ilaa C2 (aad u wanaagsan).
glossary-sfi = SFI: Iswiidhishka soo-galootiga, koorsada Iswiidhishka ee bilaashka ah ee degmadu (kommun) siiso dadka waaweyn.
glossary-vocational-swedish = Iswiidhishka xirfadda: Iswiidhish leh erayada iyo wada-hadallada ay shaqadaadu u baahan tahay.
glossary-ssyk = SSYK: liiska shaqooyinka Iswiidhan; shaqo kastaa waxay leedahay koodh.
glossary-es-decision = Go'aanka Arbetsförmedlingen (Xafiiska Shaqada): hay'addu waxay go'aamisaa inaad samayn karto tababarka shaqada iyo inaad inta lagu jiro lacag kaalmo ah heli doonto iyo in kale.
glossary-internship = Tababar shaqo (praktik): muddo ayaad shaqo ku baranaysaa goob shaqo, adigoo leh hage.
glossary-supervisor = Hage (handledare): qofka goobta shaqada jooga ee ku tusa shaqada oo la socda sida ay kuu socoto.
glossary-requirement-profile = Shuruudaha shaqada (kravprofil): waxa shaqadu u baahan tahay, sida hawlaha, xirfadaha iyo luqadda.
glossary-checklist = Liiska hubinta: yoolalka aad baranayso inta tababarku socdo, oo hagahaagu calaamadeeyo.
glossary-assessment = Qiimayn: hagahaagu wuxuu qoraa sida aad u socoto, bartamaha iyo dhammaadka tababarka.
glossary-development-plan = Qorshaha horumarka: tallaabooyinkaaga xiga ee shaqo helidda, cidda samaynaysa iyo goorta.
glossary-validation = Xaqiijinta aqoonta: waxaad hore u taqaan ayaa la qiimeeyaa oo la qoraa, si uu loo-shaqeeye ugu kalsoonaado.
