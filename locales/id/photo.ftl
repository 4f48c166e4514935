
## photo/mod.rs

photo-the-photo-file-is-empty-0 = Berkas foto kosong (0 byte). Ambil foto lagi atau pilih berkas lain.
photo-this-image-needs-too-much-memory = Gambar ini butuh terlalu banyak memori untuk dibuka. Pakai foto dari kamera loket atau pilih berkas lain.
photo-the-photo-file-is-cut-short = Berkas foto terpotong (tidak lengkap), mungkin belum selesai disalin. Tunggu sebentar lalu coba lagi, atau ambil foto lagi.
photo-the-photo-file-is-damaged-and = Berkas foto rusak dan tidak bisa dibuka. Ambil foto lagi atau pilih berkas lain.
photo-this-file-is-not-an-image = Berkas ini bukan gambar. Pilih berkas foto (JPEG, PNG atau WebP).
photo-the-photo-could-not-be-saved = Foto tidak bisa disimpan sebagai JPEG. Coba lagi; bila terulang, laporkan ke administrator.
photo-the-camera-program-finished-but-produced = Program kamera selesai tetapi tidak menghasilkan foto. Periksa kamera lalu coba lagi; bila terulang, laporkan ke administrator.
