
## scanner/frame.rs

scanner-frame-no-scanner-port-is-set = no scanner port is set
scanner-frame-baud-must-be-above-0 = baud must be above 0
scanner-frame-strip-prefix-may-hold-only-plain = strip_prefix may hold only plain letters, digits and punctuation
scanner-frame-data-bits-out-of-range = data_bits must be 5, 6, 7 or 8 (it is { $n })
scanner-frame-stop-bits-out-of-range = stop_bits must be 1 or 2 (it is { $n })
scanner-frame-idle-ms-out-of-range = idle_ms must be between 5 and 2000 (it is { $n })
scanner-frame-max-len-out-of-range = max_len must be between 1 and 4096 (it is { $n })
scanner-frame-settings-wrong = The [scanner] settings in loket.toml are wrong: { $what }. Fix them and restart loket (see docs/scanner.md).

## scanner/serial.rs

scanner-serial-scanner-connected-ready-to-scan-cards = Scanner connected — ready to scan cards.
scanner-serial-scanner-not-found-plug-it-in = Scanner not found — plug it in; loket will reconnect by itself. If this stays, check 'port' under [scanner] in loket.toml.
scanner-serial-this-user-may-not-open-the = This user may not open the scanner — ask the administrator to add it to the dialout group (docs/scanner.md), then log in again.
scanner-serial-the-scanner-is-in-use-by = The scanner is in use by another program — close the other loket or program using it; loket will reconnect by itself.
scanner-serial-scanner-disconnected-plug-it-back-in = Scanner disconnected — plug it back in; loket will reconnect by itself.
scanner-serial-scanned = Scanned: { $code }
scanner-serial-cannot-open = The scanner cannot be opened ({ $detail }) — unplug it and plug it in again; if it still fails, check [scanner] in loket.toml. loket keeps trying.
