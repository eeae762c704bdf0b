# portal: the public placement portal and its interest form

portal-title = Lediga praktikplatser
portal-intro = Här finns praktikplatser som är öppna just nu. Du behöver inte logga in. Hittar du något som passar kan du anmäla intresse direkt på platsens sida.
portal-search = Sök (yrke, arbetsgivare)
portal-municipality = Kommun
portal-occupation = Yrke
portal-occupation-hint = Skriv eller välj ett yrke, eller de första siffrorna i yrkeskoden.
portal-none = Inga praktikplatser matchar sökningen just nu. Prova att ta bort något filter.
portal-days = { $count } dagar i veckan
portal-hours-week = { $count } timmar i veckan
portal-back = Alla lediga praktikplatser
portal-tasks = Arbetsuppgifter
portal-requirements = Kravprofil
portal-min-swedish = Svenska minst på nivå { $level }
portal-licence = Körkort { $class }
portal-desired = Meriterande
portal-place = Plats
portal-period = Period
portal-hours = Dagar och tider

portal-interest-title = Anmäl intresse
portal-interest-intro = Berätta kort om dig själv. En koordinator hör av sig till dig.
portal-field-name = Namn
portal-contact-hint = Fyll i e-post, telefon eller båda, så att vi kan nå dig.
# portal-field-email, -phone, -languages and -message also label an interest in the inbox; they live
# here, with the form that asks for them.
portal-field-email = E-post
portal-field-phone = Telefon
portal-field-languages = Språk du talar
portal-field-message = Några rader om dig
portal-message-hint = Till exempel vad du har arbetat med och varför platsen passar dig. Högst 1000 tecken.
portal-honeypot = Lämna det här fältet tomt
portal-consent = Jag samtycker till att programmet sparar uppgifterna ovan för att kontakta mig om praktikplatser. Uppgifterna visas bara för programmets koordinatorer, och jag kan när som helst be att de tas bort.
portal-send = Skicka intresseanmälan
portal-thanks-title = Tack för din intresseanmälan
portal-thanks-text = Vi har tagit emot din intresseanmälan till ”{ $title }”. En koordinator hör av sig till dig.
portal-limited-title = För många anmälningar
portal-limited-text = Det har skickats många intresseanmälningar från din anslutning den senaste timmen. Vänta en stund och försök igen.

error-portal-contact-required = Fyll i e-post eller telefon, så att vi kan nå dig.
error-portal-consent-required = Kryssa i rutan för samtycke. Utan ditt samtycke kan vi inte spara anmälan.

portal-events-title = Evenemang som är öppna för alla
portal-events-intro = Träffa arbetsgivare som söker praktikanter, eller kom på en träff. Anmäl dig här.
portal-events-none = Det finns inga öppna evenemang just nu.
portal-events-back = Alla öppna evenemang
portal-events-when = När och var
portal-events-register = Anmäl dig
portal-events-full = Evenemanget är fullt. Anmäl dig ändå, så står du på väntelistan.
portal-events-consent = Jag samtycker till att mina uppgifter sparas för det här evenemanget och att arrangören kontaktar mig om det.
portal-events-send = Skicka anmälan
portal-events-thanks-title = Tack för din anmälan
portal-events-thanks = Du är anmäld till { $title }. En bekräftelse har skickats till din e-post.
portal-events-thanks-waiting = { $title } är fullt, så du står på väntelistan. Du får ett besked om en plats blir ledig.
portal-events-link = Träffa arbetsgivarna på en matchningsträff – se evenemang som är öppna för alla
