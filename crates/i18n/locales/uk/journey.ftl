# Brygga – the interface in Ukrainian.
# journey: the board, a participant's staircase and moving along it

journey-board-title = Дошка
journey-programme = Програма
journey-show-board = Показати дошку
journey-board-empty = Тут зараз нікого немає.
journey-board-more = … і ще { $count }.
journey-no-programmes = У вас немає програм для показу.

journey-title = Шлях
journey-staircase = Сходинки
# journey-done, -now and -next are also used by the compact journey on the participant's page.
journey-done = виконано
journey-now = зараз
journey-next = далі
journey-holds = виконано
journey-missing = бракує
journey-current = Зараз: { $stage }
# The compact journey shown on the participant's page.
journey-compact-title = Де зараз на шляху
journey-open = Показати весь шлях

journey-move = Перевести на інший етап
journey-field-stage = Етап
journey-hint-stage = Щоб перейти вперед, мають бути виконані всі контрольні точки до цього етапу включно. Для кроку назад потрібна нотатка.
journey-field-note = Нотатка
journey-hint-note = Причина, якщо переводите назад.
journey-move-button = Перевести
journey-manual = Контрольні точки для підтвердження
journey-confirm-button = Підтвердити

journey-history = Історія
journey-history-empty = Подій ще немає.
journey-col-when = Коли
journey-col-what = Що
journey-col-note = Нотатка
journey-col-who = Хто
journey-event-stage = Переведено на етап: { $stage }
journey-event-checkpoint = Підтверджено: { $checkpoint }

journey-blocked-manual = Не підтверджено: { $label }
journey-blocked-profile_recorded = Профіль не заповнено (рівень шведської, мови, освіта або досвід)
journey-blocked-consent_share = Немає згоди показувати профіль роботодавцям
journey-blocked-proposed = Не запропоновано на жодне місце практики
journey-blocked-interview_booked = Немає призначеної співбесіди
journey-blocked-interview_passed = Немає успішної співбесіди
journey-blocked-eligibility_confirmed = Arbetsförmedlingen не підтвердила право на участь
journey-blocked-es_decision = Немає рішення від Arbetsförmedlingen
journey-blocked-agreement_signed = Немає підписаної угоди про практику

journey-error-blocked = Перевести поки не можна. Бракує такого:
journey-error-same-stage = Учасник уже на цьому етапі. Виберіть інший.
journey-error-note-required = Напишіть, чому учасника переводять назад.
# Also reported by the process editor (process.ftl).
journey-error-unknown-checkpoint = Цієї контрольної точки немає на карті програми.
journey-error-not-manual = Ця контрольна точка підтверджується даними в системі, а не вручну.
