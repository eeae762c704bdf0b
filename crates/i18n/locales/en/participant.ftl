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

## Leaving the programme
exit-title = End participation
exit-record = End participation in the programme
exit-explain = Once the participant has left the programme she is no longer suggested for placements or planned into matches. A leaving recorded by mistake can be taken back.
exit-left-notice = Has left the programme
exit-open = Show the leaving
exit-recorded-by = recorded by
exit-save = Record the leaving
exit-correct = Save the change
exit-undo = Take back the leaving
field-left_on = Last day in the programme
field-exit_reason = Reason
field-exit_note = Comment
hint-exit_note = Required when the reason is "Other". Seen by coordinators.
exit-reason-completed = Completed the programme
exit-reason-work = Got a job
exit-reason-studies = Began studies
exit-reason-moved = Moved away
exit-reason-discontinued = Broke off
exit-reason-other = Other
exit-error-far-ahead = A leaving can be recorded at most two months ahead.
exit-error-note = Say what the reason is.
