
## photo/mod.rs

photo-the-photo-file-is-empty-0 = Berkas foto kosong (0 byte). Ambil foto lagi atau pilih berkas lain.
photo-this-image-needs-too-much-memory = Gambar ini butuh terlalu banyak memori untuk dibuka. Pakai foto dari kamera loket atau pilih berkas lain.
photo-the-photo-file-is-cut-short = Berkas foto terpotong (tidak lengkap), mungkin belum selesai disalin. Tunggu sebentar lalu coba lagi, atau ambil foto lagi.
photo-the-photo-file-is-damaged-and = Berkas foto rusak dan tidak bisa dibuka. Ambil foto lagi atau pilih berkas lain.
photo-this-file-is-not-an-image = Berkas ini bukan gambar. Pilih berkas foto (JPEG, PNG atau WebP).
photo-the-photo-could-not-be-saved = Foto tidak bisa disimpan sebagai JPEG. Coba lagi; bila terulang, laporkan ke administrator.
photo-the-camera-program-finished-but-produced = Program kamera selesai tetapi tidak menghasilkan foto. Periksa kamera lalu coba lagi; bila terulang, laporkan ke administrator.
photo-file-too-large = Berkas foto terlalu besar ({ $mb } MB, batas { $max_mb } MB). Kecilkan fotonya di kamera/HP atau pilih berkas lain.
photo-too-many-pixels = Ukuran gambar { $width }×{ $height } piksel terlalu besar untuk dibuka (mungkin berkas rusak atau sengaja dibuat). Pakai foto dari kamera loket atau pilih berkas lain.
photo-format-unsupported = Foto berformat { $format } belum didukung; yang bisa: JPEG, PNG, WebP. Di HP, atur kamera ke "Paling kompatibel"/JPEG atau kirim ulang sebagai JPEG.
photo-cannot-fit = Foto tetap { $kb } KB, lebih dari batas { $max_kb } KB. Perkecil ukuran foto di pengaturan atau minta administrator menaikkan batasnya.
photo-not-a-file = { $path } bukan berkas foto biasa (perangkat atau pipa). Simpan fotonya sebagai berkas dulu, lalu pilih berkas itu.
photo-file-not-found = Berkas { $path } tidak ditemukan. Periksa nama dan foldernya.
photo-file-unreadable = Berkas { $path } tidak bisa dibaca ({ $detail }). Periksa izin akses atau pilih berkas lain.
photo-bad-capture-command = Perintah kamera di pengaturan (capture_command) tidak bisa dipakai: { $detail }. Minta administrator memperbaikinya; sementara itu pakai folder kiriman atau berkas.
photo-capture-cannot-start = Program kamera "{ $program }" tidak bisa dijalankan (belum terpasang?). Minta administrator memeriksanya; sementara itu pakai folder kiriman atau berkas.
photo-capture-failed = Kamera gagal mengambil foto ({ $program }: { $detail }). Periksa kabel USB kamera lalu coba lagi.
photo-capture-timeout = Kamera tidak menjawab dalam { $secs } detik dan dihentikan. Periksa kabel USB kamera lalu coba lagi.

## photo/source.rs

photo-source-command-no-out = {"{"}out{"}"} tidak ada
photo-source-command-out-not-utf8 = jalur berkas keluarannya bukan UTF-8
photo-source-command-open-quote = ada tanda kutip yang tidak ditutup
photo-source-command-empty = perintahnya kosong
