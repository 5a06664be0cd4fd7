/*
 * record: input records over file operands (DESIGN.md, "Input records").
 *
 * The reader walks the operands in order (none means stdin; "-" means stdin,
 * even twice) and hands out records in one of three modes:
 *
 *   REC_TEXT   each operand is one document, handed out in pieces
 *   REC_NUL    documents separated by NUL bytes (-z), in pieces
 *   REC_JSON   JSON Lines; a whole line at a time, with the document taken
 *              from a string member (--json, --field)
 *
 * Whatever the mode, the text handed out is valid UTF-8: each maximal
 * ill-formed subsequence becomes U+FFFD and one warning per operand names the
 * byte offset of the first and the count; with `strict` the first one is an
 * error and the rest of that operand is skipped.  Pieces never split a
 * UTF-8 sequence, so streaming engines can take them as they come.
 *
 * The reader is filter-side: it prints diagnostics (an operand that cannot be
 * read, a malformed JSON line) itself, remembers status 1, and goes on with
 * the next operand or line.
 */
#ifndef QUIRE_RECORD_H
#define QUIRE_RECORD_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "json.h"
#include "utf8.h"

enum rec_mode {
	REC_TEXT = 1,
	REC_NUL,
	REC_JSON
};

struct rec_config {
	enum rec_mode	 mode;
	int		 mode_set;	/* for option parsing: mode seen */
	const char	*field;		/* JSON member with the text */
	int		 strict;	/* invalid UTF-8 is an error */
	size_t		 chunk_size;	/* bytes per read */
};

/* A piece of a text or NUL-mode record. */
struct rec_piece {
	const unsigned char *p;		/* valid UTF-8, owned by the reader */
	size_t		 len;
	int		 end;		/* this piece ends the record */
};

/* A JSON Lines record. */
struct rec_json {
	const unsigned char *line;	/* the line, repaired, without '\n' */
	size_t		 len;
	struct json_object *obj;	/* its members */
	const unsigned char *text;	/* the decoded field */
	size_t		 text_len;
	long		 field_index;	/* member index of the field */
	const char	*name;		/* operand name, for messages */
	uint64_t	 lineno;
};

struct rec_reader {
	struct rec_config cfg;
	char		**files;
	int		 nfiles;
	int		 next_file;	/* index of the next operand */
	FILE		*fp;		/* current operand, or NULL */
	const char	*name;		/* its name for messages */
	unsigned char	*raw;		/* read buffer of chunk_size */
	size_t		 rpos, rlen;
	int		 in_record;	/* NUL mode: bytes since last NUL */
	int		 skip_rest;	/* strict mode hit bad input */
	struct utf8_fixer fix;
	struct buf	 piece;
	struct buf	 text;		/* JSON: decoded field */
	char		*lbuf;		/* JSON: getdelim buffer */
	size_t		 lcap;
	struct json_object obj;
	uint64_t	 lineno;
	int		 status;	/* 1 once any error was reported */
	int		 invalid_cp1252; /* see rec_reader_invalid_cp1252 */
};

/*
 * Prepares to read the operands files[0..nfiles) (copied by pointer; they
 * must outlive the reader).  Dies on out of memory.
 */
void	rec_reader_init(struct rec_reader *, const struct rec_config *,
	    char **files, int nfiles);

/*
 * Text and NUL modes: stores the next piece and returns 1, or returns 0 at
 * the end of all operands.  In text mode every operand yields a record, an
 * empty one included; in NUL mode a final record without its NUL still
 * counts, and an empty operand yields none.
 */
int	rec_next_piece(struct rec_reader *, struct rec_piece *);

/*
 * JSON mode: stores the next line that holds a valid object whose field is a
 * string, and returns 1; returns 0 at the end.  Blank lines are skipped;
 * other lines that fail are reported ("PROG: FILE:LINE: message") and
 * skipped.  The record's memory is valid until the next call.
 */
int	rec_next_json(struct rec_reader *, struct rec_json *);

/*
 * Makes the reader take invalid UTF-8 bytes as Windows-1252 characters
 * instead of U+FFFD (normalize --invalid=cp1252), so that a Latin-1 or
 * Windows-1252 file comes out right; the warning still counts them.  Call
 * after rec_reader_init, before reading.
 */
void	rec_reader_invalid_cp1252(struct rec_reader *);

/* The name of the operand being read ("<stdin>" for stdin). */
const char *rec_name(const struct rec_reader *);

/* Frees the reader; returns its status (0, or 1 after any error). */
int	rec_reader_free(struct rec_reader *);

#endif /* QUIRE_RECORD_H */
