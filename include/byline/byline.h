#pragma once
/// \file
/// Everything an application embedding Byline needs.

#include <byline/analyzer.h>
#include <byline/document.h>
#include <byline/error.h>
#include <byline/extract.h>
#include <byline/indexer.h>
#include <byline/inspect.h>
#include <byline/output.h>
#include <byline/searcher.h>
#include <byline/shard.h>
#include <byline/version.h>
