# Brygga – Arabic. journey: the board, a participant's staircase and moving along it

journey-board-title = اللوحة
journey-programme = البرنامج
journey-show-board = عرض اللوحة
journey-board-empty = لا يوجد أحد هنا الآن.
journey-board-more = … وآخرون (العدد: { $count }).
journey-no-programmes = ليس لديك برامج لعرضها.

journey-title = المسار
journey-staircase = الدرجات
# journey-done, -now and -next are also used by the compact journey on the participant's page.
journey-done = تم
journey-now = الآن
journey-next = التالي
journey-holds = متحقق
journey-missing = ناقص
journey-current = الآن: { $stage }
# The compact journey shown on the participant's page.
journey-compact-title = أين أنت في المسار
journey-open = عرض المسار كاملًا

journey-move = الانتقال إلى مرحلة أخرى
journey-field-stage = المرحلة
journey-hint-stage = للتقدم إلى الأمام يجب أن تتحقق كل الشروط حتى هذه المرحلة، بما فيها شروط هذه المرحلة. الرجوع خطوة إلى الوراء يحتاج إلى ملاحظة.
journey-field-note = ملاحظة
journey-hint-note = السبب، عند الرجوع إلى الوراء.
journey-move-button = نقل
journey-manual = شروط تحتاج إلى تأكيد
journey-confirm-button = تأكيد

journey-history = السجل
journey-history-empty = لا توجد أحداث بعد.
journey-col-when = متى
journey-col-what = ماذا
journey-col-note = ملاحظة
journey-col-who = من
journey-event-stage = انتقل إلى { $stage }
journey-event-checkpoint = تم تأكيد { $checkpoint }

journey-blocked-manual = غير مؤكَّد: { $label }
journey-blocked-profile_recorded = لا يوجد ملف شخصي مسجل (مستوى السويدية، اللغات، التعليم أو الخبرة)
journey-blocked-consent_share = لا توجد موافقة على المشاركة مع أصحاب العمل
journey-blocked-proposed = لم يتم الاقتراح لأي مكان تدريب
journey-blocked-interview_booked = لا توجد مقابلة محجوزة
journey-blocked-interview_passed = لا توجد مقابلة ناجحة
journey-blocked-eligibility_confirmed = الأهلية غير مؤكَّدة من Arbetsförmedlingen
journey-blocked-es_decision = لا يوجد قرار من Arbetsförmedlingen
journey-blocked-agreement_signed = لا توجد اتفاقية تدريب عملي موقَّعة

journey-error-blocked = لا يمكن الانتقال بعد. هذا ما ينقص:
journey-error-same-stage = المشارك في هذه المرحلة من قبل. يُرجى اختيار مرحلة أخرى.
journey-error-note-required = يُرجى كتابة سبب إرجاع المشارك إلى الوراء.
# Also reported by the process editor (process.ftl).
journey-error-unknown-checkpoint = هذا الشرط غير موجود في خريطة البرنامج.
journey-error-not-manual = هذا الشرط يتحقق من السجلات، وليس بوضع علامة يدويًا.
