# Brygga – ትግርኛ (Tigrinya). The reader is addressed with the polite plural (ንስኹም).
# glossary: one-line, plain-language explanations of terms a newcomer may not know

glossary-title = ሓደስቲ ክኾኑ ዝኽእሉ ቃላት
glossary-cefr = ደረጃ CEFR: ሓደ ቋንቋ ክንደይ ከም እትፈልጥዎ ዘርኢ መለክዒ፡ ካብ A1 (ጀማሪ) ክሳብ C2 (ኣዝዩ ጽቡቕ)።
glossary-sfi = SFI: ሽወደንኛ ንስደተኛታት፡ ናይ ኮሙን (kommun) ብናጻ ዝወሃብ ትምህርቲ ሽወደንኛ ንዓበይቲ።
glossary-vocational-swedish = ሽወደንኛ ሞያ (yrkessvenska): ንሞያኹም ዘድልዩ ቃላትን ዝርርባትን ዘለዎ ሽወደንኛ።
glossary-ssyk = SSYK: ዝርዝር ሞያታት ሽወደን፤ ነፍሲ ወከፍ ሞያ ኮድ ኣለዎ።
glossary-es-decision = ውሳነ ካብ Arbetsförmedlingen (ቤት ጽሕፈት ስራሕ): እቲ ትካል ልምምድ ክትገብሩ ከም እትኽእሉን፡ ኣብቲ ግዜ እቲ ሓገዝ ገንዘብ ትረኽቡ እንተኾንኩምን ይውስን።
glossary-internship = ልምምድ ስራሕ (praktik): ንሓደ ግዜ ኣብ ቦታ ስራሕ ምስ ተሓላቒ ኮይንኩም ስራሕ ትመሃሩ።
glossary-supervisor = ተሓላቒ (handledare): ኣብ ቦታ ስራሕ ነቲ ስራሕ ዘርእየኩምን ከመይ ከም ዝኸይድ ዝከታተልን ሰብ።
glossary-requirement-profile = ዝርዝር ጠለባት (kravprofil): እቲ ስራሕ ዝጠልቦ፡ ከም ዕማማት፡ ፍልጠትን ቋንቋን።
glossary-checklist = ዝርዝር ዕላማታት: ኣብ ልምምድ ክትመሃርዎም ዘለኩም ዕላማታት፡ ተሓላቒኹም ዝምልክቶም።
glossary-assessment = ገምጋም: ተሓላቒኹም ኣብ ፍርቅን መወዳእታን ልምምድ ከመይ ከም ዘለኹም ይገልጽ።
glossary-development-plan = መደብ ምዕባለ: ናብ ስራሕ ዝወስዱ ዝቕጽሉ ስጉምትታትኩም፡ መን እንታይ መዓስ ከም ዝገብር።
glossary-validation = ምርግጋጽ ክእለት (validering): እቲ ዝፈልጥዎ ዘለኹም ይግምገምን ይጽሓፍን፡ ኣስራሒ ክኣምኖ ምእንቲ።
