# Brygga – Arabic. todo: what each role must act on (the home page and the e-mail digest)

todo-title = مهام عليك القيام بها
todo-nothing = لا يوجد شيء بانتظارك الآن.
todo-all = عرض الكل
todo-new-interests = طلبات اهتمام جديدة ({ $count })
todo-interview-requests = أصحاب عمل يطلبون مقابلة ({ $count })
todo-declined = رفضها صاحب العمل في آخر أسبوعين ({ $count })
todo-decisions = قرارات جديدة من Arbetsförmedlingen ({ $count })
todo-stalled = مشاركون بلا خطوة جديدة منذ 30 يومًا ({ $count })
todo-proposed-candidates = مرشحون مقترحون جدد ({ $count })
todo-interviews = مقابلات قادمة ({ $count })
todo-agreements-to-sign = اتفاقيات للتوقيع ({ $count })
todo-cases-shared = حالات تمت مشاركتها معك ({ $count })
todo-today = اليوم ({ $count })
todo-absences = غياب تم الإبلاغ عنه في الأسبوع الماضي ({ $count })
todo-meetings = اجتماعات متابعة في الأسبوع القادم ({ $count })
todo-actions = مهام موعدها خلال أسبوع ({ $count })
todo-checklists-stale = قوائم تحقق لم يحدّثها أحد منذ أسبوعين ({ $count })
todo-my-interviews = مقابلاتك القادمة ({ $count })
todo-mail-subject = Brygga: مهام جديدة
todo-mail-intro = هذا ما استجد منذ الرسالة الأخيرة:
todo-mail-opt-out = يمكنك إيقاف رسائل البريد الإلكتروني من Brygga عبر هذا الرابط:
notify-title = الإشعارات
notify-email = أرسلوا لي بريدًا إلكترونيًا عندما يكون هناك شيء جديد بانتظاري
notify-lang = لغة البريد الإلكتروني
notify-saved = تم حفظ إعداداتك.
