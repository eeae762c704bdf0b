# Brygga – Arabic. file: stored files (uploads)

file-error-empty = يُرجى اختيار ملف لرفعه.
file-error-too-large = الملف كبير جدًا. الحد الأقصى للحجم 10 MiB.
file-error-type = الملف ليس من نوع PDF أو PNG أو JPEG (نحن نقرأ محتوى الملف، وليس اسمه).
