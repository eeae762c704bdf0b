# home: the overview page

home-title = Översikt
home-published-placements = publicerade praktikplatser
home-placements-to-review = praktikplatser att granska
