# learning: the intern's checklist, the progress log, the assessments, the development plan and
# the programme's checklist template (pages the participant reads in her language)

learning-tabs = Internship pages
learning-checklist = Checklist
learning-log = Progress log
learning-assessments = Assessments
learning-plan = Development plan
learning-hub-none = Your internship shows here once it has started.
learning-checklist-empty = The checklist has no goals yet.
learning-draw = Take goals from the requirement profile and the template
learning-draw-hint = The tasks and required skills of the placement's requirement profile (kravprofil), and the programme's template, become goals on the checklist. What is already there is not added again.
learning-drawn = { $count ->
    [one] One criterion was added.
   *[other] { $count } criteria were added.
}
learning-goal-tasks = Tasks
learning-goal-skills = Skills
learning-status-achieved = Achieved
learning-status-in_progress = In progress
learning-status-not_yet = Not yet
learning-status-none = Not assessed yet
learning-source-task = Task
learning-source-skill = Skill
learning-source-template = Template
learning-source-own = Own
learning-history = History ({ $count })
learning-tick-open = Tick off
learning-tick-legend = How is it going?
learning-tick = Save
learning-field-on = Date
learning-field-comment = Comment
learning-field-goal = Goal
learning-field-criterion = Criterion
learning-hint-criterion = What the intern can do when the goal is reached, for example "Packs an order from the pick list".
learning-criterion-edit = Change
learning-criterion-remove = Remove from the checklist
learning-criterion-add = Add a criterion
learning-entry-write = Write in the log
learning-field-did = What I did
learning-field-learned = What I learned
learning-field-words = New words
learning-hint-words = Write in any language, for example "hylla – shelf".
learning-field-photo = Photo (optional)
learning-hint-photo = JPEG or PNG, at most 10 MiB. The place where the photo was taken is not kept.
learning-field-share = Show to the employer's contact person
learning-hint-share = Your supervisor and coordinator always see the log.
learning-entry-send = Send
learning-draft-kept = What you wrote last time is still here. Send it when you have a connection.
learning-entries = Entries
learning-entries-none = No entries yet.
learning-shared = shown to the employer
learning-photo-alt = Photo from the internship
learning-comment = Comment
learning-comment-send = Comment
learning-scale = The scale 1–4
learning-level-1 = Not yet
learning-level-1-help = Cannot do it yet, or only when someone shows every step.
learning-level-2 = With support
learning-level-2-help = Does it with help or reminders.
learning-level-3 = Independently
learning-level-3-help = Does it alone, correctly and on time.
learning-level-4 = Very well
learning-level-4-help = Does it alone even when something is new, and can show others.
learning-kind-mid = Mid-point assessment
learning-kind-end = End assessment
learning-assess-mid = Make the mid-point assessment
learning-assess-end = Make the end assessment
learning-self-mid = Assess yourself (mid-point)
learning-self-end = Assess yourself (end)
learning-assessor-supervisor = The supervisor
learning-assessor-participant = The participant herself
learning-generic-initiative = Initiative
learning-generic-punctuality = Punctuality
learning-generic-responsibility = Responsibility
learning-generic-cooperation = Cooperation
learning-field-evidence = What you have seen (evidence)
learning-field-own-words = In your own words (optional)
learning-sign = Save and sign
learning-sign-hint = A signed assessment is locked. A change after that becomes a new version.
learning-signed = Signed
learning-saved = Saved
learning-locked = It is locked. A change becomes a new version.
learning-revise = Change (new version)
learning-revision = version { $n }
learning-earlier = Earlier versions
learning-not-yet-made = not made yet
learning-next-step = Your next step
learning-no-next-step = No steps are planned right now.
learning-due = by { $date }
learning-done-on = done { $date }
learning-standing = The requirement profile and how it is going
learning-standing-met = { $count ->
    [one] One goal reached
   *[other] { $count } goals reached
}
learning-standing-progressing = { $count ->
    [one] One goal in progress
   *[other] { $count } goals in progress
}
learning-standing-gap = { $count ->
    [one] One goal to go
   *[other] { $count } goals to go
}
learning-steps = Steps towards work
learning-steps-none = No steps yet.
learning-step-done = Done
learning-step-undo = Not done
learning-step-edit = Change the step
learning-step-remove = Remove
learning-step-add = Add a step
learning-field-step = Step
learning-hint-step = Write plainly, so that the participant understands, for example "Take the forklift licence A".
learning-field-owner = Who does it
learning-field-due_on = By
learning-owner-participant = The participant
learning-owner-you = You
learning-owner-coordinator = The coordinator
learning-owner-supervisor = The supervisor
learning-owner-employer = The employer
learning-owner-teacher = The teacher
learning-template = The programme's checklist template
learning-template-hint = One criterion a line: "goal: criterion", for example "Safety: Follows the routines for protective equipment". The template becomes part of every new checklist.
learning-template-saved = The template is saved.
learning-error-future = The date cannot be later than today.
learning-error-before-start = The date is before the internship's start.
learning-error-closed = The internship ended more than 14 days ago: assessments and ticks can no longer be changed.
learning-error-not-started = The internship has not started yet.
learning-error-criterion-gone = The criterion is no longer on the checklist.
learning-error-other-intern = The criterion belongs to another intern's checklist.
learning-error-empty-entry = Write something, or add a photo.
learning-error-photo-type = The photo must be a JPEG or PNG image.
learning-error-photo-size = The photo is too large: at most 10 MiB.
learning-error-level = Choose a level from 1 to 4.
learning-error-level-required = Choose a level.
learning-error-evidence = Write what you have seen as evidence.
learning-error-incomplete = The assessment is saved but not signed: every row needs a level and evidence.
learning-error-signed = The assessment is signed and locked. Choose "Change (new version)" to change it.
learning-error-nothing-to-sign = Save the assessment first.
learning-error-not-your-step = Only the coordinator can mark that step.
learning-error-template-line = Every line needs the form "goal: criterion".
