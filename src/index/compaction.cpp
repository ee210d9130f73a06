#include "index/compaction.h"

#include <byline/error.h>

#include <xapian.h>

#include <filesystem>

namespace byline::index {

namespace fs = std::filesystem;

void recover_interrupted_compaction(const std::string& path) {
    std::error_code ec;
    const fs::path old = path + ".old";
    if (!fs::exists(path, ec) && fs::exists(old / "iamglass", ec)) fs::rename(old, path, ec);
    fs::remove_all(path + ".compacting", ec);
}

void compact_index(const std::string& path) {
    const std::string temp = path + ".compacting", old = path + ".old";
    std::error_code ec;
    fs::remove_all(temp, ec);
    try {
        Xapian::Database(path).compact(temp, Xapian::DBCOMPACT_NO_RENUMBER);
    } catch (const Xapian::Error& e) {
        fs::remove_all(temp, ec);
        throw IndexError(path + ": cannot compact the index (it is intact): " + e.get_msg());
    }
    fs::remove_all(old, ec);
    fs::rename(path, old, ec);
    if (ec) {
        fs::remove_all(temp, ec);
        throw IndexError(path +
                         ": cannot swap in the compacted index (it is intact): " + ec.message());
    }
    fs::rename(temp, path, ec);
    if (ec) {
        fs::rename(old, path, ec);  // put the old copy back
        throw IndexError(path + ": cannot swap in the compacted index: " + ec.message());
    }
    fs::remove_all(old, ec);
}

}  // namespace byline::index
