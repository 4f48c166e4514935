//! Sending a card PDF to the printer through CUPS (`lp`). Nothing here changes a card
//! request: the caller marks it printed only after `submit` returns a job.
