# Brygga – Somali (af-Soomaali).
# home: the overview page

home-title = Guudmar
home-published-placements = boosaska tababarka ee la daabacay
home-placements-to-review = boosaska tababarka ee loo diray dib-u-eegis
