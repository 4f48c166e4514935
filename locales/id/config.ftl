# The config file and the files loket reads and writes (src/config.rs, src/fsutil.rs).

## config.rs

config-read = Berkas konfigurasi { $path } tidak bisa dibaca ({ $reason }). Periksa hak aksesnya.
config-parse = Berkas konfigurasi { $path } salah tulis: { $reason }. Perbaiki baris itu lalu ulangi.
config-time-zone = Zona waktu '{ $zone }' tidak dikenal. Pakai nama seperti Asia/Jakarta.

## fsutil.rs

config-files-unknown-group = Grup '{ $group }' di [files] group tidak ada di komputer ini. Buat grupnya (groupadd { $group }) atau kosongkan pengaturannya.
config-files-not-found = Berkas { $file } tidak ditemukan. Periksa namanya.
config-files-not-a-file = { $file } bukan berkas biasa (perangkat atau pipa). Simpan isinya sebagai berkas dulu, lalu pakai berkas itu.
config-files-too-large = Berkas { $file } lebih besar dari { $kb } KB, batas untuk berkas ini. Tidak ada yang dibaca; pakai berkas yang lebih kecil.
config-files-io = Berkas { $file } tidak bisa dibaca ({ $reason }). Periksa hak aksesnya.
