# Felmeddelanden som visas vid ett fält eller överst i ett formulär.
# Nycklarna skickas från brygga-domain (FieldError::key) och brygga-web.

## Allmänna fält

error-required = Fältet måste fyllas i.
error-too-long = Texten är för lång. Korta den och försök igen.
error-number = Skriv ett heltal med siffror, till exempel 12.
error-out-of-range = Talet ligger utanför det tillåtna intervallet.
error-date = Skriv ett datum som finns, i formen ÅÅÅÅ-MM-DD, till exempel 2025-03-31.
error-invalid-choice = Välj ett av alternativen i listan.
error-period-order = Slutdatumet kan inte vara före startdatumet.

## Personnummer och organisationsnummer

error-personnummer-format = Skriv personnumret eller samordningsnumret som ÅÅÅÅMMDD-NNNN eller ÅÅMMDD-NNNN.
error-personnummer-date = Datumet i personnumret finns inte eller ligger i framtiden.
error-personnummer-checksum = Kontrollsiffran stämmer inte. Kontrollera att personnumret är rätt skrivet.
error-orgnumber-format = Skriv organisationsnumret som NNNNNN-NNNN, till exempel 556036-0793.
error-orgnumber-checksum = Kontrollsiffran stämmer inte. Kontrollera att organisationsnumret är rätt skrivet.
error-duplicate-orgnumber = Det finns redan en organisation med det här organisationsnumret.

## Kontaktuppgifter

error-email = Skriv en giltig e-postadress, till exempel namn@exempel.se.
error-duplicate-email = E-postadressen används redan av ett annat konto.
error-phone = Skriv ett telefonnummer med 7–15 siffror, till exempel 070-123 45 67.

## Språk, yrken och kommuner

error-cefr = Välj en språknivå enligt CEFR, från A1 till C2.
error-sfi = Välj en sfi-kurs: A, B, C eller D.
error-gender = Välj ett av alternativen för kön.
error-ssyk-format = Yrkeskoden ska vara fyra siffror enligt SSYK 2012, till exempel 5321.
error-ssyk-unknown = Okänd yrkeskod (SSYK 2012). Välj ett yrke i listan.
error-municipality-unknown = Okänd kommun. Välj en kommun i listan.

## Sparande och behörighet

error-conflict = Någon annan har sparat ändringar sedan du öppnade sidan. Öppna posten igen för att se de senaste uppgifterna och gör sedan om dina ändringar.
error-not-found = Det du letar efter finns inte eller har tagits bort.
error-forbidden = Du har inte behörighet att göra det här.

## Inloggning och lösenord

error-password-too-short = Lösenordet måste vara minst 12 tecken långt.
error-password-mismatch = Lösenorden är inte lika. Skriv samma lösenord i båda fälten.
error-login-failed = Fel e-postadress eller lösenord.
error-login-throttled = För många misslyckade inloggningsförsök. Vänta en stund och försök igen.
error-csrf = Formuläret har gått ut. Ladda om sidan och försök igen.

## Används av andra delar (registret, lagringen, felsidorna)

error-birth-year-mismatch = Födelseåret stämmer inte med personnumret.
error-duplicate-personnummer = Det finns redan en deltagare med det här personnumret.
error-language-level = Välj en nivå för språket, från A1 till C2.
error-password-wrong = Det nuvarande lösenordet är fel.
error-status-transition = Statusen kan inte ändras till den valda från den nuvarande.
error-internal = Något gick fel hos oss. Försök igen om en stund.
error-title-forbidden = Åtkomst nekad
error-title-not-found = Sidan finns inte
error-title-internal = Något gick fel

error-org-parent = Välj en överordnad organisation på nivån ovanför (region → kommun → program → omgång).
error-deactivate-self = Du kan inte inaktivera ditt eget konto.
error-title-conflict = Ändrad av någon annan
error-title-invalid = Uppgifterna kunde inte sparas
error-invalid = Några uppgifter saknas eller är felaktiga. Gå tillbaka och rätta dem.

error-title-too-large = För stor förfrågan
error-too-large = Det som skickades är för stort. Filer får vara högst 10 MiB. Gå tillbaka och välj en mindre fil.
