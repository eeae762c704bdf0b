# Brygga – Arabic. participant: the participant register

unit-years = سنوات
consent-withdrawn = تم سحبها

participant-new = مشارك جديد
participant-edit = تعديل بيانات المشارك

section-identity = البيانات الشخصية والتواصل
section-languages = اللغات
section-background = التعليم والخبرة
section-availability = الأوقات المتاحة والاحتياجات

field-first_name = الاسم الأول
field-last_name = اسم العائلة
field-personnummer = الرقم الشخصي أو رقم التنسيق (اختياري)
field-phone = الهاتف
field-gender = الجنس
field-birth_year = سنة الميلاد
field-cohort_id = الدفعة (اختياري)
field-programme_id = البرنامج
hint-languages = سطر واحد لكل لغة. الأسطر الفارغة لا تُحفظ.
field-sfi_level = دورة SFI
field-education_field = مجال التعليم
field-education_country = بلد التعليم
hint-experience = سطر واحد لكل مهنة: المهنة (SSYK 2012، للبحث يكفي كتابة بضعة أحرف)، وعدد السنوات، والبلد.
hint-wished_occupations = مهنة واحدة في كل حقل (SSYK 2012). للبحث يكفي كتابة بضعة أحرف؛ الحقول الفارغة تتيح إضافة المزيد.
field-max_commute_km = أطول مسافة للتنقل (كم)
field-special_needs = احتياجات خاصة (معلومات حساسة، يراها المنسقون فقط)
field-needed_accommodations = التسهيلات المطلوبة في مكان العمل (معلومات حساسة)
field-consents = الموافقات

col-occupation = المهنة
col-years = السنوات
col-country = البلد
participant-duplicates-title = هل هذا المشارك مسجل من قبل؟
participant-duplicates-text = لم يتم إنشاء مشارك. هؤلاء لهم الاسم وسنة الميلاد نفسهما، أو البريد الإلكتروني نفسه، أو رقم الهاتف نفسه. يُرجى فتحهم للتحقق، أو وضع علامة على "الإنشاء على أي حال" والحفظ مرة أخرى.
participant-duplicates-confirm = الإنشاء على أي حال
participant-duplicates-api = توجد سجلات مكررة على الأرجح؛ أرسل الطلب مرة أخرى مع confirm_duplicate=true للإنشاء على أي حال.

## Leaving the programme
exit-title = إنهاء المشاركة
exit-record = إنهاء المشاركة في البرنامج
exit-explain = بعد أن يغادر المشارك البرنامج، لا يتم اقتراحه لأماكن التدريب ولا يدخل في المطابقات. إذا سُجلت المغادرة بالخطأ يمكن التراجع عنها.
exit-left-notice = غادر البرنامج
exit-open = عرض المغادرة
exit-recorded-by = سجّلها
exit-save = تسجيل المغادرة
exit-correct = حفظ التغيير
exit-undo = التراجع عن المغادرة
field-left_on = آخر يوم في البرنامج
field-exit_reason = السبب
field-exit_note = تعليق
hint-exit_note = مطلوب عندما يكون السبب "سبب آخر". يراه المنسقون.
exit-reason-completed = أكمل البرنامج
exit-reason-work = حصل على عمل
exit-reason-studies = بدأ الدراسة
exit-reason-moved = انتقل إلى مكان آخر
exit-reason-discontinued = توقف عن البرنامج
exit-reason-other = سبب آخر
exit-error-far-ahead = يمكن تسجيل المغادرة قبل شهرين كحد أقصى.
exit-error-note = يُرجى ذكر السبب.
