# Brygga – the interface in Ukrainian.
# learning: the intern's checklist, the progress log, the assessments, the development plan and
# the programme's checklist template (pages the participant reads in her language)

learning-tabs = Сторінки практики
learning-checklist = Контрольний список
learning-log = Щоденник
learning-assessments = Оцінки
learning-plan = План розвитку
learning-hub-none = Ваша практика з'явиться тут, коли вона почнеться.
learning-checklist-empty = У контрольному списку ще немає цілей.
learning-draw = Взяти цілі з вимог до роботи та шаблону
learning-draw-hint = Завдання й потрібні знання з вимог до роботи на місці практики (kravprofil), а також шаблон програми стають цілями в контрольному списку. Те, що вже є, не додається вдруге.
learning-drawn = { $count ->
    [one] Додано { $count } критерій.
    [few] Додано { $count } критерії.
    [many] Додано { $count } критеріїв.
   *[other] Додано { $count } критерію.
}
learning-goal-tasks = Завдання
learning-goal-skills = Знання
learning-status-achieved = Досягнуто
learning-status-in_progress = У процесі
learning-status-not_yet = Ще ні
learning-status-none = Ще не оцінено
learning-source-task = Завдання
learning-source-skill = Знання
learning-source-template = Шаблон
learning-source-own = Власне
learning-history = Історія ({ $count })
learning-tick-open = Позначити
learning-tick-legend = Як у вас виходить?
learning-tick = Зберегти
learning-field-on = Дата
learning-field-comment = Коментар
learning-field-goal = Ціль
learning-field-criterion = Критерій
learning-hint-criterion = Що практикант уміє робити, коли ціль досягнуто, наприклад «Пакує замовлення за списком комплектації».
learning-criterion-edit = Змінити
learning-criterion-remove = Вилучити з контрольного списку
learning-criterion-add = Додати критерій
learning-entry-write = Написати в щоденник
learning-field-did = Що я робив / робила
learning-field-learned = Чого я навчився / навчилася
learning-field-words = Нові слова
learning-hint-words = Пишіть будь-якою мовою, наприклад «hylla – полиця».
learning-field-photo = Фото (за бажанням)
learning-hint-photo = JPEG або PNG, не більше 10 MiB. Місце, де зроблено фото, не зберігається.
learning-field-share = Показати контактній особі роботодавця
learning-hint-share = Ваш наставник і координатор завжди бачать щоденник.
learning-entry-send = Надіслати
learning-draft-kept = Те, що ви написали минулого разу, збережено. Надішліть, коли буде інтернет.
learning-entries = Записи
learning-entries-none = Записів ще немає.
learning-shared = бачить роботодавець
learning-photo-alt = Фото з практики
learning-comment = Коментар
learning-comment-send = Прокоментувати
learning-scale = Шкала 1–4
learning-level-1 = Ще ні
learning-level-1-help = Ще не вміє цього робити або робить це тільки тоді, коли хтось показує кожен крок.
learning-level-2 = З підтримкою
learning-level-2-help = Робить це з допомогою або з нагадуваннями.
learning-level-3 = Самостійно
learning-level-3-help = Робить це самостійно, правильно і вчасно.
learning-level-4 = Дуже добре
learning-level-4-help = Робить це самостійно, навіть коли щось нове, і може показати іншим.
learning-kind-mid = Проміжна оцінка
learning-kind-end = Підсумкова оцінка
learning-assess-mid = Зробити проміжну оцінку
learning-assess-end = Зробити підсумкову оцінку
learning-self-mid = Оцініть себе (середина практики)
learning-self-end = Оцініть себе (кінець практики)
learning-assessor-supervisor = Наставник
learning-assessor-participant = Учасник (самооцінка)
learning-generic-initiative = Ініціативність
learning-generic-punctuality = Пунктуальність
learning-generic-responsibility = Відповідальність
learning-generic-cooperation = Уміння співпрацювати
learning-field-evidence = Що ви помітили (підтвердження)
learning-field-own-words = Своїми словами (за бажанням)
learning-sign = Зберегти й підписати
learning-sign-hint = Підписану оцінку заблоковано. Якщо потім її змінити, це буде нова версія.
learning-signed = Підписано
learning-saved = Збережено
learning-locked = Оцінку заблоковано. Зміна стане новою версією.
learning-revise = Змінити (нова версія)
learning-revision = версія { $n }
learning-earlier = Попередні версії
learning-not-yet-made = ще не зроблено
learning-next-step = Ваш наступний крок
learning-no-next-step = Зараз немає запланованих кроків.
learning-due = до { $date }
learning-done-on = виконано { $date }
learning-standing = Вимоги до роботи і як у вас справи
learning-standing-met = { $count ->
    [one] Досягнуто { $count } ціль
    [few] Досягнуто { $count } цілі
    [many] Досягнуто { $count } цілей
   *[other] Досягнуто { $count } цілі
}
learning-standing-progressing = { $count ->
    [one] { $count } ціль у процесі
    [few] { $count } цілі в процесі
    [many] { $count } цілей у процесі
   *[other] { $count } цілі в процесі
}
learning-standing-gap = { $count ->
    [one] Залишилася { $count } ціль
    [few] Залишилися { $count } цілі
    [many] Залишилося { $count } цілей
   *[other] Залишилося { $count } цілі
}
learning-steps = Кроки до роботи
learning-steps-none = Кроків ще немає.
learning-step-done = Виконано
learning-step-undo = Не виконано
learning-step-edit = Змінити крок
learning-step-remove = Вилучити
learning-step-add = Додати крок
learning-field-step = Крок
learning-hint-step = Пишіть просто, щоб учасник зрозумів, наприклад «Отримати посвідчення водія навантажувача A».
learning-field-owner = Хто це робить
learning-field-due_on = До
learning-owner-participant = Ви
learning-owner-you = Ви
learning-owner-coordinator = Координатор
learning-owner-supervisor = Наставник
learning-owner-employer = Роботодавець
learning-owner-teacher = Викладач
learning-template = Шаблон контрольного списку програми
learning-template-hint = Один критерій на рядок: «ціль: критерій», наприклад «Безпека: Дотримується правил щодо захисного спорядження». Шаблон стає частиною кожного нового контрольного списку.
learning-template-saved = Шаблон збережено.
learning-error-future = Дата не може бути пізніше сьогоднішньої.
learning-error-before-start = Дата раніше за початок практики.
learning-error-closed = Практика завершилася понад 14 днів тому: оцінки й позначки вже не можна змінити.
learning-error-not-started = Практика ще не почалася.
learning-error-criterion-gone = Цього критерію вже немає в контрольному списку.
learning-error-other-intern = Цей критерій належить до контрольного списку іншого практиканта.
learning-error-empty-entry = Напишіть щось або додайте фото.
learning-error-photo-type = Фото має бути зображенням JPEG або PNG.
learning-error-photo-size = Фото завелике: не більше 10 MiB.
learning-error-level = Виберіть рівень від 1 до 4.
learning-error-level-required = Виберіть рівень.
learning-error-evidence = Напишіть, що ви помітили, як підтвердження.
learning-error-incomplete = Оцінку збережено, але не підписано: у кожному рядку потрібні рівень і підтвердження.
learning-error-signed = Оцінку підписано й заблоковано. Щоб змінити її, виберіть «Змінити (нова версія)».
learning-error-nothing-to-sign = Спершу збережіть оцінку.
learning-error-not-your-step = Тільки координатор може позначити цей крок.
learning-error-template-line = Кожен рядок має бути у формі «ціль: критерій».
