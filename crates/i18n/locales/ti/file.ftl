# Brygga – ትግርኛ (Tigrinya).
# file: stored files (uploads)

file-error-empty = ዝሰቐል ፋይል ምረጹ።
file-error-too-large = እቲ ፋይል ኣዝዩ ዓቢ እዩ። እቲ ዝዓበየ ዝተፈቕደ መጠን 10 MiB እዩ።
file-error-type = እቲ ፋይል PDF፡ PNG ወይ JPEG ኣይኮነን (ንሕና ትሕዝቶ ናይቲ ፋይል ኢና እነንብብ፡ ስሙ ኣይኮነን)።
