// End to end: entity facets, filters and extraction through the real binaries on sample_corpus.
#include <catch2/catch.hpp>
