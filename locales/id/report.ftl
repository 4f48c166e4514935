
## report/labels.rs

report-labels-counter = Loket
report-labels-online = Daring
report-labels-import = Impor
report-labels-to = s.d.
report-labels-daily-report-membership-cards = Laporan Harian Layanan KTA
report-labels-monthly-report-membership-cards = Laporan Bulanan Layanan KTA
report-labels-report-membership-cards = Laporan Layanan KTA
report-labels-membership-card-receipt-register = Buku Tanda Terima Kartu Anggota
report-labels-step-register = Isi formulir pendaftaran
report-labels-step-report = Lapor nomor ke petugas
report-labels-step-photo = Foto
report-labels-step-verify = Periksa data
report-labels-step-print = Cetak kartu
report-labels-step-laminate = Potong & pres
report-labels-step-handover = Serah & tanda terima
report-labels-step-receipt = Tanda terima
report-labels-step-first-scan = Pindai pertama
report-labels-january = Januari
report-labels-february = Februari
report-labels-march = Maret
report-labels-april = April
report-labels-may = Mei
report-labels-june = Juni
report-labels-july = Juli
report-labels-august = Agustus
report-labels-september = September
report-labels-october = Oktober
report-labels-november = November
report-labels-december = Desember

## report/pdf.rs

report-pdf-continued = lanjutan
report-pdf-acknowledged-by = Mengetahui,
report-pdf-name = (nama jelas)
report-pdf-signature = Tanda tangan
report-pdf-failed = PDF laporan tidak bisa dibuat ({ $detail }). Coba --format csv, dan laporkan ke admin.
report-pdf-page-of = Halaman { $page } dari { $pages }

## report/tables.rs

report-tables-count = jumlah
report-tables-representative = wakil
report-tables-registrations-total = Jumlah pendaftaran baru
report-tables-renewals = Perpanjangan
report-tables-replacements = Penggantian (hilang/rusak)
report-tables-cards-issued = Kartu diserahkan
report-tables-cards-issued-new = {"  "}kartu baru
report-tables-cards-issued-renewal = {"  "}perpanjangan
report-tables-cards-replaced = {"  "}pengganti (hilang/rusak)
report-tables-cards-printed = Kartu dicetak
report-tables-cards-reprinted = Kartu dicetak ulang
report-tables-steps-title = Waktu per langkah SOP (menit:detik; median dan p90 peringkat terdekat)
report-tables-step = Langkah
report-tables-standard = baku
report-tables-within-standard = ≤ baku
report-tables-clerks-title = Langkah per petugas
report-tables-clerk = Petugas
report-tables-steps = langkah
report-tables-handed-over = diserahkan
report-tables-no-steps = Tidak ada langkah yang dikerjakan.
report-tables-visits-by-day-title = Kunjungan per hari (orang)
report-tables-date = Tanggal
report-tables-people = orang
report-tables-members = anggota
report-tables-guests = tamu
report-tables-visits-by-hour-title = Kunjungan per jam datang (orang)
report-tables-hour = Jam
report-tables-no-visits = Tidak ada kunjungan.
report-tables-visits-by-type-title = Kunjungan anggota per jenis anggota
report-tables-member-type = Jenis anggota
report-tables-visits = kunjungan
report-tables-unknown-type = (tidak diketahui)
report-tables-no-member-visits = Tidak ada kunjungan anggota.
report-tables-guests-title = Tamu (tanpa kartu)
report-tables-guests-label = Tamu
report-tables-guest-entries = Entri di buku tamu
report-tables-guest-people = Orang (rombongan dihitung per orang)
report-tables-registrations-title = Pendaftaran menurut sumber
report-tables-source = Sumber
report-tables-cards = Kartu
report-tables-date-time = Tanggal & jam
report-tables-time = Jam
report-tables-member-no = No. anggota
report-tables-name = Nama
report-tables-card-serial = Seri kartu
report-tables-received-by = Diterima oleh

## report/text.rs

report-text-generated = Dibuat
report-text-received-by-a-representative-not-the =
    {""}
    {"*"} diterima oleh wakil, bukan anggota sendiri
    {""}
report-text-cards-handed-over = Jumlah kartu diserahkan
report-text-nothing-in = Tidak ada pendaftaran, langkah kartu, maupun kunjungan pada { $period }. Periksa tanggalnya (--date).
report-text-no-handovers = Tidak ada kartu yang diserahkan pada { $period }. Pilih tanggal lain dengan --date atau --from/--to.

## report/period.rs

report-period-bad-date = Tanggal '{ $input }' tidak dikenali. Tulis seperti 2026-11-28 (tahun-bulan-hari).
report-period-bad-month = Bulan '{ $input }' tidak dikenali. Tulis seperti 2026-11, atau tanggal mana pun di bulan itu.
report-period-reversed = Tanggal akhir { $last } lebih awal dari tanggal awal { $first }. Tukar --from dan --to.
