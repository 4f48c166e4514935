# The config file and the files loket reads and writes (src/config.rs, src/fsutil.rs).

## config.rs

config-read = The config file { $path } cannot be read ({ $reason }). Check its permissions.
config-parse = The config file { $path } has an error: { $reason }. Fix that line and try again.
config-time-zone = Time zone '{ $zone }' is unknown. Use a name such as Asia/Jakarta.

## fsutil.rs

config-files-unknown-group = The group '{ $group }' in [files] group does not exist on this computer. Create it (groupadd { $group }) or leave the setting empty.
config-files-not-found = The file { $file } was not found. Check its name.
config-files-not-a-file = { $file } is not an ordinary file (a device or a pipe). Save it as a file first and use that file.
config-files-too-large = The file { $file } is larger than { $kb } KB, the limit for this kind of file. Nothing was read; use a smaller file.
config-files-io = The file { $file } cannot be read ({ $reason }). Check its permissions.
