# organisation: the organisation tree

org-new = New organisation
org-no-parent = None (a new region)
field-parent_id = Belongs to
hint-parent_id = A municipality goes under a region, a programme under a municipality, a cohort under a programme.
hint-org-municipality = Municipalities only.

org-kind-region = region
org-kind-municipality = municipality
org-kind-programme = programme
org-kind-cohort = cohort
