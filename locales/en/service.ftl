
## service/accounts.rs

service-accounts-wrong-account-name-or-password-type = Wrong account name or password. Type them again; forgotten: ask the administrator (loket user passwd).
service-accounts-this-account-is-disabled-ask-the = This account is disabled. Ask the administrator to enable it (loket user enable).
service-accounts-wrong-tries-left = Wrong account name or password. { $tries_left } more tries before the account has to wait; forgotten: ask the administrator (loket user passwd).
service-accounts-waiting = Too many wrong passwords. Wait { $minutes } minutes and try again, or ask the administrator to set a new password.
service-accounts-not-allowed = { $who } may not do this: it needs an administrator's account. Run it with --as ADMIN_NAME.

## service/corrections.rs

service-corrections-this-member-s-card-was-already = This member's card was already handed over with the old data. After handover a supervisor or administrator corrects it: ask them (or run with --as SUPERVISOR_NAME).
service-corrections-nothing-changed-the-member-s-data = Nothing changed; the member's data stays as it was.
service-corrections-there-is-no-step-to-undo = There is no step to undo on this request (a registration is not undone; cancel the request instead).
service-corrections-give-the-reason-for-undoing-the = Give the reason for undoing the step.
service-corrections-not-yours = The last step was done by { $by }. Only { $by } or a supervisor can undo it.
service-corrections-too-late = The last step is more than { $window_minutes } minutes old. Ask a supervisor to undo it.

## service/frontdesk.rs

service-frontdesk-the-guest-s-name-is-missing = The guest's name is missing. Type the guest's (or group leader's) name.
service-frontdesk-group-size = The group size must be between 1 and { $max }. Correct it.

## service/handover.rs

service-handover-the-handover-needs-the-card-checked = The handover needs the card checked first: scan it or type the serial printed on it (on the command line: --card NUMBER).
service-handover-not-this-applicants = Card { $scanned } is not this applicant's card ({ $expected }). Do not hand that card over: find the right one, then scan or type its number. This was written to the audit log.
service-handover-older-card = Card { $scanned } is an older card of this member; the one just printed is { $expected }. Scan the new card's QR code (or type { $expected }). This was written to the audit log.

## service/mod.rs

service-the-reason-or-name-typed-holds = The reason or name typed holds a control character (such as ESC or a line break). Type it again rather than pasting it; nothing was saved.
service-unknown-member = Member { $no } was not found. Check the number, or search by name: loket member search NAME.
service-no-open-request = Member { $no } has no card request in progress. For a new card, start a renewal or a replacement.
service-request-open = Member { $no } still has a card request in progress. Finish or cancel it first.
service-not-a-clerk = '{ $name }' is not an active staff account. Give a counter clerk's account name (see: loket user list).
service-unknown-member-type = Member type '{ $member_type }' is not in the config. Ask the administrator to add it or pick another.

## service/users.rs

service-users-an-account-name-is-2-32 = An account name is 2–32 letters, digits, dots, dashes or underscores. Choose another.
service-users-a-password-has-at-least-8 = A password has at least 8 characters. Choose a longer one.

## service/printing.rs

service-printing-not-ready = The card of { $member_no } cannot be printed yet: its request is { $state }. Only verified requests print (or a reprint with a reason).

## service/privacy.rs

service-privacy-not-a-supervisor = Only a supervisor may erase a member's data. '{ $user }' is not an active supervisor account; ask the Kasi/Kabid to run it under theirs.
service-privacy-no-reason = Give the reason for the erasure (--reason), e.g. the number of the member's written request.
