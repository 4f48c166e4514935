
## card/barcode.rs

card-barcode-the-member-number-is-empty-there = The member number is empty: there is nothing to put in the barcode. Check the member's record.

## card/mod.rs

card-there-are-no-cards-to-print = There are no cards to print. Pick verified card requests first.
