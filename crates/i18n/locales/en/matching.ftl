# matching: candidates and suggestions, the matching plan, the matching meeting, the weights

# match-candidates and match-suggestions also name the links from a placement's and a participant's
# page.
match-candidates = Candidates
match-suggestions = Suggested placements
match-include-failing = Also show those who do not meet every requirement
match-none = No results.
match-propose = Propose
match-proposed = The candidate has been proposed to the employer.

plan-title = Matching plan
plan-intro = The best possible allocation for the whole programme: each participant to at most one placement, places respected, and the total fit as high as possible. Nothing changes until you accept the plan; then the ticked pairs become candidate proposals.
plan-solve = Solve again
field-min_score = Minimum fit (0–1)
plan-assigned = participants get a place
plan-total = total fit (optimum)
plan-stable = total with stable matching
plan-blocking = { $count } blocking pairs
plan-total-help = The sum of the fit scores (0–1 per pair) for the assignment with the highest sum for the whole group.
plan-stable-help = The sum for an assignment where no participant and placement would both rather have had each other than what they got.
plan-blocking-term = Blocking pairs
plan-blocking-help = A participant and a placement who would both rather have each other than what the stable assignment gave them. 0 means the assignment is stable; locked pairs can make more.
plan-accept = Make the ticked rows candidate proposals
plan-accept-preview = Ticked rows become candidate proposals to the employer – the { $count } rows with a placement start ticked. Untick those not to be proposed now.
plan-select = Propose
plan-accepted = { $count } new candidate proposals were created.
plan-error-contradictory-locks = Locked and excluded pairs contradict each other. Remove one of the locks before accepting the plan.
plan-error = The plan cannot be computed:
plan-placement = Placement
plan-why = Why
plan-actions = Change
plan-lock = Lock
plan-exclude = Rule out
plan-locked = locked
plan-excluded = ruled out
plan-clear = Remove
plan-rules = Locked and ruled-out pairs
plan-unassigned = No place in the plan

meeting-title = Matching meeting
meeting-intro = A schedule for a matching meeting: each participant meets the employers that fit best, no one is booked twice at the same time, and each employer's table has its number of seats. Print the page to hand out the schedule.
field-slots = Number of time slots
field-meetings = Meetings per participant
field-tables = Seats at each employer's table
meeting-summary = { $count } meetings booked.
meeting-per-participant = Per participant
meeting-per-employer = Per employer
meeting-slot = Slot
plan-meeting = Matching-meeting schedule

settings-title = Matching weights
settings-intro = How much each part counts in this programme's matching. Only the ratios between the weights matter.
field-occupation = Occupation (experience and wishes in SSYK)
field-language = Languages
field-wishes = The participant's wishes
field-commute = Commuting distance
field-eligibility-rule = Employment-service status not confirmed
eligibility-rule-flag = Show with a flag
eligibility-rule-exclude = Left out of matching
field-confirm-before-interview = Eligibility confirmed by the employment service before an interview is booked
hint-confirm-before-interview = Before the employer calls a candidate to an interview, the programme checks with the employment service that the candidate is eligible. Without a confirmation no interview can be booked.
plan-settings = Weights
error-weight = Enter a number of 0 or more, for example 0.3.
error-weights-all-zero = At least one weight must be above 0.

# Near misses beside the suggestions, and proposing anyway with a reason.
match-near-title = Near misses
match-near-intro = Placements in the participant's own or a neighbouring trade that fail just one requirement. Plan what is missing, or propose anyway with a reason.
match-near-same-unit = Same trade (unit group)
match-near-same-minor = Neighbouring trade (minor group)
match-near-same-sub-major = Neighbouring trade (sub-major group)
match-near-score = fit without the requirement
match-propose-anyway = Propose anyway
field-override_reason = Reason
hint-override_reason = Required when a requirement is not met. Seen by coordinators, not by the employer.
match-error-reason-required = Say why the candidate is proposed although a requirement is not met.
field-override_rule = Proposed despite
match-rule-open = the placement is not open
match-rule-eligible = eligibility
match-rule-days = days a week
match-rule-swedish = Swedish level
match-rule-driving_licence = driving licence
match-rule-accommodations = accommodation
match-rule-commute = commute
