# interview: interviews, their invitation emails and the interview guide

# Also the candidate pool's link to an interview.
pool-interview = Intervju
pool-book-title = Boka intervju
pool-book-send = Boka och skicka inbjudningar
pool-booked = Intervjun är bokad och inbjudningarna skickas.
pool-when = Tid
pool-swedish-time = svensk tid
pool-swedish-time-hint = Ange tider i svensk tid.
pool-candidate = Kandidat
pool-invited = Inbjudna
pool-role-candidate = kandidat
pool-record-outcome = Hur gick intervjun?
pool-save-outcome = Spara utfall
pool-cancel-interview = Ställ in intervjun

# Interview outcomes, also shown in the candidate pool.
interview-outcome-pending = Inte genomförd ännu
interview-outcome-passed = Gick vidare
interview-outcome-failed = Gick inte vidare
interview-outcome-no_show = Kom inte
interview-outcome-cancelled = Inställd
attendee-role-employer = arbetsgivare
attendee-role-supervisor = handledare
attendee-role-coordinator = koordinator
attendee-role-interpreter = tolk
attendee-role-other = övrig

col-role = Roll
field-starts_at = Börjar
field-ends_at = Slutar
field-location = Plats
field-meeting_link = Möteslänk
field-attendees = Deltagare i intervjun
hint-attendees = Namn, e-post och roll. Alla får en inbjudan med kalenderfil; kandidaten bjuds in automatiskt.
field-outcome = Utfall
field-outcome_note = Kommentar

pool-error-datetime = Ange datum och klockslag, t.ex. 2027-03-05 10:00.
pool-error-in-past = Tiden har redan passerat. Välj en tid framåt.
pool-error-end-before-start = Sluttiden måste vara efter starttiden.
pool-error-too-long = En intervju kan vara högst åtta timmar.
pool-error-place-or-link = Ange en plats, en möteslänk eller båda.
pool-error-link = Möteslänken måste vara en webbadress som börjar med https://.
pool-error-attendee = Varje rad behöver namn och en giltig e-postadress.
pool-error-attendee-twice = Samma e-postadress står på två rader.
pool-error-no-attendees = Bjud in minst en person från arbetsgivaren.
pool-error-overlap-participant = Kandidaten har redan en intervju som krockar med den här tiden.
pool-error-overlap-attendee = Någon av de inbjudna har redan en intervju som krockar med den här tiden.
pool-error-not-bookable = Kandidaten är inte längre aktuell för intervju.
pool-error-not-confirmed = Behörigheten måste vara bekräftad av Arbetsförmedlingen innan intervjun bokas.
pool-not-confirmed-hint = Programmet stämmer av med Arbetsförmedlingen att kandidaten är behörig och registrerar bekräftelsen innan intervjun bokas.
pool-not-confirmed-link = Registrera bekräftelsen från Arbetsförmedlingen
pool-error-not-pending = Bara en intervju som inte har ägt rum kan ställas in.
pool-error-outcome = Välj hur intervjun gick.
pool-error-cancelled = Intervjun är inställd; inget utfall kan registreras.

pool-mail-greeting = Hej { $name }!
pool-mail-subject = Inbjudan till intervju: { $title }
pool-mail-booked-subject = Intervju bokad: { $title }
pool-mail-cancelled-subject = Inställd intervju: { $title }
pool-mail-intro = Du är inbjuden till en intervju om praktikplatsen { $title }.
pool-mail-intro-participant = Du är inbjuden till en intervju om praktikplatsen { $title }. Säg till din koordinator om du behöver tolk eller inte kan komma.
pool-mail-booked-intro = Du har bokat en intervju om praktikplatsen { $title }. Inbjudningar har gått till alla nedan.
pool-mail-cancelled-intro = Intervjun om praktikplatsen { $title } är inställd.
pool-mail-guide-attached = Intervjuguiden finns som bilaga.

# The interview guide, also linked from the candidate pool.
guide-title = Intervjuguide
guide-filename = intervjuguide.txt
guide-intro = En praktikintervju är ett samtal om förväntningar, inte ett prov. Kandidaten kan ha svenska som andraspråk: tala lugnt, använd enkla ord och ge tid att svara.
guide-step-1-title = Förbered
guide-step-1-text = Läs kandidatens kort. Bestäm vem som leder samtalet och boka tolk i god tid om det behövs.
guide-step-2-title = Välkomna
guide-step-2-text = Presentera er och arbetsplatsen. Berätta hur lång intervjun är och vad som händer efteråt.
guide-step-3-title = Berätta om praktiken
guide-step-3-text = Beskriv arbetsuppgifter, arbetstider, handledare och vad en vanlig dag innehåller.
guide-step-4-title = Fråga om erfarenhet
guide-step-4-text = Ställ öppna frågor om tidigare arbete, utbildning och vad kandidaten vill lära sig. Fråga inte om hälsa, religion, familj eller annat som inte gäller arbetet.
guide-step-5-title = Svara på frågor
guide-step-5-text = Ge kandidaten tid att fråga. Kontrollera att ni förstått varandra.
guide-step-6-title = Avsluta
guide-step-6-text = Säg när kandidaten får besked. Registrera utfallet i Brygga samma dag.
