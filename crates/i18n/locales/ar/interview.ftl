# Brygga – Arabic. interview: interviews, their invitation emails and the interview guide

# Also the candidate pool's link to an interview.
pool-interview = المقابلة
pool-book-title = حجز مقابلة
pool-book-send = الحجز وإرسال الدعوات
pool-booked = تم حجز المقابلة، ويجري إرسال الدعوات.
pool-when = الوقت
pool-swedish-time = بتوقيت السويد
pool-swedish-time-hint = يُرجى كتابة الأوقات بتوقيت السويد.
pool-candidate = المرشح
pool-invited = المدعوون
pool-role-candidate = مرشح
pool-record-outcome = كيف كانت المقابلة؟
pool-save-outcome = حفظ النتيجة
pool-cancel-interview = إلغاء المقابلة

# Interview outcomes, also shown in the candidate pool.
interview-outcome-pending = لم تتم بعد
interview-outcome-passed = ناجحة
interview-outcome-failed = غير ناجحة
interview-outcome-no_show = عدم الحضور
interview-outcome-cancelled = ملغاة
attendee-role-employer = صاحب العمل
attendee-role-supervisor = مشرف
attendee-role-coordinator = منسق
attendee-role-interpreter = مترجم فوري
attendee-role-other = آخر

col-role = الدور
field-starts_at = يبدأ
field-ends_at = ينتهي
field-location = المكان
field-meeting_link = رابط الاجتماع
field-attendees = الحاضرون في المقابلة
hint-attendees = الاسم والبريد الإلكتروني والدور. يحصل الجميع على دعوة مع ملف تقويم؛ ويُدعى المرشح تلقائيًا.
field-outcome = النتيجة
field-outcome_note = تعليق

pool-error-datetime = يُرجى كتابة التاريخ والوقت، مثل 2027-03-05 10:00.
pool-error-in-past = هذا الوقت مضى. يُرجى اختيار وقت قادم.
pool-error-end-before-start = يجب أن تكون النهاية بعد البداية.
pool-error-too-long = مدة المقابلة ثماني ساعات كحد أقصى.
pool-error-place-or-link = يُرجى كتابة مكان أو رابط اجتماع أو كليهما.
pool-error-link = يجب أن يكون رابط الاجتماع عنوان موقع يبدأ بـ https://.
pool-error-attendee = كل سطر يحتاج إلى اسم وعنوان بريد إلكتروني صحيح.
pool-error-attendee-twice = عنوان البريد الإلكتروني نفسه موجود في سطرين.
pool-error-no-attendees = يُرجى دعوة شخص واحد على الأقل من جهة صاحب العمل.
pool-error-overlap-participant = لدى المرشح مقابلة أخرى في الوقت نفسه.
pool-error-overlap-attendee = لدى أحد المدعوين مقابلة أخرى في الوقت نفسه.
pool-error-not-bookable = لم يعد المرشح ضمن المرشحين للمقابلة.
pool-error-not-confirmed = يجب أن تؤكد Arbetsförmedlingen الأهلية قبل حجز المقابلة.
pool-not-confirmed-hint = يتحقق البرنامج مع Arbetsförmedlingen من أهلية المرشح، ويسجل التأكيد قبل حجز المقابلة.
pool-not-confirmed-link = تسجيل تأكيد Arbetsförmedlingen
pool-error-not-pending = يمكن إلغاء المقابلة فقط إذا لم تتم بعد.
pool-error-outcome = يُرجى اختيار نتيجة المقابلة.
pool-error-cancelled = تم إلغاء المقابلة؛ لا يمكن تسجيل نتيجة.

pool-mail-greeting = مرحبًا { $name }،
pool-mail-subject = دعوة إلى مقابلة: { $title }
pool-mail-booked-subject = تم حجز مقابلة: { $title }
pool-mail-cancelled-subject = تم إلغاء المقابلة: { $title }
pool-mail-intro = تمت دعوتك إلى مقابلة بخصوص التدريب العملي { $title }.
pool-mail-intro-participant = تمت دعوتك إلى مقابلة بخصوص التدريب العملي { $title }. يُرجى إخبار المنسق إذا كانت هناك حاجة إلى مترجم فوري، أو إذا تعذر عليك الحضور.
pool-mail-booked-intro = لقد حجزت مقابلة بخصوص التدريب العملي { $title }. أُرسلت الدعوات إلى كل الأشخاص أدناه.
pool-mail-cancelled-intro = تم إلغاء المقابلة بخصوص التدريب العملي { $title }.
pool-mail-guide-attached = دليل المقابلة مرفق.

# The interview guide, also linked from the candidate pool.
guide-title = دليل المقابلة
guide-filename = interview-guide.txt
guide-intro = مقابلة التدريب العملي حوار حول التوقعات، وليست امتحانًا. قد يتحدث المرشح السويدية كلغة ثانية: تحدثوا بهدوء، واستخدموا كلمات بسيطة، وأعطوه وقتًا للإجابة.
guide-step-1-title = التحضير
guide-step-1-text = اقرؤوا بطاقة المرشح. حددوا من يقود الحوار، واحجزوا مترجمًا فوريًا في وقت مبكر إذا لزم الأمر.
guide-step-2-title = الترحيب
guide-step-2-text = عرّفوا بأنفسكم وبمكان العمل. أخبروه كم تستغرق المقابلة وماذا يحدث بعدها.
guide-step-3-title = وصف التدريب العملي
guide-step-3-text = صفوا المهام وساعات العمل والمشرف، وكيف يبدو يوم العمل العادي.
guide-step-4-title = السؤال عن الخبرة
guide-step-4-text = اسألوا أسئلة مفتوحة عن العمل السابق والتعليم وما يريد المرشح أن يتعلمه. لا تسألوا عن الصحة أو الدين أو العائلة أو أي شيء آخر لا علاقة له بالعمل.
guide-step-5-title = الإجابة عن الأسئلة
guide-step-5-text = أعطوا المرشح وقتًا ليسأل. تأكدوا أنكم فهمتم بعضكم بعضًا.
guide-step-6-title = الختام
guide-step-6-text = أخبروا المرشح متى سيصله الرد. سجلوا النتيجة في Brygga في اليوم نفسه.
