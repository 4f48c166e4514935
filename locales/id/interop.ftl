
## interop/inlislite_write.rs

interop-inlislite-write-must-exist-in-inlislite-under-this = harus ada di INLISLite dengan nama ini
interop-inlislite-write-left-blank-loket-does-not-keep = dibiarkan kosong, loket tidak menyimpannya
interop-inlislite-write-columns = Kolom

## interop/photos.rs

interop-photos-member-number-not-in-the-import = nomor anggota tidak ada di berkas impor
interop-photos-file-outside-the-photo-folder = berkas di luar folder foto
interop-photos-photo-file-not-found = berkas foto tidak ada

## interop/plan.rs

interop-plan-is-required = wajib diisi

## interop/report.rs

interop-report-to-be-checked-at-verification = (diperiksa saat verifikasi)
interop-report-empty-ask-for-it-at-verification = kosong; tanyakan saat verifikasi (SLiMS tidak menyimpannya)
interop-report-empty-complete-it-at-verification = kosong; lengkapi saat verifikasi
interop-report-imported = diimpor
interop-report-imported-card-request-opened = diimpor, permohonan kartu dibuat
interop-report-updated = diperbarui
interop-report-updated-matched-by-nik = diperbarui (cocok lewat NIK)
interop-report-skipped-already-there-same-data = dilewati: sudah ada, data sama
interop-report-skipped-already-there-matched-by-nik = dilewati: sudah ada (cocok lewat NIK), data sama
interop-report-rejected = DITOLAK
interop-report-line = baris

## interop/slims.rs

interop-slims-slims-s-stock-type = jenis bawaan SLiMS
interop-slims-slims-has-no-field-for-it = SLiMS tidak punya kolomnya
interop-slims-mother-s-name = (ibu kandung)
interop-slims-birth-place = (tempat lahir)
interop-slims-identity-document = (jenis identitas)
interop-slims-occupation = (pekerjaan)
interop-slims-education = (pendidikan)

## interop/summary.rs

interop-summary-mapped =
    Dipetakan:
    {""}
interop-summary-left-out =
    Tidak dibawa:
    {""}

## interop/types.rs

interop-types-blank-loket-s-default-type = kosong: jenis bawaan loket
interop-types-same-name = nama sama
interop-types-slims-s-stock-type-loket-s = jenis bawaan SLiMS → jenis bawaan loket; petakan lain dengan --type-map "Standard=kode"

## interop/mod.rs: yang menghentikan seluruh impor atau ekspor.

interop-error-io = Berkas { $path } tidak bisa dibaca/ditulis: { $source }. Periksa nama dan izinnya.
interop-error-csv = { $path } baris { $line } bukan CSV yang benar ({ $reason }). Periksa pemisah (--separator) dan tanda kutip (--quote).
interop-error-spreadsheet = { $path } tidak bisa dibaca sebagai spreadsheet ({ $reason }). Simpan ulang sebagai .xlsx dengan sheet "Sheet1", atau sebagai CSV.
# Alasan dalam interop-error-spreadsheet untuk workbook tanpa sheet.
interop-error-no-sheet = tidak ada sheet
# $columns: kolom yang tidak ada, digabung dengan ", ".
interop-error-missing-columns = Kolom wajib tidak ada: { $columns }. Tambahkan kolom itu (nama di baris judul) lalu impor lagi.
interop-error-type-map = --type-map '{ $entry }' tidak dimengerti. Tulis NAMA=kode, misalnya --type-map "Mahasiswa=pelajar"; kode harus ada di konfigurasi.
interop-error-photo-links = Berkas tautan foto (photos.csv: nomor,berkas) bermasalah: { $problem }. Perbaiki lalu coba lagi.
interop-error-photo-zip = Arsip foto (ZIP) tidak bisa dibaca: { $problem }. Periksa berkasnya, atau ekstrak ke folder lalu pakai --photos FOLDER.
# Masalah dalam interop-error-photo-zip.
interop-error-zip-entry-too-large = { $name } lebih besar dari { $mb } MB
interop-error-zip-too-large = isinya lebih dari { $gb } GB

## interop/mod.rs: masalah di satu baris, ditemukan saat membaca berkas. Pesan `-column` mewakili
## kolom untuk masalah seluruh baris.

interop-read-not-a-date = '{ $value }' bukan tanggal
interop-read-quote-column = (tanda kutip)
interop-read-quote-never-closed = tanda kutip dibuka di baris { $line } dan tidak pernah ditutup; periksa --quote
interop-read-columns-column = (kolom)
interop-read-wrong-width = { $width } kolom, SLiMS menulis 18 atau 19; periksa --separator
interop-read-text-column = (teks)
interop-read-not-utf8 = bukan UTF-8; simpan ulang berkas sebagai UTF-8

## interop/inlislite_write.rs (lanjutan)

# $status: nilai STATUS ANGGOTA INLISLite untuk anggota yang belum punya kartu.
interop-inlislite-write-expiry-computed = Anggota tanpa tanggal akhir berlaku (belum punya kartu): { $n }; mereka diberi tanggal yang akan didapat kartunya, dan STATUS ANGGOTA { $status }.

## interop/photos.rs (lanjutan)

interop-photos-photo-too-large = foto { $kb } KB, paling besar { $max_kb } KB

## interop/report.rs (lanjutan)

interop-report-same-number-as-line = nomor anggota sama dengan baris { $line } di berkas ini
interop-report-same-nik-as-line = NIK sama dengan baris { $line } di berkas ini
interop-report-unknown-type = jenis anggota '{ $name }' tidak dikenal; tambahkan ke konfigurasi atau petakan dengan --type-map "{ $name }=kode"
# Baris terakhir laporan impor.
interop-report-totals = { $system }: { $imported } diimpor, { $updated } diperbarui, { $skipped } dilewati, { $rejected } ditolak; { $requests } permohonan kartu; { $flagged } perlu dilengkapi.

## interop/slims.rs (lanjutan): kolom SLiMS yang tidak dibaca loket, dan alasannya.

interop-slims-no-postal-code = loket tidak menyimpan kode pos
interop-slims-photo-file-name = nama berkas foto; impor fotonya dengan --photos FOLDER (folder images/persons SLiMS)
interop-slims-no-fax = loket tidak menyimpan faks
interop-slims-notes-not-read = catatan bebas staf tidak dibaca (bisa berisi apa saja)
interop-slims-password-never-carried = kata sandi tidak pernah dibawa

## interop/slims.rs (lanjutan): catatan di bawah jumlah ekspor.

interop-slims-pending-not-exported = Tidak diekspor, belum punya kartu (pending): { $n }. Impor SLiMS tidak pernah mengubah anggota yang sudah ada, jadi ekspor mereka setelah kartunya jadi (atau sekarang dengan --pending).
interop-slims-expiry-computed = Anggota tanpa tanggal akhir berlaku: { $n }; mereka diberi tanggal yang akan didapat kartunya (masa berlaku jenis anggotanya sejak hari ini), bukan kosong (SLiMS menyimpan kosong sebagai 0000-00-00: kedaluwarsa).
# $members: nomor anggota, digabung dengan ", ".
interop-slims-unwritable = Tidak diekspor (garis miring terbalik \ tepat sebelum tanda kutip, yang tidak bisa dibaca SLiMS; perbaiki datanya): { $members }

## interop/summary.rs (lanjutan): satu baris di bawah "Dipetakan:" dan di bawah "Tidak dibawa:".
## $how kosong atau " (alasan)", dengan spasi di depannya.

interop-summary-mapped-line = { $field } '{ $from }' → '{ $to }': { $n } anggota{ $how }
interop-summary-left-out-line = { $field }: { $n } anggota berisi; { $why }
