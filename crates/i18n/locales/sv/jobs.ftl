# jobs: the email queue (admins) and the test email

job-status-queued = I kö
job-status-running = Skickas
job-status-done = Skickat
job-status-failed = Misslyckat

jobs-intro = E-post som Brygga skickar (intervjuinbjudningar, bekräftelser) står här tills den är skickad. Ett misslyckat utskick försöker Brygga igen; efter sista försöket står det kvar som misslyckat tills du försöker igen.
jobs-no-smtp = Ingen SMTP-server är inställd: e-posten ligger kvar i kön och skickas inte. Ange BRYGGA_SMTP_URL och starta om Brygga.
jobs-smtp-on = E-post skickas via den inställda SMTP-servern.
jobs-filter-status = Status
jobs-col-id = Nr
jobs-col-status = Status
jobs-col-attempts = Försök
jobs-col-next-run = Nästa försök
jobs-col-recipients = Mottagare
jobs-col-subject = Ämne
jobs-col-created = Skapad
jobs-col-last-error = Senaste fel
jobs-col-action = Åtgärd
jobs-retry = Försök igen
jobs-retry-label = Försök igen med utskick nr { $id }
jobs-none = Inga utskick.

jobs-test-heading = Testa utskicket
jobs-test-hint = Lägger ett testmejl i kön till din egen adress, { $address }.
jobs-test-send = Skicka ett testmejl
jobs-test-no-address = Ditt konto har ingen giltig e-postadress att skicka testmejlet till.

mail-test-subject = Testmejl från Brygga – åäö fungerar
mail-test-body = Det här är ett testmejl från Brygga ({ $url }). Kommer det fram är e-postutskicket rätt inställt.
