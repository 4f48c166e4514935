
## i18n/mod.rs

i18n-ktp-kk-kia-student-student-card = ktp, kk, kia, student (kartu pelajar) atau passport; kosong = ktp
i18n-the-16-digit-nik-from-the = 16 angka NIK dari KTP/KK (paspor/kartu pelajar: nomornya)
i18n-day-month-year-e-g-17 = hari-bulan-tahun, mis. 17-03-2005
i18n-l-male-or-p-female = L (laki-laki) atau P (perempuan)
i18n-a-phone-number-or-an-e = nomor HP atau e-mail, paling sedikit salah satu
i18n-for-the-security-question-never-shown = untuk pertanyaan keamanan; tidak tampil di daftar
i18n-umum-general-pelajar-student-or-anak = umum, pelajar atau anak; kosong = umum
i18n-male = laki-laki
i18n-female = perempuan
i18n-a-nik-has-digits-only-look = NIK hanya berisi angka. Periksa huruf O atau I yang terketik sebagai angka.
i18n-the-regency-and-district-codes-in = Kode kabupaten/kecamatan dalam NIK tidak boleh 00. Periksa angka 3–6.
i18n-the-last-four-digits-of-a = Empat angka terakhir NIK tidak boleh 0000. Periksa lagi dari KTP/KK.
i18n-is-required = wajib diisi
i18n-is-not-a-date-write-it = bukan tanggal; tulis seperti 17-08-1990
i18n-cannot-be-in-the-future = tidak boleh di masa depan
i18n-is-not-a-phone-number-use = bukan nomor telepon; tulis angka saja, misalnya 081234567890
i18n-is-not-an-e-mail-address = bukan alamat e-mail; contoh: nama@contoh.id
i18n-give-an-active-phone-number-or = isi nomor HP atau e-mail yang aktif (salah satu)
i18n-is-not-a-known-member-type = jenis anggota tidak dikenal; pilih dari daftar
i18n-a-child-member-registers-with-a = anggota anak mendaftar dengan KK atau KIA
i18n-use-l-male-or-p-female = isi L (laki-laki) atau P (perempuan)
i18n-pick-ktp-kk-kia-student-card = pilih KTP, KK, KIA, kartu pelajar atau paspor
i18n-holds-a-control-character-such-as = berisi karakter kendali (misalnya ESC atau baris baru) yang tidak boleh ada; ketik ulang isinya tanpa menempelnya dari tempat lain
i18n-the-checklist-is-incomplete-tick-every = Daftar periksa belum lengkap: centang semua butir, atau catat butir yang gagal beserta alasannya.
i18n-give-a-reason-then-try-again = Tuliskan alasannya, lalu ulangi.
i18n-give-the-name-of-who-receives = Tuliskan nama penerima kartu (anggota sendiri atau wakilnya), lalu ulangi.
i18n-member-number-format-4-uses-the = Format nomor anggota 4 memakai NIK: isi NIK pendaftar.
i18n-the-card-is-valid-until-today = Kartu berlaku sampai hari ini. Sarankan perpanjangan di loket.
i18n-a-card-was-printed-but-its = Kartu sudah dicetak tetapi serah terimanya belum dicatat. Minta anggota ke loket.
i18n-the-card-s-valid-until-date = Masa berlaku kartu tidak tercatat. Minta anggota memeriksakannya di loket.
i18n-the-membership-is-blocked-ask-the = Keanggotaan diblokir. Minta anggota menemui petugas loket.
i18n-no-card-was-issued-yet-the = Kartu belum diterbitkan: pendaftaran belum selesai. Minta pendaftar menyelesaikannya di loket.
i18n-the-scan-is-not-a-member = Hasil pindai bukan nomor anggota. Pindai ulang barcode di kartu.
