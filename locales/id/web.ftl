## web/mod.rs

web-mod-cannot-listen = Tidak bisa mendengarkan di { $addr } ({ $reason }). Pilih alamat lain dengan --listen, atau hentikan program yang memakainya.
web-mod-server-stopped = Server web berhenti karena gangguan ({ $error }). Jalankan lagi; bila terulang, laporkan ke administrator.

## web/once.rs

web-once-this-form-is-being-sent-already = Formulir ini sedang dikirim. Tunggu sebentar lalu muat ulang halamannya; jangan kirim dua kali.

## web/pages.rs

web-pages-kk-family-card = KK (Kartu Keluarga)
web-pages-kia-child-s-identity-card = KIA (Kartu Identitas Anak)
web-pages-student-card = Kartu pelajar
web-pages-passport = Paspor
web-pages-member-registration = Pendaftaran anggota
web-pages-fill-in-your-data-as-on = Isi data sesuai KTP (atau KK bagi yang belum punya KTP), unggah foto diri, lalu kirim. Anda akan mendapat nomor anggota untuk ditunjukkan di loket perpustakaan.
web-pages-choose = — pilih —
web-pages-male = Laki-laki
web-pages-female = Perempuan
web-pages-photo-of-yourself = Foto diri
web-pages-jpeg-or-png-facing-the-camera = JPEG atau PNG, wajah menghadap kamera, latar polos. Dipotong 3:4 untuk kartu; data lokasi (GPS) dan info kamera dibuang.
web-pages-leave-this-empty = Jangan diisi
web-pages-privacy-notice = Pemberitahuan privasi.
web-pages-i-have-read-the-privacy-notice = Saya sudah membaca pemberitahuan privasi dan setuju data saya dipakai untuk keanggotaan perpustakaan.
web-pages-send-registration = Kirim pendaftaran
web-pages-registration-succeeded = Pendaftaran berhasil
web-pages-name-line = Nama: { $name }
web-pages-your-member-number-note-it-keep = Nomor anggota Anda (catat, simpan, atau cetak halaman ini):
web-pages-what-next = Langkah berikutnya
web-pages-show-this-member-number-or-its = Tunjukkan nomor anggota ini atau kode QR-nya (dari HP atau cetakan) kepada petugas.
web-pages-bring-your-ktp-identity-card-if = Bawa KTP asli; yang belum punya KTP membawa fotokopi KK (Kartu Keluarga).
web-pages-the-staff-check-your-data-and = Petugas memeriksa data dan foto Anda, lalu mencetak kartu anggota. Layanan ini gratis.
web-pages-to-print-the-browser-menu-print = Untuk mencetak: menu browser › Cetak (di HP: Bagikan › Cetak).
web-pages-to-the-registration-form = Ke formulir pendaftaran
web-pages-registration-at = { web-pages-member-registration } — { $library }
web-pages-fields-to-correct = Ada { $n } isian yang perlu diperbaiki (ditandai merah di bawah). Foto perlu dipilih lagi.
web-pages-privacy = Data ini (nama, NIK, alamat, tanggal lahir, nama ibu kandung, nomor HP/e-mail, foto) dipakai hanya untuk keanggotaan di { $library } dan disimpan di perpustakaan, sesuai UU 27/2022 tentang Pelindungan Data Pribadi. NIK dan nama ibu kandung tidak dicetak di kartu dan tidak dibagikan kepada pihak lain. Anda dapat meminta data diperbaiki atau dihapus di loket.
web-pages-come-to-the-counter = Datang ke loket { $library }.

## web/texts.rs

web-texts-upload-too-large = Kiriman terlalu besar
web-texts-too-many-submissions = Terlalu banyak kiriman
web-texts-page-not-found = Halaman tidak ada
web-texts-something-went-wrong = Terjadi gangguan
web-texts-link-no-longer-valid = Tautan sudah tidak berlaku
web-texts-registration-not-accepted = Pendaftaran tidak diterima
web-texts-choose-a-photo-of-yourself-jpeg = Pilih foto diri Anda (JPEG atau PNG), wajah terlihat jelas, lalu kirim lagi.
web-texts-read-the-privacy-notice-and-tick = Baca pemberitahuan privasi lalu centang persetujuannya; tanpa itu data tidak bisa disimpan.
web-texts-this-nik-is-already-registered-please = NIK ini sudah terdaftar. Silakan datang ke loket perpustakaan dengan membawa KTP (atau KK) Anda; petugas akan membantu.
web-texts-this-form-has-expired-or-was = Formulir ini sudah kedaluwarsa atau dibuka di tempat lain. Isian Anda masih ada di bawah: pilih foto lagi, lalu kirim sekali lagi.
web-texts-this-submission-cannot-be-accepted-if = Kiriman ini tidak bisa diterima. Bila Anda mengisi formulir sendiri, buka formulirnya lagi dan kirim ulang, atau daftar langsung di loket.
web-texts-upload-larger-than = Kiriman lebih dari { $max_mb } MB. Pilih foto yang lebih kecil (atau kecilkan ukurannya di HP), lalu kirim lagi.
web-texts-too-many-wait = Terlalu banyak kiriman dari alamat Anda. Tunggu { $minutes } menit, lalu coba lagi.
web-texts-the-submission-could-not-be-read = Kiriman tidak bisa dibaca. Buka formulirnya lagi, isi, lalu kirim.
web-texts-the-registration-was-not-saved-because = Pendaftaran tidak tersimpan karena gangguan di server. Coba lagi beberapa menit lagi, atau daftar langsung di loket.
web-texts-this-page-does-not-exist-open = Halaman ini tidak ada. Buka formulir pendaftaran dari halaman depan.
web-texts-this-confirmation-link-is-no-longer = Tautan konfirmasi ini sudah tidak berlaku. Nomor anggota Anda tetap berlaku: sebutkan nama dan tunjukkan KTP di loket.
