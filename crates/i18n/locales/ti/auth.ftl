# Brygga – ትግርኛ (Tigrinya).
# auth: signing in and changing one's password

login-title = እተዉ
login-submit = እተዉ
password-title = መሕለፊ ቃል ቀይሩ
password-saved = መሕለፊ ቃልኩም ተቐይሩ ኣሎ።

field-current = ሕጂ ዘሎ መሕለፊ ቃል
field-new = ሓድሽ መሕለፊ ቃል (እንተወሓደ 12 ፊደላት)
