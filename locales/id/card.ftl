
## card/barcode.rs

card-barcode-the-member-number-is-empty-there = Nomor anggota kosong, tidak ada yang bisa dibuat barcode. Periksa data anggota.
card-barcode-cannot-encode = Nomor anggota { $data } berisi karakter { $ch } yang tidak bisa dibuat barcode { $symbology }. Pilih simbologi lain (code128 atau qr) di pengaturan kartu.
card-barcode-box-too-small = Barcode { $symbology } untuk { $data } perlu { $needed_mm } mm, kotaknya di templat kartu hanya { $box_mm } mm, sehingga garisnya akan terlalu tipis untuk dibaca pemindai. Perlebar kotak barcode di templat atau pilih Code 128/QR.

## card/mod.rs

card-there-are-no-cards-to-print = Tidak ada kartu untuk dicetak. Pilih dulu permintaan kartu yang sudah diverifikasi.
card-not-activated = Kartu { $member_no } belum bisa dicetak: masa berlakunya belum ditetapkan. Selesaikan verifikasi anggota dulu.
card-photo-unusable = Foto anggota { $member_no } tidak bisa dipakai ({ $message }). Ambil ulang fotonya lalu cetak lagi.
card-image-unusable = Gambar { $path } tidak bisa dipakai ({ $message }). Periksa logo atau gambar latar di pengaturan dan templat kartu (JPEG atau PNG).
card-no-such-start-slot = Tempat awal { $start } tidak ada: satu lembar A4 punya { $slots } tempat kartu. Masukkan tempat kosong pertama, 1 sampai { $slots } (dihitung dari kiri ke kanan, atas ke bawah).
card-pdf-failed = Berkas PDF kartu gagal dibuat ({ $message }). Coba lagi; bila tetap gagal, laporkan ke administrator.

## card/template.rs

card-template-unreadable = Templat kartu { $path } tidak bisa dibaca ({ $error }). Periksa jalurnya di pengaturan [card] template, atau kosongkan untuk memakai templat bawaan.
card-template-mistake = Templat kartu { $path } salah tulis: { $message }. Perbaiki berkas itu (bandingkan dengan templat bawaan).

## card/print.rs

card-print-no-printer = Belum ada printer kartu di pengaturan. Isi [card] printer dengan nama antrean CUPS (lihat `lpstat -p`), lalu cetak lagi.
card-print-lp-missing = Perintah cetak `{ $program }` tidak bisa dijalankan ({ $error }). Pasang CUPS (paket cups-client) atau hubungi administrator; kartu belum dicetak.
card-print-cannot-keep-pdf = PDF kartu tidak bisa disimpan di { $path } ({ $error }). Periksa ruang disk dan hak akses folder itu; kartu belum dicetak.
card-print-rejected = Printer { $printer } menolak pekerjaan cetak: { $message }. Periksa nama printer dengan `lpstat -p` dan pengaturan [card] printer, pastikan printer menyala, lalu cetak lagi. Status permintaan tidak berubah.
