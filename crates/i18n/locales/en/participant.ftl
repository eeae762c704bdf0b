# participant: the participant register

unit-years = years
consent-withdrawn = withdrawn

participant-new = New participant
participant-edit = Edit participant

section-identity = Person and contact
section-languages = Languages
section-background = Education and experience
section-availability = Availability and needs

field-first_name = First name
field-last_name = Last name
field-personnummer = Personal identity or coordination number (optional)
field-phone = Phone
field-gender = Gender
field-birth_year = Year of birth
field-cohort_id = Cohort (optional)
field-programme_id = Programme
hint-languages = One row per language. Empty rows are not saved.
field-sfi_level = SFI course
field-education_field = Field of education
field-education_country = Country of education
hint-experience = One row per occupation: occupation (SSYK 2012, start typing to search), years and country.
hint-wished_occupations = One occupation per field (SSYK 2012). Start typing to search; the empty fields add more.
field-max_commute_km = Longest commute (km)
field-special_needs = Special needs (sensitive, shown to coordinators only)
field-needed_accommodations = Accommodations needed at the workplace (sensitive)
field-consents = Consents

col-occupation = Occupation
col-years = Years
col-country = Country
participant-duplicates-title = Is this participant already registered?
participant-duplicates-text = No participant was created. These have the same name and birth year, the same e-mail or the same phone number. Open them to check, or tick "Create anyway" and save again.
participant-duplicates-confirm = Create anyway
participant-duplicates-api = Likely duplicates exist; send again with confirm_duplicate=true to create anyway.
