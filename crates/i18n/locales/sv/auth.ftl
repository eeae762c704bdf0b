# auth: signing in and changing one's password

login-title = Logga in
login-submit = Logga in
password-title = Byt lösenord
password-saved = Lösenordet är bytt.

field-current = Nuvarande lösenord
field-new = Nytt lösenord (minst 12 tecken)
