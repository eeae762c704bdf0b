# pool: the candidate pool of a placement

pool-title = Kandidatpool
pool-empty = Inga kandidater är föreslagna ännu.
pool-ranking-link = Rangordnade kandidater
pool-propose-by-hand = Föreslå för hand
pool-search = Sök deltagare
pool-propose = Föreslå för arbetsgivaren
pool-refused = Kandidaten kunde inte föreslås.
pool-consent = Samtycke att dela med arbetsgivare
pool-consent-yes = Ja
pool-consent-no = Nej – syns inte för arbetsgivaren
pool-years = år
pool-book = Boka intervju

pool-move-proposed = Föreslå igen
pool-move-shortlisted = Gå vidare med
pool-move-interview_requested = Be om intervju
pool-move-interviewing = Intervjuas
pool-move-selected = Utse till praktikant
pool-move-rejected = Avböj
pool-move-withdrawn = Dra tillbaka

proposal-status-proposed = Föreslagen
proposal-status-shortlisted = Utvald för vidare kontakt
proposal-status-interview_requested = Intervju önskas
proposal-status-interviewing = Intervju bokad
proposal-status-selected = Vald
proposal-status-rejected = Avböjd
proposal-status-withdrawn = Tillbakadragen

field-participant_id = Deltagare
field-proposal_note = Anteckning till arbetsgivaren

# Also reported when an interview is booked (interview).
pool-error-no-consent = Deltagaren har inte samtyckt till att uppgifter delas med arbetsgivare. Registrera samtycket först.
pool-error-duplicate = Deltagaren är redan föreslagen till den här platsen.
pool-error-pick = Välj en deltagare i listan.
pool-error-transition = Den ändringen går inte att göra från kandidatens nuvarande läge.
pool-error-select-needs-pass = En kandidat kan väljas först när en intervju har gått vidare.
pool-fair-wishes = Vill träffa igen efter matchningsträffen
pool-fair-wish-note = Arbetsgivaren ville träffa kandidaten igen efter matchningsträffen.
