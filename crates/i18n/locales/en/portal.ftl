# portal: the public placement portal and its interest form

portal-title = Open internships
portal-intro = These internships are open right now. You do not need to log in. If you find one that suits you, you can express your interest on its page.
portal-search = Search (occupation, employer)
portal-municipality = Municipality
portal-occupation = Occupation
portal-occupation-hint = Type or pick an occupation, or the first digits of its code.
portal-none = No internships match your search right now. Try removing a filter.
portal-days = { $count } days a week
portal-hours-week = { $count } hours a week
portal-back = All open internships
portal-tasks = Tasks
portal-requirements = Requirement profile
portal-min-swedish = Swedish at level { $level } or above
portal-licence = Driving licence { $class }
portal-desired = Desirable
portal-place = Place
portal-period = Period
portal-hours = Days and hours

portal-interest-title = Express interest
portal-interest-intro = Tell us briefly about yourself. A coordinator will contact you.
portal-field-name = Name
portal-contact-hint = Fill in your email, your phone or both, so that we can reach you.
# portal-field-email, -phone, -languages and -message also label an interest in the inbox; they live
# here, with the form that asks for them.
portal-field-email = Email
portal-field-phone = Phone
portal-field-languages = Languages you speak
portal-field-message = A few lines about you
portal-message-hint = For example what you have worked with and why the internship suits you. At most 1000 characters.
portal-honeypot = Leave this field empty
portal-consent = I agree that the programme keeps the details above to contact me about internships. They are shown only to the programme's coordinators, and I can ask for them to be deleted at any time.
portal-send = Send my interest
portal-thanks-title = Thank you for your interest
portal-thanks-text = We have received your interest in “{ $title }”. A coordinator will contact you.
portal-limited-title = Too many submissions
portal-limited-text = Many submissions have been sent from your connection in the last hour. Please wait a while and try again.

error-portal-contact-required = Fill in your email or phone, so that we can reach you.
error-portal-consent-required = Tick the consent box. Without your consent we cannot keep your submission.

portal-events-title = Events open to everyone
portal-events-intro = Meet employers looking for interns, or come to a meeting. Register here.
portal-events-none = There are no open events right now.
portal-events-back = All open events
portal-events-when = When and where
portal-events-register = Register
portal-events-full = The event is full. Register anyway and you will be on the waiting list.
portal-events-consent = I agree that my details are stored for this event and that the organiser contacts me about it.
portal-events-send = Send the registration
portal-events-thanks-title = Thank you for registering
portal-events-thanks = You are registered for { $title }. A confirmation has been sent to your e-mail.
portal-events-thanks-waiting = { $title } is full, so you are on the waiting list. You will hear from us if a place becomes free.
portal-events-link = Meet the employers at a matching fair – see the events open to everyone
