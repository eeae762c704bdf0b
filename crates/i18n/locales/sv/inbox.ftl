# inbox: the coordinators' inbox of interests from the portal

# Reported by the inbox when an interest is marked as registered.
error-portal-participant-required = Ange deltagarens id för att markera anmälan som registrerad.
error-portal-participant-unknown = Det finns ingen deltagare med det id:t som du har tillgång till.

interest-status-new = Ny
interest-status-handled = Hanterad
interest-status-dismissed = Avvisad
interest-status-registered = Registrerad som deltagare

inbox-status = Status
inbox-received = Inkommen
inbox-name = Namn
inbox-placement = Praktikplats
inbox-back = Tillbaka till inkorgen
inbox-participant-link = Visa deltagaren
inbox-consent = Samtycke
inbox-handled = Hanterad
inbox-register = Registrera som deltagare
inbox-decide = Hantera anmälan
inbox-participant-id = Deltagarens id
inbox-participant-hint = Bara när anmälan har registrerats som deltagare.
