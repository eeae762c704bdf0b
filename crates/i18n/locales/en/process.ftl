# process: the admin's process editor (a programme's stages and checkpoints)

journey-process-title = Process map
journey-process-intro = Each programme has its stages and checkpoints. Choose a programme to change its map.
journey-process-all = All programmes
# The link to a programme's process map, on the organisation list.
journey-process-link = process map

journey-field-name_sv = Name in Swedish
journey-field-name_en = Name in English
journey-field-label_sv = Text in Swedish
journey-field-label_en = Text in English
journey-field-kind = What must hold
journey-rename = Rename
journey-up = Move up
journey-down = Move down
journey-stage-up = Move the stage { $stage } up
journey-stage-down = Move the stage { $stage } down
journey-remove = Remove
journey-checkpoints = Checkpoints
journey-no-checkpoints = No checkpoints.
journey-add-checkpoint = Add a checkpoint
journey-hint-checkpoint = A custom checkpoint is confirmed by hand by a coordinator and needs a text. The others get a standard text if you leave it empty.
journey-add-stage-after = Add a stage after this one
journey-add-stage = Add stage

journey-error-unknown-stage = The stage is not on the programme's map.
journey-error-cannot-move = It cannot move further in that direction.
journey-error-duplicate-kind = The stage already has such a checkpoint.

checkpoint-kind-manual = Confirmed by hand
checkpoint-kind-profile_recorded = Profile recorded
checkpoint-kind-consent_share = Consent to share with employers
checkpoint-kind-proposed = Proposed for a placement
checkpoint-kind-interview_booked = Interview booked
checkpoint-kind-interview_passed = Interview passed
checkpoint-kind-eligibility_confirmed = Eligibility confirmed by the employment service
checkpoint-kind-es_decision = Decision from the employment service
checkpoint-kind-agreement_signed = Internship agreement signed
