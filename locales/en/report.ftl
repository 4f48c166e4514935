
## report/labels.rs

report-labels-counter = Counter
report-labels-online = Online
report-labels-import = Import
report-labels-to = to
report-labels-daily-report-membership-cards = Daily Report, Membership Cards
report-labels-monthly-report-membership-cards = Monthly Report, Membership Cards
report-labels-report-membership-cards = Report, Membership Cards
report-labels-membership-card-receipt-register = Membership Card Receipt Register
report-labels-step-register = Fill in the registration form
report-labels-step-report = Report the number to staff
report-labels-step-photo = Photo
report-labels-step-verify = Check the data
report-labels-step-print = Print the card
report-labels-step-laminate = Cut & laminate
report-labels-step-handover = Hand over & receipt
report-labels-step-receipt = Receipt
report-labels-step-first-scan = First scan
report-labels-january = January
report-labels-february = February
report-labels-march = March
report-labels-april = April
report-labels-may = May
report-labels-june = June
report-labels-july = July
report-labels-august = August
report-labels-september = September
report-labels-october = October
report-labels-november = November
report-labels-december = December

## report/pdf.rs

report-pdf-continued = continued
report-pdf-acknowledged-by = Acknowledged by,
report-pdf-name = (name)
report-pdf-signature = Signature
report-pdf-failed = The report PDF could not be made ({ $detail }). Try --format csv, and tell the administrator.
report-pdf-page-of = Page { $page } of { $pages }

## report/tables.rs

report-tables-count = count
report-tables-representative = representative
report-tables-registrations-total = New registrations, total
report-tables-renewals = Renewals
report-tables-replacements = Replacements (lost/damaged)
report-tables-cards-issued = Cards issued (handed over)
report-tables-cards-issued-new = {"  "}new cards
report-tables-cards-issued-renewal = {"  "}renewals
report-tables-cards-replaced = {"  "}replacements (lost/damaged)
report-tables-cards-printed = Cards printed
report-tables-cards-reprinted = Cards reprinted
report-tables-steps-title = Time per SOP step (min:sec; nearest-rank median and p90)
report-tables-step = Step
report-tables-standard = standard
report-tables-within-standard = ≤ std
report-tables-clerks-title = Steps per clerk
report-tables-clerk = Clerk
report-tables-steps = steps
report-tables-handed-over = handed over
report-tables-no-steps = No steps were done.
report-tables-visits-by-day-title = Visits by day (people)
report-tables-date = Date
report-tables-people = people
report-tables-members = members
report-tables-guests = guests
report-tables-visits-by-hour-title = Visits by hour of arrival (people)
report-tables-hour = Hour
report-tables-no-visits = No visits.
report-tables-visits-by-type-title = Member visits by member type
report-tables-member-type = Member type
report-tables-visits = visits
report-tables-unknown-type = (unknown)
report-tables-no-member-visits = No member visits.
report-tables-guests-title = Guests (without a card)
report-tables-guests-label = Guests
report-tables-guest-entries = Entries in the visitor book
report-tables-guest-people = People (groups count each person)
report-tables-registrations-title = Registrations by source
report-tables-source = Source
report-tables-cards = Cards
report-tables-date-time = Date & time
report-tables-time = Time
report-tables-member-no = Member no.
report-tables-name = Name
report-tables-card-serial = Card serial
report-tables-received-by = Received by

## report/text.rs

report-text-generated = Generated
report-text-received-by-a-representative-not-the =
    {""}
    {"*"} received by a representative, not the member
    {""}
report-text-cards-handed-over = Cards handed over
report-text-nothing-in = No registrations, card steps or visits in { $period }. Check the date (--date).
report-text-no-handovers = No cards were handed over in { $period }. Pick other dates with --date or --from/--to.

## report/period.rs

report-period-bad-date = Date '{ $input }' is not understood. Write it like 2026-11-28 (year-month-day).
report-period-bad-month = Month '{ $input }' is not understood. Write it like 2026-11, or any date in that month.
report-period-reversed = The end date { $last } is before the start date { $first }. Swap --from and --to.
