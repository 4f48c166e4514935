
## card/barcode.rs

card-barcode-the-member-number-is-empty-there = Nomor anggota kosong, tidak ada yang bisa dibuat barcode. Periksa data anggota.

## card/mod.rs

card-there-are-no-cards-to-print = Tidak ada kartu untuk dicetak. Pilih dulu permintaan kartu yang sudah diverifikasi.
