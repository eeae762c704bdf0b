# Brygga – Arabic. agreement: collaboration and internship agreements

agreements-title = الاتفاقيات
agreements-none = لا توجد اتفاقيات بعد.
agreements-new = اتفاقية جديدة
agreements-no-candidacy = لم يتم اقتراح المشارك لأي مكان تدريب بعد. اتفاقية التدريب العملي تحتاج إلى اقتراح لمكان التدريب.
agreements-create-collaboration = إنشاء اتفاقية تعاون
agreements-create-internship = إنشاء اتفاقية تدريب عملي

agreement-kind-collaboration = اتفاقية تعاون
agreement-kind-internship = اتفاقية تدريب عملي

agreement-field-kind = الاتفاقية
agreement-field-parties = الأطراف
agreement-field-status = الحالة
agreement-field-signed_on = تاريخ التوقيع
agreement-field-placement_id = مكان التدريب
agreement-field-supervisor_id = المشرف
agreement-field-document = وثيقة الاتفاقية
agreement-field-signed_copy = نسخة موقَّعة
agreement-field-file = الاتفاقية الموقَّعة (ملف)
agreement-hint-file = PDF أو PNG أو JPEG، بحجم 10 MiB كحد أقصى.
agreement-no-document = لا توجد بعد
agreement-upload-title = رفع الاتفاقية الموقَّعة

agreement-action-generate = إنشاء PDF
agreement-action-sent = وضع علامة "مُرسَلة"
agreement-action-signed = الرفع ووضع علامة "موقَّعة"
agreement-action-end = إنهاء الاتفاقية
agreement-action-cancel = إلغاء الاتفاقية

agreement-error-not-generated = يُرجى إنشاء وثيقة الاتفاقية (PDF) قبل وضع علامة "مُرسَلة" عليها.
agreement-error-transition = هذا غير ممكن في الحالة الحالية للاتفاقية.
agreement-error-exists = توجد اتفاقية مفتوحة من هذا النوع من قبل.
agreement-error-not-proposed = لم يتم اقتراح المشارك لمكان التدريب هذا (أو تم رفض الاقتراح أو سحبه).
agreement-error-supervisor = يُرجى اختيار مشرف لدى صاحب العمل في مكان التدريب.
