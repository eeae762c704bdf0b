# Brygga – Arabic. auth: signing in and changing one's password

login-title = تسجيل الدخول
login-submit = تسجيل الدخول
password-title = تغيير كلمة المرور
password-saved = تم تغيير كلمة المرور.

field-current = كلمة المرور الحالية
field-new = كلمة المرور الجديدة (12 حرفًا على الأقل)
