
## service/accounts.rs

service-accounts-wrong-account-name-or-password-type = Wrong account name or password. Type them again; forgotten: ask the administrator (loket user passwd).
service-accounts-this-account-is-disabled-ask-the = This account is disabled. Ask the administrator to enable it (loket user enable).

## service/corrections.rs

service-corrections-this-member-s-card-was-already = This member's card was already handed over with the old data. After handover a supervisor or administrator corrects it: ask them (or run with --as SUPERVISOR_NAME).
service-corrections-nothing-changed-the-member-s-data = Nothing changed; the member's data stays as it was.
service-corrections-there-is-no-step-to-undo = There is no step to undo on this request (a registration is not undone; cancel the request instead).
service-corrections-give-the-reason-for-undoing-the = Give the reason for undoing the step.

## service/frontdesk.rs

service-frontdesk-the-guest-s-name-is-missing = The guest's name is missing. Type the guest's (or group leader's) name.

## service/handover.rs

service-handover-the-handover-needs-the-card-checked = The handover needs the card checked first: scan it or type the serial printed on it (on the command line: --card NUMBER).

## service/mod.rs

service-the-reason-or-name-typed-holds = The reason or name typed holds a control character (such as ESC or a line break). Type it again rather than pasting it; nothing was saved.

## service/users.rs

service-users-an-account-name-is-2-32 = An account name is 2–32 letters, digits, dots, dashes or underscores. Choose another.
service-users-a-password-has-at-least-8 = A password has at least 8 characters. Choose a longer one.
