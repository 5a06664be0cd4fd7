/*
 * diag: diagnostics and dying allocators for filters (see diag.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

static const char *diag_name = "quire";
static int diag_quiet;

void
diag_init(const char *prog)
{
	diag_name = prog;
}

const char *
diag_prog(void)
{
	return diag_name;
}

void
diag_set_quiet(int quiet)
{
	diag_quiet = quiet;
}

static void
vmessage(const char *prefix, const char *fmt, va_list ap)
{
	int	 saved = errno;
	size_t	 n = strlen(fmt);

	fflush(stdout);
	fprintf(stderr, "%s: %s", diag_name, prefix);
	vfprintf(stderr, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(stderr, " %s", strerror(saved));
	fputc('\n', stderr);
}

void
diag_warn(const char *fmt, ...)
{
	va_list	 ap;

	if (diag_quiet)
		return;
	va_start(ap, fmt);
	vmessage("warning: ", fmt, ap);
	va_end(ap);
}

void
diag_error(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
}

void
diag_fatal(int status, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
	exit(status);
}

void
diag_usage(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	vmessage("", fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help'.\n", diag_name);
	exit(DIAG_EXIT_USAGE);
}

static void
oom(void)
{
	diag_fatal(DIAG_EXIT_DATA, "out of memory");
}

void *
xmalloc(size_t n)
{
	void	*p;

	if ((p = malloc(n ? n : 1)) == NULL)
		oom();
	return p;
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void	*p;

	if ((p = calloc(nmemb ? nmemb : 1, size ? size : 1)) == NULL)
		oom();
	return p;
}

void *
xreallocarray(void *p, size_t nmemb, size_t size)
{
	if (size != 0 && nmemb > SIZE_MAX / size)
		oom();
	if (nmemb == 0 || size == 0)
		nmemb = size = 1;
	if ((p = realloc(p, nmemb * size)) == NULL)
		oom();
	return p;
}

char *
xstrdup(const char *s)
{
	size_t	 n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}
