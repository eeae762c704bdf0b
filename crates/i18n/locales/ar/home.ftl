# Brygga – Arabic. home: the overview page

home-title = نظرة عامة
home-published-placements = أماكن تدريب منشورة
home-placements-to-review = أماكن تدريب مُرسلة للمراجعة
