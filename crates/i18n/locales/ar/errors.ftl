# Brygga – Arabic. Error messages shown beside a field or at the top of a form.

## General fields

error-required = هذا الحقل مطلوب.
error-too-long = النص طويل جدًا. يُرجى تقصيره والمحاولة مرة أخرى.
error-number = يُرجى كتابة عدد صحيح بالأرقام، مثل 12.
error-out-of-range = الرقم خارج النطاق المسموح.
error-date = يُرجى كتابة تاريخ صحيح بالشكل YYYY-MM-DD، مثل 2025-03-31.
error-invalid-choice = يُرجى اختيار أحد الخيارات في القائمة.
error-period-order = لا يمكن أن يكون تاريخ النهاية قبل تاريخ البداية.
error-too-long-60 = النص طويل جدًا: 60 حرفًا كحد أقصى.
error-too-long-200 = النص طويل جدًا: 200 حرف كحد أقصى.
error-too-long-300 = النص طويل جدًا: 300 حرف كحد أقصى.
error-too-long-500 = النص طويل جدًا: 500 حرف كحد أقصى.
error-too-long-1000 = النص طويل جدًا: 1000 حرف كحد أقصى.
error-too-long-5000 = النص طويل جدًا: 5000 حرف كحد أقصى.
error-control-char = يحتوي النص على رموز تحكم غير مرئية (مثل الحرف الفارغ) لا يمكن حفظها. يُرجى حذفها والمحاولة مرة أخرى.
error-search-too-long = نص البحث طويل جدًا: 200 حرف كحد أقصى.
error-date-range = يُرجى كتابة تاريخ بين عامي 1900 و2100.
error-title-bad-request = تعذرت قراءة الطلب
error-bad-request = تعذرت قراءة شيء في العنوان أو في النموذج. يُرجى الرجوع والمحاولة مرة أخرى.
error-bad-value = تعذرت قراءة القيمة. يُرجى التحقق مما كتبته.

## Personal identity and organisation numbers

error-personnummer-format = يُرجى كتابة الرقم الشخصي أو رقم التنسيق بالشكل YYYYMMDD-NNNN أو YYMMDD-NNNN.
error-personnummer-date = التاريخ في الرقم الشخصي غير موجود أو في المستقبل.
error-personnummer-checksum = رقم التحقق غير مطابق. يُرجى التأكد من كتابة الرقم الشخصي بشكل صحيح.
error-orgnumber-format = يُرجى كتابة رقم المنظمة بالشكل NNNNNN-NNNN، مثل 556036-0793.
error-orgnumber-checksum = رقم التحقق غير مطابق. يُرجى التأكد من كتابة رقم المنظمة بشكل صحيح.
error-duplicate-orgnumber = توجد منظمة بهذا الرقم من قبل.

## Contact details

error-email = يُرجى كتابة عنوان بريد إلكتروني صحيح، مثل name@example.se.
error-duplicate-email = عنوان البريد الإلكتروني هذا مستخدم في حساب آخر.
error-phone = يُرجى كتابة رقم هاتف من 7 إلى 15 رقمًا، مثل 070-123 45 67.

## Languages, occupations and municipalities

error-cefr = يُرجى اختيار مستوى لغة CEFR، من A1 إلى C2.
error-sfi = يُرجى اختيار دورة SFI: A أو B أو C أو D.
error-gender = يُرجى اختيار أحد خيارات الجنس.
error-ssyk-format = رمز المهنة يجب أن يكون أربعة أرقام من SSYK 2012، مثل 5321.
error-ssyk-unknown = رمز مهنة غير معروف (SSYK 2012). يُرجى اختيار مهنة من القائمة.
error-municipality-unknown = بلدية غير معروفة. يُرجى اختيار بلدية من القائمة.

## Saving and permissions

error-conflict = حفظ شخص آخر تغييرات بعد أن فتحت هذه الصفحة. يُرجى فتح السجل مرة أخرى لرؤية آخر المعلومات، ثم إعادة تغييراتك.
error-not-found = ما تبحث عنه غير موجود أو تم حذفه.
error-forbidden = ليس لديك إذن للقيام بهذا.

## Sign-in and passwords

error-password-too-short = يجب أن تتكون كلمة المرور من 12 حرفًا على الأقل.
error-password-mismatch = كلمتا المرور غير متطابقتين. يُرجى كتابة كلمة المرور نفسها في الحقلين.
error-login-failed = البريد الإلكتروني أو كلمة المرور غير صحيحة.
error-login-throttled = محاولات دخول فاشلة كثيرة جدًا. يُرجى الانتظار قليلًا والمحاولة مرة أخرى.
error-csrf = انتهت صلاحية النموذج. يُرجى إعادة تحميل الصفحة والمحاولة مرة أخرى.

## Used by other parts (registry, store, error pages)

error-birth-year-mismatch = سنة الميلاد لا تطابق الرقم الشخصي.
error-duplicate-personnummer = يوجد مشارك بهذا الرقم الشخصي من قبل.
error-language-level = يُرجى اختيار مستوى للغة، من A1 إلى C2.
error-password-wrong = كلمة المرور الحالية غير صحيحة.
error-status-transition = لا يمكن تغيير الحالة من الحالة الحالية إلى الحالة المختارة.
error-internal = حدث خطأ من جهتنا. يُرجى المحاولة مرة أخرى بعد قليل.
error-title-forbidden = الدخول غير مسموح
error-title-not-found = الصفحة غير موجودة
error-title-internal = حدث خطأ

error-org-parent = يُرجى اختيار منظمة أم في المستوى الأعلى مباشرة (منطقة ← بلدية ← برنامج ← دفعة).
error-deactivate-self = لا يمكنك إيقاف حسابك أنت.
error-title-conflict = غيّره شخص آخر
error-title-invalid = تعذر حفظ المعلومات
error-invalid = بعض المعلومات ناقصة أو غير صحيحة. يُرجى الرجوع وتصحيحها.

error-title-too-large = الطلب كبير جدًا
error-too-large = ما أرسلته كبير جدًا. الحد الأقصى لحجم الملف 10 MiB. يُرجى الرجوع واختيار ملف أصغر.
