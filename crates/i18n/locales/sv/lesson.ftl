## A programme's log of lessons and challenges (Care Vårdas "lärdomar och utmaningar").

nav-lessons = Lärdomar
lesson-title = Lärdomar och utmaningar
lesson-intro = Projektets löpande logg: vad ni har lärt er och vad ni har stött på, och vad ni gör åt det. Den används i utvärderingen och i projektrapporten. Skriv om situationer, inte om enskilda deltagare.
lesson-kind-lesson = Lärdom
lesson-kind-challenge = Utmaning
lesson-add = Ny anteckning
lesson-save = Spara
lesson-edit = Ändra
lesson-none = Inga anteckningar än.
lesson-all-programmes = Alla program
lesson-filter = Visa
lesson-by = { $name }, ändrad { $date }
lesson-field-programme = Program
lesson-field-kind = Slag
lesson-field-noted-on = Datum
lesson-field-text = Vad hände eller vad lärde ni er?
lesson-field-action = Vad gör ni åt det?
lesson-error-future = Datumet kan inte ligga i framtiden.
