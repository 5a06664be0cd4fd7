#!/usr/bin/env node
// Node peers of quire segment: npm sbd, compromise, and wink-nlp with
// wink-eng-lite-web-model, installed by tests/eval/run into
// tests/eval/out/node/ (or $PEERS_NODE_DIR) with
//   npm install --prefix tests/eval/out/node sbd compromise wink-nlp \
//       wink-eng-lite-web-model
//
// Usage:
//   node peers.js docs LIB  < docs.jsonl  > starts.jsonl
//     for each JSON object with a "text" member, one line: a JSON array of
//     the sentence start offsets, in code points (Python str indices)
//   node peers.js bench LIB [sentence|word] < FILE > UNITS
//     reads the whole file, segments it as one text, writes one unit a
//     line; on stderr "peers: segmentation S s" (in-process time only)
//   node peers.js version LIB
// LIB is sbd, compromise or wink. Exit status 3: the library is missing.
//
// The libraries return sentence strings (sbd also rewrites whitespace), so
// starts are found by aligning the sentences' non-space characters with
// the text's; JS strings count UTF-16 units, so the alignment walks code
// points (Array.from) to give code-point offsets.
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

const nodeDir = process.env.PEERS_NODE_DIR ||
    path.join(__dirname, 'out', 'node');
const req = createRequire(path.join(nodeDir, 'package.json'));
const PKG = { sbd: 'sbd', compromise: 'compromise', wink: 'wink-nlp' };

function die(msg, code) {
	process.stderr.write('peers: ' + msg + '\n');
	process.exit(code);
}

function version(lib) {
	const names = lib === 'wink' ?
	    ['wink-nlp', 'wink-eng-lite-web-model'] : [PKG[lib]];
	return names.map((n) => {
		const f = path.join(nodeDir, 'node_modules', n, 'package.json');
		return n + ' ' + JSON.parse(fs.readFileSync(f, 'utf8')).version;
	}).join(', ');
}

// load(lib) returns { sentences(text) -> [string], words(text) -> [string]
// or null }.
function load(lib) {
	let m;
	try {
		if (lib === 'sbd') {
			m = req('sbd');
			return {
				sentences: (t) => m.sentences(t, {}),
				words: null,
			};
		}
		if (lib === 'compromise') {
			m = req('compromise');
			return {
				sentences: (t) => m(t).sentences().out('array'),
				words: (t) => m(t).terms().out('array'),
			};
		}
		if (lib === 'wink') {
			const winkNLP = req('wink-nlp');
			const nlp = winkNLP(req('wink-eng-lite-web-model'));
			return {
				sentences: (t) => nlp.readDoc(t).sentences().out(),
				words: (t) => nlp.readDoc(t).tokens().out(),
			};
		}
	} catch (e) {
		die(lib + ': not installed in ' + nodeDir + ': ' +
		    String(e.message).split('\n')[0], 3);
	}
	die('unknown library ' + lib, 2);
	return null;
}

const SPACE = /\s/u;

// starts(text, sents): code-point offsets of each sentence's first
// non-space character in text. A sentence whose characters cannot be found
// (the library changed them) is searched for by its first 16 non-space
// characters from where the previous one ended; unmatched ones are counted
// in misses and skipped.
function starts(text, sents, misses) {
	const cps = Array.from(text);
	const nsPos = [];
	let ns = '';
	const nsChars = [];
	for (let i = 0; i < cps.length; i++) {
		if (!SPACE.test(cps[i])) {
			nsPos.push(i);
			nsChars.push(cps[i]);
		}
	}
	ns = nsChars.join('');
	// ns is in UTF-16 units; map its unit index to a non-space ordinal
	const unitToOrd = new Int32Array(ns.length + 1);
	for (let k = 0, u = 0; k < nsChars.length; k++) {
		for (let j = 0; j < nsChars[k].length; j++)
			unitToOrd[u + j] = k;
		u += nsChars[k].length;
		unitToOrd[u] = k + 1;
	}
	const out = [];
	let cur = 0;	// UTF-16 unit index into ns
	for (const s of sents) {
		const key = Array.from(s).filter((c) => !SPACE.test(c)).join('');
		if (key.length === 0)
			continue;
		let at = ns.startsWith(key, cur) ? cur : -1;
		if (at < 0)
			at = ns.indexOf(key.slice(0, 16), cur);
		if (at < 0) {
			misses.n++;
			continue;
		}
		out.push(nsPos[unitToOrd[at]]);
		cur = Math.min(at + key.length, ns.length);
	}
	return out;
}

function readStdin() {
	return fs.readFileSync(0, 'utf8');
}

function main(argv) {
	const [cmd, lib, unit] = argv;
	if (!cmd || !lib || !(lib in PKG))
		die('usage: peers.js docs|bench|version sbd|compromise|wink ' +
		    '[sentence|word]', 2);
	if (cmd === 'version') {
		try {
			process.stdout.write(version(lib) + '\n');
		} catch (e) {
			die(lib + ': not installed in ' + nodeDir, 3);
		}
		return;
	}
	const peer = load(lib);
	if (cmd === 'docs') {
		const misses = { n: 0 };
		const lines = readStdin().split('\n').filter((l) => l !== '');
		const res = [];
		for (const l of lines) {
			const text = JSON.parse(l).text;
			res.push(JSON.stringify(starts(text, peer.sentences(text),
			    misses)));
		}
		process.stdout.write(res.join('\n') + (res.length ? '\n' : ''));
		if (misses.n > 0)
			process.stderr.write('peers: ' + lib + ': ' + misses.n +
			    ' sentences not found in their text\n');
		return;
	}
	if (cmd === 'bench') {
		const fn = unit === 'word' ? peer.words : peer.sentences;
		if (fn === null)
			die(lib + ': no word mode', 3);
		const text = readStdin();
		const t0 = process.hrtime.bigint();
		const units = fn(text);
		const t1 = process.hrtime.bigint();
		const out = units.map((u) => u.replace(/\s+/g, ' ').trim());
		process.stdout.write(out.join('\n') + '\n');
		process.stderr.write('peers: segmentation ' +
		    (Number(t1 - t0) / 1e9).toFixed(4) + ' s, ' + units.length +
		    ' units\n');
		return;
	}
	die('unknown command ' + cmd, 2);
}

main(process.argv.slice(2));
