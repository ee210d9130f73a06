#include <byline/version.h>

namespace byline {

const char* version() {
    return BYLINE_VERSION_STRING;
}

}  // namespace byline
