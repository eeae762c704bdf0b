# todo: what each role must act on (the home page and the e-mail digest)

todo-title = Att göra
todo-nothing = Inget väntar på dig just nu.
todo-all = Visa alla
todo-new-interests = Nya intresseanmälningar ({ $count })
todo-interview-requests = Arbetsgivare vill intervjua ({ $count })
todo-declined = Avböjda av arbetsgivaren de senaste två veckorna ({ $count })
todo-decisions = Nya beslut från Arbetsförmedlingen ({ $count })
todo-stalled = Deltagare utan nytt steg på 30 dagar ({ $count })
todo-proposed-candidates = Nya föreslagna kandidater ({ $count })
todo-interviews = Kommande intervjuer ({ $count })
todo-agreements-to-sign = Avtal att underteckna ({ $count })
todo-cases-shared = Ärenden som delats med dig ({ $count })
todo-today = I dag ({ $count })
todo-absences = Frånvaro rapporterad den senaste veckan ({ $count })
todo-meetings = Uppföljningsmöten den kommande veckan ({ $count })
todo-actions = Åtgärder att göra inom en vecka ({ $count })
todo-checklists-stale = Checklistor som ingen har rört på två veckor ({ $count })
todo-my-interviews = Dina kommande intervjuer ({ $count })
todo-mail-subject = Brygga: nytt att göra
todo-mail-intro = Det här har tillkommit sedan förra meddelandet:
todo-mail-opt-out = Du kan stänga av e-post från Brygga på
notify-title = Aviseringar
notify-email = Skicka e-post när något nytt väntar på mig
notify-lang = Språk i e-post
notify-saved = Inställningarna är sparade.
