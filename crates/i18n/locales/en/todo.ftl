# todo: what each role must act on (the home page and the e-mail digest)

todo-title = To do
todo-nothing = Nothing is waiting for you right now.
todo-all = Show all
todo-new-interests = New expressions of interest ({ $count })
todo-interview-requests = Employers asking for an interview ({ $count })
todo-declined = Declined by the employer in the last two weeks ({ $count })
todo-decisions = New decisions from the employment service ({ $count })
todo-stalled = Participants without a new step for 30 days ({ $count })
todo-proposed-candidates = New proposed candidates ({ $count })
todo-interviews = Upcoming interviews ({ $count })
todo-agreements-to-sign = Agreements to sign ({ $count })
todo-cases-shared = Cases shared with you ({ $count })
todo-today = Today ({ $count })
todo-absences = Absences reported in the last week ({ $count })
todo-meetings = Follow-up meetings in the coming week ({ $count })
todo-actions = Actions due within a week ({ $count })
todo-checklists-stale = Checklists nobody has touched for two weeks ({ $count })
todo-my-interviews = Your upcoming interviews ({ $count })
todo-mail-subject = Brygga: new things to do
todo-mail-intro = This has come up since the last message:
todo-mail-opt-out = You can turn off e-mail from Brygga at
notify-title = Notifications
notify-email = E-mail me when something new is waiting for me
notify-lang = Language of e-mail
notify-saved = Your settings are saved.
