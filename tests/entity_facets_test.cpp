// Entity facets over an index built in memory: counts, filters, canonical keys, passages.
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace byline;
