# glossary: one-line, plain-language explanations of terms a newcomer may not know, shown beside
# the term on the pages a participant sees (in her own language)

glossary-title = Ord som kan vara nya
glossary-cefr = CEFR-nivå: en skala för hur bra du kan ett språk, från A1 (nybörjare) till C2 (mycket bra).
glossary-sfi = SFI: Svenska för invandrare, kommunens kostnadsfria kurs i svenska för vuxna.
glossary-vocational-swedish = Yrkessvenska: svenska med de ord och samtal som behövs i just ditt yrke.
glossary-ssyk = SSYK: Sveriges lista över yrken; varje yrke har en kod.
glossary-es-decision = Beslut från Arbetsförmedlingen: myndigheten bestämmer att du får göra praktiken och om du får ersättning under tiden.
glossary-internship = Praktik: du lär dig ett arbete på en arbetsplats under en tid, med en handledare.
glossary-supervisor = Handledare: personen på arbetsplatsen som visar dig arbetet och följer hur det går.
glossary-requirement-profile = Kravprofil: vad arbetet kräver, till exempel uppgifter, kunskaper och språk.
glossary-checklist = Checklista: de mål du ska lära dig på praktiken, som handledaren bockar av.
glossary-assessment = Bedömning: handledaren beskriver hur det går för dig, mitt i och i slutet av praktiken.
glossary-development-plan = Utvecklingsplan: dina nästa steg mot ett arbete, vem som gör vad och när.
glossary-validation = Validering: det du redan kan blir bedömt och skrivet på papper, så att en arbetsgivare kan lita på det.
