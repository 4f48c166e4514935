
## card/barcode.rs

card-barcode-the-member-number-is-empty-there = The member number is empty: there is nothing to put in the barcode. Check the member's record.
card-barcode-cannot-encode = Member number { $data } contains { $ch }, which { $symbology } cannot encode. Choose another symbology (code128 or qr) in the card settings.
card-barcode-box-too-small = The { $symbology } barcode for { $data } needs { $needed_mm } mm but its box in the card template is { $box_mm } mm, so its bars would be too thin to scan. Widen the barcode box in the template or choose Code 128/QR.

## card/mod.rs

card-there-are-no-cards-to-print = There are no cards to print. Pick verified card requests first.
card-not-activated = Card { $member_no } cannot be printed yet: its validity is not set. Finish the member's verification first.
card-photo-unusable = The photo of member { $member_no } cannot be used ({ $message }). Take the photo again, then print.
card-image-unusable = The image { $path } cannot be used ({ $message }). Check the logo or background image in the config and card template (JPEG or PNG).
card-no-such-start-slot = There is no start slot { $start }: an A4 sheet has { $slots } card slots. Give the first free slot, 1 to { $slots } (counted left to right, top to bottom).
card-pdf-failed = The card PDF could not be made ({ $message }). Try again; if it keeps failing, tell the administrator.

## card/template.rs

card-template-unreadable = Cannot read the card template { $path } ({ $error }). Check the path in the [card] template setting, or leave it empty to use the built-in template.
card-template-mistake = The card template { $path } has a mistake: { $message }. Fix the file (compare it with the built-in template).

## card/print.rs

card-print-no-printer = No card printer is set. Put the CUPS queue name in [card] printer (see `lpstat -p`), then print again.
card-print-lp-missing = The print command `{ $program }` cannot be run ({ $error }). Install CUPS (the cups-client package) or call the administrator; the card was not printed.
card-print-cannot-keep-pdf = The card PDF cannot be saved at { $path } ({ $error }). Check the disk space and the folder's permissions; the card was not printed.
card-print-rejected = Printer { $printer } refused the job: { $message }. Check the printer's name with `lpstat -p` and the [card] printer setting, make sure the printer is on, then print again. The request was left as it was.
