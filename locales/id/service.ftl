
## service/accounts.rs

service-accounts-wrong-account-name-or-password-type = Nama akun atau kata sandi salah. Ketik lagi; lupa kata sandi: minta admin (loket user passwd).
service-accounts-this-account-is-disabled-ask-the = Akun ini dinonaktifkan. Minta admin mengaktifkannya lagi (loket user enable).
service-accounts-wrong-tries-left = Nama akun atau kata sandi salah. Sisa { $tries_left } kali coba sebelum akun harus menunggu; lupa kata sandi: minta admin (loket user passwd).
service-accounts-waiting = Terlalu banyak kata sandi salah. Tunggu { $minutes } menit lalu coba lagi, atau minta admin mengganti kata sandinya.
service-accounts-not-allowed = { $who } tidak boleh melakukan ini: perlu akun administrator. Jalankan dengan --as NAMA_ADMIN.

## service/corrections.rs

service-corrections-this-member-s-card-was-already = Kartu anggota ini sudah diserahkan dengan data lama. Perbaikan sesudah serah terima dilakukan pengawas atau admin: minta mereka (atau jalankan dengan --as NAMA_PENGAWAS).
service-corrections-nothing-changed-the-member-s-data = Tidak ada yang berubah; data anggota tetap seperti semula.
service-corrections-there-is-no-step-to-undo = Belum ada langkah yang bisa dibatalkan pada permohonan ini (pendaftaran tidak dibatalkan; untuk itu batalkan permohonannya).
service-corrections-give-the-reason-for-undoing-the = Tuliskan alasan pembatalan langkah.
service-corrections-not-yours = Langkah terakhir dikerjakan { $by }. Hanya { $by } atau pengawas yang bisa membatalkannya.
service-corrections-too-late = Langkah terakhir sudah lebih dari { $window_minutes } menit lalu. Minta pengawas membatalkannya.

## service/frontdesk.rs

service-frontdesk-the-guest-s-name-is-missing = Nama tamu belum diisi. Tulis nama tamu (atau ketua rombongan).
service-frontdesk-group-size = Jumlah orang harus antara 1 dan { $max }. Perbaiki jumlahnya.

## service/handover.rs

service-handover-the-handover-needs-the-card-checked = Serah terima perlu kartu diperiksa dulu: pindai kartunya atau ketik nomor seri yang tercetak di kartu (di baris perintah: --card NOMOR).
service-handover-not-this-applicants = Kartu { $scanned } bukan kartu pemohon ini ({ $expected }). Jangan serahkan kartu itu: cari kartu yang benar, lalu pindai atau ketik nomornya. Kejadian ini tercatat di log audit.
service-handover-older-card = Kartu { $scanned } adalah kartu lama anggota ini; yang baru dicetak { $expected }. Pindai kode QR kartu baru (atau ketik { $expected }). Kejadian ini tercatat di log audit.

## service/mod.rs

service-the-reason-or-name-typed-holds = Alasan atau nama yang diketik berisi karakter kendali (misalnya ESC atau baris baru). Ketik ulang tanpa menempelnya; tidak ada yang disimpan.
service-unknown-member = Anggota { $no } tidak ditemukan. Periksa nomornya, atau cari dengan nama: loket member search NAMA.
service-no-open-request = Anggota { $no } tidak punya permohonan kartu yang sedang berjalan. Untuk kartu baru, buat perpanjangan atau penggantian.
service-request-open = Anggota { $no } masih punya permohonan kartu yang berjalan. Selesaikan atau batalkan dulu.
service-not-a-clerk = '{ $name }' bukan akun petugas yang aktif. Tulis nama akun petugas loket (lihat: loket user list).
service-unknown-member-type = Jenis anggota '{ $member_type }' tidak ada di konfigurasi. Minta admin menambahkannya atau pilih jenis lain.

## service/users.rs

service-users-an-account-name-is-2-32 = Nama akun 2–32 huruf, angka, titik, minus atau garis bawah. Pilih nama lain.
service-users-a-password-has-at-least-8 = Kata sandi paling sedikit 8 karakter. Pilih yang lebih panjang.

## service/printing.rs

service-printing-not-ready = Kartu { $member_no } belum bisa dicetak: permohonannya { $state }. Hanya yang sudah terverifikasi (atau cetak ulang dengan alasan).

## service/privacy.rs

service-privacy-not-a-supervisor = Penghapusan data anggota hanya boleh oleh supervisor. Akun '{ $user }' bukan supervisor aktif; minta Kasi/Kabid menjalankannya dengan akunnya.
service-privacy-no-reason = Tulis alasan penghapusan (--reason), misalnya nomor surat permohonan anggota.
