## store/error.rs

store-error-this-store-was-made-by-a = This store was made by a newer loket. Update loket on this computer.
store-error-open = The store at { $path } cannot be opened ({ $reason }). Check the folder and its permissions, or use --data-dir.
store-error-damaged = The store at { $path } is damaged ({ $reason }). loket does not open it and writes nothing into it. { $restore }
store-error-missing = The store { $path } is missing, though this folder held one. loket does not make a new empty store in its place. { $restore } To start a new, empty store on purpose, delete { $marker } and try again.
store-error-duplicate-nik = This NIK already belongs to active member { $existing }. Look that member up: a renewal or replacement card may be what is needed.
store-error-duplicate-member-no = Member number { $no } already exists. Nothing was saved.
store-error-conflict = This request was just changed by { $by } at { $terminal }. Your change was not saved; look at it now and repeat if still needed.
store-error-print-claimed = The card of { $member_no } is being printed by { $by } at { $terminal }. It was not sent again; wait for it at the printer, then look at the request's state.
store-error-not-found = { $what } was not found. Check the number and try again.
store-error-duplicate-user = Account { $name } already exists. Choose another name.
store-error-no-account = There is no account named { $name }. See the accounts: loket user list.
store-error-last-admin = { $name } is the only active administrator and cannot be disabled or demoted. Make another account admin first.
store-error-member-changed = This member's data was just changed by { $by } at { $terminal }. Your correction was not saved; open the data again and repeat if still needed.
store-error-db = The store reported a problem ({ $problem }). Run 'loket check' and call the administrator; if it says the store is damaged, restore the last backup.
store-error-io = A file could not be read or written ({ $problem }). Check the folder.

# What to do about a damaged store. $keep is store-error-restore-keep, or nothing.
store-error-restore-keep = keep the damaged file (mv { $path } { $path }.damaged-copy),{ " " }
store-error-restore-backup = Last backup: { $backup }. Stop loket on every computer, { $keep }restore the backup (cp { $backup } { $path }), then run 'loket check'. What was recorded after that backup must be entered again.
store-error-restore-none = No backup was recorded by 'loket backup'. Stop loket on every computer, { $keep }find a copy of { $path } (the administrator's daily backups) and restore it, then run 'loket check'.

# Why a file is not a store, as loket finds it itself.
store-error-reason-empty-file = the file is empty (0 bytes)
store-error-reason-not-a-store = the file is not a loket store
store-error-reason-not-a-file = not an ordinary file

## store/postgres: the database server (the URL is shown with its password masked)
store-error-unreachable-tls = Cannot open a secure connection to the database at { $url } ({ $reason }). The URL asks for TLS (sslmode=require) and the server's certificate is not trusted on this computer: put the certificate of the authority that signed it in a file and name it with PGSSLROOTCERT=file (ask whoever runs the server for it), or check that the file named there exists and holds that certificate.
store-error-unreachable = Cannot reach the database at { $url } ({ $reason }). Check that the PostgreSQL server is running and reachable from this computer (host and port), that pg_hba.conf lets this computer in, and that the user, password (PGPASSWORD or the PGPASSFILE file) and database name are right.
store-error-commit-unknown = The connection to the database at { $url } broke while saving ({ $reason }). The change may or may not have been saved: look it up before you enter it again.
store-error-backup-is-pg-dump = This store is a PostgreSQL database: back it up with pg_dump on the database server (see docs/deploy.md), not with loket backup.

## store/copy.rs: loket store migrate
store-error-target-not-empty = The store to move into is not empty. Move only into an empty PostgreSQL database or a new .redb file; nothing was written.
store-error-counts-differ = The move was stopped and nothing was kept: { $table } has { $expected } records in the source but { $found } in the copy.
store-migrate-file-exists = { $file } already exists. Move into a new .redb file (or an empty PostgreSQL database); nothing was written.
store-migrate-progress = Moving the store
store-migrate-done = { $n } records moved into { $to }, the counts the same on both sides. Point every PC at it ([store] url, or --store) before working on.

## cli/store.rs: loket store previews
store-previews-none-missing = Every photo already has its front-desk preview. Nothing to do.
store-previews-progress = Making photo previews
store-previews-done = { $n ->
        [one] { $n } photo preview stored.
       *[other] { $n } photo previews stored.
    } The front desk now shows those photos without decoding them at each scan.
store-previews-undecodable = { $n ->
        [one] { $n } photo could not be read and got no preview; the front desk still tries it at each scan. Take that member's photo again.
       *[other] { $n } photos could not be read and got no preview; the front desk still tries them at each scan. Take those members' photos again.
    }

## loket check on a PostgreSQL store
store-check-postgres = The store is the PostgreSQL database at { $url }: reachable, schema { $schema }. Its pages are checked on the database server (pg_amcheck), and backed up there with pg_dump.
