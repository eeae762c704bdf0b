# employer: the employer register

employer-new = New employer
employer-edit = Edit employer

field-org_number = Organisation number
field-sector = Sector
field-agreement_status = Collaboration agreement
field-agreement_date = Agreement date
field-units = Workplaces
hint-units = One row per workplace. Empty rows are not saved.
field-contacts = Contact persons
hint-contacts = One row per person. Empty rows are not saved.
field-supervisors = Supervisors
hint-supervisors = One row per supervisor. Empty rows are not saved.

col-address = Address
col-municipality = Municipality
col-title = Title
col-phone = Phone
col-training = Supervisor training

training-not_started = Not started
training-booked = Booked
training-first_half_done = First half-day done
training-trained = Trained
employer-approved-by-coordinator = The agreement status and supervisor training are recorded by the coordinator.
