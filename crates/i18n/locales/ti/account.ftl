# Brygga – ትግርኛ (Tigrinya).
# account: logins for the people in the records — invitations, links to records, password resets

account-login = ሕሳብ ምእታው
account-linked = ሕሳብ ምእታው: { $email }
account-none = ሕሳብ ምእታው የለን
account-invited-until = ተዓዲሙ – እቲ መላግቦ ክሳብ { $date } ይሰርሕ
account-invite = ናብ ሕሳብ ምእታው ዓድሙ
account-invite-again = ደጊምኩም ዓድሙ
account-invite-staff = ሃቢ ትምህርቲ ወይ ሰራሕተኛ AF ዓድሙ
account-unlink = ነቲ ሕሳብ ምእታው ፈልይዎ
account-back = ተመለሱ

invite-kind-supervisor = ተሓላቒ (handledare)
invite-kind-employer_contact = ተራኺቢ ሰብ
invite-kind-participant = ተሳታፊ
invite-kind-staff = ኣብ መዝገብ ዘይብሎም ሰራሕተኛታት (ሃቢ ትምህርቲ፡ ሰራሕተኛ AF)

account-invite-title = ናብ ሕሳብ ምእታው ዓድሙ
account-invite-intro = እቲ ሰብ ን7 መዓልቲ ዝሰርሕን ሓንሳብ ጥራይ ዝጥቀመሉን መላግቦ ዘለዎ ኢመይል ይበጽሖ። ኣብኡ መሕለፊ ቃል መሪጹ ይኣቱ። ሓድሽ ዕድመ ነቲ ቅድሚኡ ዝነበረ ይትክኦ።
account-invite-send = ዕድመ ስደዱ
field-invite_lang = ቋንቋ ናይቲ ኢመይል
account-link-title = ዘሎ ሕሳብ ምእታው ኣራኽቡ
account-link-intro = እቲ ሰብ ድሮ ቅኑዕ ተራ ዘለዎ ሕሳብ ምእታው ኣለዎ ድዩ? ምስቲ መዝገብ ንምርኻቡ ኣድራሻ ኢመይሉ ጽሓፉ።
field-link_email = ኣድራሻ ኢመይል ናይቲ ሕሳብ
account-link-submit = ኣራኽቡ

account-invite-sent-title = ዕድመ ተላኢኹ
account-reset-sent-title = መላግቦ ሓድሽ መሕለፊ ቃል ተላኢኹ
account-sent-to = ናብ { $email } ዝኸይድ ኢመይል ኣብ መውጽኢ መልእኽቲ ኣሎ።
account-sent-expires = እቲ መላግቦ ክሳብ { $date } ይሰርሕ፡ ሓንሳብ ጥራይ ድማ ይጥቀመሉ።
account-sent-no-smtp = ሰርቨር ኢመይል ስለ ዘይተዳለወ፡ እቲ ኢመይል ክሳብ ሕጂ ክለኣኽ ኣይክእልን። ነቲ መላግቦ ቀድሑ እሞ ብኻልእ መንገዲ ነቲ ሰብ ሃብዎ።
account-sent-link = ናይ ሓንሳብ መላግቦ

account-reset-title = ሓድሽ መሕለፊ ቃል
account-reset-intro = እቲ ተጠቃሚ ሓድሽ መሕለፊ ቃል ዝመርጸሉ መላግቦ ስደዱ። እቲ መላግቦ ን24 ሰዓት ይሰርሕ። እቲ ኣረጊት መሕለፊ ቃል ክሳብ እቲ መላግቦ ዝጥቀመሉ ይሰርሕ።
account-reset-send = መላግቦ ሓድሽ መሕለፊ ቃል ስደዱ

account-link-welcome-title = እንቋዕ ናብ Brygga ብደሓን መጻእኩም
account-link-welcome-intro = ንሕሳብኩም መሕለፊ ቃል ምረጹ።
account-link-reset-title = ሓድሽ መሕለፊ ቃል ምረጹ
account-link-reset-intro = ሓድሽ መሕለፊ ቃል ምረጹ። ካብ ኩሉ ኣቲኹምሉ ዝነበርኩም ቦታ ክትወጹ ኢኹም።
account-link-login-name = ብ { $email } ትኣትዉ።
account-link-set-password = መሕለፊ ቃል ዓቅቡ እሞ እተዉ
account-link-expired-title = ግዜ ናይቲ መላግቦ ሓሊፉ
account-link-expired = እቲ መላግቦ ድሕሪ ሕጂ ኣይሰርሕን። ካብ ኣወሃሃዲኹም ወይ ኣመሓዳሪ ሓድሽ ሕተቱ።
account-link-used-title = እቲ መላግቦ ድሮ ተጠቒምኩምሉ
account-link-used = እቲ መላግቦ ድሮ ተጠቒምኩምሉ ኢኹም። ብመሕለፊ ቃልኩም እተዉ፡ እንተረሲዕኩምዎ ድማ ሓድሽ መላግቦ ሕተቱ።
account-link-unknown-title = እቲ መላግቦ ኣይሰርሕን
account-link-unknown = እቲ መላግቦ ዘይፍለጥ እዩ ወይ ብሓድሽ ተተኪኡ። እቲ ናይ መወዳእታ ዝበጽሓኩም መላግቦ ተጠቐሙ፡ ወይ ሓድሽ ሕተቱ።

account-mail-invite-subject = ዕድመ ናብ Brygga
account-mail-invite-body = ናብ Brygga፡ እቲ ልምምድ ስራሕ ዝውሃሃደሉ ቦታ፡ ተዓዲምኩም ኣለኹም። ነቲ ኣብ ታሕቲ ዘሎ መላግቦ ክፈትዎ እሞ መሕለፊ ቃል ምረጹ።
account-mail-reset-subject = ሓድሽ መሕለፊ ቃል ን Brygga
account-mail-reset-body = ሓደ ሰብ ንሕሳብኩም ኣብ Brygga ሓድሽ መሕለፊ ቃል ሓቲቱ ኣሎ። ነቲ ኣብ ታሕቲ ዘሎ መላግቦ ክፈትዎ እሞ ሓድሽ ምረጹ።
account-mail-greeting = ሰላም { $name }!
account-mail-expires = እቲ መላግቦ ክሳብ { $date } ይሰርሕ፡ ሓንሳብ ጥራይ ድማ ይጥቀመሉ።
account-mail-ignore = እዚ እንተዘይተጸበኹምዎ፡ ነዚ ኢመይል ሸለል ክትብልዎ ትኽእሉ ኢኹም።

user-edit = ተጠቃሚ ኣስተኻኽሉ
hint-new-user-role = ቀዲሙ ዝተመርጸ እቲ ዝወሓደ ፍቓድ ዘለዎ ተራ (ገምጋሚ) እዩ። እቲ ሰብ ዘድልዮ ተራ ምረጹ።

error-invite-linked = እቲ መዝገብ ድሮ ሕሳብ ምእታው ኣለዎ። ቅድም ፈልይዎ።
error-invite-email-taken = በዚ ኣድራሻ ዝተመዝገበ ሕሳብ ምእታው ድሮ ኣሎ። ኣብ ክንድኡ ነቲ ዘሎ ሕሳብ ኣራኽብዎ።
error-link-no-user = በዚ ኣድራሻ ዝተመዝገበ ሕሳብ ምእታው የለን።
error-link-role = እቲ ሕሳብ ምእታው ካብቲ እቲ መዝገብ ዝደልዮ ዝተፈልየ ተራ ኣለዎ።
error-link-other-employer = እቲ ሕሳብ ምእታው ናይ ካልእ ኣስራሒ እዩ።
error-link-taken = እቲ ሕሳብ ምእታው ድሮ ምስ ካልእ መዝገብ ተራኺቡ ኣሎ።
error-reset-inactive = እቲ ተጠቃሚ ደው ኢሉ ኣሎ። ቅድም ኣንቀሳቕስዎ።
error-role-self = ናትኩም ተራ ኣመሓዳሪ ከተእልይዎ ኣይትኽእሉን።
user-tokens = መፍትሕ API
