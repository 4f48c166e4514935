
## tui/app.rs

tui-app-correct-data = correct data
tui-app-undo-step = undo step
tui-app-overview = overview
tui-app-audit-log = audit log
tui-app-accounts = accounts
tui-app-help = help
tui-app-bahasa = Bahasa
tui-app-card-queue = Card queue
tui-app-card-request = Card request
tui-app-members = Members
tui-app-audit-log-2 = Audit log
tui-app-card-service-overview = Card service overview
tui-app-staff-accounts = Staff accounts
tui-app-not-signed-in = not signed in
tui-app-staff = staff
tui-app-supervisor = supervisor

## tui/app/care.rs

tui-app-care-the-card-still-shows-the-old = The card still shows the old data: make a replacement on the Members screen (m, then g).
tui-app-care-go-through-the-checklist-again = Go through the checklist again.

## tui/app/reload.rs

tui-app-reload-printer-and-card-template = printer and card template
tui-app-reload-standard-times = standard times
tui-app-reload-undo-window-and-idle-lock = undo window and idle lock
tui-app-reload-library-details = library details
tui-app-reload-scanner = scanner
tui-app-reload-colour-theme = colour theme
tui-app-reload-camera = camera
tui-app-reload-language-and-time-zone = language and time zone

## tui/frontdesk/entry.rs

tui-frontdesk-entry-number-typed = Number typed:{" "}
tui-frontdesk-entry-enter-check-esc-clear = {" "}Enter: check · Esc: clear{" "}
tui-frontdesk-entry-close-the-front-desk-visitors-cannot = Close the front desk? Visitors cannot scan their cards until it is opened again.
tui-frontdesk-entry-y-yes-close-any-other-key = y: yes, close · any other key: stay open
tui-frontdesk-entry-leave = {" "}Leave{" "}

## tui/frontdesk/guest.rs

tui-frontdesk-guest-tab-enter-next-enter-on-the = Tab/Enter next · Enter on the last saves · Esc cancel
tui-frontdesk-guest-guest-without-a-card = {" "}Guest without a card{" "}

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

## tui/screens/handover.rs

tui-handover-the-card-scanned-is-not-this = The card scanned is not this applicant's, so the handover cannot be recorded. Scan the right card, or Esc to leave.
tui-handover-the-handover-needs-the-card-checked = The handover needs the card checked first: scan it (or Tab and type the serial printed on it), then Enter.

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

## tui/screens/undo.rs

tui-undo-reason-then-enter-esc-do-not = Reason, then Enter (Esc: do not undo):
tui-undo-undo-a-step = {" "}Undo a step{" "}
