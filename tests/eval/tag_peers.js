#!/usr/bin/env node
// Node peers of quire tag: npm compromise, and wink-nlp with
// wink-eng-lite-web-model, installed by tests/eval/install-peers into
// tests/eval/out/node/ (or $PEERS_NODE_DIR), for tests/eval/tag_eval.py and
// bench/tag.sh.
//
// Usage:
//   node tag_peers.js ner LIB  < sents.jsonl > ents.jsonl
//     a line in: a JSON array of the tokens of one sentence; the peer reads
//     them joined by single spaces (the peers take raw text, not tokens).
//     A line out: a JSON array of [first, end, TYPE], the entities as token
//     indices [first, end), an entity covering every token its characters
//     overlap. TYPE is the peer's own: compromise PER, LOC, ORG (from
//     .people(), .places(), .organizations()); wink its entity types.
//   node tag_peers.js pos LIB  < sents.jsonl > tags.jsonl
//     a line out: a JSON array of one tag a token: wink's its.pos (UPOS) of
//     the first of its tokens that overlaps the token. Exit 4 for
//     compromise, whose tags are not UPOS.
//   node tag_peers.js bench LIB ner|nerpos < FILE > ENTITIES
//     reads the whole file and tags each document (text between blank
//     lines) as a user would; writes "TYPE<TAB>text" an entity a line; on
//     stderr "peers: tagging S s, D docs, E entities" (in-process time:
//     without start-up, reading and output). nerpos: wink runs its 'pos'
//     step too (its pipe is sbd, ner without it); compromise tags parts of
//     speech in any case, so both modes are the same for it.
//   node tag_peers.js version LIB
// LIB is compromise or wink. Exit status 3: the library is missing.
//
// Offsets are JS string indices (UTF-16 units) on both sides, which is what
// compromise's offsets count; wink gives token indices, turned into
// character offsets by walking its tokens' preceding spaces and values.
// On stderr, notes: entities dropped for overlapping an earlier one, wink
// tokens not found where expected, tokens whose wink tokens split or merge
// them (their tag is that of the first wink token).
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const nodeDir = process.env.PEERS_NODE_DIR ||
    path.join(__dirname, 'out', 'node');
const req = createRequire(path.join(nodeDir, 'package.json'));
const PKGS = {
	compromise: ['compromise'],
	wink: ['wink-nlp', 'wink-eng-lite-web-model'],
};

function die(msg, code) {
	process.stderr.write('peers: ' + msg + '\n');
	process.exit(code);
}

function version(lib) {
	return PKGS[lib].map((n) => {
		const f = path.join(nodeDir, 'node_modules', n, 'package.json');
		return n + ' ' + JSON.parse(fs.readFileSync(f, 'utf8')).version;
	}).join(', ');
}

// load(lib, withPos) returns { ents(text) -> [[start, end, TYPE]],
// pos(text) -> [[start, end, TAG]] or null }, offsets in UTF-16 units.
function load(lib, withPos) {
	try {
		if (lib === 'compromise') {
			const nlp = req('compromise');
			// From the first term's start to the last term's end:
			// a match's own offset also takes in the punctuation
			// around its terms ("Apple Inc. ." for "Apple Inc.").
			const spans = (m, type) =>
			    m.json({ offset: true }).map((x) => {
				const a = x.terms[0].offset;
				const z = x.terms[x.terms.length - 1].offset;
				return [a.start, z.start + z.length, type];
			    });
			return {
				ents: (t) => {
					const d = nlp(t);
					return spans(d.people(), 'PER').concat(
					    spans(d.places(), 'LOC'),
					    spans(d.organizations(), 'ORG'));
				},
				pos: null,
			};
		}
		if (lib === 'wink') {
			const winkNLP = req('wink-nlp');
			const model = req('wink-eng-lite-web-model');
			// The default pipe also runs negation, sentiment and
			// custom entities, which tagging does not need.
			const nlp = winkNLP(model, withPos ?
			    ['sbd', 'pos', 'ner'] : ['sbd', 'ner']);
			const its = nlp.its;
			const offsets = (doc, t, bad) => {
				const vals = doc.tokens().out(its.value);
				const sp = doc.tokens().out(its.precedingSpaces);
				const res = [];
				let at = 0;
				for (let i = 0; i < vals.length; i++) {
					at += sp[i].length;
					if (t.startsWith(vals[i], at) === false) {
						const k = t.indexOf(vals[i], at);
						bad.n++;
						if (k >= 0)
							at = k;
					}
					res.push([at, at + vals[i].length]);
					at += vals[i].length;
				}
				return res;
			};
			const bad = { n: 0 };
			return {
				ents: (t) => {
					const doc = nlp.readDoc(t);
					const off = offsets(doc, t, bad);
					const sp = doc.entities().out(its.span);
					const ty = doc.entities().out(its.type);
					return sp.map((s, i) => [off[s[0]][0],
					    off[s[1]][1], ty[i]]);
				},
				pos: (t) => {
					const doc = nlp.readDoc(t);
					const off = offsets(doc, t, bad);
					const p = doc.tokens().out(its.pos);
					return off.map((o, i) => [o[0], o[1], p[i]]);
				},
				bad: bad,
			};
		}
	} catch (e) {
		die(lib + ': not installed in ' + nodeDir + ': ' +
		    String(e.message).split('\n')[0], 3);
	}
	die('unknown library ' + lib, 2);
	return null;
}

// The sentence as the peers read it, and each token's [start, end).
function detok(tokens) {
	const spans = [];
	let at = 0;
	for (const t of tokens) {
		spans.push([at, at + t.length]);
		at += t.length + 1;
	}
	return { text: tokens.join(' '), spans: spans };
}

// Token indices [first, end) whose characters overlap [a, b), or null.
function cover(spans, a, b) {
	let first = -1, end = -1;
	for (let i = 0; i < spans.length; i++) {
		if (spans[i][0] < b && spans[i][1] > a) {
			if (first < 0)
				first = i;
			end = i + 1;
		}
	}
	return first < 0 ? null : [first, end];
}

function readLines() {
	return fs.readFileSync(0, 'utf8').split('\n').filter((l) => l !== '');
}

function cmdNer(peer) {
	const out = [];
	let overlap = 0;
	for (const l of readLines()) {
		const s = detok(JSON.parse(l));
		const got = [];
		for (const [a, b, type] of peer.ents(s.text)) {
			const c = cover(s.spans, a, b);
			if (c !== null)
				got.push([c[0], c[1], type]);
		}
		// Longest first at each start; an entity that overlaps one
		// already kept is dropped (a token has one BIO tag).
		got.sort((x, y) => x[0] - y[0] || y[1] - x[1]);
		const kept = [];
		for (const e of got) {
			if (kept.length && e[0] < kept[kept.length - 1][1]) {
				overlap++;
				continue;
			}
			kept.push(e);
		}
		out.push(JSON.stringify(kept));
	}
	process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
	if (overlap > 0)
		process.stderr.write('peers: ' + overlap +
		    ' entities dropped for overlapping another\n');
}

function cmdPos(lib, peer) {
	if (peer.pos === null)
		die(lib + ' tags are its own (Noun, Verb, ProperNoun, ...),' +
		    ' not UPOS', 4);
	const out = [];
	let inexact = 0;
	for (const l of readLines()) {
		const s = detok(JSON.parse(l));
		const p = peer.pos(s.text);
		const tags = s.spans.map(([a, b]) => {
			const hit = p.filter((x) => x[0] < b && x[1] > a);
			if (hit.length !== 1 || hit[0][0] !== a || hit[0][1] !== b)
				inexact++;
			return hit.length ? hit[0][2] : null;
		});
		out.push(JSON.stringify(tags));
	}
	process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
	if (inexact > 0)
		process.stderr.write('peers: ' + inexact + ' tokens not one ' +
		    lib + ' token (split or merged): tagged by the first\n');
}

function cmdBench(peer, mode) {
	const docs = fs.readFileSync(0, 'utf8').split(/\n[^\S\n]*\n/)
	    .filter((d) => d.trim() !== '');
	const t0 = process.hrtime.bigint();
	const res = [];
	for (const d of docs)
		res.push(peer.ents(d));
	const t1 = process.hrtime.bigint();
	const out = [];
	let n = 0;
	for (let i = 0; i < docs.length; i++) {
		for (const [a, b, type] of res[i]) {
			out.push(type + '\t' + docs[i].slice(a, b)
			    .replace(/\s+/g, ' '));
			n++;
		}
	}
	process.stdout.write(out.join('\n') + (out.length ? '\n' : ''));
	process.stderr.write('peers: tagging ' +
	    (Number(t1 - t0) / 1e9).toFixed(4) + ' s, ' + docs.length +
	    ' docs, ' + n + ' entities\n');
}

function main(argv) {
	const [cmd, lib, mode] = argv;
	if (!cmd || !lib || !(lib in PKGS))
		die('usage: tag_peers.js ner|pos|bench|version compromise|wink' +
		    ' [ner|nerpos]', 2);
	if (cmd === 'version') {
		try {
			process.stdout.write(version(lib) + '\n');
		} catch (e) {
			die(lib + ': not installed in ' + nodeDir, 3);
		}
		return;
	}
	const peer = load(lib, cmd === 'pos' ||
	    (cmd === 'bench' && mode === 'nerpos'));
	if (cmd === 'ner')
		cmdNer(peer);
	else if (cmd === 'pos')
		cmdPos(lib, peer);
	else if (cmd === 'bench' && (mode === 'ner' || mode === 'nerpos'))
		cmdBench(peer, mode);
	else
		die('unknown command ' + cmd + (mode ? ' ' + mode : ''), 2);
	if (peer.bad && peer.bad.n > 0)
		process.stderr.write('peers: ' + peer.bad.n + ' wink tokens ' +
		    'not found where expected in the text\n');
}

main(process.argv.slice(2));
