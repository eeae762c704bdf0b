# Brygga – the interface in Ukrainian.
# todo: what each role must act on (the home page and the e-mail digest)

todo-title = Що зробити
todo-nothing = Зараз на вас нічого не чекає.
todo-all = Показати все
todo-new-interests = Нові заявки від зацікавлених ({ $count })
todo-interview-requests = Роботодавці хочуть співбесіду ({ $count })
todo-declined = Відхилені роботодавцем за останні два тижні ({ $count })
todo-decisions = Нові рішення від Arbetsförmedlingen ({ $count })
todo-stalled = Учасники без нового кроку 30 днів ({ $count })
todo-follow-up-exit = Результати, які треба внести при завершенні участі ({ $count })
todo-follow-up-week4 = Подальший контакт протягом чотирьох тижнів ({ $count })
todo-follow-up-month3 = Подальший контакт через три місяці ({ $count })
todo-follow-up-month6 = Подальший контакт через шість місяців ({ $count })
todo-proposed-candidates = Нові запропоновані кандидати ({ $count })
todo-interviews = Майбутні співбесіди ({ $count })
todo-agreements-to-sign = Угоди на підпис ({ $count })
todo-cases-shared = Справи, якими з вами поділилися ({ $count })
todo-today = Сьогодні ({ $count })
todo-absences = Відсутність за останній тиждень ({ $count })
todo-meetings = Зустрічі щодо прогресу наступного тижня ({ $count })
todo-actions = Завдання з терміном до тижня ({ $count })
todo-checklists-stale = Чек-листи без змін понад два тижні ({ $count })
todo-my-interviews = Ваші майбутні співбесіди ({ $count })
todo-mail-subject = Brygga: нові справи
todo-mail-intro = Ось що з'явилося після попереднього повідомлення:
todo-mail-opt-out = Ви можете вимкнути листи від Brygga тут:
notify-title = Сповіщення
notify-email = Надсилати мені лист, коли на мене чекає щось нове
notify-lang = Мова листів
notify-saved = Налаштування збережено.
