# Brygga – Somali (af-Soomaali).
# journey: the board, a participant's staircase and moving along it

journey-board-title = Looxa
journey-programme = Barnaamij
journey-show-board = Muuji looxa
journey-board-empty = Hadda qofna halkan ma joogo.
journey-board-more = … iyo { $count } kale.
journey-no-programmes = Ma lihid barnaamijyo la muujiyo.

journey-title = Socodka
journey-staircase = Jaranjarada
# journey-done, -now and -next are also used by the compact journey on the participant's page.
journey-done = la dhammeeyay
journey-now = hadda
journey-next = xiga
journey-holds = waa la gaaray
journey-missing = maqan
journey-current = Hadda: { $stage }
# The compact journey shown on the participant's page.
journey-compact-title = Halka aad socodka ka joogto
journey-open = Muuji socodka oo dhan

journey-move = U wareeji heer kale
journey-field-stage = Heer
journey-hint-stage = Horay u socodku wuxuu u baahan yahay dhammaan baraha hubinta ilaa heerkaas, isaga oo ku jira. Dib u noqoshadu waxay u baahan tahay qoraal.
journey-field-note = Qoraal
journey-hint-note = Sababta, haddii aad dib u wareejinayso.
journey-move-button = Wareeji
journey-manual = Baraha hubinta ee la xaqiijinayo
journey-confirm-button = Xaqiiji

journey-history = Taariikh
journey-history-empty = Weli wax dhacay ma jiraan.
journey-col-when = Goorma
journey-col-what = Maxay
journey-col-note = Qoraal
journey-col-who = Yaa
journey-event-stage = Loo wareejiyay { $stage }
journey-event-checkpoint = La xaqiijiyay { $checkpoint }

journey-blocked-manual = Lama xaqiijin: { $label }
journey-blocked-profile_recorded = Xog shakhsi ah lama diiwaangelin (heerka Iswiidhishka, luqadaha, waxbarashada ama khibradda)
journey-blocked-consent_share = Oggolaansho looma hayo in xogta lala wadaago loo-shaqeeyayaasha
journey-blocked-proposed = Looma soo jeedin boos tababar
journey-blocked-interview_booked = Waraysi lama ballansan
journey-blocked-interview_passed = Waraysi lagu guulaystay ma jiro
journey-blocked-eligibility_confirmed = Arbetsförmedlingen ma xaqiijin xaqa
journey-blocked-es_decision = Go'aan kama soo bixin Arbetsförmedlingen
journey-blocked-agreement_signed = Heshiis tababar shaqo oo la saxiixay ma jiro

journey-error-blocked = Wareejinta weli lama samayn karo. Tan ayaa maqan:
journey-error-same-stage = Ka-qaybgaluhu horay ayuu heerkaas u joogaa. Dooro mid kale.
journey-error-note-required = Qor sababta ka-qaybgalaha dib loogu wareejinayo.
# Also reported by the process editor (process.ftl).
journey-error-unknown-checkpoint = Barta hubintu kuma jirto khariidadda barnaamijka.
journey-error-not-manual = Barta hubintaas waxay ka timaadaa diiwaannada, ee ma aha calaamad gacanta lagu sameeyo.
