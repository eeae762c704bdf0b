# Brygga – ትግርኛ (Tigrinya).
# interview: interviews, their invitation emails and the interview guide

# Also the candidate pool's link to an interview.
pool-interview = ቃለ-መሕትት
pool-book-title = ቃለ-መሕትት ሓዙ
pool-book-send = ሓዙ እሞ ዕድመታት ስደዱ
pool-booked = እቲ ቃለ-መሕትት ተሓዚኡ፡ ዕድመታት ድማ ይለኣኹ ኣለዉ።
pool-when = ግዜ
pool-swedish-time = ሰዓት ሽወደን
pool-swedish-time-hint = ሰዓታት ብሰዓት ሽወደን ጽሓፉ።
pool-candidate = ተወዳዳሪ
pool-invited = ዝተዓደሙ
pool-role-candidate = ተወዳዳሪ
pool-record-outcome = እቲ ቃለ-መሕትት ከመይ ኸይዱ?
pool-save-outcome = ውጽኢት ዓቅቡ
pool-cancel-interview = ቃለ-መሕትት ሰርዙ

# Interview outcomes, also shown in the candidate pool.
interview-outcome-pending = ገና ኣይተገብረን
interview-outcome-passed = ሓሊፉ
interview-outcome-failed = ኣይሓለፈን
interview-outcome-no_show = ኣይመጸን
interview-outcome-cancelled = ተሰሪዙ
attendee-role-employer = ኣስራሒ
attendee-role-supervisor = ተሓላቒ (handledare)
attendee-role-coordinator = ኣወሃሃዲ
attendee-role-interpreter = ተርጓሚ
attendee-role-other = ካልእ

col-role = ተራ
field-starts_at = ይጅምር
field-ends_at = ይውዳእ
field-location = ቦታ
field-meeting_link = መላግቦ ኣኼባ
field-attendees = ኣብ ቃለ-መሕትት ዝሳተፉ ሰባት
hint-attendees = ስም፡ ኢመይልን ተራን። ኩሎም ምስ ፋይል ዓውደ ኣዋርሕ ዕድመ ይበጽሖም፤ እቲ ተወዳዳሪ ባዕሉ ይዕደም።
field-outcome = ውጽኢት
field-outcome_note = ርእይቶ

pool-error-datetime = ዕለትን ሰዓትን ጽሓፉ፡ ንኣብነት 2027-03-05 10:00።
pool-error-in-past = እቲ ግዜ ሓሊፉ እዩ። ዝመጽእ ግዜ ምረጹ።
pool-error-end-before-start = ግዜ መወዳእታ ድሕሪ ግዜ መጀመርታ ክኸውን ኣለዎ።
pool-error-too-long = ቃለ-መሕትት እንተበዝሐ 8 ሰዓት ክወስድ ይኽእል።
pool-error-place-or-link = ቦታ፡ መላግቦ ኣኼባ ወይ ክልቲኦም ጽሓፉ።
pool-error-link = መላግቦ ኣኼባ ብ https:// ዝጅምር ኣድራሻ ወብ ክኸውን ኣለዎ።
pool-error-attendee = ነፍሲ ወከፍ መስመር ስምን ቅኑዕ ኢመይልን የድልዮ።
pool-error-attendee-twice = ሓደ ኢመይል ኣብ ክልተ መስመራት ኣሎ።
pool-error-no-attendees = እንተወሓደ ሓደ ሰብ ካብቲ ኣስራሒ ዓድሙ።
pool-error-overlap-participant = እቲ ተወዳዳሪ ድሮ ምስዚ ግዜ ዝጋጮ ቃለ-መሕትት ኣለዎ።
pool-error-overlap-attendee = ሓደ ካብቶም ዝተዓደሙ ድሮ ምስዚ ግዜ ዝጋጮ ቃለ-መሕትት ኣለዎ።
pool-error-not-bookable = እቲ ተወዳዳሪ ድሕሪ ሕጂ ንቃለ-መሕትት ኣይሕሰብን።
pool-error-not-confirmed = ቅድሚ ቃለ-መሕትት ምሓዝ፡ ብቕዓት ብ Arbetsförmedlingen ክረጋገጽ ኣለዎ።
pool-not-confirmed-hint = እቲ መደብ ምስ Arbetsförmedlingen እቲ ተወዳዳሪ ብቑዕ ምዃኑ የረጋግጽ፡ ቅድሚ ቃለ-መሕትት ምሓዝ ድማ ነቲ ምርግጋጽ ይምዝግቦ።
pool-not-confirmed-link = ምርግጋጽ ካብ Arbetsförmedlingen መዝግቡ
pool-error-not-pending = ዘይተገብረ ቃለ-መሕትት ጥራይ እዩ ክስረዝ ዝኽእል።
pool-error-outcome = እቲ ቃለ-መሕትት ከመይ ከም ዝኸደ ምረጹ።
pool-error-cancelled = እቲ ቃለ-መሕትት ተሰሪዙ እዩ፤ ውጽኢት ክምዝገብ ኣይክእልን።

pool-mail-greeting = ሰላም { $name }!
pool-mail-subject = ዕድመ ናብ ቃለ-መሕትት: { $title }
pool-mail-booked-subject = ቃለ-መሕትት ተሓዚኡ: { $title }
pool-mail-cancelled-subject = ቃለ-መሕትት ተሰሪዙ: { $title }
pool-mail-intro = ብዛዕባ ቦታ ልምምድ { $title } ናብ ቃለ-መሕትት ተዓዲምኩም ኣለኹም።
pool-mail-intro-participant = ብዛዕባ ቦታ ልምምድ { $title } ናብ ቃለ-መሕትት ተዓዲምኩም ኣለኹም። ተርጓሚ እንተደሊኹም ወይ ክትመጹ እንተዘይክኢልኩም ንኣወሃሃዲኹም ንገሩ።
pool-mail-booked-intro = ብዛዕባ ቦታ ልምምድ { $title } ቃለ-መሕትት ሒዝኩም ኣለኹም። ዕድመታት ናብ ኩሎም ኣብ ታሕቲ ዘለዉ ተላኢኹ።
pool-mail-cancelled-intro = እቲ ብዛዕባ ቦታ ልምምድ { $title } ዝነበረ ቃለ-መሕትት ተሰሪዙ ኣሎ።
pool-mail-guide-attached = መምርሒ ቃለ-መሕትት ተተሓሒዙ ኣሎ።

# The interview guide, also linked from the candidate pool.
guide-title = መምርሒ ቃለ-መሕትት
guide-filename = interview-guide.txt
guide-intro = ቃለ-መሕትት ልምምድ ብዛዕባ ትጽቢታት ዝግበር ዘተ እዩ፡ ፈተና ኣይኮነን። እቲ ተወዳዳሪ ሽወደንኛ ከም ካልኣይ ቋንቋ ክዛረብ ይኽእል: ብህድኣት ተዛረቡ፡ ቀለልቲ ቃላት ተጠቐሙ፡ ንምምላስ ድማ ግዜ ሃቡ።
guide-step-1-title = ተዳለዉ
guide-step-1-text = ካርድ ናይቲ ተወዳዳሪ ኣንብቡ። ነቲ ዘተ መን ከም ዝመርሖ ወስኑ፡ እንተድልዩ ድማ ኣቐዲምኩም ተርጓሚ ሓዙ።
guide-step-2-title = እንቋዕ ብደሓን መጻእኩም
guide-step-2-text = ነብስኹምን ነቲ ቦታ ስራሕን ኣላልዩ። እቲ ቃለ-መሕትት ክንደይ ግዜ ከም ዝወስድን ድሕሪኡ እንታይ ከም ዝኸውንን ንገሩ።
guide-step-3-title = ብዛዕባ እቲ ልምምድ ግለጹ
guide-step-3-text = ዕማማት፡ ሰዓታት ስራሕ፡ ተሓላቒን ሓንቲ ልሙድ መዓልቲ እንታይ ከም ዘለዋን ግለጹ።
guide-step-4-title = ብዛዕባ ተመክሮ ሕተቱ
guide-step-4-text = ብዛዕባ ዝሓለፈ ስራሕ፡ ትምህርትን እቲ ተወዳዳሪ ክመሃሮ ዝደልዮን ክፉታት ሕቶታት ሕተቱ። ብዛዕባ ጥዕና፡ ሃይማኖት፡ ስድራ ወይ ካልእ ምስ ስራሕ ዘይተኣሳሰር ኣይትሕተቱ።
guide-step-5-title = ሕቶታት መልሱ
guide-step-5-text = ነቲ ተወዳዳሪ ክሓትት ግዜ ሃብዎ። ንሓድሕድኩም ከም ዝተረዳዳእኩም ኣረጋግጹ።
guide-step-6-title = ዛዝሙ
guide-step-6-text = እቲ ተወዳዳሪ መዓስ መልሲ ከም ዝረክብ ንገሩ። ነቲ ውጽኢት በታ ሓንቲ መዓልቲ ኣብ Brygga መዝግቡ።
