# Brygga – gränssnittet på svenska.
# common: what several features share: navigation, tabs, actions, filters, field labels used by more
# than one form, and the value sets (roles, genders, sectors, statuses, education levels, licences,
# weekdays, consents, accommodations)

nav-skip = Hoppa till innehållet
nav-main = Huvudmeny
nav-home = Till startsidan
nav-profile = Min profil
nav-participants = Deltagare
nav-employers = Arbetsgivare
nav-placements = Praktikplatser
nav-board = Tavla
nav-inbox = Inkorg
nav-jobs = E-postkö
nav-open-placements = Lediga praktikplatser
# Tabs between a record's pages in different features.
tabs-participant = Deltagarens sidor
tab-journey = Processen
tab-clearance = Klarering (AF)
tab-agreements = Avtal
tab-pool = Kandidatpool
nav-audit = Logg
nav-password = Byt lösenord
nav-logout = Logga ut
lang-switch = In English
nav-learning = Praktik
lang-choose = Språk
choose = Välj …
pager = Sidor

action-save = Spara
action-edit = Ändra
filter-search = Sök
filter-all = Alla
filter-apply = Visa
list-count = { $count } träffar
form-has-errors = { $count ->
    [one] Ett fält behöver rättas. Se meddelandet vid fältet.
   *[other] { $count } fält behöver rättas. Se meddelandena vid fälten.
}

field-name = Namn
field-email = E-post
field-password = Lösenord
field-repeat = Upprepa det nya lösenordet
field-municipality_code = Kommun
field-swedish_level = Svenska (CEFR-nivå)
field-languages = Andra språk
field-education_level = Utbildningsnivå
field-experience = Arbetslivserfarenhet
field-skills = Kompetenser
hint-skills = Separera med komma.
field-wished_occupations = Önskade yrken
field-available_days = Tillgängliga dagar
field-driving_licence = Körkort
field-eligibility = Status hos Arbetsförmedlingen
field-notes = Anteckningar
field-employer_id = Arbetsgivare

col-language = Språk
col-level = Nivå
col-name = Namn
col-email = E-post

role-admin = administratör
role-programme_manager = projektledare
role-coordinator = koordinator
role-employer_contact = kontaktperson
role-supervisor = handledare
role-education_provider = utbildningsanordnare
role-es_officer = handläggare (AF)
role-participant = deltagare
role-evaluator = utvärderare

gender-female = Kvinna
gender-male = Man
gender-other = Annat
gender-unspecified = Vill inte ange

sector-public = Offentlig
sector-private = Privat
sector-non_profit = Ideell

agreement-none = Inget
agreement-draft = Utkast
agreement-sent = Skickat
agreement-signed = Undertecknat
agreement-ended = Avslutat

placement-status-draft = Utkast
placement-status-submitted = Inskickad för granskning
placement-status-published = Publicerad
placement-status-filled = Tillsatt
placement-status-closed = Stängd

eligibility-unknown = Okänd
eligibility-pending = Under utredning
eligibility-eligible = Bekräftad
eligibility-not_eligible = Inte aktuell

education-none = Ingen formell utbildning
education-primary = Grundskola kortare än 9 år
education-lower_secondary = Grundskola 9 (10) år
education-upper_secondary = Gymnasial utbildning
education-post_secondary_short = Eftergymnasial utbildning kortare än 3 år
education-bachelor = Eftergymnasial utbildning 3 år eller mer
education-master = Avancerad nivå (master)
education-doctoral = Forskarutbildning

licence-none = Inget körkort
licence-AM = AM (moped)
licence-A1 = A1
licence-A2 = A2
licence-A = A (motorcykel)
licence-B = B (personbil)
licence-BE = BE
licence-C1 = C1
licence-C1E = C1E
licence-C = C (lastbil)
licence-CE = CE
licence-D1 = D1
licence-D1E = D1E
licence-D = D (buss)
licence-DE = DE

weekday-mon = måndag
weekday-tue = tisdag
weekday-wed = onsdag
weekday-thu = torsdag
weekday-fri = fredag
weekday-sat = lördag
weekday-sun = söndag

consent-registry = Registrering i Brygga
consent-share_with_employers = Dela profil med arbetsgivare
consent-statistics = Ingå i statistik
consent-contact_by_email = Kontakt via e-post

accommodation-step_free_access = Tillgänglig entré
accommodation-quiet_room = Tyst rum
accommodation-flexible_hours = Flexibla tider
accommodation-interpreter = Tolk
accommodation-written_instructions = Skriftliga instruktioner
accommodation-part_time = Deltid

nav-users = Användare
nav-organisations = Organisation

nav-plan = Matchning
nav-my-week = Min vecka
nav-absences = Frånvaro
nav-calendar = Kalender
