# Brygga – the interface in Ukrainian.
# The internship: intern, placement, supervisor, period, days, end.
tab-internships = Практика
internships-title = Практика
internships-none = Практику не зареєстровано.
internships-new = Зареєструвати практику
internships-no-candidacy = Учасника ще не запропоновано на жодне місце практики.
internships-create = Зареєструвати практику
internship-title = Практика
internship-field-status = Статус
internship-field-participant = Практикант
internship-field-placement_id = Місце практики
internship-field-employer = Роботодавець
internship-field-supervisor_id = Наставник (handledare)
internship-field-start_date = Дата початку
internship-field-end_date = Запланована дата завершення
internship-field-period = Період
internship-field-days_per_week = Днів на тиждень
internship-field-hours_per_week = Годин на тиждень
internship-field-agreement = Угода про практику
internship-field-ended_on = Дата завершення
internship-field-reason = Причина
internship-field-note = Коментар
internship-hint-days_per_week = Не більше днів, ніж має місце практики.
internship-hint-note = Обов'язково, якщо практику завершено достроково: напишіть чому.
internship-hours = { $hours ->
    [one] { $hours } година на тиждень
    [few] { $hours } години на тиждень
    [many] { $hours } годин на тиждень
   *[other] { $hours } години на тиждень
}
internship-no-supervisor = Наставника не призначено
internship-agreement-link = Показати угоду про практику
internship-end-title = Завершити практику
internship-action-end = Завершити практику
internship-status-planned = Заплановано
internship-status-ongoing = Триває
internship-status-ended = Завершено
internship-end-reason-completed = Пройдено повністю
internship-end-reason-ended_early = Завершено достроково
internship-end-reason-hired = Працевлаштовано
internship-error-end-before-start = Дата завершення не може бути раніше дати початку.
internship-error-ended-before-start = Практика не може завершитися раніше дати початку.
internship-error-note-required = Напишіть, чому практику завершено достроково.
internship-error-live = Учасник уже має поточну або заплановану практику.
internship-error-placement = Виберіть місце практики, на яке запропоновано учасника.
internship-error-supervisor = Наставник має працювати в роботодавця цього місця практики.
internship-error-days = Днів на тиждень більше, ніж має місце практики.
journey-blocked-internship_started = Практика ще не почалася
journey-blocked-internship_ended = Практика ще не завершилася
checkpoint-kind-internship_started = Практика почалася (з дати початку)
checkpoint-kind-internship_ended = Практика завершилася (з дати завершення)
journey-blocked-follow_up_month3 = Результат через 3 місяці не внесено
journey-blocked-follow_up_month6 = Результат через 6 місяців не внесено
checkpoint-kind-follow_up_month3 = Результат через 3 місяці внесено (з подальшого контакту)
checkpoint-kind-follow_up_month6 = Результат через 6 місяців внесено (з подальшого контакту)
# The portal: a placement whose places are all taken by internships.
portal-filled = Усі місця зайняті. Подати заявку на це місце практики вже не можна.
portal-error-filled = Усі місця зайняті, тому подати заявку вже не можна.
# The internship agreement: its four parties and its schedule.
agreement-party-es = Arbetsförmedlingen (служба зайнятості)
agreement-party-coordinator = Організація-координатор
agreement-field-schedule = Розклад
agreement-days-per-week = дн. на тиждень
