# Brygga – Somali (af-Soomaali).
# common: navigation, tabs, actions, filters, shared field labels and value sets

nav-skip = U gudub waxa bogga ku jira
nav-main = Liiska ugu weyn
nav-home = Bogga hore
nav-profile = Bogayga
nav-participants = Ka-qaybgalayaasha
nav-employers = Loo-shaqeeyayaasha
nav-placements = Boosaska tababarka
nav-board = Looxa
nav-inbox = Sanduuqa fariimaha
nav-jobs = Safka iimaylka
nav-open-placements = Boosaska tababarka ee bannaan
# Tabs between a record's pages in different features.
tabs-participant = Bogagga ka-qaybgalaha
tab-journey = Socodka
tab-clearance = Oggolaansho (AF)
tab-agreements = Heshiisyada
tab-pool = Kaydka musharraxiinta
nav-audit = Diiwaanka
nav-password = Beddel furaha sirta ah
nav-logout = Ka bax
lang-switch = På svenska
nav-learning = Tababar shaqo
lang-choose = Luqadda
choose = Dooro …
pager = Bogag

action-save = Kaydi
action-edit = Wax ka beddel
filter-search = Raadi
filter-all = Dhammaan
filter-apply = Muuji
list-count = { $count } natiijo
form-has-errors = { $count ->
    [one] Hal meel ayaa u baahan in la saxo. Eeg fariinta ku ag taal.
   *[other] { $count } meelood ayaa u baahan in la saxo. Eeg fariimaha ku ag yaal.
}

field-name = Magaca
field-email = Iimayl
field-password = Furaha sirta ah
field-repeat = Ku celi furaha sirta ah ee cusub
field-municipality_code = Degmada (kommun)
field-swedish_level = Iswiidhish (heerka CEFR)
field-languages = Luqadaha kale
field-education_level = Heerka waxbarashada
field-experience = Khibradda shaqo
field-skills = Xirfadaha
hint-skills = Ku kala saar hakad (,).
field-wished_occupations = Shaqooyinka aad rabto
field-available_days = Maalmaha aad bannaan tahay
field-driving_licence = Liisanka darawalnimada
field-eligibility = Xaaladda Arbetsförmedlingen
field-notes = Qoraallo
field-employer_id = Loo-shaqeeyaha

col-language = Luqadda
col-level = Heerka
col-name = Magaca
col-email = Iimayl

role-admin = maamule
role-programme_manager = maamulaha barnaamijka
role-coordinator = isku-duwe
role-employer_contact = xiriiriyaha loo-shaqeeyaha
role-supervisor = hage (handledare)
role-education_provider = bixiyaha waxbarashada
role-es_officer = shaqaalaha Arbetsförmedlingen
role-participant = ka-qaybgale
role-evaluator = qiimeeye

gender-female = Dheddig
gender-male = Lab
gender-other = Kale
gender-unspecified = Ma doonayo inaan sheego

sector-public = Dawladda
sector-private = Gaar loo leeyahay
sector-non_profit = Aan faa'iido doon ahayn

agreement-none = Ma jiro
agreement-draft = Qabyo
agreement-sent = La diray
agreement-signed = La saxiixay
agreement-ended = Dhammaaday

placement-status-draft = Qabyo
placement-status-submitted = Loo diray dib-u-eegis
placement-status-published = La daabacay
placement-status-filled = La buuxiyay
placement-status-closed = La xiray

eligibility-unknown = Lama yaqaan
eligibility-pending = Waa la qiimaynayaa
eligibility-eligible = La xaqiijiyay
eligibility-not_eligible = Uma qalmo

education-none = Waxbarasho rasmi ah ma lihi
education-primary = Dugsi hoose, ka yar 9 sano
education-lower_secondary = Dugsiga waajibka ah, 9 (10) sano
education-upper_secondary = Dugsi sare
education-post_secondary_short = Waxbarasho ka sarraysa dugsi sare, ka yar 3 sano
education-bachelor = Waxbarasho ka sarraysa dugsi sare, 3 sano ama ka badan
education-master = Heer sare (master)
education-doctoral = Waxbarasho doktorad

licence-none = Liisan darawalnimo ma lihi
licence-AM = AM (mooto yar)
licence-A1 = A1
licence-A2 = A2
licence-A = A (mooto)
licence-B = B (baabuur)
licence-BE = BE
licence-C1 = C1
licence-C1E = C1E
licence-C = C (gaari xamuul)
licence-CE = CE
licence-D1 = D1
licence-D1E = D1E
licence-D = D (bas)
licence-DE = DE

weekday-mon = Isniin
weekday-tue = Talaado
weekday-wed = Arbaco
weekday-thu = Khamiis
weekday-fri = Jimce
weekday-sat = Sabti
weekday-sun = Axad

consent-registry = Diiwaangelinta Brygga
consent-share_with_employers = La wadaag xogtayda loo-shaqeeyayaasha
consent-statistics = Lagu daro tirakoobka
consent-contact_by_email = Lagula soo xiriiro iimayl

accommodation-step_free_access = Gelitaan aan jaranjaro lahayn
accommodation-quiet_room = Qol aamusan
accommodation-flexible_hours = Saacado dabacsan
accommodation-interpreter = Turjumaan
accommodation-written_instructions = Tilmaamo qoran
accommodation-part_time = Waqti dhiman

nav-users = Isticmaalayaasha
nav-organisations = Hay'adda

nav-plan = Isku-aadin
nav-my-week = Toddobaadkayga
nav-absences = Maqnaanshaha
nav-calendar = Kalandarka
