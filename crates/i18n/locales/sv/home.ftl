# home: the overview page

home-title = Översikt
home-published-placements = publicerade praktikplatser
