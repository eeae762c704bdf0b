# agreement: collaboration and internship agreements

agreements-title = Agreements
agreements-none = No agreements yet.
agreements-new = New agreement
agreements-no-candidacy = The participant has not been proposed for any placement yet. An internship agreement needs a proposal for the placement.
agreements-create-collaboration = Create collaboration agreement
agreements-create-internship = Create internship agreement

agreement-kind-collaboration = Collaboration agreement
agreement-kind-internship = Internship agreement

agreement-field-kind = Agreement
agreement-field-parties = Parties
agreement-field-status = Status
agreement-field-signed_on = Signed on
agreement-field-placement_id = Placement
agreement-field-supervisor_id = Supervisor
agreement-field-document = Agreement document
agreement-field-signed_copy = Signed copy
agreement-field-file = Signed agreement (file)
agreement-hint-file = PDF, PNG or JPEG, at most 10 MiB.
agreement-no-document = None yet
agreement-upload-title = Upload the signed agreement

agreement-action-generate = Create PDF
agreement-action-sent = Mark as sent
agreement-action-signed = Upload and mark as signed
agreement-action-end = End the agreement
agreement-action-cancel = Cancel the agreement

agreement-error-not-generated = Create the agreement document (PDF) before marking the agreement as sent.
agreement-error-transition = That is not possible in the agreement's current status.
agreement-error-exists = There is already an open agreement of this kind.
agreement-error-not-proposed = The participant has not been proposed for this placement (or the proposal was rejected or withdrawn).
agreement-error-supervisor = Choose a supervisor at the placement's employer.
