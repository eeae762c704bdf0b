# learning: the intern's checklist, the progress log, the assessments, the development plan and
# the programme's checklist template (pages the participant reads in her language)

learning-tabs = Praktikens sidor
learning-checklist = Checklista
learning-log = Loggbok
learning-assessments = Bedömningar
learning-plan = Utvecklingsplan
learning-hub-none = Här visas praktiken när den har börjat.
learning-checklist-empty = Checklistan har inga mål än.
learning-draw = Hämta mål från kravprofilen och mallen
learning-draw-hint = Arbetsuppgifterna och de krävda kunskaperna i praktikplatsens kravprofil, och programmets mall, blir mål på checklistan. Det som redan finns läggs inte till igen.
learning-drawn = { $count ->
    [one] Ett kriterium lades till.
   *[other] { $count } kriterier lades till.
}
learning-goal-tasks = Arbetsuppgifter
learning-goal-skills = Kunskaper
learning-status-achieved = Klart
learning-status-in_progress = På väg
learning-status-not_yet = Inte än
learning-status-none = Inte bedömt än
learning-source-task = Arbetsuppgift
learning-source-skill = Kunskap
learning-source-template = Mall
learning-source-own = Eget
learning-history = Historik ({ $count })
learning-tick-open = Bocka av
learning-tick-legend = Hur går det?
learning-tick = Spara
learning-field-on = Datum
learning-field-comment = Kommentar
learning-field-goal = Mål
learning-field-criterion = Kriterium
learning-hint-criterion = Vad praktikanten kan göra när målet är nått, till exempel "Packar en order enligt plocklistan".
learning-criterion-edit = Ändra
learning-criterion-remove = Ta bort från checklistan
learning-criterion-add = Lägg till kriterium
learning-entry-write = Skriv i loggboken
learning-field-did = Vad jag gjorde
learning-field-learned = Vad jag lärde mig
learning-field-words = Nya ord
learning-hint-words = Skriv på vilket språk du vill, till exempel "hylla – رف".
learning-field-photo = Foto (frivilligt)
learning-hint-photo = JPEG eller PNG, högst 10 MiB. Platsen där fotot togs sparas inte.
learning-field-share = Visa för arbetsgivarens kontaktperson
learning-hint-share = Din handledare och koordinator ser alltid loggboken.
learning-entry-send = Skicka
learning-draft-kept = Det du skrev förra gången finns kvar. Skicka när du har nät.
learning-entries = Anteckningar
learning-entries-none = Inga anteckningar än.
learning-shared = visas för arbetsgivaren
learning-photo-alt = Foto från praktiken
learning-comment = Kommentar
learning-comment-send = Kommentera
learning-scale = Skalan 1–4
learning-level-1 = Inte än
learning-level-1-help = Kan inte göra det än, eller bara när någon visar varje steg.
learning-level-2 = Med stöd
learning-level-2-help = Gör det med hjälp eller påminnelser.
learning-level-3 = Självständigt
learning-level-3-help = Gör det själv, rätt och i tid.
learning-level-4 = Mycket väl
learning-level-4-help = Gör det själv även när något är nytt, och kan visa andra.
learning-kind-mid = Mittbedömning
learning-kind-end = Slutbedömning
learning-assess-mid = Gör mittbedömningen
learning-assess-end = Gör slutbedömningen
learning-self-mid = Bedöm dig själv (mitten)
learning-self-end = Bedöm dig själv (slutet)
learning-assessor-supervisor = Handledaren
learning-assessor-participant = Deltagaren själv
learning-generic-initiative = Initiativkraft
learning-generic-punctuality = Punktlighet
learning-generic-responsibility = Ansvarstagande
learning-generic-cooperation = Samarbetsförmåga
learning-field-evidence = Vad du har sett (underlag)
learning-field-own-words = Med egna ord (frivilligt)
learning-sign = Spara och signera
learning-sign-hint = En signerad bedömning låses. Ändras den efteråt blir det en ny version.
learning-signed = Signerad
learning-saved = Sparad
learning-locked = Den är låst. En ändring blir en ny version.
learning-revise = Ändra (ny version)
learning-revision = version { $n }
learning-earlier = Tidigare versioner
learning-not-yet-made = inte gjord än
learning-next-step = Ditt nästa steg
learning-no-next-step = Inga steg är planerade just nu.
learning-due = senast { $date }
learning-done-on = klart { $date }
learning-standing = Kravprofilen och hur det går
learning-standing-met = { $count ->
    [one] Ett mål är nått
   *[other] { $count } mål är nådda
}
learning-standing-progressing = { $count ->
    [one] Ett mål är på väg
   *[other] { $count } mål är på väg
}
learning-standing-gap = { $count ->
    [one] Ett mål återstår
   *[other] { $count } mål återstår
}
learning-steps = Steg mot arbete
learning-steps-none = Inga steg än.
learning-step-done = Klart
learning-step-undo = Inte klart
learning-step-edit = Ändra steget
learning-step-remove = Ta bort
learning-step-add = Lägg till steg
learning-field-step = Steg
learning-hint-step = Skriv enkelt, så att deltagaren förstår, till exempel "Ta truckkort A".
learning-field-owner = Vem gör det
learning-field-due_on = Senast
learning-owner-participant = Deltagaren
learning-owner-you = Du själv
learning-owner-coordinator = Koordinatorn
learning-owner-supervisor = Handledaren
learning-owner-employer = Arbetsgivaren
learning-owner-teacher = Läraren
learning-template = Checklistmall för programmet
learning-template-hint = Ett kriterium per rad: "mål: kriterium", till exempel "Säkerhet: Följer rutinerna för skyddsutrustning". Mallen blir en del av varje ny checklista.
learning-template-saved = Mallen är sparad.
learning-error-future = Datumet kan inte vara senare än i dag.
learning-error-before-start = Datumet är före praktikens start.
learning-error-closed = Praktiken är slut sedan mer än 14 dagar: bedömningar och bockar kan inte längre ändras.
learning-error-not-started = Praktiken har inte börjat än.
learning-error-criterion-gone = Kriteriet finns inte längre på checklistan.
learning-error-other-intern = Kriteriet hör till en annan praktikants checklista.
learning-error-empty-entry = Skriv något, eller lägg till ett foto.
learning-error-photo-type = Fotot måste vara en JPEG- eller PNG-bild.
learning-error-photo-size = Fotot är för stort: högst 10 MiB.
learning-error-level = Välj en nivå från 1 till 4.
learning-error-level-required = Välj en nivå.
learning-error-evidence = Skriv vad du har sett som underlag.
learning-error-incomplete = Bedömningen är sparad men inte signerad: varje rad behöver en nivå och ett underlag.
learning-error-signed = Bedömningen är signerad och låst. Välj "Ändra (ny version)" för att ändra den.
learning-error-nothing-to-sign = Spara bedömningen först.
learning-error-not-your-step = Bara koordinatorn kan markera det steget.
learning-error-template-line = Varje rad behöver formen "mål: kriterium".
