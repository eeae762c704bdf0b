# Brygga – the interface in Ukrainian.
# Error messages shown beside a field or at the top of a form.
# The keys come from brygga-domain (FieldError::key) and brygga-web.

## General fields

error-required = Це поле обов'язкове.
error-too-long = Текст задовгий. Скоротіть його і спробуйте ще раз.
error-number = Введіть ціле число цифрами, наприклад 12.
error-out-of-range = Число поза дозволеними межами.
error-date = Введіть дату, яка існує, у форматі РРРР-ММ-ДД, наприклад 2025-03-31.
error-invalid-choice = Виберіть один із варіантів у списку.
error-period-order = Дата завершення не може бути раніше дати початку.
error-too-long-60 = Текст задовгий: не більше 60 символів.
error-too-long-200 = Текст задовгий: не більше 200 символів.
error-too-long-300 = Текст задовгий: не більше 300 символів.
error-too-long-500 = Текст задовгий: не більше 500 символів.
error-too-long-1000 = Текст задовгий: не більше 1 000 символів.
error-too-long-5000 = Текст задовгий: не більше 5 000 символів.
error-control-char = Текст містить невидимі керівні символи (наприклад, нульовий символ), які не можна зберегти. Видаліть їх і спробуйте ще раз.
error-search-too-long = Пошуковий запит задовгий: не більше 200 символів.
error-date-range = Введіть дату між 1900 і 2100 роками.
error-title-bad-request = Не вдалося прочитати запит
error-bad-request = Не вдалося прочитати щось в адресі або у формі. Поверніться назад і спробуйте ще раз.
error-bad-value = Не вдалося прочитати значення. Перевірте, що ви ввели.

## Personal identity and organisation numbers

error-personnummer-format = Введіть персональний номер (personnummer) або координаційний номер (samordningsnummer) у форматі РРРРММДД-NNNN або РРММДД-NNNN.
error-personnummer-date = Дата в персональному номері не існує або ще не настала.
error-personnummer-checksum = Контрольна цифра не збігається. Перевірте, чи правильно введено персональний номер.
error-orgnumber-format = Введіть номер організації (organisationsnummer) у форматі NNNNNN-NNNN, наприклад 556036-0793.
error-orgnumber-checksum = Контрольна цифра не збігається. Перевірте, чи правильно введено номер організації.
error-duplicate-orgnumber = Організація з таким номером уже існує.

## Contact details

error-email = Введіть правильну адресу електронної пошти, наприклад name@example.se.
error-duplicate-email = Ця адреса електронної пошти вже використовується в іншому обліковому записі.
error-phone = Введіть номер телефону з 7–15 цифр, наприклад 070-123 45 67.

## Languages, occupations and municipalities

error-cefr = Виберіть рівень мови за CEFR, від A1 до C2.
error-sfi = Виберіть курс SFI: A, B, C або D.
error-gender = Виберіть один із варіантів статі.
error-ssyk-format = Код професії має складатися з чотирьох цифр за SSYK 2012, наприклад 5321.
error-ssyk-unknown = Невідомий код професії (SSYK 2012). Виберіть професію зі списку.
error-municipality-unknown = Невідомий муніципалітет. Виберіть муніципалітет зі списку.

## Saving and permissions

error-conflict = Хтось інший зберіг зміни після того, як ви відкрили цю сторінку. Відкрийте її знову, щоб побачити нові дані, а потім повторіть свої зміни.
error-not-found = Те, що ви шукаєте, не існує або було видалено.
error-forbidden = У вас немає дозволу на цю дію.

## Sign-in and passwords

error-password-too-short = Пароль має містити щонайменше 12 символів.
error-password-mismatch = Паролі не збігаються. Введіть однаковий пароль в обох полях.
error-login-failed = Неправильна адреса електронної пошти або пароль.
error-login-throttled = Забагато невдалих спроб входу. Зачекайте трохи і спробуйте ще раз.
error-csrf = Час дії форми минув. Оновіть сторінку і спробуйте ще раз.

## Used by other parts (registry, store, error pages)

error-birth-year-mismatch = Рік народження не збігається з персональним номером.
error-duplicate-personnummer = Учасник із таким персональним номером уже існує.
error-language-level = Виберіть рівень мови, від A1 до C2.
error-password-wrong = Поточний пароль неправильний.
error-status-transition = Неможливо змінити поточний статус на вибраний.
error-internal = Щось пішло не так з нашого боку. Спробуйте ще раз трохи пізніше.
error-title-forbidden = Доступ заборонено
error-title-not-found = Сторінку не знайдено
error-title-internal = Щось пішло не так

error-org-parent = Виберіть організацію на рівень вище (регіон → муніципалітет → програма → набір).
error-deactivate-self = Ви не можете деактивувати власний обліковий запис.
error-title-conflict = Змінено кимось іншим
error-title-invalid = Не вдалося зберегти дані
error-invalid = Деяких даних бракує або вони неправильні. Поверніться назад і виправте їх.

error-title-too-large = Запит завеликий
error-too-large = Надіслані дані завеликі. Файли можуть бути не більше 10 MiB. Поверніться назад і виберіть менший файл.
