
## tui/app.rs

tui-app-correct-data = correct data
tui-app-undo-step = undo step
tui-app-overview = overview
tui-app-audit-log = audit log
tui-app-accounts = accounts
tui-app-help = help
tui-app-card-queue = Card queue
tui-app-card-request = Card request
tui-app-members = Members
tui-app-audit-log-2 = Audit log
tui-app-card-service-overview = Card service overview
tui-app-staff-accounts = Staff accounts
tui-app-not-signed-in = not signed in
tui-app-staff = staff
tui-app-supervisor = supervisor
tui-app-the-form-is-not-complete-fix = The form is not complete. Fix the fields marked ✗, then save again (Ctrl+S).
tui-app-replacement-request-opened-the-old-card = Replacement request opened; the old card is blocked when the new one is printed. Enter: call the applicant.
tui-app-renewal-request-opened-enter-call-the = Renewal request opened. Enter: call the applicant.
tui-app-a-supervisor-s-account-watches-cancels = A supervisor's account watches, cancels and reassigns requests; the counter's steps are for staff: sign in with a staff account.
tui-app-the-overview-is-for-supervisor-and = The overview is for supervisor and administrator accounts. This queue is the clerk's work.
tui-app-the-audit-log-is-for-administrator = The audit log is for administrator accounts. Ask an administrator, or run: loket audit
tui-app-no-verified-request-is-marked-mark = No verified request is marked. Mark them with Space, then press p.
tui-app-no-printed-request-is-marked-mark = No printed request is marked. Mark them with Space, then press l.
tui-app-cards-sent-to-the-printer = { $n ->
        [one] { $n } card sent
       *[other] { $n } cards sent
    } to the printer together ({ $job }). Once cut and laminated, press l for those still marked.
tui-app-cards-recorded-as-laminated = { $n ->
        [one] { $n } card
       *[other] { $n } cards
    } recorded as cut and laminated; ready to hand over.

## tui/app/care.rs

tui-app-care-the-card-still-shows-the-old = The card still shows the old data: make a replacement on the Members screen (m, then g).
tui-app-care-go-through-the-checklist-again = Go through the checklist again.
tui-app-care-the-correction-was-not-saved-the = The correction was not saved; the member's data stays as it was.
tui-app-care-the-correction-cannot-be-saved-yet = The correction cannot be saved yet. Fix the fields marked ✗, then save again (Ctrl+S).
tui-app-care-staff-accounts-are-managed-by-an = Staff accounts are managed by an administrator's account. Ask one, or run: loket user --help
tui-app-care-step-undone = Step undone; the request is back to { $state }. The history keeps both the step and its undo.
tui-app-care-card-recorded-spoiled = Card { $serial } is recorded as spoiled: set it aside; the next print gets a new serial.
tui-app-care-member-data-corrected = Member { $no }'s data corrected and recorded in the audit log.
tui-app-care-role-is-now = { $name }'s role is now { $role }.
tui-app-care-account-disabled = Account { $name } disabled; its history stays.
tui-app-care-account-active-again = Account { $name } is active again.
tui-app-care-password-was-set = { $name }'s password was set; { $name } chooses their own at the next sign-in.

## tui/app/reload.rs

tui-app-reload-printer-and-card-template = printer and card template
tui-app-reload-standard-times = standard times
tui-app-reload-undo-window-and-idle-lock = undo window and idle lock
tui-app-reload-library-details = library details
tui-app-reload-scanner = scanner
tui-app-reload-colour-theme = colour theme
tui-app-reload-camera = camera
tui-app-reload-language-and-time-zone = language and time zone
tui-app-reload-previous-settings-stay = { $problem } The previous settings stay in use until the file is right.
tui-app-reload-new-settings-in-use = New settings in use now: { $settings }.
tui-app-reload-takes-effect-after-restart = The change to { $settings } takes effect after restarting loket: quit (q on the queue), then run loket again.

## tui/frontdesk/entry.rs

tui-frontdesk-entry-number-typed = Number typed:{" "}
tui-frontdesk-entry-enter-check-esc-clear = {" "}Enter: check · Esc: clear{" "}
tui-frontdesk-entry-close-the-front-desk-visitors-cannot = Close the front desk? Visitors cannot scan their cards until it is opened again.
tui-frontdesk-entry-y-yes-close-any-other-key = y: yes, close · any other key: stay open
tui-frontdesk-entry-leave = {" "}Leave{" "}

## tui/frontdesk/guest.rs

tui-frontdesk-guest-tab-enter-next-enter-on-the = Tab/Enter next · Enter on the last saves · Esc cancel
tui-frontdesk-guest-guest-without-a-card = {" "}Guest without a card{" "}
tui-frontdesk-guest-name = Name
tui-frontdesk-guest-institution = Institution
tui-frontdesk-guest-purpose = Purpose
tui-frontdesk-guest-group-size = Group size

## tui/screens/accounts.rs

tui-accounts-staff = staff
tui-accounts-supervisor = supervisor
tui-accounts-save-password = save password
tui-accounts-cancel = cancel
tui-accounts-choose-account = choose account
tui-accounts-change-role = change role
tui-accounts-disable-enable = disable/enable
tui-accounts-new-password = new password
tui-accounts-back = back
tui-accounts-account = Account
tui-accounts-name = Name
tui-accounts-role = Role
tui-accounts-state = State
tui-accounts-staff-accounts = {" "}Staff accounts{" "}
tui-accounts-the-last-active-administrator-cannot-be = The last active administrator cannot be disabled or demoted. Every change is recorded in the audit log.
tui-accounts-disabled = disabled
tui-accounts-active-new-password-due = active · new password due
tui-accounts-active = active
tui-accounts-new-password-for = New password for { $name } (at least 8 characters; { $name } changes it at the next sign-in):
tui-accounts-waiting-minutes = waiting { $m } min

## tui/screens/audit.rs

tui-audit-done-filtering = done filtering
tui-audit-clear-the-filter = clear the filter
tui-audit-filter = filter
tui-audit-scroll = scroll
tui-audit-back-to-the-queue = back to the queue
tui-audit-filter-2 = Filter:
tui-audit-latest-entries = latest entries
tui-audit-no-entries-match-esc-in-the = No entries match. Esc in the filter clears it.
tui-audit-when = When
tui-audit-account = Account
tui-audit-action = Action
tui-audit-about = About
tui-audit-detail = Detail

## tui/screens/dashboard.rs

tui-dashboard-open-the-request = open the request
tui-dashboard-queue = queue
tui-dashboard-members = members
tui-dashboard-sign-out = sign out
tui-dashboard-quit = quit
tui-dashboard-loading =
    {""}
    {"  "}Loading…
tui-dashboard-state = State
tui-dashboard-now = Now
tui-dashboard-over = Over
tui-dashboard-week-med = Week med.
tui-dashboard-requests-minutes-standard = {" "}Requests · minutes/standard{" "}
tui-dashboard-no-request-is-in-progress = {" "}No request is in progress.
tui-dashboard-member-no = Member no.
tui-dashboard-name = Name
tui-dashboard-min-std = Min/std
tui-dashboard-clerk = Clerk
tui-dashboard-source = Source
tui-dashboard-clerks = Clerks:{" "}
tui-dashboard-no-steps-yet = no steps yet
tui-dashboard-today = {" "}Today{" "}
tui-dashboard-most-overdue-shown = {" "}· the { $n } most overdue shown
tui-dashboard-in-progress-title = {" "}In progress: { $total } · over standard: { $over }{ $shown }{" "}
tui-dashboard-visitors-today-title = {" "}Visitors today: { $people }{" "}
tui-dashboard-today-summary = Registrations { $registered } · cards handed over { $issued } · guests { $guests }
tui-dashboard-visitors-and-summary = Visitors { $people } · { $summary }
tui-dashboard-clerk-figures = { $clerk } { $steps } steps/{ $cards } cards

## tui/screens/detail.rs

tui-detail-reject-the-request = {" "}Reject the request{" "}
tui-detail-cancel-the-request = {" "}Cancel the request{" "}
tui-detail-print-the-card-again = {" "}Print the card again{" "}
tui-detail-call-the-applicant-sop-2 = call the applicant (SOP 2)
tui-detail-check-the-photo-sent-sop-3 = check the photo sent (SOP 3)
tui-detail-take-the-photo-sop-3 = take the photo (SOP 3)
tui-detail-check-the-data-sop-4 = check the data (SOP 4)
tui-detail-print-the-card-sop-5 = print the card (SOP 5)
tui-detail-cut-laminated-sop-6 = cut & laminated (SOP 6)
tui-detail-hand-over-the-card-sop-7 = hand over the card (SOP 7–8)
tui-detail-new-photo = new photo
tui-detail-reprint = reprint
tui-detail-reject = reject
tui-detail-cancel = cancel
tui-detail-reassign = reassign
tui-detail-to-the-queue = to the queue
tui-detail-get-the-photo = get the photo
tui-detail-save-the-photo = save the photo
tui-detail-adjust-the-crop = adjust the crop
tui-detail-record-with-the-reason = record with the reason
tui-detail-back = back
tui-detail-space = Space
tui-detail-tick = tick
tui-detail-all-fine = all fine
tui-detail-ktp-kk = KTP/KK
tui-detail-record-the-check = record the check
tui-detail-check-the-card-number = check the card number
tui-detail-to-the-receiver-s-name = to the receiver's name
tui-detail-record-the-handover = record the handover
tui-detail-type-the-card-number = type the card number
tui-detail-reassign-2 = reassign
tui-detail-type-the-photo-file-s-path = Type the photo file's path, or leave it empty and press Enter to take it with the camera (or the newest photo in the inbox folder).
tui-detail-photo-sop-3 = {" "}Photo (SOP 3){" "}
tui-detail-name-of-who-receives-the-card = Name of who receives the card (as written in the receipt register). Change it if someone else receives it, e.g. a parent.
tui-detail-card-number = Card number:{" "}
tui-detail-scan-the-card-or-tab-type = Scan the card (or Tab, type its number) to make sure it is the right one.
tui-detail-handover-sop-7-8 = {" "}Handover (SOP 7–8){" "}
tui-detail-account-name-of-the-clerk-taking = Account name of the clerk taking this request over (recorded in the audit log), then Enter.
tui-detail-reassign-to-another-clerk = {" "}Reassign to another clerk{" "}
tui-detail-write-the-reason-it-goes-into = Write the reason (it goes into the request's history), then Enter.
tui-detail-data-check-sop-4 = {" "}Data check (SOP 4){" "}
tui-detail-member = {" "}Member{" "}
tui-detail-with = with
tui-detail-no-request = no request
tui-detail-name = Name
tui-detail-member-no = Member no.
tui-detail-born = Born
tui-detail-address = Address
tui-detail-type = Type
tui-detail-photo = Photo
tui-detail-stored = stored
tui-detail-none-yet = none yet
tui-detail-state = State
tui-detail-supervisor-s-account-view-cancel-b = Supervisor's account: view, cancel (b) and reassign (r).
tui-detail-history = {" "}History{" "}
tui-detail-min = min
tui-detail-step = Step
tui-detail-by = By
tui-detail-when = When
tui-detail-took = Took
tui-detail-checked-by-loket = checked by loket
tui-detail-reason-an-unticked-item-failed-duplicate = Reason (an unticked item failed; duplicate NIK: why to go on):
tui-detail-document-d-switches = Document: { $document } (d switches)

## tui/screens/handover.rs

tui-handover-the-card-scanned-is-not-this = The card scanned is not this applicant's, so the handover cannot be recorded. Scan the right card, or Esc to leave.
tui-handover-the-handover-needs-the-card-checked = The handover needs the card checked first: scan it (or Tab and type the serial printed on it), then Enter.
tui-handover-card-checked-matches = ✓ Card { $serial } checked: it matches.
tui-handover-card-refused = ✗ Card { $code } refused. Scan the right card, or Esc.

## tui/screens/help.rs

tui-help-order-register-call-photo-check-print = Order: register → call → photo → check → print → cut & laminate → hand over. Enter always does the next step. Scan a card or slip at any time to open its request.
tui-help-press-any-key-to-close = Press any key to close.
tui-help-help-keys-of-this-screen = {" "}Help: keys of this screen{" "}

## tui/screens/history.rs

tui-history-undo = undo

## tui/screens/login.rs

tui-login-first-run = First run
tui-login-sign-in = Sign in
tui-login-counter-locked = Counter locked
tui-login-new-password = New password
tui-login-new-password-2 = New password
tui-login-again = Again
tui-login-account-name = Account name
tui-login-full-name = Full name
tui-login-password = Password
tui-login-next-sign-in = next / sign in
tui-login-move-between-fields = move between fields
tui-login-cancel-sign-in = cancel sign-in
tui-login-quit = quit
tui-login-there-are-no-accounts-yet-create = There are no accounts yet. Create the administrator first; staff accounts come after.
tui-login-sign-in-with-your-staff-account = Sign in with your staff account. Every step is recorded under your name.
tui-login-a-password-has-at-least-8 = A password has at least 8 characters.
tui-login-locked-after-idle = The counter locked itself after standing idle. { $name }: type your password to return to your screen. Another clerk: change the account name ({ $name }'s screen is closed).
tui-login-password-set-by-admin = { $name }, your password was set by the administrator. Choose your own (at least 8 characters) before you start.

## tui/screens/members.rs

tui-members-awaiting-card = awaiting card
tui-members-active = active
tui-members-expired = expired
tui-members-blocked = blocked
tui-members-new = new
tui-members-renewal = renewal
tui-members-replacement = replacement
tui-members-to-the-results = to the results
tui-members-back-to-the-queue = back to the queue
tui-members-renew = renew
tui-members-replace-card = replace card
tui-members-correct-data = correct data
tui-members-search = search
tui-members-search-name-member-no-nik = Search (name, member no., NIK):
tui-members-found = found
tui-members-type-the-start-of-a-name = Type the start of a name, a member number, or a NIK.
tui-members-no-member-matches-check-the-spelling = No member matches. Check the spelling, or search by NIK.
tui-members-member-no = Member no.
tui-members-name = Name
tui-members-status = Status
tui-members-valid-until = Valid until
tui-members-valid = valid
tui-members-cards = {" "}Cards{" "}
tui-members-no-card-printed-yet = {" "}No card printed yet.
tui-members-requests = {" "}Requests{" "}

## tui/screens/photo.rs

tui-photo-whole-photo = {" "}Whole photo{" "}
tui-photo-printed = {" "}Printed{" "}
tui-photo-yellow-box-what-is-printed-the = Yellow box: what is printed; the dim part is cut off.
tui-photo-zoom = Zoom
tui-photo-turn = Turn
tui-photo-bright = Bright
tui-photo-contrast = Contrast
tui-photo-keys = {" "}Keys{" "}
tui-photo-key-move-the-box = move the box
tui-photo-key-move-further = move further
tui-photo-key-zoom-in-out = zoom in / out
tui-photo-key-rotate = rotate 90°
tui-photo-key-darker-brighter = darker / brighter
tui-photo-key-contrast = contrast − / +
tui-photo-key-start-over = start over
tui-photo-key-save-the-photo = save the photo
tui-photo-key-cancel = cancel

## tui/screens/queue.rs

tui-queue-counter = counter
tui-queue-online = online
tui-queue-import = import
tui-queue-done-searching = done searching
tui-queue-clear-the-search = clear the search
tui-queue-open = open
tui-queue-search = search
tui-queue-register = register
tui-queue-space = Space
tui-queue-mark = mark
tui-queue-print-the-marked = print the marked
tui-queue-marked-laminated = marked laminated
tui-queue-members = members
tui-queue-filter-state = filter state
tui-queue-filter-source = filter source
tui-queue-clear-filters = clear filters
tui-queue-sign-out = sign out
tui-queue-quit = quit
tui-queue-all = all
tui-queue-state = State:
tui-queue-source = Source:
tui-queue-search-2 = Search:
tui-queue-requests = requests
tui-queue-marked = marked
tui-queue-member-no = {" "}Member no.
tui-queue-name = Name
tui-queue-source-2 = Source
tui-queue-state-2 = State
tui-queue-min-std = Min/std
tui-queue-no-requests-are-waiting-a-new = No requests are waiting. A new applicant: press n.
tui-queue-nothing-matches-the-filters-esc-clears = Nothing matches the filters. Esc clears them.
tui-queue-only-verified-requests-to-print-together = Only verified requests (to print together) or printed ones (to mark laminated together) can be marked. Open other requests with Enter.

## tui/screens/register.rs

tui-register-correcting-a-member-s-data = Correcting a member's data
tui-register-registration-sop-1 = Registration (SOP 1)
tui-register-open-the-request = open the request
tui-register-to-the-queue = to the queue
tui-register-next-field = next field
tui-register-move = move
tui-register-save = save
tui-register-cancel = cancel
tui-register-member-number-note-it-then-say = {"  "}Member number (note it, then say it at the counter):
tui-register-enter-open-the-request-and-call = {"  "}Enter: open the request and call the applicant. Esc: back to the queue.
tui-register-the-form-is-not-saved-esc = The form is not saved. Esc again: discard it. Any other key: go on filling it in (Ctrl+S saves).
tui-register-nik-belongs-to-member = ! This NIK belongs to active member { $holder }. Check whether it is the same person: renew or replace that card instead of registering twice.
tui-register-field-problems-title = {" "}{ $field } · { $n } field problem(s){" "}
tui-register-registration-succeeded = {"  "}Registration succeeded: { $name }

## tui/screens/undo.rs

tui-undo-reason-then-enter-esc-do-not = Reason, then Enter (Esc: do not undo):
tui-undo-undo-a-step = {" "}Undo a step{" "}
tui-undo-undo-the-last-step = Undo the last step: { $step } (by { $by }). The step and its undo both stay in the history.

## tui/app/steps.rs

tui-app-steps-applicant-called-enter-take-the-photo = Applicant called. Enter: take the photo (type a photo file, or just Enter for the camera).
tui-app-steps-no-camera-or-photo-inbox-is = No camera or photo inbox is set up ([photo] capture_command / inbox), or no new photo is there yet. Type the photo file's path, then Enter.
tui-app-steps-photo-saved-enter-check-the-applicant = Photo saved. Enter: check the applicant's data (checklist).
tui-app-steps-the-data-does-not-match-the = The data does not match the document (recorded in the history). Correct it from the document, Ctrl+S saves; the checklist opens again after.
tui-app-steps-data-verified-enter-print-the-card = Data verified. Enter: print the card.
tui-app-steps-request-rejected-the-reason-is-recorded = Request rejected; the reason is recorded.
tui-app-steps-request-cancelled-the-reason-is-recorded = Request cancelled; the reason is recorded.
tui-app-steps-card-printed-again-same-serial-once = Card printed again (same serial). Once cut and laminated, Enter.
tui-app-steps-card-cut-and-laminated-enter-hand = Card cut and laminated. Enter: hand the card over and record who received it.
tui-app-steps-verification-did-not-pass = Verification did not pass; the request is now { $state }. Fix what is missing, then repeat the step.
tui-app-steps-card-sent-to-the-printer = Card sent to the printer ({ $job }). Once cut and laminated, Enter.
tui-app-steps-request-handed-to = Request handed to { $clerk }; recorded in the audit log.

## tui/app/signin.rs

tui-app-signin-the-two-passwords-differ-type-the = The two passwords differ. Type the new password again in both fields.
tui-app-signin-your-new-password-is-saved-use = Your new password is saved. Use it from now on.
tui-app-signin-the-two-passwords-differ-type-the-2 = The two passwords differ. Type the password again in both fields.
tui-app-signin-administrator-account-created-add-staff-accounts = Administrator account created. Add staff accounts with: loket user add NAME --role staff --password-stdin

## tui/app/card_check.rs

tui-app-card-check-the-card-matches-this-applicant-enter = The card matches this applicant. Enter: record the handover.
tui-app-card-check-look-member-up = { $reason } Look member { $no } up with / and the name or number.
tui-app-card-check-scan-not-a-member = The scan { $code } is not a registered member number. Search with / and type the name or NIK.
tui-app-card-check-card-handed-to = Card handed to { $received_by } and recorded. Ask the member to scan the card at the front desk. Esc: back to the queue.

## tui/frontdesk.rs

tui-frontdesk-problem = PROBLEM
tui-frontdesk-front-desk = Front desk
tui-frontdesk-scanner-keyboard = Scanner: keyboard
tui-frontdesk-scanner-connecting = Scanner: connecting…
tui-frontdesk-scanner-connected = Scanner: connected
tui-frontdesk-type-number-enter-g-guest-f10 = type number + Enter · g guest · F10 leave{" "}
tui-frontdesk-please-scan-your-membership-card = Please scan your membership card
tui-frontdesk-guests-without-a-card-press-g = Guests without a card: press g · damaged barcode: type the number, then Enter
tui-frontdesk-welcome = WELCOME
tui-frontdesk-come-in-note = COME IN — NOTE
tui-frontdesk-cannot-enter = CANNOT ENTER
tui-frontdesk-member-no = Member no.
tui-frontdesk-member-type = Member type
tui-frontdesk-valid-until = Valid until
tui-frontdesk-first-scan-of-the-new-card = First scan of the new card recorded (SOP step 9).
tui-frontdesk-institution = Institution
tui-frontdesk-purpose = Purpose
tui-frontdesk-group-size = Group size
tui-frontdesk-guest-recorded = GUEST RECORDED
tui-frontdesk-visitors-today = Visitors today: { $people } (members { $members }, guests { $guests })
tui-frontdesk-already-counted-at = Already counted at { $at }; not counted again.

## tui/theme.rs

tui-theme-cannot-be-used = Theme '{ $name }' cannot be used: { $reason }. Use default, light or high-contrast in [tui] theme, or fix the file.

## tui/mod.rs

tui-mod-raw-mode = raw mode
tui-mod-alternate-screen = alternate screen
