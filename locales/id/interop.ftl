
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
