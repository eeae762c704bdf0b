# Brygga – Somali (af-Soomaali).
# Error messages shown beside a field or at the top of a form.

## General fields

error-required = Meeshan waa in la buuxiyaa.
error-too-long = Qoraalku aad buu u dheer yahay. Soo gaabi oo isku day mar kale.
error-number = Ku qor tiro dhan oo lambaro ah, tusaale ahaan 12.
error-out-of-range = Tiradu waxay ka baxsan tahay xadka la oggol yahay.
error-date = Ku qor taariikh jirta, sida YYYY-MM-DD, tusaale ahaan 2025-03-31.
error-invalid-choice = Ka dooro mid ka mid ah liiska.
error-period-order = Taariikhda dhammaadku kama horrayn karto taariikhda bilowga.
error-too-long-60 = Qoraalku aad buu u dheer yahay: ugu badnaan 60 xaraf.
error-too-long-200 = Qoraalku aad buu u dheer yahay: ugu badnaan 200 xaraf.
error-too-long-300 = Qoraalku aad buu u dheer yahay: ugu badnaan 300 xaraf.
error-too-long-500 = Qoraalku aad buu u dheer yahay: ugu badnaan 500 xaraf.
error-too-long-1000 = Qoraalku aad buu u dheer yahay: ugu badnaan 1,000 xaraf.
error-too-long-5000 = Qoraalku aad buu u dheer yahay: ugu badnaan 5,000 xaraf.
error-control-char = Qoraalku wuxuu leeyahay calaamado qarsoon (tusaale ahaan xaraf null ah) oo aan la kaydin karin. Ka saar oo isku day mar kale.
error-search-too-long = Raadintu aad bay u dheer tahay: ugu badnaan 200 xaraf raadi.
error-date-range = Ku qor taariikh u dhexaysa sanadaha 1900 iyo 2100.
error-title-bad-request = Codsiga lama akhrin karin
error-bad-request = Wax ku jira cinwaanka ama foomka lama akhrin karin. Dib u noqo oo isku day mar kale.
error-bad-value = Qiimaha lama akhrin karin. Hubi waxaad qortay.

## Personal identity and organisation numbers

error-personnummer-format = Ku qor lambarka aqoonsiga (personnummer) ama lambarka isku-duwidda sida YYYYMMDD-NNNN ama YYMMDD-NNNN.
error-personnummer-date = Taariikhda ku jirta lambarka aqoonsiga ma jirto ama waa mustaqbal.
error-personnummer-checksum = Lambarka hubinta isma waafaqsana. Hubi in lambarka aqoonsiga si sax ah loo qoray.
error-orgnumber-format = Ku qor lambarka hay'adda sida NNNNNN-NNNN, tusaale ahaan 556036-0793.
error-orgnumber-checksum = Lambarka hubinta isma waafaqsana. Hubi in lambarka hay'adda si sax ah loo qoray.
error-duplicate-orgnumber = Hay'ad leh lambarkan hay'adda ayaa horay u jirta.

## Contact details

error-email = Ku qor cinwaan iimayl oo sax ah, tusaale ahaan name@example.se.
error-duplicate-email = Cinwaankan iimaylka waxaa isticmaala akoon kale.
error-phone = Ku qor lambar telefoon oo leh 7–15 lambar, tusaale ahaan 070-123 45 67.

## Languages, occupations and municipalities

error-cefr = Dooro heerka luqadda CEFR, laga bilaabo A1 ilaa C2.
error-sfi = Dooro koorsada SFI: A, B, C ama D.
error-gender = Dooro mid ka mid ah doorashooyinka jinsiga.
error-ssyk-format = Koodhka shaqadu waa inuu noqdaa afar lambar oo ka mid ah SSYK 2012, tusaale ahaan 5321.
error-ssyk-unknown = Koodh shaqo oo aan la aqoon (SSYK 2012). Ka dooro shaqo liiska.
error-municipality-unknown = Degmo aan la aqoon. Ka dooro degmo liiska.

## Saving and permissions

error-conflict = Qof kale ayaa kaydiyay isbeddello markii aad bogga furtay kadib. Mar kale fur si aad u aragto xogta ugu dambaysay, kadibna mar kale samee isbeddelladaada.
error-not-found = Waxa aad raadinayso ma jiro ama waa la tirtiray.
error-forbidden = Fasax uma lihid inaad tan samayso.

## Sign-in and passwords

error-password-too-short = Furaha sirta ahi waa inuu ahaadaa ugu yaraan 12 xaraf.
error-password-mismatch = Furayaasha sirta ahi isma waafaqsana. Ku qor isla furaha labada meelood.
error-login-failed = Iimaylka ama furaha sirta ah waa khalad.
error-login-throttled = Isku day badan oo gelitaan ah ayaa fashilmay. Wax yar sug oo isku day mar kale.
error-csrf = Foomku waa dhacay. Bogga dib u soo geli oo isku day mar kale.

## Used by other parts (registry, store, error pages)

error-birth-year-mismatch = Sanadka dhalashadu kuma waafaqsana lambarka aqoonsiga.
error-duplicate-personnummer = Ka-qaybgale leh lambarkan aqoonsiga ayaa horay u jira.
error-language-level = Dooro heerka luqadda, laga bilaabo A1 ilaa C2.
error-password-wrong = Furaha sirta ah ee hadda waa khalad.
error-status-transition = Xaaladda hadda jirta looma beddeli karo tan aad dooratay.
error-internal = Cillad ayaa dhinacayaga ka dhacday. Wax yar kadib isku day.
error-title-forbidden = Gelitaan lama oggola
error-title-not-found = Bogga lama helin
error-title-internal = Cillad ayaa dhacday

error-org-parent = Dooro hay'adda sare ee hal heer ka sarreysa (gobol → degmo → barnaamij → koox).
error-deactivate-self = Ma xiri kartid akoonkaaga.
error-title-conflict = Qof kale ayaa beddelay
error-title-invalid = Xogta lama kaydin karin
error-invalid = Xog qaar ayaa maqan ama khaldan. Dib u noqo oo sax.

error-title-too-large = Codsigu aad buu u weyn yahay
error-too-large = Waxa la diray aad buu u weyn yahay. Faylashu waa inay ahaadaan ugu badnaan 10 MiB. Dib u noqo oo dooro fayl ka yar.
