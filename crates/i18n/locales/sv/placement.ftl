# placement: the internship placements

placement-new = Ny praktikplats
placement-edit = Ändra praktikplats

field-title = Rubrik
field-ssyk_code = Yrke (SSYK 2012)
field-tasks = Arbetsuppgifter
field-required_skills = Krav
hint-required_skills = Separera med komma.
field-desired_skills = Meriterande
hint-desired_skills = Separera med komma.
field-min_swedish = Lägsta nivå i svenska
field-other_languages = Andra språk som behövs
hint-other_languages = En rad per språk. Tomma rader sparas inte.
field-days_per_week = Dagar per vecka
field-hours_per_week = Timmar per vecka
field-address = Adress
field-period_start = Startdatum
field-period_end = Slutdatum
field-places = Antal platser
field-accommodations = Anpassningar som arbetsplatsen kan erbjuda
field-status = Status
placement-profile = Kravprofil
placement-profile-hint = Det som krävs och det som är meriterande för platsen: matchningen utgår från kravprofilen.
placement-schedule = Schema och plats
