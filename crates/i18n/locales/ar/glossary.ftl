# Brygga – Arabic. glossary: plain-language explanations of terms a newcomer may not know

glossary-title = كلمات قد تكون جديدة عليك
glossary-cefr = مستوى CEFR: مقياس لمعرفتك بلغة ما، من A1 (مبتدئ) إلى C2 (جيد جدًا).
glossary-sfi = SFI: دورة اللغة السويدية للمهاجرين، وهي دورة مجانية للكبار تقدمها البلدية.
glossary-vocational-swedish = السويدية المهنية (yrkessvenska): اللغة السويدية بالكلمات والمحادثات التي تحتاجها في مهنتك.
glossary-ssyk = SSYK: قائمة المهن في السويد، ولكل مهنة رمز.
glossary-es-decision = قرار من Arbetsförmedlingen (مكتب العمل): يقرر المكتب أنه يمكنك القيام بالتدريب، وهل تحصل على تعويض مالي خلاله.
glossary-internship = التدريب العملي (praktik): تتعلم عملًا في مكان عمل لفترة من الوقت، مع مشرف.
glossary-supervisor = المشرف (handledare): الشخص في مكان العمل الذي يعلمك العمل ويتابع تقدمك.
glossary-requirement-profile = ملف المتطلبات (kravprofil): ما يحتاجه العمل، مثل المهام والمهارات واللغة.
glossary-checklist = قائمة الأهداف: ما عليك تعلمه خلال التدريب، ويضع المشرف علامة على كل هدف تحققه.
glossary-assessment = التقييم: يصف المشرف كيف تسير أمورك، في منتصف التدريب وفي نهايته.
glossary-development-plan = خطة التطوير: خطواتك القادمة نحو عمل، ومن يفعل ماذا ومتى.
glossary-validation = التحقق من الكفاءة: يتم تقييم ما تعرفه من قبل وكتابته، حتى يثق به صاحب العمل.
