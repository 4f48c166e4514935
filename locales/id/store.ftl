## store/error.rs

store-error-this-store-was-made-by-a = Basis data ini dibuat oleh loket versi yang lebih baru. Perbarui loket di komputer ini.
store-error-open = Basis data di { $path } tidak bisa dibuka ({ $reason }). Periksa foldernya dan hak aksesnya, atau pakai --data-dir.
store-error-damaged = Basis data di { $path } rusak ({ $reason }). Loket tidak membukanya dan tidak menulis apa pun ke dalamnya. { $restore }
store-error-missing = Basis data { $path } tidak ada, padahal folder ini pernah menyimpannya. Loket tidak membuat basis data kosong baru sebagai gantinya. { $restore } Bila memang ingin mulai dengan basis data baru yang kosong, hapus { $marker } lalu ulangi.
store-error-duplicate-nik = NIK ini sudah dipakai anggota aktif { $existing }. Cari anggota itu: mungkin cukup perpanjangan atau kartu pengganti.
store-error-duplicate-member-no = Nomor anggota { $no } sudah ada. Tidak ada yang disimpan.
store-error-conflict = Permohonan ini baru saja diubah oleh { $by } di { $terminal }. Perubahan Anda tidak disimpan; lihat keadaannya sekarang lalu ulangi bila perlu.
store-error-print-claimed = Kartu { $member_no } sedang dicetak oleh { $by } di { $terminal }. Tidak dikirim lagi; tunggu hasilnya di printer, lalu lihat status permohonannya.
store-error-not-found = { $what } tidak ditemukan. Periksa nomornya lalu ulangi.
store-error-duplicate-user = Akun { $name } sudah ada. Pilih nama lain.
store-error-no-account = Tidak ada akun bernama { $name }. Lihat daftar akun: loket user list.
store-error-last-admin = { $name } adalah satu-satunya administrator aktif; tidak bisa dinonaktifkan atau diturunkan. Jadikan akun lain admin dulu.
store-error-member-changed = Data anggota ini baru saja diubah oleh { $by } di { $terminal }. Perbaikan Anda tidak disimpan; buka lagi datanya lalu ulangi bila masih perlu.
store-error-db = Basis data bermasalah ({ $problem }). Jalankan 'loket check' dan hubungi admin; bila dinyatakan rusak, pulihkan cadangan terakhir.
store-error-io = Berkas tidak bisa dibaca atau ditulis ({ $problem }). Periksa foldernya.

# Apa yang dilakukan bila basis data rusak. $keep adalah store-error-restore-keep, atau kosong.
store-error-restore-keep = simpan berkas yang rusak (mv { $path } { $path }.rusak),{ " " }
store-error-restore-backup = Cadangan terakhir: { $backup }. Hentikan loket di semua komputer, { $keep }pulihkan cadangan (cp { $backup } { $path }), lalu jalankan 'loket check'. Yang dicatat sesudah cadangan itu harus dimasukkan lagi.
store-error-restore-none = Tidak ada cadangan yang tercatat oleh 'loket backup'. Hentikan loket di semua komputer, { $keep }cari salinan { $path } (cadangan harian administrator) dan pulihkan, lalu jalankan 'loket check'.

# Mengapa sebuah berkas bukan basis data, menurut pemeriksaan loket sendiri.
store-error-reason-empty-file = berkasnya kosong (0 byte)
store-error-reason-not-a-store = berkas itu bukan basis data loket
store-error-reason-not-a-file = bukan berkas biasa

## store/postgres: the database server (the URL is shown with its password masked)
store-error-unreachable-tls = Sambungan aman ke basis data di { $url } tidak dapat dibuka ({ $reason }). URL meminta TLS (sslmode=require) dan sertifikat server tidak dipercaya di komputer ini: simpan sertifikat otoritas yang menandatanganinya dalam berkas dan sebutkan dengan PGSSLROOTCERT=berkas (mintalah kepada pengelola server), atau periksa bahwa berkas yang disebut di sana ada dan berisi sertifikat itu.
store-error-unreachable = Basis data di { $url } tidak dapat dihubungi ({ $reason }). Periksa bahwa server PostgreSQL berjalan dan dapat dijangkau dari komputer ini (host dan port), bahwa pg_hba.conf mengizinkan komputer ini, dan bahwa nama pengguna, kata sandi (PGPASSWORD atau berkas PGPASSFILE) dan nama basis data benar.
store-error-commit-unknown = Sambungan ke basis data di { $url } terputus saat menyimpan ({ $reason }). Perubahan mungkin tersimpan, mungkin juga tidak: periksa dulu sebelum memasukkannya lagi.
store-error-backup-is-pg-dump = Penyimpanan ini adalah basis data PostgreSQL: cadangkan dengan pg_dump di server basis data (lihat docs/deploy.md), bukan dengan loket backup.

## store/copy.rs: loket store migrate
store-error-target-not-empty = Penyimpanan tujuan tidak kosong. Pindahkan hanya ke basis data PostgreSQL yang kosong atau ke berkas .redb baru; tidak ada yang ditulis.
store-error-counts-differ = Pemindahan dihentikan dan tidak ada yang disimpan: { $table } berisi { $expected } catatan di sumber tetapi { $found } di salinan.
store-migrate-file-exists = { $file } sudah ada. Pindahkan ke berkas .redb baru (atau basis data PostgreSQL yang kosong); tidak ada yang ditulis.
store-migrate-progress = Memindahkan penyimpanan
store-migrate-done = { $n } catatan dipindahkan ke { $to }, jumlahnya sama di kedua sisi. Arahkan setiap PC ke sana ([store] url, atau --store) sebelum bekerja lagi.

## cli/store.rs: loket store previews
store-previews-none-missing = Setiap foto sudah punya pratinjau meja depan. Tidak ada yang perlu dikerjakan.
store-previews-progress = Membuat pratinjau foto
store-previews-done = { $n } pratinjau foto disimpan. Meja depan kini menampilkan foto-foto itu tanpa mengurainya di setiap pemindaian.
store-previews-undecodable = { $n } foto tidak dapat dibaca dan tidak mendapat pratinjau; meja depan tetap mencobanya di setiap pemindaian. Ambil ulang foto anggota tersebut.

## loket check on a PostgreSQL store
store-check-postgres = Penyimpanan ini adalah basis data PostgreSQL di { $url }: dapat dihubungi, skema { $schema }. Halamannya diperiksa di server basis data (pg_amcheck), dan dicadangkan di sana dengan pg_dump.
