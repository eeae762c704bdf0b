# pool: the candidate pool of a placement

pool-title = Candidate pool
pool-empty = No candidates have been proposed yet.
pool-ranking-link = Ranked candidates
pool-propose-by-hand = Propose by hand
pool-search = Search participants
pool-propose = Propose to the employer
pool-refused = The candidate could not be proposed.
pool-consent = Consent to share with employers
pool-consent-yes = Yes
pool-consent-no = No – not shown to the employer
pool-years = years
pool-book = Book an interview

pool-move-proposed = Propose again
pool-move-shortlisted = Shortlist
pool-move-interview_requested = Ask for an interview
pool-move-interviewing = Interviewing
pool-move-selected = Select as intern
pool-move-rejected = Decline
pool-move-withdrawn = Withdraw

proposal-status-proposed = Proposed
proposal-status-shortlisted = Shortlisted
proposal-status-interview_requested = Interview requested
proposal-status-interviewing = Interview booked
proposal-status-selected = Selected
proposal-status-rejected = Declined
proposal-status-withdrawn = Withdrawn

field-participant_id = Participant
field-proposal_note = Note to the employer

# Also reported when an interview is booked (interview).
pool-error-no-consent = The participant has not consented to sharing with employers. Record the consent first.
pool-error-duplicate = The participant is already proposed for this placement.
pool-error-pick = Pick a participant from the list.
pool-error-transition = That change cannot be made from the candidate's current state.
pool-error-select-needs-pass = A candidate can be selected only after an interview they passed.
pool-fair-wishes = Wants to meet again after the matching fair
pool-fair-wish-note = The employer wanted to meet the candidate again after the matching fair.
