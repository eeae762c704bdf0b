# Brygga – ትግርኛ (Tigrinya).
# journey: the board, a participant's staircase and moving along it

journey-board-title = ሰሌዳ
journey-programme = መደብ
journey-show-board = ሰሌዳ ኣርእዩ
journey-board-empty = ሕጂ ኣብዚ ዝኾነ ሰብ የለን።
journey-board-more = … ካልኦት { $count } ድማ።
journey-no-programmes = ዘርእይዎ መደብ የብልኩምን።

journey-title = መስርሕ
journey-staircase = መሳልል
# journey-done, -now and -next are also used by the compact journey on the participant's page.
journey-done = ተዛዚሙ
journey-now = ሕጂ
journey-next = ዝመጽእ
journey-holds = ተማሊኡ
journey-missing = ጎዲሉ
journey-current = ሕጂ: { $stage }
# The compact journey shown on the participant's page.
journey-compact-title = ኣብ መስርሕ ኣበይ ኣለኹም
journey-open = ምሉእ መስርሕ ኣርእዩ

journey-move = ናብ ካልእ ስጉምቲ ኣሰጋግሩ
journey-field-stage = ስጉምቲ
journey-hint-stage = ንቕድሚት ንምኻድ፡ ኩሎም ነጥብታት ምቁጽጻር ክሳብ እቲ ስጉምቲ ክማልኡ ኣለዎም። ንድሕሪት ምምላስ መዘኻኸሪ የድልዮ።
journey-field-note = መዘኻኸሪ
journey-hint-note = ንድሕሪት እንተኣሰጋጊርኩም፡ እቲ ምኽንያት።
journey-move-button = ኣሰጋግሩ
journey-manual = ዘረጋግጹ ነጥብታት ምቁጽጻር
journey-confirm-button = ኣረጋግጹ

journey-history = ታሪኽ
journey-history-empty = ክሳብ ሕጂ ዝተፈጸመ የለን።
journey-col-when = መዓስ
journey-col-what = እንታይ
journey-col-note = መዘኻኸሪ
journey-col-who = መን
journey-event-stage = ናብ { $stage } ተሰጋጊሩ
journey-event-checkpoint = { $checkpoint } ተረጋጊጹ

journey-blocked-manual = ኣይተረጋገጸን: { $label }
journey-blocked-profile_recorded = ዝተመዝገበ መግለጺ የለን (ደረጃ ሽወደንኛ፡ ቋንቋታት፡ ትምህርቲ ወይ ተመክሮ)
journey-blocked-consent_share = ምስ ኣስራሕቲ ንምክፋል ፍቓድ የለን
journey-blocked-proposed = ንዝኾነ ቦታ ልምምድ ኣይተሓበረን
journey-blocked-interview_booked = ዝተሓዝአ ቃለ-መሕትት የለን
journey-blocked-interview_passed = ዝሓለፈ ቃለ-መሕትት የለን
journey-blocked-eligibility_confirmed = ብቕዓት ብ Arbetsförmedlingen ኣይተረጋገጸን
journey-blocked-es_decision = ውሳነ ካብ Arbetsförmedlingen የለን
journey-blocked-agreement_signed = ዝተፈረመ ውዕል ልምምድ የለን

journey-error-blocked = እዚ ምስግጋር ገና ኣይከኣልን። እዚ ጎዲሉ ኣሎ:
journey-error-same-stage = እቲ ተሳታፊ ድሮ ኣብቲ ስጉምቲ ኣሎ። ካልእ ምረጹ።
journey-error-note-required = እቲ ተሳታፊ ስለምንታይ ንድሕሪት ከም ዝሰጋገር ጽሓፉ።
# Also reported by the process editor (process.ftl).
journey-error-unknown-checkpoint = እዚ ነጥቢ ምቁጽጻር ኣብ ካርታ ናይቲ መደብ የለን።
journey-error-not-manual = እዚ ነጥቢ ምቁጽጻር ብኢድ ዘይኮነ ካብቲ ኣብ ስርዓት ዘሎ ሓበሬታ እዩ ዝረጋገጽ።
