# organisation: the organisation tree

org-new = Ny organisation
org-no-parent = Ingen (en ny region)
field-parent_id = Ligger under
hint-parent_id = Under en region läggs en kommun, under en kommun ett program, under ett program en omgång.
hint-org-municipality = Bara för kommuner.

org-kind-region = region
org-kind-municipality = kommun
org-kind-programme = program
org-kind-cohort = omgång
