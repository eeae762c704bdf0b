# Brygga – the interface in Ukrainian.
# account: logins for the people in the records — invitations, links to records, password resets

account-login = Обліковий запис
account-linked = Обліковий запис: { $email }
account-none = Немає облікового запису
account-invited-until = Запрошено – посилання дійсне до { $date }
account-invite = Запросити створити обліковий запис
account-invite-again = Запросити ще раз
account-invite-staff = Запросити навчальний заклад або працівника Arbetsförmedlingen
account-unlink = Від'єднати обліковий запис
account-back = Назад

invite-kind-supervisor = Наставник
invite-kind-employer_contact = Контактна особа
invite-kind-participant = Учасник
invite-kind-staff = Персонал без картки в реєстрі (навчальний заклад, працівник Arbetsförmedlingen)

account-invite-title = Запросити створити обліковий запис
account-invite-intro = Людина отримає лист із посиланням, яке дійсне сім днів і працює один раз. Там вона вибере пароль і увійде в систему. Нове запрошення замінює попереднє.
account-invite-send = Надіслати запрошення
field-invite_lang = Мова листа
account-link-title = Під'єднати наявний обліковий запис
account-link-intro = У людини вже є обліковий запис із потрібною роллю? Введіть його адресу електронної пошти, щоб під'єднати його до картки.
field-link_email = Адреса електронної пошти облікового запису
account-link-submit = Під'єднати

account-invite-sent-title = Запрошення надіслано
account-reset-sent-title = Посилання для нового пароля надіслано
account-sent-to = Лист на адресу { $email } чекає у вихідних.
account-sent-expires = Посилання дійсне до { $date } і працює один раз.
account-sent-no-smtp = Поштовий сервер не налаштовано, тому лист поки не можна надіслати. Скопіюйте посилання і передайте його людині іншим способом.
account-sent-link = Одноразове посилання

account-reset-title = Новий пароль
account-reset-intro = Надішліть посилання, за яким користувач вибере новий пароль. Посилання дійсне 24 години. Старий пароль працює, доки посилання не використано.
account-reset-send = Надіслати посилання для нового пароля

account-link-welcome-title = Ласкаво просимо до Brygga
account-link-welcome-intro = Виберіть пароль для свого облікового запису.
account-link-reset-title = Виберіть новий пароль
account-link-reset-intro = Виберіть новий пароль. Вас буде виведено з системи на всіх пристроях, де ви в ній були.
account-link-login-name = Ви входите з адресою { $email }.
account-link-set-password = Зберегти пароль і увійти
account-link-expired-title = Термін дії посилання минув
account-link-expired = Посилання більше не дійсне. Попросіть нове у свого координатора або адміністратора.
account-link-used-title = Посилання вже використано
account-link-used = Це посилання вже використано. Увійдіть зі своїм паролем або попросіть нове посилання, якщо забули пароль.
account-link-unknown-title = Посилання недійсне
account-link-unknown = Посилання невідоме або його замінило новіше. Скористайтеся останнім посиланням, яке ви отримали, або попросіть нове.

account-mail-invite-subject = Запрошення до Brygga
account-mail-invite-body = Вас запрошено до Brygga — тут координують практику. Відкрийте посилання нижче і виберіть пароль.
account-mail-reset-subject = Новий пароль для Brygga
account-mail-reset-body = Хтось попросив новий пароль для вашого облікового запису в Brygga. Відкрийте посилання нижче і виберіть новий пароль.
account-mail-greeting = Вітаємо, { $name }!
account-mail-expires = Посилання дійсне до { $date } і працює один раз.
account-mail-ignore = Якщо ви не чекали цього листа, просто не зважайте на нього.

user-edit = Змінити користувача
hint-new-user-role = Заздалегідь вибрано роль із найменшими правами (оцінювач). Виберіть роль, яка потрібна цій людині.

error-invite-linked = До цієї картки вже під'єднано обліковий запис. Спочатку від'єднайте його.
error-invite-email-taken = Обліковий запис із такою адресою вже існує. Краще під'єднайте наявний обліковий запис.
error-link-no-user = Немає облікового запису з такою адресою.
error-link-role = Обліковий запис має іншу роль, ніж потрібна для цієї картки.
error-link-other-employer = Обліковий запис належить іншому роботодавцю.
error-link-taken = Обліковий запис уже під'єднано до іншої картки.
error-reset-inactive = Користувача деактивовано. Спочатку активуйте його.
error-role-self = Ви не можете забрати в себе роль адміністратора.
user-tokens = API-ключі
