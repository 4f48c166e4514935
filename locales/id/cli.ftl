
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
cli-admin-previews-missing = { $n } foto belum punya pratinjau meja depan (tersimpan sebelum versi ini), sehingga meja depan mengurainya lagi di setiap pemindaian. Jalankan `loket store previews` untuk membuatnya; aman dijalankan selagi loket dan meja depan bekerja.
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

## cli/accounts.rs

cli-accounts-password-set-must-choose = Kata sandi { $name } diganti. { $name } harus memilih kata sandi sendiri saat masuk berikutnya.
cli-accounts-role-is-now = Peran { $name } sekarang { $role }.
cli-accounts-loket-commands-by-os-user-are = Perintah loket oleh pengguna OS { $os_user } sekarang dicatat atas nama akun { $name }.

## cli/edits.rs

cli-edits-member-s-data-corrected-fields = Data anggota { $no } diperbaiki ({ $n } isian): { $changes }
cli-edits-the-card-already-handed-over-shows = Kartu yang sudah diserahkan masih memuat data lama. Untuk kartu baru: loket member replace { $no } --reason "data diperbaiki"
cli-edits-step-on-undone-the-request-is = Langkah '{ $action }' pada { $no } dibatalkan; permohonan kembali { $state }. Riwayat menyimpan langkah dan pembatalannya.
cli-edits-card-is-recorded-as-spoiled-not = Kartu { $serial } tercatat rusak (tidak dipakai); cetakan berikutnya mendapat nomor seri baru.

## cli/report.rs

cli-report-file-cannot-be-written-check-the = Berkas { $file } tidak bisa ditulis ({ $e }). Periksa foldernya dan hak aksesnya, atau pilih --out lain.
cli-accounts-enabled = Akun { $name } aktif lagi dan bisa masuk.
cli-accounts-disabled-no-sign-in = Akun { $name } dinonaktifkan; tidak bisa masuk lagi. Riwayatnya tetap tersimpan.
cli-export-sensitive-slims = NIK
cli-export-sensitive-inlislite = NIK dan nama ibu kandung
cli-export-file-holds-personal-data = Perhatian: berkas ini berisi { $sensitive } (data pribadi, UU 27/2022). Hanya pemiliknya yang bisa membacanya (mode 0600). Serahkan langsung ke admin { $peer }, lalu hapus.
cli-export-photos-for-slims = Foto: { $n } berkas member_NOMOR.jpg di { $folder }; salin ke folder images/persons SLiMS (nama sudah tertulis di member_image).
cli-export-photos-for-inlislite = Foto: { $n } berkas NOMOR.jpg di { $folder }; salin ke uploaded_files/foto_anggota INLISLite (PHOTO URL menyebutnya).
cli-export-done = { $written } dari { $all } anggota diekspor untuk { $peer } ke { $file }.
cli-frontdesk-date-not-understood = Tanggal '{ $date }' tidak dikenali. Tulis seperti 2026-11-28.
cli-interop-photo-links-checked = Tautan foto: { $checked } diperiksa, { $problems } bermasalah.
cli-interop-rows-rejected-nothing-written = Tidak ada yang ditulis: { $n } baris ditolak. Perbaiki baris itu di berkas lalu impor lagi, atau tambahkan --partial untuk mengimpor baris yang baik saja.
cli-interop-saved = Tersimpan: { $added } anggota baru, { $updated } diperbarui, { $requests } permohonan kartu.
cli-report-format-unknown = Format '{ $format }' tidak dikenal. Pilih salah satu: table, csv, pdf, json.
cli-requests-step-recorded = { $no }: langkah tercatat atas nama { $by }; permohonan sekarang { $state }.
cli-members-nik-outside-regency = Catatan: NIK ini terbit di luar kabupaten (kode { $regency }). Pendaftaran tetap disimpan.
cli-members-replacement-opened = Permohonan ganti kartu { $id } untuk { $no } dibuka; kartu lama diblokir saat kartu baru dicetak. Berikutnya: loket request call { $no }
cli-members-renewal-opened = Permohonan perpanjangan { $id } untuk { $no } dibuka. Berikutnya: loket request call { $no }
cli-mod-language-unknown = Bahasa '{ $code }' tidak dikenal. Pilih salah satu: { $known } (atau tambahkan foldernya di LOKET_LOCALES).
