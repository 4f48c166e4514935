
## cli/accounts.rs

cli-accounts-staff = petugas
cli-accounts-supervisor = pengawas
cli-accounts-disabled = nonaktif
cli-accounts-new-password-due = ganti sandi saat masuk

## cli/requests.rs

cli-requests-handled-by = ditangani
