# glossary: one-line, plain-language explanations of terms a newcomer may not know, shown beside
# the term on the pages a participant sees (in her own language)

glossary-title = Words that may be new
glossary-cefr = CEFR level: a scale of how well you know a language, from A1 (beginner) to C2 (very good).
glossary-sfi = SFI: Swedish for immigrants, the municipality's free Swedish course for adults.
glossary-vocational-swedish = Vocational Swedish: Swedish with the words and conversations your own trade needs.
glossary-ssyk = SSYK: Sweden's list of occupations; each occupation has a code.
glossary-es-decision = Decision from Arbetsförmedlingen (the Public Employment Service): the agency decides that you may do the internship and whether you get an allowance meanwhile.
glossary-internship = Internship (praktik): you learn a job at a workplace for a time, with a supervisor.
glossary-supervisor = Supervisor (handledare): the person at the workplace who shows you the work and follows how it goes.
glossary-requirement-profile = Requirement profile (kravprofil): what the job asks for, such as tasks, skills and language.
glossary-checklist = Checklist: the goals you are to learn during the internship, which your supervisor ticks off.
glossary-assessment = Assessment: your supervisor describes how you are doing, halfway through and at the end of the internship.
glossary-development-plan = Development plan: your next steps towards a job, who does what and when.
glossary-validation = Validation: what you already know is assessed and written down, so that an employer can trust it.
