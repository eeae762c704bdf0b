# Brygga – ትግርኛ (Tigrinya).
# agreement: collaboration and internship agreements

agreements-title = ስምምዓት
agreements-none = ክሳብ ሕጂ ስምምዕ የለን።
agreements-new = ሓድሽ ስምምዕ
agreements-no-candidacy = እቲ ተሳታፊ ክሳብ ሕጂ ንዝኾነ ቦታ ልምምድ ኣይተሓበረን። ውዕል ልምምድ ንቦታ ልምምድ ዝቐረበ ሓሳብ የድልዮ።
agreements-create-collaboration = ውዕል ምትሕብባር ፍጠሩ
agreements-create-internship = ውዕል ልምምድ ፍጠሩ

agreement-kind-collaboration = ውዕል ምትሕብባር
agreement-kind-internship = ውዕል ልምምድ

agreement-field-kind = ስምምዕ
agreement-field-parties = ወገናት
agreement-field-status = ኩነታት
agreement-field-signed_on = ዝተፈረመሉ ዕለት
agreement-field-placement_id = ቦታ ልምምድ
agreement-field-supervisor_id = ተሓላቒ (handledare)
agreement-field-document = ሰነድ ስምምዕ
agreement-field-signed_copy = ዝተፈረመ ቅዳሕ
agreement-field-file = ዝተፈረመ ስምምዕ (ፋይል)
agreement-hint-file = PDF፡ PNG ወይ JPEG፡ እንተበዝሐ 10 MiB።
agreement-no-document = ገና የለን
agreement-upload-title = ዝተፈረመ ስምምዕ ስቐሉ

agreement-action-generate = PDF ፍጠሩ
agreement-action-sent = ከም ዝተላእከ ምልክት ግበሩ
agreement-action-signed = ስቐሉ እሞ ከም ዝተፈረመ ምልክት ግበሩ
agreement-action-end = ስምምዕ ዛዝሙ
agreement-action-cancel = ስምምዕ ሰርዙ

agreement-error-not-generated = ቅድሚ እቲ ስምምዕ ከም ዝተላእከ ምምልካት፡ ሰነድ ስምምዕ (PDF) ፍጠሩ።
agreement-error-transition = ኣብዚ ሕጂ ዘሎ ኩነታት ናይቲ ስምምዕ እዚ ኣይከኣልን።
agreement-error-exists = ናይዚ ዓይነት ዝቕጽል ስምምዕ ድሮ ኣሎ።
agreement-error-not-proposed = እቲ ተሳታፊ ነዚ ቦታ ልምምድ ኣይተሓበረን (ወይ እቲ ሓሳብ ተነጺጉ ወይ ተሰሒቡ)።
agreement-error-supervisor = ኣብቲ ኣስራሒ ናይቲ ቦታ ልምምድ ዘሎ ተሓላቒ ምረጹ።
