## A programme's log of lessons and challenges (Care Vårda's "lärdomar och utmaningar").

nav-lessons = Lessons
lesson-title = Lessons and challenges
lesson-intro = The project's running log: what you have learned and what you have run into, and what you do about it. It is used in the evaluation and the project report. Write about situations, not about individual participants.
lesson-kind-lesson = Lesson
lesson-kind-challenge = Challenge
lesson-add = New entry
lesson-save = Save
lesson-edit = Change
lesson-none = No entries yet.
lesson-all-programmes = All programmes
lesson-filter = Show
lesson-by = { $name }, changed { $date }
lesson-field-programme = Programme
lesson-field-kind = Kind
lesson-field-noted-on = Date
lesson-field-text = What happened, or what did you learn?
lesson-field-action = What do you do about it?
lesson-error-future = The date cannot be in the future.
