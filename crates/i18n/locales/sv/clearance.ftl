# clearance: the employment service's confirmation and decision, and sharing a case

clearance-title = Klartecken från Arbetsförmedlingen
clearance-confirmation = Bekräftad målgrupp
clearance-confirmed = Arbetsförmedlingen har bekräftat att deltagaren tillhör målgruppen.
clearance-not-confirmed = Saknar bekräftelse från Arbetsförmedlingen att deltagaren tillhör målgruppen.
clearance-decision = Beslut från Arbetsförmedlingen
clearance-decided = Arbetsförmedlingens beslut är registrerat.
clearance-not-decided = Saknar beslut från Arbetsförmedlingen. Praktiken kan inte börja utan det.
clearance-recorded = Registrerat av
clearance-state = Läge
clearance-active = Gäller
clearance-withdrawn = Återkallat
clearance-withdraw = Återkalla
clearance-confirm-legend = Registrera bekräftelse
clearance-confirm = Spara bekräftelsen
clearance-decision-legend = Registrera beslut
clearance-register = Spara beslutet
clearance-period = Period
clearance-yes = Ja
clearance-no = Nej
clearance-share = Dela ärendet med handläggare
clearance-share-intro = En handläggare på Arbetsförmedlingen ser bara de deltagare vars ärenden delas med hen.
clearance-no-officers = Det finns inga handläggare att dela med.
clearance-shared = ärendet delas
clearance-unshare = Sluta dela
clearance-share-button = Dela ärendet

field-es_officer_name = Handläggare som bekräftade
field-es_confirmed_on = Bekräftat datum
field-es_confirm_note = Anteckning
field-es_reference = Beslutets diarienummer
field-es_decision_date = Beslutsdatum
field-es_period_start = Beslutet gäller från
field-es_period_end = Beslutet gäller till och med
field-es_insured = Försäkrad under praktiken
field-es_compensation = Ersättning
field-es_decision_note = Anteckning
field-officer_id = Handläggare

compensation-none = Ingen ersättning
compensation-aktivitetsstod = Aktivitetsstöd
compensation-utvecklingsersattning = Utvecklingsersättning
compensation-etableringsersattning = Etableringsersättning
compensation-other = Annan ersättning

error-clearance-future = Datumet kan inte ligga i framtiden.
error-clearance-officer = Välj en handläggare i listan.
