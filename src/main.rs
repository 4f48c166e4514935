// mimalloc rather than glibc's malloc: an import of 100,000 members makes millions of small
// allocations, and glibc spent a sixth of its time in malloc and in consolidating free
// chunks (docs/decisions.md, with the figures).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// mimalloc's `mi_option_purge_delay` (include/mimalloc.h): memory freed is given back to the
/// system at once rather than 10 ms later, so a long import's peak stays what it holds.
const PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> std::process::ExitCode {
    // SAFETY: sets one of mimalloc's options, a plain integer it reads at each purge.
    unsafe { libmimalloc_sys::mi_option_set(PURGE_DELAY, 0) };
    loket::cli::main()
}
