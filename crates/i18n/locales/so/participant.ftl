# Brygga – Somali (af-Soomaali).
# participant: the participant register

unit-years = sano
consent-withdrawn = waa la laabtay

participant-new = Ka-qaybgale cusub
participant-edit = Wax ka beddel ka-qaybgalaha

section-identity = Qofka iyo xiriirka
section-languages = Luqadaha
section-background = Waxbarasho iyo khibrad
section-availability = Waqtiga bannaan iyo baahiyaha

field-first_name = Magaca koowaad
field-last_name = Magaca dambe
field-personnummer = Lambarka aqoonsiga (personnummer) ama lambarka isku-duwidda (ikhtiyaari)
field-phone = Telefoon
field-gender = Jinsi
field-birth_year = Sanadka dhalashada
field-cohort_id = Koox (ikhtiyaari)
field-programme_id = Barnaamij
hint-languages = Hal saf luqad kasta. Safafka banaan lama kaydiyo.
field-sfi_level = Koorsada SFI
field-education_field = Qaybta waxbarashada
field-education_country = Dalka aad wax ku baratay
hint-experience = Hal saf shaqo kasta: shaqada (SSYK 2012, bilow qorista si aad u raadiso), sanadaha iyo dalka.
hint-wished_occupations = Hal shaqo meel kasta (SSYK 2012). Bilow qorista si aad u raadiso; meelaha banaan ayaa kuu oggolaanaya inaad ku darto kuwo kale.
field-max_commute_km = Safarka ugu dheer ee shaqada (km)
field-special_needs = Baahiyo gaar ah (xog xasaasi ah, isku-duwayaasha keliya ayaa arka)
field-needed_accommodations = Waxyaabaha aad uga baahan tahay goobta shaqada (xog xasaasi ah)
field-consents = Oggolaanshaha

col-occupation = Shaqo
col-years = Sanado
col-country = Dal
participant-duplicates-title = Ka-qaybgalahan horay ma loo diiwaangeliyay?
participant-duplicates-text = Ka-qaybgale lama samayn. Kuwan waxay leeyihiin isla magaca iyo sanadka dhalashada, isla iimaylka ama isla lambarka telefoonka. Fur si aad u hubiso, ama calaamadee "Samee si kastaba" oo mar kale kaydi.
participant-duplicates-confirm = Samee si kastaba
participant-duplicates-api = Waxaa jira kuwo laga yaabo inay isku mid yihiin; mar kale dir adigoo leh confirm_duplicate=true si aad si kastaba u samayso.

## Leaving the programme
exit-title = Dhammee ka-qaybgalka
exit-record = Dhammee ka-qaybgalka barnaamijka
exit-explain = Marka ka-qaybgaluhu ka baxo barnaamijka, looma soo jeedin doono boosas tababar lagumana dari doono isku-aadin. Ka bixid si khalad ah loo diiwaangeliyay dib ayaa loo laaban karaa.
exit-left-notice = Wuxuu ka baxay barnaamijka
exit-open = Muuji ka bixidda
exit-recorded-by = waxaa diiwaangeliyay
exit-save = Diiwaangeli ka bixidda
exit-correct = Kaydi isbeddelka
exit-undo = Dib u laab ka bixidda
field-left_on = Maalinta ugu dambaysa ee barnaamijka
field-exit_reason = Sabab
field-exit_note = Faallo
hint-exit_note = Waa lagama maarmaan marka sababtu tahay "Kale". Isku-duwayaasha ayaa arka.
exit-reason-completed = Wuxuu dhammeeyay barnaamijka
exit-reason-work = Shaqo ayuu helay
exit-reason-studies = Waxbarasho ayuu bilaabay
exit-reason-moved = Meel kale ayuu u guuray
exit-reason-discontinued = Wuu joojiyay
exit-reason-other = Kale
exit-error-far-ahead = Ka bixid waxaa la diiwaangelin karaa ugu badnaan laba bilood ka hor.
exit-error-note = Sheeg sababta.
