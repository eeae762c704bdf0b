# Brygga – the interface in Ukrainian.
# home: the overview page

home-title = Огляд
home-published-placements = опублікованих місць практики
home-placements-to-review = місць практики на перевірку
