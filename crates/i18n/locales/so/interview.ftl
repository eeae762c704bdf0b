# Brygga – Somali (af-Soomaali).
# interview: interviews, their invitation emails and the interview guide

# Also the candidate pool's link to an interview.
pool-interview = Waraysi
pool-book-title = Ballanso waraysi
pool-book-send = Ballanso oo dir casuumaadaha
pool-booked = Waraysiga waa la ballansaday, casuumaadahana waa la dirayaa.
pool-when = Waqti
pool-swedish-time = Waqtiga Iswiidhan
pool-swedish-time-hint = Waqtiyada ku qor waqtiga Iswiidhan.
pool-candidate = Musharrax
pool-invited = La casuumay
pool-role-candidate = musharrax
pool-record-outcome = Sidee buu waraysigu u dhacay?
pool-save-outcome = Kaydi natiijada
pool-cancel-interview = Jooji waraysiga

# Interview outcomes, also shown in the candidate pool.
interview-outcome-pending = Weli lama qaban
interview-outcome-passed = Waa lagu guulaystay
interview-outcome-failed = Laguma guulaysan
interview-outcome-no_show = Ma iman
interview-outcome-cancelled = La joojiyay
attendee-role-employer = loo-shaqeeye
attendee-role-supervisor = hage
attendee-role-coordinator = isku-duwe
attendee-role-interpreter = turjumaan
attendee-role-other = kale

col-role = Door
field-starts_at = Bilow
field-ends_at = Dhammaad
field-location = Goob
field-meeting_link = Xiriirka kulanka (link)
field-attendees = Dadka waraysiga joogaya
hint-attendees = Magac, iimayl iyo door. Qof kastaa wuxuu helayaa casuumaad leh fayl kalandar; musharraxa si toos ah ayaa loo casuumayaa.
field-outcome = Natiijo
field-outcome_note = Faallo

pool-error-datetime = Ku qor taariikh iyo waqti, tusaale ahaan 2027-03-05 10:00.
pool-error-in-past = Waqtigaas waa tagay. Dooro waqti soo socda.
pool-error-end-before-start = Dhammaadku waa inuu ka dambeeyaa bilowga.
pool-error-too-long = Waraysigu wuxuu socon karaa ugu badnaan siddeed saacadood.
pool-error-place-or-link = Ku qor goob, xiriirka kulanka ama labadaba.
pool-error-link = Xiriirka kulanku waa inuu noqdaa cinwaan websayd oo ku bilaabma https://.
pool-error-attendee = Saf kastaa wuxuu u baahan yahay magac iyo cinwaan iimayl oo sax ah.
pool-error-attendee-twice = Isla cinwaanka iimaylka ayaa ku jira laba saf.
pool-error-no-attendees = Casuun ugu yaraan hal qof oo loo-shaqeeyaha ka socda.
pool-error-overlap-participant = Musharraxu horay ayuu u leeyahay waraysi waqtigan ku dhacaya.
pool-error-overlap-attendee = Qof la casuumay ayaa horay u leh waraysi waqtigan ku dhacaya.
pool-error-not-bookable = Musharraxa hadda looma tixgelinayo waraysi.
pool-error-not-confirmed = Xaqa waa inay Arbetsförmedlingen xaqiijisaa ka hor inta aan waraysiga la ballansan.
pool-not-confirmed-hint = Barnaamijku wuxuu Arbetsförmedlingen ka hubiyaa in musharraxu xaq u leeyahay, wuxuuna diiwaangeliyaa xaqiijinta ka hor inta aan waraysiga la ballansan.
pool-not-confirmed-link = Diiwaangeli xaqiijinta Arbetsförmedlingen
pool-error-not-pending = Waxaa la joojin karaa oo keliya waraysi aan weli dhicin.
pool-error-outcome = Dooro sida waraysigu u dhacay.
pool-error-cancelled = Waraysiga waa la joojiyay; natiijo lama diiwaangelin karo.

pool-mail-greeting = Salaan { $name },
pool-mail-subject = Casuumaad waraysi: { $title }
pool-mail-booked-subject = Waraysi la ballansaday: { $title }
pool-mail-cancelled-subject = Waraysi la joojiyay: { $title }
pool-mail-intro = Waxaa laguu casuumay waraysi ku saabsan tababarka shaqada { $title }.
pool-mail-intro-participant = Waxaa laguu casuumay waraysi ku saabsan tababarka shaqada { $title }. U sheeg isku-duwahaaga haddii aad u baahan tahay turjumaan ama aadan iman karin.
pool-mail-booked-intro = Waxaad ballansatay waraysi ku saabsan tababarka shaqada { $title }. Casuumaadaha waxaa loo diray dhammaan dadka hoose.
pool-mail-cancelled-intro = Waraysiga ku saabsan tababarka shaqada { $title } waa la joojiyay.
pool-mail-guide-attached = Hagaha waraysiga waa lagu lifaaqay.

# The interview guide, also linked from the candidate pool.
guide-title = Hagaha waraysiga
guide-filename = hagaha-waraysiga.txt
guide-intro = Waraysiga tababarka shaqadu waa wada-hadal ku saabsan waxa la filayo, ma aha imtixaan. Musharraxu waxaa laga yaabaa inuu Iswiidhishka ugu hadlo luqad labaad: si degan u hadal, isticmaal erayo fudud oo sii waqti uu ku jawaabo.
guide-step-1-title = Diyaargarow
guide-step-1-text = Akhri kaarka musharraxa. Go'aami cidda hogaaminaysa wada-hadalka, haddii loo baahdana waqti hore ballanso turjumaan.
guide-step-2-title = Soo dhawayn
guide-step-2-text = Is baro oo sheeg goobta shaqada. Sheeg inta uu waraysigu qaadanayo iyo waxa dhacaya kadib.
guide-step-3-title = Sharax tababarka shaqada
guide-step-3-text = Sharax hawlaha, saacadaha shaqada, hagaha iyo waxa ku jira maalin caadi ah.
guide-step-4-title = Weydii khibradda
guide-step-4-text = Weydii su'aalo furan oo ku saabsan shaqadii hore, waxbarashada iyo waxa musharraxu doonayo inuu barto. Ha weydiin caafimaadka, diinta, qoyska ama wax kale oo aan shaqada la xiriirin.
guide-step-5-title = Ka jawaab su'aalaha
guide-step-5-text = Sii musharraxa waqti uu wax ku weydiiyo. Hubi inaad is fahanteen.
guide-step-6-title = Dhammayn
guide-step-6-text = Sheeg goorta musharraxa jawaab la siinayo. Isla maalintaas ku diiwaangeli natiijada Brygga.
