# employer: the employer register

employer-new = Ny arbetsgivare
employer-edit = Ändra arbetsgivare

field-org_number = Organisationsnummer
field-sector = Sektor
field-agreement_status = Samverkansavtal
field-agreement_date = Avtalsdatum
field-units = Arbetsplatser
hint-units = En rad per arbetsplats. Tomma rader sparas inte.
field-contacts = Kontaktpersoner
hint-contacts = En rad per person. Tomma rader sparas inte.
field-supervisors = Handledare
hint-supervisors = En rad per handledare. Tomma rader sparas inte.

col-address = Adress
col-municipality = Kommun
col-title = Titel
col-phone = Telefon
col-training = Handledarutbildning

training-not_started = Inte påbörjad
training-booked = Anmäld
training-first_half_done = Första halvdagen klar
training-trained = Utbildad
employer-approved-by-coordinator = Avtalsstatus och handledarutbildning registreras av koordinatorn.
