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

// Public event datasets and analytics exports. Each reads the whole file, rejects bad rows with
// line, column, reason and raw text, and returns a file-level error (naming the file and line)
// when the file is not in the format at all. Events without a session id are sessionized.
namespace merch {

// Flattened GA4 BigQuery export, one row per event and item (UNNEST(items)); any delimiter.
// Required: event_timestamp (microseconds since 1970; or event_time as ISO 8601 text),
// event_name, user_pseudo_id, item_id. Optional: user_id (-> customer), ga_session_id (or
// param_ga_session_id; session = user_pseudo_id + ":" + ga_session_id, else sessionized),
// item_list_name, item_list_index (0-based when any row has 0, as GA4 documents; stored
// 1-based), price, quantity (empty -> 1 for cart, checkout and purchase rows),
// transaction_id, search_term. "(not set)" counts as empty. Mapping: view_item_list ->
// list_view, select_item and view_item -> view (a view_item within 60 s after a select_item
// of the same product by the same visitor is merged into it, keeping the list and position),
// add_to_cart, remove_from_cart, begin_checkout -> checkout, purchase,
// view_search_results / search -> search. Other event names (page_view, session_start,
// view_cart, refund, ...) are skipped and counted in a warning, not rejected. A purchase that
// repeats a transaction_id and item_id at another timestamp is rejected as a duplicate.
Result<EventImport> importGa4Events(std::istream& in, const ImportOptions& options,
                                    const RunControl& control);

// OTTO session JSON lines (otto-de/recsys-dataset): one session per line,
// {"session": 12, "events": [{"aid": 7, "ts": 1659304800025, "type": "clicks"}]} with ts in
// unix milliseconds. clicks -> view, carts -> add_to_cart, orders -> purchase (quantity 1,
// order id "<session>@<ts>": orders at one moment form one order). Session id = the number;
// no visitor id. A line that is not valid JSON is rejected with the parser's column; a line
// with a bad event, an unknown type or a session number seen before is rejected whole.
Result<EventImport> importOttoEvents(std::istream& in, const ImportOptions& options,
                                     const RunControl& control);

// DIGINETICA (CIKM Cup 2016) item views: session_id;user_id;item_id;timeframe;eventdate
// (header required; sessionId, userId, itemId also accepted). timestamp = eventdate (a UTC day,
// YYYY-MM-DD) + timeframe (milliseconds since the session began). user_id "NA" -> no customer,
// otherwise the customer. With an ordernumber column (train-purchases.csv) rows are purchases
// with that order id; otherwise views.
Result<EventImport> importDigineticaEvents(std::istream& in, const ImportOptions& options,
                                           const RunControl& control);

// RetailRocket events.csv: timestamp,visitorid,event,itemid,transactionid (timestamp in unix
// milliseconds). view -> view, addtocart -> add_to_cart, transaction -> purchase (order id =
// transactionid, required; quantity 1, price unknown). No session ids: sessionized per visitor.
Result<EventImport> importRetailRocketEvents(std::istream& in, const ImportOptions& options,
                                             const RunControl& control);

// YooChoose (RecSys Challenge 2015), detected from the first line:
// - yoochoose-clicks.dat: session,timestamp,item,category, no header, ISO 8601 timestamps
//   -> view events (the category is not kept);
// - yoochoose-buys.dat: session,timestamp,item,price,quantity, no header -> purchases, order id =
//   session; price 0 stays 0 (unknown), quantity 0 becomes 1;
// - session-rec's prepared TSV: SessionId<TAB>ItemId<TAB>Time header (unix seconds, fraction
//   allowed; extra columns ignored) -> view events.
Result<EventImport> importYoochooseEvents(std::istream& in, const ImportOptions& options,
                                          const RunControl& control);

// UCI Online Retail: InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,
// Country (Online Retail II's Invoice, Price, Customer ID also accepted). One purchase per
// line: order id = InvoiceNo, product = StockCode, customer = CustomerID ("17850.0" -> "17850"),
// session = CustomerID/InvoiceNo (InvoiceNo alone without a customer). InvoiceDate is
// month/day/year hour:minute ("12/1/2010 8:26"), read as UTC. Cancellations (InvoiceNo starting
// with C, negative quantities) are rejected rows with that reason and counted in a warning:
// MerchSim models purchases, not returns. Quantities below 1 and negative or non-numeric prices
// are rejected; exact repeated rows are kept and counted in a warning.
Result<EventImport> importOnlineRetailInvoices(std::istream& in, const ImportOptions& options,
                                               const RunControl& control);

// Best Buy search click log: user,sku,category,query,click_time,query_time (header optional;
// times like "2011-09-01 23:44:52.533", UTC). Each row gives a search event at query_time with
// the query, then a view of the clicked sku at click_time with list "search" and the same
// query; visitor = user, sessionized by time. The category is not kept.
Result<EventImport> importBestBuySearchLog(std::istream& in, const ImportOptions& options,
                                           const RunControl& control);

} // namespace merch
