# Brygga – the interface in Ukrainian.
# auth: signing in and changing one's password

login-title = Увійти
login-submit = Увійти
password-title = Змінити пароль
password-saved = Ваш пароль змінено.

field-current = Поточний пароль
field-new = Новий пароль (щонайменше 12 символів)
