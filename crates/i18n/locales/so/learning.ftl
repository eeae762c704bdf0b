# Brygga – Somali (af-Soomaali).
# learning: the intern's checklist, the progress log, the assessments, the development plan and
# the programme's checklist template (pages the participant reads in her language)

learning-tabs = Bogagga tababarka shaqada
learning-checklist = Liiska hubinta
learning-log = Diiwaanka horumarka
learning-assessments = Qiimaynnada
learning-plan = Qorshaha horumarka
learning-hub-none = Tababarkaaga shaqadu halkan ayuu ka muuqan doonaa marka uu bilaabmo.
learning-checklist-empty = Liiska hubintu weli yool ma laha.
learning-draw = Ka soo qaado yoolalka shuruudaha shaqada iyo qaabka
learning-draw-hint = Hawlaha iyo xirfadaha looga baahan yahay shuruudaha shaqada (kravprofil) ee boosta tababarka, iyo qaabka barnaamijka, waxay noqdaan yoolal ku jira liiska hubinta. Waxa horay ugu jiray mar labaad laguma daro.
learning-drawn = { $count ->
    [one] Hal halbeeg ayaa lagu daray.
   *[other] { $count } halbeeg ayaa lagu daray.
}
learning-goal-tasks = Hawlaha
learning-goal-skills = Xirfadaha
learning-status-achieved = La gaaray
learning-status-in_progress = Socda
learning-status-not_yet = Weli maya
learning-status-none = Weli lama qiimayn
learning-source-task = Hawl
learning-source-skill = Xirfad
learning-source-template = Qaab
learning-source-own = Ku-darid gaar ah
learning-history = Taariikhda ({ $count })
learning-tick-open = Calaamadee
learning-tick-legend = Sidee ayay u socotaa?
learning-tick = Kaydi
learning-field-on = Taariikhda
learning-field-comment = Faallo
learning-field-goal = Yool
learning-field-criterion = Halbeeg
learning-hint-criterion = Waxa tababartuhu samayn karo marka yoolka la gaaro, tusaale ahaan "Wuxuu xirxiraa dalab sida liiska alaabta soo-qaadistu sheegayo".
learning-criterion-edit = Wax ka beddel
learning-criterion-remove = Ka saar liiska hubinta
learning-criterion-add = Ku dar halbeeg
learning-entry-write = Wax ku qor diiwaanka
learning-field-did = Waxa aan qabtay
learning-field-learned = Waxa aan bartay
learning-field-words = Erayo cusub
learning-hint-words = Ku qor luqad kasta oo aad rabto, tusaale ahaan "hylla – raf".
learning-field-photo = Sawir (ikhtiyaari)
learning-hint-photo = JPEG ama PNG, ugu badnaan 10 MiB. Meesha sawirka laga qaaday lama kaydiyo.
learning-field-share = U muuji xiriiriyaha loo-shaqeeyaha
learning-hint-share = Hagahaaga iyo isku-duwahaagu had iyo jeer way arkaan diiwaanka.
learning-entry-send = Dir
learning-draft-kept = Wixii aad qortay markii hore weli halkan ayay yaalliin. Dir marka aad internet haysato.
learning-entries = Qoraallada
learning-entries-none = Weli qoraal ma jiro.
learning-shared = loo-shaqeeyaha waa loo muujiyay
learning-photo-alt = Sawir laga qaaday tababarka shaqada
learning-comment = Faallo
learning-comment-send = Dir faallo
learning-scale = Cabbirka 1–4
learning-level-1 = Weli maya
learning-level-1-help = Weli ma samayn karo, ama wuxuu sameeyaa kaliya marka qof tuso tallaabo kasta.
learning-level-2 = Iyadoo la caawinayo
learning-level-2-help = Wuxuu sameeyaa iyadoo la caawinayo ama la xusuusinayo.
learning-level-3 = Si madax-bannaan
learning-level-3-help = Keligiis ayuu sameeyaa, si sax ah oo waqtigeeda.
learning-level-4 = Aad u wanaagsan
learning-level-4-help = Keligiis ayuu sameeyaa xitaa marka wax cusub jiraan, oo dadka kale wuu tusi karaa.
learning-kind-mid = Qiimaynta bartamaha
learning-kind-end = Qiimaynta dhammaadka
learning-assess-mid = Samee qiimaynta bartamaha
learning-assess-end = Samee qiimaynta dhammaadka
learning-self-mid = Is qiimee (bartamaha)
learning-self-end = Is qiimee (dhammaadka)
learning-assessor-supervisor = Hagaha
learning-assessor-participant = Ka-qaybgalaha laftiisa
learning-generic-initiative = Hindise
learning-generic-punctuality = Waqti-ilaalin
learning-generic-responsibility = Mas'uuliyad qaadasho
learning-generic-cooperation = Iskaashi
learning-field-evidence = Waxa aad aragtay (caddayn)
learning-field-own-words = Erayadaada (ikhtiyaari)
learning-sign = Kaydi oo saxiix
learning-sign-hint = Qiimaynta la saxiixay waa la xiraa. Haddii mar dambe la beddelo, waxay noqotaa nooc cusub.
learning-signed = La saxiixay
learning-saved = La kaydiyay
learning-locked = Waa la xiray. Isbeddel kastaa wuxuu noqdaa nooc cusub.
learning-revise = Wax ka beddel (nooc cusub)
learning-revision = nooca { $n }
learning-earlier = Noocyadii hore
learning-not-yet-made = weli lama samayn
learning-next-step = Tallaabadaada xigta
learning-no-next-step = Hadda tallaabo la qorsheeyay ma jirto.
learning-due = ugu dambayn { $date }
learning-done-on = la dhammeeyay { $date }
learning-standing = Shuruudaha shaqada iyo sida ay u socoto
learning-standing-met = { $count ->
    [one] Hal yool ayaa la gaaray
   *[other] { $count } yool ayaa la gaaray
}
learning-standing-progressing = { $count ->
    [one] Hal yool ayaa socda
   *[other] { $count } yool ayaa socda
}
learning-standing-gap = { $count ->
    [one] Hal yool ayaa haray
   *[other] { $count } yool ayaa haray
}
learning-steps = Tallaabooyinka shaqo helidda
learning-steps-none = Weli tallaabo ma jirto.
learning-step-done = La dhammeeyay
learning-step-undo = Lama dhammayn
learning-step-edit = Beddel tallaabada
learning-step-remove = Ka saar
learning-step-add = Ku dar tallaabo
learning-field-step = Tallaabo
learning-hint-step = Si fudud u qor, si uu ka-qaybgaluhu u fahmo, tusaale ahaan "Qaado shatiga forklift-ka A".
learning-field-owner = Yaa samaynaya
learning-field-due_on = Ugu dambayn
learning-owner-participant = Adiga
learning-owner-you = Adiga
learning-owner-coordinator = Isku-duwaha
learning-owner-supervisor = Hagaha
learning-owner-employer = Loo-shaqeeyaha
learning-owner-teacher = Macallinka
learning-template = Qaabka liiska hubinta ee barnaamijka
learning-template-hint = Hal halbeeg sadar kasta: "yool: halbeeg", tusaale ahaan "Badbaado: Wuxuu raacaa nidaamka qalabka ilaalinta". Qaabku wuxuu qayb ka noqdaa liis hubin kasta oo cusub.
learning-template-saved = Qaabka waa la kaydiyay.
learning-error-future = Taariikhdu kama dambayn karto maanta.
learning-error-before-start = Taariikhdu waxay ka horraysaa bilowga tababarka shaqada.
learning-error-closed = Tababarka shaqadu wuxuu dhammaaday in ka badan 14 maalmood ka hor: qiimaynnada iyo calaamadaha hadda lama beddeli karo.
learning-error-not-started = Tababarka shaqadu weli ma bilaabmin.
learning-error-criterion-gone = Halbeeggu hadda kuma jiro liiska hubinta.
learning-error-other-intern = Halbeeggu wuxuu ka tirsan yahay liiska hubinta tababarte kale.
learning-error-empty-entry = Wax qor, ama ku dar sawir.
learning-error-photo-type = Sawirku waa inuu noqdaa sawir JPEG ama PNG ah.
learning-error-photo-size = Sawirku aad buu u weyn yahay: ugu badnaan 10 MiB.
learning-error-level = Dooro heer 1 ilaa 4.
learning-error-level-required = Dooro heer.
learning-error-evidence = Qor waxa aad aragtay caddayn ahaan.
learning-error-incomplete = Qiimaynta waa la kaydiyay laakiin lama saxiixin: sadar kasta wuxuu u baahan yahay heer iyo caddayn.
learning-error-signed = Qiimaynta waa la saxiixay oo waa la xiray. Dooro "Wax ka beddel (nooc cusub)" si aad u beddesho.
learning-error-nothing-to-sign = Marka hore kaydi qiimaynta.
learning-error-not-your-step = Isku-duwaha kaliya ayaa calaamadayn kara tallaabadaas.
learning-error-template-line = Sadar kasta wuxuu u baahan yahay qaabka "yool: halbeeg".
