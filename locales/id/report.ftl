
## report/labels.rs

report-labels-counter = Loket
report-labels-online = Daring
report-labels-import = Impor
report-labels-to = s.d.
report-labels-daily-report-membership-cards = Laporan Harian Layanan KTA
report-labels-monthly-report-membership-cards = Laporan Bulanan Layanan KTA
report-labels-report-membership-cards = Laporan Layanan KTA
report-labels-membership-card-receipt-register = Buku Tanda Terima Kartu Anggota

## report/pdf.rs

report-pdf-continued = lanjutan
report-pdf-acknowledged-by = Mengetahui,
report-pdf-name = (nama jelas)
report-pdf-signature = Tanda tangan

## report/tables.rs

report-tables-count = jumlah
report-tables-representative = wakil

## report/text.rs

report-text-generated = Dibuat
report-text-received-by-a-representative-not-the =
    {""}
    {"*"} diterima oleh wakil, bukan anggota sendiri
    {""}
report-text-cards-handed-over = Jumlah kartu diserahkan
