
## scanner/frame.rs

scanner-frame-no-scanner-port-is-set = port pemindai belum diisi
scanner-frame-baud-must-be-above-0 = baud harus lebih dari 0
scanner-frame-strip-prefix-may-hold-only-plain = strip_prefix hanya boleh huruf, angka dan tanda baca biasa
scanner-frame-data-bits-out-of-range = data_bits harus 5, 6, 7 atau 8 (tertulis { $n })
scanner-frame-stop-bits-out-of-range = stop_bits harus 1 atau 2 (tertulis { $n })
scanner-frame-idle-ms-out-of-range = idle_ms harus antara 5 dan 2000 (tertulis { $n })
scanner-frame-max-len-out-of-range = max_len harus antara 1 dan 4096 (tertulis { $n })
scanner-frame-settings-wrong = Pengaturan [scanner] di loket.toml salah: { $what }. Perbaiki lalu jalankan ulang loket (lihat docs/scanner.md).

## scanner/serial.rs

scanner-serial-scanner-connected-ready-to-scan-cards = Pemindai tersambung — siap memindai kartu.
scanner-serial-scanner-not-found-plug-it-in = Pemindai tidak ditemukan — colokkan kabelnya; loket akan menyambung sendiri. Bila tetap begini, periksa 'port' di [scanner] loket.toml.
scanner-serial-this-user-may-not-open-the = Pemindai tidak boleh dibuka oleh pengguna ini — minta admin memasukkannya ke grup dialout (docs/scanner.md), lalu login ulang.
scanner-serial-the-scanner-is-in-use-by = Pemindai sedang dipakai program lain — tutup loket atau program lain yang memakainya; loket akan menyambung sendiri.
scanner-serial-scanner-disconnected-plug-it-back-in = Pemindai terputus — colokkan kembali; loket akan menyambung sendiri.
scanner-serial-scanned = Terpindai: { $code }
scanner-serial-cannot-open = Pemindai tidak bisa dibuka ({ $detail }) — cabut dan colokkan lagi; bila tetap gagal, periksa [scanner] di loket.toml. loket terus mencoba.
