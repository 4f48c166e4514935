
## store/error.rs

store-error-this-store-was-made-by-a = Basis data ini dibuat oleh loket versi yang lebih baru. Perbarui loket di komputer ini.
