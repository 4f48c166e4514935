## The member's form fields (src/i18n/mod.rs: Field, field_hint). A field's `.hint` is the line
## under it that says what to type, on the counter and on the web.

domain-field-full-name = Full name
domain-field-identity-kind = Identity document
    .hint = ktp, kk, kia, student (student card) or passport; empty = ktp
domain-field-identity-no = NIK / identity number
    .hint = The 16-digit NIK from the KTP/KK (passport/student card: its number)
domain-field-birth-place = Place of birth
domain-field-birth-date = Date of birth
    .hint = day-month-year, e.g. 17-03-2005
domain-field-sex = Sex
    .hint = L (male) or P (female)
domain-field-street = Address
domain-field-rt-rw = RT/RW
domain-field-kelurahan = Kelurahan/village
domain-field-kecamatan = Kecamatan (district)
domain-field-city = Regency/city
domain-field-province = Province
domain-field-phone = Phone
    .hint = a phone number or an e-mail, at least one
domain-field-email = E-mail
    .hint = a phone number or an e-mail, at least one
domain-field-mother-name = Mother's birth name
    .hint = for the security question; never shown in lists
domain-field-occupation = Occupation
domain-field-education = Education
domain-field-institution = Institution / school
domain-field-member-type = Member type
    .hint = umum (general), pelajar (student) or anak (child); empty = umum

## Sex

domain-sex-male = male
domain-sex-female = female

## NikError: what is wrong with a typed NIK.

domain-nik-length = A NIK has 16 digits; { $n } were typed. Check it against the KTP/KK.
domain-nik-not-digits = A NIK has digits only. Look for a letter O or I typed for a digit.
domain-nik-unknown-province = Province code { $code } at the start of the NIK is unknown. Check the first two digits.
domain-nik-zero-region = The regency and district codes in a NIK cannot be 00. Check digits 3–6.
# $day, $month, $yy: two digits each, as in the NIK.
domain-nik-bad-date = The birth date in the NIK ({ $day }-{ $month }-{ $yy }) is not a real date. Check digits 7–12.
domain-nik-zero-serial = The last four digits of a NIK cannot be 0000. Check it against the KTP/KK.

## NikMismatch: what the NIK encodes against what was typed. Dates are dd-mm-yyyy.

domain-mismatch-birth-date = the NIK says born { $in_nik }, { $typed } was typed
domain-mismatch-sex = the NIK says { $in_nik }, { $typed } was typed

## Problem: what is wrong with one field, after the field's name and a colon.

domain-problem-required = is required
domain-problem-too-long = is too long (at most { $max } characters)
# $found: the mismatches above, joined with "; ".
domain-problem-nik-mismatch = does not match the NIK: { $found }. Check the NIK and birth data against the KTP/KK; if all is right as typed, the counter staff can register it with a recorded reason.
domain-problem-not-a-date = is not a date; write it like 17-08-1990
domain-problem-in-the-future = cannot be in the future
domain-problem-phone = is not a phone number; use digits, for example 081234567890
domain-problem-email = is not an e-mail address; example: name@example.id
domain-problem-phone-or-email-required = give an active phone number or e-mail (either)
domain-problem-unknown-member-type = is not a known member type; pick one from the list
domain-problem-needs-kk-or-kia = a child member registers with a KK or KIA
domain-problem-unknown-sex = use L (male) or P (female)
domain-problem-unknown-identity-kind = pick KTP, KK, KIA, student card or passport
domain-problem-control-character = holds a control character (such as ESC or a line break) that is not allowed; type it again rather than pasting it
# $earliest: dd-mm-yyyy
domain-problem-too-old = is too far back (the earliest is { $earliest }); check the year on the KTP/KK

## RequestState: where a card request is.

domain-state-registered = registered
domain-state-waiting-at-counter = waiting at counter
domain-state-photo-taken = photo taken
domain-state-verified = verified
domain-state-printed = printed
domain-state-laminated = cut & laminated
domain-state-handed-over = handed over
domain-state-first-scanned = first scan
domain-state-rejected = rejected
domain-state-cancelled = cancelled

## CheckItem: the verification checklist.

domain-check-document-seen = Identity document seen (KTP, or KK photocopy)
domain-check-data-match = Name and birth data match the document
domain-check-nik-consistent = NIK consistent
domain-check-photo-acceptable = Photo acceptable
domain-check-no-duplicate = No duplicate member

## TransitionError: a step that cannot be taken.

# $action: the step's command word (verify, print, …); $state: a state above.
domain-transition-not-allowed = Step '{ $action }' cannot be done: this request is { $state }. See its history with 'loket request show'.
domain-transition-checklist-incomplete = The checklist is incomplete: tick every item, or record the failed item with a reason.
domain-transition-reason-required = Give a reason, then try again.
domain-transition-receiver-required = Give the name of who receives the card (the member or a representative), then try again.

## MemberNoError

domain-member-no-sequence-exhausted = The member numbers for this period are used up ({ $max }). Ask the administrator to change the number format in the config.
domain-member-no-nik-required = Member number format 4 uses the NIK: give the applicant's NIK.

## Reason: what the entrance check says about a scanned card. Dates are dd-mm-yyyy.

domain-reason-valid-until-today = The card is valid until today. Suggest a renewal at the counter.
domain-reason-expires-soon = The card expires in { $days } day(s) ({ $on }). Suggest a renewal at the counter.
domain-reason-not-handed-over = A card was printed but its handover was never recorded. Send the member to the counter.
domain-reason-no-valid-until = The card's valid-until date is not on record. Ask the member to have it checked at the counter.
domain-reason-expired = The card expired ({ $on }). Renew it at the counter.
domain-reason-member-blocked = The membership is blocked. Ask the member to see the counter staff.
domain-reason-card-blocked = This card is blocked ({ $note }). Ask the member to get a replacement at the counter.
domain-reason-card-replaced = This card was replaced by card { $by }. Keep the old card; use the new one.
domain-reason-pending = No card was issued yet: the registration is not finished. Ask the applicant to finish it at the counter.
domain-reason-number-only = This code is only the member number, and the member has a newer card ({ $newest }); older cards are not valid. Scan the QR code on the newest card, or type the serial printed on it ({ $newest }).
domain-reason-unknown = Number { $code } is not registered. Scan again, or enter a guest (key g).
domain-reason-not-a-code = The scan is not a member number. Scan the barcode on the card again.
