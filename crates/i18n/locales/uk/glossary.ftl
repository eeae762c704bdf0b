# Brygga – the interface in Ukrainian.
# glossary: one-line, plain-language explanations of terms a newcomer may not know, shown beside
# the term on the pages a participant sees (in her own language)

glossary-title = Слова, які можуть бути новими
glossary-cefr = Рівень CEFR: шкала того, наскільки добре ви знаєте мову, від A1 (початківець) до C2 (дуже добре).
glossary-sfi = SFI: шведська для іммігрантів, безкоштовний курс шведської мови для дорослих від муніципалітету (kommun).
glossary-vocational-swedish = Професійна шведська (yrkessvenska): шведська зі словами й розмовами, потрібними саме у вашій професії.
glossary-ssyk = SSYK: шведський список професій; кожна професія має свій код.
glossary-es-decision = Рішення Arbetsförmedlingen (шведська служба зайнятості): служба вирішує, чи можете ви пройти практику і чи будете ви отримувати виплату в цей час.
glossary-internship = Практика (praktik): ви певний час вчитеся роботи на робочому місці разом із наставником.
glossary-supervisor = Наставник (handledare): людина на роботі, яка показує вам роботу і стежить, як у вас виходить.
glossary-requirement-profile = Вимоги до роботи (kravprofil): що потрібно для роботи, наприклад завдання, знання і мова.
glossary-checklist = Контрольний список (checklista): цілі, яких ви маєте навчитися на практиці; наставник їх відмічає.
glossary-assessment = Оцінка (bedömning): наставник описує, як у вас справи, в середині та в кінці практики.
glossary-development-plan = План розвитку (utvecklingsplan): ваші наступні кроки до роботи — хто що робить і коли.
glossary-validation = Валідація (validering): те, що ви вже вмієте, оцінюють і записують, щоб роботодавець міг цьому довіряти.
