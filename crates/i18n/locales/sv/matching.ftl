# matching: candidates and suggestions, the matching plan, the matching meeting, the weights

# match-candidates and match-suggestions also name the links from a placement's and a participant's
# page.
match-candidates = Kandidater
match-suggestions = Förslag på praktikplatser
match-include-failing = Visa även de som inte uppfyller alla krav
match-none = Inga träffar.
match-propose = Föreslå
match-proposed = Kandidaten är föreslagen till arbetsgivaren.

plan-title = Matchningsplan
plan-intro = Bästa möjliga fördelning för hela programmet: varje deltagare till högst en praktikplats, platsernas antal hålls, och den sammanlagda matchningen blir så hög som möjligt. Inget ändras förrän du accepterar planen; då blir de markerade paren kandidatförslag.
plan-solve = Beräkna igen
field-min_score = Lägsta matchning (0–1)
plan-assigned = deltagare får en plats
plan-total = total matchning (optimum)
plan-stable = total med stabil matchning
plan-blocking = { $count } blockerande par
plan-total-help = Summan av matchningsvärdena (0–1 per par) för den fördelning som ger högst summa för hela gruppen.
plan-stable-help = Summan för en fördelning där ingen deltagare och praktikplats hellre hade valt varandra än det de fick.
plan-blocking-term = Blockerande par
plan-blocking-help = En deltagare och en praktikplats som båda hellre hade haft varandra än det den stabila fördelningen gav dem. 0 betyder att fördelningen är stabil; låsta par kan ge fler.
plan-accept = Gör de markerade raderna till kandidatförslag
plan-accept-preview = Markerade rader blir kandidatförslag till arbetsgivaren – { $count } rader med praktikplats är markerade från början. Avmarkera dem som inte ska föreslås nu.
plan-select = Föreslå
plan-accepted = { $count } nya kandidatförslag skapades.
plan-error-contradictory-locks = Låsta och uteslutna par motsäger varandra. Ta bort ett av låsen innan du accepterar planen.
plan-error = Planen kan inte beräknas:
plan-placement = Praktikplats
plan-why = Varför
plan-actions = Ändra
plan-lock = Lås
plan-exclude = Uteslut
plan-locked = låst
plan-excluded = utesluten
plan-clear = Ta bort
plan-rules = Låsta och uteslutna par
plan-unassigned = Ingen plats i planen

meeting-title = Matchningsträff
meeting-intro = Schema för en matchningsträff: varje deltagare träffar de arbetsgivare som passar bäst, ingen är bokad två gånger samma tid och varje arbetsgivares bord har sitt antal platser. Skriv ut sidan för att dela ut schemat.
field-slots = Antal tider
field-meetings = Möten per deltagare
field-tables = Platser vid varje arbetsgivares bord
meeting-summary = { $count } möten bokade.
meeting-per-participant = Per deltagare
meeting-per-employer = Per arbetsgivare
meeting-slot = Tid
plan-meeting = Schema för matchningsträff

settings-title = Matchningens vikter
settings-intro = Hur mycket varje del väger i matchningen för programmet. Bara förhållandet mellan vikterna spelar roll.
field-occupation = Yrke (erfarenhet och önskemål i SSYK)
field-language = Språk
field-wishes = Deltagarens önskemål
field-commute = Pendlingsavstånd
field-eligibility-rule = Ej bekräftad status hos Arbetsförmedlingen
eligibility-rule-flag = Visa med en markering
eligibility-rule-exclude = Utesluts ur matchningen
field-confirm-before-interview = Behörigheten bekräftas av Arbetsförmedlingen innan en intervju bokas
hint-confirm-before-interview = Innan arbetsgivaren kallar till intervju stämmer programmet av med Arbetsförmedlingen att kandidaten är behörig. Utan bekräftelse kan ingen intervju bokas.
plan-settings = Vikter
error-weight = Skriv ett tal som är 0 eller större, till exempel 0,3.
error-weights-all-zero = Minst en vikt måste vara större än 0.

# Near misses beside the suggestions, and proposing anyway with a reason.
match-near-title = Nära träffar
match-near-intro = Praktikplatser i deltagarens eget eller ett närliggande yrke som bara inte uppfyller ett krav. Planera det som saknas, eller föreslå ändå med en motivering.
match-near-same-unit = Samma yrke (yrkesgrupp)
match-near-same-minor = Närliggande yrke (undergrupp)
match-near-same-sub-major = Närliggande yrke (yrkesområde)
match-near-score = matchning utan kravet
match-propose-anyway = Föreslå ändå
field-override_reason = Motivering
hint-override_reason = Krävs när ett krav inte är uppfyllt. Syns för samordnare, inte för arbetsgivaren.
match-error-reason-required = Skriv varför kandidaten föreslås trots att ett krav inte är uppfyllt.
field-override_rule = Föreslagen trots krav
match-rule-open = platsen är inte öppen
match-rule-eligible = behörighet
match-rule-days = dagar i veckan
match-rule-swedish = svenskanivå
match-rule-driving_licence = körkort
match-rule-accommodations = anpassning
match-rule-commute = pendling
