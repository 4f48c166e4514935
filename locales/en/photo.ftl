
## photo/mod.rs

photo-the-photo-file-is-empty-0 = The photo file is empty (0 bytes). Take the photo again or choose another file.
photo-this-image-needs-too-much-memory = This image needs too much memory to open. Use the counter camera or choose another file.
photo-the-photo-file-is-cut-short = The photo file is cut short (incomplete), perhaps still being copied. Wait a moment and try again, or take the photo again.
photo-the-photo-file-is-damaged-and = The photo file is damaged and cannot be opened. Take the photo again or choose another file.
photo-this-file-is-not-an-image = This file is not an image. Choose a photo file (JPEG, PNG or WebP).
photo-the-photo-could-not-be-saved = The photo could not be saved as JPEG. Try again; if it happens again, tell the administrator.
photo-the-camera-program-finished-but-produced = The camera program finished but produced no photo. Check the camera and try again; if it happens again, tell the administrator.
photo-file-too-large = The photo file is too large ({ $mb } MB, the limit is { $max_mb } MB). Use a smaller size on the camera/phone or choose another file.
photo-too-many-pixels = The image claims { $width }×{ $height } pixels, too many to open (a damaged or deliberately crafted file). Use the counter camera or choose another file.
photo-format-unsupported = { $format } photos are not supported; use JPEG, PNG or WebP. On a phone, set the camera to "Most compatible"/JPEG or send it again as JPEG.
photo-cannot-fit = The photo is still { $kb } KB, over the { $max_kb } KB limit. Lower the photo size in the config or ask the administrator to raise the limit.
photo-not-a-file = { $path } is not an ordinary file (a device or a pipe). Save the photo as a file first, then choose that file.
photo-file-not-found = File { $path } not found. Check the name and the folder.
photo-file-unreadable = File { $path } cannot be read ({ $detail }). Check its permissions or choose another file.
photo-bad-capture-command = The camera command in the config (capture_command) cannot be used: { $detail }. Ask the administrator to fix it; meanwhile use the inbox folder or a file.
photo-capture-cannot-start = The camera program "{ $program }" could not be started (not installed?). Ask the administrator to check it; meanwhile use the inbox folder or a file.
photo-capture-failed = The camera failed to take the photo ({ $program }: { $detail }). Check the camera's USB cable and try again.
photo-capture-timeout = The camera did not answer within { $secs } seconds and was stopped. Check the camera's USB cable and try again.

## photo/source.rs

photo-source-command-no-out = {"{"}out{"}"} is missing
photo-source-command-out-not-utf8 = the output path is not valid UTF-8
photo-source-command-open-quote = a quote is not closed
photo-source-command-empty = it is empty
