# The clause language: sales-milestone clauses of commercial contracts.
# Reference with examples: grammar/README.md. Whitespace never reaches this grammar (the lexer
# drops it), keywords are token types (case-insensitive), and every list is left-recursive and
# built as a cons list, so long lists stay linear (sql-formatter-org/sql-formatter issue #840).
# Postprocessors only build nodes (grammar/builders.ts); meaning and checks live in src/language/check.ts.

@preprocessor typescript
@{%
import { lexer, redaction as redactionMatcher, qualifierWord as qualifierWordMatcher, sectionPrefixWord as sectionPrefixWordMatcher, headingToken as headingTokenMatcher } from './lexer';
// nearley declares every %symbol as `declare var <name>: any`; a test symbol is given its value here.
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var redaction: any = redactionMatcher;
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var qualifierWord: any = qualifierWordMatcher;
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var sectionPrefixWord: any = sectionPrefixWordMatcher;
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var headingToken: any = headingTokenMatcher;
import * as b from './builders';
import * as pb from './payment-builders';
import * as ow from './window-builders';
import * as pw from './period-words';
// Test symbols of grammar/period-words.ts, declared like redaction above.
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var periodNoun: any = pw.periodNoun, startVerb: any = pw.startVerb, rangeEndWord: any = pw.rangeEndWord, termNoun: any = pw.termNoun,
  anWord: any = pw.anWord, anniversaryWord: any = pw.anniversaryWord, thereofWord: any = pw.thereofWord, itWord: any = pw.itWord,
  successiveWord: any = pw.successiveWord, meansWord: any = pw.meansWord, yearsWord: any = pw.yearsWord,
  hyphenatedLength: any = pw.hyphenatedLength, firstWord: any = pw.firstWord, periodNameWord: any = pw.periodNameWord,
  fiscalWord: any = pw.fiscalWord, fiscalEdgeVerb: any = pw.fiscalEdgeVerb, endingWord: any = pw.endingWord, possessiveWord: any = pw.possessiveWord,
  metricPeriodWord: any = pw.metricPeriodWord, periodPossessive: any = pw.periodPossessive;
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var sinceWord: any = pw.sinceWord, previousWord: any = pw.previousWord, timesWord: any = pw.timesWord, baseWord: any = pw.baseWord, rateWord: any = pw.rateWord;
import * as rmb from './rate-multiple-builders';
import * as mb from './minimum-builders';
import * as cb from './period-builders';
import * as ab from './attainment-builders';
import * as qb from './measured-builders';
import * as op from './opening-builders';
import * as mw from './metric-builders';
import * as ib from './increment-builders';
import * as qt from './quota-builders';
import * as it from './incentive-builders';
// "100" before "%": the attainment a target incentive is stated at (a test symbol, like titleKeyword above).
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var hundredFigure: any = it.hundredFigure;
import * as ft from './first-time-builders';
import * as tab from './table-builders';
import * as cd from './customer-definition-builders';
import * as tb from './tier-builders';
import * as qbb from './quota-band-builders';
import * as lvb from './level-builders';
import * as atb from './attainment-base-builders';
import * as cmb from './commitment-builders';
import * as pl from './plan-level-builders';
import * as gr from './growth-builders';
import * as tc from './tailed-condition-builders';
import * as pd from './payment-definition-builders';
import * as isb from './item-set-builders';
import * as md from './milestone-definition-builders';
import * as pr from './pro-rata-builders';
import * as crb from './chosen-rate-builders';
import * as lb from './list-builders';
import * as cc from './compound-builders';
import * as tu from './top-up-builders';
import * as cw from './clawback-builders';
import * as cf from './carry-forward-builders';
import * as ud from './undertaking-builders';
import * as sm from './sales-minimum-builders';
import * as pp from './per-product-builders';
import * as ins from './instalment-builders';
import * as ep from './event-period-builders';
import * as ra from './rate-after-builders';
import * as pv from './period-proviso-builders';
import * as er from './effective-range-builders';
import * as po from './portion-builders';
import * as sc from './sales-counted-builders';
import * as rd from './period-after-builders';
// "Fortnight": a period named by one word (a test symbol, like redaction above).
// eslint-disable-next-line no-var, @typescript-eslint/no-explicit-any
var soleNameWord: any = pw.soleNameWord, thresholdNameWord: any = pw.thresholdNameWord, scopeWord: any = pw.scopeWord, setNameWord: any = pw.setNameWord;
import * as ptb from './plan-table-builders';
import * as pbb from './plan-band-builders';
import * as ev from './full-month-builders';
%}
@lexer lexer

# Definition sentences ('"Contract Year" means …') may come before the first clause or after the last.
# Not after an opening quote: a quote, a space and the definition's opening quote would lex as one string.
document      -> %quote:? clauses definitions %quote:?              {% ow.document %}
               | someDefinitions clauses definitions %quote:?        {% ow.definedFirst %}

# A headed clause is a maximal run of headed items plus the payment sentences after them. So a
# headed clause follows the start, an enumerated clause, or a headed clause that has at least one
# payment sentence (which ends it); two runs of headed items are never split into two clauses.
clauses       -> endsEnumerated                                      {% b.id %}
               | endsHeaded                                          {% b.id %}
# A clause heading ("Sales Bonus.") may open a sentence clause at the start or after a period; after
# headed lines whose last one may have no period, only a clause without heading, since "… in sales
# revenue" + "." would otherwise also read as a heading "revenue.".
endsEnumerated -> sentenceClause                                     {% b.single %}
               | beforeHeaded sentenceClause                         {% b.append %}
               | endsUnpaidHeaded headlessClause                     {% b.append %}
endsUnpaidHeaded -> unpaidHeadedClause                               {% b.single %}
               | beforeHeaded unpaidHeadedClause                     {% b.append %}
# One optional heading before either kind of sentence: one Earley state for it where a clause may start, not two.
sentenceClause -> clauseHeading:? sentenceBody                       {% b.withHeading %}
               | clauseHeading:? openingPhrase sentenceBody         {% op.openedClause %}
sentenceBody  -> headlessClause                                      {% b.id %}
# Milestones defined in sentences of their own, the first definition written out here: one Earley state where a clause may start.
               | %string %meansWord milestoneMeaning %period moreDefinitions uponSentence {% md.definedMilestonesClause %}
               | periodEndClause                                     {% b.id %}
# Sentences paid on a period's total once it is over. They are not predicted right after headed lines
# without a payment sentence (where a headless clause may follow), so that headed clauses predict fewer
# states at every line end; after such lines, a heading or a payment sentence comes first.
periodEndClause -> shortfallClause                                   {% b.id %}
               | attainmentClause                                    {% b.id %}
               | quarterEndTable                                     {% b.id %}
               | rewardTable                                         {% b.id %}
               | incentiveClause                                     {% b.id %}
               | proRataClause                                       {% b.id %}
headlessClause -> enumeratedClause                                   {% b.id %}
               | payerHead commitmentTail                            {% cmb.commitmentClause %}
# A commitment to sales targets in an exhibit written in the text, whose consequence is not a payment (grammar/sales-minimum-builders.ts);
# written out here, not as a rule of its own, so that it adds one Earley state where a clause may start.
               | partyRef "hereby" "commits" %to partyRef %to %achieve %comma %at %a %minimum %comma %the %sales %targets %set %forth %on %exhibit documentId %for_ %each periodName %during %the %termNoun %lparen %the %string %rparen %period %if_ partyRef %fails %to %achieve %the minimumWords %in_ %any %periodNoun "specified" %in_ %exhibit documentId %comma partyRef "may" %comma %at %its "discretion" %comma "either" remedies %period %exhibit documentId %bullet minimumWords %colon exhibitRows %period {% sm.salesMinimumClause %}
# After a list: "Each of the milestones shall be paid only once." (every milestone of it is paid once), "Nothing herein shall
# preclude multiple milestone payments in a given twelve-month period." (kept with the definitions), in any order; a
# calendar-basis statement between them is the definition it is after the clauses too ("For purposes of this Section 4.3, …").
# Optional on the one alternative, so that no Earley state is added where a clause may start.
               | payerClause listTail:?                              {% lb.withListTail %}
# A sentence after it: when its payments fall due, their pay day, or "Such payment shall be payable only upon the first
# achievement of such milestone[, and no amount shall be due for subsequent or repeated achievements]." (paid once).
# A clawback ("Commissions paid on sales later refunded shall be offset against future commissions.").
# One alternative for the four, so that a clause's start predicts one state for them, not four.
               | payerClause afterPayerClause                        {% md.withAfterSentence %}
# A payment defined in a definition sentence ('"Net Sales Payment" means, for any calendar quarter, …'): the comma after
# "means" tells it from the definitions of periods, customers and milestones.
               | %string %meansWord %comma paymentDefinitionBody %period {% pd.paymentDefinition %}
afterPayerClause -> paymentTiming                                    {% b.id %}
               | evenIfOthersOnce                                    {% b.id %}
               | paymentDay                                          {% b.id %}
               | firstAchievementOnce                                {% b.id %}
               | periodAfterSentence                                 {% b.id %}
# "Any product returns shall be deducted from the Sales Representative's commission in the quarter during which the return occurs.",
# "Commission payments shall be paid within thirty (30) days following the end of each calendar quarter." (grammar/period-after-builders.ts).
# The due sentence only after a returns sentence: alone, "Commission payments …" would be predicted after every payer-pays clause.
               | returnsSentence periodDueSentence:?                 {% rd.periodAfter %}
returnsSentence -> %any "product":? "returns" %shall %be "deducted" %from %the:? possessiveOwner %commission %in_ %the %calendar:? periodUnit %during %which %the "return" "occurs" %period {% rd.returnsSentence %}
periodDueSentence -> dueSubject %shall %be dueVerb %within %number %days afterWord %the %end %of %each %calendar:? periodUnit %period {% rd.periodDueSentence %}
dueSubject    -> %commission:? %payments
dueVerb       -> "paid" | "made"
# What later refunds or later periods do with a payment's sales: a clawback, or the excess carried forward.
periodAfterSentence -> clawbackSentence                              {% b.id %}
               | carryForwardSentence                                {% b.id %}
endsHeaded    -> headedClause                                        {% b.single %}
               | beforeHeaded headedClause                           {% b.append %}
beforeHeaded  -> endsEnumerated                                      {% b.id %}
               | endsPaidHeaded                                      {% b.id %}
endsPaidHeaded -> paidHeadedClause                                   {% b.single %}
               | beforeHeaded paidHeadedClause                       {% b.append %}

# --- payment definitions ------------------------------------------------------------------------
# '"Net Sales Payment" means, for any calendar quarter, an amount equal to fifteen percent (15%) of Net Sales of the Product
# during such calendar quarter; provided that the Net Sales Payment for the calendar quarter during which cumulative Net
# Sales reach $1,500,000 shall be prorated to apply only to Net Sales during the period up to the time that such cumulative
# amount is achieved, and no Net Sales Payment shall accrue thereafter.' (grammar/payment-definition-builders.ts)
paymentDefinitionBody -> definitionPeriod %comma windowedAmount levelStop:? {% pd.definitionBody %}
# '"Net Sales Payment" means, with respect to the First Net Sales Measuring Period, an amount equal to forty percent (40%)
# of that portion of Net Sales during the First Net Sales Measuring Period that exceeds One Million Dollars ($1,000,000).'
               | definitionPeriod %comma measuredIntro percentage %of %that %portion %of windowedMeasure %that %exceeds measuredThreshold {% pd.portionBody %}
definitionPeriod -> %for_ %any calendarPeriodNoun                   {% pd.forAnyPeriod %}
               | %with_ "respect" %to %the ownAfterThe               {% pd.withRespectTo %}
levelStop     -> %semicolon %provided %that %the definedWords %for_ %the calendarPeriodNoun %during %which measureMetric comparator money %shall %be "prorated" %to "apply" "only" %to measureMetric %during %the %periodNoun %up %to %the "time" %that "such" %cumulative "amount" %is %achieved %comma %and %no definedWords %shall "accrue" "thereafter" {% pd.levelStop %}
definedWords  -> definedWord                                         {% b.single %}
               | definedWords definedWord                            {% b.append %}
definedWord   -> %word {% b.id %} | %net {% b.id %} | %gross {% b.id %} | %sales {% b.id %} | %revenue {% b.id %} | %payment {% b.id %}
               | %bonus {% b.id %} | %commission {% b.id %} | %milestone {% b.id %}

# --- milestones defined in sentences of their own --------------------------------------------------
# '"Milestone 1" means the first achievement of annual Net Sales of at least $2,000,000 during the Calendar Year ending on
# December 31, 2026. … Upon the achievement of Milestone 1, Parent shall pay $250,000, and upon the achievement of
# Milestone 2, Parent shall pay $450,000, in each case to the Rights Agent for distribution to the Holders.': one
# milestone per definition, paid by the sentence that names it. Other definitions may stand between them ('"Sales
# Milestone Period" means …'); they join the document's definitions. A milestone definition continues after `means`
# with 'the first achievement of' or a metric, never a comma (a payment definition's).
# The clause itself is an alternative of sentenceBody (above), its first definition written out there.
moreDefinitions -> null                                              {% b.empty %}
               | moreDefinitions milestoneDefinition                 {% b.append %}
               | moreDefinitions definition                          {% b.append %}
milestoneDefinition -> %string %meansWord milestoneMeaning %period   {% md.milestoneDefinition %}
milestoneMeaning -> %the %firstWord %achievement %of subject %of comparator money definedWindow {% md.firstAchievementMeaning %}
               | condition                                           {% md.conditionMeaning %}
definedWindow -> window                                              {% b.id %}
               | %during %the %calendar %year "ending" %on date      {% md.yearEndingOn %}
uponSentence  -> uponPayments %period                                {% md.uponSentence %}
               | uponPayments %comma %in_ %each "case" %to partyRef beneficiary:? %period {% md.inEachCaseSentence %}
uponPayments  -> uponPayment                                         {% b.single %}
               | uponPayments %comma %and uponPayment                {% b.appendFourth %}
uponPayment   -> %upon %the %achievement %of milestoneRef %comma payerHead %pay uponPayee:? uponPaid {% md.uponPayment %}
uponPayee     -> %to:? partyRef                                      {% md.uponPayee %}
               | %to:? partyRef %comma beneficiary %comma            {% md.uponPayee %}
uponPaid      -> paidValue                                           {% b.id %}
               | fixedPaidAmount                                     {% b.id %}
beneficiary   -> %for_ "distribution" %to partyRef                   {% md.beneficiary %}
               | %for_ %the "benefit" %of partyRef                   {% md.beneficiary %}
milestoneRef  -> %the:? refWords                                     {% md.milestoneRef %}
refWords      -> refWord                                             {% b.single %}
               | refWords refWord                                    {% b.append %}
refWord       -> %word {% b.id %} | %milestone {% b.id %} | %sales {% b.id %} | %number {% b.id %} | %net {% b.id %} | %gross {% b.id %} | %revenue {% b.id %}

# --- once-only sentences -----------------------------------------------------------------------
# "Such milestone payment …" and "no amounts shall be due …" are the same sentence.
firstAchievementOnce -> %such %milestone:? %payment %shall %be %payable "only" %upon %the %firstWord %achievement %of %such %milestone noRepeat:? %period {% md.onceSentence %}
noRepeat      -> %comma %and %no noRepeatAmount %shall %be "due" %for_ "subsequent" %or "repeated" "achievements" repeatPeriods:? {% md.noRepeat %}
noRepeatAmount -> "amount" | "amounts"
# "… of such milestone in subsequent Calendar Years": the later periods in which a repeat earns nothing, which must be
# the condition's own (src/language/check-once-repeat.ts).
repeatPeriods -> %of %such %milestone %in_ "subsequent" %calendar repeatUnit {% md.repeatPeriods %}
repeatUnit    -> "Years" {% b.id %} | "years" {% b.id %} | "Quarters" {% b.id %} | "quarters" {% b.id %}
# "For the avoidance of doubt, this milestone shall be payable only once, even if other Licensed Products achieve Annual Net
# Sales exceeding $1,000,000.": paid once, whichever products meet the target.
evenIfOthersOnce -> %for_ %the "avoidance" %of "doubt" %comma %this_ %milestone %shall %be %payable "only" "once" %comma "even" %if_ "other" scopeWords %achieve metric comparator money %period {% pp.evenIfOthersOnce %}

# --- commitment sentences ---------------------------------------------------------------------
# "Distributor shall purchase no less than 3,000 units of the Product ("Units") per month. The minimum purchase volume
# shall increase by ten percent (10%) on every annual anniversary of the Effective Date of this Agreement.": one
# milestone that states no payment; the escalation sentence, when written, raises the minimum of later periods.
# After the party and its modal, which a clause's first column predicts already (payerHead): no state added there.
commitmentTail -> %purchase comparator count unitNoun commitmentProduct:? window %period escalation:?
commitmentProduct -> %of %the scopeWords definedTerm:?               {% cmb.commitmentProduct %}
definedTerm   -> %lparen %string %rparen
escalation    -> %the minimumWords modal "increase" %by percentage %on %every %annual %anniversaryWord %of %the %effective %date termOf:? %period {% cmb.escalation %}

# --- enumerated form -------------------------------------------------------------------------
enumeratedClause -> intro items %period paymentTerms                 {% b.enumeratedClause %}
intro         -> %the:? partyName commitment %the %following %sales:? milestoneNoun performancePhrase:? %colon {% b.intro %}
commitment    -> %agrees %to achieveVerb | %shall achieveVerb | %will achieveVerb
achieveVerb   -> %meet | %achieve | %reach
milestoneNoun -> %milestone | %milestones
performancePhrase -> %as %part %of %the %performance %targets %for_ %this_ %agreement

items         -> item                                                {% b.single %}
               | items separator item                                {% b.appendThird %}
separator     -> %comma | %semicolon | %and | %comma %and | %semicolon %and
item          -> label:? target window inlinePayment:?               {% b.item %}
label         -> %enumerator                                         {% b.parenthesisedLabel %}
               | %number %period                                     {% b.dottedLabel %}

# --- payments set out in a table below the sentence ------------------------------------------
# "At such time as the cumulative Net Sales … over the term of this Agreement first reach the Net Sales sums set
# forth below, Company will pay to Licensor the following milestone payments: Cumulative Net Sales US $2,000,000 -
# Milestone Payment US $100,000; …": one milestone per row (grammar/table-builders.ts).
# "the cumulative Net Sales …" is a subject of its own (a metric after "the").
tableCondition -> subject tableWindow %firstWord:? comparator tableReference {% tab.tableCondition %}
tableWindow   -> window                                              {% b.id %}
               | %over %the %termNoun termOf:?                       {% ow.termWindow %}
tableReference -> %the tableWords %set %forth "below"
tableWords    -> tableWord | tableWords tableWord
tableWord     -> %word | %net | %sales | %gross | %revenue | %milestone | %milestones | %payment | %target | %targets
tableRows     -> tableRow                                            {% b.single %}
               | tableRows %semicolon tableRow                       {% b.appendThird %}
# The row's words label it ("Cumulative Net Sales US", "Milestone Payment US"): the amounts are the figures.
tableRow      -> rowWords %of:? money %bullet rowWords:? money       {% tab.tableRow %}
rowWords      -> rowWord | rowWords rowWord
rowWord       -> %word | %cumulative | %aggregate | %net | %sales | %gross | %revenue | %milestone | %payment | %bonus

# --- clause headings -------------------------------------------------------------------------
# "Sales Bonus.", "4.2 Performance Bonus.", "2.3(a) Gross Revenue Bonus.", "Article 6.2 Target Bonus.",
# "3. Introducer Fee.": a title ending with a period, before an enumerated or payer-pays clause.
clauseHeading -> sectionNumber:? headingWords %period                {% b.clauseHeading %}
sectionNumber -> sectionPrefix:? sectionFigure sectionParts %period:? {% b.sectionNumber %}
sectionFigure -> %number {% b.id %} | %dottedNumber {% b.id %}
# One test symbol for "Section", "Article", "ARTICLE": one Earley state where a clause may start, not three.
sectionPrefix -> %sectionPrefixWord                                  {% b.id %}
sectionParts  -> null                                                {% b.empty %}
               | sectionParts %enumerator                            {% b.append %}
headingWords  -> headingWord                                         {% b.single %}
               | headingWords headingWord                            {% b.append %}
# Heading words: plain words and the keywords titles use ("Net Sales Milestone", "Calculation of Commissions"),
# matched by one test symbol (grammar/lexer.ts) so that a heading adds few Earley states where it may start.
# One test symbol for every token a heading word may be: one Earley state where a clause may start, not five.
headingWord   -> %headingToken {% b.id %}

# --- openings ---------------------------------------------------------------------------------
# A phrase before a sentence, ending with a comma: context ("In addition to the Base Commission,", "As partial
# consideration for the rights granted under Section 3.1,"), a start ("Commencing January 1, 2026,", "Beginning
# with the fiscal year that starts on July 1, 2026,") or a period ("For each Calendar Year,", "On a quarterly
# basis,"). What each means for the sentence: src/language/openings.ts.
openingPhrase -> %in_ "addition" %to contextWords %comma             {% op.inAdditionTo %}
               | %as "partial" "consideration" %for_ contextWords %comma {% op.asConsideration %}
               | %startVerb %on:? date %comma                        {% op.startDate %}
               | %startVerb %with_ %the %fiscalWord %year %that %fiscalEdgeVerb %on date %comma {% op.startFiscalYear %}
               | %for_ %each calendarPeriodNoun %comma               {% op.forEachPeriod %}
# "For each Fortnight (each consecutive fourteen-day period beginning on the Commencement Date),": a period the text defines, here or in a sentence.
               | %for_ %each periodName inlinePeriodDefinition:? %comma {% ep.forEachDefined %}
               | %on %a basisAdjective %basis %comma                 {% op.basisPeriod %}
basisAdjective -> "monthly" {% b.id %} | "Monthly" {% b.id %} | %quarterly {% b.id %} | %annual {% b.id %} | %yearly {% b.id %}
possessiveOwner -> %possessiveWord                                   {% b.single %}
               | partyWords %possessiveWord                          {% b.append %}
asidePhrase   -> %in_ "addition" %to contextWords                   {% op.inAdditionTo %}
# "Bonuses are paid on the 15th day of the month following the month in which they are earned.": when each payment falls due.
paymentDay    -> paidPlural %are "paid" %on %the ordinal %day %of %the %month %following %the %month %in_ %which "they" %are "earned" %period {% op.paymentDay %}
paidPlural    -> %bonuses {% b.id %} | %payments {% b.id %} | "Commissions" {% b.id %} | "commissions" {% b.id %}
# "Commissions paid on sales later refunded shall be offset against future commissions." (grammar/clawback-builders.ts).
clawbackSentence -> paidPlural "paid" %on %sales refundedWords %shall %be clawbackRemedy %period {% cw.clawback %}
refundedWords -> "later" "refunded"                                  {% cw.refundedWords %}
               | %that %are "later" "refunded"                        {% cw.refundedWords %}
clawbackRemedy -> "offset" "against" "future" futurePlural           {% cw.offsetRemedy %}
               | "repaid"                                            {% cw.simpleRemedy %}
               | "charged" "back"                                    {% cw.simpleRemedy %}
futurePlural  -> %bonuses {% b.id %} | %payments {% b.id %} | "commissions" {% b.id %}
# "Net Sales in excess of a calendar quarter's target shall carry forward to the next calendar quarter.", "… shall be
# credited toward the target of the next calendar quarter, including amounts carried forward." (grammar/carry-forward-builders.ts).
carryForwardSentence -> basis:? %sales %in_ %excess %of carryTarget carryVerb %the carryNextTarget:? "next" %calendar:? periodUnit carryAgain:? %period {% cf.carryForward %}
carryTarget   -> carryDeterminer %calendar:? %periodPossessive %target   {% cf.possessiveTarget %}
               | %the %target %for_ carryDeterminer %calendar:? periodUnit {% cf.targetFor %}
carryDeterminer -> %a {% b.id %} | %any {% b.id %} | %each {% b.id %}
carryVerb     -> %shall "carry" "forward" %to                         {% cf.verb %}
               | %shall %be "carried" "forward" %to                   {% cf.verb %}
               | %shall %be "credited" towardWord                     {% cf.verb %}
               | %shall %be "applied" towardWord                      {% cf.verb %}
towardWord    -> "toward" {% b.id %} | "towards" {% b.id %}
carryNextTarget -> %target %of %the
carryAgain    -> %comma %including "amounts" "carried" "forward"     {% cf.again %}
               | %comma "excluding" "amounts" "carried" "forward"     {% cf.again %}
# "First Commercial Sale", "First Commercial Sale of the first Product": the event of the first sale.
saleEvent     -> %firstWord "Commercial" %sale                       {% op.saleEvent %}
               | %firstWord "Commercial" %sale %of %the %firstWord %word {% op.saleEvent %}
# What the payment is in addition to, or consideration for: words up to the comma ("the commission under Section 2(a)").
contextWords  -> contextWord                                         {% b.single %}
               | contextWords contextWord                            {% b.append %}
contextWord   -> %word {% b.id %} | %the {% b.id %} | %of {% b.id %} | %commission {% b.id %} | %bonus {% b.id %} | %payment {% b.id %}
               | %payments {% b.id %} | %fee {% b.id %} | %sales {% b.id %} | %section {% b.id %} | %number {% b.id %}
               | %dottedNumber {% b.id %} | %enumerator {% b.id %} | %this_ {% b.id %} | %agreement {% b.id %}

# --- payer-pays and conditional sentences ------------------------------------------------------
# "<Payer> shall pay <Payee> <payment> if <condition>." and "If <condition>, <Payer> shall pay <Payee> <payment>.":
# one milestone, whose target and window are the condition's and whose payment is the sentence's.
payerClause   -> paymentFirst %period                                {% b.payerClause %}
# With or without a tail: one alternative, so one Earley state where a clause may start (grammar/tailed-condition-builders.ts).
               | conditionFirst paymentTail:? %period                {% tc.conditionFirstClause %}
               | achievementList %period                             {% b.payerClause %}
               | measuredSentence paymentTail:? %period              {% qb.measuredClause %}
               | measuredSentence amountName paymentTail:? %period   {% qb.namedMeasuredClause %}
               | measuredSentence amountName:? uncappedTail:? %period sumCap {% qb.sumCappedClause %}
# "…, provided that Net Sales in such quarter exceed $250,000": a condition on the amount's own period (grammar/period-proviso-builders.ts).
               | measuredSentence periodProviso %period              {% pv.provisoClause %}
               | steppedSentence %period                             {% b.payerClause %}
               | calendarSentence %period                            {% b.payerClause %}
# A period reference follows a stated amount only: after a computed one, "for such Calendar Year" is the amount's own measure window.
               | conditionIntro condition %comma partyRef modal %pay %to:? partyRef fixedPaidAmount periodReference %period {% ft.fixedWithPeriodReference %}
# The same with an aside after the payee ("…, the Principal shall pay the Agent, in addition to …, a bonus of €5.000,00 for that calendar year.").
               | conditionIntro condition %comma partyRef modal %pay %to:? partyRef %comma asidePhrase %comma fixedPaidAmount periodReference %period {% op.asideWithPeriodReference %}
# Payments set out in rows below the sentence (written out here, not as a rule of its own: one Earley state fewer where a clause may start).
               | %at "such" "time" %as tableCondition %comma payerHead %pay %to:? partyRef %the %following qualifiers:? paidNouns %colon tableRows %period {% tab.tableClause %}
               | incrementSentence provisos:? %period                {% ib.incrementClause %}
# "The sales milestone payment of $300,000 shall be payable by BMX to Ambrose when …", perhaps paid in instalments
# ("; provided that such payment will be made in three (3) equal annual installments, …"): grammar/instalment-builders.ts.
               | %the qualifiers:? paidNoun paidLink money modal %be %payable %by partyRef %to partyRef conditionLink condition instalmentProviso:? %period {% ins.payableByClause %}
# A share of a plan set out in a table below the sentence, one amount per quarter (grammar/plan-table-builders.ts): written
# out here, not as a rule of its own, so that it adds one Earley state where a clause may start.
               | partyRef modal "earn" money %for_ %each calendarPeriodNoun %in_ %which partyRef achievesVerb quarterPlanShare quarterPlanYtd:? %period quarterPlanName %for_ %number %colon quarterPlanRows %period {% ptb.planTableClause %}
# Rates in bands of a plan the lead sentence states, with a one-time bonus among them (grammar/plan-band-builders.ts); written
# out here, not as a rule of its own, so that it adds one Earley state where a clause may start.
               | %the %following %bonus "opportunities" "apply" %to %new_:? %sales "generated" %in_ %number "against" %the %number %sales "plan" %of money %colon planBandItems %period {% pbb.planBandsClause %}
# Written out after the intro (not as a rule of its own): one Earley state where a clause may start, not three.
               | conditionIntro planLevel planLevelsMore %period planExcess {% pl.planLevelsClause %}
# "The Employee shall receive one and one-half percent (1.5%) of the increase in quarter-to-quarter growth, comparing sales
# in a calendar quarter of one year with sales in the same calendar quarter of the preceding year, starting with 2026 as the
# base year.": a rate on the increase over the same quarter of the year before (grammar/growth-builders.ts).
               | payerHead %receive percentage %of %the "increase" %in_ "quarter-to-quarter" "growth" %comma "comparing" metric %in_ %a %calendar %quarter %of "one" %year %with_ metric %in_ %the "same" %calendar %quarter %of %the "preceding" %year %comma "starting" %with_ %number %as %the "base" %year %period {% gr.growthClause %}
# A computed amount with a minimum per period, topped up (grammar/top-up-builders.ts).
               | royaltySentence %period topUpSentence               {% tu.royaltyWithTopUp %}
# A minimum of royalties owed under another provision, topped up (grammar/undertaking-builders.ts); written out here,
# not as a rule of its own, so that it adds one Earley state where a clause may start.
               | %during %the %year %startVerb %number %months %from %the %date "hereof" %comma partyRef "undertakes" %to %pay partyRef "total" "royalties" %of comparator usMoney %period %should %the "royalties" "under" provisionRef %lparen percentage %of measure %rparen %be "insufficient" %to %achieve %such %minimum %comma partyRef modal "contribute" %the %difference %within %number %days %after %the %end %of %that %number %month %periodNoun %period {% ud.undertakingClause %}
# One or more payments, each with its condition: "… a bonus of $25,000 if …, and an additional bonus of $50,000 if …".
# The payer and its modal, shared by every payment-first form so that a party name is completed into one rule.
payerHead     -> partyRef modal                                      {% b.id %}
# One rule where a clause may start, its forms after the payer: each is an Earley state wherever a clause may start.
paymentFirst  -> payerHead payAction                                 {% b.paymentFirst %}
payAction     -> %pay %to:? partyRef paidConditions                  {% b.paidConditions %}
               | %pay %to:? partyRef paymentList                     {% b.listAction %}
# "ARX Corp. shall pay to Aegon Labs, LLC within thirty (30) days after its achievement the following one-time milestone
# payment: First Commercial Sale of the first Product: $500,000.": one event milestone, paid once.
               | %pay %to:? partyRef %within %number %days %after "its" %achievement %the %following qualifiers:? paidNoun %colon saleEvent %colon paidValue {% op.eventPayment %}
# "<Company> shall make a one-time payment to <Agent> of $X upon …".
               | %make madePayment conditionLink condition           {% b.madePayment %}
# "… shall pay each of the following milestone payments to BioLine Partners Ltd. within thirty (30) days after the achievement
# of such milestone: 1. …: $150,000; 2. …": the payee after the list's words, and when every payment of the list falls due.
               | %pay %each %of %the %following qualifiers:? paidNouns %to partyRef listLead:? %colon payerItems {% lb.eachOfList %}
# With a due time for the whole list, no item states its own (the text would give two).
               | %pay %each %of %the %following qualifiers:? paidNouns %to partyRef listDue listLead:? %colon undueItems {% lb.eachOfDueList %}
# "Pharmara will make each of the following one-time Sales Milestone Payments when worldwide aggregate Net Sales … in a given
# Calendar Year first meet the corresponding threshold: (a) …": no payee named; the list's condition gives each item its window.
               | %make %each %of %the %following qualifiers:? paidNouns listLead %colon payerItems {% lb.madeList %}
# "Company will pay Licensor the following amounts after the first achievement of each milestone event: (i) …": paid when met.
               | %pay %to:? partyRef %the %following "amounts" %after %the %firstWord %achievement %of %each %milestone %event %colon payerItems {% lb.amountsList %}
instalmentProviso -> %semicolon %provided %that %such %payment modal %be "made" %in_ %number %equal %annual instalmentNoun %comma "one" %in_ %each %calendar %year %lparen %startVerb %with_ %the %calendar %year %in_ %which %the "threshold" %is %firstWord "reached" %rparen %in_ %which %such "threshold" "continues" %to %be "reached" %or "exceeded" {% ins.instalmentProviso %}
instalmentNoun -> "installments" | "instalments"
madePayment   -> anArticle qualifiers:? paidNoun %to partyRef paidLink paidValue {% b.madeAmount %}
paidConditions -> paidCondition                                      {% b.single %}
               | paidConditions %comma %and paidCondition            {% b.appendFourth %}
paidCondition -> paidAmount conditionLink condition                  {% b.paidCondition %}
               | paidAmount paymentName conditionLink condition      {% ft.namedPaidCondition %}
paymentName   -> %lparen %the %string %rparen                        {% ft.paymentName %}
conditionFirst -> conditionIntro condition %comma partyRef modal %pay %to:? partyRef paidAmount {% b.conditionFirst %}
# "The first time Net Sales in a Royalty Period exceed $800,000, Company will pay …": paid once, for the first period that meets it.
               | %the firstTime condition %comma partyRef modal %pay %to:? partyRef paidAmount {% ft.firstTimeConditionFirst %}
# "…, the Principal shall pay the Agent, in addition to the commissions under Article 6.1, a bonus of …": context after the payee.
               | conditionIntro condition %comma partyRef modal %pay %to:? partyRef %comma asidePhrase %comma paidAmount {% op.asideConditionFirst %}
fixedPaidAmount -> anArticle qualifiers:? paidNoun paidLink paidValue {% b.paidAmount %}
conditionLink -> %upon | %when | %if_ | %in_ %the %event %that
               | %upon %the:? %firstWord:? %achievement %of
conditionIntro -> %if_ | %in_ %the %event %that | %should
paidAmount    -> anArticle qualifiers:? paidNoun paidLink paidValue  {% b.paidAmount %}
# "a marketing allowance of Three Thousand Dollars ($3,000)": an amount granted, in a payer-pays sentence only.
               | anArticle qualifiers:? allowanceNoun paidLink paidValue {% b.paidAmount %}
               | measuredAmount                                      {% b.id %}
anArticle     -> %a | %anWord
# A figure, or one the clause does not show: "$[***]", "[******]" (redacted).
paidValue     -> money                                               {% b.id %}
               | redactedValue                                       {% b.id %}
redactedValue -> %currencySymbol %redaction                          {% b.redactedValue %}
               | %currencyCode %redaction                            {% b.redactedValue %}
               | %redaction                                          {% b.redactedValue %}
qualifiers    -> qualifier                                           {% b.single %}
               | qualifiers %comma:? qualifier                       {% b.appendThird %}
qualifier     -> %qualifierWord {% b.id %} | %performance {% b.id %} | %target {% b.id %} | %milestone {% b.id %} | %quota {% b.id %} | %achievement {% b.id %}
# "an Annual Net Sales-Based Milestone Payment of …": "Net" among the words naming the payment.
               | %net {% b.id %}
               | %sales {% b.id %} | %annual {% b.id %} | %quarterly {% b.id %} | %additional {% b.id %}

# A list of payments: "<Payer> shall pay <Payee> the following one-time milestone payments: (a) $X upon …; (b) …".
paymentList   -> %the %following qualifiers:? paidNouns %colon payerItems {% b.paymentList %}
paidNouns     -> %payments {% b.id %} | %bonuses {% b.id %}
payerItems    -> payerItem                                           {% b.single %}
               | payerItems separator payerItem                      {% b.appendThird %}
payerItem     -> label paidAmount conditionLink condition            {% b.payerItem %}
               | label paidValue conditionLink condition             {% b.payerItem %}
               | label firstTime:? condition %colon paidValue        {% b.valueLastItem %}
# "(a) within sixty (60) days following attainment of annual Net Sales in Japan equal to ¥100,000,000: [******]": the item's own due time.
               | label itemDue attainedCondition %colon paidValue    {% lb.dueItem %}
# "(i) first Calendar Quarter in which Net Sales exceed $300,000: $25,000": the first period whose own total meets it, paid once.
               | label %firstWord calendarPeriodNoun %in_ %which periodCondition %colon paidValue {% lb.firstPeriodItem %}
firstTime     -> %firstWord "time"
# The items of a list that states one due time for all: each form above except an item's own due time.
undueItems    -> undueItem                                           {% b.single %}
               | undueItems separator undueItem                      {% b.appendThird %}
undueItem     -> label paidAmount conditionLink condition            {% b.payerItem %}
               | label paidValue conditionLink condition             {% b.payerItem %}
               | label firstTime:? condition %colon paidValue        {% b.valueLastItem %}
listLead      -> %when subject window %firstWord "meet" %the "corresponding" "threshold" {% lb.listCondition %}
listDue       -> %within %number %days %after %the %achievement %of %such %milestone {% lb.dueAfterAchievement %}
itemDue       -> %within %number %days afterWord %attainment %of    {% lb.dueAfterAchievement %}
# "attainment of annual Net Sales … equal to ¥100,000,000": reaching the amount.
attainedCondition -> condition                                       {% b.id %}
               | subject %equal %to money                            {% lb.equalToCondition %}
               | subject %equal %to money window                     {% lb.equalToCondition %}
listTail      -> listEnd                                             {% b.single %}
               | listTail listEnd                                    {% b.append %}
# A calendar-basis statement only before a several-payments sentence: alone it is one of the definitions after the clauses.
listEnd       -> onceSentence                                        {% b.id %}
               | severalPayments                                     {% b.id %}
               | basisStatement severalPayments                      {% lb.basisThenSeveral %}
               | catchUpSentence                                     {% b.id %}
# "For the sake of clarity, Milestone Events are cumulative: achievement of a Milestone Event triggers all prior Milestone Events
# not previously triggered and paid.": a later milestone's achievement also triggers every earlier one not yet triggered.
catchUpSentence -> %for_ %the "sake" %of "clarity" %comma %milestone eventsWord %are %cumulative %colon %achievement %of %a %milestone %event "triggers" %all "prior" %milestone eventsWord %not "previously" "triggered" %and "paid" %period {% lb.catchUp %}
eventsWord    -> "Events" | "events"
onceSentence  -> %each %of %the milestoneNoun modal %be "paid" "only" "once" onceRegardless:? %period {% lb.onceSentence %}
               | %each qualifiers:? paidNoun modal %be "paid" "only" "once" %period {% lb.onceSentence %}
onceRegardless -> "regardless" %of %the "number" %of scopeWords %that %achieve %itWord

# "Each amount is payable within sixty (60) days after the end of the Royalty Period in which the revenue milestone
# is achieved.": when a payer-pays clause's payments fall due, after a period the clause may not define.
paymentTiming -> %each timedThing timingVerb %within %number timingUnit %after %the %end %of %the timingPeriod %in_ %which %the %revenue:? %milestone achievedVerb %achieved %period {% b.paymentTiming %}
timedThing    -> "amount" | %payment | %such %payment
timingVerb    -> %is %payable | modal %be %payable | modal %be "made" | modal %be "paid"
timingUnit    -> %days {% b.id %} | %months {% b.id %}
achievedVerb  -> %is | "was"
timingPeriod  -> timingWord                                          {% b.single %}
               | timingPeriod timingWord                             {% b.append %}
timingWord    -> %word {% b.id %} | %quarter {% b.id %} | %month {% b.id %} | %year {% b.id %} | %of {% b.id %} | %calendar {% b.id %}

# "Upon <Party>'s achievement of each of the following sales milestones, <Payer> shall pay <Payee> the milestone
# bonus set forth opposite such milestone in Schedule 4.2: (a) …; and (b) …": one payment set out elsewhere.
achievementList -> %upon partyName %achievement %of %each %of %the %following %sales:? milestoneNoun %comma payerHead %pay %to:? partyRef elsewherePayment %colon conditionItems {% b.achievementList %}
elsewherePayment -> %the qualifiers:? paidNoun %set %forth elsewhereWhere {% b.elsewherePayment %}
elsewhereWhere -> %opposite %such %milestone %in_ documentRef        {% b.last %}
               | %in_ documentRef                                    {% b.last %}
documentRef   -> %schedule documentId                                {% b.documentRef %}
               | %exhibit documentId                                 {% b.documentRef %}
documentId    -> %number {% b.id %} | %dottedNumber {% b.id %} | %word {% b.id %}
conditionItems -> conditionItem                                      {% b.single %}
               | conditionItems separator conditionItem              {% b.appendThird %}
conditionItem -> label condition                                     {% b.conditionItem %}
paidNoun      -> %bonus | %commission | %payment | %fee | %commission %payment
allowanceNoun -> "allowance"
payOrGrant    -> %pay {% b.id %} | "grant" {% b.id %}
paidLink      -> %of | %equal %to

condition     -> subject window comparison                           {% b.windowFirstCondition %}
               | subject comparison window                           {% b.comparisonFirstCondition %}
               | subject comparison                                  {% b.openCondition %}
               | "there" %are subject comparison window              {% ft.thereAreCondition %}
# Compound conditions: "… exceed $500,000 and at least 10 new customers …", "either … or …" (grammar/compound-builders.ts).
# Left-recursive and flat: each later part joins the condition before it; a frame word goes only before a simple first part.
               | condition conditionJoin conditionPart               {% cc.joinedCondition %}
               | framingWord framedHead conditionJoin conditionPart  {% cc.framedCondition %}
framingWord   -> "either" {% b.id %} | "both" {% b.id %}
# The first part after "either" / "both": a metric's condition (a party subject would take the frame word into its name).
framedHead    -> framedSubject window comparison                     {% b.windowFirstCondition %}
               | framedSubject comparison window:?                   {% cc.framedHeadCondition %}
framedSubject -> metric scopePhrases:?                               {% b.metricSubject %}
conditionJoin -> %comma:? %and                                       {% cc.conditionJoin %}
               | %comma:? %or                                        {% cc.conditionJoin %}
conditionPart -> subject window comparison                           {% cc.windowFirstPart %}
               | subject comparison window:?                         {% cc.comparisonFirstPart %}
               | comparator target window:?                          {% cc.countPart %}
# A metric without a scope before "year-to-date": scope words would take "year-to-date" as one of theirs.
               | ytdSubject "year-to-date" comparison measuredAtEnd:? {% cc.yearToDatePart %}
ytdSubject    -> metric                                              {% b.metricSubject %}
measuredAtEnd -> "measured" %at %the %end %of %such %calendar:? periodUnit {% cc.measuredAtEnd %}
subject       -> metric scopePhrases:?                               {% b.metricSubject %}
               | %the:? partyName %firstWord:? achievesVerb metric scopePhrases:? {% b.partySubject %}
               | metric "generated" %by %the:? generatorName scopePhrases:? {% cb.generatedBySubject %}
# "the Agent's Gross Sales", "the Sales Representative's Gross Sales": the party whose sales count, by its possessive.
               | %the:? possessiveOwner metric scopePhrases:?         {% op.possessiveSubject %}
# "the Net Turnover generated by the Agent": the metric after 'the'.
               | %the metric scopePhrases:?                          {% op.theMetricSubject %}
               | %the metric "generated" %by %the:? generatorName scopePhrases:? {% op.theGeneratedBySubject %}
# "Bookings credited to the Participant": the party whose bookings count (built like "generated by").
               | metric "credited" %to %the:? generatorName scopePhrases:? {% cb.generatedBySubject %}
# "Revenue generated by the Agent of the Territory": the name has no 'of', 'the' or 'a' inside, which would make
# "of …" both a word of the name and a scope.
generatorName -> partyFirstWord                                      {% b.single %}
               | generatorName partyFirstWord                        {% b.append %}
achievesVerb  -> %generates | %achieves | %reaches | %generate | %achieve | %reach | %generating
# "aggregate annual Net Sales", "Monthly Sales": a period adjective after the modifiers (src/language/period-word.ts reads it).
# A period word is one more modifier (one test symbol), so that a metric predicts one more state, not a rule.
metric        -> metricModifiers:? basis:? metricNoun                {% b.metric %}
metricModifiers -> metricModifier                                    {% b.single %}
               | metricModifiers metricModifier                      {% b.append %}
metricModifier -> %aggregate {% b.id %} | %cumulative {% b.id %} | %worldwide {% b.id %} | %such {% b.id %} | %metricPeriodWord {% b.id %}
metricNoun    -> %sales | %revenue | %revenues | %turnover | %bookings | %purchases | %sales %revenue
scopePhrases  -> scopePhrase                                         {% b.single %}
               | scopePhrases scopePhrase                            {% b.append %}
# Also of the Company and its Subsidiaries (a party and its own) and to Customers (whose purchases count).
scopePhrase   -> scopePreposition %the:? scopeWords                  {% b.scopePhrase %}
# "of each Product": counted per item (check-each-scope.ts warns that the ledger is read as one item's rows).
               | %of %each scopeWords                                {% b.eachScopePhrase %}
               | scopePreposition %the:? scopeWords %and %its scopeWords {% qb.joinedScope %}
               | %to %the:? customerNoun                             {% qb.customerScope %}
               | %by scopeParties                                    {% b.byScope %}
# "of a Licensed Product": counted per product (grammar/per-product-builders.ts).
               | %of %a scopeWords                                   {% pp.perProductScope %}
# "of the first Licensed Product": the scope words after an ordinal.
               | %of %the %firstWord scopeWords                      {% md.firstScope %}
# "of the Product worldwide": where the sales count, after the metric.
               | %worldwide                                          {% md.worldwideScope %}
               | %by %or %on "behalf" %of scopeParties               {% lb.onBehalfScope %}
# "by Licensee, its Affiliates and Sublicensees": whose sales count, as written (the checker warns it is not applied).
scopeParties  -> scopeParty                                          {% b.single %}
               | scopeParties scopeJoin scopeParty                   {% b.appendAll %}
scopeJoin     -> %comma | %and | %or | %comma %and | %comma %or
scopeParty    -> %its:? scopeWords                                   {% b.scopeParty %}
# "Vistara or any of its Affiliates or Sublicensees".
               | %any %of %its scopeWords                            {% md.anyOfItsParty %}
scopePreposition -> %of | %in_ | %from %sales %of | %from
# Never "term", "period" nor a period's sole name: "in the term", "in the Royalty Period" and "in the Fortnight" are windows.
scopeWords    -> %scopeWord                                          {% b.single %}
               | scopeWords %scopeWord                               {% b.append %}
comparison    -> beVerb:? comparator money                           {% b.comparison %}
# "equal or exceed 100% of the Participant's FY2027 Quota of $1,200,000": a share of a quota written in the text.
               | beVerb:? comparator otherAmount                     {% isb.otherComparison %}
               | beVerb:? money %or orMore                           {% b.orMoreComparison %}
               | %firstWord comparator money                         {% b.firstComparison %}
# "Gross Sales of $150,000 by June 30, 2026": reaching it; "… of $150,000 or more"; "of at least One Hundred Thousand
# Dollars ($100,000)": the comparator after "of". One alternative after "of", so that a comparison predicts one state for them.
               | %of ofTail                                          {% isb.ofComparison %}
ofTail        -> money                                               {% isb.ofTail %}
               | money %or orMore                                    {% isb.ofTail %}
               | comparator money                                    {% isb.ofTail %}
# After a comparator, besides an amount: a share of a quota ("100% of the Participant's FY2027 Quota of $1,200,000"), or a
# target the text names ("the Target Sales Threshold of $150,000": two words or more, so never "the target").
otherAmount   -> quotaShare                                          {% b.id %}
               | %the namedTarget %of money                          {% isb.namedAmount %}
beVerb        -> %is | %are | %were
orMore        -> %more | %greater
# Strict: exceed, exceeds, in excess of, more than, greater than. Inclusive: at least, not (no) less than,
# equal(s) or exceed(s), reach(es); and "<amount> or more" / "or greater".
comparator    -> %exceed {% b.strict %} | %exceeds {% b.strict %} | %exceeding {% b.strict %} | %in_ %excess %of {% b.strict %}
               | %more %than {% b.strict %} | %greater %than {% b.strict %}
               | %at %least {% b.inclusive %} | %not %less %than {% b.inclusive %} | %no %less %than {% b.inclusive %}
               | %equal %or %exceed {% b.inclusive %} | %equals %or %exceeds {% b.inclusive %}
               | %reach {% b.inclusive %} | %reaches {% b.inclusive %}
               | %reach %or %exceed {% b.inclusive %} | %reaches %or %exceeds {% b.inclusive %}

# --- shortfall sentences ----------------------------------------------------------------------
# "If the Distributor fails to purchase the Annual Minimum of $500,000 in each year, it shall pay the Company
# twenty percent (20%) of the shortfall." and "If Net Sales in each year are less than $100,000, Licensee shall
# pay Licensor the difference.": one milestone (the minimum) whose payment runs from the party that missed it.
shortfallClause -> conditionIntro minimumCondition %comma partyRef modal %pay %to:? partyRef shortfallAmount %period {% mb.shortfallClause %}
minimumCondition -> partyRef failure failVerb minimumQuantity window {% mb.partyMinimum %}
               | subject window beVerb %less %than money             {% mb.windowFirstMinimum %}
               | subject beVerb %less %than money window             {% mb.amountFirstMinimum %}
failure       -> %fails %to | %does %not
failVerb      -> %purchase | %achieve | %meet | %reach | %generate | %sell
minimumQuantity -> minimumName:? money                               {% mb.minimumQuantity %}
               | minimumName:? target                                {% mb.minimumQuantity %}
minimumName   -> %the minimumWords %of                               {% mb.minimumName %}
minimumWords  -> minimumWord                                         {% b.single %}
               | minimumWords minimumWord                            {% b.append %}
minimumWord   -> %word {% b.id %} | %annual {% b.id %} | %quarterly {% b.id %} | %minimum {% b.id %} | %purchase {% b.id %}
               | %purchases {% b.id %} | %sales {% b.id %} | %target {% b.id %} | %net {% b.id %} | %gross {% b.id %}
shortfallAmount -> shortfallShare                                    {% b.id %}
               | %a %payment %equal %to shortfallShare               {% mb.introducedShortfall %}
shortfallShare -> %the shortfallWord unitPrice:?                     {% mb.wholeShortfall %}
               | percentage %of %the shortfallWord unitPrice:?       {% mb.shareOfShortfall %}
shortfallWord -> %shortfall | %difference
unitPrice     -> %at money %per %unit                                {% mb.unitPrice %}

# --- attainment tables ------------------------------------------------------------------------
# "The Company shall pay the Agent, in each quarter, a bonus based on attainment of the quota of $300,000 in
# Net Sales as follows: below 80%: nothing; 80%: $6,000; from 80% to 100%: interpolated on a straight-line
# basis; 100% or more: $12,000.": one line per band, "<range>: <payout>", separated by semicolons.
# One rule after the first party, so that the tables add no Earley state where a clause may start (partyRef is
# predicted there already); the possessive of the tables of percentages ("The Executive's bonus") is the checker's.
attainmentClause -> partyRef attainmentTail                          {% atb.afterParty %}
attainmentTail -> modal %pay %to:? partyRef %comma window %comma %a paidNoun %based %on %attainment %of %the %quota %of quotaAmount %as %follows %colon attainmentBands %period {% atb.quotaTail %}
               | conditionsTable                                     {% b.id %}
               | pointsTable                                         {% b.id %}
quotaAmount   -> money %in_ metric                                   {% ab.quota %}
attainmentBands -> attainmentBand                                    {% b.single %}
               | attainmentBands %semicolon attainmentBand           {% b.appendThird %}
attainmentBand -> attainmentRange %colon attainmentPayout            {% ab.band %}
attainmentRange -> %below percentage                                 {% ab.below %}
               | %less %than percentage                              {% ab.below %}
               | percentage                                          {% ab.point %}
               | percentage %or %more                                {% ab.orMore %}
               | %more %than percentage                              {% ab.moreThan %}
               | %from percentage %to percentage                     {% ab.fromTo %}
attainmentPayout -> money                                            {% ab.amountPayout %}
               | %nothing                                            {% ab.nothingPayout %}
               | percentage %of money                                {% ab.sharePayout %}
               | %interpolated %on %a "straight-line" %basis         {% ab.interpolatedPayout %}

# Payouts as percentages of one amount, each band a condition written with signs: "The Executive's bonus for 2026,
# as a percentage of Base Salary ($200,000), shall be determined by performance relative to the revenue target of
# $10,000,000 as follows: 0% if revenue is <95% of revenue target; 50% if >95% and <100% of revenue target; …".
conditionsTable -> paidNoun %for_ %number %comma %as %a "percentage" %of baseWords %lparen money %rparen %comma modal %be "determined" %by %performance "relative" %to %the metric quotaNoun %of money %as %follows %colon conditionBands %period {% atb.conditionsTail %}
baseWords     -> baseWord                                            {% b.single %}
               | baseWords baseWord                                  {% b.append %}
baseWord      -> %word {% b.id %} | %target {% b.id %} | %bonus {% b.id %}
quotaNoun     -> %target | "plan" | %goal
conditionBands -> conditionBand                                      {% b.single %}
               | conditionBands %semicolon %and:? conditionBand      {% b.appendFourth %}
conditionBand -> percentage %if_ bandSubject:? signRange bandQuota:? {% atb.conditionBand %}
bandSubject   -> metric beVerb
signRange     -> %lessSign percentage                                {% atb.signBelow %}
               | %greaterSign percentage                             {% atb.signAbove %}
               | %greaterSign percentage %and %lessSign percentage   {% atb.signBetween %}
bandQuota     -> %of metric:? quotaNoun
# Amounts by the period's own total, paid when an objective is met: "Reward for accomplishment of the monthly sales
# quota: a Class A regional distributor that accomplishes its sales objective for the current month (400 units) shall
# receive a reward based on its actual sales volume, as follows: RMB 1,000.00 for sales of less than 500 units; …".
rewardTable   -> headingWords rewardLeadEnd:? %colon %a partyName %that "accomplishes" %its %sales "objective" %for_ %the "current" periodUnit %lparen count unitNoun %rparen modal %receive %a "reward" %based %on %its "actual" %sales "volume" %comma %as %follows %colon rewardBands %period {% atb.rewardTable %}
rewardLeadEnd -> %the headingWords                                   {% atb.leadEnd %}
rewardBands   -> rewardBand                                          {% b.single %}
               | rewardBands %semicolon %and:? rewardBand            {% b.appendFourth %}
rewardBand    -> money %for_ %sales %of countRange                   {% atb.rewardBand %}
countRange    -> %less %than count unitNoun                          {% atb.countBelow %}
               | %more %than count unitNoun                          {% atb.countAbove %}
               | %more %than count unitNoun "but" %less %than count unitNoun {% atb.countBetween %}

# Payouts as percentages of an amount earned in each fiscal quarter, by ranges of attainment: "At the end of each fiscal
# quarter (October 31, January 31, April 30 and July 31) the commission is calculated based on achievement of the
# quarterly Revenue Goal of $200,000 and is expressed as a percentage of the base salary earned in the quarter
# ($25,000): Attainment of Revenue Goal / Commission Payable: 0-50%: 10%; 51-60%: 15%; >70%-80%: 30%; …".
quarterEndTable -> %at %the %end %of %each %fiscalWord %quarter %lparen quarterEnds %rparen %the paidNoun %is "calculated" %based %on %achievement %of %the %quarterly metric goalNoun %of money %and %is "expressed" %as %a "percentage" %of %the baseWords "earned" %in_ %the %quarter %lparen money %rparen %colon %attainment %of metric goalNoun %slash paidNoun %payable %colon rangeBands %period {% atb.quarterEndTable %}
quarterEnds   -> quarterEnd %comma quarterEnd %comma quarterEnd %comma:? %and quarterEnd {% atb.quarterEnds %}
quarterEnd    -> %monthName %number                                  {% atb.monthDay %}
rangeBands    -> rangeBand                                           {% b.single %}
               | rangeBands %semicolon %and:? rangeBand              {% b.appendFourth %}
rangeBand     -> dashRange %colon percentage                         {% atb.rangeBand %}
dashRange     -> %number %bullet percentage                          {% atb.dashRange %}
               | percentage %bullet percentage                       {% atb.dashRange %}
               | %greaterSign percentage %bullet percentage          {% atb.signDashRange %}

# Payouts as percentages of one amount at listed points of attainment: "The Participant's bonus for the Fiscal Year
# beginning April 1, 2026 shall be the percentage of the Target Bonus ($40,000) set out below opposite the Percent of
# Net Revenues plan ($2,000,000) achieved: Percent of Net Revenues / Bonus: 85.0% - Zero; 90.0% - 50.0%; …".
pointsTable   -> paidNoun %for_ %the fiscalYearBeginning modal %be %the "percentage" %of %the baseWords %lparen money %rparen %set %out %below %opposite %the "Percent" %of metric quotaNoun %lparen money %rparen %achieved %colon "Percent" %of metric %slash paidNoun %colon pointBands %period {% atb.pointsTail %}
fiscalYearBeginning -> %fiscalWord %year %startVerb %on:? date       {% ow.fiscalYearSpan %}
pointBands    -> pointBand                                           {% b.single %}
               | pointBands %semicolon %and:? pointBand              {% b.appendFourth %}
pointBand     -> percentage %bullet pointPayout                      {% atb.pointBand %}
pointPayout   -> percentage                                          {% b.id %}
               | "Zero"                                              {% b.id %}

# --- headed form -----------------------------------------------------------------------------
headedClause  -> headedItems paymentTerms                            {% b.headedClause %}
unpaidHeadedClause -> headedItems                                    {% b.headedClause %}
paidHeadedClause -> headedItems somePaymentTerms                     {% b.headedClause %}
headedItems   -> headedItem                                          {% b.single %}
               | headedItems headedItem                              {% b.append %}
headedItem    -> %bullet:? heading %colon headedVerb:? target window:? inlinePayment:? %period:? {% b.headedItem %}
heading       -> periodUnit %number goalNoun                         {% b.numberedHeading %}
               | periodAdjective goalNoun                            {% b.adjectiveHeading %}
periodAdjective -> %quarterly {% b.id %} | %annual {% b.id %} | %yearly {% b.id %}
goalNoun      -> %milestone | %goal | %target
headedVerb    -> %close | %reach | %achieve | %generate | %sell

# --- parties ---------------------------------------------------------------------------------
# A company suffix ends the name: "Acme Co. Beta will pay" is the heading "Acme Co." and the party "Beta",
# never also one party "Acme Co. Beta".
partyName     -> partyWords                                          {% b.id %}
               | suffixedName                                        {% b.id %}
partyWords    -> partyFirstWord                                      {% b.single %}
               | partyWords partyWord                                {% b.append %}
suffixedName  -> partyWords %comma:? dottedSuffix %period            {% b.appendAll %}
               | partyWords %comma undottedSuffix                    {% b.appendAll %}
               | suffixedName %comma:? dottedSuffix %period          {% b.appendAll %}
               | suffixedName %comma undottedSuffix                  {% b.appendAll %}
# Company forms: "Acme, Inc.", "Northwind Supply Co., Inc.", "Beta Holdings, LLC".
dottedSuffix  -> "Inc" {% b.id %} | "Co" {% b.id %} | "Corp" {% b.id %} | "Ltd" {% b.id %}
undottedSuffix -> "LLC" {% b.id %} | "LLP" {% b.id %} | "LP" {% b.id %} | "Ltd" {% b.id %} | "GmbH" {% b.id %} | "AG" {% b.id %} | "plc" {% b.id %}
partyFirstWord -> %word {% b.id %} | %sales {% b.id %} | %new_ {% b.id %} | %net {% b.id %} | %target {% b.id %}
               | %customer {% b.id %} | %client {% b.id %} | %customers {% b.id %} | %clients {% b.id %} | %unit {% b.id %}
# Inside a name, 'the', 'of' and 'a' are words of it: "Licensee of the Territory", "Party A".
partyWord     -> partyFirstWord {% b.id %} | %the {% b.id %} | %of {% b.id %} | %a {% b.id %}

# --- targets ---------------------------------------------------------------------------------
target        -> money %in_ basis:? revenueNoun                       {% b.revenueTarget %}
               | count unitNoun product:? %sold:?                    {% b.unitsTarget %}
               | count %new_ customerNoun                             {% b.newCustomersTarget %}
               | count dealNoun                                      {% b.dealsTarget %}
revenueNoun   -> %sales %revenue | %revenue | %sales
basis         -> %gross {% b.id %} | %net {% b.id %}
product       -> %of %string                                         {% b.product %}
# Singular nouns read as the plural ("1 new customer"); the AST keeps the plural.
unitNoun      -> %units | %unit
customerNoun  -> %customers {% b.id %} | %clients {% b.id %} | %customer {% b.id %} | %client {% b.id %}
dealNoun      -> %sales | %deals | %closed %deals | %sale | %deal | %closed %deal
count         -> %number                                             {% b.id %}

money         -> %currencySymbol %number multiplier:?                {% b.symbolMoney %}
               | %currencyCode %number multiplier:?                  {% b.codeFirstMoney %}
               | %number multiplier:? %currencyCode                  {% b.codeLastMoney %}
               | %draftedMoney                                       {% b.draftedMoney %}
multiplier    -> %thousand {% b.id %} | %million {% b.id %} | %billion {% b.id %}

# --- windows ---------------------------------------------------------------------------------
window        -> %by %the %end %of %the ordinal periodUnit           {% b.endOfOrdinal %}
               | %by %the %end %of periodUnit %number                {% b.endOfNumbered %}
               | %by %the %end %of %the periodUnit                   {% b.endOfThe %}
               | %by date                                            {% b.byDate %}
               | %within %number withinUnit relation %the %effective %date {% b.within %}
               | periodPreposition %the ordinal periodUnit           {% b.periodOrdinal %}
               | periodPreposition periodUnit %number                {% b.periodNumbered %}
               | recurrence periodUnit                               {% b.recurring %}
               | periodPreposition calendarChoice                    {% cb.calendarWindow %}
               | periodPreposition calendarQuantifier calendarPeriodNoun periodBound {% ft.boundedCalendarWindow %}
               | %per calendarPeriodNoun                             {% cb.calendarPer %}
               | ownWindow                                           {% b.id %}
periodPreposition -> %in_ | %during
# "occurring before January 1, 2028", "ending on or before December 31, 2027": the last period that counts.
periodBound   -> "occurring" "before" date                           {% ft.periodBound %}
               | "ending" "before" date                              {% ft.periodBound %}
               | "ending" %on %or "before" date                      {% ft.periodBound %}
recurrence    -> %in_ %each | %each | %every | %per
withinUnit    -> %day {% b.id %} | %days {% b.id %} | %month {% b.id %} | %months {% b.id %}
relation      -> %of {% b.id %} | %after {% b.id %} | %from {% b.id %}
ordinal       -> %ordinal {% b.id %} | %ordinalNumber {% b.id %}
periodUnit    -> %month {% b.id %} | %quarter {% b.id %} | %year {% b.id %}
date          -> %isoDate                                            {% b.isoDate %}
               | %monthName %number %comma:? %number                 {% b.monthFirstDate %}
               | %number %monthName %number                          {% b.dayFirstDate %}

# --- windows with their own start, and defined periods -----------------------------------------
# "during the twelve (12) month period commencing June 1, 2026", "in the period from June 1, 2026 to
# May 31, 2027", "during the first twelve (12) months after the Effective Date", "during the term",
# "during the first Contract Year", "in each Contract Year", "during the Measuring Period".
# Factored so that few rules are predicted where a window may start (Earley states per column).
ownWindow     -> periodPreposition ownAfterPreposition                 {% ow.withPreposition %}
               | recurrence periodName                               {% ow.definedEach %}
ownAfterPreposition -> %the ownAfterThe                              {% ow.withPreposition %}
               | %any periodName                                     {% ow.definedEach %}
               | %a periodName                                       {% ow.definedEach %}
ownAfterThe   -> spanLength %periodNoun %startVerb %on:? spanStart   {% ow.spanWindow %}
               | %periodNoun %from date rangeEnd date                {% ow.dateRangeWindow %}
               | %firstWord spanLength spanRelation %the %effective %date {% ow.firstSpanWindow %}
               | %termNoun termOf:?                                  {% ow.termWindow %}
               | ordinal periodName                                  {% ow.definedOrdinal %}
               | periodName                                          {% ow.definedThe %}
               | %fiscalWord %year %startVerb %on:? date             {% ow.fiscalYearSpan %}
spanLength    -> %number lengthUnit                                  {% ow.spanLength %}
               | %hyphenatedLength                                    {% ow.hyphenatedLength %}
lengthUnit    -> %day {% b.id %} | %days {% b.id %} | %month {% b.id %} | %months {% b.id %} | %year {% b.id %} | %yearsWord {% b.id %}
spanStart     -> date                                                {% ow.dateStart %}
               | %the %effective %date                               {% ow.effectiveStart %}
spanRelation  -> %after | %following | %from | %of
rangeEnd      -> %to | %rangeEndWord | %to %and %including
termOf        -> %of %this_ %agreement
# A defined period's name: capitalised words, then Year, Quarter, Month or Period ("Contract Year").
periodName    -> periodNameWords periodHead                          {% ow.periodName %}
               | %soleNameWord                                       {% ep.soleName %}
periodNameWords -> %periodNameWord                                    {% b.single %}
               | periodNameWords %periodNameWord                      {% b.append %}
periodHead    -> %year {% b.id %} | %quarter {% b.id %} | %month {% b.id %} | %periodNoun {% b.id %}

# --- definitions -----------------------------------------------------------------------------
# A statement about a metric's periods comes after the clauses only, so that the first column predicts no metric.
definitions   -> null                                                {% b.empty %}
               | definitions definition                              {% b.append %}
               | definitions basisStatement                          {% b.append %}
someDefinitions -> definition                                        {% b.single %}
               | someDefinitions definition                          {% b.append %}
# One state for a quoted term where a definition may start (after every clause): the meanings are told apart after "means":
# periods and fiscal labels, '"New Client" means a client that is not and has never been party to a Sale Agreement.', and
# sets of products or customers ('"Products" means the Model X and Model Y systems listed in Exhibit A, excluding
# accessories and spare parts.', '"Introduced Customers" means Acme, Inc. and Beta Holdings, LLC.': grammar/item-set-builders.ts).
definition    -> %string %meansWord termMeaning %period              {% isb.termDefinition %}
# Few rules start a definition, since they are predicted wherever the clauses could end:
# "The Company's fiscal year begins on July 1.", "The fiscal year ends on September 30, and "FY2027" means …".
               | %the fiscalAfterThe                                 {% ow.withLead %}
               | %possessiveWord fiscalYearStatement                 {% ow.withLead %}
whoMeaning    -> customerMeaning                                     {% isb.customerMeaningOf %}
               | itemSetMeaning                                      {% b.id %}
itemSetMeaning -> %the setNames setNoun setListed:? setExcluding:?   {% isb.productMeaning %}
               | setParties                                          {% isb.partyMeaning %}
               | endingDotted                                        {% isb.lastDottedMeaning %}
               | setParties %and endingDotted                        {% isb.lastDottedMeaning %}
setNames      -> setName                                             {% b.single %}
               | setNames %and setName                               {% b.appendThird %}
               | setNames %comma setName                             {% b.appendThird %}
               | setNames %comma %and setName                        {% b.appendFourth %}
setName       -> setWords                                            {% isb.setName %}
setWords      -> setWord                                             {% b.single %}
               | setWords setWord                                    {% b.append %}
               | setWords %number                                    {% b.append %}
# Keywords a product name may hold ("Widget Pro", "Widget Max", "Net Manager").
# Never "excluding": "…, excluding Model Y products" is what the set leaves out, never one more name.
setWord       -> %setNameWord {% b.id %} | %pro {% b.id %} | %maximum {% b.id %} | %minimum {% b.id %} | %full {% b.id %} | %net {% b.id %} | %gross {% b.id %} | %new_ {% b.id %} | %unit {% b.id %}
# The noun after the names is required, so that where the names end is never in doubt.
setNoun       -> "systems" {% isb.setNoun %} | "products" {% isb.setNoun %} | "product" "lines" {% isb.setNoun %}
setListed     -> "listed" %in_ documentRef                           {% isb.setListed %}
# "Exhibit A": the letter a is the article's token.
               | "listed" %in_ %exhibit %a                           {% isb.setListedA %}
setExcluding  -> %comma "excluding" excludedWords                   {% isb.setExcluding %}
excludedWords -> %word                                               {% b.single %}
               | excludedWords %word                                 {% b.append %}
               | excludedWords %and %word                            {% b.appendAll %}
setParties    -> partyName                                           {% isb.partyOf %}
               | setParties %and partyName                           {% isb.appendParty %}
# "… and Beta, Inc.": the period after the last company form also ends the sentence ("Ltd" is also a form without a period).
endingDotted  -> partyWords %comma endingSuffix                      {% isb.endingDotted %}
endingSuffix  -> "Inc" {% b.id %} | "Co" {% b.id %} | "Corp" {% b.id %}
fiscalAfterThe -> %possessiveWord fiscalYearStatement                {% ow.withLead %}
               | fiscalYearStatement                                 {% b.id %}
# Written out (not eventName): one Earley state fewer after a sentence's first "The", where many sentence forms are predicted.
               | %word %date %is date %period                        {% pd.eventDate %}
fiscalYearStatement -> %fiscalWord %year %fiscalEdgeVerb %on %monthName %number fiscalLabelTail %period {% ow.fiscalSentence %}
fiscalLabelTail -> null                                              {% b.empty %}
               | %comma %and fiscalLabelMeaning                      {% ow.third %}
fiscalLabelMeaning -> %string %meansWord %the %fiscalWord %year %endingWord date {% ow.fiscalLabelDefinition %}
# "For purposes of this Section 4.3, annual Net Sales shall be calculated on a calendar year basis.": the period word
# first, so that the end of every clause predicts few states for it.
basisStatement -> purposeLead:? %metricPeriodWord basis:? metricNoun %shall %be "calculated" %on %a %calendar periodUnit %basis %period {% mw.basisStatement %}
purposeLead   -> %for_ "purposes" %of %this_ purposeObject %comma    {% mw.purposeLead %}
purposeObject -> %section sectionRef                                 {% mw.sectionObject %}
               | %agreement                                          {% mw.agreementObject %}
# '"New Client" means a client that is not and has never been party to a Sale Agreement.'
termMeaning   -> definedMeaning                                      {% b.id %}
               | whoMeaning                                          {% b.id %}
# '"Annual Net Sales" means the Net Sales of a Licensed Product in a Calendar Year.': a metric in a calendar period.
               | %the metric scopePhrases:? periodPreposition calendarChoice {% pp.metricMeaning %}
# "Nothing herein shall preclude multiple milestone payments in a given twelve-month period.", "If more than one unmet Sales
# Milestone is achieved in a given Calendar Year, a Sales Milestone Payment will be made for each.": each milestone met is paid.
severalPayments -> %nothing "herein" %shall "preclude" "multiple" qualifiers:? paidNouns %in_ %a "given" %hyphenatedLength %periodNoun %period {% lb.nothingPrecludes %}
               | %if_ %more %than "one" qualifiers:? milestoneNoun %is %achieved %in_ %a "given" severalPeriod %comma %a qualifiers:? paidNoun modal %be "made" %for_ %each %period {% lb.madeForEach %}
severalPeriod -> %calendar periodUnit
definedMeaning -> periodMeaning                                      {% b.id %}
               | %the %fiscalWord %year %endingWord date             {% ow.fiscalLabelBody %}
periodMeaning -> %each %successiveWord:? spanLength %periodNoun %startVerb %on %the %effective %date %or anniversary {% ow.successivePeriods %}
               | %the spanLength %periodNoun %startVerb %on:? spanStart {% ow.definedSpan %}
# "the twelve (12) months beginning on the Effective Date": the same span, written without "period".
               | %the spanLength %startVerb %on:? spanStart          {% ow.definedSpanNoPeriod %}
               | %the %periodNoun %from date rangeEnd date           {% ow.definedRange %}
# "the period beginning on the Effective Date and ending on December 31, 2027": from the effective date through that day
# (grammar/effective-range-builders.ts).
               | %the %periodNoun %startVerb %on %the %effective %date %and "ending" %on date {% er.effectiveThrough %}
               | %each calendarPeriodsWord %periodNoun "ending" %on periodEnds {% ft.calendarPeriods %}
# '"Sales Period" means each calendar quarter.'
               | %each %calendar %quarter                            {% isb.eachCalendarQuarter %}
# '"Fortnight" means each consecutive fourteen-day period beginning on the Commencement Date.'
               | eventPeriods                                        {% b.id %}
# "the four (4) consecutive Calendar Quarters beginning with the first full Calendar Quarter after the Closing Date".
               | %the %number %successiveWord %calendar quartersWord %startVerb %with_ %the %firstWord %full %calendar %quarter %after %the eventName {% pd.quartersAfterEvent %}
# "the period commencing on the First Commercial Sale Date, being March 17, 2026, and ending on the last day of the twelfth
# (12th) full calendar month thereafter" (grammar/event-period-builders.ts).
               | %the %periodNoun %startVerb %on %the saleEvent %date %comma "being" date %comma %and "ending" %on %the "last" %day %of %the monthOrdinal %full %calendar %month "thereafter" {% ev.fullMonthsAfterEvent %}
monthOrdinal  -> %ordinal {% ev.draftedOrdinal %}
               | %ordinalNumber {% ev.draftedOrdinal %}
               | %ordinal %lparen %ordinalNumber %rparen             {% ev.draftedOrdinal %}
eventPeriods  -> %each %successiveWord:? spanLength %periodNoun %startVerb %on %the eventName {% ep.periodsFromEvent %}
inlinePeriodDefinition -> %lparen eventPeriods %rparen               {% ep.inlineDefinition %}
quartersWord  -> "Quarters" | "quarters"
# "Closing Date": an event whose date a statement gives ("The Closing Date is February 10, 2026.").
eventName     -> %word %date                                         {% pd.eventName %}
# "each semi-annual period ending on June 30 or December 31": calendar periods named by their last days; "each six-month
# period ending on …" and "each three-month period ending on …" name them by their length.
calendarPeriodsWord -> "semi-annual" {% b.id %} | "semiannual" {% b.id %} | %quarterly {% b.id %}
               | "six-month" {% b.id %} | "three-month" {% b.id %}
periodEnds    -> monthDays %comma:? %or monthDay                     {% b.appendFourth %}
monthDays     -> monthDay                                            {% b.single %}
               | monthDays %comma monthDay                           {% b.appendThird %}
monthDay      -> %monthName %number                                  {% ft.monthDay %}
anniversary   -> anniversaryArticle %anniversaryWord anniversaryOf
anniversaryArticle -> %a | %anWord | %each | %any
anniversaryOf -> %of %itWord | %thereofWord | %of %the %effective %date

# --- payments --------------------------------------------------------------------------------
inlinePayment -> %comma:? %for_ %a paymentNoun %of money              {% b.inlinePayment %}
paymentNoun   -> %commission | %bonus | %commission %payment

paymentTerms  -> null                                                {% b.empty %}
               | paymentTerms paymentTerm                            {% b.append %}
somePaymentTerms -> paymentTerm                                      {% b.single %}
               | somePaymentTerms paymentTerm                        {% b.append %}
paymentTerm   -> %upon achieving scope %comma partyRef:? modal entitlement:? %receive payment %period {% b.paymentTerm %}
achieving     -> %achieving | %meeting | %reaching | %achievement %of
scope         -> %each %milestone                                    {% b.eachScope %}
               | %the %milestone                                     {% b.eachScope %}
               | %milestone %enumerator                              {% b.labelScope %}
               | %milestone %number                                  {% b.labelScope %}
partyRef      -> %the:? partyName                                    {% b.partyRef %}
modal         -> %will | %shall
entitlement   -> %be %entitled %to
payment       -> boundedPayment                                      {% b.id %}
               | boundedPayment %comma:? dueTerm                     {% pb.timed %}
boundedPayment -> unlimitedPayment                                   {% b.id %}
               | unlimitedPayment %comma:? limits                    {% pb.limited %}
unlimitedPayment -> %the %corresponding %commission %payment %as referenceVerb %in_ %section sectionRef {% b.sectionPayment %}
               | %a paymentNoun %of money                            {% b.fixedPayment %}
               | %a %commission rateLink percentage %of %the:? basis:? %sales %revenue sincePrevious:? {% b.ratePayment %}
               | computedPayment                                     {% b.id %}
referenceVerb -> %outlined | %set %out | %specified | %described | %provided
rateLink      -> %equal %to | %of
# "since the previous milestone": which sales a rate counts; whether the milestones allow it is the checker's business.
sincePrevious -> %sinceWord %the %previousWord %milestone            {% b.sincePrevious %}
# "2%", or the drafting style "five percent (5%)" (one token whose value is the figure).
percentage    -> %number %percent                                    {% b.id %}
               | %draftedPercent                                     {% b.id %}
# "4.2", "7(b)", "4.2(a)(iii)", "7.1.2" (one token), or a placeholder "[X]".
sectionRef    -> %placeholder                                        {% b.single %}
               | %number                                             {% b.single %}
               | %dottedNumber                                       {% b.single %}
               | sectionRef %enumerator                              {% b.append %}

# --- payment mechanics -------------------------------------------------------------------------
# Rates on all or on the excess, tiers, per-increment amounts, caps and floors. Which tier reading
# (marginal or retroactive) the words give is the checker's business (src/language/check-payments.ts).
computedPayment -> percentage %of salesBase sincePrevious:?   {% pb.bareRate %}
               | paymentIntro:? percentage rateOf salesBase excessWord threshold {% pb.rateOnExcess %}
               | paymentIntro:? tierBands tierMethod:?                {% pb.tiered %}
               | %a paymentNoun %of money %for_ %each %full:? money %of salesBase excessPart:? proRata:? {% pb.perIncrement %}
paymentIntro  -> %a paymentNoun rateLink                             {% pb.paymentIntro %}
rateOf        -> %of | %on
salesBase     -> %the:? basis:? %sales %revenue:?                    {% pb.salesBase %}
excessWord    -> %in_ %excess %of                                    {% pb.excessWord %}
               | %above                                              {% pb.excessWord %}
               | %over                                               {% pb.excessWord %}
threshold     -> money                                               {% b.id %}
               | %the %target                                        {% pb.targetReference %}
# "in excess of the Target Sales Threshold": the condition's target, by the name the condition gives it.
               | %the namedTarget                                    {% isb.namedTargetReference %}
namedTarget   -> thresholdWord thresholdWords                        {% isb.namedTarget %}
excessPart    -> excessWord money
proRata       -> %comma:? %pro %rata

tierBands     -> tierBand bandSeparator laterTierBand                {% pb.bandPair %}
               | tierBands bandSeparator laterTierBand               {% b.appendThird %}
# A band after the first may state its rate as a multiple of the base rate (an accelerator).
laterTierBand -> tierBand                                            {% b.id %}
               | rateMultiple rateOf bandQuantifier:? salesBase bandRange {% rmb.multipleBand %}
rateMultiple  -> %number %timesWord %the %baseWord %commission:? %rateWord {% rmb.rateMultiple %}
bandSeparator -> %comma | %semicolon | %and | %comma %and | %semicolon %and
tierBand      -> percentage rateOf bandQuantifier:? salesBase bandRange {% pb.band %}
               | percentage rateOf %the "first" money %of salesBase {% pb.firstBand %}
               | percentage rateOf %all:? %additional salesBase  {% pb.additionalBand %}
bandQuantifier -> %the %portion %of                                  {% pb.bandQuantifier %}
               | %all                                                {% pb.bandQuantifier %}
bandRange     -> %up %to money                                       {% pb.upTo %}
               | %up %to %and %including money                       {% pb.upTo %}
               | excessWord money                                    {% pb.aboveAmount %}
               | excessWord                                          {% pb.aboveRest %}
               | %from money %to money                               {% pb.fromTo %}
               | %between money %and money                          {% pb.fromTo %}
tierMethod    -> %comma:? %on %a marginalWord %basis                 {% pb.tierMethod %}
marginalWord  -> %marginal {% b.id %} | %retroactive {% b.id %}

limits        -> cap                                                 {% pb.capOnly %}
               | floor                                               {% pb.floorOnly %}
               | cap limitJoin floor                                 {% pb.capThenFloor %}
               | floor limitJoin cap                                 {% pb.floorThenCap %}
limitJoin     -> %comma | %and | %comma %and
cap           -> %not %to %exceed money limitPeriod:?                {% pb.notToExceed %}
               | %up %to %a %maximum %of money limitPeriod:?         {% pb.maximum %}
floor         -> %with_ %a %minimum %of money                         {% pb.minimum %}
limitPeriod   -> %in_ %any periodUnit                                {% pb.limitPeriod %}
               | %per periodUnit                                     {% pb.limitPeriod %}
               | %in_ %each periodUnit                               {% pb.limitPeriod %}
               | %for_ %any periodUnit                               {% pb.limitPeriod %}

# When a payment falls due: "payable within 30 days after the end of the calendar quarter in which the
# milestone is achieved", "payable within 10 days after the milestone is achieved".
dueTerm       -> %payable %within %number %days %after %the %end %of %the %calendar:? periodUnit %in_ %which %the %milestone %is %achieved {% pb.dueAfterPeriod %}
               | %payable %within %number %days %after %the %milestone %is %achieved {% pb.dueAfterAchievement %}

# --- computed amounts in payer-pays sentences ------------------------------------------------------
# "The Salesperson shall earn a commission of eight percent (8%) of Bookings in each quarter; provided that
# commissions earned in any Calendar Quarter shall not exceed $40,000." With no condition written, the
# amount's own measure (metric, scope, window, threshold) is the milestone; after a condition, "such Net
# Sales" is the condition's. Meaning and checks: src/language/check-measured.ts.
measuredSentence -> partyRef modal %pay paidParty:? windowedAmount {% qb.paySentence %}
# "earn" and "make" share one prediction at the sentence's start (the first Earley column is bounded).
               | partyRef modal earnOrLevels                         {% lvb.earnOrLevels %}
earnOrLevels  -> "earn" windowedAmount                               {% lvb.earnPart %}
# Tiers written as levels after the sentence: "Licensee will make royalty payments, payable annually within sixty (60) days
# after the end of each Calendar Year, based on the aggregate Net Sales of each Product in such Calendar Year, applying the
# tiered royalty rates below to the portion of Net Sales within each level: Annual Net Sales up to and including
# US$5,000,000: eight percent (8%); …". The same amount as the pay sentence with bands (grammar/level-builders.ts).
# "the Manager shall receive a Sales Bonus calculated cumulatively on the Store's Fortnightly Sales as follows: on Fortnightly
# Sales from $0 to $280,000, 0.100%; on the portion from $280,000 to $465,000, 0.075%; …": each band's range, then its rate.
               | %receive rateAfterAmount                            {% ra.receivePart %}
# "The Distributor shall receive a commission of five percent (5%) of Net Sales in each calendar quarter": the earning sentence's amount.
               | %receive windowedAmount                             {% lvb.earnPart %}
               | "make" measuredNoun %payments %comma levelDue %comma %based %on tierMeasure %comma "applying" %the "tiered" measuredNoun "rates" %below %to %the %portion %of measureMetric "within" %each "level" %colon levelBands {% lvb.levelPart %}
# The party paid, when written: "Licensee shall pay an additional royalty of two percent (2%) of Net Sales …" names none.
paidParty     -> %to:? endedParty                                    {% b.last %}
# The paid party's name ends with a name word, so that "the Agent a royalty of 3% …" is never read as a
# party "Agent a royalty of" paid a bare rate.
endedParty    -> %the:? endedName                                    {% b.partyRef %}
endedName     -> partyFirstWord                                      {% b.single %}
               | partyName partyFirstWord                            {% b.append %}
               | partyName %comma:? dottedSuffix %period             {% b.appendAll %}
               | partyName %comma undottedSuffix                     {% b.appendAll %}
# Without a condition the amount names its window, after the metric or after the threshold.
windowedAmount -> measuredIntro:? percentage rateOf windowedMeasure  {% qb.measuredRate %}
               | measuredIntro:? percentage rateOf windowedMeasure excessWord measuredThreshold {% qb.measuredExcess %}
               | measuredIntro:? percentage rateOf measure excessWord measuredThreshold excessWindow {% qb.measuredExcess %}
               | measuredIntro:? measuredBands tierMethod:?          {% tb.measuredTiers %}
               | portionAmount                                       {% b.id %}
# A rate chosen by conditions on the period's total (grammar/chosen-rate-builders.ts).
               | chosenRateAmount                                    {% b.id %}
# "royalties on the Total Annual Net Sales in each Calendar Year at the Applicable Royalty Rate, applied to each portion of
# Total Annual Net Sales as follows: less than or equal to $5 million: five percent (5%); > $5 million and less than or equal
# to $10 million: six percent (6%); > $10 million: seven percent (7%)": each rate on its own portion (grammar/portion-builders.ts).
portionAmount -> "royalties" %on portionMeasure %at %the portionRateWords %comma "applied" %to %each %portion %of portionMetric %as %follows %colon signBands {% po.portionAmount %}
portionMeasure -> %the:? portionMetric measureWindow                 {% po.portionMeasure %}
portionMetric -> "Total":? %metricPeriodWord:? basis:? metricNoun    {% po.portionMetric %}
portionRateWords -> portionRateWord                                  {% b.single %}
               | portionRateWords portionRateWord                    {% b.append %}
portionRateWord -> %word {% b.id %}
signBands     -> signBand %semicolon signBand                        {% pb.bandPair %}
               | signBands %semicolon signBand                       {% b.appendThird %}
signBand      -> signRangeWords %colon percentage                    {% po.signBand %}
signRangeWords -> %less %than %or %equal %to money                   {% po.atMost %}
               | %greaterSign money %and %less %than %or %equal %to money {% po.aboveAtMost %}
               | %greaterSign money                                  {% po.above %}
windowedMeasure -> determiner:? measureMetric scopePhrases:? measureWindow {% qb.measure %}
               | determiner:? measureMetric scopePhrases:? suchForWindow {% qb.measure %}
# "in excess of the Sales Forecast of $600,000 for such Contract Year": a threshold the text names, and the period it is for.
measuredThreshold -> threshold                                       {% b.id %}
               | %the thresholdWords %of money thresholdFor:?        {% qb.namedThreshold %}
thresholdWords -> thresholdWord                                      {% b.single %}
               | thresholdWords thresholdWord                        {% b.append %}
thresholdWord -> %thresholdNameWord {% b.id %} | %sales {% b.id %} | %target {% b.id %} | %annual {% b.id %} | %minimum {% b.id %}
thresholdFor  -> %for_ "such" periodName                             {% qb.thresholdForDefined %}
               | %for_ "such" %calendar:? periodUnit                 {% qb.thresholdForUnit %}
# "… in excess of $50,000 made during the term of this Agreement": the window of the sales counted.
excessWindow  -> window                                              {% b.id %}
               | "made" window                                       {% b.last %}
# After a condition the amount is introduced ("a commission equal to"), since a party name may end in "of".
measuredAmount -> measuredIntro percentage rateOf measure            {% qb.measuredRate %}
               | measuredIntro percentage rateOf measure excessWord threshold window:? {% qb.measuredExcess %}
measuredIntro -> indefinite measuredQualifiers:? measuredNoun paidLink {% qb.measuredIntro %}
# "a commission on all sales completed by the Sales Representative within the Territory of": the sales it is on, as written (grammar/sales-counted-builders.ts).
               | indefinite measuredQualifiers:? measuredNoun completedSales %of {% sc.completedIntro %}
completedSales -> %on %all %sales "completed" %by partyRef completedWhere:? {% sc.completedSales %}
completedWhere -> %within %the scopeWords                            {% sc.completedWhere %}
indefinite    -> %a | %anWord
# "a Bonus Commission equal to", "an annual sales incentive equal to": qualifiers before the noun.
measuredQualifiers -> measuredQualifier                             {% b.single %}
               | measuredQualifiers measuredQualifier               {% b.append %}
measuredQualifier -> qualifier {% b.id %} | %bonus {% b.id %}
measuredNoun  -> paidNoun {% qb.nounWords %} | "rebate" {% qb.nounWords %} | "royalty" {% qb.nounWords %} | "incentive" {% qb.nounWords %}
               | "amount" {% qb.nounWords %}
# After a condition, "for such Calendar Quarter" at the end is the payment's period reference (conditionFirst
# periodReference), never also the measure's window: so a measure's window here is not "for such …".
measure       -> determiner:? measureMetric scopePhrases:? measureWindow:? {% qb.measure %}
# A measure's "such" is its determiner (the condition's period), never also a word of the metric.
measureMetric -> measureModifiers:? basis:? metricNoun               {% b.metric %}
measureModifiers -> measureModifier                                  {% b.single %}
               | measureModifiers measureModifier                    {% b.append %}
measureModifier -> %aggregate {% b.id %} | %cumulative {% b.id %} | %worldwide {% b.id %} | "consolidated" {% b.id %}
determiner    -> %all {% qb.determiner %} | "such" {% qb.determiner %} | %all "such" {% qb.determiner %} | %the {% qb.determiner %}
measureWindow -> window                                              {% qb.ownWindow %}
               | periodPreposition "such" %calendar:? periodUnit     {% qb.suchWindow %}
               | %for_ %each calendarPeriodNoun                      {% qb.forEachWindow %}
suchForWindow -> %for_ "such" %calendar:? periodUnit                 {% qb.suchWindow %}

# Tiers in a payer-pays or earning sentence, each band with its own measure: "three percent (3%) on the first
# $100,000 of Distributor's purchases in such Calendar Year and five percent (5%) on all purchases in excess of
# $100,000 in such Calendar Year", "3% of the first $2.5 million of Revenues and 2% of all additional Revenues".
# Which reading (marginal or retroactive) the words give, and whether the bands' measures agree, is the
# checker's business (src/language/check-tiers.ts).
measuredBands -> measuredBand bandSeparator laterMeasuredBand        {% pb.bandPair %}
               | measuredBands bandSeparator laterMeasuredBand       {% b.appendThird %}
laterMeasuredBand -> measuredBand                                    {% b.id %}
               | rateMultiple rateOf tierMeasure bandRange measureWindow:? {% rmb.multipleBoundedBand %}
               | rateMultiple rateOf tierMeasure quotaBandRange measureWindow:? {% rmb.multipleQuotaBand %}
measuredBand  -> percentage rateOf %the %firstWord money %of tierMeasure {% tb.firstBand %}
               | percentage rateOf %all:? %additional tierMeasure    {% tb.additionalBand %}
               | percentage rateOf tierMeasure bandRange measureWindow:? {% tb.boundedBand %}
               | percentage rateOf tierMeasure quotaBandRange measureWindow:? {% qbb.quotaBand %}
rateAfterAmount -> %a rateAfterName "calculated" "cumulatively":? %on rateAfterMeasure %as %follows %colon rateAfterBands {% ra.rateAfterAmount %}
rateAfterName -> rateAfterNameWord                                   {% b.single %}
               | rateAfterName rateAfterNameWord                     {% b.append %}
rateAfterNameWord -> %bonus {% b.id %} | %commission {% b.id %} | %sales {% b.id %} | %word {% b.id %}
rateAfterMeasure -> %the:? %possessiveWord:? metric                  {% ra.rateAfterMeasure %}
rateAfterBands -> rateAfterBand %semicolon %and:? rateAfterBand      {% ra.bandPair %}
               | rateAfterBands %semicolon %and:? rateAfterBand      {% ra.appendBand %}
rateAfterBand -> %on rateAfterMeasure bandRange %comma percentage    {% ra.measuredBand %}
               | %on %the %portion bandRange %comma percentage       {% ra.portionBand %}
levelDue      -> %payable "annually" %within %number %days %after %the %end %of %each %calendar %year {% lvb.annualDue %}
levelBands    -> levelBand %semicolon levelBand                      {% pb.bandPair %}
               | levelBands %semicolon levelBand                     {% b.appendThird %}
levelBand     -> %annual measureMetric bandRange %colon percentage   {% lvb.levelBand %}
# A band bounded by a share of a quota: "up to 100% of the Quarterly Quota ($200,000)", "in excess of the Quarterly Quota".
quotaBandRange -> %up %to quotaBound                                 {% qbb.upToQuota %}
               | %up %to %and %including quotaBound                  {% qbb.upToQuota %}
               | excessWord quotaBound                               {% qbb.aboveQuota %}
quotaBound    -> percentage %of %the:? quotaName quotaBoundAmount:?  {% qbb.shareBound %}
               | %the quotaName quotaBoundAmount:?                   {% qbb.namedBound %}
quotaBoundAmount -> %lparen money %rparen                           {% qbb.bracketedAmount %}
               | %of money                                           {% qbb.ofAmount %}
# A rate raised on all of a period's base once a condition is met: "The Principal shall pay the Agent a commission of
# four per cent (4%) of Net Sales in each Calendar Quarter; provided that if Net Sales in a Calendar Quarter exceed
# £200,000, the commission for that Calendar Quarter shall be six per cent (6%) of all Net Sales in that Calendar Quarter".
steppedSentence -> partyRef modal %pay %to:? endedParty measuredIntro:? percentage rateOf windowedMeasure stepProviso {% tb.steppedSentence %}
stepProviso   -> provisoLead %provided however:? %that %if_ condition %comma %the capNoun %for_ referenceWord calendarPeriodNoun %shall %be percentage %of %all:? measureMetric %in_ referenceWord calendarPeriodNoun {% tb.stepProviso %}
# "Distributor's purchases of Products": a measure whose metric may be owned.
# "Revenues received by Licensee or its Affiliates": whose receipts count, right after the metric (after a scope
# word, "received" would also be a word of a party's name).
tierMeasure   -> determiner:? %possessiveWord:? measureMetric receivedBy:? scopePhrases:? measureWindow:? {% tb.tierMeasure %}
receivedBy    -> "received" %by scopeParties                         {% tb.receivedByScope %}

# The name the text gives the amount, in brackets.
amountName    -> %lparen %the %string %rparen                        {% qb.amountName %}
# "The sum of the quarterly Sales Incentives for any calendar year shall not exceed $5,000.": a cap, in a
# sentence of its own, on the amounts of one period together.
sumCap        -> %the "sum" %of %the sumWords capPeriod %shall %not %exceed money %period {% qb.sumCap %}
sumWords      -> sumWord                                             {% b.single %}
               | sumWords sumWord                                    {% b.append %}
sumWord       -> %word {% b.id %} | %sales {% b.id %} | %quarterly {% b.id %} | %annual {% b.id %} | %commission {% b.id %} | %bonus {% b.id %} | %bonuses {% b.id %}
# After the amount: when it falls due, and provisos that bound it.
paymentTail   -> %comma:? measuredDue                                {% qb.tailDue %}
               | %comma:? measuredDue provisos                       {% qb.tailDueProvisos %}
               | provisos                                            {% qb.tailProvisos %}
measuredDue   -> dueTerm                                             {% b.id %}
               | %within %number %days %after %the %end %of "such" %calendar:? periodUnit {% qb.dueAfterSuch %}
# At most one cap and one minimum payout: an amount bounds by one cap, so a second cap is not read (rather than dropped).
provisos      -> capProvisos                                         {% b.id %}
               | minimumProvisos                                     {% b.id %}
               | capProvisos minimumProviso                          {% b.append %}
               | minimumProvisos capProviso                          {% b.append %}
capProvisos   -> capProviso                                          {% b.single %}
minimumProvisos -> minimumProviso                                    {% b.single %}
capProviso    -> provisoLead %provided however:? %that capSubject capPeriod:? %shall %not %exceed money capPeriod:? {% qb.provisoCap %}
minimumProviso -> provisoLead %provided however:? %that partyRef %shall %not %receive %any measuredNoun %for_ %a %calendar:? periodUnit %in_ %which %the measuredNoun "earned" %is %less %than money {% qb.provisoMinimumPayout %}
# A tail with no cap, before a cap in a sentence of its own.
uncappedTail  -> %comma:? measuredDue                                {% qb.tailDue %}
               | %comma:? measuredDue minimumProvisos                {% qb.tailDueProvisos %}
               | minimumProvisos                                     {% qb.tailProvisos %}
provisoLead   -> %semicolon | %comma
# A metric (no party, no "first": "first exceed" in a proviso on each period has no reading the evaluator gives).
periodProviso -> provisoLead %provided however:? %that metric scopePhrases:? %in_ "such" %calendar:? periodUnit provisoComparison {% pv.periodProviso %}
provisoComparison -> beVerb:? comparator money                       {% b.comparison %}
               | beVerb:? money %or orMore                           {% b.orMoreComparison %}
however       -> %comma "however" %comma
capSubject    -> %the:? %aggregate:? capNoun "earned":?
# "the aggregate bonus payable under this Section 2.3(a)", "the aggregate bonus under this paragraph": the clause's own amounts.
               | %the:? %aggregate:? capNoun %payable:? "under" %this_ capPlace
capPlace      -> "paragraph" | %section sectionRef
capNoun       -> %commission | "commissions" | %bonus | "bonuses" | "rebates" | "royalties"
capPeriod     -> %in_ %any %calendar:? periodUnit                    {% qb.capPeriod %}
               | %in_ %any %fiscalWord %year                         {% ib.fiscalCapPeriod %}
               | %for_ %any %calendar:? periodUnit                   {% qb.capPeriod %}
# --- a computed amount with a minimum per period, topped up ------------------------------------------
# "Licensee shall pay Foundation earned royalties of five percent (5%) of Net Sales ("Earned Royalties"), payable annually.
# If Licensee's Earned Royalties for any calendar year are less than $100,000 (the "Minimum Royalty"), Licensee shall
# make a payment to Foundation within sixty (60) days after the end of such calendar year equal to the difference
# between the Minimum Royalty and the Earned Royalties for that calendar year." Meaning: src/language/check-top-up.ts.
royaltySentence -> partyRef modal %pay endedParty earnedIntro percentage rateOf measure bareName %comma %payable "annually" {% tu.royaltySentence %}
earnedIntro   -> "earned" "royalties" %of
bareName      -> %lparen %string %rparen
topUpSentence -> conditionIntro %possessiveWord topUpName topUpWindow beVerb %less %than money amountName %comma partyRef modal %make %a %payment %to partyRef measuredDue %equal %to %the %difference %between %the topUpName %and %the topUpName topUpReference %period {% tu.topUpSentence %}
topUpName     -> topUpNameWord                                       {% b.single %}
               | topUpName topUpNameWord                             {% b.append %}
topUpNameWord -> %word {% b.id %} | %minimum {% b.id %}
topUpWindow   -> %for_ %any calendarPeriodNoun                       {% tu.topUpWindow %}
topUpReference -> %for_ referenceWord calendarPeriodNoun             {% tu.referencePeriod %}
# "During the year commencing six (6) months from the date hereof, Operator undertakes to pay Licensor total royalties of not
# less than US $11,500. Should the royalties under Paragraph 9(a) (eight percent (8%) of Gross Revenues) be insufficient to
# achieve such minimum, Operator shall contribute the difference within forty-five (45) days after the end of that twelve
# (12) month period.": "US" before a dollar amount, and the provision the royalties are owed under.
usMoney       -> "US":? money                                        {% ud.usMoney %}
provisionRef  -> provisionWord sectionRef                            {% ud.provisionRef %}
provisionWord -> "Paragraph" {% b.id %} | %section {% b.id %}

# --- a commitment to sales targets in an exhibit, with remedies that are not payments ------------------
# "… Supplier may, at its discretion, either (i) terminate this Agreement in accordance with Section 9.1, or (ii) revoke the
# exclusive appointment granted under Section 1.3. Exhibit C - Sales Minimum: Contract Year 1 (the twelve months starting on
# the Effective Date): $600,000; Contract Year 2: $900,000.": a remedy's words hold no comma, so items split one way.
remedies      -> remedy                                              {% b.single %}
               | remedies %comma %or remedy                          {% b.appendFourth %}
remedy        -> %enumerator remedyVerb remedyWords                  {% sm.remedy %}
remedyVerb    -> "terminate" {% b.id %} | "revoke" {% b.id %}
remedyWords   -> remedyWord                                          {% b.single %}
               | remedyWords remedyWord                              {% b.append %}
remedyWord    -> %word {% b.id %} | %the {% b.id %} | %this_ {% b.id %} | %agreement {% b.id %} | %in_ {% b.id %} | %with_ {% b.id %}
               | %section {% b.id %} | %number {% b.id %} | %dottedNumber {% b.id %} | %of {% b.id %} | %its {% b.id %}
exhibitRows   -> exhibitRow                                          {% b.single %}
               | exhibitRows %semicolon exhibitRow                   {% b.appendThird %}
exhibitRow    -> periodName %number rowDefinition:? %colon money     {% sm.exhibitRow %}
rowDefinition -> %lparen %the "twelve" %months %startVerb %on %the %effective %date %rparen

# --- calendar periods ----------------------------------------------------------------------------
# Periods aligned to the calendar in the contract's zone (src/time/calendar-periods.ts): "in any calendar
# quarter", "during each calendar year", "in a given Calendar Year", "per calendar month", "in Q3 2026",
# "during calendar year 2027", "in April 2026", "in each half-year period (January to June and July to December)".
# Two window alternatives, not a nonterminal of three: a window is predicted after every target, and
# each alternative there is an Earley state.
calendarChoice -> calendarQuantifier calendarPeriodNoun              {% cb.calendarEachChoice %}
               | namedPeriod                                         {% b.id %}
calendarQuantifier -> %any | %each | %a | %a "given"
calendarPeriodNoun -> %calendar calendarUnit                         {% cb.calendarNoun %}
               | halfYearWord halfYearPeriodWord:? %lparen %monthName %to %monthName %and %monthName %to %monthName %rparen {% cb.halfYearNoun %}
               | %fiscalWord calendarUnit                            {% ow.fiscalNoun %}
calendarUnit  -> %month {% b.id %} | %quarter {% b.id %} | %year {% b.id %} | halfYearWord {% b.id %}
halfYearWord  -> "half-year" {% b.id %} | "Half-Year" {% b.id %} | "Half-year" {% b.id %}
halfYearPeriodWord -> "period" | "Period"
namedPeriod   -> "Q" %number %number                                 {% cb.letterNamed %}
               | "H" %number %number                                 {% cb.letterNamed %}
               | %calendar %year %number                             {% cb.yearNamed %}
               | %monthName %number                                  {% cb.monthNamed %}
               | "FY" %number                                        {% ow.fiscalLabel %}
               | %fiscalWord %year %number                           {% ow.fiscalLabel %}

# Sentences whose condition is tested in each calendar period, or in the first one that meets it:
# "For each calendar month in which Net Sales exceed $60,000, the Company shall pay …",
# "… shall pay … a bonus of $500 for each calendar month in which Net Sales exceed $60,000",
# "… shall pay … $50,000 within 45 days after the end of the first Calendar Quarter in which Net Sales exceed $200,000".
# "…, Supplier shall grant Distributor a marketing allowance of …": granting an amount is paying it (one alternative for both verbs).
calendarSentence -> %for_ %each calendarPeriodNoun %in_ %which periodCondition %comma partyRef modal payOrGrant %to:? partyRef paidAmount {% cb.forEachFirst %}
               | partyRef modal %pay %to:? partyRef paidAmount calendarTail {% cb.withCalendarTail %}
# "… a bonus of $2,000 for each calendar month in which …, and an additional $1,000 for each calendar month in which …": two milestones.
               | partyRef modal %pay %to:? partyRef paidAmount calendarTail %comma %and secondPaid calendarTail {% op.twoCalendarPayments %}
# The second payment: "an additional $1,000" (the first payment's noun) or a payment written in full.
secondPaid    -> anArticle %additional paidValue                     {% op.additionalValue %}
               | paidAmount                                          {% b.id %}
# One rule for the payment-first forms, so that the words before the period are read once, not once per form.
calendarTail  -> %for_ %each calendarPeriodNoun %in_ %which periodCondition {% cb.eachTail %}
               | firstLink %the %firstWord calendarPeriodNoun %in_ %which periodCondition {% cb.firstTail %}
               | %within %number %days afterWord %the %end %of %the %firstWord %calendar periodUnit %in_ %which periodCondition {% cb.firstDueTail %}
# "… within sixty (60) days following the end of the first calendar year during which … were at least US$750,000 for such year."
               | %within %number %days afterWord %the %end %of %the %firstWord %calendar periodUnit %during %which periodCondition forSuchPeriod:? {% md.firstDuringTail %}
forSuchPeriod -> %for_ "such" %calendar:? periodUnit                 {% md.forSuchPeriod %}
firstLink     -> %for_ | %upon | %after %the %end %of | %following %the %end %of
afterWord     -> %after | %following
periodCondition -> subject comparison                               {% cb.periodCondition %}
# "Distributor purchases not less than five thousand (5,000) units of Products for resale in the Territory": a count of units.
               | partyRef %purchases comparator count unitNoun unitsScope:? {% isb.unitsPeriodCondition %}
unitsScope    -> scopePhrases                                        {% isb.unitsScope %}
               | scopePhrases purposePhrase scopePhrases:?           {% isb.unitsScope %}
purposePhrase -> %for_ scopeWords                                    {% isb.purposePhrase %}
# "… a bonus of $4,000 for such Calendar Quarter": the period the payment is for.
periodReference -> %for_ referenceWord calendarPeriodNoun            {% cb.periodReference %}
referenceWord -> "such" {% b.id %} | %that {% b.id %}

# --- amounts owed increment by increment ---------------------------------------------------------
# "The Company shall pay the Distributor a bonus of $1,000 for each full one hundred (100) Units of Products sold by
# the Distributor in any Calendar Quarter in excess of five hundred (500) Units.", "For every $100,000 of Net Sales
# achieved in a Calendar Year, the Company shall pay the Representative a bonus of $2,500.", "… £1,000 for each New
# Client in excess of five (5) with which a Sale Agreement is entered into in any Calendar Quarter.": the milestone is
# the threshold, and each whole increment beyond it is owed when it is completed (src/evaluation/payments/increments.ts).
incrementSentence -> partyRef modal %pay %to:? partyRef incrementPaid incrementTail {% ib.paymentFirst %}
               | %for_ incrementEach money %of metric %achieved:? window %comma partyRef modal %pay %to:? partyRef incrementPaid {% ib.incrementFirst %}
# "In each fiscal year of the Company during the Employment Period (the Company's fiscal year ends on September 30) in which
# the Company's Gross Revenues equal or exceed the Base Revenue Amount of $1,200,000, the Company shall pay Executive $1,000
# for each $100,000 increment of such excess": the year's excess, in whole increments, owed once the year is over.
               | %in_ %each calendarPeriodNoun periodOwner:? termBound:? fiscalAside:? %in_ %which excessCondition %comma partyRef modal %pay %to:? partyRef incrementPaid %for_ %each money "increment" %of %such %excess {% ib.excessIncrements %}
periodOwner   -> %of partyRef
termBound     -> %during %the periodName                             {% ib.termBound %}
fiscalAside   -> %lparen %the:? %possessiveWord:? %fiscalWord %year %fiscalEdgeVerb %on %monthName %number %rparen {% ib.fiscalAside %}
excessCondition -> possessor:? metric comparator namedAmount         {% ib.excessCondition %}
possessor     -> %the %possessiveWord                                {% ib.possessor %}
namedAmount   -> money                                               {% b.id %}
               | %the namedWords %of money                           {% ib.namedAmount %}
namedWords    -> namedWord | namedWords namedWord
namedWord     -> %word | %revenue | %sales | %target | %minimum | %net | %gross
incrementEach -> %each | %every
incrementPaid -> anArticle paidNoun paidLink money                   {% ib.nounAmount %}
               | money                                               {% ib.bareAmount %}
incrementTail -> %for_ %each %full:? count unitNoun scopePhrases:? soldBy:? window %in_ %excess %of count unitNoun {% ib.unitsTail %}
               | %for_ %each %full:? money %of metric scopePhrases:? window %in_ %excess %of money {% ib.moneyTail %}
               | %for_ %each %new_ customerNoun %in_ %excess %of count countedBy:? window {% ib.customersTail %}
soldBy        -> %sold %by partyRef                                  {% ib.soldBy %}
countedBy     -> %with_ %which %a countedWords %is "entered" "into"  {% ib.countedBy %}
countedWords  -> countedWord                                         {% b.single %}
               | countedWords countedWord                            {% b.append %}
countedWord   -> %word {% b.id %} | %sale {% b.id %} | %sales {% b.id %} | %agreement {% b.id %}

# Who counts as a new customer, in a definition: "a client that is not and has never been party to a Sale Agreement".
customerMeaning -> %a customerNoun %that notAnd:? "has" "never" "been" "party" %to %a countedWords {% cd.neverParty %}
notAnd        -> %is %not %and

# --- quotas and plans written in the text -----------------------------------------------------------
# "100% of the Participant's FY2027 Quota of $1,200,000", "90% of the quota of $500,000": the target is that share of the
# quota (src/language/ast.ts QuotaNode).
quotaShare    -> percentage %of %the:? quotaName %of money          {% qt.quotaShare %}
quotaName     -> %quota                                              {% b.single %}
               | quotaLead %quota                                    {% b.append %}
quotaLead     -> quotaWord                                           {% b.single %}
               | quotaLead quotaWord                                 {% b.append %}
quotaWord     -> %word {% b.id %} | %number {% b.id %} | %annual {% b.id %} | %quarterly {% b.id %} | %sales {% b.id %}

# --- a rate chosen by the plan level reached, on the excess over a plan --------------------------------
# "If Executive achieves the Annual Board Plan ($2,500,000 of Bookings for 2026) but less than the Sales Plan ($3,000,000),
# Executive earns a commission of two percent (2%); if Executive achieves or exceeds the Sales Plan, Executive earns a
# commission of five percent (5%). The commission applies to all Bookings in excess of the Annual Board Plan."
# (src/language/ast.ts PlanLevelsNode; the checker is src/language/check-plan-levels.ts).
planLevelsMore -> null                                               {% b.empty %}
               | planLevelsMore %semicolon %if_ planLevel            {% b.appendFourth %}
planLevel     -> partyRef planReach %comma partyRef "earns" %a %commission %of percentage {% pl.planLevel %}
planReach     -> achievesVerb planRef "but" %less %than planRef      {% pl.between %}
               | achievesVerb %or %exceeds planRef                   {% pl.orExceeds %}
# A plan by its name, defined in brackets where first written: "the Annual Board Plan ($2,500,000 of Bookings for 2026)".
planRef       -> %the planWords                                      {% pl.planRef %}
               | %the planWords %lparen money planOf:? %rparen       {% pl.planRef %}
planOf        -> %of metric %for_ %number
planWords     -> planWord                                            {% b.single %}
               | planWords planWord                                  {% b.append %}
planWord      -> %word {% b.id %} | %annual {% b.id %} | %sales {% b.id %}
planExcess    -> %the %commission "applies" %to %all metric %in_ %excess %of planRef %period

# --- a share of a plan set out in a table below the sentence ------------------------------------------
# "Executive will earn $20,000 for each calendar quarter in which Executive achieves 100% of the Quarterly Board Plan Bookings, or
# 100% of the Board Plan Bookings year-to-date measured at the end of such quarter. Quarterly Board Plan Bookings for 2026: Q1
# $500,000; Q2 $600,000; Q3 $600,000; Q4 $800,000." (src/language/ast.ts PlanTableNode; the checker is src/language/check-plan-table.ts).
quarterPlanShare -> percentage %of %the quarterPlanName              {% ptb.planShare %}
quarterPlanYtd -> %comma:? %or quarterPlanShare "year-to-date" measuredAtEnd:? {% ptb.yearToDateShare %}
# The plan's words, its metric noun last ("Quarterly Board Plan Bookings").
quarterPlanName -> quarterPlanWords metricNoun                       {% ptb.planName %}
quarterPlanWords -> quarterPlanWord                                  {% b.single %}
               | quarterPlanWords quarterPlanWord                    {% b.append %}
quarterPlanWord -> %word {% b.id %} | %quarterly {% b.id %} | %annual {% b.id %}
quarterPlanRows -> quarterPlanRow                                    {% b.single %}
               | quarterPlanRows %semicolon quarterPlanRow           {% b.appendThird %}
quarterPlanRow -> "Q" %number money                                  {% ptb.planRow %}

# --- rates in bands of a plan stated in the lead sentence, with a one-time bonus among them ------------------
# "(1) five percent (5%) of every new sales dollar generated up to 50% of sales plan achievement; (2) …; (3) a one-time bonus of
# $10,000 upon 100% achievement of sales plan; and (4) fifteen percent (15%) of every new sales dollar in excess of sales plan
# achievement" (src/language/ast.ts PlanBandsNode; the checker is src/language/check-plan-bands.ts).
planBandItems -> planRateItems planBandSep planBonusItem planRateTail:? {% pbb.items %}
planRateTail  -> planBandSep planRateItems                           {% pbb.rateTail %}
planRateItems -> planRateItem                                        {% b.single %}
               | planRateItems planBandSep planRateItem              {% b.appendThird %}
planBandSep   -> %semicolon %and:?
planRateItem  -> %enumerator percentage %of %every %new_ %sales "dollar" "generated":? planBandRange {% pbb.rateItem %}
planBonusItem -> %enumerator %a qualifiers:? %bonus %of money %upon percentage %achievement %of %sales "plan" {% pbb.bonusItem %}
planBandRange -> %up %to percentage %of %sales "plan" %achievement   {% pbb.upToShare %}
               | %between percentage %and percentage %of %sales "plan" %achievement {% pbb.betweenShares %}
               | %in_ %excess %of %sales "plan" %achievement         {% pbb.aboveWhole %}

# --- a target incentive pro-rated by attainment of a quota, in sentences ---------------------------------
# "The Participant's target incentive is $12,000 per calendar quarter at 100% attainment of the quarterly Bookings quota of
# $300,000. No incentive is paid for attainment below 80% of quota. At 80% attainment the Participant earns 50% of target;
# between 80% and 100% attainment the payout is pro-rated on a straight-line basis; at 100% attainment or more the
# Participant earns 100% of target.": an attainment table (bands of the quota) whose payouts are shares of the target.
incentiveClause -> %the %possessiveWord "target" "incentive" %is money window %at %hundredFigure %percent %attainment %of %the periodAdjective:? basis:? metricNoun %quota %of money %period incentiveFloor incentiveBands %period {% it.incentiveClause %}
# A bonus pro-rated by the share of a target achieved, after a period opening (grammar/pro-rata-builders.ts): "For each
# calendar year, the Company shall pay the Employee a Performance Bonus of up to $25,000, equal to $25,000 multiplied by
# the percentage of the performance target of $2,000,000 of Net Sales achieved in such year (for example, 50% of the
# target earns $12,500). If less than 50% of the performance target is achieved in a year, no Performance Bonus is
# payable for that year." The attainment table it states; its checks: src/language/check-pro-rata.ts.
proRataClause -> partyRef modal %pay paidParty anArticle qualifiers:? %bonus %of %up %to money %comma %equal %to money "multiplied" %by %the "percentage" %of %the proRataTarget %of money %of measureMetric %achieved %in_ "such" periodUnit proRataExample:? %period proRataFloor {% pr.proRataClause %}
proRataTarget -> %performance:? %target
proRataExample -> %lparen %for_ "example" %comma percentage %of %the %target "earns" money %rparen {% pr.proRataExample %}
proRataFloor  -> %if_ "less" %than percentage %of %the proRataTarget %is %achieved %in_ %a periodUnit %comma %no qualifiers:? %bonus %is %payable %for_ %that periodUnit %period {% pr.proRataFloor %}
incentiveFloor -> %no "incentive" %is "paid" %for_ %attainment %below percentage %of %quota %period {% it.floorBand %}
incentiveBands -> incentiveBand                                      {% b.single %}
               | incentiveBands %semicolon incentiveBand             {% b.appendThird %}
incentiveBand -> %at percentage %attainment %the partyName "earns" percentage %of %target {% it.pointBand %}
               | %at percentage %attainment %or %more %the partyName "earns" percentage %of %target {% it.orMoreBand %}
               | %between percentage %and percentage %attainment %the "payout" %is "pro-rated" %on %a "straight-line" %basis {% it.interpolatedBand %}

# --- a rate chosen by conditions on the period's total ------------------------------------------------
# "an additional commission on Net Sales above the Quarterly Plan of Five Hundred Thousand Dollars ($500,000), at one percent
# (1%) if Net Sales for such quarter are at least 100% of the Quarterly Plan, two percent (2%) if they are at least 105% of
# the Quarterly Plan, and five percent (5%) if they are at least 110% of the Quarterly Plan" (src/language/ast.ts
# ChosenRatePaymentNode; the bounds and the checks: src/language/rate-choices.ts, src/language/check-rate-choices.ts).
chosenRateAmount -> indefinite measuredQualifiers:? measuredNoun %on measure excessWord %the chosenRateName %of money %comma %at rateChoices {% crb.chosenRate %}
chosenRateName -> chosenRateWord                                     {% b.single %}
               | chosenRateName chosenRateWord                       {% b.append %}
chosenRateWord -> %word {% b.id %} | %quarterly {% b.id %} | %annual {% b.id %} | %sales {% b.id %} | %target {% b.id %} | %quota {% b.id %}
rateChoices   -> rateChoice rateChoiceJoin rateChoice                {% pb.bandPair %}
               | rateChoices rateChoiceJoin rateChoice               {% b.appendThird %}
rateChoiceJoin -> %comma | %and | %comma %and
rateChoice    -> percentage %if_ rateChoiceSubject beVerb:? comparator rateChoiceBound {% crb.rateChoice %}
rateChoiceSubject -> measureMetric suchForWindow:?                   {% crb.metricSubject %}
               | "they"                                              {% crb.theySubject %}
rateChoiceBound -> money                                             {% b.id %}
               | percentage %of %the chosenRateName                  {% crb.thresholdShare %}
