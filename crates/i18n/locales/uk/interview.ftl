# Brygga – the interface in Ukrainian.
# interview: interviews, their invitation emails and the interview guide

# Also the candidate pool's link to an interview.
pool-interview = Співбесіда
pool-book-title = Призначити співбесіду
pool-book-send = Призначити й надіслати запрошення
pool-booked = Співбесіду призначено, запрошення надсилаються.
pool-when = Час
pool-swedish-time = за шведським часом
pool-swedish-time-hint = Вказуйте час за шведським часом.
pool-candidate = Кандидат
pool-invited = Запрошені
pool-role-candidate = кандидат
pool-record-outcome = Як пройшла співбесіда?
pool-save-outcome = Зберегти результат
pool-cancel-interview = Скасувати співбесіду

# Interview outcomes, also shown in the candidate pool.
interview-outcome-pending = Ще не відбулася
interview-outcome-passed = Пройдено
interview-outcome-failed = Не пройдено
interview-outcome-no_show = Не прийшов(-ла)
interview-outcome-cancelled = Скасовано
attendee-role-employer = роботодавець
attendee-role-supervisor = наставник
attendee-role-coordinator = координатор
attendee-role-interpreter = перекладач
attendee-role-other = інше

col-role = Роль
field-starts_at = Початок
field-ends_at = Кінець
field-location = Місце
field-meeting_link = Посилання на зустріч
field-attendees = Хто буде на співбесіді
hint-attendees = Ім'я, електронна пошта і роль. Кожен отримає запрошення з файлом календаря; кандидата запрошують автоматично.
field-outcome = Результат
field-outcome_note = Коментар

pool-error-datetime = Вкажіть дату й час, напр. 2027-03-05 10:00.
pool-error-in-past = Цей час уже минув. Виберіть час у майбутньому.
pool-error-end-before-start = Кінець має бути пізніше за початок.
pool-error-too-long = Співбесіда може тривати не більше восьми годин.
pool-error-place-or-link = Вкажіть місце, посилання на зустріч або обидва.
pool-error-link = Посилання на зустріч має бути вебадресою, що починається з https://.
pool-error-attendee = У кожному рядку потрібні ім'я та правильна адреса електронної пошти.
pool-error-attendee-twice = Та сама адреса електронної пошти є у двох рядках.
pool-error-no-attendees = Запросіть щонайменше одну людину від роботодавця.
pool-error-overlap-participant = У кандидата вже є співбесіда, що збігається з цим часом.
pool-error-overlap-attendee = У когось із запрошених уже є співбесіда, що збігається з цим часом.
pool-error-not-bookable = Кандидата більше не розглядають для співбесіди.
pool-error-not-confirmed = Arbetsförmedlingen має підтвердити право на участь, перш ніж буде призначено співбесіду.
pool-not-confirmed-hint = Програма перевіряє в Arbetsförmedlingen, що кандидат має право на участь, і реєструє підтвердження до призначення співбесіди.
pool-not-confirmed-link = Зареєструвати підтвердження від Arbetsförmedlingen
pool-error-not-pending = Скасувати можна лише співбесіду, яка ще не відбулася.
pool-error-outcome = Виберіть, як пройшла співбесіда.
pool-error-cancelled = Співбесіду скасовано; результат не можна зареєструвати.

pool-mail-greeting = Вітаємо, { $name }!
pool-mail-subject = Запрошення на співбесіду: { $title }
pool-mail-booked-subject = Співбесіду призначено: { $title }
pool-mail-cancelled-subject = Співбесіду скасовано: { $title }
pool-mail-intro = Вас запрошено на співбесіду щодо місця практики «{ $title }».
pool-mail-intro-participant = Вас запрошено на співбесіду щодо місця практики «{ $title }». Скажіть своєму координатору, якщо вам потрібен перекладач або ви не можете прийти.
pool-mail-booked-intro = Ви призначили співбесіду щодо місця практики «{ $title }». Запрошення надіслано всім, хто вказаний нижче.
pool-mail-cancelled-intro = Співбесіду щодо місця практики «{ $title }» скасовано.
pool-mail-guide-attached = Посібник для співбесіди додано до листа.

# The interview guide, also linked from the candidate pool.
guide-title = Посібник для співбесіди
guide-filename = posibnyk-spivbesidy.txt
guide-intro = Співбесіда на практику — це розмова про очікування, а не іспит. Для кандидата шведська може бути другою мовою: говоріть спокійно, простими словами і дайте час на відповідь.
guide-step-1-title = Підготуйтеся
guide-step-1-text = Прочитайте картку кандидата. Вирішіть, хто веде розмову, і завчасно замовте перекладача, якщо він потрібен.
guide-step-2-title = Привітайте
guide-step-2-text = Представтеся і розкажіть про робоче місце. Скажіть, скільки триває співбесіда і що буде потім.
guide-step-3-title = Розкажіть про практику
guide-step-3-text = Опишіть завдання, робочий час, наставника і те, як минає звичайний день.
guide-step-4-title = Запитайте про досвід
guide-step-4-text = Ставте відкриті запитання про попередню роботу, освіту і про те, чого кандидат хоче навчитися. Не питайте про здоров'я, релігію, сім'ю чи інше, що не стосується роботи.
guide-step-5-title = Відповідайте на запитання
guide-step-5-text = Дайте кандидатові час поставити запитання. Перевірте, що ви зрозуміли одне одного.
guide-step-6-title = Завершіть
guide-step-6-text = Скажіть, коли кандидат отримає відповідь. Зареєструйте результат у Brygga того ж дня.
