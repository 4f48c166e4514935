
## cli/accounts.rs

cli-accounts-staff = staff
cli-accounts-supervisor = supervisor
cli-accounts-disabled = disabled
cli-accounts-new-password-due = new password due

## cli/requests.rs

cli-requests-handled-by = handled by
