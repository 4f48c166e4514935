
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
