# The clause language: sales-milestone clauses of commercial contracts.
# Reference with examples: grammar/README.md. Whitespace never reaches this grammar (the lexer
# drops it), keywords are token types (case-insensitive), and every list is left-recursive and
# built as a cons list, so long lists stay linear (sql-formatter-org/sql-formatter issue #840).
# Postprocessors only build nodes (grammar/builders.ts); meaning and checks live in src/language/check.ts.

@preprocessor typescript
@{%
import { lexer } from './lexer';
import * as b from './builders';
%}
@lexer lexer

document      -> %quote:? clauses %quote:?                          {% b.document %}

# A headed clause is a maximal run of headed items plus the payment sentences after them. So a
# headed clause follows the start, an enumerated clause, or a headed clause that has at least one
# payment sentence (which ends it); two runs of headed items are never split into two clauses.
clauses       -> endsEnumerated                                      {% b.id %}
               | endsHeaded                                          {% b.id %}
endsEnumerated -> enumeratedClause                                   {% b.single %}
               | clauses enumeratedClause                            {% b.append %}
endsHeaded    -> headedClause                                        {% b.single %}
               | beforeHeaded headedClause                           {% b.append %}
beforeHeaded  -> endsEnumerated                                      {% b.id %}
               | endsPaidHeaded                                      {% b.id %}
endsPaidHeaded -> paidHeadedClause                                   {% b.single %}
               | beforeHeaded paidHeadedClause                       {% b.append %}

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

# --- headed form -----------------------------------------------------------------------------
headedClause  -> headedItems paymentTerms                            {% b.headedClause %}
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
partyName     -> partyFirstWord                                      {% b.single %}
               | partyName partyWord                                 {% b.append %}
partyFirstWord -> %word {% b.id %} | %sales {% b.id %} | %new_ {% b.id %} | %net {% b.id %} | %target {% b.id %}
               | %customer {% b.id %} | %client {% b.id %} | %unit {% b.id %}
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
periodPreposition -> %in_ | %during
recurrence    -> %in_ %each | %each | %every | %per
withinUnit    -> %day {% b.id %} | %days {% b.id %} | %month {% b.id %} | %months {% b.id %}
relation      -> %of {% b.id %} | %after {% b.id %} | %from {% b.id %}
ordinal       -> %ordinal {% b.id %} | %ordinalNumber {% b.id %}
periodUnit    -> %month {% b.id %} | %quarter {% b.id %} | %year {% b.id %}
date          -> %isoDate                                            {% b.isoDate %}
               | %monthName %number %comma:? %number                 {% b.monthFirstDate %}
               | %number %monthName %number                          {% b.dayFirstDate %}

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
payment       -> %the %corresponding %commission %payment %as referenceVerb %in_ %section sectionRef {% b.sectionPayment %}
               | %a paymentNoun %of money                            {% b.fixedPayment %}
               | %a %commission rateLink %number %percent %of %the:? basis:? %sales %revenue {% b.ratePayment %}
referenceVerb -> %outlined | %set %out | %specified | %described | %provided
rateLink      -> %equal %to | %of
# "4.2", "7(b)", "4.2(a)(iii)", "7.1.2" (lexed as "7.1", ".", "2"), or a placeholder "[X]".
sectionRef    -> %placeholder                                        {% b.single %}
               | %number                                             {% b.single %}
               | sectionRef %enumerator                              {% b.append %}
               | sectionRef %period %number                          {% b.appendAll %}
