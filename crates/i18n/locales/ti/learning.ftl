# Brygga – ትግርኛ (Tigrinya). The reader is addressed with the polite plural (ንስኹም).
# learning: the intern's checklist, the progress log, the assessments, the development plan and
# the programme's checklist template (pages the participant reads in her language)
# Note: in Tigrinya the plural category [one] covers both 0 and 1, so it keeps { $count }.

learning-tabs = ገጻት ልምምድ ስራሕ
learning-checklist = ዝርዝር ዕላማታት
learning-log = መዝገብ ምዕባለ
learning-assessments = ገምጋማት
learning-plan = መደብ ምዕባለ
learning-hub-none = ልምምድ ስራሕኩም ምስ ጀመረ ኣብዚ ክረአ እዩ።
learning-checklist-empty = ዝርዝር ዕላማታት ገና ዕላማ የብሉን።
learning-draw = ዕላማታት ካብ ዝርዝር ጠለባትን ካብ ቅድን ውሰዱ
learning-draw-hint = ዕማማትን ዝድለ ፍልጠትን ካብ ዝርዝር ጠለባት (kravprofil) ናይቲ ቦታ ልምምድ፡ ከምኡ'ውን ቅዲ ናይቲ መደብ፡ ኣብ ዝርዝር ዕላማታት ዕላማታት ይኾኑ። እቲ ድሮ ዘሎ ደጊሙ ኣይውሰኽን።
learning-drawn = { $count ->
    [one] { $count } መመዘኒ ተወሲኹ።
   *[other] { $count } መመዘኒታት ተወሲኾም።
}
learning-goal-tasks = ዕማማት
learning-goal-skills = ፍልጠት
learning-status-achieved = ተበጺሑ
learning-status-in_progress = ኣብ መስርሕ
learning-status-not_yet = ገና
learning-status-none = ገና ኣይተገምገመን
learning-source-task = ዕማም
learning-source-skill = ፍልጠት
learning-source-template = ቅዲ
learning-source-own = ብውልቂ ዝተወሰኸ
learning-history = ታሪኽ ({ $count })
learning-tick-open = ምልክት ግበሩ
learning-tick-legend = ከመይ ይኸይድ ኣሎ?
learning-tick = ዓቅቡ
learning-field-on = ዕለት
learning-field-comment = ርእይቶ
learning-field-goal = ዕላማ
learning-field-criterion = መመዘኒ
learning-hint-criterion = እቲ ተለማማዲ ዕላማ ምስ ተበጽሐ እንታይ ክገብር ከም ዝኽእል፡ ንኣብነት "ብመሰረት ዝርዝር ኣቑሑ ትእዛዝ ይጥቕልል"።
learning-criterion-edit = ኣስተኻኽሉ
learning-criterion-remove = ካብ ዝርዝር ዕላማታት ኣልግሱ
learning-criterion-add = መመዘኒ ወስኹ
learning-entry-write = ኣብ መዝገብ ጽሓፉ
learning-field-did = እንታይ ገይረ
learning-field-learned = እንታይ ተማሂረ
learning-field-words = ሓደስቲ ቃላት
learning-hint-words = ብዝደለኹምዎ ቋንቋ ጽሓፉ፡ ንኣብነት "hylla – መደርደሪ"።
learning-field-photo = ስእሊ (ብድሌት)
learning-hint-photo = JPEG ወይ PNG፡ እንተበዝሐ 10 MiB። እቲ ስእሊ ዝተላዕለሉ ቦታ ኣይዕቀብን።
learning-field-share = ንተራኺቢ ሰብ ኣስራሒ ኣርእዩ
learning-hint-share = ተሓላቒኹምን ኣወሃሃዲኹምን ኩሉ ግዜ ነቲ መዝገብ ይርእይዎ።
learning-entry-send = ስደዱ
learning-draft-kept = ኣብ ዝሓለፈ ግዜ ዝጸሓፍኩምዎ ገና ኣሎ። ኢንተርነት ምስ ረኸብኩም ስደድዎ።
learning-entries = ጽሑፋት
learning-entries-none = ገና ጽሑፍ የለን።
learning-shared = ንኣስራሒ ይርአ
learning-photo-alt = ስእሊ ካብ ልምምድ ስራሕ
learning-comment = ርእይቶ
learning-comment-send = ርእይቶ ሃቡ
learning-scale = መለክዒ 1–4
learning-level-1 = ገና
learning-level-1-help = ገና ክገብሮ ኣይክእልን፡ ወይ ሓደ ሰብ ነፍሲ ወከፍ ስጉምቲ ምስ ዘርኣዮ ጥራይ ይገብሮ።
learning-level-2 = ብሓገዝ
learning-level-2-help = ብሓገዝ ወይ ብምዝኽኻር ይገብሮ።
learning-level-3 = ብባዕሉ
learning-level-3-help = ብባዕሉ፡ ብቕኑዕን ብግዜኡን ይገብሮ።
learning-level-4 = ኣዝዩ ጽቡቕ
learning-level-4-help = ሓድሽ ነገር እንተሃለወ'ውን ብባዕሉ ይገብሮ፡ ንኻልኦት'ውን ከርኢ ይኽእል።
learning-kind-mid = ገምጋም ፍርቂ
learning-kind-end = ናይ መወዳእታ ገምጋም
learning-assess-mid = ገምጋም ፍርቂ ግበሩ
learning-assess-end = ናይ መወዳእታ ገምጋም ግበሩ
learning-self-mid = ንርእስኹም ገምግሙ (ፍርቂ)
learning-self-end = ንርእስኹም ገምግሙ (መወዳእታ)
learning-assessor-supervisor = ተሓላቒ
learning-assessor-participant = ተሳታፊ (ርእሰ-ገምጋም)
learning-generic-initiative = ተበግሶ
learning-generic-punctuality = ምኽባር ግዜ
learning-generic-responsibility = ሓላፍነት ምውሳድ
learning-generic-cooperation = ምትሕብባር
learning-field-evidence = ዝረኣኹምዎ (መረጋገጺ)
learning-field-own-words = ብናይ ባዕልኹም ቃላት (ብድሌት)
learning-sign = ዓቅቡን ፈርሙን
learning-sign-hint = ዝተፈርመ ገምጋም ይዕጸው። ድሕሪኡ እንተተቐይሩ ሓድሽ ሕታም ይኸውን።
learning-signed = ተፈሪሙ
learning-saved = ተዓቂቡ
learning-locked = ተዓጽዩ ኣሎ። ለውጢ ሓድሽ ሕታም ይኸውን።
learning-revise = ኣስተኻኽሉ (ሓድሽ ሕታም)
learning-revision = ሕታም { $n }
learning-earlier = ዝሓለፉ ሕታማት
learning-not-yet-made = ገና ኣይተገብረን
learning-next-step = ዝቕጽል ስጉምትኹም
learning-no-next-step = ሕጂ ዝተመደበ ስጉምቲ የለን።
learning-due = ክሳብ { $date }
learning-done-on = ተዛዚሙ { $date }
learning-standing = ዝርዝር ጠለባትን ከመይ ከም ዝኸይድ ዘሎን
learning-standing-met = { $count ->
    [one] { $count } ዕላማ ተበጺሑ
   *[other] { $count } ዕላማታት ተበጺሖም
}
learning-standing-progressing = { $count ->
    [one] { $count } ዕላማ ኣብ መስርሕ ኣሎ
   *[other] { $count } ዕላማታት ኣብ መስርሕ ኣለዉ
}
learning-standing-gap = { $count ->
    [one] { $count } ዕላማ ተሪፉ
   *[other] { $count } ዕላማታት ተሪፎም
}
learning-steps = ስጉምትታት ናብ ስራሕ
learning-steps-none = ገና ስጉምቲ የለን።
learning-step-done = ተዛዚሙ
learning-step-undo = ኣይተዛዘመን
learning-step-edit = ስጉምቲ ቀይሩ
learning-step-remove = ኣልግሱ
learning-step-add = ስጉምቲ ወስኹ
learning-field-step = ስጉምቲ
learning-hint-step = እቲ ተሳታፊ ክርድኦ ምእንቲ ብቐሊል ጽሓፉ፡ ንኣብነት "ፍቓድ መዘውር ፎርክሊፍት A ምውሳድ"።
learning-field-owner = መን ይገብሮ
learning-field-due_on = ክሳብ
learning-owner-participant = ንስኹም
learning-owner-you = ንስኹም
learning-owner-coordinator = ኣወሃሃዲ
learning-owner-supervisor = ተሓላቒ
learning-owner-employer = ኣስራሒ
learning-owner-teacher = መምህር
learning-template = ቅዲ ዝርዝር ዕላማታት ናይቲ መደብ
learning-template-hint = ኣብ ነፍሲ ወከፍ መስመር ሓደ መመዘኒ: "ዕላማ: መመዘኒ"፡ ንኣብነት "ድሕንነት: ስርዓታት መከላኸሊ ክዳውንቲ ይኽተል"። እቲ ቅዲ ክፋል ናይ ነፍሲ ወከፍ ሓድሽ ዝርዝር ዕላማታት ይኸውን።
learning-template-saved = እቲ ቅዲ ተዓቂቡ።
learning-error-future = እቲ ዕለት ካብ ሎሚ ዝደንጎየ ክኸውን ኣይክእልን።
learning-error-before-start = እቲ ዕለት ቅድሚ መጀመርታ ልምምድ እዩ።
learning-error-closed = እቲ ልምምድ ካብ ዝውዳእ ልዕሊ 14 መዓልትታት ኮይኑ: ገምጋማትን ምልክታትን ድሕሪ ሕጂ ክቕየሩ ኣይክእሉን።
learning-error-not-started = እቲ ልምምድ ገና ኣይጀመረን።
learning-error-criterion-gone = እቲ መመዘኒ ድሕሪ ሕጂ ኣብ ዝርዝር ዕላማታት የለን።
learning-error-other-intern = እቲ መመዘኒ ናይ ካልእ ተለማማዲ ዝርዝር ዕላማታት እዩ።
learning-error-empty-entry = ገለ ነገር ጽሓፉ፡ ወይ ስእሊ ወስኹ።
learning-error-photo-type = እቲ ስእሊ JPEG ወይ PNG ክኸውን ኣለዎ።
learning-error-photo-size = እቲ ስእሊ ኣዝዩ ዓቢ እዩ: እንተበዝሐ 10 MiB።
learning-error-level = ካብ 1 ክሳብ 4 ደረጃ ምረጹ።
learning-error-level-required = ደረጃ ምረጹ።
learning-error-evidence = ዝረኣኹምዎ ከም መረጋገጺ ጽሓፉ።
learning-error-incomplete = እቲ ገምጋም ተዓቂቡ ግን ኣይተፈርመን: ነፍሲ ወከፍ መስመር ደረጃን መረጋገጺን የድልዮ።
learning-error-signed = እቲ ገምጋም ተፈሪሙን ተዓጽዩን ኣሎ። ንምቕያሩ "ኣስተኻኽሉ (ሓድሽ ሕታም)" ምረጹ።
learning-error-nothing-to-sign = መጀመርታ ነቲ ገምጋም ዓቅቡ።
learning-error-not-your-step = ነቲ ስጉምቲ ክምልክቶ ዝኽእል ኣወሃሃዲ ጥራይ እዩ።
learning-error-template-line = ነፍሲ ወከፍ መስመር ቅርጺ "ዕላማ: መመዘኒ" የድልዮ።
