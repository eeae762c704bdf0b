# user: user accounts

user-new = New user
user-active = Active
user-inactive = Deactivated
user-activate = Activate
user-deactivate = Deactivate

field-role = Role
field-org_ids = Organisations
hint-org_ids = The user sees everything belonging to the chosen organisations and everything below them.
hint-employer_id = For employer contacts and supervisors: the employer they represent.
field-active = Status

# API tokens
token-title = API tokens
token-intro = An API token lets a program use Brygga in your name. It works until it expires or is revoked, and stops when the password is changed.
token-created = Here is the new token. Copy it now – it is shown only this once.
token-create = Create token
token-list = Tokens
token-none = No tokens yet.
token-created-at = Created
token-expires-at = Expires
token-last-used = Last used
token-status = Status
token-live = Valid
token-expired = Expired
token-revoked = Revoked
token-revoke = Revoke
token-revoke-label = Revoke the token { $name }
field-expires_days = Valid for (days)
hint-expires_days = Between 1 and 730 days.
error-token-days = Enter a number of days between 1 and 730.
