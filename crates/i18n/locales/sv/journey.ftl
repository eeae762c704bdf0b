# journey: the board, a participant's staircase and moving along it

journey-board-title = Tavla
journey-programme = Program
journey-show-board = Visa tavlan
journey-board-empty = Ingen här just nu.
journey-board-more = … och { $count } till.
journey-no-programmes = Du har inga program att visa.

journey-title = Processen
journey-staircase = Trappan
# journey-done, -now and -next are also used by the compact journey on the participant's page.
journey-done = klart
journey-now = nu
journey-next = kommer
journey-holds = uppfyllt
journey-missing = saknas
journey-current = Nu: { $stage }
# The compact journey shown on the participant's page.
journey-compact-title = Var i processen
journey-open = Visa hela processen

journey-move = Flytta till ett annat steg
journey-field-stage = Steg
journey-hint-stage = Framåt krävs att alla kontrollpunkter fram till och med steget är uppfyllda. Ett steg bakåt kräver en anteckning.
journey-field-note = Anteckning
journey-hint-note = Skälet, om du flyttar bakåt.
journey-move-button = Flytta
journey-manual = Kontrollpunkter att bekräfta
journey-confirm-button = Bekräfta

journey-history = Historik
journey-history-empty = Inga händelser ännu.
journey-col-when = När
journey-col-what = Vad
journey-col-note = Anteckning
journey-col-who = Vem
journey-event-stage = Flyttad till { $stage }
journey-event-checkpoint = Bekräftade { $checkpoint }

journey-blocked-manual = Inte bekräftat: { $label }
journey-blocked-profile_recorded = Saknar registrerad profil (svenskanivå, språk, utbildning eller erfarenhet)
journey-blocked-consent_share = Saknar samtycke till delning med arbetsgivare
journey-blocked-proposed = Inte föreslagen till någon praktikplats
journey-blocked-interview_booked = Saknar bokad intervju
journey-blocked-interview_passed = Saknar godkänd intervju
journey-blocked-eligibility_confirmed = Saknar bekräftad behörighet från Arbetsförmedlingen
journey-blocked-es_decision = Saknar beslut från Arbetsförmedlingen
journey-blocked-agreement_signed = Saknar undertecknat praktikavtal

journey-error-blocked = Flytten går inte än. Det här saknas:
journey-error-same-stage = Deltagaren är redan i det steget. Välj ett annat.
journey-error-note-required = Skriv varför deltagaren flyttas bakåt.
# Also reported by the process editor (process.ftl).
journey-error-unknown-checkpoint = Kontrollpunkten finns inte i programmets karta.
journey-error-not-manual = Den kontrollpunkten bekräftas av uppgifterna i systemet, inte för hand.
