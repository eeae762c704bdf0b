# agreement: collaboration and internship agreements

agreements-title = Avtal
agreements-none = Inga avtal ännu.
agreements-new = Nytt avtal
agreements-no-candidacy = Deltagaren är inte föreslagen till någon praktikplats ännu. Ett praktikavtal kräver ett förslag på platsen.
agreements-create-collaboration = Skapa samverkansavtal
agreements-create-internship = Skapa praktikavtal

agreement-kind-collaboration = Samverkansavtal
agreement-kind-internship = Praktikavtal

agreement-field-kind = Avtal
agreement-field-parties = Parter
agreement-field-status = Status
agreement-field-signed_on = Undertecknat den
agreement-field-placement_id = Praktikplats
agreement-field-supervisor_id = Handledare
agreement-field-document = Avtalsdokument
agreement-field-signed_copy = Undertecknat exemplar
agreement-field-file = Undertecknat avtal (fil)
agreement-hint-file = PDF, PNG eller JPEG, högst 10 MiB.
agreement-no-document = Inget ännu
agreement-upload-title = Ladda upp undertecknat avtal

agreement-action-generate = Skapa PDF
agreement-action-sent = Markera som skickat
agreement-action-signed = Ladda upp och markera som undertecknat
agreement-action-end = Avsluta avtalet
agreement-action-cancel = Makulera avtalet

agreement-error-not-generated = Skapa avtalsdokumentet (PDF) innan avtalet markeras som skickat.
agreement-error-transition = Det går inte i avtalets nuvarande status.
agreement-error-exists = Det finns redan ett pågående avtal av det här slaget.
agreement-error-not-proposed = Deltagaren är inte föreslagen till den här praktikplatsen (eller förslaget är avslaget eller återtaget).
agreement-error-supervisor = Välj en handledare hos praktikplatsens arbetsgivare.
