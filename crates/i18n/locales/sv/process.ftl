# process: the admin's process editor (a programme's stages and checkpoints)

journey-process-title = Processkarta
journey-process-intro = Varje program har sina steg och kontrollpunkter. Välj ett program för att ändra dess karta.
journey-process-all = Alla program
# The link to a programme's process map, on the organisation list.
journey-process-link = processkarta

journey-field-name_sv = Namn på svenska
journey-field-name_en = Namn på engelska
journey-field-label_sv = Text på svenska
journey-field-label_en = Text på engelska
journey-field-kind = Vad som ska gälla
journey-rename = Byt namn
journey-up = Flytta upp
journey-down = Flytta ned
journey-stage-up = Flytta steget { $stage } uppåt
journey-stage-down = Flytta steget { $stage } nedåt
journey-remove = Ta bort
journey-checkpoints = Kontrollpunkter
journey-no-checkpoints = Inga kontrollpunkter.
journey-add-checkpoint = Lägg till kontrollpunkt
journey-hint-checkpoint = En egen kontrollpunkt bekräftas för hand av en koordinator och behöver en text. Övriga får en standardtext om du lämnar texten tom.
journey-add-stage-after = Lägg till ett steg efter detta
journey-add-stage = Lägg till steg

journey-error-unknown-stage = Steget finns inte i programmets karta.
journey-error-cannot-move = Det går inte att flytta längre åt det hållet.
journey-error-duplicate-kind = Steget har redan en sådan kontrollpunkt.

checkpoint-kind-manual = Bekräftas för hand
checkpoint-kind-profile_recorded = Profil registrerad
checkpoint-kind-consent_share = Samtycke till delning med arbetsgivare
checkpoint-kind-proposed = Föreslagen till en praktikplats
checkpoint-kind-interview_booked = Intervju bokad
checkpoint-kind-interview_passed = Intervju godkänd
checkpoint-kind-eligibility_confirmed = Behörighet bekräftad av Arbetsförmedlingen
checkpoint-kind-es_decision = Beslut från Arbetsförmedlingen
checkpoint-kind-agreement_signed = Praktikavtal undertecknat
