#pragma once
// The last pass over an English article's candidates, for facet values a reader can trust:
// classes of spans that are no entity of their type, or whose display name is not a name the
// corpus writes, found on newswire (wire sign-offs and datelines, earnings-table
// abbreviations, state abbreviations, legal forms alone, contractions, ALL CAPS words).

#include "extract/entity_chunker.h"

#include <string>
#include <string_view>
#include <vector>

namespace byline::extract {

/// Cleans `cands` (text order, no overlaps) of an English text, in place:
/// - a dateline ("HOUSTON, Feb 26 -", "MINNETONKA, MINN., March 3 -") names a place, and its
///   "(Reuters)" is no mention;
/// - a short ALL CAPS word typed as a town ("ICO" as Icó) is an acronym, an organisation;
/// - a span with an earnings-table abbreviation ("Shr", "Qtly", "Nine Mths", "U.S. Dlrs"), a
///   legislator's party and state ("D-Conn"), a currency ("U.S. Dollar") or alone on the
///   article's last line (a sign-off) is dropped;
/// - a contraction ("I've", "We're") is dropped;
/// - a US state or Canadian province abbreviation ("Conn.", "N.J.", "MINN.") is that place,
///   under its full name, after a comma or when it is no English word; else dropped;
/// - an organisation after "<Agreement|Treaty...> on" is the end of that name ("General
///   Agreement on Tariffs and Trade");
/// - company legal forms alone ("Ltd", "Co Inc") join the name right before them (a line
///   break or "and" between: "Foods\nLtd", "Woolcott and Co Inc"), else are dropped;
/// - a nationality adjective ("Philippine", "West German", "Lib Dem") is dropped;
/// - a person or organisation whose name is a country ("West Germany") is that place;
/// - a "person" with a legal form fused in ("Citicorp") or a foreign bank or company word first
///   ("Societe Generale") is an organisation;
/// - an acronym the article also writes in the plural ("PC" beside "PCs") is a common noun;
/// - a lone word that starts a company name of the article ("Chrysler" beside "Chrysler
///   Corp") is that company;
/// - an ALL CAPS name is shown as the article writes it elsewhere, else in Title Case
///   ("FRANKFURT" → "Frankfurt"; organisations keep short acronyms: "OPEC").
void clean_candidates(const ChunkContext& c, std::vector<Candidate>& cands);

/// The full name of a US state, territory or Canadian province written as its AP or Canadian
/// Press abbreviation ("Conn.", "N.J.", "MINN", "B.C."), or "" if `word` is none.
std::string_view state_of_abbreviation(std::string_view word);

/// "FRANKFURT" → "Frankfurt", "WINSTON-SALEM" → "Winston-Salem" (ICU title casing).
std::string title_case(std::string_view name);

}  // namespace byline::extract
