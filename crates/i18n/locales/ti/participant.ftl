# Brygga – ትግርኛ (Tigrinya).
# participant: the participant register

unit-years = ዓመት
consent-withdrawn = ተሰሒቡ

participant-new = ሓድሽ ተሳታፊ
participant-edit = ተሳታፊ ኣስተኻኽሉ

section-identity = ውልቀ ሓበሬታን ርክብን
section-languages = ቋንቋታት
section-background = ትምህርትን ተመክሮን
section-availability = ምርካብን ድሌታትን

field-first_name = መጸውዒ ስም
field-last_name = ስም ኣቦ / ስም ስድራ
field-personnummer = ቁጽሪ መንነት (personnummer) ወይ samordningsnummer (ኣማራጺ)
field-phone = ተሌፎን
field-gender = ጾታ
field-birth_year = ዓመተ ልደት
field-cohort_id = ጉጅለ (ኣማራጺ)
field-programme_id = መደብ
hint-languages = ሓደ መስመር ንሓደ ቋንቋ። ባዶ መስመራት ኣይዕቀቡን።
field-sfi_level = ኮርስ SFI
field-education_field = ዓውዲ ትምህርቲ
field-education_country = ሃገር ትምህርቲ
hint-experience = ሓደ መስመር ንሓደ ሞያ: ሞያ (SSYK 2012፡ ንምድላይ ምጽሓፍ ጀምሩ)፡ ዓመታትን ሃገርን።
hint-wished_occupations = ሓደ ሞያ ኣብ ሓደ ቦታ (SSYK 2012)። ንምድላይ ምጽሓፍ ጀምሩ፤ እቶም ባዶ ቦታታት ተወሰኽቲ ይውስኹ።
field-max_commute_km = ዝነውሐ ርሕቀት መጓዓዝያ (km)
field-special_needs = ፍሉይ ድሌታት (ስሱዕ ሓበሬታ፡ ንኣወሃሃድቲ ጥራይ ይርአ)
field-needed_accommodations = ኣብ ቦታ ስራሕ ዘድልዩ ምትዕርራያት (ስሱዕ ሓበሬታ)
field-consents = ፍቓዳት

col-occupation = ሞያ
col-years = ዓመታት
col-country = ሃገር
participant-duplicates-title = እዚ ተሳታፊ ድሮ ተመዝጊቡ ድዩ?
participant-duplicates-text = ዝኾነ ተሳታፊ ኣይተፈጥረን። እዚኣቶም ሓደ ዓይነት ስምን ዓመተ ልደትን፡ ሓደ ዓይነት ኢመይል ወይ ሓደ ዓይነት ቁጽሪ ተሌፎን ኣለዎም። ንምርግጋጽ ክፈትዎም፡ ወይ "ብዝኾነ ፍጠሩ" ምልክት ግበሩ እሞ ደጊምኩም ዓቅቡ።
participant-duplicates-confirm = ብዝኾነ ፍጠሩ
participant-duplicates-api = ተደጋገምቲ ክኾኑ ዝኽእሉ ኣለዉ፤ ብዝኾነ ንምፍጣር ምስ confirm_duplicate=true ደጊምኩም ስደዱ።

## Leaving the programme
exit-title = ተሳትፎ ዛዝሙ
exit-record = ተሳትፎ ኣብቲ መደብ ዛዝሙ
exit-explain = እቲ ተሳታፊ ነቲ መደብ ምስ ገደፈ፡ ድሕሪ ሕጂ ንቦታታት ልምምድ ኣይሕበርን ኣብ ምትእስሳር ድማ ኣይእቶን። ብጌጋ ዝተመዝገበ ምውጻእ ክስረዝ ይኽእል።
exit-left-notice = ነቲ መደብ ገዲፉ
exit-open = ምውጻእ ኣርእዩ
exit-recorded-by = ዝመዝገቦ
exit-save = ምውጻእ መዝግቡ
exit-correct = ለውጢ ዓቅቡ
exit-undo = ምውጻእ ሰርዙ
field-left_on = ኣብቲ መደብ ናይ መወዳእታ መዓልቲ
field-exit_reason = ምኽንያት
field-exit_note = ርእይቶ
hint-exit_note = እቲ ምኽንያት "ካልእ" ምስ ዝኸውን የድሊ። ኣወሃሃድቲ ይርእይዎ።
exit-reason-completed = ነቲ መደብ ወዲኡ
exit-reason-work = ስራሕ ረኺቡ
exit-reason-studies = ትምህርቲ ጀሚሩ
exit-reason-moved = ናብ ካልእ ቦታ ገዒዙ
exit-reason-discontinued = ኣቋሪጹ
exit-reason-other = ካልእ
exit-error-far-ahead = ምውጻእ እንተበዝሐ ክልተ ወርሒ ኣቐዲሙ ክምዝገብ ይኽእል።
exit-error-note = እቲ ምኽንያት እንታይ ምዃኑ ጽሓፉ።
