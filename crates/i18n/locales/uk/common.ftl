# Brygga – the interface in Ukrainian.
# common: what several features share: navigation, tabs, actions, filters, field labels used by more
# than one form, and the value sets (roles, genders, sectors, statuses, education levels, licences,
# weekdays, consents, accommodations)

nav-skip = Перейти до змісту
nav-main = Головне меню
nav-home = На головну
nav-profile = Мій профіль
nav-participants = Учасники
nav-employers = Роботодавці
nav-placements = Місця практики
nav-board = Дошка
nav-inbox = Вхідні
nav-jobs = Черга листів
nav-open-placements = Вільні місця практики
# Tabs between a record's pages in different features.
tabs-participant = Сторінки учасника
tab-journey = Шлях
tab-clearance = Перевірка (AF)
tab-agreements = Угоди
tab-pool = Кандидати
nav-audit = Журнал
nav-password = Змінити пароль
nav-logout = Вийти
lang-switch = På svenska
nav-learning = Практика
lang-choose = Мова
choose = Виберіть …
pager = Сторінки

action-save = Зберегти
action-edit = Змінити
filter-search = Пошук
filter-all = Усі
filter-apply = Показати
list-count = { $count ->
    [one] { $count } результат
    [few] { $count } результати
   *[other] { $count } результатів
}
form-has-errors = { $count ->
    [one] { $count } поле потрібно виправити. Дивіться повідомлення біля нього.
    [few] { $count } поля потрібно виправити. Дивіться повідомлення біля них.
   *[other] { $count } полів потрібно виправити. Дивіться повідомлення біля них.
}

field-name = Ім'я
field-email = Електронна пошта
field-password = Пароль
field-repeat = Повторіть новий пароль
field-municipality_code = Муніципалітет
field-swedish_level = Шведська (рівень CEFR)
field-languages = Інші мови
field-education_level = Рівень освіти
field-experience = Досвід роботи
field-skills = Навички
hint-skills = Розділяйте комами.
field-wished_occupations = Бажані професії
field-available_days = Доступні дні
field-driving_licence = Водійські права
field-eligibility = Статус в Arbetsförmedlingen
field-notes = Нотатки
field-employer_id = Роботодавець

col-language = Мова
col-level = Рівень
col-name = Ім'я
col-email = Електронна пошта

role-admin = адміністратор
role-programme_manager = керівник проєкту
role-coordinator = координатор
role-employer_contact = контактна особа
role-supervisor = наставник
role-education_provider = навчальний заклад
role-es_officer = працівник Arbetsförmedlingen
role-participant = учасник
role-evaluator = оцінювач

gender-female = Жінка
gender-male = Чоловік
gender-other = Інше
gender-unspecified = Не хочу вказувати

sector-public = Державний
sector-private = Приватний
sector-non_profit = Некомерційний

agreement-none = Немає
agreement-draft = Чернетка
agreement-sent = Надіслано
agreement-signed = Підписано
agreement-ended = Завершено

placement-status-draft = Чернетка
placement-status-submitted = Надіслано на перевірку
placement-status-published = Опубліковано
placement-status-filled = Зайнято
placement-status-closed = Закрито

eligibility-unknown = Невідомо
eligibility-pending = Перевіряється
eligibility-eligible = Підтверджено
eligibility-not_eligible = Не підходить

education-none = Без формальної освіти
education-primary = Початкова школа, менше 9 років
education-lower_secondary = Обов'язкова школа, 9 (10) років
education-upper_secondary = Старша школа (gymnasium)
education-post_secondary_short = Вища освіта, менше 3 років
education-bachelor = Вища освіта, 3 роки або більше
education-master = Магістратура
education-doctoral = Аспірантура (докторантура)

licence-none = Без водійських прав
licence-AM = AM (мопед)
licence-A1 = A1
licence-A2 = A2
licence-A = A (мотоцикл)
licence-B = B (легковий автомобіль)
licence-BE = BE
licence-C1 = C1
licence-C1E = C1E
licence-C = C (вантажівка)
licence-CE = CE
licence-D1 = D1
licence-D1E = D1E
licence-D = D (автобус)
licence-DE = DE

weekday-mon = понеділок
weekday-tue = вівторок
weekday-wed = середа
weekday-thu = четвер
weekday-fri = п'ятниця
weekday-sat = субота
weekday-sun = неділя

consent-registry = Реєстрація в Brygga
consent-share_with_employers = Показувати профіль роботодавцям
consent-statistics = Враховувати в статистиці
consent-contact_by_email = Зв'язок електронною поштою

accommodation-step_free_access = Вхід без сходинок
accommodation-quiet_room = Тиха кімната
accommodation-flexible_hours = Гнучкий графік
accommodation-interpreter = Перекладач
accommodation-written_instructions = Письмові інструкції
accommodation-part_time = Неповний робочий день

nav-users = Користувачі
nav-organisations = Організація

nav-plan = Підбір
nav-my-week = Мій тиждень
nav-absences = Відсутність
nav-calendar = Календар
