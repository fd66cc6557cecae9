// The coder: tags a sentence, finds its actors and clauses, matches verb patterns and turns each
// coded clause into Events (every source x target pair). Inputs: a prepared Document (sentences)
// or one sentence; the DictionarySet, VerbPatternSet, PosTagger and CameoTable. Output: Events, and
// for `explain` the analysis with a note for every decision.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>

#include "code/clause.h"
#include "code/coder_impl.h"
#include "text/dates.h"
#include "text/fingerprint.h"

namespace communique::code {
namespace {

using Kind = PatternElement::Kind;

// Who a clause is about, resolved to an actor: from the dictionary or from the document context.
struct Resolved {
  EventActor actor;
  int mention = -1;  // ActorMention index in the sentence, -1 when resolved from context
  std::string how;   // for explain: "dictionary", "pronoun 'its' -> ...", ...
};

// Actors seen so far in a document, most recent last, for pronouns and short forms.
struct DocContext {
  DocumentContext persons;  // the dictionaries' memory of persons named in full
  std::vector<EventActor> recent;
  void Remember(const EventActor& a) {
    if (a.code.empty()) return;
    auto it = std::find_if(recent.begin(), recent.end(),
                           [&](const EventActor& r) { return r.code == a.code; });
    if (it != recent.end()) recent.erase(it);
    recent.push_back(a);
    if (recent.size() > 16) recent.erase(recent.begin());
  }
  EventActor last_subject;  // the source of the last coded clause: what "it"/"they" most often mean
  const EventActor* Person() const {
    // "he", "she", "his": the most recent actor that is a person or a role, not a bare state.
    for (auto it = recent.rbegin(); it != recent.rend(); ++it)
      if (it->code.size() > 3 && it->code.rfind("IGO", 0) != 0) return &*it;
    return nullptr;
  }
  const EventActor* Latest(bool want_igo, bool want_country) const {
    for (auto it = recent.rbegin(); it != recent.rend(); ++it) {
      bool igo = it->code.rfind("IGO", 0) == 0 || it->country == "IGO";
      if (want_igo && !igo) continue;
      if (want_country && igo) continue;
      return &*it;
    }
    return nullptr;
  }
};

bool In(std::string_view w, std::initializer_list<std::string_view> set) {
  for (auto s : set)
    if (w == s) return true;
  return false;
}

// Phoenix codes that stand where a country would but name no state.
bool IsTransnational(std::string_view c) {
  return In(c, {"IGO", "NGO", "NGM", "MNC", "IMG", "UIS", "MED", "INT", "REB", "OPP", "BUS", "CVL",
                "REL", "ELI", "JUD", "GOV", "MIL", "COP", "LEG", "PTY", "SPY", "REF", "CRM", "EDU",
                "LAB", "HLH", "AGR", "ENV", "SEP", "RAD", "MOD", "UAF", "JEW", "MUS", "CHR"});
}

// Nouns that refer back to an international organization or to a state.
bool IsOrganizationNoun(std::string_view w) {
  return In(w, {"bloc", "organization", "organisation", "alliance", "union", "body", "group",
                "grouping", "treaty", "coalition", "commission", "council", "assembly", "pact"});
}
bool IsStateNoun(std::string_view w) {
  return In(w, {"country", "government", "republic", "nation", "state", "administration",
                "authorities", "kingdom", "regime", "cabinet", "capital"});
}


struct PatternMatch {
  const VerbPattern* pattern = nullptr;  // nullptr: the verb's default code
  std::string code;
  std::string paired_code;
  int source_actor = -1;  // bound by $ or %
  int target_actor = -1;  // bound by + or %
};

class Matcher {
 public:
  static constexpr uint32_t kMaxGap = 4;

  Matcher(const std::vector<Token>& tokens, const std::vector<uint32_t>& ids, const Clauses& c)
      : tokens_(tokens), ids_(ids), c_(c) {}

  // The caller has checked VerbBlock::MayMatch.
  bool Match(const VerbPattern& p, Span pre, Span post, PatternMatch* m) const {
    int src = -1, tgt = -1;
    if (!p.before.empty() &&
        Seq(p.before, 0, pre.begin, pre.end, &src, &tgt, p.before_touches_verb ? int(pre.end) : -1, false,
            /*free_start=*/true) < 0)
      return false;
    if (!p.after.empty() && Seq(p.after, 0, post.begin, post.end, &src, &tgt, -1, p.after_touches_verb) < 0)
      return false;
    m->pattern = &p;
    m->code = p.code;
    m->paired_code = p.paired_code;
    m->source_actor = src;
    m->target_actor = tgt;
    return true;
  }

 private:
  // Matches elements [ei..] somewhere in [pos, end) in order, gaps allowed; returns the end of
  // the match or -1.
  // `must_end` >= 0: the match must end there (the word right before the verb); `at_pos`: the
  // first element must start at `pos` (the word right after the verb).
  int Seq(const std::vector<PatternElement>& els, size_t ei, uint32_t pos, uint32_t end, int* src,
          int* tgt, int must_end = -1, bool at_pos = false, bool free_start = false) const {
    if (ei == els.size()) return must_end < 0 || static_cast<int>(pos) == must_end ? static_cast<int>(pos) : -1;
    // Pattern words belong to the phrases right after the verb (or the previous word): a few
    // determiners and modifiers may intervene, but not a comma or a long stretch of text.
    // Before the verb, the first pattern word may be anywhere in the subject's stretch
    // ("Romendacil most certainly really did not clash": the pattern names "really did not").
    uint32_t limit = free_start ? end : std::min<uint32_t>(end, pos + (at_pos ? 1 : kMaxGap + 1));
    for (uint32_t p = pos; p < limit; ++p) {
      if (p > pos && tokens_[p - 1].norm == "," && !free_start) break;
      int s = *src, t = *tgt;
      int next = One(els[ei], p, end, &s, &t);
      if (next < 0) continue;
      int r = Seq(els, ei + 1, static_cast<uint32_t>(next), end, &s, &t, must_end);
      if (r >= 0) {
        *src = s;
        *tgt = t;
        return r;
      }
    }
    return -1;
  }

  int ActorAt(uint32_t p, uint32_t end, uint32_t* after) const {
    if (p < end && tokens_[p].tag == "DT" && p + 1 < end) ++p;
    if (p >= end) return -1;
    int a = c_.actor_at[p];
    if (a < 0 || (p > 0 && c_.actor_at[p - 1] == a)) return -1;
    uint32_t q = p;
    while (q < end && c_.actor_at[q] == a) ++q;
    *after = q;
    return a;
  }

  int One(const PatternElement& e, uint32_t p, uint32_t end, int* src, int* tgt) const {
    switch (e.kind) {
      case Kind::kWords:
        if (p >= end || !((e.first_mask >> (ids_[p] & 63)) & 1)) return -1;
        for (const WordSeq& alt : e.alternatives) {
          if (p + alt.size() > end) continue;
          bool ok = true;
          for (size_t k = 0; k < alt.size() && ok; ++k) ok = ids_[p + k] == alt[k];
          if (ok) return static_cast<int>(p + alt.size());
        }
        return -1;
      case Kind::kPrep: {
        if (p >= end || !((e.first_mask >> (ids_[p] & 63)) & 1)) return -1;
        for (const WordSeq& alt : e.alternatives) {
          if (alt.empty() || p + alt.size() > end) continue;
          bool ok = true;
          for (size_t k = 0; k < alt.size() && ok; ++k) ok = ids_[p + k] == alt[k];
          if (!ok) continue;
          uint32_t q = p + static_cast<uint32_t>(alt.size());
          // "praised Haiti's efforts to improve": "to" before a verb is an infinitive marker, not
          // the preposition a "(TO)" pattern asks for.
          if (alt.size() == 1 && tokens_[p].norm == "to" && q < tokens_.size() && tokens_[q].tag == "VB") continue;
          if (e.children.empty()) return static_cast<int>(q);
          // The phrase's words lie before the next preposition or clause punctuation.
          uint32_t pp_end = q;
          while (pp_end < end && tokens_[pp_end].tag != "IN" && tokens_[pp_end].norm != "," &&
                 tokens_[pp_end].norm != "to")
            ++pp_end;
          int r = Seq(e.children, 0, q, pp_end, src, tgt);
          if (r >= 0) return r;
        }
        return -1;
      }
      case Kind::kSource:
      case Kind::kTarget:
      case Kind::kCompound:
      case Kind::kSkip: {
        uint32_t after = 0;
        int a = ActorAt(p, end, &after);
        if (a < 0) return -1;
        if (e.kind == Kind::kSource || e.kind == Kind::kCompound) *src = a;
        if (e.kind == Kind::kTarget || e.kind == Kind::kCompound) *tgt = a;
        return static_cast<int>(after);
      }
    }
    return -1;
  }

  const std::vector<Token>& tokens_;
  const std::vector<uint32_t>& ids_;
  const Clauses& c_;
};

// Words stating an intention to do what the following verb says ("plans to", "is willing to").
bool IsIntentWord(const std::string& w) {
  return In(w, {"plan", "plans", "planned", "planning", "intend", "intends", "intended", "pledged", "pledges",
                "pledge", "promised", "promises", "promise", "vowed", "vows", "vow", "offered", "offers", "offer",
                "prepared", "prepare", "prepares", "preparing", "ready", "willing", "eager", "poised",
                "determined"});
}

// The CAMEO intent code for an event stated as future or intended, or "" when it stays as is.
std::string IntentCode(const std::string& code, const VerbGroup& g, const std::vector<Token>& tokens,
                       bool future_as_intent) {
  if (code.size() < 2 || code == "---") return "";
  bool intent = false;
  for (uint32_t k = g.span.begin; k < g.span.end; ++k) {
    const std::string& w = tokens[k].norm;
    if (future_as_intent && In(w, {"will", "would", "shall", "'ll", "wo"})) intent = true;
    if (k < g.verbs.back() && IsIntentWord(w)) intent = true;
  }
  if (!intent) return "";
  std::string root = code.substr(0, 2);
  if (root == "04") return "036";
  if (root == "05") return "032";
  if (root == "06") return "031";
  if (root == "07") return "033";
  if (root == "08") return "035";
  if (root == "16") return "131";
  if (root == "14") return "133";
  if (root == "17" || root == "18" || root == "19" || root == "20") return "138";
  return "";
}

// Whether relative and causal clauses are skipped once the sentence has a (non-statement) event.
constexpr bool kSkipBackground = true;

// Whether an event is coded when the clause names neither source nor target actor.
constexpr bool kActorless = true;

class CoderImpl : public Coder {
 public:
  explicit CoderImpl(CoderParts parts) : p_(std::move(parts)) {}

  std::vector<Event> CodeDocument(const Document& doc) const override {
    std::vector<Event> events;
    DocContext ctx;
    for (const Sentence& s : doc.sentences) {
      SentenceAnalysis a;
      std::string_view text = doc.SentenceText(s);
      CodeSentence(text, doc.published, ctx, &a, false);
      auto span = doc.RawSpan(s.begin, s.end);
      for (Event& e : a.events) {
        e.doc_id = doc.id;
        e.sentence = s.index;
        e.url = doc.url;
        e.evidence.begin = span.first;
        e.evidence.end = span.second;
        FinishEvent(e, doc.published);
        events.push_back(std::move(e));
      }
    }
    return events;
  }

  SentenceAnalysis Explain(std::string_view sentence, std::optional<Date> date) const override {
    SentenceAnalysis a;
    DocContext ctx;
    CodeSentence(sentence, date, ctx, &a, true);
    for (Event& e : a.events) {
      e.evidence.begin = 0;
      e.evidence.end = static_cast<uint32_t>(sentence.size());
      FinishEvent(e, date);
    }
    return a;
  }

 private:
  void FinishEvent(Event& e, std::optional<Date> published) const {
    if (!e.date && published) {
      e.date = published;
      e.date_source = "publication";
    }
    std::string key = e.doc_id + '\x1f' + std::to_string(e.sentence) + '\x1f' +
                      (e.source ? e.source->code : "") + '\x1f' +
                      (e.target ? e.target->code : "") + '\x1f' + e.cameo;
    e.event_id = "ev-" + text::Hex64(text::Fingerprint(key));
  }

  EventActor FromMention(const ActorMention& m, std::string_view sentence) const {
    EventActor a;
    a.text = m.text;
    if (a.text.empty() && !m.code.empty()) a.text = m.code;
    a.code = m.code;
    a.country = m.country;
    a.sector = m.sector;
    if (a.country.empty() && a.code.size() >= 3) a.country = a.code.substr(0, 3);
    return a;
  }

  // The one state every coded actor of the sentence belongs to, or "" (none, or several).
  static std::string SentenceCountry(const std::vector<ActorMention>& actors) {
    std::string only;
    for (const ActorMention& m : actors) {
      if (m.code.empty()) continue;
      std::string country = !m.country.empty() ? m.country : m.code.substr(0, std::min<size_t>(3, m.code.size()));
      if (country.size() != 3 || IsTransnational(country)) continue;
      if (!only.empty() && only != country) return "";
      only = country;
    }
    return only;
  }

  // The actors of a noun phrase: its own, those of an "of" phrase right after it, or the one a
  // pronoun or a short form ("the bloc", "the country") refers to.
  // `as_subject`: a role without a country may take the sentence's only state ("a judge opened
  // investigations against Chilean officials"); in an object ("its embassy", "in prison") it
  // names a place or an institution, not an actor.
  std::vector<Resolved> PhraseActors(int pi, const Clauses& c, const std::vector<Token>& tokens,
                                     const std::vector<ActorMention>& actors,
                                     std::string_view sentence, const DocContext& ctx,
                                     bool as_subject = false) const {
    std::vector<Resolved> out;
    const NounPhrase& p = c.phrases[pi];
    auto add_mention = [&](int a) {
      const ActorMention& m = actors[a];
      Resolved r;
      r.actor = FromMention(m, sentence);
      r.mention = a;
      r.how = "dictionary";
      if (r.actor.code.empty()) {
        // "the U.N. war crimes court", "White House security officials": the phrase's own coded
        // actor already says whose role it is.
        bool owned = false;
        for (int o : p.actors) owned = owned || !actors[o].code.empty();
        if (owned) return;
        // A role noun without a country ("the president"): the country in context.
        if (p_.role_without_country == CoderOptions::RoleWithoutCountry::kNone) {
          return;
        } else if (p_.role_without_country == CoderOptions::RoleWithoutCountry::kUnknown) {
          if (m.sector.empty()) return;
          r.actor.code = "---" + m.sector;
          r.actor.country = "---";
          r.how = "role '" + m.text + "' without a country";
        } else if (const EventActor* s = ctx.Latest(false, true); s && !m.sector.empty()) {
          r.actor.code = s->country + m.sector;
          r.actor.country = s->country;
          r.how = "role '" + m.text + "' with country from context " + s->country;
        } else if (std::string only = as_subject ? SentenceCountry(actors) : std::string();
                   !only.empty() && !m.sector.empty()) {
          // "Judge Alejandro Rivera opened investigations against Chilean officials": with no
          // earlier context, a role belongs to the one state the sentence is about.
          r.actor.code = only + m.sector;
          r.actor.country = only;
          r.how = "role '" + m.text + "' with the sentence's only country " + only;
        } else {
          return;
        }
      }
      for (auto& o : out)
        if (o.actor.code == r.actor.code) return;
      out.push_back(std::move(r));
    };
    for (int a : p.actors) add_mention(a);
    // Agents composed in front of a country keep only the most specific one per country.
    if (out.size() > 1) {
      std::vector<Resolved> kept;
      for (auto& r : out) {
        bool shadowed = false;
        for (auto& o : out)
          if (&o != &r && o.actor.country == r.actor.country && o.actor.code.size() > r.actor.code.size() &&
              o.actor.code.rfind(r.actor.code, 0) == 0)
            shadowed = true;
        if (!shadowed) kept.push_back(r);
      }
      out = std::move(kept);
    }
    if (!out.empty()) return out;
    if (pi + 1 < static_cast<int>(c.phrases.size())) {
      const NounPhrase& q = c.phrases[pi + 1];
      if (q.in_prep && q.prep == p.span.end && LendsActor(tokens[q.prep].norm)) {
        for (int a : q.actors) add_mention(a);
        if (!out.empty()) return out;
      }
    }
    const std::string& head = tokens[p.head].norm;
    const std::string& first = tokens[p.span.begin].norm;
    const EventActor* ref = nullptr;
    std::string how;
    if (p.pronoun) {
      bool personal = In(first, {"he", "she", "his", "her", "him"});
      ref = IsOrganizationNoun(head) ? ctx.Latest(true, false) : nullptr;
      if (!ref && personal) ref = ctx.Person();
      if (!ref && !personal && !ctx.last_subject.code.empty()) ref = &ctx.last_subject;
      if (!ref) ref = ctx.Latest(false, false);
      how = "pronoun '" + first + "'";
    } else if (first == "the" || first == "this" || first == "that") {
      if (IsOrganizationNoun(head)) {
        ref = ctx.Latest(true, false);
        how = "short form 'the " + head + "'";
      } else if (IsStateNoun(head)) {
        ref = ctx.Latest(false, true);
        how = "short form 'the " + head + "'";
      }
    }
    // A capital named for its government ("Yerevan suspended ...", "Moscow said").
    uint32_t name_at = p.span.begin + (tokens[p.span.begin].tag == "DT" ? 1 : 0);
    if (!ref && p_.gazetteer && !p.pronoun && name_at < p.span.end &&
        (tokens[name_at].tag == "NNP" || tokens[name_at].tag == "NNPS")) {
      auto m = p_.gazetteer->MatchAt(tokens, name_at);
      if (m && m->place && m->place->kind == Place::Kind::kCapital && m->last_token == p.span.end) {
        Resolved r;
        r.actor.text = std::string(sentence.substr(tokens[m->first_token].begin,
                                                   tokens[m->last_token - 1].end - tokens[m->first_token].begin));
        r.actor.code = m->place->country;
        r.actor.country = m->place->country;
        r.how = "capital '" + m->place->name + "' -> " + m->place->country + " (gazetteer)";
        out.push_back(std::move(r));
        return out;
      }
    }
    if (ref) {
      Resolved r;
      r.actor = *ref;
      r.actor.text = std::string(sentence.substr(tokens[p.span.begin].begin,
                                                 tokens[p.span.end - 1].end - tokens[p.span.begin].begin));
      r.how = how + " -> " + ref->code;
      out.push_back(std::move(r));
    }
    return out;
  }

  static bool IsDeontic(const VerbGroup& g, const std::vector<Token>& tokens) {
    for (uint32_t k = g.span.begin; k < g.span.end; ++k) {
      const std::string& w = tokens[k].norm;
      if (w == "must" || w == "should" || w == "ought") return true;
      if ((w == "has" || w == "have" || w == "need" || w == "needs") && k + 1 < g.span.end &&
          tokens[k + 1].norm == "to")
        return true;
    }
    return false;
  }

  void AddEvent(SentenceAnalysis* a, const Resolved* s, const Resolved* t, const std::string& code,
                std::string_view sentence, const std::string& verb, const std::string& pattern,
                std::vector<std::string>* notes) const {
    Event e;
    if (s) e.source = s->actor;
    if (t) e.target = t->actor;
    e.cameo = code;
    if (const CameoCode* cc = p_.cameo->Find(code)) {
      e.plover = cc->plover;
      e.quad_class = cc->quad_class;
      e.goldstein = cc->goldstein;
    }
    e.evidence.sentence = std::string(sentence);
    e.evidence.verb = verb;
    e.evidence.pattern = pattern;
    for (auto& o : a->events)
      if (o.cameo == e.cameo && (o.source ? o.source->code : "") == (e.source ? e.source->code : "") &&
          (o.target ? o.target->code : "") == (e.target ? e.target->code : ""))
        return;
    if (notes)
      notes->push_back("  event: " + (s ? s->actor.code : std::string("-")) + " " + code + " " +
                       (t ? t->actor.code : std::string("-")) + (e.plover.empty() ? "" : " (" + e.plover + ")"));
    a->events.push_back(std::move(e));
  }

  struct VerbChoice {
    uint32_t verb = 0;
    const VerbForm* form = nullptr;
    uint32_t after = 0;  // first token after the verb and its particles
    PatternMatch match;
  };

  // Tries the group's verbs left to right ("agreed to hold": agreed, then hold); the first one
  // with an event code wins.
  bool ChooseVerb(const VerbGroup& g, const std::vector<Token>& tokens,
                  const std::vector<uint32_t>& ids, const Clauses& c, VerbChoice* out,
                  std::vector<std::string>* notes) const {
    Matcher matcher(tokens, ids, c);
    // "prepared to impose", "plans to attack": the intended deed is the event (made an intent
    // below); the intention verb's own code is the fallback.
    uint32_t order[8];
    size_t nv = std::min<size_t>(g.verbs.size(), 8);
    std::copy_n(g.verbs.begin(), nv, order);
    if (nv > 1 && IsIntentWord(tokens[order[0]].norm)) std::rotate(order, order + 1, order + nv);
    for (size_t vi = 0; vi < nv; ++vi) {
      uint32_t v = order[vi];
      const auto* forms = p_.verbs->Forms(ids[v]);
      // "reimposed", "re-imposed": the verb without its prefix, when the dictionary knows it.
      if (!forms) {
        std::string_view w = tokens[v].norm;
        if (w.size() > 5 && w.substr(0, 2) == "re") {
          std::string_view rest = w.substr(w[2] == '-' ? 3 : 2);
          forms = p_.verbs->Forms(p_.verbs->WordId(rest));
        }
      }
      if (!forms) {
        if (notes) notes->push_back("  verb '" + tokens[v].norm + "': not in the verb dictionary");
        continue;
      }
      bool blocked = false;
      VerbChoice best;
      int best_spec = -1;
      size_t best_particles = 0;
      for (const VerbForm& f : *forms) {
        uint32_t q = v + 1;
        bool ok = true;
        for (uint32_t part : f.particles) {
          while (q < tokens.size() && (tokens[q].tag == "RB" && ids[q] != part)) ++q;
          if (q >= tokens.size() || ids[q] != part) {
            ok = false;
            break;
          }
          ++q;
        }
        if (!ok) continue;
        if (best.form && f.particles.size() < best_particles) continue;
        const VerbBlock& b = p_.verbs->block(f.block);
        Span post{q, std::max(q, g.post_scope.end)};
        // Words between the auxiliaries and this verb count as "before" too ("to" + verb).
        // Pattern words before the verb describe its subject ("&MILITARY *"): only the subject
        // phrases count, not everything between the clause start and the verb.
        Span pre{v, v};
        for (int pi : g.subject_phrases) {
          pre.begin = std::min(pre.begin, c.phrases[pi].span.begin);
        }
        if (!g.subject_phrases.empty()) pre.end = c.phrases[g.subject_phrases.front()].span.end;
        // The group's own words before the verb ("did n't", "has not", "unexpectedly") are
        // pattern words before "*" too ("&NEGATVAUXVRB * OVER EFFORTS", "ABRUPTLY * TALKS"):
        // when the subject ends where the group starts (or there is none), the stretch runs on
        // to the verb.
        if (g.subject_phrases.empty()) {
          pre = Span{g.span.begin, v};
        } else {
          // Adverbs between the subject and the group ("Romendacil unexpectedly won't clash").
          uint32_t q = pre.end;
          while (q < g.span.begin && tokens[q].tag.starts_with("RB")) ++q;
          if (q == g.span.begin) pre.end = v;
        }
        PatternMatch m;
        bool matched = false;
        for (size_t pi = 0; pi < b.patterns.size(); ++pi) {
          if (!b.MayMatch(pi, present_words_.data())) continue;
          if (matcher.Match(b.patterns[pi], pre, post, &m)) {
            matched = true;
            break;
          }
        }
        if (!matched) {
          m.pattern = nullptr;
          m.code = !f.code.empty() ? f.code : b.code;
          m.paired_code = !f.code.empty() ? f.paired_code : b.paired_code;
        }
        int spec = matched ? m.pattern->specificity + 1 : 0;
        // On equal footing, a reading with an event code beats one without (an overlay block
        // giving a verb the default code the main dictionary lacks).
        bool better_code = spec == best_spec && best.form && best.match.code == "---" &&
                           m.code != "---" && f.particles.size() == best_particles;
        // Between two matched patterns of equal specificity, the later-read file's wins: the
        // overlay refines the main dictionary ("staged a hunger strike in prison" is a protest).
        bool later_pattern = matched && spec == best_spec && best.form && best.match.pattern &&
                             f.particles.size() == best_particles && f.block > best.form->block;
        if (f.particles.size() > best_particles || spec > best_spec || better_code || later_pattern) {
          best.verb = v;
          best.form = &f;
          best.after = q;
          best.match = m;
          best_spec = spec;
          best_particles = f.particles.size();
        }
      }
      if (!best.form) continue;
      const VerbBlock& b = p_.verbs->block(best.form->block);
      if (notes) {
        std::string how = best.match.pattern
                              ? "pattern '" + best.match.pattern->text + " [" + best.match.code + "]' (" +
                                    best.match.pattern->file + ":" + std::to_string(best.match.pattern->line) + ")"
                              : "no pattern matched; verb default [" + best.match.code + "]";
        notes->push_back("  verb '" + tokens[v].norm + "' = " + best.form->lemma + " in block " + b.name +
                         ": " + how);
      }
      if ((best.match.code == "---" || best.match.code.empty()) &&
          (best.match.paired_code.empty() || best.match.paired_code == "---")) {
        blocked = best.match.pattern != nullptr;
        if (blocked && notes) notes->push_back("  null code: the pattern says this is no event");
        continue;
      }
      *out = best;
      return true;
    }
    return false;
  }

  void CodeSentence(std::string_view sentence, std::optional<Date> date, DocContext& ctx,
                    SentenceAnalysis* a, bool explain) const {
    a->tokens = Tokenize(sentence);
    auto& tokens = a->tokens;
    p_.tagger->Tag(sentence, tokens);
    // Verb-dictionary word ids, looked up once: the tag fixes, the verb choice and the pattern
    // matcher all work on them.
    thread_local std::vector<uint32_t> ids;
    ids.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) ids[i] = p_.verbs->WordId(tokens[i].norm);
    // The tagger's lexicon misses verb readings of some nouns ("would blockade", "Israel
    // reimposed blockades"): a noun-tagged word the verb dictionary knows as a verb form is a verb
    // after a modal (base form) and, ending in -ed, right after a proper noun (past tense).
    for (size_t i = 1; i < tokens.size(); ++i) {
      Token& t = tokens[i];
      // Most words do not end in -ed: test that first (this loop runs for every token).
      if (t.norm.size() > 4 && t.norm.ends_with("ed") && (t.tag == "JJ" || t.tag == "NN" || t.tag == "VBN") &&
          p_.verbs->Forms(ids[i])) {
        const std::string& before = tokens[i - 1].norm;
        // "has celebrated Eid": after a form of "have", an -ed word the verb dictionary knows is
        // the perfect's participle, not an adjective.
        if (t.tag != "VBN" && In(before, {"has", "have", "had"})) {
          t.tag = "VBN";
          continue;
        }
        // "condemned an attack ... and promised aid to": an -ed word after "and" whose nearest
        // verb before is a past tense is that verb's conjoined past tense, not an adjective.
        if (t.tag != "NN" && before == "and" && i + 1 < tokens.size() &&
            In(tokens[i + 1].tag, {"NN", "NNS", "DT", "PRP$", "JJ", "CD"})) {
          size_t j = i - 1;
          while (j > 0 && !tokens[j - 1].tag.starts_with("VB") && tokens[j - 1].tag != "MD") --j;
          if (j > 0 && tokens[j - 1].tag == "VBD") {
            t.tag = "VBD";
            continue;
          }
        }
      }
      if (t.tag != "NN" || !p_.verbs->Forms(ids[i])) continue;
      const std::string& prev = tokens[i - 1].tag;
      if (prev == "MD") t.tag = "VB";
      else if (prev == "NNP" && t.norm.size() > 4 && t.norm.ends_with("ed")) t.tag = "VBD";
      // "the government reneged on": after a common noun too, when the -ed form is an inflection
      // (not a base form like "speed") and a preposition or determiner follows.
      else if ((prev == "NN" || prev == "NNS") && t.norm.size() > 4 && t.norm.ends_with("ed") &&
               i + 1 < tokens.size() && In(tokens[i + 1].tag, {"IN", "DT", "PRP$", "TO"})) {
        bool inflected = true;
        for (const VerbForm& f : *p_.verbs->Forms(ids[i]))
          if (f.lemma.size() == t.norm.size()) inflected = false;
        if (inflected) t.tag = "VBD";
      }
    }
    std::vector<std::string>* notes = explain ? &a->notes : nullptr;
    if (explain) {
      std::string line = "tokens:";
      for (auto& t : tokens) line += " " + std::string(sentence.substr(t.begin, t.end - t.begin)) + "/" + t.tag;
      notes->push_back(line);
    }
    // The Phoenix discard list names every year from 1914 on (meant to drop historical
    // chronologies); a year in news text dates an event, it does not make the sentence history.
    // Years are masked for the discard check only.
    auto is_year = [](const Token& t) {
      return t.norm.size() == 4 &&
             std::all_of(t.norm.begin(), t.norm.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    };
    bool discarded;
    if (std::any_of(tokens.begin(), tokens.end(), is_year)) {
      thread_local std::vector<Token> masked;
      masked.assign(tokens.begin(), tokens.end());
      for (Token& t : masked)
        if (is_year(t)) t.norm = "#year";
      discarded = p_.dictionaries->IsDiscarded(masked);
    } else {
      discarded = p_.dictionaries->IsDiscarded(tokens);
    }
    // A discard phrase inside a relative clause ("whom they had taken hostage two weeks ago,")
    // makes that clause background history, not the sentence: when masking relative clauses
    // removes every discard phrase, the sentence is coded without their verbs.
    thread_local std::vector<Span> discarded_clauses;
    discarded_clauses.clear();
    if (discarded) {
      thread_local std::vector<Token> masked;
      masked.assign(tokens.begin(), tokens.end());
      for (size_t i = 0; i < masked.size(); ++i) {
        if (is_year(masked[i])) masked[i].norm = "#year";
        const std::string& w = tokens[i].norm;
        if (i == 0 || (w != "who" && w != "whom" && w != "which" && w != "that")) continue;
        // The clause runs to a comma or to the next finite verb after its own ("who was accused
        // of ... years ago was arrested": the main clause resumes at "was arrested").
        size_t j = i;
        bool own_verb = false;
        while (j < masked.size() && masked[j].norm != "," && masked[j].norm != ";") {
          const std::string& tag = tokens[j].tag;
          bool finite = tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD";
          if (finite && own_verb) {
            const Token& prev = tokens[j - 1];
            bool verbal_prev = prev.tag.starts_with("VB") || prev.tag == "MD" || prev.tag == "TO" ||
                               prev.norm == "and" || prev.norm == "or";
            if (!verbal_prev) break;
          }
          if (finite) own_verb = true;
          masked[j++].norm = "#relative";
        }
        discarded_clauses.push_back(Span{static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
        i = j;
      }
      // The same for a closing apposition or participle phrase without a finite verb of its own
      // (", a place of worship destroyed by the Nazis in World War II."): background, not the
      // sentence's event.
      size_t last_comma = masked.size();
      for (size_t i = masked.size(); i-- > 1;)
        if (tokens[i].norm == ",") {
          last_comma = i;
          break;
        }
      if (last_comma < masked.size()) {
        bool finite = false;
        for (size_t j = last_comma + 1; j < masked.size(); ++j) {
          const std::string& tag = tokens[j].tag;
          finite = finite || tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD";
        }
        bool verb_before = false;
        for (size_t j = 0; j < last_comma; ++j) {
          const std::string& tag = tokens[j].tag;
          verb_before = verb_before || tag == "VBD" || tag == "VBZ" || tag == "VBP" || tag == "MD";
        }
        if (!finite && verb_before) {
          for (size_t j = last_comma; j < masked.size(); ++j) masked[j].norm = "#apposition";
          discarded_clauses.push_back(Span{static_cast<uint32_t>(last_comma), static_cast<uint32_t>(masked.size())});
        }
      }
      if (!discarded_clauses.empty() && !p_.dictionaries->IsDiscarded(masked)) {
        discarded = false;
        if (notes) notes->push_back("discard phrase only in a relative clause or closing apposition; that part is not coded");
      }
    }
    if (discarded) {
      if (notes) notes->push_back("discarded: a discard phrase occurs; the sentence is not coded");
      return;
    }
    a->actors = p_.dictionaries->FindActors(sentence, tokens, date, &ctx.persons);
    for (auto& m : a->actors)
      if (m.text.empty() && m.first_token < m.last_token && m.last_token <= tokens.size())
        m.text = std::string(sentence.substr(tokens[m.first_token].begin,
                                             tokens[m.last_token - 1].end - tokens[m.first_token].begin));
    const auto& actors = a->actors;
    if (explain) {
      for (auto& m : actors)
        notes->push_back("actor: '" + m.text + "' -> " + (m.code.empty() ? "(role " + m.sector + ")" : m.code) +
                         (m.why.empty() ? "" : " (" + m.why + ")"));
    }
    // "[###]" is how TABARI and PETRARCH actor dictionaries mark a name whose sentences are not
    // news to code (fiction, sports teams, a homonym): the whole sentence is discarded.
    for (auto& m : actors)
      if (m.code == "###") {
        if (notes) notes->push_back("discarded: actor '" + m.text + "' has the discard code [###]");
        a->events.clear();
        return;
      }
    // "demanded that the Sudanese government end curbs": in a "that" clause, a noun-tagged word
    // the verb dictionary knows, right after the clause's actor and before its object, is the
    // clause's (subjunctive) verb; the tagger's lexicon reads "end" as a noun.
    for (size_t i = 2; i + 1 < tokens.size(); ++i) {
      Token& t = tokens[i];
      if (t.tag != "NN" || !p_.verbs->Forms(ids[i])) continue;
      const ActorMention* before = nullptr;
      for (auto& m : actors)
        if (m.last_token == i && !m.code.empty()) before = &m;
      if (!before) continue;
      for (auto& m : actors)
        if (m.first_token <= i && i < m.last_token) before = nullptr;
      if (!before) continue;
      uint32_t start = before->first_token;
      if (start > 0 && tokens[start - 1].tag == "DT") --start;
      if (start == 0 || tokens[start - 1].norm != "that") continue;
      const std::string& next = tokens[i + 1].tag;
      if (next == "NNS" || next == "DT" || next == "PRP$" || next == "JJ") t.tag = "VB";
    }
    Clauses c = AnalyzeClauses(tokens, actors);
    if (explain) notes->push_back("phrases: " + DescribeClauses(tokens, c));

    present_words_.resize(p_.verbs->word_count());
    for (uint32_t id : ids) present_words_[id] = 1;
    struct Reset {
      const std::vector<uint32_t>& ids;
      ~Reset() {
        for (uint32_t id : ids) present_words_[id] = 0;
      }
    } reset{ids};

    std::vector<std::vector<Resolved>> group_sources(c.groups.size());
    std::vector<std::string> group_codes(c.groups.size());
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      const VerbGroup& g = c.groups[gi];
      std::string vg = notes ? std::string(sentence.substr(tokens[g.span.begin].begin,
                                                           tokens[g.span.end - 1].end - tokens[g.span.begin].begin))
                             : std::string();
      // Subjects, resolved, are computed for every group so that conjoined verbs can share them.
      std::vector<Resolved> subjects;
      if (g.inherit_subject_from >= 0) {
        subjects = group_sources[g.inherit_subject_from];
      } else {
        for (int pi : g.subject_phrases) {
          auto r = PhraseActors(pi, c, tokens, actors, sentence, ctx, true);
          for (auto& x : r) subjects.push_back(std::move(x));
        }
      }
      group_sources[gi] = subjects;
      if (notes) notes->push_back("verb group '" + vg + "'" + (g.passive ? " (passive)" : "") +
                                  (g.negated ? " (negated)" : "") + (g.modal ? " (modal/future)" : "") +
                                  (!g.finite && !g.conjoined ? " (non-finite)" : ""));
      if (!g.finite && !g.conjoined) {
        // "to provide aid" after a clause whose object is not a noun phrase of its own shares
        // that clause's subject ("it is carrying out with Belarus to provide aid").
        bool controlled = false;
        if (gi > 0 && tokens[g.span.begin].norm == "to" && c.groups[gi - 1].finite) {
          controlled = true;
          for (auto& p : c.phrases)
            if (p.span.begin >= c.groups[gi - 1].span.end && p.span.end <= g.span.begin && !p.in_prep)
              controlled = false;
          if (controlled) subjects = group_sources[gi - 1];
        }
        // "the efforts made by Russia to help Syria", "measures taken by the government to curb
        // prices": the agent of a participle modifying a noun is whose purpose the infinitive
        // states.
        if (!controlled && gi > 0 && tokens[g.span.begin].norm == "to") {
          const VerbGroup& h = c.groups[gi - 1];
          int agent = -1;
          bool only_agents = !h.finite && !h.verbs.empty() && tokens[h.verbs.back()].tag == "VBN";
          std::vector<int> agents;
          for (size_t pi = 0; only_agents && pi < c.phrases.size(); ++pi) {
            const NounPhrase& p = c.phrases[pi];
            if (p.span.begin < h.span.end || p.span.end > g.span.begin) continue;
            if (agent < 0) {
              // The participle's "by" phrase comes first, right after it.
              only_agents = p.in_prep && p.prep == h.span.end && tokens[p.prep].norm == "by";
              agent = static_cast<int>(pi);
            } else {
              // "by Russia and Iran": conjuncts joined by "and", "or", commas only.
              for (uint32_t t = c.phrases[agents.back()].span.end; t < p.span.begin; ++t)
                if (!In(tokens[t].norm, {"and", "or", ","})) only_agents = false;
            }
            agents.push_back(static_cast<int>(pi));
          }
          if (only_agents && !agents.empty() && c.phrases[agents.back()].span.end == g.span.begin) {
            std::vector<Resolved> by;
            for (int pi : agents)
              for (auto& x : PhraseActors(pi, c, tokens, actors, sentence, ctx, true)) by.push_back(std::move(x));
            if (!by.empty()) {
              controlled = true;
              subjects = std::move(by);
              if (notes) notes->push_back("  subject: the agent of '" + tokens[h.verbs.back()].norm + "'");
            }
          }
        }
        // "issued a declaration demanding that ...": a participle of demand or appeal right
        // after the previous clause's object states that clause's subject's demand.
        // After a comma ("appeared in court, complaining that ..."), a participle of complaint
        // or rejection is the subject's too.
        bool after_comma = g.span.begin > 0 && tokens[g.span.begin - 1].norm == ",";
        if (!controlled && gi > 0 && tokens[g.span.begin].tag == "VBG" &&
            c.groups[gi - 1].finite && !group_sources[gi - 1].empty()) {
          VerbChoice probe;
          auto root_is = [&](const char* r) { return probe.match.code.rfind(r, 0) == 0; };
          if (ChooseVerb(g, tokens, ids, c, &probe, nullptr) &&
              (after_comma ? root_is("11") : (root_is("10") || root_is("02")))) {
            controlled = true;
            subjects = group_sources[gi - 1];
          }
        }
        if (!controlled) {
          if (notes) notes->push_back("  not coded: not a finite clause");
          continue;
        }
      }
      // "offered concessions that Nitze believed could lead ...": after the object of a verb that
      // takes no clause ("offer", "attack", "reject"; not "say", "urge", "accept", "warn"),
      // "that" opens a relative clause about the object, background like any other.
      bool relative = false;
      if (g.complement_of >= 0 && !g.background && g.pre_scope.begin > 0 &&
          tokens[g.pre_scope.begin - 1].norm == "that") {
        const VerbGroup& h = c.groups[g.complement_of];
        const std::string& hc = group_codes[g.complement_of];
        bool object = false;
        for (auto& p : c.phrases)
          object = object || (p.span.begin >= h.span.end && p.span.end < g.pre_scope.begin && !p.in_prep);
        relative = object && hc.size() >= 2 && hc != "---" && !In(hc.substr(0, 2), {"01", "02", "08", "10", "13"});
      }
      // Relative and causal clauses give the background of the sentence's event; they are coded
      // only when the sentence has no event of its own.
      // "named two soldiers who were killed by rebels", "members who have died since the war":
      // a who/which clause describes a participant, not the event the sentence reports; coding
      // it when the main verb has no code made descriptions into events (measured on both sets).
      if (g.background && g.pre_scope.begin > 0 && In(tokens[g.pre_scope.begin - 1].norm, {"who", "which", "whom"})) {
        if (notes) notes->push_back("  not coded: relative clause");
        continue;
      }
      if ((g.background || relative) && kSkipBackground && !a->events.empty()) {
        bool main_event = false;
        for (auto& e : a->events) main_event = main_event || e.cameo.rfind("01", 0) != 0;
        if (main_event) {
          if (notes) notes->push_back("  not coded: background clause of an already coded event");
          continue;
        }
      }
      if (std::any_of(discarded_clauses.begin(), discarded_clauses.end(),
                      [&](const Span& d) { return g.span.begin >= d.begin && g.span.begin < d.end; })) {
        if (notes) notes->push_back("  not coded: in a relative clause holding a discard phrase");
        continue;
      }
      if (g.conditional) {
        if (notes) notes->push_back("  not coded: a condition ('if', 'unless'), not an event that happened");
        continue;
      }
      // "demanded that Hamas renounce violence": what a demand asks for has not happened; the
      // demand (coded on its own verb, with this clause's subject as target) is the event.
      if (uint32_t q = g.pre_scope.begin; q > 0 && tokens[q - 1].norm == "that" && !g.conjoined) {
        bool demanded = false;
        for (size_t gj = 0; gj < gi; ++gj)
          if (c.groups[gj].post_scope.end == q - 1 &&
              (group_codes[gj].rfind("10", 0) == 0 || group_codes[gj].rfind("02", 0) == 0))
            demanded = true;
        if (demanded) {
          if (notes) notes->push_back("  not coded: what a demand or appeal asks for, not an event that happened");
          continue;
        }
      }
      if (g.negated) {
        // Unless a pattern names the negation itself ("HAS NOT * [142]"): the dictionary then
        // says what not doing it means.
        VerbChoice probe;
        if (!ChooseVerb(g, tokens, ids, c, &probe, nullptr) || !probe.match.pattern ||
            !probe.match.pattern->negated) {
          if (notes) notes->push_back("  not coded: negated ('not', 'never', ...) — the event did not happen");
          continue;
        }
        if (notes) notes->push_back("  negated, and the verb pattern names the negation: coded as the pattern says");
      }
      // "Straw said Sudan must reach an agreement": what a speaker says someone must do is the
      // speaker's demand on them (CAMEO 10, PLOVER REQUEST), not the deed itself.
      if (IsDeontic(g, tokens)) {
        int speaker = -1;
        for (size_t gj = gi; gj-- > 0;)
          if (group_codes[gj].rfind("01", 0) == 0) {
            speaker = static_cast<int>(gj);
            break;
          }
        // "The forum concluded that the US must allocate more": the verb whose "that" clause
        // this is speaks, whatever its own code.
        if (speaker < 0 && g.pre_scope.begin > 0 && tokens[g.pre_scope.begin - 1].norm == "that")
          for (size_t gj = gi; gj-- > 0;)
            if (c.groups[gj].post_scope.end == g.pre_scope.begin - 1 && c.groups[gj].finite) {
              speaker = static_cast<int>(gj);
              break;
            }
        if (speaker >= 0 && (!group_sources[speaker].empty() || kActorless)) {
          const VerbGroup& sg = c.groups[speaker];
          std::string verb_text(sentence.substr(tokens[sg.span.begin].begin,
                                                tokens[g.span.end - 1].end - tokens[sg.span.begin].begin));
          std::vector<const Resolved*> tl;
          for (auto& t : subjects) tl.push_back(&t);
          if (tl.empty()) tl.push_back(nullptr);
          std::vector<const Resolved*> sl;
          for (auto& sp : group_sources[speaker]) sl.push_back(&sp);
          if (sl.empty()) sl.push_back(nullptr);
          for (auto* sp : sl)
            for (auto* t : tl) {
              if (t && sp && t->actor.code == sp->actor.code) continue;
              AddEvent(a, sp, t, "100", sentence, verb_text, "reported obligation ('must', 'should') [100]", notes);
            }
          group_codes[gi] = "100";
          continue;
        }
        // "..., saying he must resign": an obligation with no coded speaker is still no deed.
        if (notes) notes->push_back("  not coded: an obligation ('must', 'should'), not an event that happened");
        continue;
      }
      VerbChoice choice;
      if (!ChooseVerb(g, tokens, ids, c, &choice, notes)) {
        if (notes) notes->push_back("  not coded: no verb with an event code");
        continue;
      }
      group_codes[gi] = choice.match.code;
      // Sources and targets.
      std::vector<Resolved> sources, targets;
      int by_phrase = -1;
      int first_obj = -1;
      for (size_t pi = 0; pi < c.phrases.size(); ++pi) {
        const NounPhrase& p = c.phrases[pi];
        if (p.span.begin < choice.after || p.span.end > g.post_scope.end) continue;
        if (g.passive && p.in_prep && tokens[p.prep].norm == "by" && by_phrase < 0) {
          by_phrase = static_cast<int>(pi);
          continue;
        }
        // "its participation": a possessive pronoun names the owner, not the one acted upon.
        if (p.pronoun && tokens[p.span.begin].tag == "PRP$" && p.actors.empty()) continue;
        if (first_obj < 0) {
          auto r = PhraseActors(static_cast<int>(pi), c, tokens, actors, sentence, ctx);
          if (!r.empty()) {
            first_obj = static_cast<int>(pi);
            targets = std::move(r);
            // Conjoined objects: "Jordan and Britain".
            for (size_t pj = pi + 1; pj < c.phrases.size(); ++pj) {
              const NounPhrase& q = c.phrases[pj];
              if (q.span.end > g.post_scope.end) break;
              bool joined = true;
              for (uint32_t t = c.phrases[pj - 1].span.end; t < q.span.begin; ++t)
                if (!In(tokens[t].norm, {"and", ",", "or"})) joined = false;
              if (!joined || q.span.begin == c.phrases[pj - 1].span.end) break;
              for (auto& x : PhraseActors(static_cast<int>(pj), c, tokens, actors, sentence, ctx))
                targets.push_back(std::move(x));
            }
          }
        }
      }
      // "demanded that Hamas renounce ...", "warned that police will ...": the one the demand
      // or warning is about is the subject of the complement clause.
      if (targets.empty() && !g.passive && choice.match.code.rfind("01", 0) != 0) {
        uint32_t q = g.post_scope.end;
        if (q < tokens.size() && tokens[q].norm == "that") {
          for (size_t gj = gi + 1; gj < c.groups.size(); ++gj) {
            const VerbGroup& h = c.groups[gj];
            if (h.pre_scope.begin != q + 1) continue;
            for (int pi : h.subject_phrases) {
              // "accepted demands from the rebels that it initiate reforms": a pronoun there
              // names this clause's subject, not an actor of an earlier sentence.
              if (c.phrases[pi].pronoun && c.phrases[pi].actors.empty() && !subjects.empty()) {
                for (const Resolved& x : subjects) {
                  Resolved r = x;
                  r.mention = -1;
                  r.how = "pronoun '" + tokens[c.phrases[pi].span.begin].norm + "' -> this clause's subject";
                  targets.push_back(std::move(r));
                }
                continue;
              }
              for (auto& x : PhraseActors(pi, c, tokens, actors, sentence, ctx, true)) targets.push_back(std::move(x));
            }
            break;
          }
        }
      }
      if (g.passive) {
        targets = subjects;
        sources.clear();
        if (by_phrase >= 0) sources = PhraseActors(by_phrase, c, tokens, actors, sentence, ctx, true);
      } else {
        sources = subjects;
      }
      auto bound = [&](int a) {
        Resolved r;
        r.actor = FromMention(actors[a], sentence);
        r.mention = a;
        r.how = "pattern slot";
        return std::vector<Resolved>{r};
      };
      const VerbPattern* pat = choice.match.pattern;
      if (pat && pat->compound_before && !g.passive) {
        // "Gondor and Osgiliath have renewed diplomatic ties" ("% * DIPLOMATIC [064:064]"): each
        // conjunct acts on each other one.
        targets = sources;
        if (choice.match.target_actor >= 0 && choice.match.target_actor != choice.match.source_actor &&
            !pat->compound_after)
          targets = bound(choice.match.target_actor);  // "% * +": an explicit target
      } else if (pat && pat->compound_after) {
        // "agrees with the Philippines and France" ("* WITH %"): the conjoined object, whole.
        if (choice.match.source_actor >= 0 && choice.match.source_actor != choice.match.target_actor)
          sources = bound(choice.match.source_actor);
        bool found = false;
        for (auto& t : targets) found = found || t.mention == choice.match.target_actor;
        if (!found) targets = bound(choice.match.target_actor);
      } else {
        if (choice.match.source_actor >= 0) sources = bound(choice.match.source_actor);
        if (choice.match.target_actor >= 0) targets = bound(choice.match.target_actor);
      }

      // "LORIEN [ELR/GAL]": a dictionary entry that names several actors at once acts as each of
      // them (PETRARCH's multiple codes); Phoenix entries have one code.
      auto split_codes = [](std::vector<Resolved>& v) {
        for (size_t i = 0; i < v.size(); ++i) {
          if (v[i].actor.code.find('/') == std::string::npos) continue;
          Resolved base = std::move(v[i]);
          v.erase(v.begin() + static_cast<long>(i));
          size_t at = i;
          for (size_t b = 0; b <= base.actor.code.size();) {
            size_t e = std::min(base.actor.code.find('/', b), base.actor.code.size());
            if (e > b) {
              Resolved r = base;
              r.actor.code = base.actor.code.substr(b, e - b);
              r.actor.country = r.actor.code.substr(0, std::min<size_t>(3, r.actor.code.size()));
              v.insert(v.begin() + static_cast<long>(at++), std::move(r));
            }
            b = e + 1;
          }
          i = at - 1;
        }
      };
      split_codes(sources);
      split_codes(targets);
      if (notes) {
        std::string s = "  source:";
        for (auto& r : sources) s += " " + r.actor.code + " ('" + r.actor.text + "', " + r.how + ")";
        if (sources.empty()) s += " none";
        s += "; target:";
        for (auto& r : targets) s += " " + r.actor.code + " ('" + r.actor.text + "', " + r.how + ")";
        if (targets.empty()) s += " none";
        notes->push_back(s);
      }
      std::string pattern_text =
          choice.match.pattern ? choice.match.pattern->text + " [" + choice.match.code + "]"
                               : choice.form->lemma + " [" + choice.match.code + "]";
      std::string verb_text(sentence.substr(tokens[g.span.begin].begin,
                                            tokens[std::max(choice.after, g.span.end) - 1].end -
                                                tokens[g.span.begin].begin));
      auto emit = [&](const Resolved* s, const Resolved* t, const std::string& code) {
        if (s && t && s->actor.code == t->actor.code && s->mention == t->mention && s->mention >= 0) return;
        AddEvent(a, s, t, code, sentence, verb_text, pattern_text, notes);
      };
      // Future and intention ("will provide", "plans to meet", "would blockade") are CAMEO's
      // intents: cooperation becomes 03x (express intent), force and sanctions become 13x
      // (threaten).
      std::string intent_code = IntentCode(choice.match.code, g, tokens, p_.future_as_intent);
      if (!intent_code.empty()) {
        if (notes) notes->push_back("  future/intention: " + choice.match.code + " -> " + intent_code);
        choice.match.code = intent_code;
      }
      // "threatened to stop the talks if the United States goes ahead", "... unless Israel
      // rescinded": a threat is aimed at the one whose act the condition names.
      if (targets.empty() && !g.passive && choice.match.code.rfind("13", 0) == 0) {
        for (size_t gj = gi + 1; gj < c.groups.size(); ++gj) {
          const VerbGroup& h = c.groups[gj];
          if (!h.finite) continue;
          if (h.conditional)
            for (int pi : h.subject_phrases)
              for (auto& x : PhraseActors(pi, c, tokens, actors, sentence, ctx, true)) {
                bool same = false;
                for (auto& s : sources) same = same || s.actor.code == x.actor.code;
                if (!same) targets.push_back(std::move(x));
              }
          break;
        }
        if (notes && !targets.empty())
          notes->push_back("  target: " + targets.front().actor.code + ", the subject of the threat's condition");
      }
      // Every source x target pair is an event. A passive without an agent ("three civilians
      // were killed") is still one, with no source. "[042:043]" adds the reversed event (the
      // target hosts the visit); "[:190]" has only the reversed one (the subject was acted upon).
      const std::string& code = choice.match.code;
      const std::string& paired = choice.match.paired_code;
      std::vector<const Resolved*> src_list, tgt_list;
      for (auto& x : sources) src_list.push_back(&x);
      for (auto& x : targets) tgt_list.push_back(&x);
      // Conjoined actors in the order the sentence names them ("Arnor, Osgiliath and Gondor").
      auto textual = [](std::vector<const Resolved*>& v) {
        if (std::all_of(v.begin(), v.end(), [](const Resolved* r) { return r->mention >= 0; }))
          std::stable_sort(v.begin(), v.end(),
                           [](const Resolved* x, const Resolved* y) { return x->mention < y->mention; });
      };
      textual(src_list);
      textual(tgt_list);
      if (tgt_list.empty()) tgt_list.push_back(nullptr);
      bool primary = code != "---" && (!sources.empty() || !targets.empty() || kActorless);
      if (src_list.empty()) src_list.push_back(nullptr);
      // Each pair's reversed event follows it directly, the order TABARI lists them in.
      bool reversed = !paired.empty() && paired != "---" && (code == "---" || p_.paired_events);
      for (auto* s : src_list)
        for (auto* t : tgt_list) {
          if (primary) emit(s, t, code);
          if (reversed && (t || s)) emit(t, s, paired);
        }
      if (notes && !primary && (paired.empty() || paired == "---"))
        notes->push_back("  not coded: no source actor");
      if (!sources.empty() && sources.front().mention >= 0) ctx.last_subject = sources.front().actor;
      for (auto& s : sources) ctx.Remember(s.actor);
      for (auto& t : targets) ctx.Remember(t.actor);
    }
    // Where: the place the sentence says its events happened.
    if (!a->events.empty() && p_.gazetteer) {
      if (auto where = p_.gazetteer->FindEventLocation(sentence, tokens)) {
        for (Event& e : a->events) e.location = where->location;
        if (notes) notes->push_back("location: " + where->location.name + " (" + where->location.country + "), " + where->why);
      }
    }
    // The day the events happened: a date expression in the sentence, else (later) publication.
    if (!a->events.empty()) {
      for (const DateMention& d : text::FindDates(sentence, date)) {
        if (!d.date) continue;
        for (Event& e : a->events) {
          e.date = d.date;
          e.date_source = "text";
        }
        if (notes) notes->push_back("date: '" + d.expression + "' -> " + d.date->ToString() + " (" + d.source + ")");
        break;
      }
    }
    // Actors named outside coded clauses still serve later pronouns and short forms.
    for (auto& m : actors) {
      if (m.code.empty()) continue;
      bool known = false;
      for (auto& r : ctx.recent) known = known || r.code == m.code;
      if (!known) ctx.Remember(FromMention(m, sentence));
    }
  }

  CoderParts p_;
  static thread_local std::vector<uint8_t> present_words_;
};

thread_local std::vector<uint8_t> CoderImpl::present_words_;

}  // namespace

std::vector<std::string> DefaultVerbFiles(const std::string& data_dir) {
  std::vector<std::string> files{data_dir + "/dictionaries/phoenix/CAMEO.2.0.txt"};
  std::filesystem::path overlay = std::filesystem::path(data_dir) / "dictionaries" / "overlay-verbs";
  std::error_code ec;
  std::vector<std::string> extra;
  for (auto& entry : std::filesystem::directory_iterator(overlay, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".txt")
      extra.push_back(entry.path().string());
  std::sort(extra.begin(), extra.end());
  files.insert(files.end(), extra.begin(), extra.end());
  return files;
}

std::unique_ptr<Coder> MakeCoder(CoderParts parts) {
  return std::make_unique<CoderImpl>(std::move(parts));
}

}  // namespace communique::code
