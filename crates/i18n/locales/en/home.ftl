# home: the overview page

home-title = Overview
home-published-placements = published placements
home-placements-to-review = placements submitted for review
