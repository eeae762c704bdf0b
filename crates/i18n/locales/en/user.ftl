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
