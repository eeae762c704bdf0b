# Brygga – ትግርኛ (Tigrinya).
# todo: what each role must act on (the home page and the e-mail digest)

todo-title = ዝግበሩ
todo-nothing = ሕጂ ዝጽበየኩም ነገር የለን።
todo-all = ኩሉ ኣርእዩ
todo-new-interests = ሓደስቲ ምርኣይ ድሌት ({ $count })
todo-interview-requests = ቃለ-መሕትት ዝደልዩ ኣስራሕቲ ({ $count })
todo-declined = ኣብ ዝሓለፉ ክልተ ሰሙን ብኣስራሒ ዝተነጽጉ ({ $count })
todo-decisions = ሓደስቲ ውሳነታት ካብ Arbetsförmedlingen ({ $count })
todo-stalled = ን30 መዓልቲ ሓድሽ ስጉምቲ ዘይብሎም ተሳተፍቲ ({ $count })
todo-follow-up-exit = ኣብ መወዳእታ ዝምዝገቡ ውጽኢታት ({ $count })
todo-follow-up-week4 = ኣብ ውሽጢ ኣርባዕተ ሰሙን ዝግበሩ ክትትላት ({ $count })
todo-follow-up-month3 = ድሕሪ ሰለስተ ወርሒ ዝግበሩ ክትትላት ({ $count })
todo-follow-up-month6 = ድሕሪ ሽዱሽተ ወርሒ ዝግበሩ ክትትላት ({ $count })
todo-proposed-candidates = ሓደስቲ ዝተሓበሩ ተወዳደርቲ ({ $count })
todo-interviews = ዝመጹ ቃለ-መሕትታት ({ $count })
todo-agreements-to-sign = ዝፍረሙ ስምምዓት ({ $count })
todo-cases-shared = ምሳኹም ዝተኻፈሉ ጉዳያት ({ $count })
todo-today = ሎሚ ({ $count })
todo-absences = ኣብ ዝሓለፈ ሰሙን ዝተሓበረ ዘይምምጻእ ({ $count })
todo-meetings = ኣብ ዝመጽእ ሰሙን ኣኼባታት ክትትል ({ $count })
todo-actions = ኣብ ውሽጢ ሰሙን ዝግበሩ ስጉምትታት ({ $count })
todo-checklists-stale = ንክልተ ሰሙን ዘይተተንከፉ ዝርዝራት ምርግጋጽ ({ $count })
todo-my-interviews = ናትኩም ዝመጹ ቃለ-መሕትታት ({ $count })
todo-mail-subject = Brygga: ሓደስቲ ዝግበሩ
todo-mail-intro = ካብቲ ዝሓለፈ መልእኽቲ ንደሓር እዚ ተወሲኹ:
todo-mail-opt-out = ኢመይል ካብ Brygga ኣብዚ ከተቋርጽዎ ትኽእሉ:
notify-title = መፍለጢታት
notify-email = ሓድሽ ነገር ምስ ዝጽበየኒ ኢመይል ስደዱለይ
notify-lang = ቋንቋ ኢመይል
notify-saved = ምርጫታትኩም ተዓቂቦም ኣለዉ።
