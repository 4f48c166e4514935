## Kolom formulir anggota (src/i18n/mod.rs: Field, field_hint). `.hint` sebuah kolom adalah baris
## di bawahnya yang menjelaskan apa yang diketik, di loket dan di web.

domain-field-full-name = Nama lengkap
domain-field-identity-kind = Jenis identitas
    .hint = ktp, kk, kia, student (kartu pelajar) atau passport; kosong = ktp
domain-field-identity-no = NIK / nomor identitas
    .hint = 16 angka NIK dari KTP/KK (paspor/kartu pelajar: nomornya)
domain-field-birth-place = Tempat lahir
domain-field-birth-date = Tanggal lahir
    .hint = hari-bulan-tahun, mis. 17-03-2005
domain-field-sex = Jenis kelamin
    .hint = L (laki-laki) atau P (perempuan)
domain-field-street = Alamat
domain-field-rt-rw = RT/RW
domain-field-kelurahan = Kelurahan/Desa
domain-field-kecamatan = Kecamatan
domain-field-city = Kabupaten/Kota
domain-field-province = Provinsi
domain-field-phone = Nomor HP
    .hint = nomor HP atau e-mail, paling sedikit salah satu
domain-field-email = E-mail
    .hint = nomor HP atau e-mail, paling sedikit salah satu
domain-field-mother-name = Nama ibu kandung
    .hint = untuk pertanyaan keamanan; tidak tampil di daftar
domain-field-occupation = Pekerjaan
domain-field-education = Pendidikan terakhir
domain-field-institution = Institusi / sekolah
domain-field-member-type = Jenis anggota
    .hint = umum, pelajar atau anak; kosong = umum

## Jenis kelamin

domain-sex-male = laki-laki
domain-sex-female = perempuan

## NikError: apa yang salah pada NIK yang diketik.

domain-nik-length = NIK harus 16 angka, yang diketik { $n } angka. Periksa lagi dari KTP/KK.
domain-nik-not-digits = NIK hanya berisi angka. Periksa huruf O atau I yang terketik sebagai angka.
domain-nik-unknown-province = Kode provinsi { $code } di awal NIK tidak dikenal. Periksa dua angka pertama.
domain-nik-zero-region = Kode kabupaten/kecamatan dalam NIK tidak boleh 00. Periksa angka 3–6.
# $day, $month, $yy: masing-masing dua angka, seperti di NIK.
domain-nik-bad-date = Tanggal lahir dalam NIK ({ $day }-{ $month }-{ $yy }) bukan tanggal yang ada. Periksa angka 7–12.
domain-nik-zero-serial = Empat angka terakhir NIK tidak boleh 0000. Periksa lagi dari KTP/KK.

## NikMismatch: isi NIK dibanding yang diketik. Tanggal ditulis hh-bb-tttt.

domain-mismatch-birth-date = menurut NIK lahir { $in_nik }, yang diketik { $typed }
domain-mismatch-sex = menurut NIK { $in_nik }, yang diketik { $typed }

## Problem: apa yang salah pada satu kolom, sesudah nama kolom dan titik dua.

domain-problem-required = wajib diisi
domain-problem-too-long = terlalu panjang (paling banyak { $max } huruf)
# $found: ketidakcocokan di atas, digabung dengan "; ".
domain-problem-nik-mismatch = tidak cocok dengan NIK: { $found }. Periksa NIK dan data lahir dengan KTP/KK; bila semuanya sudah benar, petugas loket dapat mendaftarkannya dengan mencatat alasannya.
domain-problem-not-a-date = bukan tanggal; tulis seperti 17-08-1990
domain-problem-in-the-future = tidak boleh di masa depan
domain-problem-phone = bukan nomor telepon; tulis angka saja, misalnya 081234567890
domain-problem-email = bukan alamat e-mail; contoh: nama@contoh.id
domain-problem-phone-or-email-required = isi nomor HP atau e-mail yang aktif (salah satu)
domain-problem-unknown-member-type = jenis anggota tidak dikenal; pilih dari daftar
domain-problem-needs-kk-or-kia = anggota anak mendaftar dengan KK atau KIA
domain-problem-unknown-sex = isi L (laki-laki) atau P (perempuan)
domain-problem-unknown-identity-kind = pilih KTP, KK, KIA, kartu pelajar atau paspor
domain-problem-control-character = berisi karakter kendali (misalnya ESC atau baris baru) yang tidak boleh ada; ketik ulang isinya tanpa menempelnya dari tempat lain
# $earliest: hh-bb-tttt
domain-problem-too-old = terlalu lampau (paling awal { $earliest }); periksa tahunnya di KTP/KK

## RequestState: di mana sebuah permohonan kartu.

domain-state-registered = terdaftar
domain-state-waiting-at-counter = menunggu di loket
domain-state-photo-taken = sudah difoto
domain-state-verified = terverifikasi
domain-state-printed = tercetak
domain-state-laminated = dipotong & dipres
domain-state-handed-over = sudah diserahkan
domain-state-first-scanned = sudah dipindai
domain-state-rejected = ditolak
domain-state-cancelled = dibatalkan

## CheckItem: daftar periksa verifikasi.

domain-check-document-seen = Dokumen identitas dilihat (KTP, atau fotokopi KK)
domain-check-data-match = Nama dan data lahir cocok dengan dokumen
domain-check-nik-consistent = NIK konsisten
domain-check-photo-acceptable = Foto layak
domain-check-no-duplicate = Tidak ada anggota ganda

## TransitionError: langkah yang tidak bisa dilakukan.

# $action: kata perintah langkahnya (verify, print, …); $state: salah satu status di atas.
domain-transition-not-allowed = Langkah '{ $action }' tidak bisa dilakukan: permohonan ini berstatus { $state }. Lihat riwayatnya dengan 'loket request show'.
domain-transition-checklist-incomplete = Daftar periksa belum lengkap: centang semua butir, atau catat butir yang gagal beserta alasannya.
domain-transition-reason-required = Tuliskan alasannya, lalu ulangi.
domain-transition-receiver-required = Tuliskan nama penerima kartu (anggota sendiri atau wakilnya), lalu ulangi.

## MemberNoError

domain-member-no-sequence-exhausted = Nomor anggota untuk periode ini sudah habis ({ $max }). Minta admin mengganti format nomor anggota di konfigurasi.
domain-member-no-nik-required = Format nomor anggota 4 memakai NIK: isi NIK pendaftar.

## Reason: kata pemeriksaan pintu masuk tentang kartu yang dipindai. Tanggal ditulis hh-bb-tttt.

domain-reason-valid-until-today = Kartu berlaku sampai hari ini. Sarankan perpanjangan di loket.
domain-reason-expires-soon = Kartu habis dalam { $days } hari ({ $on }). Sarankan perpanjangan di loket.
domain-reason-not-handed-over = Kartu sudah dicetak tetapi serah terimanya belum dicatat. Minta anggota ke loket.
domain-reason-no-valid-until = Masa berlaku kartu tidak tercatat. Minta anggota memeriksakannya di loket.
domain-reason-expired = Kartu sudah habis masa berlakunya ({ $on }). Perpanjang di loket.
domain-reason-member-blocked = Keanggotaan diblokir. Minta anggota menemui petugas loket.
domain-reason-card-blocked = Kartu ini diblokir ({ $note }). Minta anggota ke loket untuk kartu pengganti.
domain-reason-card-replaced = Kartu ini sudah diganti dengan kartu { $by }. Tahan kartu lama; pakai kartu yang baru.
domain-reason-pending = Kartu belum diterbitkan: pendaftaran belum selesai. Minta pendaftar menyelesaikannya di loket.
domain-reason-number-only = Kode ini hanya nomor anggota, dan anggota ini sudah punya kartu lebih baru ({ $newest }); kartu lama tidak berlaku. Pindai kode QR di kartu terbaru, atau ketik nomor seri yang tercetak di kartu ({ $newest }).
domain-reason-unknown = Nomor { $code } tidak terdaftar. Pindai ulang, atau catat sebagai tamu (tombol g).
domain-reason-not-a-code = Hasil pindai bukan nomor anggota. Pindai ulang barcode di kartu.
