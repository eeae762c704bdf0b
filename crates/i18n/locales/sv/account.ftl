# account: logins for the people in the records — invitations, links to records, password resets

account-login = Inloggning
account-linked = Inloggning: { $email }
account-none = Ingen inloggning
account-invited-until = Inbjuden – länken gäller till { $date }
account-invite = Bjud in till inloggning
account-invite-again = Bjud in igen
account-invite-staff = Bjud in utbildningsanordnare eller handläggare
account-unlink = Koppla bort inloggningen
account-back = Tillbaka

invite-kind-supervisor = Handledare
invite-kind-employer_contact = Kontaktperson
invite-kind-participant = Deltagare
invite-kind-staff = Personal utan post i registret (utbildningsanordnare, handläggare)

account-invite-title = Bjud in till inloggning
account-invite-intro = Personen får ett e-brev med en länk som gäller i sju dagar och kan användas en gång. Där väljer hon ett lösenord och loggas in. En ny inbjudan ersätter den förra.
account-invite-send = Skicka inbjudan
field-invite_lang = Språk i e-brevet
account-link-title = Koppla en befintlig inloggning
account-link-intro = Har personen redan en inloggning med rätt roll? Ange dess e-postadress så kopplas den till posten.
field-link_email = E-postadress för inloggningen
account-link-submit = Koppla

account-invite-sent-title = Inbjudan skickad
account-reset-sent-title = Länk för nytt lösenord skickad
account-sent-to = Ett e-brev till { $email } ligger i utkorgen.
account-sent-expires = Länken gäller till { $date } och kan användas en gång.
account-sent-no-smtp = Ingen e-postserver är inställd, så e-brevet kan inte skickas än. Kopiera länken och ge den till personen på annat sätt.
account-sent-link = Engångslänk

account-reset-title = Nytt lösenord
account-reset-intro = Skicka en länk där användaren väljer ett nytt lösenord. Länken gäller i 24 timmar. Det gamla lösenordet fungerar tills länken används.
account-reset-send = Skicka länk för nytt lösenord

account-link-welcome-title = Välkommen till Brygga
account-link-welcome-intro = Välj ett lösenord för din inloggning.
account-link-reset-title = Välj ett nytt lösenord
account-link-reset-intro = Välj ett nytt lösenord. Du loggas ut överallt där du var inloggad.
account-link-login-name = Du loggar in med { $email }.
account-link-set-password = Spara lösenordet och logga in
account-link-expired-title = Länken har gått ut
account-link-expired = Länken gäller inte längre. Be din koordinator eller administratör om en ny.
account-link-used-title = Länken är redan använd
account-link-used = Länken har redan använts. Logga in med ditt lösenord, eller be om en ny länk om du har glömt det.
account-link-unknown-title = Länken gäller inte
account-link-unknown = Länken är okänd eller har ersatts av en nyare. Använd den senaste länken du fått, eller be om en ny.

account-mail-invite-subject = Inbjudan till Brygga
account-mail-invite-body = Du är inbjuden till Brygga, där praktiken samordnas. Öppna länken nedan och välj ett lösenord.
account-mail-reset-subject = Nytt lösenord till Brygga
account-mail-reset-body = Någon har bett om ett nytt lösenord för din inloggning i Brygga. Öppna länken nedan och välj ett nytt.
account-mail-greeting = Hej { $name }!
account-mail-expires = Länken gäller till { $date } och kan användas en gång.
account-mail-ignore = Om du inte väntade dig det här kan du bortse från brevet.

user-edit = Ändra användare
hint-new-user-role = Förvald är rollen med minst behörighet (utvärderare). Välj den roll personen behöver.

error-invite-linked = Posten har redan en inloggning. Koppla bort den först.
error-invite-email-taken = Det finns redan en inloggning med den adressen. Koppla den befintliga inloggningen i stället.
error-link-no-user = Det finns ingen inloggning med den adressen.
error-link-role = Inloggningen har en annan roll än posten kräver.
error-link-other-employer = Inloggningen hör till en annan arbetsgivare.
error-link-taken = Inloggningen är redan kopplad till en annan post.
error-reset-inactive = Användaren är inaktiverad. Aktivera den först.
error-role-self = Du kan inte ta bort din egen administratörsroll.
user-tokens = API-nycklar
