
## tui/app.rs

tui-app-correct-data = perbaiki data
tui-app-undo-step = batalkan langkah
tui-app-overview = dasbor
tui-app-audit-log = log audit
tui-app-accounts = akun petugas
tui-app-help = bantuan
tui-app-bahasa = English
tui-app-card-queue = Antrean kartu anggota
tui-app-card-request = Permohonan kartu
tui-app-members = Anggota
tui-app-audit-log-2 = Log audit
tui-app-card-service-overview = Pengawasan layanan KTA
tui-app-staff-accounts = Akun petugas
tui-app-not-signed-in = belum masuk
tui-app-staff = petugas
tui-app-supervisor = pengawas

## tui/app/care.rs

tui-app-care-the-card-still-shows-the-old = Kartunya masih memuat data lama: buat kartu pengganti di layar Anggota (m, lalu g).
tui-app-care-go-through-the-checklist-again = Periksa daftar periksa lagi.

## tui/app/reload.rs

tui-app-reload-printer-and-card-template = printer dan templat kartu
tui-app-reload-standard-times = waktu baku
tui-app-reload-undo-window-and-idle-lock = batas waktu batal langkah dan kunci layar
tui-app-reload-library-details = data perpustakaan
tui-app-reload-scanner = pemindai
tui-app-reload-colour-theme = tema warna
tui-app-reload-camera = kamera
tui-app-reload-language-and-time-zone = bahasa dan zona waktu

## tui/frontdesk/entry.rs

tui-frontdesk-entry-number-typed = Nomor diketik:{" "}
tui-frontdesk-entry-enter-check-esc-clear = {" "}Enter: periksa · Esc: hapus{" "}
tui-frontdesk-entry-close-the-front-desk-visitors-cannot = Tutup meja depan? Pengunjung tidak bisa memindai kartu sampai dibuka lagi.
tui-frontdesk-entry-y-yes-close-any-other-key = y: ya, tutup · tombol lain: tetap buka
tui-frontdesk-entry-leave = {" "}Keluar{" "}

## tui/frontdesk/guest.rs

tui-frontdesk-guest-tab-enter-next-enter-on-the = Tab/Enter berikutnya · Enter di akhir simpan · Esc batal
tui-frontdesk-guest-guest-without-a-card = {" "}Tamu tanpa kartu{" "}

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

## tui/screens/handover.rs

tui-handover-the-card-scanned-is-not-this = Kartu yang dipindai tadi bukan kartu pemohon ini, jadi serah terima belum bisa dicatat. Pindai kartu yang benar, atau Esc untuk keluar.
tui-handover-the-handover-needs-the-card-checked = Serah terima perlu kartu diperiksa dulu: pindai kartunya (atau Tab, ketik nomor seri di kartu), lalu Enter.

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

## tui/screens/undo.rs

tui-undo-reason-then-enter-esc-do-not = Alasan, lalu Enter (Esc: jangan batalkan):
tui-undo-undo-a-step = {" "}Batalkan langkah{" "}
