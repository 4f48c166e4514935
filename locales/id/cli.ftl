
## cli/accounts.rs

cli-accounts-staff = petugas
cli-accounts-supervisor = pengawas
cli-accounts-disabled = nonaktif
cli-accounts-new-password-due = ganti sandi saat masuk

## cli/requests.rs

cli-requests-handled-by = ditangani

## cli/accounts.rs

cli-accounts-the-new-password-is-read-from = Kata sandi baru dibaca dari masukan standar, misalnya: echo 'sandi-baru' | loket user passwd NAMA --password-stdin
cli-accounts-the-role-must-be-staff-supervisor = Peran harus staff, supervisor atau admin.
cli-accounts-account-created = Akun dibuat:
cli-accounts-give-the-os-user-name-after = Tulis nama pengguna OS setelah --os-user.

## cli/admin.rs

cli-admin-store = Basis data:
cli-admin-commands-loket-demo-fill-with-example = Perintah: loket demo (isi data contoh), loket request list, loket member add, loket --help
cli-admin-requests-by-state = Permohonan per tahap:
cli-admin-oldest-waiting = Terlama menunggu:
cli-admin-min = menit
cli-admin-min-standard = menit baku
cli-admin-nobody-is-waiting = Tidak ada yang menunggu.
cli-admin-over-standard-time = Lewat waktu baku:
cli-admin-near = hampir:
cli-admin-members = Anggota:
cli-admin-visits-today = Kunjungan hari ini:
cli-admin-no-entries-match-loosen-the-filters = Tidak ada catatan yang cocok. Longgarkan saringan (--user, --subject).
cli-admin-the-backup-is-written-but-could = Cadangan tersimpan, tetapi tidak tercatat di backups.log
cli-admin-backup-written = Cadangan tersimpan:
cli-admin-records = catatan
cli-admin-there-is-no-store-at = Basis data belum ada di
cli-admin-the-store-is-intact = Basis data utuh.
cli-admin-the-store-was-damaged-and-has = Basis data sempat rusak dan sudah diperbaiki. Buat cadangan sekarang.
cli-admin-example-data-created = Data contoh dibuat:
cli-admin-made-up-applicants = pendaftar rekaan.

## cli/attempts.rs

cli-attempts-no-card-has-been-printed-yet = Belum ada kartu yang dicetak.
cli-attempts-being-sent = sedang dikirim
cli-attempts-printed = tercetak
cli-attempts-failed = gagal
cli-attempts-interrupted-may-have-printed-look-in = terputus: mungkin sudah tercetak, periksa printer

## cli/card.rs

cli-card-sent-to-the-printer = Dikirim ke printer:

## cli/export.rs

cli-export-exporting = mengekspor
cli-export-member-image-left-empty-add-photos = member_image dibiarkan kosong: tambahkan --photos FOLDER untuk mengekspor foto.

## cli/frontdesk.rs

cli-frontdesk-the-front-desk-screen-stopped-on = Layar meja depan berhenti karena gangguan terminal
cli-frontdesk-visits-on = Kunjungan
cli-frontdesk-people = orang
cli-frontdesk-members = anggota
cli-frontdesk-guests = tamu
cli-frontdesk-guest = tamu

## cli/interop.rs

cli-interop-separator-and-quote-must-be-one = --separator dan --quote harus satu huruf ASCII, berbeda satu sama lain, bukan \, misalnya , ; atau ".
cli-interop-loket-does-not-keep-it = loket tidak menyimpannya
cli-interop-nothing-was-written-some-photos-have = Tidak ada yang ditulis: ada foto yang bermasalah (lihat di atas). Perbaiki foto atau tautannya lalu impor lagi, atau tambahkan --partial.
cli-interop-dry-run-dry-run-nothing-was = Uji coba (--dry-run): tidak ada yang ditulis.
cli-interop-writing = menulis
cli-interop-photos-stored = Foto tersimpan:

## cli/members.rs

cli-members-member-number = Nomor anggota
cli-members-name = Nama
cli-members-born = Tempat, tgl lahir
cli-members-sex = Jenis kelamin
cli-members-address = Alamat
cli-members-phone = HP
cli-members-member-type = Jenis anggota
cli-members-registered = Terdaftar
cli-members-valid-until = Berlaku hingga
cli-members-no-member-matches-try-part-of = Tidak ada anggota yang cocok. Coba sebagian nama saja, atau nomor anggota.
cli-members-give-the-reason-for-the-replacement = Tuliskan alasan penggantian (hilang/rusak).
cli-members-source-must-be-counter-online-or = --source harus counter, online atau import.

## cli/photo.rs

cli-photo-photo-stored = foto tersimpan
cli-photo-the-photo-step-is-not-recorded = Langkah foto belum dicatat: pendaftar belum dipanggil ke loket (loket request call NOMOR).
cli-photo-has-no-photo-yet-take-the = belum ada foto. Ambil fotonya dulu di loket.

## cli/privacy.rs

cli-privacy-the-member-s-data-for-the = Data anggota untuk anggota itu:
cli-privacy-requests = permohonan
cli-privacy-visits = kunjungan
cli-privacy-audit-entries = catatan audit
cli-privacy-the-file-holds-the-whole-nik = Berkas ini berisi NIK lengkap: serahkan hanya kepada anggota itu sendiri, lalu hapus dari komputer ini.
cli-privacy-personal-data-erased-kept-for-the = data pribadi dihapus. Yang tersisa untuk statistik: jenis anggota, jenis kelamin, tahun lahir, kota, tanggal daftar, kunjungan dan kartu.
cli-privacy-card = Kartu
cli-privacy-no-longer-valid = (tidak berlaku lagi)

## cli/report.rs

cli-report-saved = Disimpan:
cli-report-monthly-report = laporan-bulanan
cli-report-daily-report = laporan-harian
cli-report-use-date-for-one-day-or = Pakai --date untuk satu hari, atau --from dan --to untuk beberapa hari, bukan keduanya.
cli-report-several-days-need-both-from-and = Beberapa hari perlu --from dan --to, misalnya --from 2026-11-01 --to 2026-11-30.
cli-report-card-receipts = tanda-terima-kartu

## cli/requests.rs

cli-requests-document-must-be-ktp-or-kk = --document harus ktp atau kk.
cli-requests-fail-must-be-one-of-document = --fail harus salah satu: document, data, nik, photo, duplicate.
cli-requests-card-is-empty-give-the-serial = --card kosong. Ketik nomor seri yang tercetak di kartu, mis. --card 26112800001-01, atau hilangkan --card.
cli-requests-state-must-be-one-of = --state harus salah satu dari:
cli-requests-the-queue-is-empty = Antrean kosong.
cli-requests-kind-source = Jenis, asal
cli-requests-card-serial = Nomor seri kartu
cli-requests-handled-by-2 = Ditangani
cli-requests-undo = ↶ batal →{" "}

## cli/who.rs

cli-who-as-needs-that-account-s-password = --as perlu kata sandi akun itu: di baris pertama masukan standar, atau di LOKET_PASSWORD.
