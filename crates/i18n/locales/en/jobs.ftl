# jobs: the email queue (admins) and the test email

job-status-queued = Queued
job-status-running = Sending
job-status-done = Sent
job-status-failed = Failed

jobs-intro = Email that Brygga sends (interview invitations, confirmations) waits here until it is sent. A failed send is tried again; after the last attempt it stays here as failed until you retry it.
jobs-no-smtp = No SMTP server is configured: email stays in the queue and is not sent. Set BRYGGA_SMTP_URL and restart Brygga.
jobs-smtp-on = Email is sent through the configured SMTP server.
jobs-filter-status = Status
jobs-col-id = No.
jobs-col-status = Status
jobs-col-attempts = Attempts
jobs-col-next-run = Next attempt
jobs-col-recipients = Recipients
jobs-col-subject = Subject
jobs-col-created = Created
jobs-col-last-error = Last error
jobs-col-action = Action
jobs-retry = Retry
jobs-retry-label = Retry email no. { $id }
jobs-none = No email.

jobs-test-heading = Test the email setup
jobs-test-hint = Queues a test email to your own address, { $address }.
jobs-test-send = Send a test email
jobs-test-no-address = Your account has no valid email address to send the test email to.

mail-test-subject = Test email from Brygga – åäö works
mail-test-body = This is a test email from Brygga ({ $url }). If it arrives, email is set up correctly.
