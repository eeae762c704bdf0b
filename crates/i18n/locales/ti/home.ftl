# Brygga – ትግርኛ (Tigrinya).
# home: the overview page

home-title = ሓፈሻዊ ትርኢት
home-published-placements = ዝተዘርግሑ ቦታታት ልምምድ
home-placements-to-review = ንምርመራ ዝተላእኩ ቦታታት ልምምድ
