# journey: the board, a participant's staircase and moving along it

journey-board-title = Board
journey-programme = Programme
journey-show-board = Show the board
journey-board-empty = Nobody here right now.
journey-board-more = … and { $count } more.
journey-no-programmes = You have no programmes to show.

journey-title = Journey
journey-staircase = The staircase
# journey-done, -now and -next are also used by the compact journey on the participant's page.
journey-done = done
journey-now = now
journey-next = next
journey-holds = holds
journey-missing = missing
journey-current = Now: { $stage }
# The compact journey shown on the participant's page.
journey-compact-title = Where in the journey
journey-open = Show the whole journey

journey-move = Move to another stage
journey-field-stage = Stage
journey-hint-stage = Moving forward needs every checkpoint up to and including the stage. A step back needs a note.
journey-field-note = Note
journey-hint-note = The reason, if you move back.
journey-move-button = Move
journey-manual = Checkpoints to confirm
journey-confirm-button = Confirm

journey-history = History
journey-history-empty = No events yet.
journey-col-when = When
journey-col-what = What
journey-col-note = Note
journey-col-who = Who
journey-event-stage = Moved to { $stage }
journey-event-checkpoint = Confirmed { $checkpoint }

journey-blocked-manual = Not confirmed: { $label }
journey-blocked-profile_recorded = No profile recorded (Swedish level, languages, education or experience)
journey-blocked-consent_share = No consent to share with employers
journey-blocked-proposed = Not proposed for any placement
journey-blocked-interview_booked = No interview booked
journey-blocked-interview_passed = No passed interview
journey-blocked-eligibility_confirmed = Eligibility not confirmed by the employment service
journey-blocked-es_decision = No decision from the employment service
journey-blocked-agreement_signed = No signed internship agreement

journey-error-blocked = The move cannot be made yet. This is missing:
journey-error-same-stage = The participant is already at that stage. Choose another.
journey-error-note-required = Write why the participant is moved back.
# Also reported by the process editor (process.ftl).
journey-error-unknown-checkpoint = The checkpoint is not on the programme's map.
journey-error-not-manual = That checkpoint follows from the records, not from a tick by hand.
