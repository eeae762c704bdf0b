# Brygga – the interface in Arabic.
# common: navigation, tabs, actions, filters, shared field labels and value sets

nav-skip = الانتقال إلى المحتوى
nav-main = القائمة الرئيسية
nav-home = إلى الصفحة الرئيسية
nav-profile = ملفي الشخصي
nav-participants = المشاركون
nav-employers = أصحاب العمل
nav-placements = أماكن التدريب
nav-board = اللوحة
nav-inbox = صندوق الوارد
nav-jobs = قائمة انتظار البريد الإلكتروني
nav-open-placements = أماكن تدريب متاحة
# Tabs between a record's pages in different features.
tabs-participant = صفحات المشارك
tab-journey = المسار
tab-clearance = الموافقة (AF)
tab-agreements = الاتفاقيات
tab-pool = مجموعة المرشحين
nav-audit = السجل
nav-password = تغيير كلمة المرور
nav-logout = تسجيل الخروج
lang-switch = På svenska
nav-learning = التدريب العملي
lang-choose = اللغة
choose = اختيار …
pager = الصفحات

action-save = حفظ
action-edit = تعديل
filter-search = بحث
filter-all = الكل
filter-apply = عرض
list-count = النتائج: { $count }
form-has-errors = { $count ->
    [one] يوجد حقل واحد يحتاج إلى تصحيح. يُرجى قراءة الرسالة بجانبه.
    [two] يوجد حقلان يحتاجان إلى تصحيح. يُرجى قراءة الرسالتين بجانبهما.
   *[other] عدد الحقول التي تحتاج إلى تصحيح: { $count }. يُرجى قراءة الرسائل بجانبها.
}

field-name = الاسم
field-email = البريد الإلكتروني
field-password = كلمة المرور
field-repeat = تكرار كلمة المرور الجديدة
field-municipality_code = البلدية
field-swedish_level = اللغة السويدية (مستوى CEFR)
field-languages = لغات أخرى
field-education_level = المستوى التعليمي
field-experience = الخبرة العملية
field-skills = المهارات
hint-skills = يُرجى الفصل بينها بفواصل.
field-wished_occupations = المهن المرغوبة
field-available_days = الأيام المتاحة
field-driving_licence = رخصة القيادة
field-eligibility = الوضع لدى Arbetsförmedlingen
field-notes = ملاحظات
field-employer_id = صاحب العمل

col-language = اللغة
col-level = المستوى
col-name = الاسم
col-email = البريد الإلكتروني

role-admin = مدير النظام
role-programme_manager = مدير البرنامج
role-coordinator = منسق
role-employer_contact = مسؤول اتصال لدى صاحب العمل
role-supervisor = مشرف
role-education_provider = جهة تعليمية
role-es_officer = موظف لدى Arbetsförmedlingen
role-participant = مشارك
role-evaluator = مُقيِّم

gender-female = أنثى
gender-male = ذكر
gender-other = آخر
gender-unspecified = أفضل عدم الإجابة

sector-public = القطاع العام
sector-private = القطاع الخاص
sector-non_profit = غير ربحي

agreement-none = لا يوجد
agreement-draft = مسودة
agreement-sent = مُرسَل
agreement-signed = موقَّع
agreement-ended = منتهٍ

placement-status-draft = مسودة
placement-status-submitted = مُرسَل للمراجعة
placement-status-published = منشور
placement-status-filled = مكتمل
placement-status-closed = مغلق

eligibility-unknown = غير معروف
eligibility-pending = قيد التقييم
eligibility-eligible = مؤكَّد
eligibility-not_eligible = غير مؤهل

education-none = بدون تعليم رسمي
education-primary = مدرسة ابتدائية، أقل من 9 سنوات
education-lower_secondary = التعليم الأساسي، 9 (10) سنوات
education-upper_secondary = المدرسة الثانوية
education-post_secondary_short = تعليم بعد الثانوية، أقل من 3 سنوات
education-bachelor = تعليم بعد الثانوية، 3 سنوات أو أكثر
education-master = مستوى متقدم (ماجستير)
education-doctoral = دراسات الدكتوراه

licence-none = بدون رخصة قيادة
licence-AM = AM (دراجة صغيرة)
licence-A1 = A1
licence-A2 = A2
licence-A = A (دراجة نارية)
licence-B = B (سيارة)
licence-BE = BE
licence-C1 = C1
licence-C1E = C1E
licence-C = C (شاحنة)
licence-CE = CE
licence-D1 = D1
licence-D1E = D1E
licence-D = D (حافلة)
licence-DE = DE

weekday-mon = الاثنين
weekday-tue = الثلاثاء
weekday-wed = الأربعاء
weekday-thu = الخميس
weekday-fri = الجمعة
weekday-sat = السبت
weekday-sun = الأحد

consent-registry = التسجيل في Brygga
consent-share_with_employers = مشاركة الملف الشخصي مع أصحاب العمل
consent-statistics = الاحتساب في الإحصاءات
consent-contact_by_email = التواصل عبر البريد الإلكتروني

accommodation-step_free_access = مدخل بدون درج
accommodation-quiet_room = غرفة هادئة
accommodation-flexible_hours = ساعات عمل مرنة
accommodation-interpreter = مترجم فوري
accommodation-written_instructions = تعليمات مكتوبة
accommodation-part_time = دوام جزئي

nav-users = المستخدمون
nav-organisations = المنظمة

nav-plan = المطابقة
nav-my-week = أسبوعي
nav-absences = الغياب
nav-calendar = التقويم
