# Brygga – the interface in Ukrainian.
# agreement: collaboration and internship agreements

agreements-title = Угоди
agreements-none = Угод ще немає.
agreements-new = Нова угода
agreements-no-candidacy = Учасника ще не запропоновано на жодне місце практики. Для угоди про практику потрібна пропозиція на це місце.
agreements-create-collaboration = Створити угоду про співпрацю
agreements-create-internship = Створити угоду про практику

agreement-kind-collaboration = Угода про співпрацю
agreement-kind-internship = Угода про практику

agreement-field-kind = Угода
agreement-field-parties = Сторони
agreement-field-status = Статус
agreement-field-signed_on = Дата підписання
agreement-field-placement_id = Місце практики
agreement-field-supervisor_id = Наставник
agreement-field-document = Документ угоди
agreement-field-signed_copy = Підписаний примірник
agreement-field-file = Підписана угода (файл)
agreement-hint-file = PDF, PNG або JPEG, не більше 10 MiB.
agreement-no-document = Ще немає
agreement-upload-title = Завантажити підписану угоду

agreement-action-generate = Створити PDF
agreement-action-sent = Позначити як надіслану
agreement-action-signed = Завантажити й позначити як підписану
agreement-action-end = Завершити угоду
agreement-action-cancel = Анулювати угоду

agreement-error-not-generated = Створіть документ угоди (PDF), перш ніж позначати угоду як надіслану.
agreement-error-transition = Це неможливо при поточному статусі угоди.
agreement-error-exists = Відкрита угода цього типу вже існує.
agreement-error-not-proposed = Учасника не запропоновано на це місце практики (або пропозицію відхилено чи відкликано).
agreement-error-supervisor = Виберіть наставника в роботодавця цього місця практики.
