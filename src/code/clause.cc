// AnalyzeClauses: verb groups, noun phrases, clause scopes and subjects from tags and actors.
//
// The rules test word and tag classes many times per token (backward scans for a clause
// boundary, the noun-phrase test for every token), so every token's classes are looked up once
// per sentence into a bit mask (one probe of a compile-time word table, one switch on the tag)
// and the rules test bits.
#include "code/clause.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <span>
#include <type_traits>

namespace communique::code {
namespace {

// Whether only subordinating words ("as Yerevan suspended") make a prepositional object before a
// finite verb its subject, or any preposition ("Demonstrators in Baghdad blocked"): measured on
// the development sets, the broader rule codes more subjects right.
constexpr bool kOnlySubordinators = false;

// Classes of a token: from its tag, from its word, and (per sentence) from its place.
enum Feature : uint64_t {
  // Tags.
  kVerbTag = 1ull << 0,  // VB*
  kTagVB = 1ull << 1,
  kTagVBN = 1ull << 2,
  kTagVBD = 1ull << 3,
  kTagVBG = 1ull << 4,
  kTagMD = 1ull << 5,
  kAdverbTag = 1ull << 6,  // RB, RBR, RBS
  kNounTag = 1ull << 7,    // NN*
  kNpTag = 1ull << 8,      // may sit inside a noun phrase
  kTagPRP = 1ull << 9,
  kTagPRPS = 1ull << 10,  // PRP$
  kTagIN = 1ull << 11,
  kTagTO = 1ull << 12,
  kTagWDT = 1ull << 13,
  // Word classes.
  kBoundaryWord = 1ull << 16,
  kBe = 1ull << 17,
  kHave = 1ull << 18,
  kDo = 1ull << 19,
  kModalWord = 1ull << 20,
  kIntentVerb = 1ull << 21,
  kIntentAdjective = 1ull << 22,
  kNegation = 1ull << 23,
  kPronoun = 1ull << 24,
  kLendsActor = 1ull << 25,
  kBackgroundOpener = 1ull << 26,   // which, who, ..., when: before a clause's scope
  kConditionOpener = 1ull << 27,    // if, unless, whether
  kRelativePronoun = 1ull << 28,    // which, who
  kSubordinator = 1ull << 29,       // until, as, when, ...: before a subject
  kBackgroundSubordinator = 1ull << 30,  // the same and "whereby"
  kSubordinatingPrep = 1ull << 31,  // the kOnlySubordinators list
  kJoiner = 1ull << 32,             // and , or as well both: between conjoined phrases
  kParticipantsPrep = 1ull << 33,   // between, among: its object names the head's participants
  // Single words.
  kTo = 1ull << 40,
  kBy = 1ull << 41,
  kThat = 1ull << 42,
  kAnd = 1ull << 43,
  kOr = 1ull << 44,
  kComma = 1ull << 45,
  kBut = 1ull << 46,
  kWith = 1ull << 47,
  kOf = 1ull << 48,
  kBeen = 1ull << 49,
  // Per sentence.
  kActor = 1ull << 56,       // inside an actor mention
  kAdverbLike = 1ull << 57,  // adverb tag or negation
  kVerbal = 1ull << 58,      // verb or modal tag, not inside an actor
  kBoundary = 1ull << 59,    // a clause boundary ("that" only as a conjunction or pronoun)
  kInGroup = 1ull << 60,     // inside a verb group
};

struct WordList {
  uint64_t feature;
  std::span<const std::string_view> words;
};

// The word lists of the rules, lower-case.
constexpr std::string_view kBeWords[] = {
    "be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m", "get", "got", "gets",
    "getting", "gotten"};
constexpr std::string_view kHaveWords[] = {"have", "has", "had", "having", "'ve", "'d"};
constexpr std::string_view kDoWords[] = {"do", "does", "did"};
constexpr std::string_view kModalWords[] = {
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll", "wo", "ca"};
// Verbs that put the event they govern in the future or in intention ("plans to visit").
constexpr std::string_view kIntentVerbWords[] = {
    "plan", "plans", "planned", "planning", "intend", "intends", "intended", "want", "wants",
    "wanted", "hope", "hopes", "hoped", "expect", "expects", "expected", "aim", "aims", "aimed",
    "going", "prepare", "prepares", "preparing", "prepared", "scheduled", "set", "due", "likely"};
constexpr std::string_view kIntentAdjectiveWords[] = {
    "willing", "ready", "eager", "poised", "determined", "prepared"};
constexpr std::string_view kBoundaryWords[] = {
    ";", ":", "that", "which", "who", "whom", "whose", "because", "while", "although", "though",
    "whereas", "unless", "if", "whether", "``", "\"", "\xe2\x80\x9c", "but"};
constexpr std::string_view kNegationWords[] = {"not", "n't", "never", "no"};
constexpr std::string_view kPronounWords[] = {
    "it", "they", "he", "she", "its", "their", "his", "her", "them", "him", "we", "our"};
// Prepositions whose object lends its actor to an actorless head (see LendsActor).
constexpr std::string_view kLendsActorWords[] = {
    "of", "in", "from", "at", "throughout", "across", "within", "for", "to", "on"};
constexpr std::string_view kBackgroundOpenerWords[] = {
    "which", "who", "whom", "whose", "because", "after", "since", "while", "when"};
constexpr std::string_view kConditionOpenerWords[] = {"if", "unless", "whether"};
constexpr std::string_view kRelativePronounWords[] = {"which", "who"};
constexpr std::string_view kSubordinatorWords[] = {
    "until", "as", "when", "after", "before", "since", "once", "where"};
constexpr std::string_view kBackgroundSubordinatorWords[] = {
    "until", "as", "when", "after", "before", "since", "once", "where", "whereby"};
constexpr std::string_view kSubordinatingPrepWords[] = {
    "as", "after", "before", "since", "until", "once", "because", "when", "while", "though",
    "although", "if", "unless", "whereas"};
constexpr std::string_view kJoinerWords[] = {"and", ",", "or", "as", "well", "both"};
constexpr std::string_view kParticipantsPrepWords[] = {"between", "among", "amongst"};

// Single words the rules name.
constexpr struct {
  uint64_t feature;
  std::string_view word;
} kSingleWords[] = {
    {kTo, "to"},   {kBy, "by"},   {kThat, "that"}, {kAnd, "and"}, {kOr, "or"},
    {kComma, ","}, {kBut, "but"}, {kWith, "with"}, {kOf, "of"},   {kBeen, "been"},
};

constexpr WordList kWordLists[] = {
    {kBe, kBeWords},
    {kHave, kHaveWords},
    {kDo, kDoWords},
    {kModalWord, kModalWords},
    {kIntentVerb, kIntentVerbWords},
    {kIntentAdjective, kIntentAdjectiveWords},
    {kBoundaryWord, kBoundaryWords},
    {kNegation, kNegationWords},
    {kPronoun, kPronounWords},
    {kLendsActor, kLendsActorWords},
    {kBackgroundOpener, kBackgroundOpenerWords},
    {kConditionOpener, kConditionOpenerWords},
    {kRelativePronoun, kRelativePronounWords},
    {kSubordinator, kSubordinatorWords},
    {kBackgroundSubordinator, kBackgroundSubordinatorWords},
    {kSubordinatingPrep, kSubordinatingPrepWords},
    {kJoiner, kJoinerWords},
    {kParticipantsPrep, kParticipantsPrepWords},
};

// A word of up to 16 bytes as two integers (overlapping loads) and its length: equal keys mean
// equal words, so a lookup compares integers and the hash needs no loop over the bytes.
struct WordKey {
  uint64_t head = 0;
  uint64_t tail = 0;
  uint64_t size = 0;

  constexpr explicit WordKey(std::string_view w) : size(w.size()) {
    const size_t n = w.size();
    if (n >= 8) {
      head = Load(w, 0, 8);
      tail = Load(w, n - 8, 8);
    } else if (n >= 4) {
      head = Load(w, 0, 4) | Load(w, n - 4, 4) << 32;
    } else if (n > 0) {
      head = Load(w, 0, 1) | Load(w, n / 2, 1) << 8 | Load(w, n - 1, 1) << 16;
    }
  }
  constexpr bool operator==(const WordKey&) const = default;
  constexpr uint64_t Hash() const {
    return ((head ^ (tail * 0x9e3779b97f4a7c15ull) ^ size) * 0xff51afd7ed558ccdull) >> 32;
  }

 private:
  static constexpr uint64_t Load(std::string_view w, size_t at, size_t len) {
    if constexpr (std::endian::native == std::endian::little) {
      if (!std::is_constant_evaluated()) {
        if (len == 8) {
          uint64_t v;
          std::memcpy(&v, w.data() + at, 8);
          return v;
        }
        if (len == 4) {
          uint32_t v;
          std::memcpy(&v, w.data() + at, 4);
          return v;
        }
      }
    }
    uint64_t v = 0;
    for (size_t i = 0; i < len; ++i) v |= uint64_t{static_cast<unsigned char>(w[at + i])} << (8 * i);
    return v;
  }
};

// Every word of the lists with the OR of its lists' features: open addressing, built at compile
// time.
class WordFeatures {
 public:
  static constexpr size_t kSlots = 512;
  static constexpr size_t kMaxWord = 16;

  constexpr WordFeatures() {
    for (const WordList& list : kWordLists)
      for (std::string_view w : list.words) Add(w, list.feature);
    for (const auto& single : kSingleWords) Add(single.word, single.feature);
  }

  constexpr uint64_t operator()(std::string_view w) const {
    if (w.empty() || w.size() > kMaxWord) return 0;
    const WordKey key(w);
    for (size_t i = key.Hash() & (kSlots - 1);; i = (i + 1) & (kSlots - 1)) {
      const Slot& s = slots_[i];
      if (s.key == key) return s.features;
      if (s.key.size == 0) return 0;
    }
  }

 private:
  struct Slot {
    WordKey key{std::string_view()};
    uint64_t features = 0;
  };
  constexpr void Add(std::string_view w, uint64_t feature) {
    if (w.empty() || w.size() > kMaxWord) throw "word list entry too long for the table";  // at compile time
    const WordKey key(w);
    size_t i = key.Hash() & (kSlots - 1);
    while (slots_[i].key.size != 0 && !(slots_[i].key == key)) i = (i + 1) & (kSlots - 1);
    slots_[i].key = key;
    slots_[i].features |= feature;
  }
  std::array<Slot, kSlots> slots_{};
};

constexpr WordFeatures kWordFeatures;

// A tag of up to 4 bytes as one integer, for a switch.
constexpr uint32_t PackTag(std::string_view t) {
  uint32_t v = 0;
  for (char c : t) v = v << 8 | static_cast<unsigned char>(c);
  return v;
}

uint64_t TagFeatures(std::string_view t) {
  if (t.size() < 2) return 0;
  const char a = t[0], b = t[1];
  if (a == 'V' && b == 'B') {
    if (t.size() == 2) return kVerbTag | kTagVB;
    if (t.size() == 3) {
      if (t[2] == 'N') return kVerbTag | kTagVBN;
      if (t[2] == 'D') return kVerbTag | kTagVBD;
      if (t[2] == 'G') return kVerbTag | kTagVBG;
    }
    return kVerbTag;
  }
  // Tags that may sit inside a noun phrase: nouns, DT, PDT, PRP$, JJ, JJR, JJS, CD, POS, PRP.
  if (a == 'N' && b == 'N') return kNounTag | kNpTag;
  if (t.size() > 4) return 0;
  switch (PackTag(t)) {
    case PackTag("MD"): return kTagMD;
    case PackTag("RB"):
    case PackTag("RBR"):
    case PackTag("RBS"): return kAdverbTag;
    case PackTag("IN"): return kTagIN;
    case PackTag("TO"): return kTagTO;
    case PackTag("WDT"): return kTagWDT;
    case PackTag("PRP"): return kTagPRP | kNpTag;
    case PackTag("PRP$"): return kTagPRPS | kNpTag;
    case PackTag("DT"):
    case PackTag("PDT"):
    case PackTag("JJ"):
    case PackTag("JJR"):
    case PackTag("JJS"):
    case PackTag("CD"):
    case PackTag("POS"): return kNpTag;
    default: return 0;
  }
}

}  // namespace

bool LendsActor(std::string_view prep) { return kWordFeatures(prep) & kLendsActor; }

bool IsNegation(std::string_view w) { return kWordFeatures(w) & kNegation; }

bool IsPronoun(std::string_view w) { return kWordFeatures(w) & kPronoun; }

Clauses AnalyzeClauses(const std::vector<Token>& tokens, const std::vector<ActorMention>& actors) {
  Clauses out;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  out.actor_at.assign(n, -1);
  for (size_t a = 0; a < actors.size(); ++a)
    for (uint32_t i = actors[a].first_token; i < actors[a].last_token && i < n; ++i)
      if (out.actor_at[i] < 0) out.actor_at[i] = static_cast<int>(a);

  // Every token's features, and bounds on how many groups and phrases there can be.
  thread_local std::vector<uint64_t> features;
  features.resize(n);
  uint64_t* const f = features.data();
  uint32_t max_groups = 0, max_phrases = 0;
  for (uint32_t i = 0; i < n; ++i) {
    uint64_t x = TagFeatures(tokens[i].tag) | kWordFeatures(tokens[i].norm);
    if (out.actor_at[i] >= 0) x |= kActor;
    if (x & (kAdverbTag | kNegation)) x |= kAdverbLike;
    if ((x & (kVerbTag | kTagMD)) && !(x & kActor)) x |= kVerbal;
    // "that plan": a determiner "that" bounds nothing.
    if ((x & kBoundaryWord) && !((x & kThat) && !(x & (kTagIN | kTagWDT)))) x |= kBoundary;
    // "so that" is a conjunction whatever the tagger made of "that".
    if ((x & kThat) && i > 0 && tokens[i - 1].norm == "so") x |= kBoundary;
    f[i] = x;
    max_groups += (x & (kVerbal | kTo)) != 0;
    max_phrases += (x & (kActor | kNpTag)) != 0;
  }
  out.groups.reserve(max_groups);
  out.phrases.reserve(max_phrases);

  auto verbal = [&](uint32_t i) { return i < n && (f[i] & kVerbal); };
  auto adverb_like = [&](uint32_t i) { return (f[i] & kAdverbLike) != 0; };
  // "to" followed (after adverbs) by a base-form verb.
  auto infinitive_at = [&](uint32_t i) -> uint32_t {
    if (i >= n || !(f[i] & kTo)) return 0;
    uint32_t j = i + 1;
    while (j < n && adverb_like(j)) ++j;
    return (j < n && verbal(j) && (f[j] & kTagVB)) ? j : 0;
  };

  // 1. Verb groups.
  for (uint32_t i = 0; i < n;) {
    bool starts_infinitive = infinitive_at(i) != 0;
    if (!verbal(i) && !starts_infinitive) {
      ++i;
      continue;
    }
    VerbGroup g;
    g.span.begin = i;
    uint32_t j = i;
    while (j < n) {
      if (verbal(j)) { ++j; continue; }
      if (adverb_like(j)) {
        uint32_t k = j;
        while (k < n && adverb_like(k)) ++k;
        if (k < n && (verbal(k) || infinitive_at(k))) { j = k; continue; }
        break;
      }
      if (infinitive_at(j) && j > i) { ++j; continue; }
      // "is willing to withdraw", "are ready to host": the adjective states an intention and the
      // infinitive is the deed, one group with the copula's subject.
      if (j > i && j + 1 < n && (f[j - 1] & kBe) && (f[j] & kIntentAdjective) && infinitive_at(j + 1)) {
        ++j;
        continue;
      }
      if (j == i && starts_infinitive) { ++j; continue; }
      break;
    }
    g.span.end = j;
    // Classify: auxiliaries precede another verb of the group; the rest are content verbs.
    bool saw_be = false, saw_aux = false, after_to = false;
    for (uint32_t k = g.span.begin; k < g.span.end; ++k) {
      const uint64_t t = f[k];
      if (t & kNegation) g.negated = true;
      if (t & kTo) { after_to = true; continue; }
      if (!verbal(k)) continue;
      uint32_t next = k + 1;
      while (next < g.span.end && adverb_like(next)) ++next;
      bool verb_follows = next < g.span.end && verbal(next);
      if (t & (kTagMD | kModalWord)) {
        g.modal = true;
        saw_aux = true;
        continue;
      }
      if (verb_follows && (t & (kBe | kHave | kDo))) {
        if (t & kBe) saw_be = true;
        else saw_be = false;
        saw_aux = true;
        continue;
      }
      if (verb_follows && !(t & kBe) && (t & kBeen)) saw_be = true;
      g.verbs.push_back(k);
      if (g.verbs.size() == 1) {
        if (saw_be && (t & kTagVBN)) g.passive = true;
        if (saw_be && (t & kTagVBD) && !after_to) g.passive = true;  // tagger confusion
        if (!saw_aux && g.span.begin == k && (t & (kTagVBG | kTagVBN))) g.finite = false;
      }
      if ((t & kIntentVerb) && next < g.span.end) g.modal = true;
      saw_be = false;
    }
    if (f[g.span.begin] & kTo) g.finite = false;
    // "is opposed to", "is committed to", "are prepared to": adjectival participles, active in
    // meaning, unless an agent follows ("was sent to Iraq by ..." stays passive).
    if (g.passive && g.span.end < n && (f[g.span.end] & kTo)) {
      bool agent = false;
      for (uint32_t k = g.span.end; k < n && k < g.span.end + 8; ++k)
        if (f[k] & kBy) agent = true;
      if (!agent && g.verbs.size() == 1) g.passive = false;
    }
    // "is prepared to impose": the participle states an intention; the infinitive is active.
    if (g.passive && g.verbs.size() > 1 && (f[g.verbs[0]] & kIntentAdjective) && (f[g.verbs[0] + 1] & kTo))
      g.passive = false;
    // "is" alone is a copula: no content verb, nothing to code, but it still bounds clauses.
    if (g.verbs.empty()) {
      uint32_t last = g.span.end - 1;
      while (last > g.span.begin && !verbal(last)) --last;
      if (verbal(last)) g.verbs.push_back(last);
    }
    for (uint32_t k = g.span.begin; k < g.span.end; ++k) f[k] |= kInGroup;
    out.groups.push_back(std::move(g));
    i = j;
  }

  // A bare past participle right after the sentence's first noun phrase, with no finite verb
  // before it, is the tagger confusing -ed forms ("Palestinian prisoners rioted in ..."): a
  // past tense, unless "by" follows (a reduced passive).
  for (size_t gi = 0; gi < out.groups.size(); ++gi) {
    VerbGroup& g = out.groups[gi];
    if (g.finite || g.verbs.empty() || !(f[g.verbs[0]] & kTagVBN) || g.verbs[0] != g.span.begin) continue;
    bool earlier_finite = false;
    for (size_t gj = 0; gj < gi; ++gj) earlier_finite = earlier_finite || out.groups[gj].finite;
    if (earlier_finite || g.span.begin == 0) continue;
    // An earlier participle with no comma since ("aircraft using precision guided missiles
    // killed") makes the -ed form a modifier inside that participle's object.
    if (gi > 0) {
      bool comma = false;
      for (uint32_t k = out.groups[gi - 1].span.end; k < g.span.begin; ++k)
        comma = comma || (f[k] & kComma);
      if (!comma) continue;
    }
    // "agents sexually abused": adverbs may stand between the noun and the verb.
    uint32_t b = g.span.begin - 1;
    while (b > 0 && adverb_like(b)) --b;
    bool after_noun = (f[b] & (kNounTag | kTagPRP | kActor)) != 0;
    bool by_follows = g.span.end < n && (f[g.span.end] & kBy);
    if (after_noun && !by_follows) g.finite = true;
  }

  // 2. Noun phrases outside verb groups; actors always count as noun material.
  auto np_token = [&](uint32_t k) {
    if (k >= n || (f[k] & kInGroup)) return false;
    if (f[k] & kActor) return true;
    return (f[k] & kNpTag) && !(f[k] & kBoundaryWord);
  };
  for (uint32_t i = 0; i < n;) {
    if (!np_token(i)) {
      ++i;
      continue;
    }
    NounPhrase p;
    p.span.begin = i;
    uint32_t j = i;
    while (np_token(j)) {
      // A pronoun subject stands alone ("it" in "it is carrying out"); a possessive one starts
      // the phrase it determines ("its participation").
      if (j > i && (f[j] & kTagPRP)) break;
      ++j;
      // An actor continues to its end even if a token inside is tagged oddly.
      if (j < n && j > 0 && out.actor_at[j] >= 0 && out.actor_at[j] == out.actor_at[j - 1]) continue;
    }
    if (j < n && out.actor_at[j] >= 0 && j > 0 && out.actor_at[j] == out.actor_at[j - 1]) {
      while (j < n && out.actor_at[j] == out.actor_at[j - 1]) ++j;
    }
    p.span.end = j;
    p.head = j - 1;
    for (uint32_t k = p.span.begin; k < p.span.end; ++k) {
      int a = out.actor_at[k];
      if (a >= 0 && std::find(p.actors.begin(), p.actors.end(), a) == p.actors.end())
        p.actors.push_back(a);
    }
    const uint64_t first = f[p.span.begin];
    p.pronoun = (first & (kTagPRP | kTagPRPS)) && (first & kPronoun);
    if (p.span.begin > 0) {
      uint32_t b = p.span.begin - 1;
      if ((f[b] & (kTagIN | kTagTO)) && !(f[b] & (kBoundaryWord | kInGroup))) {
        p.in_prep = true;
        p.prep = b;
      }
    }
    out.phrases.push_back(std::move(p));
    i = j;
  }

  out.phrase_at.assign(n, -1);
  for (size_t pi = 0; pi < out.phrases.size(); ++pi)
    for (uint32_t k = out.phrases[pi].span.begin; k < out.phrases[pi].span.end; ++k)
      out.phrase_at[k] = static_cast<int>(pi);

  // A "preposition" right before a subject and its verb is a subordinating conjunction: "as
  // Yerevan suspended", "after Israel attacked".
  for (auto& p : out.phrases) {
    if (!p.in_prep || p.span.end >= n) continue;
    // "Washington along with its allies demanded": a comitative "with" phrase accompanies the
    // subject before it; it never introduces a clause of its own.
    if (f[p.prep] & kWith) continue;
    if (kOnlySubordinators && !(f[p.prep] & kSubordinatingPrep)) continue;
    // "riots against Israeli policies are continuing": after a noun phrase, a preposition that
    // neither subordinates, nor lends its object's actor, nor names participants ("against",
    // "over", "about"; not "in", "between") opens a modifier of that phrase, which stays the
    // subject.
    if (!(f[p.prep] & (kSubordinatingPrep | kLendsActor | kParticipantsPrep)) && p.prep > 0 &&
        out.phrase_at[p.prep - 1] >= 0)
      continue;
    for (const VerbGroup& g : out.groups)
      if (g.span.begin == p.span.end && g.finite && !(f[g.span.begin] & kTo)) {
        p.in_prep = false;
        break;
      }
  }

  // 3. Clause scopes and subjects.
  auto is_boundary = [&](uint32_t k) { return (f[k] & kBoundary) != 0; };
  auto phrase_actors = [&](int pi) {
    // A phrase with no actor of its own takes those of an "of" phrase right after it:
    // "Leaders of CSTO nations", "the meeting of the Council".
    const NounPhrase& p = out.phrases[pi];
    // A role without a country ("helicopter gunships") is only a fallback: an actor with a code
    // further left ("Russian aircraft including helicopter gunships") is the better subject.
    for (int a : p.actors)
      if (!actors[a].code.empty()) return true;
    if (p.pronoun) return true;
    if (pi + 1 < static_cast<int>(out.phrases.size())) {
      const NounPhrase& q = out.phrases[pi + 1];
      if (q.in_prep && q.prep == p.span.end && (f[q.prep] & kLendsActor))
        for (int a : q.actors)
          if (!actors[a].code.empty()) return true;
    }
    return false;
  };

  for (size_t gi = 0; gi < out.groups.size(); ++gi) {
    VerbGroup& g = out.groups[gi];
    // Participles and infinitives ("aircraft using missiles killed") do not end the subject's
    // stretch; the previous finite verb does.
    uint32_t prev_end = 0;
    int prev_finite = -1;
    for (size_t gj = gi; gj-- > 0;)
      if (out.groups[gj].finite) {
        prev_end = out.groups[gj].span.end;
        prev_finite = static_cast<int>(gj);
        break;
      }
    uint32_t left = prev_end;
    for (uint32_t k = g.span.begin; k-- > prev_end;)
      if (is_boundary(k)) {
        left = k + 1;
        break;
      }
    g.pre_scope = {left, g.span.begin};
    const uint64_t before_left = left > 0 ? f[left - 1] : 0;
    if (before_left & kBackgroundOpener) g.background = true;
    // "unless Israel rescinded", "if he gave them": a condition, not something that happened.
    if (before_left & kConditionOpener) {
      // "if cooperation founders, the minister said": a comma before the subject ends the
      // condition (the tagger may have missed the condition's own verb).
      uint32_t s = g.span.begin;
      if (s > 0 && out.phrase_at[s - 1] >= 0) s = out.phrases[out.phrase_at[s - 1]].span.begin;
      if (!(s > left && (f[s - 1] & kComma))) g.conditional = true;
    }
    for (const NounPhrase& p : out.phrases)
      if (p.span.end == g.span.begin && p.span.begin >= left && p.span.begin > 0 &&
          (f[p.span.begin - 1] & kConditionOpener))
        g.conditional = true;
    // "Should Congress fail to pass the budget, ...", "Had the army withdrawn, ...": an
    // auxiliary before the subject at the start of the sentence is an inverted condition.
    if (gi == 1 && out.groups[0].span.begin == 0 && out.groups[0].span.end == 1 && g.span.begin > 1 &&
        (tokens[0].norm == "should" || tokens[0].norm == "had" || tokens[0].norm == "were"))
      g.conditional = true;

    // Verb coordination: "blew up the lines and killed two" shares the subject.
    uint32_t k = g.span.begin;
    while (k > left && adverb_like(k - 1)) --k;
    if (gi > 0 && k > 0 && (f[k - 1] & (kAnd | kOr | kComma | kBut))) {
      // A participle after a comma ("rioted, setting fire to ...", ", saying it ...") is an
      // adjunct describing the main event, not a second event; "and V-ed" is coordination.
      bool coordinated = g.finite || !(f[k - 1] & kComma);
      if (coordinated) {
        g.conjoined = true;
        g.inherit_subject_from = static_cast<int>(gi - 1);
      }
    }

    // Relative clause: "..., which/who VERB" takes the phrase before the pronoun.
    int chosen = -1;
    if (!g.conjoined) {
      uint32_t scan_begin = left;
      if ((before_left & kRelativePronoun) && left == g.span.begin) {
        uint32_t rel = left - 1;
        uint32_t b = rel;
        while (b > 0 && (f[b - 1] & kComma)) --b;
        for (int pi = static_cast<int>(out.phrases.size()) - 1; pi >= 0; --pi) {
          const NounPhrase& p = out.phrases[pi];
          if (p.span.end <= b && p.span.end + 2 >= b) {
            // Climb from an "of" object to the phrase it belongs to.
            int q = pi;
            while (q > 0 && out.phrases[q].in_prep && (f[out.phrases[q].prep] & kOf) &&
                   out.phrases[q - 1].span.end == out.phrases[q].prep)
              --q;
            chosen = q;
            break;
          }
        }
        scan_begin = g.span.begin;
      }
      if (chosen < 0) {
        int fallback = -1;
        for (int pi = static_cast<int>(out.phrases.size()) - 1; pi >= 0; --pi) {
          const NounPhrase& p = out.phrases[pi];
          if (p.span.begin < scan_begin) break;
          if (p.span.end > g.span.begin || p.in_prep) continue;
          // "..., a newspaper reported": a role noun right before the verb is its subject; an
          // actor beyond a comma belongs to the previous clause.
          if (fallback >= 0 && !out.phrases[fallback].actors.empty()) {
            // "until a new government takes over": so is a role noun right before the verb
            // after a subordinating word.
            uint32_t fb = out.phrases[fallback].span.begin;
            if (fb > 0 && (f[fb - 1] & kSubordinator)) break;
            bool comma = false;
            for (uint32_t t = p.span.end; t < out.phrases[fallback].span.begin; ++t)
              comma = comma || (f[t] & kComma);
            if (comma) break;
          }
          if (phrase_actors(pi)) {
            chosen = pi;
            break;
          }
          if (fallback < 0) fallback = pi;
        }
        if (chosen < 0) chosen = fallback;
      }
    }
    g.subject = chosen;
    // "until a government takes over", "as street battles raged", "where 100 people were
    // killed", "a helicopter that was captured": a subordinate or relative clause gives the
    // main event's background.
    {
      uint32_t s = chosen >= 0 && !g.conjoined ? out.phrases[chosen].span.begin : g.span.begin;
      if (!g.conjoined && s > 0 && (f[s - 1] & kBackgroundSubordinator)) g.background = true;
      // "to amend the constitution so that same-sex marriages are banned": a purpose, not an
      // event that happened.
      if (!g.conjoined && s > 1 && (f[s - 1] & kThat) && tokens[s - 2].norm == "so") g.conditional = true;
      // "before assistance to the region is released": the subordinator may stand before the
      // phrase a prepositional phrase attaches to.
      for (uint32_t h = s; !g.conjoined && !g.background && h > left + 1 && (f[h - 1] & (kTagIN | kTagTO)) &&
                           !(f[h - 1] & kBoundaryWord) && out.phrase_at[h - 2] >= 0;) {
        h = out.phrases[out.phrase_at[h - 2]].span.begin;
        if (h > 0 && (f[h - 1] & kBackgroundSubordinator)) g.background = true;
      }
      if (!g.conjoined && s == g.span.begin && s > 1 && (f[s - 1] & kThat) &&
          (f[s - 2] & (kNounTag | kActor)))
        g.background = true;
      // "said they needed", "alleged that the North admitted": a finite clause right after the
      // previous finite verb — with only "that", adverbs and prepositional phrases between
      // ("said on Friday that"), or an object and then "that" ("told reporters that") — is
      // that verb's complement. A comma, a conjunction or another boundary between them ends it.
      // "where, it said, 100 people were killed": a reporting clause between commas interrupts
      // the subordinate clause; what follows it is still that clause.
      if (!g.conjoined && g.finite && prev_finite >= 0 && s > 0 && s - 1 == prev_end && (f[s - 1] & kComma)) {
        const VerbGroup& gp = out.groups[prev_finite];
        uint32_t sp = gp.subject >= 0 ? out.phrases[gp.subject].span.begin : gp.span.begin;
        if (sp > 1 && (f[sp - 1] & kComma) && (f[sp - 2] & (kBackgroundSubordinator | kBackgroundOpener)))
          g.background = true;
      }
      // "rejected the calls, saying it was withholding aid": what a participle adjunct after a
      // comma reports explains the main event; it is background.
      if (!g.conjoined && g.finite && gi > 0) {
        const VerbGroup& q = out.groups[gi - 1];
        const uint32_t b = q.span.begin;
        if (!q.finite && (f[b] & kTagVBG) && b > 0 && (f[b - 1] & kComma) && s >= q.span.end &&
            s <= q.span.end + 1 && (s == q.span.end || (f[q.span.end] & kThat)))
          g.background = true;
      }
      if (!g.conjoined && g.finite && prev_finite >= 0 && s >= prev_end) {
        const bool has_that = s > prev_end && (f[s - 1] & kThat) && (f[s - 1] & kBoundary) && s < g.span.begin;
        bool complement = true;
        for (uint32_t t = prev_end; t < s - (has_that ? 1 : 0) && complement; ++t) {
          if (f[t] & (kComma | kBoundary | kAnd | kOr | kBut)) complement = false;
          else if (out.phrase_at[t] >= 0 && !out.phrases[out.phrase_at[t]].in_prep && !has_that)
            complement = false;
        }
        if (complement) {
          g.complement_of = prev_finite;
          // What a background clause reports is background too ("after officials alleged that
          // the North admitted ...", "while inspectors said they needed more time").
          if (out.groups[prev_finite].background) g.background = true;
        }
      }
    }
    if (chosen >= 0) {
      g.subject_phrases.push_back(chosen);
      // Conjuncts and list members: "Armenia, Belarus and Russia", "Jordan and Britain".
      auto joinable = [&](uint32_t a, uint32_t b) {  // tokens strictly between two phrases
        if (b < a) return false;
        for (uint32_t t = a; t < b; ++t)
          if (!(f[t] & kJoiner)) return false;
        return true;
      };
      for (int pi = chosen - 1; pi >= 0; --pi) {
        const NounPhrase& p = out.phrases[pi];
        const NounPhrase& nx = out.phrases[g.subject_phrases.back()];
        if (p.in_prep || p.span.begin < left || !joinable(p.span.end, nx.span.begin)) break;
        if (p.actors.empty()) continue;
        g.subject_phrases.push_back(pi);
      }
    }
  }

  // Post scopes: up to the next boundary or the next clause's subject.
  for (size_t gi = 0; gi < out.groups.size(); ++gi) {
    VerbGroup& g = out.groups[gi];
    uint32_t right = n;
    for (uint32_t k = g.span.end; k < n; ++k)
      if (is_boundary(k)) {
        right = k;
        break;
      }
    for (size_t gj = gi + 1; gj < out.groups.size(); ++gj) {
      const VerbGroup& h = out.groups[gj];
      if (h.span.begin >= right) break;
      if (!h.finite) continue;
      uint32_t stop = h.span.begin;
      if (h.subject >= 0 && !h.conjoined) {
        // The next clause's subject phrases (with conjuncts) start where this scope ends.
        for (int pi : h.subject_phrases)
          stop = std::min(stop, out.phrases[pi].span.begin);
      }
      if (h.conjoined) {
        // "and killed": stop at the conjunction.
        stop = h.span.begin;
        while (stop > g.span.end && (f[stop - 1] & (kAdverbLike | kAnd | kComma | kOr))) --stop;
      }
      if (stop > g.span.end) right = std::min(right, stop);
      else right = std::min(right, h.span.begin);
      break;
    }
    g.post_scope = {g.span.end, right};
  }
  return out;
}

std::string DescribeClauses(const std::vector<Token>& tokens, const Clauses& c) {
  std::string out;
  std::vector<int> open(tokens.size() + 1, 0);
  std::vector<std::string> starts(tokens.size() + 1), ends(tokens.size() + 1);
  for (auto& p : c.phrases) {
    starts[p.span.begin] += p.in_prep ? "[PP-NP " : "[NP ";
    ends[p.span.end] += "]";
  }
  for (auto& g : c.groups) {
    std::string label = "[VG";
    if (g.passive) label += " passive";
    if (g.negated) label += " negated";
    if (g.modal) label += " modal";
    if (!g.finite) label += " nonfinite";
    if (g.conditional) label += " conditional";
    starts[g.span.begin] += label + " ";
    ends[g.span.end] += "]";
  }
  for (size_t i = 0; i <= tokens.size(); ++i) {
    if (!ends[i].empty()) {
      if (!out.empty() && out.back() == ' ') out.pop_back();
      out += ends[i] + " ";
    }
    if (i == tokens.size()) break;
    out += starts[i];
    out += tokens[i].norm;
    out += ' ';
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace communique::code
