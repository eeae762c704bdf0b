# Brygga – Somali (af-Soomaali).
# todo: what each role must act on (the home page and the e-mail digest)

todo-title = Waxa la sameeyo
todo-nothing = Hadda wax ku sugaya ma jiraan.
todo-all = Muuji dhammaan
todo-new-interests = Dalabyo xiisayn oo cusub ({ $count })
todo-interview-requests = Loo-shaqeeyayaal codsanaya waraysi ({ $count })
todo-declined = Loo-shaqeeyuhu wuu diiday labadii toddobaad ee la soo dhaafay ({ $count })
todo-decisions = Go'aanno cusub oo ka yimid Arbetsförmedlingen ({ $count })
todo-stalled = Ka-qaybgalayaal aan tallaabo cusub qaadin 30 maalmood ({ $count })
todo-follow-up-exit = Natiijooyin la diiwaangelinayo marka ka-qaybgaluhu ka baxo ({ $count })
todo-follow-up-week4 = Dabagal afar toddobaad gudahood ({ $count })
todo-follow-up-month3 = Dabagal saddex bilood kadib ({ $count })
todo-follow-up-month6 = Dabagal lix bilood kadib ({ $count })
todo-proposed-candidates = Musharraxiin cusub oo la soo jeediyay ({ $count })
todo-interviews = Waraysiyada soo socda ({ $count })
todo-agreements-to-sign = Heshiisyo la saxiixo ({ $count })
todo-cases-shared = Kiisas lala wadaagay adiga ({ $count })
todo-today = Maanta ({ $count })
todo-absences = Maqnaansho la soo sheegay toddobaadkii la soo dhaafay ({ $count })
todo-meetings = Kulamada dabagalka ee toddobaadka soo socda ({ $count })
todo-actions = Hawlo ay tahay in la dhammeeyo toddobaad gudihiis ({ $count })
todo-checklists-stale = Liisaska hubinta aan laga beddelin laba toddobaad ({ $count })
todo-my-interviews = Waraysiyadaada soo socda ({ $count })
todo-mail-subject = Brygga: waxyaabo cusub oo la sameeyo
todo-mail-intro = Tan ayaa soo baxday tan iyo fariintii ugu dambaysay:
todo-mail-opt-out = Waxaad ka joojin kartaa iimaylka Brygga halkan:
notify-title = Ogeysiisyo
notify-email = Ii soo dir iimayl marka wax cusub i sugayaan
notify-lang = Luqadda iimaylka
notify-saved = Dejintaada waa la kaydiyay.
