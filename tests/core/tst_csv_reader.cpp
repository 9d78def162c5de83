// CsvReader and decodeText: records, quoting, line and column numbers, dialects, encodings.
#include <QTest>

#include "merch/csv_reader.h"
#include "merch/text_decoding.h"
#include "test_support.h"

using namespace merch;

namespace {
std::vector<CsvRecord> readAll(std::string_view text, CsvDialect dialect,
                               std::vector<std::string>* errors = nullptr,
                               std::size_t maxField = CsvReader::kDefaultMaxFieldBytes) {
    CsvReader reader(text, dialect, maxField);
    std::vector<CsvRecord> records;
    CsvRecord record;
    std::string error;
    while (reader.next(record, error)) {
        records.push_back(record);
        if (errors)
            errors->push_back(error);
    }
    return records;
}
} // namespace

class TestCsvReader : public QObject {
    Q_OBJECT

private slots:
    void fieldsAndPositions_data();
    void fieldsAndPositions();
    void malformedRecordsAreReportedAndReadingGoesOn_data();
    void malformedRecordsAreReportedAndReadingGoesOn();
    void hugeFieldIsAnError();
    void detectsTheDelimiter_data();
    void detectsTheDelimiter();
    void decodesEncodings_data();
    void decodesEncodings();
    void refusesBinary_data();
    void refusesBinary();
};

void TestCsvReader::fieldsAndPositions_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("record");
    QTest::addColumn<int>("fieldIndex");
    QTest::addColumn<QString>("value");
    QTest::addColumn<int>("line");
    QTest::addColumn<int>("column");
    QTest::newRow("plain") << QByteArray("a,b,c\n1,2,3\n") << 1 << 2 << "3" << 2 << 5;
    QTest::newRow("quoted comma") << QByteArray("a,b\n\"x, y\",z\n") << 1 << 1 << "z" << 2 << 8;
    QTest::newRow("doubled quotes")
        << QByteArray("a\n\"say \"\"hi\"\"\"\n") << 1 << 0 << "say \"hi\"" << 2 << 1;
    QTest::newRow("embedded newline keeps counting lines")
        << QByteArray("a,b\n\"line one\nline two\",x\nnext,row\n") << 2 << 0 << "next" << 4 << 1;
    QTest::newRow("CRLF") << QByteArray("a,b\r\n1,2\r\n3,4\r\n") << 2 << 1 << "4" << 3 << 3;
    QTest::newRow("old Mac CR") << QByteArray("a,b\r1,2\r") << 1 << 0 << "1" << 2 << 1;
    QTest::newRow("blank lines skipped") << QByteArray("a\n\n\nb\n") << 1 << 0 << "b" << 4 << 1;
    QTest::newRow("no final newline") << QByteArray("a,b\n1,2") << 1 << 1 << "2" << 2 << 3;
    QTest::newRow("empty fields") << QByteArray("a,b,c\n,,\n") << 1 << 2 << "" << 2 << 3;
    QTest::newRow("columns count characters, not bytes")
        << QByteArray("é€,x\n") << 0 << 1 << "x" << 1 << 4;
}

void TestCsvReader::fieldsAndPositions() {
    QFETCH(QByteArray, text);
    QFETCH(int, record);
    QFETCH(int, fieldIndex);
    QFETCH(QString, value);
    QFETCH(int, line);
    QFETCH(int, column);
    std::vector<std::string> errors;
    const auto records = readAll(std::string_view(text.constData(), std::size_t(text.size())),
                                 CsvDialect{}, &errors);
    QVERIFY(int(records.size()) > record);
    for (const auto& error : errors)
        QVERIFY2(error.empty(), error.c_str());
    const CsvRecord& r = records[std::size_t(record)];
    QCOMPARE(QString::fromStdString(r.fields[std::size_t(fieldIndex)]), value);
    QCOMPARE(r.line, std::int64_t(line));
    QCOMPARE(r.columns[std::size_t(fieldIndex)], column);
}

void TestCsvReader::malformedRecordsAreReportedAndReadingGoesOn_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<int>("badRecord");
    QTest::addColumn<QString>("message");
    QTest::addColumn<int>("records");
    QTest::newRow("unterminated quote at end of file")
        << QByteArray("a,b\n1,\"open\n") << 1 << "line 2, column 3 that is never closed" << 2;
    QTest::newRow("text after closing quote") << QByteArray("a,b\n\"x\"y,2\nok,3\n") << 1
                                              << "unexpected text after the closing quote" << 3;
}

void TestCsvReader::malformedRecordsAreReportedAndReadingGoesOn() {
    QFETCH(QByteArray, text);
    QFETCH(int, badRecord);
    QFETCH(QString, message);
    QFETCH(int, records);
    std::vector<std::string> errors;
    const auto read = readAll(std::string_view(text.constData(), std::size_t(text.size())),
                              CsvDialect{}, &errors);
    QCOMPARE(int(read.size()), records);
    QVERIFY2(QString::fromStdString(errors[std::size_t(badRecord)]).contains(message),
             errors[std::size_t(badRecord)].c_str());
}

void TestCsvReader::hugeFieldIsAnError() {
    std::string text = "a,b\n" + std::string(5000, 'x') + ",2\nsmall,3\n";
    std::vector<std::string> errors;
    const auto records = readAll(text, CsvDialect{}, &errors, 1024);
    QCOMPARE(records.size(), std::size_t(3));
    QVERIFY(QString::fromStdString(errors[1]).contains("longer than 1 KiB"));
    QVERIFY(records[1].fields[0].size() <= 1024);
    QVERIFY(errors[2].empty());
    QCOMPARE(records[2].fields[0], std::string("small"));
}

void TestCsvReader::detectsTheDelimiter_data() {
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<char>("delimiter");
    QTest::newRow("comma") << QByteArray("a,b,c\n1,2,3\n") << ',';
    QTest::newRow("semicolon with decimal commas")
        << QByteArray("sku;price\nA;12,50\nB;3,00\n") << ';';
    QTest::newRow("tab") << QByteArray("id\ttitle\tprice\n1\tRed, big\t3\n") << '\t';
    QTest::newRow("pipe") << QByteArray("a|b\n1|2\n") << '|';
    QTest::newRow("quoted delimiters do not count")
        << QByteArray("a;b\n\"x,y,z\";2\n\"p,q\";3\n") << ';';
}

void TestCsvReader::detectsTheDelimiter() {
    QFETCH(QByteArray, text);
    QFETCH(char, delimiter);
    QCOMPARE(detectDialect(std::string_view(text.constData(), std::size_t(text.size()))).delimiter,
             delimiter);
}

void TestCsvReader::decodesEncodings_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("encoding");
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("warns");
    QTest::newRow("UTF-8") << QByteArray("caf\xC3\xA9") << "UTF-8" << QString("café") << false;
    QTest::newRow("UTF-8 BOM") << QByteArray("\xEF\xBB\xBFh,i") << "UTF-8 with BOM"
                               << "h,i" << false;
    QTest::newRow("UTF-16LE BOM") << QByteArray("\xFF\xFEh\0\xE9\0", 6) << "UTF-16LE"
                                  << QString("hé") << false;
    QTest::newRow("UTF-16BE BOM") << QByteArray("\xFE\xFF\0h\0\xE9", 6) << "UTF-16BE"
                                  << QString("hé") << false;
    QTest::newRow("Windows-1252") << QByteArray("caf\xE9 \x80"
                                                "5")
                                  << "Windows-1252" << QString("café €5") << true;
}

void TestCsvReader::decodesEncodings() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, encoding);
    QFETCH(QString, text);
    QFETCH(bool, warns);
    auto decoded = decodeText(bytes.toStdString(), "prices.csv");
    MERCH_VERIFY_OK(decoded);
    QCOMPARE(QString::fromStdString(decoded->encoding), encoding);
    QCOMPARE(QString::fromStdString(decoded->text), text);
    QCOMPARE(!decoded->warnings.empty(), warns);
    if (warns)
        QVERIFY(QString::fromStdString(decoded->warnings.front()).contains("line 1, column 4"));
}

void TestCsvReader::refusesBinary_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::newRow("NUL bytes") << QByteArray("PK\x03\x04\0\0\0\x08", 8);
    QByteArray controls;
    for (int i = 0; i < 400; ++i)
        controls.append(char(1 + i % 7));
    QTest::newRow("control bytes") << controls;
}

void TestCsvReader::refusesBinary() {
    QFETCH(QByteArray, bytes);
    auto decoded = decodeText(bytes.toStdString(), "photo.zip");
    QVERIFY(!decoded.isOk());
    QVERIFY(QString::fromStdString(decoded.status().message())
                .contains("photo.zip looks like a binary file"));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csv_reader.moc"
