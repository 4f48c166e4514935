
## interop/inlislite_write.rs

interop-inlislite-write-must-exist-in-inlislite-under-this = must exist in INLISLite under this name
interop-inlislite-write-left-blank-loket-does-not-keep = left blank, loket does not keep them
interop-inlislite-write-columns = Columns

## interop/photos.rs

interop-photos-member-number-not-in-the-import = member number not in the import file
interop-photos-file-outside-the-photo-folder = file outside the photo folder
interop-photos-photo-file-not-found = photo file not found

## interop/plan.rs

interop-plan-is-required = is required

## interop/report.rs

interop-report-to-be-checked-at-verification = (to be checked at verification)
interop-report-empty-ask-for-it-at-verification = empty; ask for it at verification (SLiMS does not keep it)
interop-report-empty-complete-it-at-verification = empty; complete it at verification
interop-report-imported = imported
interop-report-imported-card-request-opened = imported, card request opened
interop-report-updated = updated
interop-report-updated-matched-by-nik = updated (matched by NIK)
interop-report-skipped-already-there-same-data = skipped: already there, same data
interop-report-skipped-already-there-matched-by-nik = skipped: already there (matched by NIK), same data
interop-report-rejected = REJECTED
interop-report-line = line

## interop/slims.rs

interop-slims-slims-s-stock-type = SLiMS's stock type
interop-slims-slims-has-no-field-for-it = SLiMS has no field for it
interop-slims-mother-s-name = (mother's name)
interop-slims-birth-place = (birth place)
interop-slims-identity-document = (identity document)
interop-slims-occupation = (occupation)
interop-slims-education = (education)

## interop/summary.rs

interop-summary-mapped =
    Mapped:
    {""}
interop-summary-left-out =
    Left out:
    {""}

## interop/types.rs

interop-types-blank-loket-s-default-type = blank: loket's default type
interop-types-same-name = same name
interop-types-slims-s-stock-type-loket-s = SLiMS's stock type → loket's default type; map it elsewhere with --type-map "Standard=code"

## interop/mod.rs: what stops a whole import or export.

interop-error-io = File { $path } cannot be read/written: { $source }. Check its name and permissions.
interop-error-csv = { $path } line { $line } is not valid CSV ({ $reason }). Check the separator (--separator) and quote (--quote).
interop-error-spreadsheet = { $path } cannot be read as a spreadsheet ({ $reason }). Save it again as .xlsx with a sheet "Sheet1", or as CSV.
# The reason in interop-error-spreadsheet for a workbook without sheets.
interop-error-no-sheet = no sheet
# $columns: the missing columns, joined with ", ".
interop-error-missing-columns = Required columns are missing: { $columns }. Add them (named in the header row) and import again.
interop-error-type-map = --type-map '{ $entry }' is not understood. Write NAME=code, e.g. --type-map "Mahasiswa=pelajar"; the code must be configured.
interop-error-photo-links = The photo link file (photos.csv: number,filename) has a problem: { $problem }. Fix it and try again.
interop-error-photo-zip = The photo archive (ZIP) cannot be read: { $problem }. Check the file, or unpack it to a folder and use --photos FOLDER.
# The problem in interop-error-photo-zip.
interop-error-zip-entry-too-large = { $name } is larger than { $mb } MB
interop-error-zip-too-large = it unpacks to more than { $gb } GB

## interop/mod.rs: a problem in one row, found while reading the file. The `-column` messages
## stand for the column of a problem of the whole row.

interop-read-not-a-date = '{ $value }' is not a date
interop-read-quote-column = (quote)
interop-read-quote-never-closed = a quote opened on line { $line } is never closed; check --quote
interop-read-columns-column = (columns)
interop-read-wrong-width = { $width } columns, SLiMS writes 18 or 19; check --separator
interop-read-text-column = (text)
interop-read-not-utf8 = not UTF-8; save the file as UTF-8

## interop/inlislite_write.rs (more)

# $status: INLISLite's STATUS ANGGOTA value for a member without a card.
interop-inlislite-write-expiry-computed = Members without an expiry date (no card yet): { $n }; they were given the one their card will get, and STATUS ANGGOTA { $status }.

## interop/photos.rs (more)

interop-photos-photo-too-large = photo is { $kb } KB, at most { $max_kb } KB

## interop/report.rs (more)

interop-report-same-number-as-line = same member number as line { $line } of this file
interop-report-same-nik-as-line = same NIK as line { $line } of this file
interop-report-unknown-type = member type '{ $name }' is unknown; configure it or map it with --type-map "{ $name }=code"
# The last line of an import's report.
interop-report-totals = { $system }: { $imported } imported, { $updated } updated, { $skipped } skipped, { $rejected } rejected; { $requests ->
        [one] { $requests } card request
       *[other] { $requests } card requests
    }; { $flagged } to complete.

## interop/slims.rs (more): the SLiMS columns loket reads nothing from, and why.

interop-slims-no-postal-code = loket keeps no postal code
interop-slims-photo-file-name = photo file name; import the photos with --photos DIR (SLiMS's images/persons folder)
interop-slims-no-fax = loket keeps no fax number
interop-slims-notes-not-read = staff's free notes are not read (they may hold anything)
interop-slims-password-never-carried = passwords are never carried

## interop/slims.rs (more): notes under an export's totals.

interop-slims-pending-not-exported = Not exported, no card yet (pending): { $n }. SLiMS's import never changes a member it already has, so export them once their cards are issued (or now with --pending).
interop-slims-expiry-computed = Members without an expiry date: { $n }; they were given the one their card will get (their type's validity from today), not an empty one (SLiMS stores empty as 0000-00-00: expired).
# $members: the member numbers, joined with ", ".
interop-slims-unwritable = Not exported (a backslash \ right before a quote, which SLiMS cannot read; correct the data): { $members }

## interop/summary.rs (more): one line under "Mapped:" and under "Left out:". $how is empty or
## " (why)", with its leading space.

interop-summary-mapped-line = { $field } '{ $from }' → '{ $to }': { $n ->
        [one] { $n } member
       *[other] { $n } members
    }{ $how }
interop-summary-left-out-line = { $field }: { $n ->
        [one] { $n } member
       *[other] { $n } members
    } had a value; { $why }
