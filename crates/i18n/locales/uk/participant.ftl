# Brygga – the interface in Ukrainian.
# participant: the participant register

unit-years = р.
consent-withdrawn = відкликано

participant-new = Новий учасник
participant-edit = Змінити дані учасника

section-identity = Особа і контакти
section-languages = Мови
section-background = Освіта і досвід
section-availability = Доступність і потреби

field-first_name = Ім'я
field-last_name = Прізвище
field-personnummer = Персональний (personnummer) або координаційний (samordningsnummer) номер, необов'язково
field-phone = Телефон
field-gender = Стать
field-birth_year = Рік народження
field-cohort_id = Набір (необов'язково)
field-programme_id = Програма
hint-languages = Один рядок — одна мова. Порожні рядки не зберігаються.
field-sfi_level = Курс SFI
field-education_field = Галузь освіти
field-education_country = Країна навчання
hint-experience = Один рядок — одна професія: професія (SSYK 2012, почніть вводити для пошуку), роки і країна.
hint-wished_occupations = Одна професія в полі (SSYK 2012). Почніть вводити для пошуку; порожні поля — щоб додати ще.
field-max_commute_km = Найбільша відстань до роботи (км)
field-special_needs = Особливі потреби (конфіденційно, бачать лише координатори)
field-needed_accommodations = Потрібні пристосування на робочому місці (конфіденційно)
field-consents = Згоди

col-occupation = Професія
col-years = Роки
col-country = Країна
participant-duplicates-title = Цей учасник уже зареєстрований?
participant-duplicates-text = Учасника не створено. Ці записи мають те саме ім'я і рік народження, ту саму електронну пошту або той самий номер телефону. Відкрийте їх, щоб перевірити, або позначте «Все одно створити» і збережіть ще раз.
participant-duplicates-confirm = Все одно створити
participant-duplicates-api = Можливо, є дублікати; надішліть ще раз із confirm_duplicate=true, щоб усе одно створити.

## Leaving the programme
exit-title = Завершити участь
exit-record = Завершити участь у програмі
exit-explain = Коли учасник вийшов із програми, його більше не пропонують на місця практики і не включають у підбір. Вихід, внесений помилково, можна скасувати.
exit-left-notice = Вихід із програми:
exit-open = Показати дані про вихід
exit-recorded-by = хто вніс:
exit-save = Зареєструвати вихід
exit-correct = Зберегти зміну
exit-undo = Скасувати вихід
field-left_on = Останній день у програмі
field-exit_reason = Причина
field-exit_note = Коментар
hint-exit_note = Обов'язково, якщо причина «Інше». Бачать координатори.
exit-reason-completed = Завершив(-ла) програму
exit-reason-work = Отримав(-ла) роботу
exit-reason-studies = Почав(-ла) навчання
exit-reason-moved = Переїхав(-ла)
exit-reason-discontinued = Припинив(-ла) участь
exit-reason-other = Інше
exit-error-far-ahead = Вихід можна зареєструвати не більше ніж на два місяці наперед.
exit-error-note = Напишіть, яка причина.
