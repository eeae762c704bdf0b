# Brygga – Somali (af-Soomaali).
# auth: signing in and changing one's password

login-title = Gal
login-submit = Gal
password-title = Beddel furaha sirta ah
password-saved = Furahaaga sirta ah waa la beddelay.

field-current = Furaha sirta ah ee hadda
field-new = Furaha sirta ah ee cusub (ugu yaraan 12 xaraf)
