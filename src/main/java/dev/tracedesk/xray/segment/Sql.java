package dev.tracedesk.xray.segment;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The {@code sql} block of a subsegment (spec §3.8). */
public record Sql(String connectionString, String url, String sanitizedQuery, String databaseType,
                  String databaseVersion, String driverVersion, String user, String preparation, ObjectNode extra) {
}
