## web/mod.rs

web-mod-cannot-listen = Cannot listen on { $addr } ({ $reason }). Choose another address with --listen, or stop the program using it.
web-mod-server-stopped = The web server stopped because of a problem ({ $error }). Start it again; if it happens again, tell the administrator.

## web/once.rs

web-once-this-form-is-being-sent-already = This form is being sent already. Wait a moment and reload the page; do not send it twice.

## web/pages.rs

web-pages-kk-family-card = KK (family card)
web-pages-kia-child-s-identity-card = KIA (child's identity card)
web-pages-student-card = Student card
web-pages-passport = Passport
web-pages-member-registration = Member registration
web-pages-fill-in-your-data-as-on = Fill in your data as on your KTP (or KK if you have no KTP yet), upload a photo of yourself, and send. You will get a member number to show at the library counter.
web-pages-choose = — choose —
web-pages-male = Male
web-pages-female = Female
web-pages-photo-of-yourself = Photo of yourself
web-pages-jpeg-or-png-facing-the-camera = JPEG or PNG, facing the camera, plain background. Cropped 3:4 for the card; location (GPS) and camera data are removed.
web-pages-leave-this-empty = Leave this empty
web-pages-privacy-notice = Privacy notice.
web-pages-i-have-read-the-privacy-notice = I have read the privacy notice and agree that my data is used for my library membership.
web-pages-send-registration = Send registration
web-pages-registration-succeeded = Registration succeeded
web-pages-name-line = Name: { $name }
web-pages-your-member-number-note-it-keep = Your member number (note it, keep it, or print this page):
web-pages-what-next = What next
web-pages-show-this-member-number-or-its = Show this member number or its QR code (on your phone or printed) to the staff.
web-pages-bring-your-ktp-identity-card-if = Bring your KTP (identity card); if you have none yet, a photocopy of your KK (family card).
web-pages-the-staff-check-your-data-and = The staff check your data and photo, then print your membership card. The service is free.
web-pages-to-print-the-browser-menu-print = To print: the browser menu › Print (on a phone: Share › Print).
web-pages-to-the-registration-form = To the registration form
web-pages-registration-at = { web-pages-member-registration } — { $library }
web-pages-fields-to-correct = { $n ->
        [one] { $n } field needs
       *[other] { $n } fields need
    } correcting (marked red below). The photo has to be chosen again.
web-pages-privacy = This data (name, NIK, address, birth date, mother's birth name, phone/e-mail, photo) is used only for your membership of { $library } and kept at the library, under Indonesia's personal data protection law (UU 27/2022). The NIK and mother's name are never printed on the card nor shared with others. You may ask at the counter for your data to be corrected or deleted.
web-pages-come-to-the-counter = Come to the counter of { $library }.

## web/texts.rs

web-texts-upload-too-large = Upload too large
web-texts-too-many-submissions = Too many submissions
web-texts-page-not-found = Page not found
web-texts-something-went-wrong = Something went wrong
web-texts-link-no-longer-valid = Link no longer valid
web-texts-registration-not-accepted = Registration not accepted
web-texts-choose-a-photo-of-yourself-jpeg = Choose a photo of yourself (JPEG or PNG) with your face clearly visible, then send again.
web-texts-read-the-privacy-notice-and-tick = Read the privacy notice and tick your consent; without it the data cannot be saved.
web-texts-this-nik-is-already-registered-please = This NIK is already registered. Please come to the library counter with your KTP (or KK); the staff will help you.
web-texts-this-form-has-expired-or-was = This form has expired or was opened elsewhere. Your entries are still below: choose the photo again, then send once more.
web-texts-this-submission-cannot-be-accepted-if = This submission cannot be accepted. If you filled in the form yourself, open it again and resend, or register at the counter.
web-texts-upload-larger-than = The upload is larger than { $max_mb } MB. Choose a smaller photo (or reduce its size on your phone), then send again.
web-texts-too-many-wait = Too many submissions from your address. Wait { $minutes ->
        [one] { $minutes } minute
       *[other] { $minutes } minutes
    }, then try again.
web-texts-the-submission-could-not-be-read = The submission could not be read. Open the form again, fill it in and send it.
web-texts-the-registration-was-not-saved-because = The registration was not saved because of a problem on the server. Try again in a few minutes, or register at the counter.
web-texts-this-page-does-not-exist-open = This page does not exist. Open the registration form from the front page.
web-texts-this-confirmation-link-is-no-longer = This confirmation link is no longer valid. Your member number still stands: give your name and show your KTP at the counter.
