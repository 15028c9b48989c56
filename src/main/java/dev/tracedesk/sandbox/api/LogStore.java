package dev.tracedesk.sandbox.api;

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
import java.util.List;

/**
 * The sandbox's CloudWatch Logs data: groups, streams and events in {@code logs.db} (SQLite, WAL) next to the segment
 * store. Writers append a batch per call (the local Lambda runtime writes an invocation's lines in one transaction).
 */
public final class LogStore implements AutoCloseable {
    public static final String FILE_NAME = "logs.db";

    /** One stored event; {@code id} orders events with equal timestamps. */
    public record Event(long id, String group, String stream, long timestamp, long ingestionTime, String message) {}

    public record Group(String name, long creationTime, long storedBytes) {}

    public record Stream(String name, long creationTime, Long firstEventTimestamp, Long lastEventTimestamp,
                         long lastIngestionTime, long storedBytes) {}

    /** An event to append: time (ms) and message. */
    public record Line(long timestamp, String message) {}

    private final Connection db;

    public LogStore(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE_NAME));
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS log_groups(name TEXT PRIMARY KEY, created INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS log_streams(grp TEXT NOT NULL, name TEXT NOT NULL, created INTEGER NOT NULL,"
                        + " first_ts INTEGER, last_ts INTEGER, last_ingestion INTEGER NOT NULL, bytes INTEGER NOT NULL,"
                        + " PRIMARY KEY(grp, name))");
                s.execute("CREATE TABLE IF NOT EXISTS log_events(id INTEGER PRIMARY KEY AUTOINCREMENT, grp TEXT NOT NULL,"
                        + " stream TEXT NOT NULL, ts INTEGER NOT NULL, ingestion INTEGER NOT NULL, message TEXT NOT NULL)");
                s.execute("CREATE INDEX IF NOT EXISTS log_events_by_time ON log_events(grp, ts, id)");
            }
        } catch (SQLException e) {
            throw new IOException("cannot open the log store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** Appends lines to a stream, creating the group and stream as Lambda does on first write. */
    public synchronized void append(String group, String stream, List<Line> lines) {
        if (lines.isEmpty()) return;
        long now = System.currentTimeMillis();
        try {
            db.setAutoCommit(false);
            try (PreparedStatement g = db.prepareStatement("INSERT OR IGNORE INTO log_groups(name, created) VALUES(?, ?)");
                 PreparedStatement st = db.prepareStatement("INSERT OR IGNORE INTO log_streams(grp, name, created, last_ingestion, bytes)"
                         + " VALUES(?, ?, ?, ?, 0)");
                 PreparedStatement e = db.prepareStatement("INSERT INTO log_events(grp, stream, ts, ingestion, message) VALUES(?, ?, ?, ?, ?)");
                 PreparedStatement u = db.prepareStatement("UPDATE log_streams SET first_ts = COALESCE(first_ts, ?),"
                         + " last_ts = MAX(COALESCE(last_ts, 0), ?), last_ingestion = ?, bytes = bytes + ? WHERE grp = ? AND name = ?")) {
                g.setString(1, group);
                g.setLong(2, now);
                g.executeUpdate();
                st.setString(1, group);
                st.setString(2, stream);
                st.setLong(3, now);
                st.setLong(4, now);
                st.executeUpdate();
                long first = Long.MAX_VALUE, last = 0, bytes = 0;
                for (Line l : lines) {
                    e.setString(1, group);
                    e.setString(2, stream);
                    e.setLong(3, l.timestamp());
                    e.setLong(4, now);
                    e.setString(5, l.message());
                    e.addBatch();
                    first = Math.min(first, l.timestamp());
                    last = Math.max(last, l.timestamp());
                    bytes += l.message().length() + 26;
                }
                e.executeBatch();
                u.setLong(1, first);
                u.setLong(2, last);
                u.setLong(3, now);
                u.setLong(4, bytes);
                u.setString(5, group);
                u.setString(6, stream);
                u.executeUpdate();
            }
            db.commit();
        } catch (SQLException ex) {
            try {
                db.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
            throw new IllegalStateException("cannot append log events: " + ex.getMessage(), ex);
        } finally {
            try {
                db.setAutoCommit(true);
            } catch (SQLException ignored) {
                // connection broken; next call reports it
            }
        }
    }

    public synchronized List<Group> groups(String prefix) {
        List<Group> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT g.name, g.created, COALESCE((SELECT SUM(bytes) FROM log_streams s"
                + " WHERE s.grp = g.name), 0) FROM log_groups g WHERE substr(g.name, 1, ?) = ? ORDER BY g.name")) {
            p.setInt(1, prefix.length());
            p.setString(2, prefix);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new Group(r.getString(1), r.getLong(2), r.getLong(3)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    public synchronized boolean groupExists(String group) {
        return groups(group).stream().anyMatch(g -> g.name().equals(group));
    }

    public synchronized List<Stream> streams(String group, String prefix) {
        List<Stream> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement("SELECT name, created, first_ts, last_ts, last_ingestion, bytes FROM log_streams"
                + " WHERE grp = ? AND substr(name, 1, ?) = ? ORDER BY name")) {
            p.setString(1, group);
            p.setInt(2, prefix.length());
            p.setString(3, prefix);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) {
                    long f = r.getLong(3);
                    Long first = r.wasNull() ? null : f;
                    long l = r.getLong(4);
                    Long last = r.wasNull() ? null : l;
                    out.add(new Stream(r.getString(1), r.getLong(2), first, last, r.getLong(5), r.getLong(6)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /**
     * Events of a group in (timestamp, id) order after the key {@code (afterTs, afterId)}, within [start, end], at most
     * {@code max}; {@code streams} empty means all streams.
     */
    public synchronized List<Event> events(String group, List<String> streams, long start, long end, long afterTs, long afterId,
                                           boolean descending, int max) {
        StringBuilder sql = new StringBuilder("SELECT id, stream, ts, ingestion, message FROM log_events WHERE grp = ? AND ts >= ? AND ts <= ?");
        if (!streams.isEmpty()) sql.append(" AND stream IN (").append("?,".repeat(streams.size() - 1)).append("?)");
        sql.append(descending ? " AND (ts < ? OR (ts = ? AND id < ?)) ORDER BY ts DESC, id DESC LIMIT ?"
                : " AND (ts > ? OR (ts = ? AND id > ?)) ORDER BY ts, id LIMIT ?");
        List<Event> out = new ArrayList<>();
        try (PreparedStatement p = db.prepareStatement(sql.toString())) {
            int i = 1;
            p.setString(i++, group);
            p.setLong(i++, start);
            p.setLong(i++, end);
            for (String s : streams) p.setString(i++, s);
            p.setLong(i++, afterTs);
            p.setLong(i++, afterTs);
            p.setLong(i++, afterId);
            p.setInt(i, max);
            try (ResultSet r = p.executeQuery()) {
                while (r.next()) out.add(new Event(r.getLong(1), group, r.getString(2), r.getLong(3), r.getLong(4), r.getString(5)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing anyway
        }
    }
}
