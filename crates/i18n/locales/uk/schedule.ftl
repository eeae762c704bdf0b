# Brygga – the interface in Ukrainian.
# schedule: week views, entries, programme templates, public holidays, absence and the calendar feed

schedule-title = Розклад
schedule-my-week = Мій тиждень
schedule-week = Тиждень { $week }
schedule-prev-week = Попередній тиждень
schedule-next-week = Наступний тиждень
schedule-this-week = Цей тиждень
schedule-choose-week = Виберіть тиждень
schedule-show = Показати
schedule-today = сьогодні
schedule-nothing = Нічого не заплановано.
schedule-day-off = вихідний
schedule-workplace-only = Ви бачите дні на місці практики.
schedule-none-for-role = Тут показано розклад учасників, наставників із практикантами та викладачів з учасниками їхніх курсів.
schedule-participant = Учасник
schedule-time = Час
schedule-actions = Дії
schedule-internship = Практика (praktik)
schedule-no-internship = Учасник ще не має практики. Дні на місці практики можна додати, коли практику буде створено.
schedule-days-per-week = дн. на тиждень
schedule-feed-name = Brygga – розклад
schedule-link = Розклад
schedule-kind-workplace = Місце практики
schedule-kind-vocational_swedish = Професійна шведська (yrkessvenska)
schedule-kind-sfi = SFI
schedule-kind-meeting = Зустріч
schedule-kind-other = Інше
schedule-template-gr = Програма практики GR (два тижні професійної шведської до початку, потім щотижня практика, професійна шведська і SFI)
schedule-template-care_varda = Care Vårda (тиждень навчання і тиждень практики по черзі)
schedule-first-week-school = Спочатку тиждень навчання
schedule-first-week-workplace = Спочатку тиждень практики
schedule-add-legend = Додати до розкладу
schedule-add = Додати
schedule-edit = Змінити
schedule-edit-legend = Змінити блок
schedule-save = Зберегти
schedule-delete = Видалити
schedule-apply-legend = Заповнити період практики за шаблоном
schedule-apply = Створити розклад
schedule-applied = { $count ->
    [one] До розкладу додано { $count } блок.
    [few] До розкладу додано { $count } блоки.
   *[other] До розкладу додано { $count } блоків.
}
schedule-skipped = Пропущені святкові дні: { $days }
schedule-error-time = Введіть час у форматі ГГ:ХХ, наприклад 08:30.
schedule-error-end-before-start = Кінець має бути пізніше за початок.
schedule-error-course = Вкажіть номер курсу або залиште поле порожнім.
schedule-error-holiday = Цей день — свято або вихідний переддень свята.
schedule-error-overlap = Час збігається з іншим блоком у розкладі учасника.
schedule-error-too-many-days = Днів на місці практики за тиждень більше, ніж передбачає місце практики.
schedule-error-outside-internship = Дні на місці практики мають бути в межах періоду практики.
schedule-error-day-taken = Виберіть інший день тижня: не день практики і не інший день курсу.
schedule-error-no-internship = Учасник не має практики, для якої можна створити розклад.
schedule-error-template-clash = Блоки шаблону збігаються з блоками, які вже є в розкладі. Спочатку видаліть їх.
schedule-error-period = Період має закінчуватися пізніше, ніж починається, і тривати не більше 400 днів.
field-entry_date = Дата
field-entry_starts = Початок
field-entry_ends = Кінець
field-entry_kind = Тип
field-entry_course_id = Курс (номер)
field-schedule_template = Шаблон
field-workplace_days = Дні на місці практики
field-swedish_day = День професійної шведської (пів дня)
field-sfi_day = День SFI
field-first_week = Перший тиждень

holiday-nyarsdagen = Новий рік
holiday-trettondedag-jul = Богоявлення (Trettondedag jul)
holiday-langfredagen = Страсна п'ятниця
holiday-paskafton = Велика субота (Påskafton)
holiday-paskdagen = Великдень
holiday-annandag-pask = Великодній понеділок
holiday-forsta-maj = Перше травня
holiday-kristi-himmelsfard = Вознесіння
holiday-pingstdagen = Трійця (П'ятидесятниця)
holiday-nationaldagen = Національний день Швеції
holiday-midsommarafton = Переддень Мідсоммару (Midsommarafton)
holiday-midsommardagen = День Мідсоммару (Midsommardagen)
holiday-alla-helgons-dag = День усіх святих
holiday-julafton = Святвечір
holiday-juldagen = Різдво
holiday-annandag-jul = Другий день Різдва
holiday-nyarsafton = Переддень Нового року

absence-title = Відсутність
absence-report-legend = Повідомити про відсутність
absence-report = Повідомити про відсутність
absence-reported = Про відсутність повідомлено.
absence-for = Чия відсутність
absence-reason-sick = Хвороба
absence-reason-child_sick = Догляд за хворою дитиною
absence-reason-appointment = Візит до лікаря або в установу
absence-reason-other = Інше
absence-error-future = Про відсутність можна повідомити на сьогодні, на завтра або на дні, що вже минули.
absence-error-note = Напишіть, чого стосується відсутність.
absence-error-not-scheduled = На цей день нічого не заплановано.
absence-error-duplicate = Про відсутність у цей день уже повідомлено.
field-absence_date = День
field-absence_reason = Причина
field-absence_note = Коментар
absence-reported-by = Хто повідомив:
absence-patterns-title = Відсутність
absence-patterns-intro = Учасники, які були відсутні за останні 90 днів.
absence-last-30 = Останні 30 днів
absence-last-90 = Останні 90 днів
absence-most-frequent-weekday = Найчастіший день тижня
absence-none = Відсутностей немає.
absence-count = Відсутність за останні 90 днів: { $count ->
    [one] { $count } день
    [few] { $count } дні
   *[other] { $count } днів
}

feed-title = Розклад у вашому календарі
feed-intro = З адресою календаря ваш розклад буде видно в календарі телефона. Адреса секретна: кожен, хто її має, бачить розклад. Ви можете вимкнути її будь-коли.
feed-create = Створити адресу календаря
feed-created = Ваша нова адреса календаря. Її показано лише зараз – скопіюйте її у свій календар:
feed-none = У вас немає адреси календаря.
feed-created-at = Створено
feed-last-used = Востаннє отримано
feed-never = ніколи
feed-state = Стан
feed-active = Активна
feed-revoked = Вимкнена
feed-revoke = Вимкнути
