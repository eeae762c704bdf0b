# placement: the internship placements

placement-new = New placement
placement-edit = Edit placement

field-title = Title
field-ssyk_code = Occupation (SSYK 2012)
field-tasks = Tasks
field-required_skills = Required skills
hint-required_skills = Separate with commas.
field-desired_skills = Desired skills
hint-desired_skills = Separate with commas.
field-min_swedish = Minimum level of Swedish
field-other_languages = Other languages needed
hint-other_languages = One row per language. Empty rows are not saved.
field-days_per_week = Days per week
field-hours_per_week = Hours per week
field-address = Address
field-period_start = Start date
field-period_end = End date
field-places = Number of places
field-accommodations = Accommodations the workplace can offer
field-status = Status
placement-profile = Requirement profile (kravprofil)
placement-profile-hint = What the placement requires and what counts in a candidate's favour: matching works from the requirement profile.
placement-schedule = Schedule and place
