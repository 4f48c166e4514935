# The language as its speakers name it, for the language chooser.
language-name = English
