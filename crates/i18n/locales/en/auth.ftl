# auth: signing in and changing one's password

login-title = Log in
login-submit = Log in
password-title = Change password
password-saved = Your password has been changed.

field-current = Current password
field-new = New password (at least 12 characters)
