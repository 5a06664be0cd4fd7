/*
 * record: input records over file operands (see record.h).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "json.h"
#include "record.h"
#include "utf8.h"

static void
oom(void)
{
	diag_fatal(DIAG_EXIT_DATA, "out of memory");
}

void
rec_reader_init(struct rec_reader *r, const struct rec_config *cfg,
    char **files, int nfiles)
{
	static char	*stdin_only[] = { (char *)"-" };

	memset(r, 0, sizeof(*r));
	r->cfg = *cfg;
	if (r->cfg.chunk_size == 0)
		r->cfg.chunk_size = 65536;
	if (nfiles == 0) {
		files = stdin_only;
		nfiles = 1;
	}
	r->files = files;
	r->nfiles = nfiles;
	r->raw = xmalloc(r->cfg.chunk_size);
}

const char *
rec_name(const struct rec_reader *r)
{
	return r->name != NULL ? r->name : "<stdin>";
}

/* Opens the next operand that can be opened; returns 0 when none is left. */
static int
open_next(struct rec_reader *r)
{
	const char	*path;

	while (r->next_file < r->nfiles) {
		path = r->files[r->next_file++];
		if (strcmp(path, "-") == 0) {
			/* stdin may be named twice: read it again from
			 * where it is, as cat does. */
			clearerr(stdin);
			r->fp = stdin;
			r->name = "<stdin>";
		} else if ((r->fp = fopen(path, "rb")) == NULL) {
			diag_error("%s:", path);
			r->status = 1;
			continue;
		} else
			r->name = path;
		utf8_fixer_init(&r->fix);
		r->fix.cp1252 = r->invalid_cp1252;
		r->rpos = r->rlen = 0;
		r->in_record = 0;
		r->skip_rest = 0;
		r->lineno = 0;
		return 1;
	}
	return 0;
}

void
rec_reader_invalid_cp1252(struct rec_reader *r)
{
	r->invalid_cp1252 = 1;
}

static void
close_current(struct rec_reader *r)
{
	if (r->fix.nbad > 0 && !r->cfg.strict)
		diag_warn("%s: %llu invalid UTF-8 sequence%s %s, "
		    "the first at byte %llu", rec_name(r),
		    (unsigned long long)r->fix.nbad,
		    r->fix.nbad == 1 ? "" : "s", r->fix.cp1252 ?
		    "read as Windows-1252" : "replaced",
		    (unsigned long long)r->fix.first_bad);
	if (r->fp != stdin)
		fclose(r->fp);
	r->fp = NULL;
}

/* Reports the first bad sequence under --strict. */
static void
strict_error(struct rec_reader *r)
{
	diag_error("%s: invalid UTF-8 at byte %llu", rec_name(r),
	    (unsigned long long)r->fix.first_bad);
	r->status = 1;
	r->skip_rest = 1;
}

/* Repairs s[0..n) into the piece buffer; 0, or 1 if strict input failed. */
static int
fix_into_piece(struct rec_reader *r, const unsigned char *s, size_t n,
    int finish)
{
	int	 rc;

	rc = utf8_fixer_feed(&r->fix, s, n, &r->piece, r->cfg.strict);
	if (rc == 0 && finish)
		rc = utf8_fixer_finish(&r->fix, &r->piece, r->cfg.strict);
	if (rc == -1)
		oom();
	if (rc == 1) {
		strict_error(r);
		return 1;
	}
	return 0;
}

int
rec_next_piece(struct rec_reader *r, struct rec_piece *pc)
{
	unsigned char	*nul;
	size_t		 n;

	buf_clear(&r->piece);
	for (;;) {
		if (r->fp == NULL && !open_next(r))
			return 0;
		if (r->rpos < r->rlen) {
			n = r->rlen - r->rpos;
			nul = r->cfg.mode == REC_NUL ?
			    memchr(r->raw + r->rpos, '\0', n) : NULL;
			if (nul != NULL) {
				n = (size_t)(nul - (r->raw + r->rpos));
				fix_into_piece(r, r->raw + r->rpos, n, 1);
				r->fix.offset++;	/* the NUL itself */
				r->rpos += n + 1;
				r->in_record = 0;
				pc->end = 1;
			} else {
				fix_into_piece(r, r->raw + r->rpos, n, 0);
				r->rpos = r->rlen;
				r->in_record = 1;
				pc->end = 0;
			}
			if (r->skip_rest) {
				/* --strict: what came before the bad byte
				 * ends the record, the rest is skipped. */
				pc->end = 1;
				r->in_record = 0;
				close_current(r);
			}
			if (r->piece.len == 0 && !pc->end)
				continue;
			pc->p = r->piece.p;
			pc->len = r->piece.len;
			return 1;
		}
		r->rlen = fread(r->raw, 1, r->cfg.chunk_size, r->fp);
		r->rpos = 0;
		if (r->rlen > 0)
			continue;
		if (ferror(r->fp)) {
			diag_error("%s:", rec_name(r));
			r->status = 1;
		} else
			fix_into_piece(r, NULL, 0, 1);
		/* End of this operand. */
		pc->end = r->cfg.mode == REC_TEXT || r->in_record;
		r->in_record = 0;
		close_current(r);
		if (!pc->end)
			continue;
		pc->p = r->piece.p;
		pc->len = r->piece.len;
		return 1;
	}
}

static int
blank_line(const unsigned char *s, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return 0;
	return 1;
}

int
rec_next_json(struct rec_reader *r, struct rec_json *rec)
{
	struct json_error err;
	ssize_t		 got;
	size_t		 n, nbad;
	long		 i;
	int		 rc;

	for (;;) {
		if (r->fp == NULL && !open_next(r))
			return 0;
		errno = 0;
		got = getdelim(&r->lbuf, &r->lcap, '\n', r->fp);
		if (got < 0) {
			if (ferror(r->fp)) {
				diag_error("%s:", rec_name(r));
				r->status = 1;
			}
			close_current(r);
			continue;
		}
		r->lineno++;
		n = (size_t)got;
		if (n > 0 && r->lbuf[n - 1] == '\n')
			n--;
		buf_clear(&r->piece);
		rc = utf8_fixer_feed(&r->fix, (unsigned char *)r->lbuf, n,
		    &r->piece, r->cfg.strict);
		if (rc == 0)
			rc = utf8_fixer_finish(&r->fix, &r->piece,
			    r->cfg.strict);
		if (rc == -1)
			oom();
		r->fix.offset += (size_t)got - n;
		if (rc == 1) {
			diag_error("%s:%llu: invalid UTF-8 at byte %llu",
			    rec_name(r), (unsigned long long)r->lineno,
			    (unsigned long long)r->fix.first_bad);
			r->status = 1;
			/* Go on from the next line, with a fresh count. */
			r->fix.offset += n;
			r->fix.nbad = 0;
			r->fix.ntail = 0;
			continue;
		}
		if (blank_line(r->piece.p, r->piece.len))
			continue;
		rc = json_parse_object(&r->obj, r->piece.p, r->piece.len, &err);
		if (rc == -2)
			oom();
		if (rc != 0) {
			diag_error("%s:%llu: %s at column %zu", rec_name(r),
			    (unsigned long long)r->lineno, err.msg,
			    err.offset + 1);
			r->status = 1;
			continue;
		}
		i = json_object_find(&r->obj, r->piece.p, r->cfg.field,
		    strlen(r->cfg.field));
		if (i < 0) {
			diag_error("%s:%llu: no member \"%s\"", rec_name(r),
			    (unsigned long long)r->lineno, r->cfg.field);
			r->status = 1;
			continue;
		}
		if (r->obj.m[i].val_type != JSON_STRING) {
			diag_error("%s:%llu: member \"%s\" is not a string",
			    rec_name(r), (unsigned long long)r->lineno,
			    r->cfg.field);
			r->status = 1;
			continue;
		}
		buf_clear(&r->text);
		nbad = 0;
		if (json_string_decode(r->piece.p + r->obj.m[i].val_start,
		    r->obj.m[i].val_end - r->obj.m[i].val_start, &r->text,
		    &nbad) == -1)
			oom();
		if (nbad > 0)
			diag_warn("%s:%llu: %zu lone surrogate escape%s "
			    "replaced by U+FFFD", rec_name(r),
			    (unsigned long long)r->lineno, nbad,
			    nbad == 1 ? "" : "s");
		rec->line = r->piece.p;
		rec->len = r->piece.len;
		rec->obj = &r->obj;
		rec->text = r->text.p != NULL ? r->text.p :
		    (const unsigned char *)"";
		rec->text_len = r->text.len;
		rec->field_index = i;
		rec->name = rec_name(r);
		rec->lineno = r->lineno;
		return 1;
	}
}

int
rec_reader_free(struct rec_reader *r)
{
	if (r->fp != NULL)
		close_current(r);
	free(r->raw);
	free(r->lbuf);
	buf_free(&r->piece);
	buf_free(&r->text);
	json_object_free(&r->obj);
	return r->status;
}
