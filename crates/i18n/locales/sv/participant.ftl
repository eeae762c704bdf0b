# participant: the participant register

unit-years = år
consent-withdrawn = återkallat

participant-new = Ny deltagare
participant-edit = Ändra deltagare

section-identity = Person och kontakt
section-languages = Språk
section-background = Utbildning och erfarenhet
section-availability = Tillgänglighet och behov

field-first_name = Förnamn
field-last_name = Efternamn
field-personnummer = Personnummer eller samordningsnummer (valfritt)
field-phone = Telefon
field-gender = Kön
field-birth_year = Födelseår
field-cohort_id = Omgång (valfritt)
field-programme_id = Program
hint-languages = En rad per språk. Tomma rader sparas inte.
field-sfi_level = Sfi-kurs
field-education_field = Utbildningsinriktning
field-education_country = Utbildningsland
hint-experience = En rad per yrke: yrke enligt SSYK 2012 (börja skriva för att söka), antal år och land.
hint-wished_occupations = Ett yrke per fält (SSYK 2012). Börja skriva för att söka; de tomma fälten lägger till fler.
field-max_commute_km = Längsta pendlingsavstånd (km)
field-special_needs = Särskilda behov (känsliga uppgifter, visas bara för koordinatorer)
field-needed_accommodations = Anpassningar som behövs på arbetsplatsen (känsliga uppgifter)
field-consents = Samtycken

col-occupation = Yrke
col-years = År
col-country = Land
participant-duplicates-title = Finns deltagaren redan?
participant-duplicates-text = Ingen deltagare har skapats. De här har samma namn och födelseår, samma e-post eller samma telefonnummer. Öppna dem för att kontrollera, eller kryssa i "Skapa ändå" och spara igen.
participant-duplicates-confirm = Skapa ändå
participant-duplicates-api = Troliga dubbletter finns; skicka igen med confirm_duplicate=true för att skapa ändå.

## Leaving the programme
exit-title = Avsluta deltagande
exit-record = Avsluta deltagande i programmet
exit-explain = När deltagaren har lämnat programmet föreslås hon inte längre till praktikplatser och planeras inte in i matchningar. Ett avslut som registrerats av misstag kan ångras.
exit-left-notice = Har lämnat programmet
exit-open = Visa avslutet
exit-recorded-by = registrerat av
exit-save = Registrera avslut
exit-correct = Spara ändringen
exit-undo = Ångra avslutet
field-left_on = Sista dag i programmet
field-exit_reason = Orsak
field-exit_note = Kommentar
hint-exit_note = Krävs när orsaken är ”Annat”. Syns för samordnare.
exit-reason-completed = Har fullföljt programmet
exit-reason-work = Har fått arbete
exit-reason-studies = Har börjat studera
exit-reason-moved = Har flyttat
exit-reason-discontinued = Avbrott
exit-reason-other = Annat
exit-error-far-ahead = Ett avslut kan registreras högst två månader framåt.
exit-error-note = Skriv vad orsaken är.
