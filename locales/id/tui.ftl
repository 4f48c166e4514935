
## tui/app.rs

tui-app-correct-data = perbaiki data
tui-app-undo-step = batalkan langkah
tui-app-overview = dasbor
tui-app-audit-log = log audit
tui-app-accounts = akun petugas
tui-app-help = bantuan
tui-app-card-queue = Antrean kartu anggota
tui-app-card-request = Permohonan kartu
tui-app-members = Anggota
tui-app-audit-log-2 = Log audit
tui-app-card-service-overview = Pengawasan layanan KTA
tui-app-staff-accounts = Akun petugas
tui-app-not-signed-in = belum masuk
tui-app-staff = petugas
tui-app-supervisor = pengawas
tui-app-the-form-is-not-complete-fix = Formulir belum lengkap. Perbaiki isian yang bertanda ✗, lalu simpan lagi (Ctrl+S).
tui-app-replacement-request-opened-the-old-card = Permohonan ganti kartu dibuka; kartu lama akan diblokir saat kartu baru dicetak. Enter: panggil pemohon.
tui-app-renewal-request-opened-enter-call-the = Permohonan perpanjangan dibuka. Enter: panggil pemohon.
tui-app-a-supervisor-s-account-watches-cancels = Akun pengawas melihat, membatalkan dan mengalihkan permohonan; langkah loket dikerjakan petugas: masuk dengan akun petugas.
tui-app-the-overview-is-for-supervisor-and = Dasbor pengawasan untuk akun pengawas dan admin. Antrean ini yang dikerjakan petugas.
tui-app-the-audit-log-is-for-administrator = Log audit hanya untuk akun admin. Minta admin membukanya, atau jalankan: loket audit
tui-app-no-verified-request-is-marked-mark = Belum ada permohonan terverifikasi yang ditandai. Tandai dengan Spasi, lalu tekan p.
tui-app-no-printed-request-is-marked-mark = Belum ada permohonan tercetak yang ditandai. Tandai dengan Spasi, lalu tekan l.
tui-app-cards-sent-to-the-printer = { $n } kartu dikirim ke printer bersama ({ $job }). Setelah dipotong dan dipres, tekan l untuk yang masih ditandai.
tui-app-cards-recorded-as-laminated = { $n } kartu tercatat sudah dipotong dan dipres; siap diserahkan.

## tui/app/care.rs

tui-app-care-the-card-still-shows-the-old = Kartunya masih memuat data lama: buat kartu pengganti di layar Anggota (m, lalu g).
tui-app-care-go-through-the-checklist-again = Periksa daftar periksa lagi.
tui-app-care-the-correction-was-not-saved-the = Perbaikan tidak disimpan; data anggota tetap seperti semula.
tui-app-care-the-correction-cannot-be-saved-yet = Perbaikan belum bisa disimpan. Perbaiki isian yang bertanda ✗, lalu simpan lagi (Ctrl+S).
tui-app-care-staff-accounts-are-managed-by-an = Akun petugas dikelola akun admin. Minta admin, atau jalankan: loket user --help
tui-app-care-step-undone = Langkah dibatalkan; permohonan kembali { $state }. Riwayat menyimpan langkah dan pembatalannya.
tui-app-care-card-recorded-spoiled = Kartu { $serial } tercatat rusak: sisihkan; cetakan berikutnya bernomor seri baru.
tui-app-care-member-data-corrected = Data anggota { $no } diperbaiki dan tercatat di log audit.
tui-app-care-role-is-now = Peran { $name } sekarang { $role }.
tui-app-care-account-disabled = Akun { $name } dinonaktifkan; riwayatnya tetap.
tui-app-care-account-active-again = Akun { $name } aktif lagi.
tui-app-care-password-was-set = Kata sandi { $name } diganti; { $name } memilih kata sandi sendiri saat masuk berikutnya.

## tui/app/reload.rs

tui-app-reload-printer-and-card-template = printer dan templat kartu
tui-app-reload-standard-times = waktu baku
tui-app-reload-undo-window-and-idle-lock = batas waktu batal langkah dan kunci layar
tui-app-reload-library-details = data perpustakaan
tui-app-reload-scanner = pemindai
tui-app-reload-colour-theme = tema warna
tui-app-reload-camera = kamera
tui-app-reload-language-and-time-zone = bahasa dan zona waktu
tui-app-reload-previous-settings-stay = { $problem } Pengaturan lama tetap dipakai sampai berkasnya benar.
tui-app-reload-new-settings-in-use = Pengaturan baru langsung dipakai: { $settings }.
tui-app-reload-takes-effect-after-restart = Perubahan { $settings } berlaku setelah loket dibuka ulang: keluar (q di antrean) lalu jalankan loket lagi.

## tui/frontdesk/entry.rs

tui-frontdesk-entry-number-typed = Nomor diketik:{" "}
tui-frontdesk-entry-enter-check-esc-clear = {" "}Enter: periksa · Esc: hapus{" "}
tui-frontdesk-entry-close-the-front-desk-visitors-cannot = Tutup meja depan? Pengunjung tidak bisa memindai kartu sampai dibuka lagi.
tui-frontdesk-entry-y-yes-close-any-other-key = y: ya, tutup · tombol lain: tetap buka
tui-frontdesk-entry-leave = {" "}Keluar{" "}

## tui/frontdesk/guest.rs

tui-frontdesk-guest-tab-enter-next-enter-on-the = Tab/Enter berikutnya · Enter di akhir simpan · Esc batal
tui-frontdesk-guest-guest-without-a-card = {" "}Tamu tanpa kartu{" "}
tui-frontdesk-guest-name = Nama
tui-frontdesk-guest-institution = Instansi
tui-frontdesk-guest-purpose = Keperluan
tui-frontdesk-guest-group-size = Jumlah orang

## tui/screens/accounts.rs

tui-accounts-staff = petugas
tui-accounts-supervisor = pengawas
tui-accounts-save-password = simpan sandi
tui-accounts-cancel = batal
tui-accounts-choose-account = pilih akun
tui-accounts-change-role = ganti peran
tui-accounts-disable-enable = nonaktif/aktifkan
tui-accounts-new-password = sandi baru
tui-accounts-back = kembali
tui-accounts-account = Akun
tui-accounts-name = Nama
tui-accounts-role = Peran
tui-accounts-state = Keadaan
tui-accounts-staff-accounts = {" "}Akun petugas{" "}
tui-accounts-the-last-active-administrator-cannot-be = Administrator aktif terakhir tidak bisa dinonaktifkan atau diturunkan. Setiap perubahan tercatat di log audit.
tui-accounts-disabled = nonaktif
tui-accounts-active-new-password-due = aktif · ganti sandi
tui-accounts-active = aktif
tui-accounts-new-password-for = Kata sandi baru untuk { $name } (paling sedikit 8 karakter; { $name } menggantinya saat masuk berikutnya):
tui-accounts-waiting-minutes = menunggu { $m } menit

## tui/screens/audit.rs

tui-audit-done-filtering = selesai menyaring
tui-audit-clear-the-filter = hapus saringan
tui-audit-filter = saring
tui-audit-scroll = gulir
tui-audit-back-to-the-queue = kembali ke antrean
tui-audit-filter-2 = Saring:
tui-audit-latest-entries = catatan terbaru
tui-audit-no-entries-match-esc-in-the = Tidak ada catatan yang cocok. Esc di kolom saring menghapus saringan.
tui-audit-when = Waktu
tui-audit-account = Akun
tui-audit-action = Tindakan
tui-audit-about = Tentang
tui-audit-detail = Rincian

## tui/screens/dashboard.rs

tui-dashboard-open-the-request = buka permohonan
tui-dashboard-queue = antrean
tui-dashboard-members = anggota
tui-dashboard-sign-out = keluar akun
tui-dashboard-quit = tutup
tui-dashboard-loading =
    {""}
    {"  "}Memuat…
tui-dashboard-state = Status
tui-dashboard-now = Jml
tui-dashboard-over = Lewat
tui-dashboard-week-med = Median mg
tui-dashboard-requests-minutes-standard = {" "}Permohonan · menit/baku{" "}
tui-dashboard-no-request-is-in-progress = {" "}Tidak ada permohonan yang sedang berjalan.
tui-dashboard-member-no = No. anggota
tui-dashboard-name = Nama
tui-dashboard-min-std = Mnt/baku
tui-dashboard-clerk = Petugas
tui-dashboard-source = Sumber
tui-dashboard-clerks = Petugas:{" "}
tui-dashboard-no-steps-yet = belum ada langkah
tui-dashboard-today = {" "}Hari ini{" "}
tui-dashboard-most-overdue-shown = {" "}· { $n } terlama tampil
tui-dashboard-in-progress-title = {" "}Dalam proses: { $total } · lewat baku: { $over }{ $shown }{" "}
tui-dashboard-visitors-today-title = {" "}Pengunjung hari ini: { $people }{" "}
tui-dashboard-today-summary = Pendaftaran { $registered } · kartu diserahkan { $issued } · tamu { $guests }
tui-dashboard-visitors-and-summary = Pengunjung { $people } · { $summary }
tui-dashboard-clerk-figures = { $clerk } { $steps } langkah/{ $cards } kartu

## tui/screens/detail.rs

tui-detail-reject-the-request = {" "}Tolak permohonan{" "}
tui-detail-cancel-the-request = {" "}Batalkan permohonan{" "}
tui-detail-print-the-card-again = {" "}Cetak ulang kartu{" "}
tui-detail-call-the-applicant-sop-2 = panggil pemohon (SOP 2)
tui-detail-check-the-photo-sent-sop-3 = periksa foto kiriman (SOP 3)
tui-detail-take-the-photo-sop-3 = ambil foto (SOP 3)
tui-detail-check-the-data-sop-4 = periksa data (SOP 4)
tui-detail-print-the-card-sop-5 = cetak kartu (SOP 5)
tui-detail-cut-laminated-sop-6 = potong & pres selesai (SOP 6)
tui-detail-hand-over-the-card-sop-7 = serahkan kartu (SOP 7–8)
tui-detail-new-photo = foto baru
tui-detail-reprint = cetak ulang
tui-detail-reject = tolak
tui-detail-cancel = batal
tui-detail-reassign = alihkan petugas
tui-detail-to-the-queue = ke antrean
tui-detail-get-the-photo = ambil foto
tui-detail-save-the-photo = simpan foto
tui-detail-adjust-the-crop = atur potongan
tui-detail-record-with-the-reason = simpan dengan alasan
tui-detail-back = kembali
tui-detail-space = Spasi
tui-detail-tick = centang
tui-detail-all-fine = semua sesuai
tui-detail-ktp-kk = KTP/KK
tui-detail-record-the-check = simpan pemeriksaan
tui-detail-check-the-card-number = periksa nomor kartu
tui-detail-to-the-receiver-s-name = ke nama penerima
tui-detail-record-the-handover = catat serah terima
tui-detail-type-the-card-number = ketik nomor kartu
tui-detail-reassign-2 = alihkan
tui-detail-type-the-photo-file-s-path = Ketik jalur berkas foto, atau biarkan kosong dan tekan Enter untuk memotret dengan kamera (atau mengambil foto terbaru di folder kotak masuk).
tui-detail-photo-sop-3 = {" "}Foto (SOP 3){" "}
tui-detail-name-of-who-receives-the-card = Nama penerima kartu (seperti ditulis di buku tanda terima). Ubah jika diterima orang lain, mis. orang tua.
tui-detail-card-number = Nomor kartu:{" "}
tui-detail-scan-the-card-or-tab-type = Pindai kartu (atau Tab, ketik nomornya) untuk memastikan kartu yang benar.
tui-detail-handover-sop-7-8 = {" "}Serah terima (SOP 7–8){" "}
tui-detail-account-name-of-the-clerk-taking = Nama akun petugas yang mengambil alih permohonan ini (tercatat di log audit), lalu Enter.
tui-detail-reassign-to-another-clerk = {" "}Alihkan ke petugas lain{" "}
tui-detail-write-the-reason-it-goes-into = Tulis alasannya (masuk ke riwayat permohonan), lalu Enter.
tui-detail-data-check-sop-4 = {" "}Pemeriksaan data (SOP 4){" "}
tui-detail-member = {" "}Data anggota{" "}
tui-detail-with = ditangani
tui-detail-no-request = tidak ada permohonan
tui-detail-name = Nama
tui-detail-member-no = No. anggota
tui-detail-born = Lahir
tui-detail-address = Alamat
tui-detail-type = Jenis
tui-detail-photo = Foto
tui-detail-stored = tersimpan
tui-detail-none-yet = belum ada
tui-detail-state = Status
tui-detail-supervisor-s-account-view-cancel-b = Akun pengawas: melihat, membatalkan (b) dan mengalihkan (r).
tui-detail-history = {" "}Riwayat{" "}
tui-detail-min = mnt
tui-detail-step = Langkah
tui-detail-by = Oleh
tui-detail-when = Waktu
tui-detail-took = Lama
tui-detail-checked-by-loket = diperiksa loket
tui-detail-reason-an-unticked-item-failed-duplicate = Alasan (butir yang tidak dicentang gagal; NIK ganda: mengapa tetap lanjut):
tui-detail-document-d-switches = Dokumen: { $document } (d mengganti)

## tui/screens/handover.rs

tui-handover-the-card-scanned-is-not-this = Kartu yang dipindai tadi bukan kartu pemohon ini, jadi serah terima belum bisa dicatat. Pindai kartu yang benar, atau Esc untuk keluar.
tui-handover-the-handover-needs-the-card-checked = Serah terima perlu kartu diperiksa dulu: pindai kartunya (atau Tab, ketik nomor seri di kartu), lalu Enter.
tui-handover-card-checked-matches = ✓ Kartu { $serial } sudah diperiksa: cocok.
tui-handover-card-refused = ✗ Kartu { $code } ditolak. Pindai kartu yang benar, atau Esc.

## tui/screens/help.rs

tui-help-order-register-call-photo-check-print = Urutan: daftar → panggil → foto → periksa → cetak → potong & pres → serahkan. Enter selalu menjalankan langkah berikutnya. Pindai kartu atau slip kapan saja untuk membuka permohonannya.
tui-help-press-any-key-to-close = Tekan tombol apa saja untuk menutup.
tui-help-help-keys-of-this-screen = {" "}Bantuan: tombol layar ini{" "}

## tui/screens/history.rs

tui-history-undo = batal

## tui/screens/login.rs

tui-login-first-run = Pemakaian pertama
tui-login-sign-in = Masuk
tui-login-counter-locked = Loket terkunci
tui-login-new-password = Kata sandi baru
tui-login-new-password-2 = Sandi baru
tui-login-again = Ulangi sandi
tui-login-account-name = Nama akun
tui-login-full-name = Nama lengkap
tui-login-password = Kata sandi
tui-login-next-sign-in = lanjut / masuk
tui-login-move-between-fields = pindah kolom
tui-login-cancel-sign-in = batal masuk
tui-login-quit = keluar
tui-login-there-are-no-accounts-yet-create = Belum ada akun. Buat akun administrator dulu; akun petugas ditambah sesudahnya.
tui-login-sign-in-with-your-staff-account = Masuk dengan akun petugas. Setiap langkah dicatat atas nama Anda.
tui-login-a-password-has-at-least-8 = Kata sandi paling sedikit 8 karakter.
tui-login-locked-after-idle = Loket terkunci karena lama tidak dipakai. { $name }: ketik kata sandi untuk kembali ke layar yang tadi. Petugas lain: ganti nama akun (layar { $name } ditutup).
tui-login-password-set-by-admin = { $name }, kata sandi Anda diatur admin. Pilih kata sandi sendiri (paling sedikit 8 karakter) sebelum mulai.

## tui/screens/members.rs

tui-members-awaiting-card = menunggu kartu
tui-members-active = aktif
tui-members-expired = kedaluwarsa
tui-members-blocked = diblokir
tui-members-new = baru
tui-members-renewal = perpanjangan
tui-members-replacement = ganti kartu
tui-members-to-the-results = ke daftar hasil
tui-members-back-to-the-queue = kembali ke antrean
tui-members-renew = perpanjangan
tui-members-replace-card = ganti kartu
tui-members-correct-data = perbaiki data
tui-members-search = cari
tui-members-search-name-member-no-nik = Cari (nama, no. anggota, NIK):
tui-members-found = ditemukan
tui-members-type-the-start-of-a-name = Ketik awal nama, nomor anggota, atau NIK.
tui-members-no-member-matches-check-the-spelling = Tidak ada anggota yang cocok. Periksa ejaan, atau cari dengan NIK.
tui-members-member-no = No. anggota
tui-members-name = Nama
tui-members-status = Status
tui-members-valid-until = Berlaku s.d.
tui-members-valid = berlaku
tui-members-cards = {" "}Kartu{" "}
tui-members-no-card-printed-yet = {" "}Belum ada kartu tercetak.
tui-members-requests = {" "}Permohonan{" "}

## tui/screens/photo.rs

tui-photo-whole-photo = {" "}Foto utuh{" "}
tui-photo-printed = {" "}Dicetak{" "}
tui-photo-yellow-box-what-is-printed-the = Kotak kuning: yang dicetak; yang redup terpotong.
tui-photo-zoom = Zoom
tui-photo-turn = Putar
tui-photo-bright = Terang
tui-photo-contrast = Kontras
tui-photo-keys = {" "}Tombol{" "}
tui-photo-key-move-the-box = geser kotak
tui-photo-key-move-further = geser jauh
tui-photo-key-zoom-in-out = perbesar / perkecil
tui-photo-key-rotate = putar 90°
tui-photo-key-darker-brighter = lebih gelap / terang
tui-photo-key-contrast = kontras − / +
tui-photo-key-start-over = kembali ke awal
tui-photo-key-save-the-photo = simpan foto
tui-photo-key-cancel = batal

## tui/screens/queue.rs

tui-queue-counter = loket
tui-queue-online = daring
tui-queue-import = impor
tui-queue-done-searching = selesai mencari
tui-queue-clear-the-search = hapus pencarian
tui-queue-open = buka
tui-queue-search = cari
tui-queue-register = daftar baru
tui-queue-space = Spasi
tui-queue-mark = tandai
tui-queue-print-the-marked = cetak yang ditandai
tui-queue-marked-laminated = yang ditandai dipres
tui-queue-members = anggota
tui-queue-filter-state = saring status
tui-queue-filter-source = saring sumber
tui-queue-clear-filters = hapus saringan
tui-queue-sign-out = keluar akun
tui-queue-quit = tutup
tui-queue-all = semua
tui-queue-state = Status:
tui-queue-source = Sumber:
tui-queue-search-2 = Cari:
tui-queue-requests = permohonan
tui-queue-marked = ditandai
tui-queue-member-no = {" "}No. anggota
tui-queue-name = Nama
tui-queue-source-2 = Sumber
tui-queue-state-2 = Status
tui-queue-min-std = Menit/baku
tui-queue-no-requests-are-waiting-a-new = Tidak ada permohonan yang menunggu. Pendaftar baru: tekan n.
tui-queue-nothing-matches-the-filters-esc-clears = Tidak ada yang cocok dengan saringan. Esc menghapus saringan.
tui-queue-only-verified-requests-to-print-together = Hanya permohonan terverifikasi (untuk dicetak bersama) atau tercetak (untuk ditandai dipres bersama) yang bisa ditandai. Buka permohonan lain dengan Enter.

## tui/screens/register.rs

tui-register-correcting-a-member-s-data = Perbaikan data anggota
tui-register-registration-sop-1 = Pendaftaran anggota (SOP 1)
tui-register-open-the-request = buka permohonannya
tui-register-to-the-queue = ke antrean
tui-register-next-field = kolom berikut
tui-register-move = pindah kolom
tui-register-save = simpan
tui-register-cancel = batal
tui-register-member-number-note-it-then-say = {"  "}Nomor anggota (catat, lalu sebutkan di loket):
tui-register-enter-open-the-request-and-call = {"  "}Enter: buka permohonannya dan panggil pemohon. Esc: kembali ke antrean.
tui-register-the-form-is-not-saved-esc = Isian formulir belum disimpan. Esc sekali lagi: buang isian. Tombol lain: lanjut mengisi (Ctrl+S menyimpan).
tui-register-nik-belongs-to-member = ! NIK ini milik anggota aktif { $holder }. Periksa apakah orangnya sama: perpanjang atau ganti kartunya, jangan daftar ganda.
tui-register-field-problems-title = {" "}{ $field } · { $n } isian bermasalah{" "}
tui-register-registration-succeeded = {"  "}Pendaftaran berhasil: { $name }

## tui/screens/undo.rs

tui-undo-reason-then-enter-esc-do-not = Alasan, lalu Enter (Esc: jangan batalkan):
tui-undo-undo-a-step = {" "}Batalkan langkah{" "}
tui-undo-undo-the-last-step = Batalkan langkah terakhir: { $step } (oleh { $by }). Langkah dan pembatalannya tetap tercatat di riwayat.

## tui/app/steps.rs

tui-app-steps-applicant-called-enter-take-the-photo = Pemohon dipanggil. Enter: ambil foto (ketik berkas foto, atau Enter saja untuk kamera).
tui-app-steps-no-camera-or-photo-inbox-is = Belum ada kamera atau folder kotak masuk foto di pengaturan ([photo] capture_command / inbox), atau belum ada foto baru di sana. Ketik jalur berkas foto, lalu Enter.
tui-app-steps-photo-saved-enter-check-the-applicant = Foto tersimpan. Enter: periksa data pemohon (daftar periksa).
tui-app-steps-the-data-does-not-match-the = Data tidak cocok dengan dokumen (tercatat di riwayat). Perbaiki data sesuai dokumen, Ctrl+S menyimpan; sesudahnya daftar periksa dibuka lagi.
tui-app-steps-data-verified-enter-print-the-card = Data terverifikasi. Enter: cetak kartu.
tui-app-steps-request-rejected-the-reason-is-recorded = Permohonan ditolak; alasannya tercatat.
tui-app-steps-request-cancelled-the-reason-is-recorded = Permohonan dibatalkan; alasannya tercatat.
tui-app-steps-card-printed-again-same-serial-once = Kartu dicetak ulang (nomor seri sama). Setelah dipotong dan dipres, Enter.
tui-app-steps-card-cut-and-laminated-enter-hand = Kartu dipotong dan dipres. Enter: serahkan kartu dan catat penerimanya.
tui-app-steps-verification-did-not-pass = Verifikasi tidak lolos; permohonan sekarang { $state }. Perbaiki yang kurang, lalu ulangi langkahnya.
tui-app-steps-card-sent-to-the-printer = Kartu dikirim ke printer ({ $job }). Setelah dipotong dan dipres, Enter.
tui-app-steps-request-handed-to = Permohonan dialihkan ke { $clerk }; tercatat di log audit.

## tui/app/signin.rs

tui-app-signin-the-two-passwords-differ-type-the = Kedua kata sandi tidak sama. Ketik kata sandi baru lagi di kedua kolom.
tui-app-signin-your-new-password-is-saved-use = Kata sandi baru tersimpan. Pakai kata sandi ini mulai sekarang.
tui-app-signin-the-two-passwords-differ-type-the-2 = Kedua kata sandi tidak sama. Ketik kata sandi lagi di kedua kolom.
tui-app-signin-administrator-account-created-add-staff-accounts = Akun administrator dibuat. Tambah akun petugas dengan: loket user add NAMA --role staff --password-stdin

## tui/app/card_check.rs

tui-app-card-check-the-card-matches-this-applicant-enter = Kartu cocok dengan pemohon ini. Enter: catat serah terimanya.
tui-app-card-check-look-member-up = { $reason } Data anggota { $no } dicari dengan / lalu nama atau nomornya.
tui-app-card-check-scan-not-a-member = Hasil pindai { $code } bukan nomor anggota yang terdaftar. Cari dengan / lalu ketik nama atau NIK.
tui-app-card-check-card-handed-to = Kartu diserahkan kepada { $received_by } dan tercatat. Minta anggota memindai kartunya di meja depan. Esc: kembali ke antrean.

## tui/frontdesk.rs

tui-frontdesk-problem = GANGGUAN
tui-frontdesk-front-desk = Meja depan
tui-frontdesk-scanner-keyboard = Pemindai: keyboard
tui-frontdesk-scanner-connecting = Pemindai: menghubungkan…
tui-frontdesk-scanner-connected = Pemindai: terhubung
tui-frontdesk-type-number-enter-g-guest-f10 = ketik nomor + Enter · g tamu · F10 keluar{" "}
tui-frontdesk-please-scan-your-membership-card = Silakan pindai kartu anggota
tui-frontdesk-guests-without-a-card-press-g = Tamu tanpa kartu: tekan g · barcode rusak: ketik nomornya lalu Enter
tui-frontdesk-welcome = SELAMAT DATANG
tui-frontdesk-come-in-note = SILAKAN MASUK — PERHATIAN
tui-frontdesk-cannot-enter = TIDAK DAPAT MASUK
tui-frontdesk-member-no = No. anggota
tui-frontdesk-member-type = Jenis anggota
tui-frontdesk-valid-until = Berlaku hingga
tui-frontdesk-first-scan-of-the-new-card = Pindai pertama kartu baru tercatat (SOP langkah 9).
tui-frontdesk-institution = Instansi
tui-frontdesk-purpose = Keperluan
tui-frontdesk-group-size = Jumlah orang
tui-frontdesk-guest-recorded = TAMU TERCATAT
tui-frontdesk-visitors-today = Pengunjung hari ini: { $people } orang (anggota { $members }, tamu { $guests })
tui-frontdesk-already-counted-at = Sudah tercatat pukul { $at }; tidak dihitung lagi.

## tui/theme.rs

tui-theme-cannot-be-used = Tema '{ $name }' tidak bisa dipakai: { $reason }. Pakai default, light atau high-contrast di [tui] theme, atau perbaiki berkasnya.

## tui/mod.rs

tui-mod-raw-mode = mode raw terminal
tui-mod-alternate-screen = layar alternatif terminal
