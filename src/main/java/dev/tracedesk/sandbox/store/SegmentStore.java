package dev.tracedesk.sandbox.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable SQLite store (WAL) of segment documents, groups and sampling rules. Writes come only from the
 * {@link SegmentWriter} thread through {@link #writeBatch}; reads use a separate connection, which WAL lets run
 * concurrently with the writer. A kill -9 loses at most the uncommitted batch: WAL commits are atomic.
 */
public final class SegmentStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SegmentStore.class);
    public static final String FILE_NAME = "sandbox.db";

    private final Path file;
    private final Connection writer;
    private final Connection reader;
    /** The journal thread's own connection: appends never wait for the writer's CPU work, only for its commits. */
    private final Connection journal;
    private final PreparedStatement upsert;
    private final PreparedStatement deleteJournal;
    private final PreparedStatement appendJournal;
    /**
     * Taken around every write transaction of the journal and the writer. SQLite's own busy handler retries with
     * sleeps of up to 100 ms, so a journal commit could keep missing the short gaps between the writer's back-to-back
     * transactions while received datagrams pile up in memory; a fair lock hands the database over in turn.
     */
    private final ReentrantLock writeTurn = new ReentrantLock(true);

    public SegmentStore(Path dataDir) throws IOException, SQLException {
        Files.createDirectories(dataDir);
        this.file = dataDir.resolve(FILE_NAME);
        this.writer = open(file);
        try (Statement s = writer.createStatement()) {
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=NORMAL");
            // The (trace_id, id) index takes inserts in random order: with SQLite's default 2 MiB page cache every
            // insert into a large store would read pages from disk. A bigger cache and mmap keep ingest flat.
            s.execute("PRAGMA cache_size=-262144");
            s.execute("PRAGMA mmap_size=1073741824");
            s.execute("""
                    CREATE TABLE IF NOT EXISTS segments(
                      seq INTEGER PRIMARY KEY,
                      trace_id TEXT NOT NULL,
                      id TEXT NOT NULL,
                      in_progress INTEGER NOT NULL,
                      received_ms INTEGER NOT NULL,
                      doc TEXT NOT NULL,
                      UNIQUE(trace_id, id))""");
            // Raw datagrams and PutTraceSegments documents, one row per receive batch, until the writer has decoded
            // them into `segments` (the row is deleted in the same transaction): the durable buffer of the hot path.
            // AUTOINCREMENT: seq must never be reused once the table has been emptied (the writer reads seq > last).
            s.execute("""
                    CREATE TABLE IF NOT EXISTS journal(
                      seq INTEGER PRIMARY KEY AUTOINCREMENT,
                      received_ms INTEGER NOT NULL,
                      entries INTEGER NOT NULL,
                      data BLOB NOT NULL)""");
            s.execute("CREATE TABLE IF NOT EXISTS groups(name TEXT PRIMARY KEY, json TEXT NOT NULL)");
            s.execute("CREATE TABLE IF NOT EXISTS sampling_rules(name TEXT PRIMARY KEY, json TEXT NOT NULL)");
        }
        writer.setAutoCommit(false);
        // A later complete document replaces an in-progress one; a late in-progress one never replaces a complete one.
        this.upsert = writer.prepareStatement("""
                INSERT INTO segments(trace_id, id, in_progress, received_ms, doc) VALUES(?,?,?,?,?)
                ON CONFLICT(trace_id, id) DO UPDATE SET in_progress=excluded.in_progress,
                  received_ms=excluded.received_ms, doc=excluded.doc
                WHERE segments.in_progress=1 OR excluded.in_progress=0""");
        this.deleteJournal = writer.prepareStatement("DELETE FROM journal WHERE seq=?");
        writer.commit();
        this.reader = open(file);
        this.journal = open(file);
        try (Statement s = journal.createStatement()) {
            s.execute("PRAGMA synchronous=NORMAL");
        }
        this.appendJournal = journal.prepareStatement("INSERT INTO journal(received_ms, entries, data) VALUES(?,?,?)");
    }

    private static Connection open(Path file) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout=10000");
            s.execute("PRAGMA mmap_size=1073741824");
        }
        return c;
    }

    public Path file() { return file; }

    /** One journal row: {@code entries} raw entries packed by {@link Journal}. */
    public record JournalRow(long seq, long receivedMillis, int entries, byte[] data) {}

    /** One journal row to append. */
    record JournalAppend(long receivedMillis, int entries, byte[] data) {}

    /** Appends journal rows in one transaction: all of them or none (journal thread only). */
    void appendJournal(List<JournalAppend> rows) throws SQLException {
        writeTurn.lock();
        try {
            journal.setAutoCommit(false);
            try {
                for (JournalAppend r : rows) {
                    appendJournal.setLong(1, r.receivedMillis());
                    appendJournal.setInt(2, r.entries());
                    appendJournal.setBytes(3, r.data());
                    appendJournal.executeUpdate();
                }
                journal.commit();
            } catch (SQLException | RuntimeException e) {
                journal.rollback();
                throw e;
            } finally {
                journal.setAutoCommit(true);
            }
        } finally {
            writeTurn.unlock();
        }
    }

    /** Journal rows after {@code afterSeq}, oldest first, at most {@code maxEntries} entries (writer thread only). */
    List<JournalRow> readJournal(long afterSeq, int maxEntries) throws SQLException {
        List<JournalRow> out = new ArrayList<>();
        try (PreparedStatement ps = writer.prepareStatement(
                "SELECT seq, received_ms, entries, data FROM journal WHERE seq>? ORDER BY seq LIMIT 64")) {
            ps.setLong(1, afterSeq);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && (out.isEmpty() || n < maxEntries)) {
                    JournalRow r = new JournalRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getBytes(4));
                    out.add(r);
                    n += r.entries();
                }
            }
        } finally {
            writer.commit(); // end the read transaction: a held snapshot would make the next write fail with BUSY_SNAPSHOT
        }
        return out;
    }

    /** Journal rows not yet decoded into segments (entries), e.g. left by a kill -9. */
    public synchronized long journalBacklog() {
        try (Statement s = reader.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(sum(entries),0) FROM journal")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the journal", e);
        }
    }

    /** Commits one batch atomically (writer thread only). */
    void writeBatch(List<StoredDocument> docs) throws SQLException {
        writeBatch(docs, List.of());
    }

    /**
     * Upserts {@code docs} and deletes the journal rows they were decoded from in one transaction, so that a crash
     * leaves each journal entry either still journaled or stored, never both or neither (writer thread only).
     */
    void writeBatch(List<StoredDocument> docs, List<Long> journalSeqs) throws SQLException {
        writeTurn.lock();
        try {
            for (Long seq : journalSeqs) {
                deleteJournal.setLong(1, seq);
                deleteJournal.addBatch();
            }
            if (!journalSeqs.isEmpty()) deleteJournal.executeBatch();
            for (StoredDocument d : docs) {
                upsert.setString(1, d.traceId());
                upsert.setString(2, d.id());
                upsert.setInt(3, d.inProgress() ? 1 : 0);
                upsert.setLong(4, d.receivedMillis());
                upsert.setString(5, d.json());
                upsert.addBatch();
            }
            if (!docs.isEmpty()) upsert.executeBatch();
            writer.commit();
        } catch (SQLException e) {
            writer.rollback();
            throw e;
        } finally {
            writeTurn.unlock();
        }
    }

    /** The stored documents of one trace, in arrival order. */
    public synchronized List<String> documents(String traceId) {
        try {
            return documents(reader, traceId);
        } catch (SQLException e) {
            throw new IllegalStateException("reading trace " + traceId, e);
        }
    }

    private static List<String> documents(Connection c, String traceId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT doc FROM segments WHERE trace_id=? ORDER BY seq")) {
            ps.setString(1, traceId);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }

    /** The stored documents of one trace, in arrival order; {@code firstSeq} orders traces by first arrival. */
    public record TraceDocuments(String traceId, long firstSeq, List<String> documents) {}

    /**
     * Streams every stored trace to rebuild the index at start. Walks the (trace_id, id) index, so SQLite needs no
     * temporary sort of the whole table; each trace's few documents are put in arrival order here.
     */
    public synchronized void forEachTrace(Consumer<TraceDocuments> consumer) {
        try (Statement s = reader.createStatement();
             ResultSet rs = s.executeQuery("SELECT trace_id, seq, doc FROM segments" + indexedBy(s) + " ORDER BY trace_id")) {
            rs.setFetchSize(10_000);
            String current = null;
            List<Map.Entry<Long, String>> docs = new ArrayList<>();
            while (rs.next()) {
                String t = rs.getString(1);
                if (!t.equals(current)) {
                    if (current != null) consumer.accept(inOrder(current, docs));
                    current = t;
                    docs = new ArrayList<>();
                }
                docs.add(Map.entry(rs.getLong(2), rs.getString(3)));
            }
            if (current != null) consumer.accept(inOrder(current, docs));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the store", e);
        }
    }

    private static TraceDocuments inOrder(String traceId, List<Map.Entry<Long, String>> docs) {
        if (docs.size() > 1) docs.sort(Map.Entry.comparingByKey());
        List<String> out = new ArrayList<>(docs.size());
        for (Map.Entry<Long, String> d : docs) out.add(d.getValue());
        return new TraceDocuments(traceId, docs.get(0).getKey(), out);
    }

    /** Names SQLite's automatic index for UNIQUE(trace_id, id), or nothing if it has none (then SQLite sorts). */
    private static String indexedBy(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='segments'"
                + " AND name LIKE 'sqlite_autoindex_segments_%' ORDER BY name LIMIT 1")) {
            return rs.next() ? " INDEXED BY " + rs.getString(1) : "";
        }
    }

    public synchronized long documentCount() {
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM segments")) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("counting documents", e);
        }
    }

    /** Bytes the database uses (pages minus free pages), as retention counts them. */
    public synchronized long databaseBytes() {
        try (Statement s = reader.createStatement()) {
            long pageSize = single(s, "PRAGMA page_size");
            return (single(s, "PRAGMA page_count") - single(s, "PRAGMA freelist_count")) * pageSize;
        } catch (SQLException e) {
            throw new IllegalStateException("sizing the database", e);
        }
    }

    /** Bytes in use (pages minus free pages). */
    long usedBytes() throws SQLException {
        try (Statement s = writer.createStatement()) {
            long pageSize = single(s, "PRAGMA page_size");
            return (single(s, "PRAGMA page_count") - single(s, "PRAGMA freelist_count")) * pageSize;
        } finally {
            writer.commit();
        }
    }

    private static long single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Deletes the oldest traces (by first arrival) while the oldest is older than {@code cutoffMillis} or the store
     * uses more than {@code maxBytes}. Returns the ids of deleted traces so the index can drop them too.
     */
    Set<String> evictOldest(long cutoffMillis, long maxBytes) throws SQLException {
        Set<String> evicted = new LinkedHashSet<>();
        while (true) {
            long used = usedBytes();
            boolean overSize = used > maxBytes;
            // Over the cap, delete about as many documents as the excess holds (at >= 256 bytes each), then re-measure.
            long limit = overSize ? Math.max(20, Math.min(20_000, (used - maxBytes) / 256)) : 2000;
            Map<String, Long> oldest = new LinkedHashMap<>();
            try (PreparedStatement ps = writer.prepareStatement(
                    "SELECT trace_id, received_ms FROM segments ORDER BY seq LIMIT " + limit)) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) oldest.putIfAbsent(rs.getString(1), rs.getLong(2));
                }
            }
            List<String> victims = new ArrayList<>();
            for (Map.Entry<String, Long> e : oldest.entrySet()) {
                if (overSize || e.getValue() < cutoffMillis) victims.add(e.getKey());
                else break;
            }
            if (victims.isEmpty()) {
                writer.commit();
                break;
            }
            writeTurn.lock();
            try (PreparedStatement del = writer.prepareStatement("DELETE FROM segments WHERE trace_id=?")) {
                for (String t : victims) {
                    del.setString(1, t);
                    del.addBatch();
                }
                del.executeBatch();
                writer.commit();
            } finally {
                writeTurn.unlock();
            }
            evicted.addAll(victims);
            if (!overSize && victims.size() < oldest.size()) break;
        }
        if (!evicted.isEmpty()) LOG.info("retention removed {} traces", evicted.size());
        return evicted;
    }

    // ---- small key/value tables for groups and sampling rules (API threads) ----

    public synchronized Map<String, String> loadAll(String table) {
        checkTable(table);
        Map<String, String> out = new LinkedHashMap<>();
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("SELECT name, json FROM " + table)) {
            while (rs.next()) out.put(rs.getString(1), rs.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException("reading " + table, e);
        }
        return out;
    }

    public synchronized void put(String table, String name, String json) {
        checkTable(table);
        try (PreparedStatement ps = reader.prepareStatement(
                "INSERT INTO " + table + "(name, json) VALUES(?,?) ON CONFLICT(name) DO UPDATE SET json=excluded.json")) {
            ps.setString(1, name);
            ps.setString(2, json);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("writing " + table, e);
        }
    }

    public synchronized void delete(String table, String name) {
        checkTable(table);
        try (PreparedStatement ps = reader.prepareStatement("DELETE FROM " + table + " WHERE name=?")) {
            ps.setString(1, name);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("deleting from " + table, e);
        }
    }

    private static void checkTable(String table) {
        if (!table.equals("groups") && !table.equals("sampling_rules")) throw new IllegalArgumentException(table);
    }

    /** Runs {@code PRAGMA integrity_check}; "ok" when the database is sound. */
    public synchronized String integrityCheck() {
        try (Statement s = reader.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            return rs.next() ? rs.getString(1) : "no result";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    @Override
    public synchronized void close() {
        try {
            reader.close();
        } catch (SQLException e) {
            LOG.warn("closing reader: {}", e.toString());
        }
        try {
            appendJournal.close();
            journal.close();
        } catch (SQLException e) {
            LOG.warn("closing journal: {}", e.toString());
        }
        try {
            upsert.close();
            deleteJournal.close();
            writer.close();
        } catch (SQLException e) {
            LOG.warn("closing writer: {}", e.toString());
        }
    }
}
