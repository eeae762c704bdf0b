## The evaluator's pseudonymised export.

nav-evaluation = Utvärdering
evaluation-title = Utdrag för utvärdering
evaluation-explain = Ett pseudonymiserat utdrag per program för utvärderaren: en rad per deltagare och uppföljningspunkt, med bakgrund, praktik, intyg, avslut och utfall.
evaluation-rule-identifiers = Inga direkta personuppgifter: inga namn, personnummer, adresser, e-post, telefonnummer eller fritext. Datum anges som månad.
evaluation-rule-pseudonyms = Varje person får en pseudonym som bara gäller i det utdraget; ett nytt utdrag ger nya pseudonymer.
evaluation-rule-cells = Kön och åldersgrupp döljs (*) i grupper med färre än { $count } personer.
evaluation-rule-consent = Bara deltagare som samtyckt till att räknas i statistik finns med. Varje utdrag loggas.
evaluation-download = Ladda ner
evaluation-columns = Kolumner
