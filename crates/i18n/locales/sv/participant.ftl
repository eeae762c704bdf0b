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
