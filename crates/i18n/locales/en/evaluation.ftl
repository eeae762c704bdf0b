## The evaluator's pseudonymised export.

nav-evaluation = Evaluation
evaluation-title = Export for evaluation
evaluation-explain = A pseudonymised export per programme for the evaluator: one row per participant and follow-up point, with background, internship, certificates, leaving and outcomes.
evaluation-rule-identifiers = No direct personal data: no names, personal identity numbers, addresses, e-mail, phone numbers or free text. Dates are given as months.
evaluation-rule-pseudonyms = Each person gets a pseudonym that holds only within that export; a new export gives new pseudonyms.
evaluation-rule-cells = Gender and age group are hidden (*) in groups of fewer than { $count } people.
evaluation-rule-consent = Only participants who consented to count in statistics are in it. Every export is logged.
evaluation-download = Download
evaluation-columns = Columns
