// Event importers: one pure function per format, (stream, options, RunControl) -> result.
#pragma once

#include <istream>

#include "merch/import.h"
#include "merch/run_control.h"
#include "merch/status.h"

namespace merch {

// The generic events CSV, MerchSim's documented interchange format:
// timestamp,session_id,visitor_id,customer_id,event,product_id,list,position,query,price,
// quantity,order_id. Only timestamp, event and one of session_id / visitor_id are required;
// timestamps are ISO 8601 (UTC unless an offset is given) or unix seconds.
Result<EventImport> importGenericEvents(std::istream& in, const ImportOptions& options,
                                        const RunControl& control);

// Gives events without a session id one, per visitor (or customer when there is no visitor),
// starting a new session after `inactivitySeconds` without events (GA4 uses 30 minutes).
// Email events are left outside sessions. Returns how many events were given a session.
std::int64_t sessionize(std::vector<Event>& events, std::int64_t inactivitySeconds = 1800);

// The header of the generic events CSV, in column order.
const std::vector<std::string>& genericEventsHeader();

} // namespace merch

namespace merch {

// Writes events as the generic events CSV (header first, timestamps ISO 8601 UTC), quoting
// fields as RFC 4180 requires. importGenericEvents reads it back to the same events. This is an
// interchange file: cells are not escaped for spreadsheets.
void writeGenericEventsCsv(std::ostream& out, const std::vector<Event>& events);

} // namespace merch
