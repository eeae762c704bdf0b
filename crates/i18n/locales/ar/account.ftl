# Brygga – Arabic. account: logins for the people in the records – invitations, links, password resets

account-login = حساب الدخول
account-linked = حساب الدخول: { $email }
account-none = لا يوجد حساب دخول
account-invited-until = تمت الدعوة – الرابط صالح حتى { $date }
account-invite = دعوة لإنشاء حساب دخول
account-invite-again = إرسال الدعوة مرة أخرى
account-invite-staff = دعوة جهة تعليمية أو موظف
account-unlink = فك ربط حساب الدخول
account-back = رجوع

invite-kind-supervisor = مشرف
invite-kind-employer_contact = شخص الاتصال
invite-kind-participant = مشارك
invite-kind-staff = موظفون بدون سجل (جهة تعليمية، موظف لدى Arbetsförmedlingen)

account-invite-title = دعوة لإنشاء حساب دخول
account-invite-intro = يصل إلى الشخص بريد إلكتروني فيه رابط صالح لمدة سبعة أيام ويعمل مرة واحدة. يختار هناك كلمة مرور ويدخل إلى النظام. الدعوة الجديدة تحل محل الدعوة السابقة.
account-invite-send = إرسال الدعوة
field-invite_lang = لغة البريد الإلكتروني
account-link-title = ربط حساب دخول موجود
account-link-intro = هل لدى الشخص حساب دخول بالدور الصحيح من قبل؟ يُرجى كتابة عنوان بريده الإلكتروني لربطه بالسجل.
field-link_email = البريد الإلكتروني لحساب الدخول
account-link-submit = ربط

account-invite-sent-title = تم إرسال الدعوة
account-reset-sent-title = تم إرسال رابط كلمة المرور الجديدة
account-sent-to = رسالة إلى { $email } موجودة في صندوق الصادر.
account-sent-expires = الرابط صالح حتى { $date } ويعمل مرة واحدة.
account-sent-no-smtp = لم يتم إعداد خادم بريد إلكتروني، لذلك لا يمكن إرسال الرسالة الآن. يُرجى نسخ الرابط وإعطاؤه للشخص بطريقة أخرى.
account-sent-link = رابط لمرة واحدة

account-reset-title = كلمة مرور جديدة
account-reset-intro = إرسال رابط يختار فيه المستخدم كلمة مرور جديدة. الرابط صالح لمدة 24 ساعة. تبقى كلمة المرور القديمة صالحة حتى يُستخدم الرابط.
account-reset-send = إرسال رابط كلمة مرور جديدة

account-link-welcome-title = مرحبًا بك في Brygga
account-link-welcome-intro = يُرجى اختيار كلمة مرور لحسابك.
account-link-reset-title = اختيار كلمة مرور جديدة
account-link-reset-intro = يُرجى اختيار كلمة مرور جديدة. سيتم تسجيل خروجك من كل الأماكن التي سجلت الدخول فيها.
account-link-login-name = تسجل الدخول بـ { $email }.
account-link-set-password = حفظ كلمة المرور وتسجيل الدخول
account-link-expired-title = انتهت صلاحية الرابط
account-link-expired = الرابط لم يعد صالحًا. يُرجى طلب رابط جديد من المنسق أو مدير النظام.
account-link-used-title = تم استخدام الرابط من قبل
account-link-used = تم استخدام الرابط من قبل. يُرجى تسجيل الدخول بكلمة المرور، أو طلب رابط جديد إذا نسيتها.
account-link-unknown-title = الرابط غير صالح
account-link-unknown = الرابط غير معروف أو تم استبداله برابط أحدث. يُرجى استخدام آخر رابط وصلك، أو طلب رابط جديد.

account-mail-invite-subject = دعوة إلى Brygga
account-mail-invite-body = تمت دعوتك إلى Brygga، حيث يتم تنسيق التدريب العملي. يُرجى فتح الرابط أدناه واختيار كلمة مرور.
account-mail-reset-subject = كلمة مرور جديدة لـ Brygga
account-mail-reset-body = طلب شخص ما كلمة مرور جديدة لحسابك في Brygga. يُرجى فتح الرابط أدناه واختيار كلمة مرور جديدة.
account-mail-greeting = مرحبًا { $name }!
account-mail-expires = الرابط صالح حتى { $date } ويعمل مرة واحدة.
account-mail-ignore = إذا كانت هذه الرسالة غير متوقعة، يمكنك تجاهلها.

user-edit = تعديل المستخدم
hint-new-user-role = الدور المختار مسبقًا هو الدور الأقل صلاحيات (مُقيِّم). يُرجى اختيار الدور الذي يحتاجه الشخص.

error-invite-linked = للسجل حساب دخول من قبل. يُرجى فك ربطه أولًا.
error-invite-email-taken = يوجد حساب دخول بهذا العنوان من قبل. يُرجى ربط الحساب الموجود بدلًا من ذلك.
error-link-no-user = لا يوجد حساب دخول بهذا العنوان.
error-link-role = لحساب الدخول دور مختلف عن الدور الذي يحتاجه السجل.
error-link-other-employer = حساب الدخول تابع لصاحب عمل آخر.
error-link-taken = حساب الدخول مرتبط بسجل آخر من قبل.
error-reset-inactive = المستخدم موقوف. يُرجى تفعيله أولًا.
error-role-self = لا يمكنك إزالة دور مدير النظام عن نفسك.
user-tokens = مفاتيح API
