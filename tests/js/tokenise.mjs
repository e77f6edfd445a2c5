// For tests/test_js_python_agree.py: reads a JSON list of texts on stdin and writes, for each, the words
// search-words.js finds in it and the vocabulary file of each word (as JSON on stdout).
import { readFileSync } from "node:fs";
import { shardOf, tokens } from "../../docs/assets/search-words.js";

const texts = JSON.parse(readFileSync(0, "utf8"));
const words = texts.map((text) => tokens(text).map((t) => t.word));
const shards = Object.fromEntries([...new Set(words.flat())].map((word) => [word, shardOf(word)]));
process.stdout.write(JSON.stringify({ words, shards }));
