# user: user accounts

user-new = Ny användare
user-active = Aktiv
user-inactive = Inaktiverad
user-activate = Aktivera
user-deactivate = Inaktivera

field-role = Roll
field-org_ids = Organisationer
hint-org_ids = Användaren ser allt som hör till de valda organisationerna och allt under dem.
hint-employer_id = För kontaktpersoner och handledare: arbetsgivaren de företräder.
field-active = Status
