
## scanner/frame.rs

scanner-frame-no-scanner-port-is-set = port pemindai belum diisi
scanner-frame-baud-must-be-above-0 = baud harus lebih dari 0
scanner-frame-strip-prefix-may-hold-only-plain = strip_prefix hanya boleh huruf, angka dan tanda baca biasa

## scanner/serial.rs

scanner-serial-scanner-connected-ready-to-scan-cards = Pemindai tersambung — siap memindai kartu.
scanner-serial-scanner-not-found-plug-it-in = Pemindai tidak ditemukan — colokkan kabelnya; loket akan menyambung sendiri. Bila tetap begini, periksa 'port' di [scanner] loket.toml.
scanner-serial-this-user-may-not-open-the = Pemindai tidak boleh dibuka oleh pengguna ini — minta admin memasukkannya ke grup dialout (docs/scanner.md), lalu login ulang.
scanner-serial-the-scanner-is-in-use-by = Pemindai sedang dipakai program lain — tutup loket atau program lain yang memakainya; loket akan menyambung sendiri.
scanner-serial-scanner-disconnected-plug-it-back-in = Pemindai terputus — colokkan kembali; loket akan menyambung sendiri.
