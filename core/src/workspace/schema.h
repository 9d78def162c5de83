// The workspace schema as a list of migrations; version N is reached by applying 1..N in order.
#pragma once

#include <sqlite3.h>

#include "merch/status.h"

namespace merch::schema {

// Applies the migrations from the file's current user_version up to `target`, each in its own
// transaction together with the version bump.
Status migrate(sqlite3* db, int target);

} // namespace merch::schema
