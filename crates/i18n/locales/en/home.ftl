# home: the overview page

home-title = Overview
home-published-placements = published placements
