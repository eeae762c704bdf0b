# inbox: the coordinators' inbox of interests from the portal

# Reported by the inbox when an interest is marked as registered.
error-portal-participant-required = Give the participant's id to mark the interest as registered.
error-portal-participant-unknown = There is no participant with that id that you have access to.

interest-status-new = New
interest-status-handled = Handled
interest-status-dismissed = Dismissed
interest-status-registered = Registered as a participant

inbox-status = Status
inbox-received = Received
inbox-name = Name
inbox-placement = Internship
inbox-back = Back to the inbox
inbox-participant-link = Show the participant
inbox-consent = Consent
inbox-handled = Handled
inbox-register = Register as a participant
inbox-decide = Handle the interest
inbox-participant-id = Participant id
inbox-participant-hint = Only when the interest has been registered as a participant.
