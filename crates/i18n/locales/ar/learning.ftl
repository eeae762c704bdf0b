# Brygga – Arabic. learning: the intern's checklist, the progress log, the assessments, the development plan and
# the programme's checklist template (pages the participant reads in her language)

learning-tabs = صفحات التدريب العملي
learning-checklist = قائمة الأهداف
learning-log = سجل التقدم
learning-assessments = التقييمات
learning-plan = خطة التطوير
learning-hub-none = سيظهر تدريبك العملي هنا عندما يبدأ.
learning-checklist-empty = لا توجد أهداف في قائمة الأهداف بعد.
learning-draw = أخذ الأهداف من ملف المتطلبات والنموذج
learning-draw-hint = تصبح المهام والمهارات المطلوبة في ملف متطلبات مكان التدريب (kravprofil)، ونموذج البرنامج، أهدافًا في قائمة الأهداف. ما هو موجود من قبل لا يُضاف مرة أخرى.
learning-drawn = { $count ->
    [zero] لم يُضَف أي معيار.
    [one] أُضيف معيار واحد.
    [two] أُضيف معياران.
    [few] أُضيفت { $count } معايير.
    [many] أُضيف { $count } معيارًا.
   *[other] أُضيف { $count } معيار.
}
learning-goal-tasks = المهام
learning-goal-skills = المهارات
learning-status-achieved = تحقق
learning-status-in_progress = قيد التنفيذ
learning-status-not_yet = ليس بعد
learning-status-none = لم يُقيَّم بعد
learning-source-task = مهمة
learning-source-skill = مهارة
learning-source-template = نموذج
learning-source-own = إضافة خاصة
learning-history = السجل السابق ({ $count })
learning-tick-open = تسجيل التقدم
learning-tick-legend = كيف تسير الأمور؟
learning-tick = حفظ
learning-field-on = التاريخ
learning-field-comment = تعليق
learning-field-goal = الهدف
learning-field-criterion = المعيار
learning-hint-criterion = ما يستطيع المتدرب فعله عندما يتحقق الهدف، مثلًا "يجهّز طلبية حسب قائمة الانتقاء".
learning-criterion-edit = تعديل
learning-criterion-remove = حذف من قائمة الأهداف
learning-criterion-add = إضافة معيار
learning-entry-write = الكتابة في سجل التقدم
learning-field-did = ما قمت به
learning-field-learned = ما تعلمته
learning-field-words = كلمات جديدة
learning-hint-words = يمكن الكتابة بأي لغة، مثلًا "hylla – رف".
learning-field-photo = صورة (اختياري)
learning-hint-photo = JPEG أو PNG، بحد أقصى 10 MiB. لا يُحفظ المكان الذي التُقطت فيه الصورة.
learning-field-share = إظهار لمسؤول الاتصال لدى صاحب العمل
learning-hint-share = يرى مشرفك والمنسق سجل التقدم دائمًا.
learning-entry-send = إرسال
learning-draft-kept = ما كتبته في المرة السابقة ما زال هنا. يُرجى إرساله عندما يتوفر الاتصال بالإنترنت.
learning-entries = الملاحظات
learning-entries-none = لا توجد ملاحظات بعد.
learning-shared = ظاهرة لصاحب العمل
learning-photo-alt = صورة من التدريب العملي
learning-comment = تعليق
learning-comment-send = إضافة تعليق
learning-scale = المقياس 1–4
learning-level-1 = ليس بعد
learning-level-1-help = عدم القدرة على ذلك بعد، أو القيام به فقط عندما يشرح أحدٌ كل خطوة.
learning-level-2 = بمساعدة
learning-level-2-help = القيام بذلك مع مساعدة أو تذكير.
learning-level-3 = بشكل مستقل
learning-level-3-help = القيام بذلك دون مساعدة، بشكل صحيح وفي الوقت المحدد.
learning-level-4 = جيد جدًا
learning-level-4-help = القيام بذلك دون مساعدة حتى عندما يكون هناك شيء جديد، والقدرة على تعليمه للآخرين.
learning-kind-mid = تقييم منتصف التدريب
learning-kind-end = التقييم النهائي
learning-assess-mid = إجراء تقييم منتصف التدريب
learning-assess-end = إجراء التقييم النهائي
learning-self-mid = تقييم ذاتي (منتصف التدريب)
learning-self-end = تقييم ذاتي (نهاية التدريب)
learning-assessor-supervisor = المشرف
learning-assessor-participant = المشارك (تقييم ذاتي)
learning-generic-initiative = روح المبادرة
learning-generic-punctuality = الالتزام بالمواعيد
learning-generic-responsibility = تحمّل المسؤولية
learning-generic-cooperation = القدرة على التعاون
learning-field-evidence = ما لاحظته (الأدلة)
learning-field-own-words = بكلماتك الخاصة (اختياري)
learning-sign = حفظ وتوقيع
learning-sign-hint = التقييم الموقَّع يُقفَل. أي تغيير بعد ذلك يصبح نسخة جديدة.
learning-signed = موقَّع
learning-saved = محفوظ
learning-locked = التقييم مقفل. أي تغيير يصبح نسخة جديدة.
learning-revise = تعديل (نسخة جديدة)
learning-revision = النسخة { $n }
learning-earlier = النسخ السابقة
learning-not-yet-made = لم يتم بعد
learning-next-step = خطوتك التالية
learning-no-next-step = لا توجد خطوات مخطط لها الآن.
learning-due = في موعد أقصاه { $date }
learning-done-on = تم في { $date }
learning-standing = ملف المتطلبات وكيف تسير الأمور
learning-standing-met = { $count ->
    [zero] لم يتحقق أي هدف
    [one] تحقق هدف واحد
    [two] تحقق هدفان
    [few] تحققت { $count } أهداف
    [many] تحقق { $count } هدفًا
   *[other] تحقق { $count } هدف
}
learning-standing-progressing = { $count ->
    [zero] لا يوجد هدف قيد التنفيذ
    [one] هدف واحد قيد التنفيذ
    [two] هدفان قيد التنفيذ
    [few] { $count } أهداف قيد التنفيذ
    [many] { $count } هدفًا قيد التنفيذ
   *[other] { $count } هدف قيد التنفيذ
}
learning-standing-gap = { $count ->
    [zero] لم يتبقَّ أي هدف
    [one] يتبقى هدف واحد
    [two] يتبقى هدفان
    [few] تتبقى { $count } أهداف
    [many] يتبقى { $count } هدفًا
   *[other] يتبقى { $count } هدف
}
learning-steps = خطوات نحو العمل
learning-steps-none = لا توجد خطوات بعد.
learning-step-done = تم
learning-step-undo = لم يتم
learning-step-edit = تعديل الخطوة
learning-step-remove = حذف
learning-step-add = إضافة خطوة
learning-field-step = الخطوة
learning-hint-step = يُرجى الكتابة بلغة بسيطة حتى يفهمها المشارك، مثلًا "الحصول على رخصة الرافعة الشوكية A".
learning-field-owner = من يقوم بها
learning-field-due_on = في موعد أقصاه
learning-owner-participant = أنت
learning-owner-you = أنت
learning-owner-coordinator = المنسق
learning-owner-supervisor = المشرف
learning-owner-employer = صاحب العمل
learning-owner-teacher = المعلم
learning-template = نموذج قائمة الأهداف للبرنامج
learning-template-hint = معيار واحد في كل سطر: "الهدف: المعيار"، مثلًا "السلامة: يتبع قواعد استخدام معدات الحماية". يصبح النموذج جزءًا من كل قائمة أهداف جديدة.
learning-template-saved = تم حفظ النموذج.
learning-error-future = لا يمكن أن يكون التاريخ بعد اليوم.
learning-error-before-start = التاريخ قبل بداية التدريب العملي.
learning-error-closed = انتهى التدريب العملي منذ أكثر من 14 يومًا: لم يعد ممكنًا تغيير التقييمات والعلامات.
learning-error-not-started = لم يبدأ التدريب العملي بعد.
learning-error-criterion-gone = المعيار لم يعد موجودًا في قائمة الأهداف.
learning-error-other-intern = المعيار ينتمي إلى قائمة أهداف متدرب آخر.
learning-error-empty-entry = يُرجى كتابة شيء، أو إضافة صورة.
learning-error-photo-type = يجب أن تكون الصورة من نوع JPEG أو PNG.
learning-error-photo-size = الصورة كبيرة جدًا: الحد الأقصى 10 MiB.
learning-error-level = يُرجى اختيار مستوى من 1 إلى 4.
learning-error-level-required = يُرجى اختيار مستوى.
learning-error-evidence = يُرجى كتابة ما لاحظته كدليل.
learning-error-incomplete = تم حفظ التقييم لكنه غير موقَّع: كل سطر يحتاج إلى مستوى ودليل.
learning-error-signed = التقييم موقَّع ومقفل. يُرجى اختيار "تعديل (نسخة جديدة)" لتغييره.
learning-error-nothing-to-sign = يُرجى حفظ التقييم أولًا.
learning-error-not-your-step = المنسق وحده يستطيع وضع علامة على هذه الخطوة.
learning-error-template-line = يجب أن يكون كل سطر بالشكل "الهدف: المعيار".
