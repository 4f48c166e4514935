
## store/error.rs

store-error-this-store-was-made-by-a = This store was made by a newer loket. Update loket on this computer.
