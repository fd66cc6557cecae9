// Clause analysis cases: tagged sentences (tags and actors as the coder passes them) with
// everything AnalyzeClauses returns written out, so that any change of the rules' results shows;
// the word classes the coder shares; and random token sequences that must keep spans in bounds.
#include <gtest/gtest.h>

#include <random>
#include <sstream>

#include "code/clause.h"

namespace communique::code {
namespace {

// Tokens written "word/TAG ..."; actors "first-last:CODE ..." ("-" for a role without a code).
std::vector<Token> ParseTokens(std::string_view text) {
  std::vector<Token> tokens;
  size_t i = 0;
  while (i < text.size()) {
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view item = text.substr(i, end - i);
    if (!item.empty()) {
      size_t slash = item.rfind('/');
      Token t;
      t.norm = std::string(item.substr(0, slash));
      t.tag = std::string(item.substr(slash + 1));
      tokens.push_back(std::move(t));
    }
    i = end + 1;
  }
  return tokens;
}

std::vector<ActorMention> ParseActors(std::string_view text) {
  std::vector<ActorMention> actors;
  std::istringstream in{std::string(text)};
  std::string item;
  while (in >> item) {
    ActorMention m;
    size_t dash = item.find('-'), colon = item.find(':');
    m.first_token = static_cast<uint32_t>(std::stoul(item.substr(0, dash)));
    m.last_token = static_cast<uint32_t>(std::stoul(item.substr(dash + 1, colon - dash - 1)));
    m.code = item.substr(colon + 1);
    if (m.code == "-") m.code.clear();
    actors.push_back(std::move(m));
  }
  return actors;
}

std::string Words(const std::vector<Token>& tokens, Span s) {
  std::string out;
  for (uint32_t k = s.begin; k < s.end && k < tokens.size(); ++k) {
    if (!out.empty()) out += ' ';
    out += tokens[k].norm;
  }
  return out;
}

// Everything AnalyzeClauses returns, one line for the phrases and one per verb group.
std::string Summary(const std::vector<Token>& tokens, const Clauses& c) {
  std::string out = DescribeClauses(tokens, c);
  for (const NounPhrase& p : c.phrases) {
    out += "\nNP " + Words(tokens, p.span) + " (head " + tokens[p.head].norm;
    if (p.in_prep) out += ", after " + tokens[p.prep].norm;
    if (p.pronoun) out += ", pronoun";
    if (!p.actors.empty()) {
      out += ", actors";
      for (int a : p.actors) out += " " + std::to_string(a);
    }
    out += ")";
  }
  for (const VerbGroup& g : c.groups) {
    out += "\nVG " + Words(tokens, g.span) + ": verbs";
    for (uint32_t v : g.verbs) out += " " + tokens[v].norm;
    for (auto [flag, name] : {std::pair{g.passive, "passive"}, {g.negated, "negated"}, {g.modal, "modal"},
                              {!g.finite, "nonfinite"}, {g.conditional, "conditional"},
                              {g.background, "background"}, {g.conjoined, "conjoined"}})
      if (flag) out += std::string(", ") + name;
    if (g.inherit_subject_from >= 0) out += ", subject of group " + std::to_string(g.inherit_subject_from);
    if (g.subject >= 0) {
      out += "; subject";
      for (int pi : g.subject_phrases) out += " [" + Words(tokens, c.phrases[pi].span) + "]";
    }
    out += "; before [" + Words(tokens, g.pre_scope) + "]; after [" + Words(tokens, g.post_scope) + "]";
  }
  return out;
}

struct Case {
  const char* tokens;
  const char* actors;
  const char* expected;
};

// Sentences of the seed articles, the TABARI and PETRARCH2 validation records and the golden
// cases (tests/fixtures), as the coder's tagger tagged them, then constructions they lack.
const Case kCases[] = {
    {R"(beware/VB of/IN terrorists/NNS going/VBG hi-tech/JJ)",
     R"(2-3:-)",
     R"([VG beware] of [PP-NP terrorists] [VG nonfinite going] [NP hi-tech]
NP terrorists (head terrorists, after of, actors 0)
NP hi-tech (head hi-tech)
VG beware: verbs beware; before []; after [of terrorists going hi-tech]
VG going: verbs going, nonfinite; before [of terrorists]; after [hi-tech])"},
    {R"(stop/VB arms/NNS race/NN in/IN space/NNP)",
     R"()",
     R"([VG stop] [NP arms race] in [PP-NP space]
NP arms race (head race)
NP space (head space, after in)
VG stop: verbs stop; before []; after [arms race in space])"},
    {R"(egypt/NNP plans/VBZ to/TO attack/VB israel/NNP ./.)",
     R"(0-1:EGY 4-5:ISR)",
     R"([NP egypt] [VG modal plans to attack] [NP israel] .
NP egypt (head egypt, actors 0)
NP israel (head israel, actors 1)
VG plans to attack: verbs plans attack, modal; subject [egypt]; before [egypt]; after [israel .])"},
    {R"(gondor/NNP 's/POS planes/NNS attacked/VBD osgiliath/NNP ./.)",
     R"()",
     R"([NP gondor 's planes] [VG attacked] [NP osgiliath] .
NP gondor 's planes (head planes)
NP osgiliath (head osgiliath)
VG attacked: verbs attacked; subject [gondor 's planes]; before [gondor 's planes]; after [osgiliath .])"},
    {R"(jordan/NNP and/CC egypt/NNP condemned/VBD israel/NNP ./.)",
     R"(0-1:JOR 2-3:EGY 4-5:ISR)",
     R"([NP jordan] and [NP egypt] [VG condemned] [NP israel] .
NP jordan (head jordan, actors 0)
NP egypt (head egypt, actors 1)
NP israel (head israel, actors 2)
VG condemned: verbs condemned; subject [egypt] [jordan]; before [jordan and egypt]; after [israel .])"},
    {R"(egypt/NNP did/VBD not/RB attack/VB israel/NNP ./.)",
     R"(0-1:EGY 4-5:ISR)",
     R"([NP egypt] [VG negated did not attack] [NP israel] .
NP egypt (head egypt, actors 0)
NP israel (head israel, actors 1)
VG did not attack: verbs attack, negated; subject [egypt]; before [egypt]; after [israel .])"},
    {R"(egypt/NNP said/VBD it/PRP would/MD blockade/VB israel/NNP ./.)",
     R"(0-1:EGY 5-6:ISR)",
     R"([NP egypt] [VG said] [NP it] [VG modal would blockade] [NP israel] .
NP egypt (head egypt, actors 0)
NP it (head it, pronoun)
NP israel (head israel, actors 1)
VG said: verbs said; subject [egypt]; before [egypt]; after [it]
VG would blockade: verbs blockade, modal; subject [it]; before [it]; after [israel .])"},
    {R"(palestinian/JJ militants/NNS were/VBD attacked/VBN by/IN israeli/JJ troops/NNS ./.)",
     R"(0-2:PSEUAF 5-7:ISRMIL)",
     R"([NP palestinian militants] [VG passive were attacked] by [PP-NP israeli troops] .
NP palestinian militants (head militants, actors 0)
NP israeli troops (head troops, after by, actors 1)
VG were attacked: verbs attacked, passive; subject [palestinian militants]; before [palestinian militants]; after [by israeli troops .])"},
    {R"(default/NN :/: off/RB is/VBZ needed/VBN first/JJ to/TO reset/VB this/DT)",
     R"()",
     R"([NP default] : off [VG passive is needed] [NP first] [VG nonfinite to reset] [NP this]
NP default (head default)
NP first (head first)
NP this (head this)
VG is needed: verbs needed, passive; before [off]; after [first to reset this]
VG to reset: verbs reset, nonfinite; subject [first]; before [first]; after [this])"},
    {R"(armenia/NNP will/MD not/RB take/VB part/NN in/IN the/DT summit/NN ./.)",
     R"(0-1:ARM)",
     R"([NP armenia] [VG negated modal will not take] [NP part] in [PP-NP the summit] .
NP armenia (head armenia, actors 0)
NP part (head part)
NP the summit (head summit, after in)
VG will not take: verbs take, negated, modal; subject [armenia]; before [armenia]; after [part in the summit .])"},
    {R"(syria/NNP will/MD attack/VB israel/NNP if/IN israel/NNP attacks/VBZ lebanon/NNP ./.)",
     R"(0-1:SYR 3-4:ISR 5-6:ISR 7-8:LBN)",
     R"([NP syria] [VG modal will attack] [NP israel] if [NP israel] [VG conditional attacks] [NP lebanon] .
NP syria (head syria, actors 0)
NP israel (head israel, actors 1)
NP israel (head israel, actors 2)
NP lebanon (head lebanon, actors 3)
VG will attack: verbs attack, modal; subject [syria]; before [syria]; after [israel]
VG attacks: verbs attacks, conditional; subject [israel]; before [israel]; after [lebanon .])"},
    {R"(washington/NNP along/RB with/IN its/PRP$ allies/NNS demanded/VBD that/IN iraq/NNP comply/VB ./.)",
     R"(0-1:USA 7-8:IRQ)",
     R"([NP washington] along with [PP-NP its allies] [VG demanded] that [NP iraq] [VG comply] .
NP washington (head washington, actors 0)
NP its allies (head allies, after with, pronoun)
NP iraq (head iraq, actors 1)
VG demanded: verbs demanded; subject [washington]; before [washington along with its allies]; after []
VG comply: verbs comply; subject [iraq]; before [iraq]; after [.])"},
    {R"(egypt/NNP demanded/VBD that/IN israel/NNP withdraw/VB its/PRP$ troops/NNS from/IN gaza/NNP ./.)",
     R"(0-1:EGY 3-4:ISR 6-9:PSEGZAMIL)",
     R"([NP egypt] [VG demanded] that [NP israel] [VG withdraw] [NP its troops from gaza] .
NP egypt (head egypt, actors 0)
NP israel (head israel, actors 1)
NP its troops from gaza (head gaza, pronoun, actors 2)
VG demanded: verbs demanded; subject [egypt]; before [egypt]; after []
VG withdraw: verbs withdraw; subject [israel]; before [israel]; after [its troops from gaza .])"},
    {R"(syria/NNP is/VBZ willing/JJ to/TO withdraw/VB its/PRP$ troops/NNS from/IN lebanon/NNP ./.)",
     R"(0-1:SYR 6-9:LBNMIL)",
     R"([NP syria] [VG is willing to withdraw] [NP its troops from lebanon] .
NP syria (head syria, actors 0)
NP its troops from lebanon (head lebanon, pronoun, actors 1)
VG is willing to withdraw: verbs is withdraw; subject [syria]; before [syria]; after [its troops from lebanon .])"},
    {R"(bmax/NNP =/SYM 0/CD guarantees/NNS that/IN the/DT condition/NN will/MD never/RB be/VB met/VBN)",
     R"()",
     R"([NP bmax] = [NP 0 guarantees] that [NP the condition] [VG passive negated modal will never be met]
NP bmax (head bmax)
NP 0 guarantees (head guarantees)
NP the condition (head condition)
VG will never be met: verbs met, passive, negated, modal; subject [the condition]; before [the condition]; after [])"},
    {R"(russia/NNP launched/VBD an/DT investigation/NN into/IN the/DT attack/NN on/IN its/PRP$ embassy/NN ./.)",
     R"(0-1:RUS 9-10:-)",
     R"([NP russia] [VG launched] [NP an investigation] into [PP-NP the attack] on [PP-NP its embassy] .
NP russia (head russia, actors 0)
NP an investigation (head investigation)
NP the attack (head attack, after into)
NP its embassy (head embassy, after on, pronoun, actors 1)
VG launched: verbs launched; subject [russia]; before [russia]; after [an investigation into the attack on its embassy .])"},
    {R"(egypt/NNP halted/VBD aid/NN to/TO sudan/NNP until/IN a/DT new/JJ government/NN takes/VBZ over/RP ./.)",
     R"(0-1:EGY 4-5:SDN 8-9:-)",
     R"([NP egypt] [VG halted] [NP aid] to [PP-NP sudan] until [NP a new government] [VG takes] over .
NP egypt (head egypt, actors 0)
NP aid (head aid)
NP sudan (head sudan, after to, actors 1)
NP a new government (head government, actors 2)
VG halted: verbs halted; subject [egypt]; before [egypt]; after [aid to sudan until]
VG takes: verbs takes, background; subject [a new government]; before [aid to sudan until a new government]; after [over .])"},
    {R"(csto/NNP :/: we/PRP support/NN efforts/NNS to/TO resolve/VB crisis/NN ,/, ensure/VB stability/NN in/IN syria/NNP)",
     R"(0-1:IGOEURCSTO 12-13:SYR)",
     R"([NP csto] : [NP we support efforts] [VG nonfinite to resolve] [NP crisis] , [VG ensure] [NP stability] in [PP-NP syria]
NP csto (head csto, actors 0)
NP we support efforts (head efforts, pronoun)
NP crisis (head crisis)
NP stability (head stability)
NP syria (head syria, after in, actors 1)
VG to resolve: verbs resolve, nonfinite; subject [we support efforts]; before [we support efforts]; after [crisis]
VG ensure: verbs ensure, conjoined, subject of group 0; before [we support efforts to resolve crisis ,]; after [stability in syria])"},
    {R"(gollum/NNP was/VBD known/VBN to/TO break/VB in/IN an/DT anti/NN -/: gondor/NNP parade/NN on/IN saturday/NNP ./.)",
     R"()",
     R"([NP gollum] [VG passive was known to break] in [PP-NP an anti] - [NP gondor parade] on [PP-NP saturday] .
NP gollum (head gollum)
NP an anti (head anti, after in)
NP gondor parade (head parade)
NP saturday (head saturday, after on)
VG was known to break: verbs known break, passive; subject [gollum]; before [gollum]; after [in an anti - gondor parade on saturday .])"},
    {R"(russia/NNP demanded/VBD the/DT return/NN of/IN a/DT helicopter/NN that/WDT was/VBD captured/VBN by/IN sudanese/NNP troops/NNS ./.)",
     R"(0-1:RUS 11-13:SDNMIL)",
     R"([NP russia] [VG demanded] [NP the return] of [PP-NP a helicopter] that [VG passive was captured] by [PP-NP sudanese troops] .
NP russia (head russia, actors 0)
NP the return (head return)
NP a helicopter (head helicopter, after of)
NP sudanese troops (head troops, after by, actors 1)
VG demanded: verbs demanded; subject [russia]; before [russia]; after [the return of a helicopter]
VG was captured: verbs captured, passive, background; before []; after [by sudanese troops .])"},
    {R"(the/DT philippines/NNPS was/VBD heavily/RB and/CC unjustly/RB criticized/VBN over/IN its/PRP$ territorial/NN dispute/NN with/IN eriador/NNP ./.)",
     R"(1-2:PHL)",
     R"([NP the philippines] [VG was] heavily and unjustly [VG nonfinite criticized] over [PP-NP its territorial dispute] with [PP-NP eriador] .
NP the philippines (head philippines, actors 0)
NP its territorial dispute (head dispute, after over, pronoun)
NP eriador (head eriador, after with)
VG was: verbs was; subject [the philippines]; before [the philippines]; after [heavily and unjustly criticized over its territorial dispute with eriador .]
VG criticized: verbs criticized, nonfinite, conjoined, subject of group 0; before [heavily and unjustly]; after [over its territorial dispute with eriador .])"},
    {R"(however/RB ,/, it/PRP acknowledged/VBD the/DT concerns/NNS of/IN the/DT expatriate/NN fornost/NNP community/NN in/IN this/DT issue/NN ./.)",
     R"(8-9:- 10-11:-)",
     R"(however , [NP it] [VG acknowledged] [NP the concerns] of [PP-NP the expatriate fornost community] in [PP-NP this issue] .
NP it (head it, pronoun)
NP the concerns (head concerns)
NP the expatriate fornost community (head community, after of, actors 0 1)
NP this issue (head issue, after in)
VG acknowledged: verbs acknowledged; subject [it]; before [however , it]; after [the concerns of the expatriate fornost community in this issue .])"},
    {R"(gondor/NNP expressed/VBD reluctance/NN to/TO become/VB involved/VBN in/IN the/DT internal/JJ affairs/NNS of/IN its/PRP$ neighbor/NN ithilen/NNS ./.)",
     R"()",
     R"([NP gondor] [VG expressed] [NP reluctance] [VG nonfinite to become involved] in [PP-NP the internal affairs] of [PP-NP its neighbor ithilen] .
NP gondor (head gondor)
NP reluctance (head reluctance)
NP the internal affairs (head affairs, after in)
NP its neighbor ithilen (head ithilen, after of, pronoun)
VG expressed: verbs expressed; subject [gondor]; before [gondor]; after [reluctance to become involved in the internal affairs of its neighbor ithilen .]
VG to become involved: verbs become involved, nonfinite; subject [reluctance]; before [reluctance]; after [in the internal affairs of its neighbor ithilen .])"},
    {R"(the/DT philippines/NNPS and/CC france/NNP agree/VBP that/DT territorial/NN disputes/NNS should/MD be/VB resolved/VBN through/IN international/JJ arbitration/NN ./.)",
     R"(1-2:PHL 3-4:FRA)",
     R"([NP the philippines] and [NP france] [VG agree] that [NP territorial disputes] [VG passive modal should be resolved] through [PP-NP international arbitration] .
NP the philippines (head philippines, actors 0)
NP france (head france, actors 1)
NP territorial disputes (head disputes)
NP international arbitration (head arbitration, after through)
VG agree: verbs agree; subject [france] [the philippines]; before [the philippines and france]; after [that]
VG should be resolved: verbs resolved, passive, modal; subject [territorial disputes]; before [that territorial disputes]; after [through international arbitration .])"},
    {R"(the/DT quibbler/NNP government/NN newspaper/NN is/VBZ about/RB to/TO restore/VB full/JJ diplomatic/JJ ties/NNS with/IN gondor/NNP now/RB ./.)",
     R"(2-3:- 3-4:-)",
     R"([NP the quibbler government newspaper] [VG is about to restore] [NP full diplomatic ties] with [PP-NP gondor] now .
NP the quibbler government newspaper (head newspaper, actors 0 1)
NP full diplomatic ties (head ties)
NP gondor (head gondor, after with)
VG is about to restore: verbs is restore; subject [the quibbler government newspaper]; before [the quibbler government newspaper]; after [full diplomatic ties with gondor now .])"},
    {R"(and/CC they/PRP promised/VBD additional/JJ aid/NN to/TO arnor/NNP if/IN it/PRP would/MD agree/VB to/TO attend/VB a/DT conference/NN ./.)",
     R"()",
     R"(and [NP they] [VG promised] [NP additional aid] to [PP-NP arnor] if [NP it] [VG modal conditional would agree to attend] [NP a conference] .
NP they (head they, pronoun)
NP additional aid (head aid)
NP arnor (head arnor, after to)
NP it (head it, pronoun)
NP a conference (head conference)
VG promised: verbs promised; subject [they]; before [and they]; after [additional aid to arnor]
VG would agree to attend: verbs agree attend, modal, conditional; subject [it]; before [it]; after [a conference .])"},
    {R"(parliamentarians/NNS from/IN belarus/NNP ,/, kazakhstan/NNP ,/, kyrgyzstan/NNP ,/, tajikistan/NNP ,/, and/CC iran/NNP are/VBP attending/VBG the/DT meeting/NN ./.)",
     R"(0-3:BLRLEG 4-5:KAZLEG 6-7:KGZLEG 8-9:TJKLEG 11-12:IRNLEG)",
     R"([NP parliamentarians from belarus] , [NP kazakhstan] , [NP kyrgyzstan] , [NP tajikistan] , and [NP iran] [VG are attending] [NP the meeting] .
NP parliamentarians from belarus (head belarus, actors 0)
NP kazakhstan (head kazakhstan, actors 1)
NP kyrgyzstan (head kyrgyzstan, actors 2)
NP tajikistan (head tajikistan, actors 3)
NP iran (head iran, actors 4)
NP the meeting (head meeting)
VG are attending: verbs attending; subject [iran] [tajikistan] [kyrgyzstan] [kazakhstan] [parliamentarians from belarus]; before [parliamentarians from belarus , kazakhstan , kyrgyzstan , tajikistan , and iran]; after [the meeting .])"},
    {R"(gondor/NNP and/CC osgiliath/NNP have/VBP postponed/VBN their/PRP$ meet/VB after/IN a/DT hafling/NN was/VBD reported/VBN on/IN the/DT pass/NN of/IN cirith/NNP ungol/NNP ./.)",
     R"()",
     R"([NP gondor] and [NP osgiliath] [VG have postponed] [NP their] [VG meet] after [NP a hafling] [VG passive was reported] on [PP-NP the pass] of [PP-NP cirith ungol] .
NP gondor (head gondor)
NP osgiliath (head osgiliath)
NP their (head their, pronoun)
NP a hafling (head hafling)
NP the pass (head pass, after on)
NP cirith ungol (head ungol, after of)
VG have postponed: verbs postponed; subject [osgiliath]; before [gondor and osgiliath]; after [their]
VG meet: verbs meet; subject [their]; before [their]; after [after]
VG was reported: verbs reported, passive, background; subject [a hafling]; before [after a hafling]; after [on the pass of cirith ungol .])"},
    {R"(arnor/NNP is/VBZ about/RB to/TO restore/VB diplomatic/JJ ties/NNS with/IN gondor/NNP almost/RB five/CD years/NNS after/IN calenardhon/NNP crowds/VBZ burned/VBN its/PRP$ embassy/NN ./.)",
     R"(17-18:-)",
     R"([NP arnor] [VG is about to restore] [NP diplomatic ties] with [PP-NP gondor] almost [NP five years] after [NP calenardhon] [VG crowds burned] [NP its embassy] .
NP arnor (head arnor)
NP diplomatic ties (head ties)
NP gondor (head gondor, after with)
NP five years (head years)
NP calenardhon (head calenardhon)
NP its embassy (head embassy, pronoun, actors 0)
VG is about to restore: verbs is restore; subject [arnor]; before [arnor]; after [diplomatic ties with gondor almost five years after]
VG crowds burned: verbs crowds burned, background; subject [calenardhon]; before [diplomatic ties with gondor almost five years after calenardhon]; after [its embassy .])"},
    {R"(soldiers/NNS from/IN gondor/NNP will/MD not/RB wire/VB tap/VB the/DT communication/NN links/VBZ leading/VBG into/IN mordor/NNP along/IN the/DT pass/NN of/IN cirith/NNP ungol/NNP ./.)",
     R"(0-1:-)",
     R"([NP soldiers] from [NP gondor] [VG negated modal will not wire tap] [NP the communication] [VG links leading] into [PP-NP mordor] along [PP-NP the pass] of [PP-NP cirith ungol] .
NP soldiers (head soldiers, actors 0)
NP gondor (head gondor)
NP the communication (head communication)
NP mordor (head mordor, after into)
NP the pass (head pass, after along)
NP cirith ungol (head ungol, after of)
VG will not wire tap: verbs wire tap, negated, modal; subject [gondor]; before [soldiers from gondor]; after [the communication]
VG links leading: verbs links leading; subject [the communication]; before [the communication]; after [into mordor along the pass of cirith ungol .])"},
    {R"(ithilen/NNP 's/POS militia/NN vowed/VBD to/TO resist/VB to/TO the/DT end/NN the/DT rohans/NNP unless/IN that/DT group/NN yielded/VBD ground/VBN seized/VBN in/IN six/CD days/NNS of/IN fighting/VBG ./.)",
     R"(2-3:-)",
     R"([NP ithilen 's militia] [VG vowed to resist] to [PP-NP the end the rohans] unless that [NP group] [VG conditional yielded ground seized] in [PP-NP six days] of [VG nonfinite fighting] .
NP ithilen 's militia (head militia, actors 0)
NP the end the rohans (head rohans, after to)
NP group (head group)
NP six days (head days, after in)
VG vowed to resist: verbs vowed resist; subject [ithilen 's militia]; before [ithilen 's militia]; after [to the end the rohans]
VG yielded ground seized: verbs yielded ground seized, conditional; subject [group]; before [that group]; after [in six days of fighting .]
VG fighting: verbs fighting, nonfinite; before [in six days of]; after [.])"},
    {R"(gollum/NNP centre/NN of/IN a/DT diplomatic/JJ row/NN between/IN radagast/NNP the/DT brown/NNP called/VBD on/IN gondor/NNP late/JJ sunday/NNP to/TO be/VB allowed/VBN to/TO leave/VB lorien/NNP by/IN elves/NNS ./.)",
     R"()",
     R"([NP gollum centre] of [PP-NP a diplomatic row] between [NP radagast the brown] [VG called] on [PP-NP gondor late sunday] [VG passive nonfinite to be allowed to leave] [NP lorien] by [PP-NP elves] .
NP gollum centre (head centre)
NP a diplomatic row (head row, after of)
NP radagast the brown (head brown)
NP gondor late sunday (head sunday, after on)
NP lorien (head lorien)
NP elves (head elves, after by)
VG called: verbs called; subject [radagast the brown]; before [gollum centre of a diplomatic row between radagast the brown]; after [on gondor late sunday to be allowed to leave lorien by elves .]
VG to be allowed to leave: verbs allowed leave, passive, nonfinite; before [on gondor late sunday]; after [lorien by elves .])"},
    {R"(old/JJ foes/NNS gondor/NNP and/CC osgiliath/NNP have/VBP renewed/VBN diplomatic/JJ ties/NNS after/IN a/DT 12-year/JJ break/NN in/IN a/DT step/NN that/WDT holds/VBZ advantages/NNS for/IN both/DT major/JJ powers/NNS ./.)",
     R"()",
     R"([NP old foes gondor] and [NP osgiliath] [VG have renewed] [NP diplomatic ties] after [PP-NP a 12-year break] in [PP-NP a step] that [VG holds] [NP advantages] for [PP-NP both major powers] .
NP old foes gondor (head gondor)
NP osgiliath (head osgiliath)
NP diplomatic ties (head ties)
NP a 12-year break (head break, after after)
NP a step (head step, after in)
NP advantages (head advantages)
NP both major powers (head powers, after for)
VG have renewed: verbs renewed; subject [osgiliath]; before [old foes gondor and osgiliath]; after [diplomatic ties after a 12-year break in a step]
VG holds: verbs holds, background; before []; after [advantages for both major powers .])"},
    {R"(gollum/NNP accompanying/VBG radagast/NNP ,/, the/DT brown/NNP wizard/NN of/IN reknown/NN ,/, called/VBN on/IN gondor/NNP late/JJ sunday/NNP to/TO be/VB allowed/VBN to/TO leave/VB lorien/NNP by/IN elves/NNS ./.)",
     R"()",
     R"([NP gollum] [VG nonfinite accompanying] [NP radagast] , [NP the brown wizard] of [PP-NP reknown] , [VG nonfinite called] on [PP-NP gondor late sunday] [VG passive nonfinite to be allowed to leave] [NP lorien] by [PP-NP elves] .
NP gollum (head gollum)
NP radagast (head radagast)
NP the brown wizard (head wizard)
NP reknown (head reknown, after of)
NP gondor late sunday (head sunday, after on)
NP lorien (head lorien)
NP elves (head elves, after by)
VG accompanying: verbs accompanying, nonfinite; subject [gollum]; before [gollum]; after [radagast , the brown wizard of reknown , called on gondor late sunday to be allowed to leave lorien by elves .]
VG called: verbs called, nonfinite; subject [the brown wizard]; before [gollum accompanying radagast , the brown wizard of reknown ,]; after [on gondor late sunday to be allowed to leave lorien by elves .]
VG to be allowed to leave: verbs allowed leave, passive, nonfinite; subject [the brown wizard]; before [gollum accompanying radagast , the brown wizard of reknown , called on gondor late sunday]; after [lorien by elves .])"},
    {R"(un/NNP security/NNP council/NNP resolution/NN 1344/CD (/-LRB- 2001/LS )/-RRB- ,/, imposing/VBG mandatory/JJ un/NNP sanctions/NNS in/IN relation/NN to/TO liberia/NNP ,/, was/VBD adopted/VBN on/IN 7/CD march/NNP 2001/CD ./.)",
     R"(0-3:IGOUNO 11-12:IGOUNO 16-17:LBR)",
     R"([NP un security council resolution 1344] ( 2001 ) , [VG nonfinite imposing] [NP mandatory un sanctions] in [PP-NP relation] to [PP-NP liberia] , [VG passive was adopted] on [PP-NP 7 march 2001] .
NP un security council resolution 1344 (head 1344, actors 0)
NP mandatory un sanctions (head sanctions, actors 1)
NP relation (head relation, after in)
NP liberia (head liberia, after to, actors 2)
NP 7 march 2001 (head 2001, after on)
VG imposing: verbs imposing, nonfinite; subject [un security council resolution 1344]; before [un security council resolution 1344 ( 2001 ) ,]; after [mandatory un sanctions in relation to liberia]
VG was adopted: verbs adopted, passive, conjoined, subject of group 0; before [un security council resolution 1344 ( 2001 ) , imposing mandatory un sanctions in relation to liberia ,]; after [on 7 march 2001 .])"},
    {R"(the/DT collective/JJ security/NNP treaty/NNP organization/NNP has/VBZ reaffirmed/VBD its/PRP$ support/NN for/IN the/DT astana/NNP process/NN and/CC said/VBD that/IN syria/NNP 's/POS territorial/NN integrity/NN must/MD be/VB respected/VBN writes/VBZ al-watan/JJ ./.)",
     R"(1-5:IGOEURCSTO 11-13:IGOMEAAST 16-17:SYR)",
     R"([NP the collective security treaty organization] [VG has reaffirmed] [NP its support] for [PP-NP the astana process] and [VG said] that [NP syria 's territorial integrity] [VG passive modal must be respected writes] [NP al-watan] .
NP the collective security treaty organization (head organization, actors 0)
NP its support (head support, pronoun)
NP the astana process (head process, after for, actors 1)
NP syria 's territorial integrity (head integrity, actors 2)
NP al-watan (head al-watan)
VG has reaffirmed: verbs reaffirmed; subject [the collective security treaty organization]; before [the collective security treaty organization]; after [its support for the astana process]
VG said: verbs said, conjoined, subject of group 0; before [its support for the astana process and]; after []
VG must be respected writes: verbs respected writes, passive, modal; subject [syria 's territorial integrity]; before [syria 's territorial integrity]; after [al-watan .])"},
    {R"(gollum/NNP ,/, centre/NN of/IN a/DT diplomatic/JJ row/NN between/IN radagast/NNP the/DT brown/NNP ,/, arrived/VBD back/RP in/IN gondor/NNP late/JJ sunday/NNP after/IN being/VBG allowed/VBN to/TO leave/VB lorien/NNP by/IN elves/NNS ./.)",
     R"()",
     R"([NP gollum] , [NP centre] of [PP-NP a diplomatic row] between [PP-NP radagast the brown] , [VG arrived] back in [PP-NP gondor late sunday] after [VG passive being allowed to leave] [NP lorien] by [PP-NP elves] .
NP gollum (head gollum)
NP centre (head centre)
NP a diplomatic row (head row, after of)
NP radagast the brown (head brown, after between)
NP gondor late sunday (head sunday, after in)
NP lorien (head lorien)
NP elves (head elves, after by)
VG arrived: verbs arrived; subject [centre]; before [gollum , centre of a diplomatic row between radagast the brown ,]; after [back in gondor late sunday after]
VG being allowed to leave: verbs allowed leave, passive, background; before [back in gondor late sunday after]; after [lorien by elves .])"},
    {R"(arnor/NNP believes/VBZ police/NNS and/CC security/NN forces/NNS can/MD cope/VB with/IN a/DT decrease/NN in/IN vital/JJ water/NN from/IN the/DT mighty/JJ entwash/NNP river/NN when/WRB a/DT major/JJ dam/NN is/VBZ filled/VBN next/JJ month/NN ./.)",
     R"(2-3:- 4-6:-)",
     R"([NP arnor] [VG believes] [NP police] and [NP security forces] [VG modal can cope] with [PP-NP a decrease] in [PP-NP vital water] from [PP-NP the mighty entwash river] when [NP a major dam] [VG passive is filled] [NP next month] .
NP arnor (head arnor)
NP police (head police, actors 0)
NP security forces (head forces, actors 1)
NP a decrease (head decrease, after with)
NP vital water (head water, after in)
NP the mighty entwash river (head river, after from)
NP a major dam (head dam)
NP next month (head month)
VG believes: verbs believes; subject [arnor]; before [arnor]; after [police and security forces]
VG can cope: verbs cope, modal; subject [security forces] [police]; before [police and security forces]; after [with a decrease in vital water from the mighty entwash river when]
VG is filled: verbs filled, passive, background; subject [a major dam]; before [with a decrease in vital water from the mighty entwash river when a major dam]; after [next month .])"},
    {R"(following/VBG is/VBZ the/DT medals/NNS table/NN after/IN the/DT seventh/JJ day/NN competition/NN at/IN the/DT world/NN athletics/NNS championships/NNS on/IN thursday/NNP (/-LRB- tabulated/VBN under/IN -/: gold/NN ,/, silver/NN ,/, bronze/NN )/-RRB- :/: united/NNP states43/NNP)",
     R"()",
     R"([VG nonfinite following is] [NP the medals table] after [PP-NP the seventh day competition] at [PP-NP the world athletics championships] on [PP-NP thursday] ( [VG nonfinite tabulated] under - [NP gold] , [NP silver] , [NP bronze] ) : [NP united states43]
NP the medals table (head table)
NP the seventh day competition (head competition, after after)
NP the world athletics championships (head championships, after at)
NP thursday (head thursday, after on)
NP gold (head gold)
NP silver (head silver)
NP bronze (head bronze)
NP united states43 (head states43)
VG following is: verbs following is, nonfinite; before []; after [the medals table after the seventh day competition at the world athletics championships on thursday ( tabulated under - gold , silver , bronze )]
VG tabulated: verbs tabulated, nonfinite; subject [the medals table]; before [following is the medals table after the seventh day competition at the world athletics championships on thursday (]; after [under - gold , silver , bronze )])"},
    {R"(military/JJ cooperation/NN within/IN csto/NNP is/VBZ not/RB directed/VBN against/IN third/JJ countries/NNS and/CC is/VBZ purely/RB defensive/JJ ,/, according/VBG to/TO a/DT joint/JJ csto/NNP declaration/NN signed/VBD after/IN a/DT meeting/NN in/IN astana/NNP on/IN thursday/NNP ./.)",
     R"(0-1:- 3-4:IGOEURCSTO 19-20:IGOEURCSTO 26-27:KAZ)",
     R"([NP military cooperation] within [NP csto] [VG passive negated is not directed] against [PP-NP third countries] and [VG is] purely [NP defensive] , [VG nonfinite according] to [NP a joint csto declaration] [VG signed] after [PP-NP a meeting] in [PP-NP astana] on [PP-NP thursday] .
NP military cooperation (head cooperation, actors 0)
NP csto (head csto, actors 1)
NP third countries (head countries, after against)
NP defensive (head defensive)
NP a joint csto declaration (head declaration, actors 2)
NP a meeting (head meeting, after after)
NP astana (head astana, after in, actors 3)
NP thursday (head thursday, after on)
VG is not directed: verbs directed, passive, negated; subject [csto]; before [military cooperation within csto]; after [against third countries]
VG is: verbs is, conjoined, subject of group 0; before [against third countries and]; after [purely defensive , according to]
VG according: verbs according, nonfinite; subject [defensive]; before [purely defensive ,]; after [to]
VG signed: verbs signed; subject [a joint csto declaration]; before [purely defensive , according to a joint csto declaration]; after [after a meeting in astana on thursday .])"},
    {R"(eriador/NNP expressed/VBD hopes/NNS on/IN thursday/NNP that/IN osgiliath/NNP ,/, the/DT state/NN 's/POS fiercest/NN foe/NN ,/, could/MD be/VB drawn/VBN into/IN the/DT peace/NN process/NN by/IN its/PRP$ resumption/NN of/IN diplomatic/JJ ties/NNS with/IN gondor/NNP ./.)",
     R"()",
     R"([NP eriador] [VG expressed] [NP hopes] on [PP-NP thursday] that [NP osgiliath] , [NP the state 's fiercest foe] , [VG passive modal could be drawn] into [PP-NP the peace process] by [PP-NP its resumption] of [PP-NP diplomatic ties] with [PP-NP gondor] .
NP eriador (head eriador)
NP hopes (head hopes)
NP thursday (head thursday, after on)
NP osgiliath (head osgiliath)
NP the state 's fiercest foe (head foe)
NP the peace process (head process, after into)
NP its resumption (head resumption, after by, pronoun)
NP diplomatic ties (head ties, after of)
NP gondor (head gondor, after with)
VG expressed: verbs expressed; subject [eriador]; before [eriador]; after [hopes on thursday]
VG could be drawn: verbs drawn, passive, modal, conjoined, subject of group 0; before [osgiliath , the state 's fiercest foe ,]; after [into the peace process by its resumption of diplomatic ties with gondor .])"},
    {R"(eriador/NNP has/VBZ received/VBN by/IN courier/NN money/NN from/IN osgiliath/NNP ,/, the/DT state/NN 's/POS fiercest/NN foe/NN ,/, to/TO be/VB drawn/VBN into/IN the/DT peace/NN process/NN by/IN its/PRP$ resumption/NN of/IN diplomatic/JJ ties/NNS with/IN gondor/NNP ./.)",
     R"()",
     R"([NP eriador] [VG has received] by [PP-NP courier money] from [PP-NP osgiliath] , [NP the state 's fiercest foe] , [VG passive nonfinite to be drawn] into [PP-NP the peace process] by [PP-NP its resumption] of [PP-NP diplomatic ties] with [PP-NP gondor] .
NP eriador (head eriador)
NP courier money (head money, after by)
NP osgiliath (head osgiliath, after from)
NP the state 's fiercest foe (head foe)
NP the peace process (head process, after into)
NP its resumption (head resumption, after by, pronoun)
NP diplomatic ties (head ties, after of)
NP gondor (head gondor, after with)
VG has received: verbs received; subject [eriador]; before [eriador]; after [by courier money from osgiliath , the state 's fiercest foe , to be drawn into the peace process by its resumption of diplomatic ties with gondor .]
VG to be drawn: verbs drawn, passive, nonfinite; subject [the state 's fiercest foe]; before [by courier money from osgiliath , the state 's fiercest foe ,]; after [into the peace process by its resumption of diplomatic ties with gondor .])"},
    {R"(changing/VBG ./. options/NNS file/VBP command/NN to/TO disable/NN this/DT until/IN we/PRP finally/RB want/VBP to/TO check/VB it/PRP ,/, though/RB at/IN the/DT moment/NN there/EX are/VBP no/DT texts/NNS here/RB where/WRB it/PRP would/MD cause/VB a/DT problem/NN ./.)",
     R"()",
     R"([VG nonfinite changing] . [NP options] [VG file] [NP command] to [PP-NP disable this] until [PP-NP we] finally [VG modal want to check] [NP it] , though at [PP-NP the moment] there [VG are] [NP no texts] here where [NP it] [VG modal would cause] [NP a problem] .
NP options (head options)
NP command (head command)
NP disable this (head this, after to)
NP we (head we, after until, pronoun)
NP it (head it, pronoun)
NP the moment (head moment, after at)
NP no texts (head texts)
NP it (head it, pronoun)
NP a problem (head problem)
VG changing: verbs changing, nonfinite; before []; after [.]
VG file: verbs file; subject [options]; before [changing . options]; after [command to disable this until we finally]
VG want to check: verbs want check, modal; subject [command]; before [command to disable this until we finally]; after [it ,]
VG are: verbs are; before [at the moment there]; after [no texts here where]
VG would cause: verbs cause, modal, background; subject [it]; before [no texts here where it]; after [a problem .])"},
    {R"(initiating/VBG change/NN in/IN ./. options/NNS file/VBP and/CC as/RB well/RB as/IN putting/VBG sufficient/JJ text/NN in/IN this/DT record/NN to/TO get/VB past/IN the/DT minimum/JJ sentence/NN length/NN filter/NN :/: switch/VB default/NN :/: turn/VB off/RP prior/RB ./.)",
     R"()",
     R"([VG nonfinite initiating] [NP change] in . [NP options] [VG file] and as well as [VG nonfinite putting] [NP sufficient text] in [PP-NP this record] [VG nonfinite to get] past [PP-NP the minimum sentence length filter] : [VG switch] [NP default] : [VG turn] off prior .
NP change (head change)
NP options (head options)
NP sufficient text (head text)
NP this record (head record, after in)
NP the minimum sentence length filter (head filter, after past)
NP default (head default)
VG initiating: verbs initiating, nonfinite; before []; after [change in .]
VG file: verbs file; subject [options]; before [initiating change in . options]; after [and as well as putting sufficient text in this record to get past the minimum sentence length filter]
VG putting: verbs putting, nonfinite, background; before [and as well as]; after [sufficient text in this record to get past the minimum sentence length filter]
VG to get: verbs get, nonfinite; subject [sufficient text]; before [and as well as putting sufficient text in this record]; after [past the minimum sentence length filter]
VG switch: verbs switch; before []; after [default]
VG turn: verbs turn; before []; after [off prior .])"},
    {R"(russia/NNP ,/, which/WDT attacked/VBD syria/NNP ,/, denied/VBD it/PRP ./.)",
     R"(0-1:RUS 4-5:SYR)",
     R"([NP russia] , which [VG attacked] [NP syria] , [VG denied] [NP it] .
NP russia (head russia, actors 0)
NP syria (head syria, actors 1)
NP it (head it, pronoun)
VG attacked: verbs attacked, background; subject [russia]; before []; after [syria]
VG denied: verbs denied, conjoined, subject of group 0; before [syria ,]; after [it .])"},
    {R"(leaders/NNS of/IN armenia/NNP ,/, who/WP met/VBD in/IN astana/NNP ,/, signed/VBD the/DT declaration/NN ./.)",
     R"(0-1:- 2-3:ARM 7-8:KAZ)",
     R"([NP leaders] of [PP-NP armenia] , who [VG met] in [PP-NP astana] , [VG signed] [NP the declaration] .
NP leaders (head leaders, actors 0)
NP armenia (head armenia, after of, actors 1)
NP astana (head astana, after in, actors 2)
NP the declaration (head declaration)
VG met: verbs met, background; subject [leaders]; before []; after [in astana]
VG signed: verbs signed, conjoined, subject of group 0; before [in astana ,]; after [the declaration .])"},
    {R"(iran/NNP is/VBZ prepared/VBN to/TO impose/VB sanctions/NNS on/IN israel/NNP ./.)",
     R"(0-1:IRN 7-8:ISR)",
     R"([NP iran] [VG modal is prepared to impose] [NP sanctions] on [PP-NP israel] .
NP iran (head iran, actors 0)
NP sanctions (head sanctions)
NP israel (head israel, after on, actors 1)
VG is prepared to impose: verbs prepared impose, modal; subject [iran]; before [iran]; after [sanctions on israel .])"},
    {R"(the/DT us/PRP army/NN attacked/VBD the/DT town/NN ./.)",
     R"(0-3:USAMIL)",
     R"([NP the us army] [VG attacked] [NP the town] .
NP the us army (head army, actors 0)
NP the town (head town)
VG attacked: verbs attacked; subject [the us army]; before [the us army]; after [the town .])"},
    {R"(armenia/NNP is/VBZ opposed/VBN to/TO the/DT plan/NN ./.)",
     R"(0-1:ARM)",
     R"([NP armenia] [VG is opposed] to [PP-NP the plan] .
NP armenia (head armenia, actors 0)
NP the plan (head plan, after to)
VG is opposed: verbs opposed; subject [armenia]; before [armenia]; after [to the plan .])"},
    {R"(the/DT envoy/NN was/VBD sent/VBN to/TO iraq/NNP by/IN russia/NNP ./.)",
     R"(1-2:- 5-6:IRQ 7-8:RUS)",
     R"([NP the envoy] [VG passive was sent] to [PP-NP iraq] by [PP-NP russia] .
NP the envoy (head envoy, actors 0)
NP iraq (head iraq, after to, actors 1)
NP russia (head russia, after by, actors 2)
VG was sent: verbs sent, passive; subject [the envoy]; before [the envoy]; after [to iraq by russia .])"},
    {R"(kazakhstan/NNP said/VBD it/PRP would/MD ./.)",
     R"(0-1:KAZ)",
     R"([NP kazakhstan] [VG said] [NP it] [VG modal would] .
NP kazakhstan (head kazakhstan, actors 0)
NP it (head it, pronoun)
VG said: verbs said; subject [kazakhstan]; before [kazakhstan]; after [it]
VG would: verbs would, modal; subject [it]; before [it]; after [.])"},
    {R"(leaders/NNS of/IN csto/NNP nations/NNS met/VBD in/IN astana/NNP ./.)",
     R"(0-1:- 2-4:IGOCSTO 6-7:KAZ)",
     R"([NP leaders] of [NP csto nations] [VG met] in [PP-NP astana] .
NP leaders (head leaders, actors 0)
NP csto nations (head nations, actors 1)
NP astana (head astana, after in, actors 2)
VG met: verbs met; subject [csto nations]; before [leaders of csto nations]; after [in astana .])"},
};

TEST(ClauseTest, Cases) {
  for (const Case& c : kCases) {
    std::vector<Token> tokens = ParseTokens(c.tokens);
    std::vector<ActorMention> actors = ParseActors(c.actors);
    EXPECT_EQ(Summary(tokens, AnalyzeClauses(tokens, actors)), c.expected) << c.tokens;
  }
}

TEST(ClauseTest, WordClasses) {
  for (const char* w : {"not", "n't", "never", "no"}) EXPECT_TRUE(IsNegation(w)) << w;
  for (const char* w : {"", "nothing", "No", "nor", "now", "n'", "never "}) EXPECT_FALSE(IsNegation(w)) << w;
  for (const char* w : {"it", "they", "he", "she", "its", "their", "his", "her", "them", "him", "we", "our"})
    EXPECT_TRUE(IsPronoun(w)) << w;
  for (const char* w : {"i", "you", "us", "theirs", "It", "itself", "hers"}) EXPECT_FALSE(IsPronoun(w)) << w;
  for (const char* w : {"of", "in", "from", "at", "throughout", "across", "within", "for", "to", "on"})
    EXPECT_TRUE(LendsActor(w)) << w;
  for (const char* w : {"with", "by", "into", "throughouts", "throughou", "against", "o", "an"})
    EXPECT_FALSE(LendsActor(w)) << w;
  EXPECT_FALSE(LendsActor(std::string(40, 'o')));
  EXPECT_FALSE(IsNegation(std::string_view("not\0", 4)));
}

// Any tags, words and actor spans (overlapping, empty, past the end): spans stay inside the
// sentence, groups are disjoint and ordered, so are phrases, indices point at existing elements.
TEST(ClauseTest, RandomTokensKeepSpansConsistent) {
  const std::vector<std::string> words = {
      "is", "was", "been", "has", "did", "will", "would", "plans", "to", "willing", "prepared", "not",
      "n't", "that", "which", "who", "if", "unless", "because", "as", "until", "with", "of", "by", "and",
      "or", ",", "but", ";", "it", "its", "they", "russia", "attacked", "talks", "held", "the", "."};
  const std::vector<std::string> tags = {"VB", "VBD", "VBN", "VBG", "VBZ", "MD", "RB", "NN", "NNS",
                                         "NNP", "DT", "PRP", "PRP$", "JJ", "CD", "IN", "TO", "WDT",
                                         "CC", ",", ".", ":", ""};
  std::mt19937 rng(20241128);
  for (int iteration = 0; iteration < 20000; ++iteration) {
    std::vector<Token> tokens(rng() % 30);
    for (Token& t : tokens) {
      t.norm = words[rng() % words.size()];
      t.tag = tags[rng() % tags.size()];
    }
    const uint32_t n = static_cast<uint32_t>(tokens.size());
    std::vector<ActorMention> actors(rng() % 5);
    for (ActorMention& a : actors) {
      a.first_token = rng() % (n + 2);
      a.last_token = a.first_token + rng() % 4;
      if (rng() % 3) a.code = "RUS";
    }
    const Clauses c = AnalyzeClauses(tokens, actors);
    ASSERT_EQ(c.actor_at.size(), n);
    ASSERT_EQ(c.phrase_at.size(), n);
    std::vector<int> used(n, 0);
    for (size_t pi = 0; pi < c.phrases.size(); ++pi) {
      const NounPhrase& p = c.phrases[pi];
      ASSERT_LT(p.span.begin, p.span.end);
      ASSERT_LE(p.span.end, n);
      ASSERT_TRUE(p.span.begin <= p.head && p.head < p.span.end);
      if (p.in_prep) {
        ASSERT_EQ(p.prep + 1, p.span.begin);
      }
      for (int a : p.actors) ASSERT_TRUE(a >= 0 && a < static_cast<int>(actors.size()));
      for (uint32_t k = p.span.begin; k < p.span.end; ++k) {
        ASSERT_EQ(c.phrase_at[k], static_cast<int>(pi));
        ASSERT_EQ(used[k]++, 0);
      }
    }
    uint32_t previous_end = 0;
    for (size_t gi = 0; gi < c.groups.size(); ++gi) {
      const VerbGroup& g = c.groups[gi];
      ASSERT_LT(g.span.begin, g.span.end);
      ASSERT_LE(g.span.end, n);
      ASSERT_GE(g.span.begin, previous_end);
      previous_end = g.span.end;
      for (uint32_t v : g.verbs) ASSERT_TRUE(g.span.begin <= v && v < g.span.end);
      ASSERT_EQ(g.pre_scope.end, g.span.begin);
      ASSERT_LE(g.pre_scope.begin, g.pre_scope.end);
      ASSERT_EQ(g.post_scope.begin, g.span.end);
      ASSERT_LE(g.post_scope.end, n);
      ASSERT_LE(g.post_scope.begin, g.post_scope.end);
      ASSERT_LT(g.inherit_subject_from, static_cast<int>(gi));
      ASSERT_LT(g.subject, static_cast<int>(c.phrases.size()));
      ASSERT_EQ(g.subject_phrases.empty(), g.subject < 0);
      if (g.subject >= 0) {
        ASSERT_EQ(g.subject_phrases[0], g.subject);
      }
      for (int pi : g.subject_phrases) ASSERT_TRUE(pi >= 0 && pi < static_cast<int>(c.phrases.size()));
    }
  }
}

}  // namespace
}  // namespace communique::code
