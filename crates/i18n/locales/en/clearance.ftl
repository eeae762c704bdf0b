# clearance: the employment service's confirmation and decision, and sharing a case

clearance-title = Clearance from the employment service
clearance-confirmation = Eligibility confirmed
clearance-confirmed = The employment service has confirmed that the participant is eligible.
clearance-not-confirmed = The employment service has not confirmed that the participant is eligible.
clearance-decision = The employment service's decision
clearance-decided = The employment service's decision is registered.
clearance-not-decided = No decision from the employment service. The internship cannot start without one.
clearance-recorded = Recorded by
clearance-state = State
clearance-active = In force
clearance-withdrawn = Withdrawn
clearance-withdraw = Withdraw
clearance-confirm-legend = Record a confirmation
clearance-confirm = Save the confirmation
clearance-decision-legend = Register a decision
clearance-register = Save the decision
clearance-period = Period
clearance-yes = Yes
clearance-no = No
clearance-share = Share the case with an officer
clearance-share-intro = An employment-service officer sees only the participants whose cases are shared with them.
clearance-no-officers = There are no officers to share with.
clearance-shared = case shared
clearance-unshare = Stop sharing
clearance-share-button = Share the case

field-es_officer_name = Officer who confirmed
field-es_confirmed_on = Date confirmed
field-es_confirm_note = Note
field-es_reference = Decision reference
field-es_decision_date = Decision date
field-es_period_start = Decision valid from
field-es_period_end = Decision valid until
field-es_insured = Insured during the internship
field-es_compensation = Compensation
field-es_decision_note = Note
field-officer_id = Officer

compensation-none = No compensation
compensation-aktivitetsstod = Activity support (aktivitetsstöd)
compensation-utvecklingsersattning = Development allowance (utvecklingsersättning)
compensation-etableringsersattning = Establishment allowance (etableringsersättning)
compensation-other = Other compensation

error-clearance-future = The date cannot be in the future.
error-clearance-officer = Choose an officer from the list.
