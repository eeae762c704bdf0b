# account: logins for the people in the records — invitations, links to records, password resets

account-login = Login
account-linked = Login: { $email }
account-none = No login
account-invited-until = Invited – the link is valid until { $date }
account-invite = Invite to a login
account-invite-again = Invite again
account-invite-staff = Invite an education provider or officer
account-unlink = Unlink the login
account-back = Back

invite-kind-supervisor = Supervisor
invite-kind-employer_contact = Contact person
invite-kind-participant = Participant
invite-kind-staff = Staff without a record (education provider, employment-service officer)

account-invite-title = Invite to a login
account-invite-intro = The person gets an email with a link that is valid for seven days and works once. There she chooses a password and is logged in. A new invitation replaces the previous one.
account-invite-send = Send the invitation
field-invite_lang = Language of the email
account-link-title = Link an existing login
account-link-intro = Does the person already have a login with the right role? Enter its email address to link it to the record.
field-link_email = Email address of the login
account-link-submit = Link

account-invite-sent-title = Invitation sent
account-reset-sent-title = New-password link sent
account-sent-to = An email to { $email } is in the outbox.
account-sent-expires = The link is valid until { $date } and works once.
account-sent-no-smtp = No email server is configured, so the email cannot be sent yet. Copy the link and give it to the person another way.
account-sent-link = One-time link

account-reset-title = New password
account-reset-intro = Send a link where the user chooses a new password. The link is valid for 24 hours. The old password works until the link is used.
account-reset-send = Send a new-password link

account-link-welcome-title = Welcome to Brygga
account-link-welcome-intro = Choose a password for your login.
account-link-reset-title = Choose a new password
account-link-reset-intro = Choose a new password. You will be logged out everywhere you were logged in.
account-link-login-name = You log in with { $email }.
account-link-set-password = Save the password and log in
account-link-expired-title = The link has expired
account-link-expired = The link is no longer valid. Ask your coordinator or administrator for a new one.
account-link-used-title = The link has already been used
account-link-used = The link has already been used. Log in with your password, or ask for a new link if you have forgotten it.
account-link-unknown-title = The link is not valid
account-link-unknown = The link is unknown or has been replaced by a newer one. Use the latest link you received, or ask for a new one.

account-mail-invite-subject = Invitation to Brygga
account-mail-invite-body = You are invited to Brygga, where the internship is coordinated. Open the link below and choose a password.
account-mail-reset-subject = New password for Brygga
account-mail-reset-body = Someone asked for a new password for your Brygga login. Open the link below and choose a new one.
account-mail-greeting = Hello { $name }!
account-mail-expires = The link is valid until { $date } and works once.
account-mail-ignore = If you did not expect this, you can ignore this email.

user-edit = Edit user
hint-new-user-role = Preselected is the role with the fewest rights (evaluator). Choose the role the person needs.

error-invite-linked = The record already has a login. Unlink it first.
error-invite-email-taken = There is already a login with that address. Link the existing login instead.
error-link-no-user = There is no login with that address.
error-link-role = The login has a different role from the one the record needs.
error-link-other-employer = The login belongs to another employer.
error-link-taken = The login is already linked to another record.
error-reset-inactive = The user is deactivated. Activate it first.
error-role-self = You cannot remove your own administrator role.
user-tokens = API tokens
