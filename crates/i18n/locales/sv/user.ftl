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

# API tokens
token-title = API-nycklar
token-intro = En API-nyckel låter ett program använda Brygga i ditt namn. Den gäller tills den går ut eller återkallas, och upphör när lösenordet byts.
token-created = Här är den nya nyckeln. Kopiera den nu – den visas bara den här gången.
token-create = Skapa nyckel
token-list = Nycklar
token-none = Inga nycklar ännu.
token-created-at = Skapad
token-expires-at = Går ut
token-last-used = Senast använd
token-status = Status
token-live = Gäller
token-expired = Utgången
token-revoked = Återkallad
token-revoke = Återkalla
token-revoke-label = Återkalla nyckeln { $name }
field-expires_days = Giltig i antal dagar
hint-expires_days = Mellan 1 och 730 dagar.
error-token-days = Ange ett antal dagar mellan 1 och 730.
