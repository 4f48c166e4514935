
## photo/mod.rs

photo-the-photo-file-is-empty-0 = The photo file is empty (0 bytes). Take the photo again or choose another file.
photo-this-image-needs-too-much-memory = This image needs too much memory to open. Use the counter camera or choose another file.
photo-the-photo-file-is-cut-short = The photo file is cut short (incomplete), perhaps still being copied. Wait a moment and try again, or take the photo again.
photo-the-photo-file-is-damaged-and = The photo file is damaged and cannot be opened. Take the photo again or choose another file.
photo-this-file-is-not-an-image = This file is not an image. Choose a photo file (JPEG, PNG or WebP).
photo-the-photo-could-not-be-saved = The photo could not be saved as JPEG. Try again; if it happens again, tell the administrator.
photo-the-camera-program-finished-but-produced = The camera program finished but produced no photo. Check the camera and try again; if it happens again, tell the administrator.
