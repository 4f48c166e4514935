
## service/accounts.rs

service-accounts-wrong-account-name-or-password-type = Nama akun atau kata sandi salah. Ketik lagi; lupa kata sandi: minta admin (loket user passwd).
service-accounts-this-account-is-disabled-ask-the = Akun ini dinonaktifkan. Minta admin mengaktifkannya lagi (loket user enable).

## service/corrections.rs

service-corrections-this-member-s-card-was-already = Kartu anggota ini sudah diserahkan dengan data lama. Perbaikan sesudah serah terima dilakukan pengawas atau admin: minta mereka (atau jalankan dengan --as NAMA_PENGAWAS).
service-corrections-nothing-changed-the-member-s-data = Tidak ada yang berubah; data anggota tetap seperti semula.
service-corrections-there-is-no-step-to-undo = Belum ada langkah yang bisa dibatalkan pada permohonan ini (pendaftaran tidak dibatalkan; untuk itu batalkan permohonannya).
service-corrections-give-the-reason-for-undoing-the = Tuliskan alasan pembatalan langkah.

## service/frontdesk.rs

service-frontdesk-the-guest-s-name-is-missing = Nama tamu belum diisi. Tulis nama tamu (atau ketua rombongan).

## service/handover.rs

service-handover-the-handover-needs-the-card-checked = Serah terima perlu kartu diperiksa dulu: pindai kartunya atau ketik nomor seri yang tercetak di kartu (di baris perintah: --card NOMOR).

## service/mod.rs

service-the-reason-or-name-typed-holds = Alasan atau nama yang diketik berisi karakter kendali (misalnya ESC atau baris baru). Ketik ulang tanpa menempelnya; tidak ada yang disimpan.

## service/users.rs

service-users-an-account-name-is-2-32 = Nama akun 2–32 huruf, angka, titik, minus atau garis bawah. Pilih nama lain.
service-users-a-password-has-at-least-8 = Kata sandi paling sedikit 8 karakter. Pilih yang lebih panjang.
