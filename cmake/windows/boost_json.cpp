// Boost.JSON compiled into the program (header-only mode): the cross build
// cannot link Debian's Linux libboost_json, so its sources are built here once.
#include <boost/json/src.hpp>
