// AnalyzeClauses: verb groups, noun phrases, clause scopes and subjects from tags and actors.
#include "code/clause.h"

#include <algorithm>

namespace communique::code {
namespace {

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

// Whether only subordinating words ("as Yerevan suspended") make a prepositional object before a
// finite verb its subject, or any preposition ("Demonstrators in Baghdad blocked"): measured on
// the development sets, the broader rule codes more subjects right.
constexpr bool kOnlySubordinators = false;

bool IsVerbTag(std::string_view t) { return t.size() >= 2 && t[0] == 'V' && t[1] == 'B'; }
bool IsNounTag(std::string_view t) { return t.size() >= 2 && t[0] == 'N' && t[1] == 'N'; }

bool IsBe(std::string_view w) {
  return In(w, {"be", "is", "are", "was", "were", "been", "being", "am", "'re", "'m", "get", "got",
                "gets", "getting", "gotten"});
}
bool IsHave(std::string_view w) { return In(w, {"have", "has", "had", "having", "'ve", "'d"}); }
bool IsDo(std::string_view w) { return In(w, {"do", "does", "did"}); }
bool IsModalWord(std::string_view w) {
  return In(w, {"will", "would", "shall", "should", "can", "could", "may", "might", "must", "'ll",
                "wo", "ca"});
}
// Verbs that put the event they govern in the future or in intention ("plans to visit").
bool IsIntentVerb(std::string_view w) {
  return In(w, {"plan", "plans", "planned", "planning", "intend", "intends", "intended", "want",
                "wants", "wanted", "hope", "hopes", "hoped", "expect", "expects", "expected",
                "aim", "aims", "aimed", "going", "prepare", "prepares", "preparing", "prepared",
                "scheduled", "set", "due", "likely"});
}

bool IsIntentAdjective(std::string_view w) {
  return In(w, {"willing", "ready", "eager", "poised", "determined", "prepared"});
}

bool IsBoundaryWord(std::string_view w) {
  return In(w, {";", ":", "that", "which", "who", "whom", "whose", "because", "while", "although",
                "though", "whereas", "unless", "if", "whether", "``", "\"", "\xe2\x80\x9c", "but"});
}

bool IsAdverbLike(const Token& t) {
  return t.tag == "RB" || t.tag == "RBR" || t.tag == "RBS" || IsNegation(t.norm);
}

// Tags that may sit inside a noun phrase.
bool IsNpTag(std::string_view t) {
  return IsNounTag(t) || In(t, {"DT", "PDT", "PRP$", "JJ", "JJR", "JJS", "CD", "POS", "PRP"});
}

}  // namespace

bool LendsActor(std::string_view prep) {
  return In(prep, {"of", "in", "from", "at", "throughout", "across", "within", "for", "to", "on"});
}

bool IsNegation(std::string_view w) { return In(w, {"not", "n't", "never", "no"}); }

bool IsPronoun(std::string_view w) {
  return In(w, {"it", "they", "he", "she", "its", "their", "his", "her", "them", "him", "we",
                "our"});
}

Clauses AnalyzeClauses(const std::vector<Token>& tokens, const std::vector<ActorMention>& actors) {
  Clauses out;
  const uint32_t n = static_cast<uint32_t>(tokens.size());
  out.actor_at.assign(n, -1);
  for (size_t a = 0; a < actors.size(); ++a)
    for (uint32_t i = actors[a].first_token; i < actors[a].last_token && i < n; ++i)
      if (out.actor_at[i] < 0) out.actor_at[i] = static_cast<int>(a);

  auto verbal = [&](uint32_t i) {
    if (i >= n || out.actor_at[i] >= 0) return false;
    return IsVerbTag(tokens[i].tag) || tokens[i].tag == "MD";
  };
  // "to" followed (after adverbs) by a base-form verb.
  auto infinitive_at = [&](uint32_t i) -> uint32_t {
    if (i >= n || tokens[i].norm != "to") return 0;
    uint32_t j = i + 1;
    while (j < n && IsAdverbLike(tokens[j])) ++j;
    return (j < n && verbal(j) && tokens[j].tag == "VB") ? j : 0;
  };

  // 1. Verb groups.
  std::vector<char> in_group(n, 0);
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
      if (IsAdverbLike(tokens[j])) {
        uint32_t k = j;
        while (k < n && IsAdverbLike(tokens[k])) ++k;
        if (k < n && (verbal(k) || infinitive_at(k))) { j = k; continue; }
        break;
      }
      if (infinitive_at(j) && j > i) { ++j; continue; }
      // "is willing to withdraw", "are ready to host": the adjective states an intention and the
      // infinitive is the deed, one group with the copula's subject.
      if (j > i && j + 1 < n && IsBe(tokens[j - 1].norm) && IsIntentAdjective(tokens[j].norm) &&
          infinitive_at(j + 1)) {
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
      const Token& t = tokens[k];
      if (IsNegation(t.norm)) g.negated = true;
      if (t.norm == "to") { after_to = true; continue; }
      if (!verbal(k)) continue;
      uint32_t next = k + 1;
      while (next < g.span.end && IsAdverbLike(tokens[next])) ++next;
      bool verb_follows = next < g.span.end && verbal(next);
      if (t.tag == "MD" || IsModalWord(t.norm)) {
        g.modal = true;
        saw_aux = true;
        continue;
      }
      if (verb_follows && (IsBe(t.norm) || IsHave(t.norm) || IsDo(t.norm))) {
        if (IsBe(t.norm)) saw_be = true;
        else saw_be = false;
        saw_aux = true;
        continue;
      }
      if (verb_follows && IsBe(t.norm) == false && t.norm == "been") saw_be = true;
      g.verbs.push_back(k);
      if (g.verbs.size() == 1) {
        if (saw_be && t.tag == "VBN") g.passive = true;
        if (saw_be && t.tag == "VBD" && !after_to) g.passive = true;  // tagger confusion
        if (!saw_aux && g.span.begin == k && (t.tag == "VBG" || t.tag == "VBN")) g.finite = false;
      }
      if (IsIntentVerb(t.norm) && next < g.span.end) g.modal = true;
      saw_be = false;
    }
    if (tokens[g.span.begin].norm == "to") g.finite = false;
    // "is opposed to", "is committed to", "are prepared to": adjectival participles, active in
    // meaning, unless an agent follows ("was sent to Iraq by ..." stays passive).
    if (g.passive && g.span.end < n && tokens[g.span.end].norm == "to") {
      bool agent = false;
      for (uint32_t k = g.span.end; k < n && k < g.span.end + 8; ++k)
        if (tokens[k].norm == "by") agent = true;
      if (!agent && g.verbs.size() == 1) g.passive = false;
    }
    // "is prepared to impose": the participle states an intention; the infinitive is active.
    if (g.passive && g.verbs.size() > 1 && IsIntentAdjective(tokens[g.verbs[0]].norm) &&
        tokens[g.verbs[0] + 1].norm == "to")
      g.passive = false;
    // "is" alone is a copula: no content verb, nothing to code, but it still bounds clauses.
    if (g.verbs.empty()) {
      uint32_t last = g.span.end - 1;
      while (last > g.span.begin && !verbal(last)) --last;
      if (verbal(last)) g.verbs.push_back(last);
    }
    for (uint32_t k = g.span.begin; k < g.span.end; ++k) in_group[k] = 1;
    out.groups.push_back(std::move(g));
    i = j;
  }

  // A bare past participle right after the sentence's first noun phrase, with no finite verb
  // before it, is the tagger confusing -ed forms ("Palestinian prisoners rioted in ..."): a
  // past tense, unless "by" follows (a reduced passive).
  for (size_t gi = 0; gi < out.groups.size(); ++gi) {
    VerbGroup& g = out.groups[gi];
    if (g.finite || g.verbs.empty() || tokens[g.verbs[0]].tag != "VBN" || g.verbs[0] != g.span.begin) continue;
    bool earlier_finite = false;
    for (size_t gj = 0; gj < gi; ++gj) earlier_finite = earlier_finite || out.groups[gj].finite;
    if (earlier_finite || g.span.begin == 0) continue;
    // An earlier participle with no comma since ("aircraft using precision guided missiles
    // killed") makes the -ed form a modifier inside that participle's object.
    if (gi > 0) {
      bool comma = false;
      for (uint32_t k = out.groups[gi - 1].span.end; k < g.span.begin; ++k)
        comma = comma || tokens[k].norm == ",";
      if (!comma) continue;
    }
    // "agents sexually abused": adverbs may stand between the noun and the verb.
    uint32_t b = g.span.begin - 1;
    while (b > 0 && IsAdverbLike(tokens[b])) --b;
    const Token& before = tokens[b];
    bool after_noun = IsNounTag(before.tag) || before.tag == "PRP" || out.actor_at[b] >= 0;
    bool by_follows = g.span.end < n && tokens[g.span.end].norm == "by";
    if (after_noun && !by_follows) g.finite = true;
  }

  // 2. Noun phrases outside verb groups; actors always count as noun material.
  for (uint32_t i = 0; i < n;) {
    auto np_token = [&](uint32_t k) {
      if (k >= n || in_group[k]) return false;
      if (out.actor_at[k] >= 0) return true;
      return IsNpTag(tokens[k].tag) && !IsBoundaryWord(tokens[k].norm);
    };
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
      if (j > i && tokens[j].tag == "PRP") break;
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
    const Token& first = tokens[p.span.begin];
    p.pronoun = (first.tag == "PRP" || first.tag == "PRP$") && IsPronoun(first.norm);
    if (p.span.begin > 0) {
      uint32_t b = p.span.begin - 1;
      const Token& prev = tokens[b];
      if ((prev.tag == "IN" || prev.tag == "TO") && !IsBoundaryWord(prev.norm) && !in_group[b]) {
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
    if (tokens[p.prep].norm == "with") continue;
    if (kOnlySubordinators && !In(tokens[p.prep].norm, {"as", "after", "before", "since", "until", "once", "because", "when",
                                  "while", "though", "although", "if", "unless", "whereas"}))
      continue;
    for (const VerbGroup& g : out.groups)
      if (g.span.begin == p.span.end && g.finite && tokens[g.span.begin].norm != "to") {
        p.in_prep = false;
        break;
      }
  }

  // 3. Clause scopes and subjects.
  auto is_boundary = [&](uint32_t k) {
    const Token& t = tokens[k];
    if (t.norm == "that" && t.tag != "IN" && t.tag != "WDT") return false;  // "that plan"
    return IsBoundaryWord(t.norm);
  };
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
      if (q.in_prep && q.prep == p.span.end && LendsActor(tokens[q.prep].norm))
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
    for (size_t gj = gi; gj-- > 0;)
      if (out.groups[gj].finite) {
        prev_end = out.groups[gj].span.end;
        break;
      }
    uint32_t left = prev_end;
    for (uint32_t k = g.span.begin; k-- > prev_end;)
      if (is_boundary(k)) {
        left = k + 1;
        break;
      }
    g.pre_scope = {left, g.span.begin};
    if (left > 0 && In(tokens[left - 1].norm, {"which", "who", "whom", "whose", "because", "after", "since", "while", "when"}))
      g.background = true;
    // "unless Israel rescinded", "if he gave them": a condition, not something that happened.
    if (left > 0 && In(tokens[left - 1].norm, {"if", "unless", "whether"})) {
      // "if cooperation founders, the minister said": a comma before the subject ends the
      // condition (the tagger may have missed the condition's own verb).
      uint32_t s = g.span.begin;
      if (s > 0 && out.phrase_at[s - 1] >= 0) s = out.phrases[out.phrase_at[s - 1]].span.begin;
      if (!(s > left && tokens[s - 1].norm == ",")) g.conditional = true;
    }
    for (const NounPhrase& p : out.phrases)
      if (p.span.end == g.span.begin && p.span.begin >= left && p.span.begin > 0 &&
          In(tokens[p.span.begin - 1].norm, {"if", "unless", "whether"}))
        g.conditional = true;

    // Verb coordination: "blew up the lines and killed two" shares the subject.
    uint32_t k = g.span.begin;
    while (k > left && IsAdverbLike(tokens[k - 1])) --k;
    if (gi > 0 && k > 0 && (tokens[k - 1].norm == "and" || tokens[k - 1].norm == "or" ||
                            tokens[k - 1].norm == "," || tokens[k - 1].norm == "but")) {
      // A participle after a comma ("rioted, setting fire to ...", ", saying it ...") is an
      // adjunct describing the main event, not a second event; "and V-ed" is coordination.
      bool coordinated = g.finite || tokens[k - 1].norm != ",";
      if (coordinated) {
        g.conjoined = true;
        g.inherit_subject_from = static_cast<int>(gi - 1);
      }
    }

    // Relative clause: "..., which/who VERB" takes the phrase before the pronoun.
    int chosen = -1;
    if (!g.conjoined) {
      uint32_t scan_begin = left;
      if (left > 0 && In(tokens[left - 1].norm, {"which", "who"}) && left == g.span.begin) {
        uint32_t rel = left - 1;
        uint32_t b = rel;
        while (b > 0 && tokens[b - 1].norm == ",") --b;
        for (int pi = static_cast<int>(out.phrases.size()) - 1; pi >= 0; --pi) {
          const NounPhrase& p = out.phrases[pi];
          if (p.span.end <= b && p.span.end + 2 >= b) {
            // Climb from an "of" object to the phrase it belongs to.
            int q = pi;
            while (q > 0 && out.phrases[q].in_prep && tokens[out.phrases[q].prep].norm == "of" &&
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
            if (fb > 0 && In(tokens[fb - 1].norm, {"until", "as", "when", "after", "before", "since", "once", "where"}))
              break;
            bool comma = false;
            for (uint32_t t = p.span.end; t < out.phrases[fallback].span.begin; ++t)
              comma = comma || tokens[t].norm == ",";
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
      if (!g.conjoined && s > 0 &&
          In(tokens[s - 1].norm, {"until", "as", "when", "after", "before", "since", "once", "where", "whereby"}))
        g.background = true;
      if (!g.conjoined && s == g.span.begin && s > 1 && tokens[s - 1].norm == "that" &&
          (IsNounTag(tokens[s - 2].tag) || out.actor_at[s - 2] >= 0))
        g.background = true;
    }
    if (chosen >= 0) {
      g.subject_phrases.push_back(chosen);
      // Conjuncts and list members: "Armenia, Belarus and Russia", "Jordan and Britain".
      auto joinable = [&](uint32_t a, uint32_t b) {  // tokens strictly between two phrases
        if (b < a) return false;
        for (uint32_t t = a; t < b; ++t) {
          const std::string& w = tokens[t].norm;
          if (!(w == "and" || w == "," || w == "or" || w == "as" || w == "well" || w == "both"))
            return false;
        }
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
      if (is_boundary(k) && tokens[k].norm != "that") {
        right = k;
        break;
      } else if (tokens[k].norm == "that" && is_boundary(k)) {
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
        while (stop > g.span.end && (IsAdverbLike(tokens[stop - 1]) || tokens[stop - 1].norm == "and" ||
                                     tokens[stop - 1].norm == "," || tokens[stop - 1].norm == "or"))
          --stop;
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
