// Date facets and filters over an index built in memory: publication dates (metadata or
// dateline), mentioned dates, histograms, ranges, recency.
#include <byline/indexer.h>
#include <byline/searcher.h>

#include "temp_dir.h"

#include <catch2/catch.hpp>

using namespace byline;
