
## report/labels.rs

report-labels-counter = Counter
report-labels-online = Online
report-labels-import = Import
report-labels-to = to
report-labels-daily-report-membership-cards = Daily Report, Membership Cards
report-labels-monthly-report-membership-cards = Monthly Report, Membership Cards
report-labels-report-membership-cards = Report, Membership Cards
report-labels-membership-card-receipt-register = Membership Card Receipt Register

## report/pdf.rs

report-pdf-continued = continued
report-pdf-acknowledged-by = Acknowledged by,
report-pdf-name = (name)
report-pdf-signature = Signature

## report/tables.rs

report-tables-count = count
report-tables-representative = representative

## report/text.rs

report-text-generated = Generated
report-text-received-by-a-representative-not-the =
    {""}
    {"*"} received by a representative, not the member
    {""}
report-text-cards-handed-over = Cards handed over
