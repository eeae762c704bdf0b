# Brygga – the interface in Ukrainian.
# file: stored files (uploads)

file-error-empty = Виберіть файл для завантаження.
file-error-too-large = Файл завеликий. Найбільший дозволений розмір — 10 MiB.
file-error-type = Файл не є PDF, PNG або JPEG (ми перевіряємо вміст файлу, а не його назву).
