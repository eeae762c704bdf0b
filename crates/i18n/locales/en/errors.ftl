# Error messages shown beside a field or at the top of a form.
# The keys come from brygga-domain (FieldError::key) and brygga-web.

## General fields

error-required = This field is required.
error-too-long = The text is too long. Shorten it and try again.
error-number = Enter a whole number in digits, for example 12.
error-out-of-range = The number is outside the allowed range.
error-date = Enter a date that exists, as YYYY-MM-DD, for example 2025-03-31.
error-invalid-choice = Choose one of the options in the list.
error-period-order = The end date cannot be before the start date.

## Personal identity and organisation numbers

error-personnummer-format = Enter the personal identity or coordination number as YYYYMMDD-NNNN or YYMMDD-NNNN.
error-personnummer-date = The date in the personal identity number does not exist or is in the future.
error-personnummer-checksum = The check digit does not match. Check that the personal identity number is typed correctly.
error-orgnumber-format = Enter the organisation number as NNNNNN-NNNN, for example 556036-0793.
error-orgnumber-checksum = The check digit does not match. Check that the organisation number is typed correctly.
error-duplicate-orgnumber = An organisation with this organisation number already exists.

## Contact details

error-email = Enter a valid email address, for example name@example.se.
error-duplicate-email = This email address is already used by another account.
error-phone = Enter a phone number with 7–15 digits, for example 070-123 45 67.

## Languages, occupations and municipalities

error-cefr = Choose a CEFR language level, from A1 to C2.
error-sfi = Choose an SFI course: A, B, C or D.
error-gender = Choose one of the gender options.
error-ssyk-format = The occupation code must be four digits from SSYK 2012, for example 5321.
error-ssyk-unknown = Unknown occupation code (SSYK 2012). Choose an occupation from the list.
error-municipality-unknown = Unknown municipality. Choose a municipality from the list.

## Saving and permissions

error-conflict = Someone else saved changes after you opened this page. Open the record again to see the latest details, then redo your changes.
error-not-found = What you are looking for does not exist or has been removed.
error-forbidden = You do not have permission to do this.

## Sign-in and passwords

error-password-too-short = The password must be at least 12 characters long.
error-password-mismatch = The passwords do not match. Enter the same password in both fields.
error-login-failed = Wrong email address or password.
error-login-throttled = Too many failed sign-in attempts. Wait a while and try again.
error-csrf = The form has expired. Reload the page and try again.

## Used by other parts (registry, store, error pages)

error-birth-year-mismatch = The birth year does not match the personal identity number.
error-duplicate-personnummer = A participant with this personal identity number already exists.
error-language-level = Choose a level for the language, from A1 to C2.
error-password-wrong = The current password is wrong.
error-status-transition = The status cannot be changed to the chosen one from the current one.
error-internal = Something went wrong on our side. Try again in a moment.
error-title-forbidden = Access denied
error-title-not-found = Page not found
error-title-internal = Something went wrong

error-org-parent = Choose a parent organisation one level up (region → municipality → programme → cohort).
error-deactivate-self = You cannot deactivate your own account.
error-title-conflict = Changed by someone else
error-title-invalid = The details could not be saved
error-invalid = Some details are missing or wrong. Go back and correct them.

error-title-too-large = Request too large
error-too-large = What was sent is too large. Files may be at most 10 MiB. Go back and choose a smaller file.
