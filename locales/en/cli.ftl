
## cli/accounts.rs

cli-accounts-staff = staff
cli-accounts-supervisor = supervisor
cli-accounts-disabled = disabled
cli-accounts-new-password-due = new password due

## cli/requests.rs

cli-requests-handled-by = handled by

## cli/accounts.rs

cli-accounts-the-new-password-is-read-from = The new password is read from standard input, e.g.: echo 'new-password' | loket user passwd NAME --password-stdin
cli-accounts-the-role-must-be-staff-supervisor = The role must be staff, supervisor or admin.
cli-accounts-account-created = Account created:
cli-accounts-give-the-os-user-name-after = Give the OS user name after --os-user.

## cli/admin.rs

cli-admin-store = Store:
cli-admin-commands-loket-demo-fill-with-example = Commands: loket demo (fill with example data), loket request list, loket member add, loket --help
cli-admin-requests-by-state = Requests by state:
cli-admin-oldest-waiting = Oldest waiting:
cli-admin-min = min
cli-admin-min-standard = min standard
cli-admin-nobody-is-waiting = Nobody is waiting.
cli-admin-over-standard-time = Over standard time:
cli-admin-near = near:
cli-admin-members = Members:
cli-admin-visits-today = Visits today:
cli-admin-previews-missing = { $n ->
        [one] { $n } photo has no front-desk preview yet (kept from before this version), so the front desk decodes it again at each scan.
       *[other] { $n } photos have no front-desk preview yet (kept from before this version), so the front desk decodes them again at each scan.
    } Run `loket store previews` to make them; it is safe while the counter and front desk work.
cli-admin-no-entries-match-loosen-the-filters = No entries match. Loosen the filters (--user, --subject).
cli-admin-the-backup-is-written-but-could = The backup is written, but could not be listed in backups.log
cli-admin-backup-written = Backup written:
cli-admin-records = records
cli-admin-there-is-no-store-at = There is no store at
cli-admin-the-store-is-intact = The store is intact.
cli-admin-the-store-was-damaged-and-has = The store was damaged and has been repaired. Make a backup now.
cli-admin-example-data-created = Example data created:
cli-admin-made-up-applicants = made-up applicants.

## cli/attempts.rs

cli-attempts-no-card-has-been-printed-yet = No card has been printed yet.
cli-attempts-being-sent = being sent
cli-attempts-printed = printed
cli-attempts-failed = failed
cli-attempts-interrupted-may-have-printed-look-in = interrupted: may have printed, look in the printer's tray

## cli/card.rs

cli-card-sent-to-the-printer = Sent to the printer:

## cli/export.rs

cli-export-exporting = exporting
cli-export-member-image-left-empty-add-photos = member_image left empty: add --photos DIR to export the photos.

## cli/frontdesk.rs

cli-frontdesk-the-front-desk-screen-stopped-on = The front-desk screen stopped on a terminal error
cli-frontdesk-visits-on = Visits on
cli-frontdesk-people = people
cli-frontdesk-members = members
cli-frontdesk-guests = guests
cli-frontdesk-guest = guest

## cli/interop.rs

cli-interop-separator-and-quote-must-be-one = --separator and --quote must be one ASCII character each, not the same, not \, e.g. , ; or ".
cli-interop-loket-does-not-keep-it = loket does not keep it
cli-interop-nothing-was-written-some-photos-have = Nothing was written: some photos have problems (see above). Fix the photos or their links and import again, or add --partial.
cli-interop-dry-run-dry-run-nothing-was = Dry run (--dry-run): nothing was written.
cli-interop-writing = writing
cli-interop-photos-stored = Photos stored:

## cli/members.rs

cli-members-member-number = Member number
cli-members-name = Name
cli-members-born = Born
cli-members-sex = Sex
cli-members-address = Address
cli-members-phone = Phone
cli-members-member-type = Member type
cli-members-registered = Registered
cli-members-valid-until = Valid until
cli-members-no-member-matches-try-part-of = No member matches. Try part of the name, or the member number.
cli-members-give-the-reason-for-the-replacement = Give the reason for the replacement (lost/damaged).
cli-members-source-must-be-counter-online-or = --source must be counter, online or import.

## cli/photo.rs

cli-photo-photo-stored = photo stored
cli-photo-the-photo-step-is-not-recorded = The photo step is not recorded yet: the applicant has not been called to the counter (loket request call NUMBER).
cli-photo-has-no-photo-yet-take-the = has no photo yet. Take the photo at the counter first.

## cli/privacy.rs

cli-privacy-the-member-s-data-for-the = The member's data, for the member:
cli-privacy-requests = requests
cli-privacy-visits = visits
cli-privacy-audit-entries = audit entries
cli-privacy-the-file-holds-the-whole-nik = The file holds the whole NIK: hand it to the member in person only, then delete it from this computer.
cli-privacy-personal-data-erased-kept-for-the = personal data erased. Kept for the statistics: member type, sex, birth year, city, registration date, visits and cards.
cli-privacy-card = Card
cli-privacy-no-longer-valid = (no longer valid)

## cli/report.rs

cli-report-saved = Saved:
cli-report-monthly-report = monthly-report
cli-report-daily-report = daily-report
cli-report-use-date-for-one-day-or = Use --date for one day, or --from and --to for several days, not both.
cli-report-several-days-need-both-from-and = Several days need both --from and --to, e.g. --from 2026-11-01 --to 2026-11-30.
cli-report-card-receipts = card-receipts

## cli/requests.rs

cli-requests-document-must-be-ktp-or-kk = --document must be ktp or kk.
cli-requests-fail-must-be-one-of-document = --fail must be one of: document, data, nik, photo, duplicate.
cli-requests-card-is-empty-give-the-serial = --card is empty. Give the serial printed on the card, e.g. --card 26112800001-01, or leave --card out.
cli-requests-state-must-be-one-of = --state must be one of:
cli-requests-the-queue-is-empty = The queue is empty.
cli-requests-kind-source = Kind, source
cli-requests-card-serial = Card serial
cli-requests-handled-by-2 = Handled by
cli-requests-undo = ↶ undo →{" "}

## cli/who.rs

cli-who-as-needs-that-account-s-password = --as needs that account's password: on the first line of standard input, or in LOKET_PASSWORD.

## cli/accounts.rs

cli-accounts-password-set-must-choose = { $name }'s password was set. { $name } must choose their own at the next sign-in.
cli-accounts-role-is-now = { $name }'s role is now { $role }.
cli-accounts-loket-commands-by-os-user-are = loket commands by OS user { $os_user } are now recorded under account { $name }.

## cli/edits.rs

cli-edits-member-s-data-corrected-fields = Member { $no }'s data corrected ({ $n ->
        [one] { $n } field
       *[other] { $n } fields
    }): { $changes }
cli-edits-the-card-already-handed-over-shows = The card already handed over shows the old data. For a new card: loket member replace { $no } --reason "data corrected"
cli-edits-step-on-undone-the-request-is = Step '{ $action }' on { $no } undone; the request is back to { $state }. The history keeps both the step and its undo.
cli-edits-card-is-recorded-as-spoiled-not = Card { $serial } is recorded as spoiled (not to be used); the next print gets a new serial.

## cli/report.rs

cli-report-file-cannot-be-written-check-the = File { $file } cannot be written ({ $e }). Check the folder and its permissions, or pick another --out.
cli-accounts-enabled = Account { $name } is active again and can sign in.
cli-accounts-disabled-no-sign-in = Account { $name } is disabled and can no longer sign in. Its history stays.
cli-export-sensitive-slims = NIKs
cli-export-sensitive-inlislite = NIKs and mothers' birth names
cli-export-file-holds-personal-data = Note: this file holds { $sensitive } (personal data, UU 27/2022). Only its owner can read it (mode 0600). Hand it straight to the { $peer } administrator, then delete it.
cli-export-photos-for-slims = Photos: { $n ->
        [one] { $n } file
       *[other] { $n } files
    } member_NUMBER.jpg in { $folder }; copy them into SLiMS's images/persons folder (member_image names them).
cli-export-photos-for-inlislite = Photos: { $n ->
        [one] { $n } file
       *[other] { $n } files
    } NUMBER.jpg in { $folder }; copy them into INLISLite's uploaded_files/foto_anggota (PHOTO URL names them).
cli-export-done = { $written } of { $all ->
        [one] { $all } member
       *[other] { $all } members
    } exported for { $peer } to { $file }.
cli-frontdesk-date-not-understood = Date '{ $date }' is not understood. Write it like 2026-11-28.
cli-interop-photo-links-checked = Photo links: { $checked } checked, { $problems } with problems.
cli-interop-rows-rejected-nothing-written = Nothing was written: { $n ->
        [one] { $n } row was rejected. Fix it
       *[other] { $n } rows were rejected. Fix them
    } in the file and import again, or add --partial to import the good rows only.
cli-interop-saved = Saved: { $added ->
        [one] { $added } new member
       *[other] { $added } new members
    }, { $updated } updated, { $requests ->
        [one] { $requests } card request
       *[other] { $requests } card requests
    }.
cli-report-format-unknown = Format '{ $format }' is unknown. Pick one of: table, csv, pdf, json.
cli-requests-step-recorded = { $no }: step recorded under { $by }; the request is now { $state }.
cli-members-nik-outside-regency = Note: this NIK was issued outside the regency (code { $regency }). The registration was saved.
cli-members-replacement-opened = Replacement request { $id } for { $no } opened; the old card is blocked when the new one prints. Next: loket request call { $no }
cli-members-renewal-opened = Renewal request { $id } for { $no } opened. Next: loket request call { $no }
cli-mod-language-unknown = The language '{ $code }' is not known. Pick one of: { $known } (or add its folder under LOKET_LOCALES).
