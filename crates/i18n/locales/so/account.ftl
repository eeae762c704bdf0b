# Brygga – Somali (af-Soomaali).
# account: logins — invitations, links to records, password resets

account-login = Akoon
account-linked = Akoon: { $email }
account-none = Akoon ma leh
account-invited-until = Waa la casuumay – xiriirku wuu shaqaynayaa ilaa { $date }
account-invite = U dir casuumaad akoon
account-invite-again = Mar kale casuun
account-invite-staff = Casuun bixiye waxbarasho ama shaqaale
account-unlink = Ka jar akoonka
account-back = Dib u noqo

invite-kind-supervisor = Hage (handledare)
invite-kind-employer_contact = Qofka xiriirka
invite-kind-participant = Ka-qaybgale
invite-kind-staff = Shaqaale aan diiwaan lahayn (bixiye waxbarasho, shaqaalaha Arbetsförmedlingen)

account-invite-title = U dir casuumaad akoon
account-invite-intro = Qofku wuxuu helayaa iimayl leh xiriir (link) shaqaynaya toddoba maalmood oo hal mar la isticmaali karo. Halkaas ayay ka doorataa furaha sirta ah oo way gashaa. Casuumaad cusub ayaa beddesha tii hore.
account-invite-send = Dir casuumaadda
field-invite_lang = Luqadda iimaylka
account-link-title = Ku xir akoon jira
account-link-intro = Qofku ma leeyahay akoon door sax ah leh? Ku qor cinwaanka iimaylkiisa si aad ugu xirto diiwaanka.
field-link_email = Cinwaanka iimaylka akoonka
account-link-submit = Ku xir

account-invite-sent-title = Casuumaadda waa la diray
account-reset-sent-title = Xiriirka furaha cusub waa la diray
account-sent-to = Iimayl loo diray { $email } ayaa ku jira sanduuqa dirista.
account-sent-expires = Xiriirku wuu shaqaynayaa ilaa { $date } oo hal mar ayaa la isticmaali karaa.
account-sent-no-smtp = Ma jiro server iimayl oo la dejiyay, sidaas darteed iimaylka weli lama diri karo. Koobiyee xiriirka oo qofka si kale u sii.
account-sent-link = Xiriir hal mar ah

account-reset-title = Fure sir ah oo cusub
account-reset-intro = Dir xiriir uu isticmaaluhu ka doorto fure sir ah oo cusub. Xiriirku wuu shaqaynayaa 24 saacadood. Furihii hore wuu shaqaynayaa ilaa xiriirka la isticmaalo.
account-reset-send = Dir xiriirka furaha cusub

account-link-welcome-title = Ku soo dhawoow Brygga
account-link-welcome-intro = Dooro fure sir ah oo akoonkaaga ah.
account-link-reset-title = Dooro fure sir ah oo cusub
account-link-reset-intro = Dooro fure sir ah oo cusub. Waa lagaa saari doonaa meel kasta oo aad ku jirtay.
account-link-login-name = Waxaad ku galaysaa { $email }.
account-link-set-password = Kaydi furaha oo gal
account-link-expired-title = Xiriirku waa dhacay
account-link-expired = Xiriirku hadda ma shaqaynayo. Isku-duwahaaga ama maamulaha ka codso mid cusub.
account-link-used-title = Xiriirka horay ayaa loo isticmaalay
account-link-used = Xiriirka horay ayaa loo isticmaalay. Ku gal furahaaga sirta ah, ama codso xiriir cusub haddii aad ilowday.
account-link-unknown-title = Xiriirku sax ma aha
account-link-unknown = Xiriirka lama yaqaan ama mid cusub ayaa beddelay. Isticmaal xiriirkii ugu dambeeyay ee aad heshay, ama codso mid cusub.

account-mail-invite-subject = Casuumaad Brygga
account-mail-invite-body = Waxaa lagugu casuumay Brygga, halkaas oo tababarka shaqada lagu isku-duwo. Fur xiriirka hoose oo dooro fure sir ah.
account-mail-reset-subject = Fure sir ah oo cusub oo Brygga ah
account-mail-reset-body = Qof ayaa codsaday fure sir ah oo cusub akoonkaaga Brygga. Fur xiriirka hoose oo dooro mid cusub.
account-mail-greeting = Salaan { $name }!
account-mail-expires = Xiriirku wuu shaqaynayaa ilaa { $date } oo hal mar ayaa la isticmaali karaa.
account-mail-ignore = Haddii aadan filayn iimaylkan, waad iska dhaafi kartaa.

user-edit = Wax ka beddel isticmaalaha
hint-new-user-role = Waxaa horay loo doortay doorka xuquuqda ugu yar leh (qiimeeye). Dooro doorka uu qofku u baahan yahay.

error-invite-linked = Diiwaanku horay ayuu akoon u leeyahay. Marka hore ka jar.
error-invite-email-taken = Horay ayaa akoon cinwaankaas leh u jira. Taa beddelkeed ku xir akoonka jira.
error-link-no-user = Ma jiro akoon cinwaankaas leh.
error-link-role = Akoonku wuxuu leeyahay door ka duwan kan diiwaanku u baahan yahay.
error-link-other-employer = Akoonku wuxuu ka tirsan yahay loo-shaqeeye kale.
error-link-taken = Akoonka horay ayaa loogu xiray diiwaan kale.
error-reset-inactive = Isticmaalaha waa la xiray. Marka hore fur.
error-role-self = Ma ka saari kartid doorkaaga maamulaha.
user-tokens = Furayaasha API
