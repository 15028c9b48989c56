package dev.tracedesk.sandbox.stack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tracedesk.shop.AwsServiceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The stack's DynamoDB tables (string hash key, string attributes) in {@code shop-tables.db} under the sandbox data
 * dir. Errors are DynamoDB's: ResourceNotFoundException for a table that does not exist, ConditionalCheckFailedException
 * when {@code attribute_not_exists(key)} fails.
 */
public final class LocalTable implements AutoCloseable {
    public static final String FILE_NAME = "shop-tables.db";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection db;

    public LocalTable(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + dataDir.resolve(FILE_NAME));
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=NORMAL");
                s.execute("CREATE TABLE IF NOT EXISTS ddb_tables(name TEXT PRIMARY KEY, hash_key TEXT NOT NULL, created INTEGER NOT NULL)");
                s.execute("CREATE TABLE IF NOT EXISTS ddb_items(tbl TEXT NOT NULL, k TEXT NOT NULL, item TEXT NOT NULL, PRIMARY KEY(tbl, k))");
            }
        } catch (SQLException e) {
            throw new IOException("cannot open the table store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    /** CreateTable if absent (idempotent across sandbox restarts). */
    public synchronized void ensureTable(String name, String hashKey) {
        try (PreparedStatement p = db.prepareStatement("INSERT OR IGNORE INTO ddb_tables(name, hash_key, created) VALUES(?, ?, ?)")) {
            p.setString(1, name);
            p.setString(2, hashKey);
            p.setLong(3, System.currentTimeMillis());
            p.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hashKey(String table, String requestId) {
        try (PreparedStatement p = db.prepareStatement("SELECT hash_key FROM ddb_tables WHERE name = ?")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                if (r.next()) return r.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        throw new AwsServiceException("ResourceNotFoundException", 400,
                "Requested resource not found: Table: " + table + " not found", requestId);
    }

    public synchronized void putItem(String table, Map<String, String> item, String conditionKeyAbsent, String requestId) {
        String key = hashKey(table, requestId);
        String k = item.get(key);
        if (k == null || k.isEmpty()) {
            throw new AwsServiceException("ValidationException", 400,
                    "One or more parameter values were invalid: Missing the key " + key + " in the item", requestId);
        }
        if (conditionKeyAbsent != null && getItem(table, key, k, requestId) != null) {
            throw new AwsServiceException("ConditionalCheckFailedException", 400, "The conditional request failed", requestId);
        }
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO ddb_items(tbl, k, item) VALUES(?, ?, ?)")) {
            p.setString(1, table);
            p.setString(2, k);
            p.setString(3, JSON.writeValueAsString(item));
            p.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized Map<String, String> getItem(String table, String keyName, String keyValue, String requestId) {
        String key = hashKey(table, requestId);
        if (!key.equals(keyName)) {
            throw new AwsServiceException("ValidationException", 400, "The provided key element does not match the schema", requestId);
        }
        try (PreparedStatement p = db.prepareStatement("SELECT item FROM ddb_items WHERE tbl = ? AND k = ?")) {
            p.setString(1, table);
            p.setString(2, keyValue);
            try (ResultSet r = p.executeQuery()) {
                return r.next() ? JSON.readValue(r.getString(1), new TypeReference<Map<String, String>>() {}) : null;
            }
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** DeleteTable: the table and its items; false when there was none. */
    public synchronized boolean dropTable(String name) {
        try (PreparedStatement items = db.prepareStatement("DELETE FROM ddb_items WHERE tbl = ?");
             PreparedStatement table = db.prepareStatement("DELETE FROM ddb_tables WHERE name = ?")) {
            items.setString(1, name);
            items.executeUpdate();
            table.setString(1, name);
            return table.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public synchronized long count(String table) {
        try (PreparedStatement p = db.prepareStatement("SELECT COUNT(*) FROM ddb_items WHERE tbl = ?")) {
            p.setString(1, table);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String newRequestId() {
        return UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT).substring(0, 32);
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
