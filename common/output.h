/*
 * output: the one path to stdout for every filter.
 *
 * Every write is checked where it happens, not only at exit, so a filter
 * writing to a full disk stops at once (coreutils tests/misc/write-errors.sh
 * expects that).  A failed write prints "PROG: write error: REASON" and exits
 * 1, except EPIPE: a closed pipe ends the filter quietly with status 1 (only
 * seen when the parent ignored SIGPIPE; otherwise SIGPIPE, left at its
 * default, has already ended the process).  Filter-side only: it exits.
 */
#ifndef QUIRE_OUTPUT_H
#define QUIRE_OUTPUT_H

#include <stddef.h>

/* With line_buffered set, out_end_record flushes (--line-buffered). */
void	out_set_line_buffered(int line_buffered);

/* Writes n bytes of s to stdout or dies as described above. */
void	out_write(const void *s, size_t n);

/* Writes one byte. */
void	out_putc(int c);

/* Writes a NUL-terminated string. */
void	out_puts(const char *s);

/* Writes s[0..n) on one line: each line break (LF, CR, CR LF, VT, FF,
 * NEL, U+2028, U+2029) becomes one space. */
void	out_write_flat(const unsigned char *s, size_t n);

/* Marks the end of an output record: flushes under --line-buffered. */
void	out_end_record(void);

/*
 * Flushes and closes stdout, as sbase's fshut() does; returns the exit
 * status to use: status unchanged if all went well, otherwise it dies.
 * Nothing may print after it (diag flushes stdout).
 */
int	out_close(int status);

#endif /* QUIRE_OUTPUT_H */
