# The language as its speakers name it, for the language chooser.
language-name = English
# Its short name on the key that switches to it (F2 in the counter program).
language-short = English
