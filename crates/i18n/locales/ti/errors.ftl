# Brygga – ትግርኛ (Tigrinya).
# Error messages shown beside a field or at the top of a form.

## General fields

error-required = እዚ ቦታ ክምላእ ኣለዎ።
error-too-long = እቲ ጽሑፍ ነዊሑ ኣሎ። ኣሕጽርዎ እሞ ደጊምኩም ፈትኑ።
error-number = ምሉእ ቁጽሪ ብኣሃዝ ጽሓፉ፡ ንኣብነት 12።
error-out-of-range = እቲ ቁጽሪ ካብቲ ዝተፈቕደ ወሰን ወጻኢ እዩ።
error-date = ዘሎ ዕለት ብመልክዕ YYYY-MM-DD ጽሓፉ፡ ንኣብነት 2025-03-31።
error-invalid-choice = ካብቲ ዝርዝር ሓደ ምረጹ።
error-period-order = ዕለት መወዳእታ ቅድሚ ዕለት መጀመርታ ክኸውን ኣይክእልን።
error-too-long-60 = እቲ ጽሑፍ ነዊሑ ኣሎ፡ እንተበዝሐ 60 ፊደላት።
error-too-long-200 = እቲ ጽሑፍ ነዊሑ ኣሎ፡ እንተበዝሐ 200 ፊደላት።
error-too-long-300 = እቲ ጽሑፍ ነዊሑ ኣሎ፡ እንተበዝሐ 300 ፊደላት።
error-too-long-500 = እቲ ጽሑፍ ነዊሑ ኣሎ፡ እንተበዝሐ 500 ፊደላት።
error-too-long-1000 = እቲ ጽሑፍ ነዊሑ ኣሎ፡ እንተበዝሐ 1000 ፊደላት።
error-too-long-5000 = እቲ ጽሑፍ ነዊሑ ኣሎ፡ እንተበዝሐ 5000 ፊደላት።
error-control-char = እቲ ጽሑፍ ክዕቀቡ ዘይክእሉ ዘይረኣዩ ፍሉያት ምልክታት (ንኣብነት null) ሒዙ ኣሎ። ኣልዩዎም እሞ ደጊምኩም ፈትኑ።
error-search-too-long = እቲ ድለያ ነዊሑ ኣሎ፡ እንተበዝሐ 200 ፊደላት ድለዩ።
error-date-range = ኣብ መንጎ ዓመታት 1900 ክሳብ 2100 ዘሎ ዕለት ጽሓፉ።
error-title-bad-request = እቲ ሕቶ ክንበብ ኣይከኣለን
error-bad-request = ገለ ኣብቲ ኣድራሻ ወይ ቅጥዒ ክንበብ ኣይከኣለን። ተመለሱ እሞ ደጊምኩም ፈትኑ።
error-bad-value = እቲ ዋጋ ክንበብ ኣይከኣለን። ዝጸሓፍኩምዎ ተቖጻጸሩ።

## Personal identity and organisation numbers

error-personnummer-format = ቁጽሪ መንነት (personnummer) ወይ ቁጽሪ ምትሕብባር (samordningsnummer) ብመልክዕ YYYYMMDD-NNNN ወይ YYMMDD-NNNN ጽሓፉ።
error-personnummer-date = እቲ ኣብ ቁጽሪ መንነት ዘሎ ዕለት የለን ወይ ኣብ መጻኢ እዩ።
error-personnummer-checksum = እቲ ናይ ምቁጽጻር ኣሃዝ ኣይሰማምዕን። ቁጽሪ መንነት ብትኽክል ከም ዝተጻሕፈ ተቖጻጸሩ።
error-orgnumber-format = ቁጽሪ ትካል ብመልክዕ NNNNNN-NNNN ጽሓፉ፡ ንኣብነት 556036-0793።
error-orgnumber-checksum = እቲ ናይ ምቁጽጻር ኣሃዝ ኣይሰማምዕን። ቁጽሪ ትካል ብትኽክል ከም ዝተጻሕፈ ተቖጻጸሩ።
error-duplicate-orgnumber = በዚ ቁጽሪ ትካል ዝተመዝገበ ትካል ድሮ ኣሎ።

## Contact details

error-email = ቅኑዕ ኣድራሻ ኢመይል ጽሓፉ፡ ንኣብነት namn@exempel.se።
error-duplicate-email = እዚ ኣድራሻ ኢመይል ድሮ ብካልእ ሕሳብ ይጥቀመሉ ኣሎ።
error-phone = ካብ 7 ክሳብ 15 ኣሃዛት ዘለዎ ቁጽሪ ተሌፎን ጽሓፉ፡ ንኣብነት 070-123 45 67።

## Languages, occupations and municipalities

error-cefr = ደረጃ ቋንቋ CEFR ምረጹ፡ ካብ A1 ክሳብ C2።
error-sfi = ኮርስ SFI ምረጹ: A, B, C ወይ D።
error-gender = ካብቲ ናይ ጾታ ምርጫታት ሓደ ምረጹ።
error-ssyk-format = ኮድ ሞያ ብመሰረት SSYK 2012 ኣርባዕተ ኣሃዛት ክኸውን ኣለዎ፡ ንኣብነት 5321።
error-ssyk-unknown = ዘይፍለጥ ኮድ ሞያ (SSYK 2012)። ካብቲ ዝርዝር ሞያ ምረጹ።
error-municipality-unknown = ዘይፍለጥ ኮሙን። ካብቲ ዝርዝር ኮሙን ምረጹ።

## Saving and permissions

error-conflict = ካልእ ሰብ ድሕሪ እዚ ገጽ ምኽፋትኩም ለውጢ ዓቂቡ ኣሎ። ሓድሽ ሓበሬታ ንምርኣይ ደጊምኩም ክፈትዎ፡ ድሕሪኡ ለውጥታትኩም ደጊምኩም ግበሩ።
error-not-found = እቲ እትደልይዎ የለን ወይ ተሰሪዙ እዩ።
error-forbidden = ነዚ ንምግባር ፍቓድ የብልኩምን።

## Sign-in and passwords

error-password-too-short = መሕለፊ ቃል እንተወሓደ 12 ፊደላት ክኸውን ኣለዎ።
error-password-mismatch = እቶም መሕለፊ ቃላት ኣይሰማምዑን። ኣብ ክልቲኡ ቦታ ሓደ መሕለፊ ቃል ጽሓፉ።
error-login-failed = ጌጋ ኢመይል ወይ መሕለፊ ቃል።
error-login-throttled = ብዙሕ ዘይተዓወተ ፈተነ ምእታው። ቁሩብ ተጸበዩ እሞ ደጊምኩም ፈትኑ።
error-csrf = ግዜ ናይቲ ቅጥዒ ሓሊፉ። ነቲ ገጽ ሓድሱዎ እሞ ደጊምኩም ፈትኑ።

## Used by other parts (registry, store, error pages)

error-birth-year-mismatch = ዓመተ ልደት ምስ ቁጽሪ መንነት ኣይሰማማዕን።
error-duplicate-personnummer = በዚ ቁጽሪ መንነት ዝተመዝገበ ተሳታፊ ድሮ ኣሎ።
error-language-level = ነቲ ቋንቋ ደረጃ ምረጹ፡ ካብ A1 ክሳብ C2።
error-password-wrong = እቲ ሕጂ ዘሎ መሕለፊ ቃል ጌጋ እዩ።
error-status-transition = ኩነታት ካብቲ ሕጂ ዘሎ ናብቲ ዝተመርጸ ክቕየር ኣይክእልን።
error-internal = ኣብ ወገንና ጌጋ ኣጋጢሙ። ቁሩብ ጸኒሕኩም ደጊምኩም ፈትኑ።
error-title-forbidden = ምእታው ተኸልኪሉ
error-title-not-found = እቲ ገጽ ኣይተረኽበን
error-title-internal = ጌጋ ኣጋጢሙ

error-org-parent = ሓደ ደረጃ ልዕሊኡ ዘሎ ዋና ትካል ምረጹ (ዞባ → ኮሙን → መደብ → ጉጅለ)።
error-deactivate-self = ናትኩም ሕሳብ ደው ከተብልዎ ኣይትኽእሉን።
error-title-conflict = ብካልእ ሰብ ተቐይሩ
error-title-invalid = እቲ ሓበሬታ ክዕቀብ ኣይከኣለን
error-invalid = ገለ ሓበሬታ ጎዲሉ ወይ ጌጋ እዩ። ተመለሱ እሞ ኣእርምዎ።

error-title-too-large = እቲ ሕቶ ኣዝዩ ዓቢ እዩ
error-too-large = እቲ ዝተላእከ ኣዝዩ ዓቢ እዩ። ፋይላት እንተበዝሐ 10 MiB ክኾኑ ኣለዎም። ተመለሱ እሞ ንእሽቶ ፋይል ምረጹ።
