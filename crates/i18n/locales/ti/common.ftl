# Brygga – ትግርኛ (Tigrinya).
# common: navigation, tabs, actions, filters, shared field labels and value sets

nav-skip = ናብ ትሕዝቶ ሕለፉ
nav-main = ቀንዲ ዝርዝር
nav-home = ናብ ሓፈሻዊ ትርኢት
nav-profile = ናተይ መግለጺ
nav-participants = ተሳተፍቲ
nav-employers = ኣስራሕቲ
nav-placements = ቦታታት ልምምድ
nav-board = ሰሌዳ
nav-inbox = መእተዊ መልእኽቲ
nav-jobs = መስርዕ ኢመይል
nav-open-placements = ክፉታት ቦታታት ልምምድ
# Tabs between a record's pages in different features.
tabs-participant = ገጻት ናይቲ ተሳታፊ
tab-journey = መስርሕ
tab-clearance = ፍቓድ (AF)
tab-agreements = ስምምዓት
tab-pool = ዝርዝር ተወዳደርቲ
nav-audit = መዝገብ ንጥፈታት
nav-password = መሕለፊ ቃል ቀይሩ
nav-logout = ውጹ
lang-switch = På svenska
nav-learning = ልምምድ ስራሕ
lang-choose = ቋንቋ
choose = ምረጹ …
pager = ገጻት

action-save = ዓቅቡ
action-edit = ኣስተኻኽሉ
filter-search = ድለዩ
filter-all = ኩሉ
filter-apply = ኣርእዩ
list-count = { $count } ውጽኢታት
form-has-errors = { $count ->
    [one] ሓደ ቦታ ምእራም የድልዮ። ኣብ ጥቓኡ ዘሎ መልእኽቲ ርኣዩ።
   *[other] { $count } ቦታታት ምእራም የድልዮም። ኣብ ጥቓኦም ዘለዉ መልእኽትታት ርኣዩ።
}

field-name = ስም
field-email = ኢመይል
field-password = መሕለፊ ቃል
field-repeat = ነቲ ሓድሽ መሕለፊ ቃል ደጊምኩም ጽሓፉ
field-municipality_code = ኮሙን (kommun)
field-swedish_level = ሽወደንኛ (ደረጃ CEFR)
field-languages = ካልኦት ቋንቋታት
field-education_level = ደረጃ ትምህርቲ
field-experience = ተመክሮ ስራሕ
field-skills = ክእለታት
hint-skills = ብኮማ (,) ፈልዩ።
field-wished_occupations = እትደልይዎም ሞያታት
field-available_days = እትረኽቡሎም መዓልትታት
field-driving_licence = መንጃ ፍቓድ
field-eligibility = ኩነታት ኣብ Arbetsförmedlingen
field-notes = መዘኻኸሪ
field-employer_id = ኣስራሒ

col-language = ቋንቋ
col-level = ደረጃ
col-name = ስም
col-email = ኢመይል

role-admin = ኣመሓዳሪ
role-programme_manager = ሓላፊ መደብ
role-coordinator = ኣወሃሃዲ
role-employer_contact = ተራኺቢ ሰብ ኣስራሒ
role-supervisor = ተሓላቒ (handledare)
role-education_provider = ሃቢ ትምህርቲ
role-es_officer = ሰራሕተኛ Arbetsförmedlingen (AF)
role-participant = ተሳታፊ
role-evaluator = ገምጋሚ

gender-female = ጓል ኣንስተይቲ
gender-male = ወዲ ተባዕታይ
gender-other = ካልእ
gender-unspecified = ክገልጽ ኣይደልን

sector-public = መንግስታዊ
sector-private = ብሕታዊ
sector-non_profit = ዘይመኽሰባዊ

agreement-none = የለን
agreement-draft = ንድፊ
agreement-sent = ተላኢኹ
agreement-signed = ተፈሪሙ
agreement-ended = ተወዲኡ

placement-status-draft = ንድፊ
placement-status-submitted = ንምርመራ ተላኢኹ
placement-status-published = ተዘርጊሑ
placement-status-filled = ተታሒዙ
placement-status-closed = ተዓጺዩ

eligibility-unknown = ዘይፍለጥ
eligibility-pending = ይጽናዕ ኣሎ
eligibility-eligible = ተረጋጊጹ
eligibility-not_eligible = ኣይምልከቶን

education-none = መደበኛ ትምህርቲ የለን
education-primary = ቀዳማይ ደረጃ፡ ካብ 9 ዓመት ዝውሕድ
education-lower_secondary = ግዴታዊ ትምህርቲ፡ 9 (10) ዓመት
education-upper_secondary = ካልኣይ ደረጃ (gymnasium)
education-post_secondary_short = ድሕሪ ካልኣይ ደረጃ፡ ካብ 3 ዓመት ዝውሕድ
education-bachelor = ድሕሪ ካልኣይ ደረጃ፡ 3 ዓመት ወይ ልዕሊኡ
education-master = ላዕለዋይ ደረጃ (ማስተር)
education-doctoral = ትምህርቲ ዶክተሬት

licence-none = መንጃ ፍቓድ የለን
licence-AM = AM (ሞፔድ)
licence-A1 = A1
licence-A2 = A2
licence-A = A (ሞቶ)
licence-B = B (መኪና)
licence-BE = BE
licence-C1 = C1
licence-C1E = C1E
licence-C = C (ጽዕነት መኪና)
licence-CE = CE
licence-D1 = D1
licence-D1E = D1E
licence-D = D (ኣውቶቡስ)
licence-DE = DE

weekday-mon = ሰኑይ
weekday-tue = ሰሉስ
weekday-wed = ረቡዕ
weekday-thu = ሓሙስ
weekday-fri = ዓርቢ
weekday-sat = ቀዳም
weekday-sun = ሰንበት

consent-registry = ኣብ Brygga ምምዝጋብ
consent-share_with_employers = መግለጺኹም ምስ ኣስራሕቲ ምክፋል
consent-statistics = ኣብ ስታቲስቲክስ ምእታው
consent-contact_by_email = ብኢመይል ምርኻብ

accommodation-step_free_access = ብዘይ ኣስካላ ዝእቶ
accommodation-quiet_room = ህዱእ ክፍሊ
accommodation-flexible_hours = ተዓጻጻፊ ሰዓታት
accommodation-interpreter = ተርጓሚ
accommodation-written_instructions = ብጽሑፍ ዝተዋህበ መምርሒ
accommodation-part_time = ፍርቂ ግዜ

nav-users = ተጠቀምቲ
nav-organisations = ትካል

nav-plan = ምትእስሳር
nav-my-week = ናተይ ሰሙን
nav-absences = ዘይምምጻእ
nav-calendar = ዓውደ ኣዋርሕ
