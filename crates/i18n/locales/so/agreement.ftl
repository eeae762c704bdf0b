# Brygga – Somali (af-Soomaali).
# agreement: collaboration and internship agreements

agreements-title = Heshiisyada
agreements-none = Weli heshiis ma jiro.
agreements-new = Heshiis cusub
agreements-no-candidacy = Ka-qaybgalaha weli looma soo jeedin boos tababar. Heshiiska tababarka shaqadu wuxuu u baahan yahay in boosaas loo soo jeediyo.
agreements-create-collaboration = Samee heshiis iskaashi
agreements-create-internship = Samee heshiis tababar shaqo

agreement-kind-collaboration = Heshiis iskaashi
agreement-kind-internship = Heshiis tababar shaqo

agreement-field-kind = Heshiis
agreement-field-parties = Dhinacyada
agreement-field-status = Xaalad
agreement-field-signed_on = La saxiixay
agreement-field-placement_id = Boos tababar
agreement-field-supervisor_id = Hage (handledare)
agreement-field-document = Dukumentiga heshiiska
agreement-field-signed_copy = Nuqul la saxiixay
agreement-field-file = Heshiis la saxiixay (fayl)
agreement-hint-file = PDF, PNG ama JPEG, ugu badnaan 10 MiB.
agreement-no-document = Weli ma jiro
agreement-upload-title = Soo geli heshiiska la saxiixay

agreement-action-generate = Samee PDF
agreement-action-sent = Calaamadee in la diray
agreement-action-signed = Soo geli oo calaamadee in la saxiixay
agreement-action-end = Dhammee heshiiska
agreement-action-cancel = Jooji heshiiska

agreement-error-not-generated = Samee dukumentiga heshiiska (PDF) ka hor intaadan calaamadeyn in heshiiska la diray.
agreement-error-transition = Taasi suurtagal ma aha xaaladda hadda heshiisku ku jiro.
agreement-error-exists = Horay ayaa u jira heshiis furan oo noocan ah.
agreement-error-not-proposed = Ka-qaybgalaha looma soo jeedin boosan (ama soo jeedinta waa la diiday ama waa la laabtay).
agreement-error-supervisor = Dooro hage u shaqeeya loo-shaqeeyaha boosku leeyahay.
