// Shallow syntax for the coder: verb groups, noun-phrase chunks and clause scopes of one tagged
// sentence. Input: tagged Tokens and the actors found in them; output: for every verb group its
// voice, negation, modality, the span its subject is searched in and the span its object and
// prepositional phrases lie in, plus the subject and object phrases found there.
//
// The rules are deliberately linear (no parse tree): a verb group is a run of auxiliaries,
// adverbs and verbs ("did not take", "was attacked", "will hold", "plans to visit"); a clause
// starts after a boundary (";", "that", "which", "who", a subordinating conjunction, the previous
// clause's verb) and its subject is the nearest noun phrase before the verb group that is not the
// object of a preposition, with appositions and conjoined noun phrases ("A and B") taken whole.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "communique/actor.h"
#include "communique/token.h"

namespace communique::code {

// A token range [begin, end).
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool empty() const { return begin >= end; }
};

struct NounPhrase {
  Span span;
  std::vector<int> actors;  // indices of ActorMentions inside (with "of" attachments)
  bool in_prep = false;     // object of a preposition
  uint32_t prep = 0;        // the preposition's token when in_prep
  bool pronoun = false;     // "it", "they", "its ..."
  uint32_t head = 0;        // last noun of the phrase
};

struct VerbGroup {
  Span span;                 // all of it: auxiliaries, adverbs, "to", the verbs
  std::vector<uint32_t> verbs;  // content verbs, left to right ("plans to visit": plans, visit)
  bool passive = false;
  bool negated = false;
  bool modal = false;        // will, would, may, plans to ...
  bool finite = true;        // false for a bare "to V" or a participle without auxiliary
  bool conditional = false;  // in an "if"/"unless" clause: hypothetical
  bool background = false;   // in a relative or causal clause ("who had ...", "because ...")
  bool conjoined = false;    // follows "and"/"or" directly after another verb group's clause
  Span pre_scope;            // where the subject and pattern words before the verb are looked for
  Span post_scope;           // where objects and pattern words after the verb are looked for
  int subject = -1;          // index into Clauses::phrases, -1 when none
  int inherit_subject_from = -1;  // verb group index whose subject this one shares
  // The verb group whose clausal complement this clause is: "said [they needed]", "alleged
  // [that the North admitted]"; -1 when none.
  int complement_of = -1;
  std::vector<int> subject_phrases;  // the subject and its conjuncts / appositions
};

struct Clauses {
  std::vector<NounPhrase> phrases;
  std::vector<VerbGroup> groups;
  std::vector<int> actor_at;  // token -> actor index covering it, -1
  std::vector<int> phrase_at;  // token -> noun phrase index covering it, -1
};

// Words the rules need, lower-case.
bool IsNegation(std::string_view norm);
bool IsPronoun(std::string_view norm);
// Prepositions whose object lends its actor to an actorless head: "Demonstrators in Baghdad",
// "Leaders of CSTO nations", "Militants loyal to Iraq's Al-Qaeda".
bool LendsActor(std::string_view prep);

Clauses AnalyzeClauses(const std::vector<Token>& tokens, const std::vector<ActorMention>& actors);

// "NP" / "VG" bracketing of the sentence, for `explain`.
std::string DescribeClauses(const std::vector<Token>& tokens, const Clauses& clauses);

}  // namespace communique::code
