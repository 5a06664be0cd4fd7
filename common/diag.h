/*
 * diag: diagnostics for filters, in the GNU Coding Standards' format
 * ("Formatting Error Messages") that DESIGN.md asks for:
 *
 *   PROG: FILE:LINE: message        an error about input
 *   PROG: message                   an error about nothing in particular
 *   PROG: warning: message          a warning (silenced by -q)
 *
 * Only filters call these: engines return error codes instead.
 */
#ifndef QUIRE_DIAG_H
#define QUIRE_DIAG_H

#include <stddef.h>

/* Exit statuses shared by every filter (DESIGN.md, "Conventions"). */
#define DIAG_EXIT_OK	0
#define DIAG_EXIT_DATA	1	/* a data or I/O error */
#define DIAG_EXIT_USAGE	2	/* called wrong */

/* Names the program in every message; prog must outlive all calls. */
void	diag_init(const char *prog);

/* The name given to diag_init. */
const char *diag_prog(void);

/* When quiet is set, diag_warn prints nothing (-q). */
void	diag_set_quiet(int quiet);

/* Prints "PROG: warning: ..." unless quiet.  A trailing ':' in fmt appends
 * strerror(errno), as sbase's eprintf does. */
void	diag_warn(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* Prints "PROG: ...", with the same ':' rule. */
void	diag_error(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2)));

/* diag_error, then exit(status). */
void	diag_fatal(int status, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3), noreturn));

/* Prints a usage error and "Try 'PROG --help'." and exits 2. */
void	diag_usage(const char *fmt, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

/* Allocators that die with "out of memory" (exit 1); for filters only. */
void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);

#endif /* QUIRE_DIAG_H */
