#include "merch/workspace.h"

#include <sqlite3.h>

#include <filesystem>
#include <system_error>

#include "workspace/schema.h"
#include "workspace/sqlite_util.h"

namespace merch {

namespace fs = std::filesystem;

namespace {

struct ConnectionCloser {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, ConnectionCloser>;

Result<Connection> openConnection(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK)
        return sql::errorStatus(raw, rc, "opening " + path);
    sqlite3_extended_result_codes(raw, 1);
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

// SQLite's defensive settings: no writes to the schema behind its back, no functions run
// from the schema, no double-quoted string literals, records checked as they are read. A
// rollback journal (not WAL) keeps a closed workspace a single file users can copy.
Status configure(sqlite3* db) {
    sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DDL, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_DQS_DML, 0, nullptr);
    sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, nullptr);
    return sql::exec(db,
                     "PRAGMA foreign_keys = ON;"
                     "PRAGMA cell_size_check = ON;"
                     "PRAGMA journal_mode = DELETE;"
                     "PRAGMA synchronous = FULL;",
                     "configuring the workspace connection");
}

// Checks, through a read-only connection, that `path` is a workspace this build can open.
// Nothing is written to the file, whatever it turns out to be.
Status inspect(const std::string& path) {
    std::error_code error;
    if (!fs::is_regular_file(path, error))
        return Status::error(StatusCode::NotFound, path + " does not exist or is not a file");
    const auto notAWorkspace = [&](const std::string& why) {
        return Status::error(StatusCode::NotAWorkspace,
                             path + " is not a MerchSim workspace (" + why + ")");
    };
    if (fs::file_size(path, error) == 0)
        return notAWorkspace("the file is empty");

    auto db = openConnection(path, SQLITE_OPEN_READONLY);
    if (!db)
        return db.status();
    auto applicationId = sql::queryInt(db->get(), "PRAGMA application_id");
    if (!applicationId) {
        if (applicationId.status().code() == StatusCode::NotAWorkspace)
            return notAWorkspace("not an SQLite database");
        if (applicationId.status().code() == StatusCode::Corrupted)
            return Status::error(StatusCode::Corrupted,
                                 path + " is damaged: " + applicationId.status().message());
        return applicationId.status();
    }
    if (*applicationId != Workspace::kApplicationId)
        return notAWorkspace("an SQLite database written by another program");
    auto version = sql::queryInt(db->get(), "PRAGMA user_version");
    if (!version)
        return version.status();
    if (*version > Workspace::kSchemaVersion)
        return Status::error(StatusCode::NewerSchema,
                             path + " was written by a newer MerchSim (schema " +
                                 std::to_string(*version) + "; this version reads up to " +
                                 std::to_string(Workspace::kSchemaVersion) + ")");

    auto check = sql::Statement::prepare(db->get(), "PRAGMA quick_check(5)");
    if (!check)
        return Status::error(StatusCode::Corrupted,
                             path + " is damaged: " + check.status().message());
    std::string problems;
    int rc = SQLITE_ROW;
    while ((rc = check->step()) == SQLITE_ROW) {
        const std::string line = check->text(0);
        if (line != "ok")
            problems += (problems.empty() ? "" : "; ") + line;
    }
    if (rc != SQLITE_DONE)
        problems += (problems.empty() ? "" : "; ") + std::string(sqlite3_errmsg(db->get()));
    if (!problems.empty())
        return Status::error(StatusCode::Corrupted,
                             path + " is damaged and was not opened: " + problems);
    return Status::ok();
}

} // namespace

Result<std::unique_ptr<Workspace>> Workspace::createAtVersion(const std::string& path,
                                                              int version) {
    std::error_code error;
    if (fs::exists(path, error))
        return Status::invalidArgument(path + " already exists; choose a new file name");
    auto db = openConnection(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    auto fail = [&](Status status) -> Result<std::unique_ptr<Workspace>> {
        if (db)
            db->reset(); // close the connection before the file is removed
        fs::remove(path, error);
        fs::remove(path + "-wal", error);
        fs::remove(path + "-shm", error);
        return status;
    };
    if (!db)
        return fail(db.status());
    if (auto status = configure(db->get()); !status)
        return fail(status);
    if (auto status =
            sql::exec(db->get(), "PRAGMA application_id = " + std::to_string(kApplicationId),
                      "marking the file as a workspace");
        !status)
        return fail(status);
    if (auto status = schema::migrate(db->get(), version); !status)
        return fail(status);
    return std::unique_ptr<Workspace>(new Workspace(db->release(), path));
}

Result<std::unique_ptr<Workspace>> Workspace::create(const std::string& path) {
    return createAtVersion(path, kSchemaVersion);
}

Result<std::unique_ptr<Workspace>> Workspace::open(const std::string& path) {
    if (auto status = inspect(path); !status)
        return status;
    auto db = openConnection(path, SQLITE_OPEN_READWRITE);
    if (!db)
        return db.status();
    if (auto status = configure(db->get()); !status)
        return status;
    if (auto status = schema::migrate(db->get(), kSchemaVersion); !status)
        return status;
    return std::unique_ptr<Workspace>(new Workspace(db->release(), path));
}

Workspace::~Workspace() {
    sqlite3_close_v2(m_db);
}

int Workspace::schemaVersion() const {
    auto version = sql::queryInt(m_db, "PRAGMA user_version");
    return version ? int(*version) : -1;
}

Result<std::unique_ptr<StoreWriter>> Workspace::beginWrite(const WriteOptions& options) {
    if (m_writerOpen)
        return Status::error(StatusCode::Internal, "a write is already in progress");
    std::unique_ptr<StoreWriter> writer(new StoreWriter(*this));
    if (auto status = writer->begin(options); !status)
        return status;
    return writer;
}

Status Workspace::setMeta(const std::string& key, const std::string& value) {
    auto statement =
        sql::Statement::prepare(m_db, "INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
    if (!statement)
        return statement.status();
    statement->bind(1, key);
    statement->bind(2, value);
    return statement->run("saving setting " + key);
}

Result<std::string> Workspace::meta(const std::string& key) const {
    auto statement = sql::Statement::prepare(m_db, "SELECT value FROM meta WHERE key = ?");
    if (!statement)
        return statement.status();
    statement->bind(1, key);
    const int rc = statement->step();
    if (rc == SQLITE_ROW)
        return statement->text(0);
    if (rc == SQLITE_DONE)
        return Status::error(StatusCode::NotFound, "no setting named " + key);
    return sql::errorStatus(m_db, rc, "reading setting " + key);
}

Status Workspace::saveCopyAs(const std::string& path) const {
    std::error_code error;
    if (fs::equivalent(path, m_path, error))
        return Status::invalidArgument("the copy must go to another file than the workspace");
    const std::string temporary = path + ".partial";
    fs::remove(temporary, error);
    auto statement = sql::Statement::prepare(m_db, "VACUUM INTO ?");
    if (!statement)
        return statement.status();
    statement->bind(1, temporary);
    if (auto status = statement->run("writing a copy to " + path); !status) {
        fs::remove(temporary, error);
        return status;
    }
    fs::rename(temporary, path, error);
    if (error) {
        fs::remove(temporary, error);
        return Status::error(StatusCode::IoError,
                             "moving the copy to " + path + ": " + error.message());
    }
    return Status::ok();
}

} // namespace merch
