
## i18n/mod.rs

i18n-ktp-kk-kia-student-student-card = ktp, kk, kia, student (student card) or passport; empty = ktp
i18n-the-16-digit-nik-from-the = The 16-digit NIK from the KTP/KK (passport/student card: its number)
i18n-day-month-year-e-g-17 = day-month-year, e.g. 17-03-2005
i18n-l-male-or-p-female = L (male) or P (female)
i18n-a-phone-number-or-an-e = a phone number or an e-mail, at least one
i18n-for-the-security-question-never-shown = for the security question; never shown in lists
i18n-umum-general-pelajar-student-or-anak = umum (general), pelajar (student) or anak (child); empty = umum
i18n-male = male
i18n-female = female
i18n-a-nik-has-digits-only-look = A NIK has digits only. Look for a letter O or I typed for a digit.
i18n-the-regency-and-district-codes-in = The regency and district codes in a NIK cannot be 00. Check digits 3–6.
i18n-the-last-four-digits-of-a = The last four digits of a NIK cannot be 0000. Check it against the KTP/KK.
i18n-is-required = is required
i18n-is-not-a-date-write-it = is not a date; write it like 17-08-1990
i18n-cannot-be-in-the-future = cannot be in the future
i18n-is-not-a-phone-number-use = is not a phone number; use digits, for example 081234567890
i18n-is-not-an-e-mail-address = is not an e-mail address; example: name@example.id
i18n-give-an-active-phone-number-or = give an active phone number or e-mail (either)
i18n-is-not-a-known-member-type = is not a known member type; pick one from the list
i18n-a-child-member-registers-with-a = a child member registers with a KK or KIA
i18n-use-l-male-or-p-female = use L (male) or P (female)
i18n-pick-ktp-kk-kia-student-card = pick KTP, KK, KIA, student card or passport
i18n-holds-a-control-character-such-as = holds a control character (such as ESC or a line break) that is not allowed; type it again rather than pasting it
i18n-the-checklist-is-incomplete-tick-every = The checklist is incomplete: tick every item, or record the failed item with a reason.
i18n-give-a-reason-then-try-again = Give a reason, then try again.
i18n-give-the-name-of-who-receives = Give the name of who receives the card (the member or a representative), then try again.
i18n-member-number-format-4-uses-the = Member number format 4 uses the NIK: give the applicant's NIK.
i18n-the-card-is-valid-until-today = The card is valid until today. Suggest a renewal at the counter.
i18n-a-card-was-printed-but-its = A card was printed but its handover was never recorded. Send the member to the counter.
i18n-the-card-s-valid-until-date = The card's valid-until date is not on record. Ask the member to have it checked at the counter.
i18n-the-membership-is-blocked-ask-the = The membership is blocked. Ask the member to see the counter staff.
i18n-no-card-was-issued-yet-the = No card was issued yet: the registration is not finished. Ask the applicant to finish it at the counter.
i18n-the-scan-is-not-a-member = The scan is not a member number. Scan the barcode on the card again.
