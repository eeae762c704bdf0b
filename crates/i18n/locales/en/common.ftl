# Brygga – the interface in English.
# common: what several features share: navigation, tabs, actions, filters, field labels used by more
# than one form, and the value sets (roles, genders, sectors, statuses, education levels, licences,
# weekdays, consents, accommodations)

nav-skip = Skip to content
nav-main = Main menu
nav-home = To the overview
nav-profile = My profile
nav-participants = Participants
nav-employers = Employers
nav-placements = Placements
nav-board = Board
nav-inbox = Inbox
nav-jobs = Email queue
nav-open-placements = Open placements
# Tabs between a record's pages in different features.
tabs-participant = The participant's pages
tab-journey = Process
tab-clearance = Clearance (ES)
tab-agreements = Agreements
tab-pool = Candidate pool
nav-audit = Audit log
nav-password = Change password
nav-logout = Log out
lang-switch = På svenska
nav-learning = Internship
lang-choose = Language
choose = Choose …
pager = Pages

action-save = Save
action-edit = Edit
filter-search = Search
filter-all = All
filter-apply = Show
list-count = { $count } results
form-has-errors = { $count ->
    [one] One field needs correcting. See the message next to it.
   *[other] { $count } fields need correcting. See the messages next to them.
}

field-name = Name
field-email = Email
field-password = Password
field-repeat = Repeat the new password
field-municipality_code = Municipality
field-swedish_level = Swedish (CEFR level)
field-languages = Other languages
field-education_level = Education level
field-experience = Work experience
field-skills = Skills
hint-skills = Separate with commas.
field-wished_occupations = Wished occupations
field-available_days = Available days
field-driving_licence = Driving licence
field-eligibility = Employment-service status
field-notes = Notes
field-employer_id = Employer

col-language = Language
col-level = Level
col-name = Name
col-email = Email

role-admin = administrator
role-programme_manager = programme manager
role-coordinator = coordinator
role-employer_contact = employer contact
role-supervisor = supervisor
role-education_provider = education provider
role-es_officer = employment-service officer
role-participant = participant
role-evaluator = evaluator

gender-female = Female
gender-male = Male
gender-other = Other
gender-unspecified = Prefer not to say

sector-public = Public
sector-private = Private
sector-non_profit = Non-profit

agreement-none = None
agreement-draft = Draft
agreement-sent = Sent
agreement-signed = Signed
agreement-ended = Ended

placement-status-draft = Draft
placement-status-submitted = Submitted for review
placement-status-published = Published
placement-status-filled = Filled
placement-status-closed = Closed

eligibility-unknown = Unknown
eligibility-pending = Being assessed
eligibility-eligible = Confirmed
eligibility-not_eligible = Not eligible

education-none = No formal education
education-primary = Primary school, under 9 years
education-lower_secondary = Compulsory school, 9 (10) years
education-upper_secondary = Upper secondary school
education-post_secondary_short = Post-secondary, under 3 years
education-bachelor = Post-secondary, 3 years or more
education-master = Advanced level (master)
education-doctoral = Doctoral studies

licence-none = No driving licence
licence-AM = AM (moped)
licence-A1 = A1
licence-A2 = A2
licence-A = A (motorcycle)
licence-B = B (car)
licence-BE = BE
licence-C1 = C1
licence-C1E = C1E
licence-C = C (lorry)
licence-CE = CE
licence-D1 = D1
licence-D1E = D1E
licence-D = D (bus)
licence-DE = DE

weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

consent-registry = Registration in Brygga
consent-share_with_employers = Share profile with employers
consent-statistics = Be counted in statistics
consent-contact_by_email = Contact by email

accommodation-step_free_access = Step-free access
accommodation-quiet_room = Quiet room
accommodation-flexible_hours = Flexible hours
accommodation-interpreter = Interpreter
accommodation-written_instructions = Written instructions
accommodation-part_time = Part time

nav-users = Users
nav-organisations = Organisation

nav-plan = Matching
nav-my-week = My week
nav-absences = Absences
nav-calendar = Calendar
