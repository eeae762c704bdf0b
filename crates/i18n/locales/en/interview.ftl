# interview: interviews, their invitation emails and the interview guide

# Also the candidate pool's link to an interview.
pool-interview = Interview
pool-book-title = Book an interview
pool-book-send = Book and send invitations
pool-booked = The interview is booked and the invitations are being sent.
pool-when = Time
pool-swedish-time = Swedish time
pool-swedish-time-hint = Enter times in Swedish time.
pool-candidate = Candidate
pool-invited = Invited
pool-role-candidate = candidate
pool-record-outcome = How did the interview go?
pool-save-outcome = Save outcome
pool-cancel-interview = Cancel the interview

# Interview outcomes, also shown in the candidate pool.
interview-outcome-pending = Not held yet
interview-outcome-passed = Passed
interview-outcome-failed = Did not pass
interview-outcome-no_show = Did not show up
interview-outcome-cancelled = Cancelled
attendee-role-employer = employer
attendee-role-supervisor = supervisor
attendee-role-coordinator = coordinator
attendee-role-interpreter = interpreter
attendee-role-other = other

col-role = Role
field-starts_at = Starts
field-ends_at = Ends
field-location = Place
field-meeting_link = Meeting link
field-attendees = People at the interview
hint-attendees = Name, email and role. Everyone gets an invitation with a calendar file; the candidate is invited automatically.
field-outcome = Outcome
field-outcome_note = Comment

pool-error-datetime = Enter a date and time, e.g. 2027-03-05 10:00.
pool-error-in-past = That time has passed. Pick a time ahead.
pool-error-end-before-start = The end must be after the start.
pool-error-too-long = An interview can last at most eight hours.
pool-error-place-or-link = Enter a place, a meeting link or both.
pool-error-link = The meeting link must be a web address starting with https://.
pool-error-attendee = Every row needs a name and a valid email address.
pool-error-attendee-twice = The same email address is on two rows.
pool-error-no-attendees = Invite at least one person from the employer.
pool-error-overlap-participant = The candidate already has an interview that overlaps this time.
pool-error-overlap-attendee = Someone invited already has an interview that overlaps this time.
pool-error-not-bookable = The candidate is no longer being considered for an interview.
pool-error-not-confirmed = Eligibility must be confirmed by the employment service before the interview is booked.
pool-not-confirmed-hint = The programme checks with the employment service that the candidate is eligible and records the confirmation before the interview is booked.
pool-not-confirmed-link = Record the employment service's confirmation
pool-error-not-pending = Only an interview that has not taken place can be cancelled.
pool-error-outcome = Choose how the interview went.
pool-error-cancelled = The interview was cancelled; no outcome can be recorded.

pool-mail-greeting = Hello { $name },
pool-mail-subject = Invitation to an interview: { $title }
pool-mail-booked-subject = Interview booked: { $title }
pool-mail-cancelled-subject = Interview cancelled: { $title }
pool-mail-intro = You are invited to an interview about the internship { $title }.
pool-mail-intro-participant = You are invited to an interview about the internship { $title }. Tell your coordinator if you need an interpreter or cannot come.
pool-mail-booked-intro = You booked an interview about the internship { $title }. Invitations went to everyone below.
pool-mail-cancelled-intro = The interview about the internship { $title } is cancelled.
pool-mail-guide-attached = The interview guide is attached.

# The interview guide, also linked from the candidate pool.
guide-title = Interview guide
guide-filename = interview-guide.txt
guide-intro = An internship interview is a conversation about expectations, not a test. The candidate may speak Swedish as a second language: speak calmly, use plain words and give time to answer.
guide-step-1-title = Prepare
guide-step-1-text = Read the candidate's card. Decide who leads the conversation and book an interpreter in good time if needed.
guide-step-2-title = Welcome
guide-step-2-text = Introduce yourselves and the workplace. Say how long the interview takes and what happens afterwards.
guide-step-3-title = Describe the internship
guide-step-3-text = Describe the tasks, working hours, the supervisor and what an ordinary day holds.
guide-step-4-title = Ask about experience
guide-step-4-text = Ask open questions about earlier work, education and what the candidate wants to learn. Do not ask about health, religion, family or anything else unrelated to the work.
guide-step-5-title = Answer questions
guide-step-5-text = Give the candidate time to ask. Check that you have understood each other.
guide-step-6-title = Close
guide-step-6-text = Say when the candidate will hear back. Record the outcome in Brygga the same day.
